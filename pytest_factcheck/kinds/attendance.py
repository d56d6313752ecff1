"""``attendance``: who was at which meeting.

A sentence that names a ``present``/``absent`` person and the ``event`` (its
name or aliases only) *places* the person when the prose links the two
explicitly:

* **linked wording** -- ``PERSON ... attended ... EVENT`` with at most five words
  between the person and the wording and between the wording and the event.
  The person must be the wording's subject: the words between them may only be
  adverbs and auxiliaries (``also``, ``had``, ``on Tuesday``), an appositive
  (``Alfano, the Italian foreign minister, who hosted``) or other people joined
  by ``and``/commas (``Tillerson and Johnson attended``); a person right after
  a preposition (``standing in for Grant``, ``a spokesman for Grant``) is an
  object, never the subject. Anything else
  (``Putin said``, ``Putin met Johnson, who``, ``would``, ``to``, ``not``) breaks
  the link.
* **passive** -- ``EVENT, (which was) hosted/attended/chaired/addressed by PERSON``.
* **relative** -- ``EVENT, which PERSON did not attend``.
* **opening phrase** -- a sentence that opens with ``At`` or presence wording and
  the event and goes on with the person as its subject (``At the G-7 meeting,
  Tillerson said``; ``Arriving at a summit in Lucca, Italy, Mr Johnson ...``).
* **intransitive relative** -- ``PERSON, who did not attend, ...`` in a sentence
  that names the event.

Presence wording: attend, host, chair, join, address, was at, arrive at, speak
at, fly from, leave (inflected). Absence wording: did not / never / failed to
attend, skipped, missed, was absent (missing) from, stayed away from,
boycotted, was not at, was not invited to. Absence wording, ``joined``,
``addressed`` and the prepositional wordings must take the event itself as
their object (``missed the opening session of the G7 meeting`` is not an
absence); other verbs may reach it through a short phrase (``hosted ministers
at the G-7 gathering``) unless a word in between turns it into another
occasion (``before``, ``after``, ``outside``, ``against`` ...).

Nobody is placed by: a sentence that states another date than the event's
``date`` (or another year, or ``next year``/``last year``); an event named as
``the next``/``the previous``/``every`` one; an article dated before the event;
a question; wording inside quotation marks; future or intention (``would not
attend``, ``is expected to attend``, ``said he would``). A reading in a hedged
sentence (``denied``, ``reportedly``, ``whether``, ``if``) or inside someone's
reported claim (``Johnson said Lavrov attended``, ``Lavrov attended, officials
said``) is only a note.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

import regex

from ..article import PreparedArticle, Sentence
from ..entities import EntityIndex, Mention
from ..errors import FactError
from ..model import Entity, Evidence, Fact
from ..text.dates import WEEKDAYS as _WEEKDAY_NAMES
from ..text.dates import Day, parse_day, stated_dates
from ..text.normalize import normalize_phrase
from ..text.phrases import (
    Token,
    TokenRun,
    is_capitalized,
    is_possessive,
    nationality_like,
    phrase_pattern,
    tokens,
    wordset,
)
from .base import CompileContext, Kind, Needs, listing, strings

Polarity = Literal["at", "away"]
MAX_GAP = 5

# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """One kind of presence or absence wording."""

    name: str
    polarity: Polarity
    pattern: regex.Pattern[str]
    strict: bool = False  # the event must be the wording's direct object
    passive: bool = False  # "attended by PERSON"
    intransitive: bool = False  # "PERSON, who did not attend, ..."
    opener: bool = False  # may open a sentence: "Arriving at the summit, ..."
    relative: bool = True  # "EVENT, which PERSON attended"


def _cue(name: str, polarity: Polarity, source: str, **flags: bool) -> Cue:
    pat = regex.compile(rf"(?<![\p{{L}}\p{{N}}'])(?:{source})(?![\p{{L}}\p{{N}}]|-\p{{L}})",
                        regex.IGNORECASE)
    return Cue(name, polarity, pat, **flags)


_NOT = r"(?:\s+not|n't)"
_BE = r"(?:was|were|is|are|been)"

CUES: tuple[Cue, ...] = (
    # -- presence ---------------------------------------------------------
    _cue("attended", "at", r"attend(?:s|ed|ing)?", passive=True, intransitive=True,
         opener=True),
    _cue("hosted", "at", r"host(?:s|ed|ing)", passive=True, opener=True),
    _cue("chaired", "at", r"chair(?:s|ed|ing)", passive=True, opener=True),
    _cue("joined", "at", r"join(?:s|ed|ing)", strict=True, opener=True),
    _cue("addressed", "at", r"address(?:es|ed|ing)", strict=True, passive=True, opener=True),
    _cue("was at", "at", rf"{_BE}(?:\s+(?:also|present|there))?\s+at", strict=True,
         relative=False),
    _cue("arrived at", "at", r"arriv(?:e|es|ed|ing)\s+at", strict=True, opener=True,
         relative=False),
    _cue("spoke at", "at", r"(?:speak|speaks|spoke|speaking)\s+at", strict=True, opener=True,
         relative=False),
    _cue("flew from", "at",
         r"(?:flies|flew|flying|flown)\s+(?:(?:straight|directly|direct|back|home|on|out)\s+)?"
         r"from", strict=True, opener=True, relative=False),
    _cue("left", "at", r"left|leaves|leaving", strict=True, opener=True),
    # "joined leaders at the summit", "joined Macron at the funeral"
    _cue("joined others at", "at",
         r"join(?:s|ed|ing)\s+(?:(?:other|fellow|world|the|his|her|their|some|many|"
         r"dozens\s+of|hundreds\s+of|thousands\s+of|[\p{L}]+\s+and)\s+)*"
         r"(?:leaders|heads\s+of\s+(?:state|government)|counterparts|colleagues|ministers|"
         r"delegates|dignitaries|mourners|guests|royals|allies|officials|diplomats|"
         r"presidents|monarchs|well-wishers|crowds|others|members\s+of\s+the\s+royal\s+family"
         r"|(?-i:\p{Lu}[\p{L}\p{M}'\-]*)(?:\s+(?-i:\p{Lu}[\p{L}\p{M}'\-]*)){0,2})"
         r"\s+(?:at|for)", strict=True, opener=True, relative=False),
    # "was among those at", "was among the 500 guests at", "among those who attended"
    _cue("was among those at", "at",
         rf"{_BE}\s+(?:also\s+)?among\s+(?:those|the\s+(?:[\p{{L}}\p{{N}},'\-]+\s+){{0,3}}?"
         r"[\p{L}'\-]+)\s+(?:(?:who\s+)?attended|attending|present\s+at|at|who\s+(?:were|was)"
         r"\s+at)", strict=True, relative=False),
    # -- absence ----------------------------------------------------------
    _cue("did not attend", "away",
         rf"(?:did|does|do|has|have|had){_NOT}\s+(?:yet\s+)?attend(?:ed)?"
         r"|never\s+(?:attend(?:s|ed)?|turned\s+up\s+(?:at|to))|failed\s+to\s+attend",
         strict=True, intransitive=True),
    _cue("skipped", "away", r"skip(?:s|ped|ping)", strict=True, opener=True),
    _cue("missed", "away", r"miss(?:es|ed)", strict=True),
    _cue("was absent from", "away", rf"{_BE}\s+(?:absent|missing)\s+from", strict=True,
         relative=False),
    _cue("was absent", "away", rf"{_BE}\s+absent", strict=True, intransitive=True,
         relative=False),
    _cue("stayed away from", "away", r"st(?:ay|ays|ayed|aying)\s+away(?:\s+from)?", strict=True,
         intransitive=True, relative=False),
    _cue("boycotted", "away", r"boycott(?:s|ed|ing)", strict=True, opener=True,
         intransitive=True),
    _cue("was not at", "away", rf"{_BE}{_NOT}\s+(?:present\s+)?at", strict=True,
         relative=False),
    _cue("was among those who skipped", "away",
         rf"{_BE}\s+(?:also\s+)?among\s+(?:those|the\s+(?:[\p{{L}}\p{{N}},'\-]+\s+){{0,3}}?"
         rf"[\p{{L}}'\-]+)\s+(?:who|to)\s+(?:(?:did|had){_NOT}\s+attend(?:ed)?|not\s+attend|"
         r"skip(?:ped)?|miss(?:ed)?|stay(?:ed)?\s+away\s+from|boycott(?:ed)?)", strict=True,
         relative=False),
    _cue("could not attend", "away",
         rf"(?:could{_NOT}|(?:was|were)\s+unable\s+to|(?:declined|refused)\s+to)\s+attend"
         r"|(?:was|were)\s+(?:forced|obliged|compelled)\s+to\s+(?:skip|miss)",
         strict=True, relative=False),
    _cue("pulled out of", "away",
         r"pull(?:s|ed)\s+out\s+of|declin(?:es|ed)\s+(?:an|the|its|their|his|her)\s+"
         r"invitation\s+to(?:\s+attend)?", strict=True, relative=False),
    _cue("was not invited to", "away",
         rf"(?:(?:was|were|is|are){_NOT}|(?:has|have|had){_NOT}\s+been)\s+invited\s+to"
         r"(?:\s+attend)?", strict=True, relative=False),
)

WEEKDAYS = _WEEKDAY_NAMES
# Words that may stand between a person and the wording they are the subject of.
SUBJECT_WORDS = wordset("""
    who also later earlier then first finally briefly personally previously already
    recently subsequently eventually ultimately once just both all himself herself
    themselves too still even only yesterday today tonight duly jointly together again
    separately officially formally however meanwhile though had has have was were is are
    been did does do on this last week morning afternoon evening night weekend and""") | WEEKDAYS
# Words of an appositive or title next to a name ("the Italian foreign minister").
TITLE_WORDS = wordset("""
    the a an of for his her their its foreign minister secretary president prime state
    chancellor ambassador envoy leader counterpart spokesman spokeswoman general deputy vice
    defence defense chief head diplomat top host affairs home finance interior senator
    governor mayor premier commissioner representative undersecretary former then current
    new acting outgoing mr mrs ms dr sir dame lord""")
# Words that, between the wording and the event, make it another occasion or
# another relation ("dinner before the G7 meeting", "protest against it").
BLOCK_WORDS = wordset("""
    before after ahead prior following until till since instead rather than without
    outside near nearby against despite because about over on onto into to by with from
    not no never nor or but while whereas although though unlike except when where which
    who whom whose that if unless whether as beyond beside besides around toward towards
    amid among between calls call chorus criticism critics protest protests protesters
    condemnation opposition demands campaign appeals boycott rival alternative counter
    snub said says say told claims claim remarks comments concerns questions accusations
    allegations time same""")
PREPOSITIONS = wordset("""
    at in of for during on to from with by about over under into onto across through
    via per""")
# Idioms with "at" that do not place anyone ("At odds over", "At the time of").
AT_IDIOMS = wordset("""
    odds loggerheads pains heart centre center risk stake war loss fault issue least
    most time moment same point expense mercy hands helm""")
ING_NOUNS = wordset("meeting evening morning closing opening building gathering briefing sitting")
# Directly before the event: it is another occasion of the same kind.
OTHER_OCCASION = wordset("""
    next upcoming forthcoming previous future past subsequent another other every each
    any rival alternative counter earlier later year's many several numerous countless
    successive""")
# Directly before a person: the person is excluded, not the subject.
EXCLUDING = wordset("not nor neither unlike except without than besides excluding minus")
# A person right after one of these is its object, not a subject ("Lee, standing
# in for Grant, addressed the summit").
OBJECT_PREPOSITIONS = wordset("for of from to with by about behind beside")
EVERYONE = wordset("all everyone everybody anyone anybody nobody none everything")
HEDGES = wordset("""
    denied denies deny denying false falsely rumour rumours rumor rumors rumoured rumored
    alleged allegedly reportedly speculation speculated whether if unless unclear
    uncertain""")
OPENER_LEADS = wordset("after while when upon on having before since")
_RELATIVE_TIME = regex.compile(
    r"(?<![\p{L}])(?:next|last)\s+(?:year|month|week)|(?:years|months|a\s+year|a\s+decade)\s+"
    r"ago|later\s+this\s+(?:week|month|year)|tomorrow|in\s+the\s+coming",
    regex.IGNORECASE,
)

# --------------------------------------------------------------------------
# Dates (read by text/dates.py)
# --------------------------------------------------------------------------
_NO_DAY = Day(0, 0, 0)  # fits no stated date: any date in a sentence is "another"


def states_other_date(text: str, start: int, end: int, day: Day) -> bool:
    """Whether ``text[start:end]`` states a date (or year) other than ``day``."""
    if _RELATIVE_TIME.search(text, start, end):
        return True
    return any(not d.fits(day) for d in stated_dates(text, start, end))


# --------------------------------------------------------------------------
# One sentence
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """A person placed at or away from the event by one piece of wording."""

    person: Mention
    polarity: Polarity
    wording: str
    start: int
    end: int
    how: str


@dataclass
class _Sentence:
    """A sentence and what the readers need to know about it."""

    text: str  # the article's folded text (offsets are article offsets)
    start: int
    end: int
    events: list[Mention]
    people: list[Mention]  # tracked people (present/absent)
    others: list[Mention]  # every person mention, tracked or not
    quoted: list[tuple[int, int]]
    title_case: bool
    run: TokenRun

    def in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quoted)

    def toks(self, start: int, end: int) -> tuple[Token, ...]:
        return self.run.between(max(start, self.start), min(end, self.end))

    def person_in(self, start: int, end: int, exclude: Mention | None = None) -> list[Mention]:
        return [m for m in self.others if start <= m.start and m.end <= end and m is not exclude]


def _quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for i in range(start, end):
        if text[i] == '"':
            if opened is None:
                opened = i
            else:
                spans.append((opened, i + 1))
                opened = None
    if opened is not None:
        spans.append((opened, end))
    return spans


def _is_title_case(toks: Sequence[Token]) -> bool:
    long_words = [t for t in toks if t.is_word and len(t.text) > 3]
    if len(long_words) < 3:
        return False
    caps = sum(1 for t in long_words if is_capitalized(t.text))
    return caps / len(long_words) > 0.6


def _appositive_word(tok: Token, title_case: bool) -> bool:
    w = tok.lower
    if w in TITLE_WORDS or is_possessive(tok.text):
        return True
    return is_capitalized(tok.text) and not title_case


def _subject_gap_ok(sent: _Sentence, person: Mention, cue_start: int) -> bool:
    """Is ``person`` the subject of wording at ``cue_start``? (see module doc)."""
    if person.end > cue_start:
        return False
    if _followed_by_possessive(sent.text, person.end):
        return False  # "Putin's foreign minister attended"
    toks = sent.toks(person.end, cue_start)
    if sum(1 for t in toks if t.is_word) > MAX_GAP:
        return False
    others = sent.person_in(person.end, cue_start, exclude=person)
    covered = [(m.start, m.end) for m in others]
    has_who = any(t.lower == "who" for t in toks)
    prev: Token | None = None
    before_who = True
    for t in toks:
        inside_other = any(s <= t.start < e for s, e in covered)
        if t.lower == "who":
            before_who = False
        if inside_other:
            prev = t
            continue
        if not t.is_word:
            if t.text != ",":
                return False
        elif t.text.isdigit() and len(t.text) <= 3 and prev is not None and prev.text == ",":
            pass  # an age set off by commas: "Mr Ashgrove, 44, who did not attend"
        elif t.lower in SUBJECT_WORDS:
            if t.lower == "and" and has_who and before_who:
                return False  # "Tillerson and Johnson, who attended": who is Johnson
        elif _appositive_word(t, sent.title_case):
            if has_who and before_who and is_capitalized(t.text) and prev is not None \
                    and prev.text == "," and t.lower not in TITLE_WORDS \
                    and not is_possessive(t.text) and not nationality_like(t.lower):
                return False  # "Tillerson, Gabriel, who attended": who is Gabriel
        else:
            return False
        prev = t
    if others and has_who:
        first_who = next(t.start for t in toks if t.lower == "who")
        if any(m.start < first_who for m in others):
            return False
    for m in others:
        # Another person must be coordinated ("and", ","), not an object.
        before = [t for t in sent.toks(person.end, m.start) if not _appositive_word(
            t, sent.title_case) or t.text == ","]
        if before and before[-1].lower not in (",", "and"):
            return False
    return True


def _excluded(sent: _Sentence, person: Mention) -> bool:
    """``not Putin``, ``unlike Putin``, ``rather than Putin``: not a subject."""
    toks = sent.toks(sent.start, person.start)
    if toks and toks[-1].lower in OBJECT_PREPOSITIONS:
        return True  # "a spokesman for Grant attended": right before the name
    k = len(toks)
    skipped = 0
    while k > 0 and skipped < 4 and toks[k - 1].is_word and _appositive_word(
            toks[k - 1], sent.title_case) and toks[k - 1].lower not in EXCLUDING:
        if _object_preposition(toks, k - 1):
            return True
        k -= 1
        skipped += 1
    if k == 0:
        return False
    word = toks[k - 1].lower
    if word == "but":  # "everyone but Putin", not "..., but Putin skipped it"
        return k > 1 and toks[k - 2].lower in EVERYONE
    return word in EXCLUDING or _object_preposition(toks, k - 1)


def _object_preposition(toks: Sequence[Token], j: int) -> bool:
    """Is ``toks[j]`` a preposition whose object follows (``standing in for Grant``),
    not a word of a title (``Secretary of State``, ``Minister for Europe``)?"""
    if toks[j].lower not in OBJECT_PREPOSITIONS:
        return False
    prev = toks[j - 1] if j > 0 else None
    return prev is None or not prev.is_word or not (
        is_capitalized(prev.text) or prev.lower in TITLE_WORDS)


def _object_gap_ok(sent: _Sentence, start: int, end: int, cue: Cue | None) -> bool:
    """May the wording ending at ``start`` reach the event starting at ``end``?

    ``cue`` None is the sentence-opening ``At``.
    """
    toks = sent.toks(start, end)
    words = [t for t in toks if t.is_word]
    if len(words) > MAX_GAP or any(not t.is_word for t in toks):
        return False
    lows = [t.lower for t in words]
    if cue is None and any(w in AT_IDIOMS for w in lows):
        return False
    if cue is not None and cue.strict:
        for t in words:
            w = t.lower
            if w in BLOCK_WORDS or w in PREPOSITIONS:
                return False
            if w.endswith("ing") and w not in ING_NOUNS:
                return False
            if not (w in ("the", "a", "an", "this", "that", "its", "their", "his", "her",
                          "last", "recent", "annual", "latest", "key", "crucial", "whole",
                          "entire", "same", "full", "ministerial", "high-level",
                          "closed-door", "informal", "formal", "emergency", "two-day",
                          "one-day", "three-day", "weekend", "week's", "foreign",
                          "ministers'")
                    or is_possessive(t.text) or "-" in w or w in WEEKDAYS
                    or (is_capitalized(t.text) and not sent.title_case)):
                return False
        return not sent.person_in(start, end)
    if lows[:4] == ["on", "the", "sidelines", "of"]:
        lows = lows[4:]
    for w in lows:
        if w in BLOCK_WORDS:
            return False
        if w.endswith("ing") and w not in ING_NOUNS:
            return False
    return True


def _object_events(sent: _Sentence, wend: int, cue: Cue | None) -> Iterator[Mention]:
    """Mentions of the event after a wording ending at ``wend`` that the wording
    may take as its object (this occasion, within reach)."""
    for event in sent.events:
        if event.start >= wend and _event_ok(sent, event) and _object_gap_ok(
                sent, wend, event.start, cue):
            yield event


def _event_ok(sent: _Sentence, event: Mention) -> bool:
    """Not ``the next G7 meeting``, ``every G7 summit``, ``last year's G7 meeting``,
    ``the anti-G7 summit``."""
    if event.start > 0 and sent.text[event.start - 1] == "-":
        return False
    toks = sent.toks(max(sent.start, event.start - 40), event.start)
    lows = [t.lower for t in toks if t.is_word][-2:]
    if any(w in OTHER_OCCASION for w in lows):
        return False
    # "last year's", "last quarter's", "next month's" press conference
    return not (len(lows) == 2 and lows[0] in ("last", "next")
                and (lows[1].endswith("'s") or lows[1].endswith("s'")))


def _followed_by_possessive(text: str, pos: int) -> bool:
    """``Putin's``, ``the ministers' meeting`` (not a closing single quote)."""
    if text.startswith("'s", pos) and not text[pos + 2:pos + 3].isalnum():
        return True
    return text.startswith("'", pos) and pos > 0 and text[pos - 1] in "sS" \
        and text[pos + 1:pos + 2] == " "


def _cue_matches(sent: _Sentence) -> list[tuple[Cue, regex.Match[str]]]:
    found = []
    for cue in CUES:
        for m in cue.pattern.finditer(sent.text, sent.start, sent.end):
            found.append((cue, m))
    # Absence wording contains presence words ("did not attend"): drop the
    # presence match inside an absence match.
    away = [(m.start(), m.end()) for c, m in found if c.polarity == "away"]
    return [(c, m) for c, m in found
            if c.polarity == "away" or not any(s <= m.start() < e for s, e in away)]


def _linked(sent: _Sentence, cues: list[tuple[Cue, regex.Match[str]]]) -> Iterator[Reading]:
    """PERSON ... wording ... EVENT."""
    for cue, m in cues:
        if sent.in_quote(m.start()):
            continue
        after = sent.text[m.end():m.end() + 4]
        if re.match(r"\s+by\b", after, re.IGNORECASE):
            continue  # passive: "attended by"
        for person in sent.people:
            if person.end > m.start() or not _subject_gap_ok(sent, person, m.start()):
                continue
            if sent.in_quote(person.start) or _excluded(sent, person):
                continue
            for event in _object_events(sent, m.end(), cue):
                if (cue.polarity == "away" or cue.name in _OBJECT_CUES) and (
                        _followed_by_possessive(sent.text, event.end)
                        or _EVENT_AS_MODIFIER.match(sent.text, event.end)):
                    continue  # "missed the G7 meeting's final session", "left the
                    # board meeting's agenda unchanged", "addressed the summit's critics"
                yield Reading(person, cue.polarity, m.group(), person.start, event.end,
                              "linked")
                break


_OBJECT_CUES = frozenset(("joined", "addressed", "left"))
# The event name used as a modifier of what the wording takes as its object
# ("left the summit preparations to Lee", "missed the summit dinner").
_EVENT_AS_MODIFIER = regex.compile(
    r" (?:preparations?|plans?|planning|agenda|communiqu[eé]|declaration|statement|dinner|"
    r"sessions?|talks|photo|venue|security|organi[sz]ers|arrangements|papers|documents|"
    r"budget|reception|banquet|briefing)(?![\p{L}\p{N}])")
_BY = regex.compile(r"\s+by\s+", regex.IGNORECASE)
_PASSIVE_GAP = wordset("which that was were is are also been being had has have jointly "
                         "in")


def _list_after(sent: _Sentence, pos: int) -> list[Mention]:
    """People named in a list starting at ``pos`` (titles allowed before each)."""
    found: list[Mention] = []
    cursor = pos
    for person in sorted(sent.others, key=lambda m: m.start):
        if person.start < cursor:
            continue
        toks = sent.toks(cursor, person.start)
        words = [t for t in toks if t.is_word]
        lead_ok = all(_appositive_word(t, sent.title_case) or t.lower == "and"
                      or t.text == "," for t in toks)
        if not lead_ok or len(words) > MAX_GAP:
            break
        if found and not any(t.text == "," or t.lower == "and" for t in toks):
            break
        if _followed_by_possessive(sent.text, person.end):
            break
        found.append(person)
        cursor = person.end
    return found


def _passive(sent: _Sentence, cues: list[tuple[Cue, regex.Match[str]]]) -> Iterator[Reading]:
    """EVENT, hosted by PERSON."""
    for cue, m in cues:
        if not cue.passive or sent.in_quote(m.start()):
            continue
        by = _BY.match(sent.text, m.end())
        if by is None:
            continue
        for event in sent.events:
            if event.end > m.start() or not _event_ok(sent, event):
                continue
            toks = sent.toks(event.end, m.start())
            if sum(1 for t in toks if t.is_word) > MAX_GAP:
                continue
            if not all(t.text == "," or t.lower in _PASSIVE_GAP
                       or (is_capitalized(t.text) and not sent.title_case) for t in toks):
                continue
            if sent.person_in(event.end, m.start()):
                continue
            tracked = {id(p) for p in sent.people}
            for person in _list_after(sent, by.end()) or _including_list(sent, by.end()):
                if id(person) in tracked and not sent.in_quote(person.start):
                    yield Reading(person, cue.polarity, f"{m.group()} by", event.start,
                                  person.end, "passive")
            break


_INCLUDING = regex.compile(r"(?:including|among\s+them|such\s+as)\s+", regex.IGNORECASE)
_NOT_INCLUDED = wordset("not but except excluding without no nor apart")


def _including_list(sent: _Sentence, pos: int) -> list[Mention]:
    """``attended by 2,000 guests, including Biden and Macron``: the people named."""
    m = _INCLUDING.search(sent.text, pos, min(sent.end, pos + 80))
    if m is None:
        return []
    toks = sent.toks(pos, m.start())
    if sum(1 for t in toks if t.is_word) > 6 or sent.person_in(pos, m.start()):
        return []
    if any(t.lower in _NOT_INCLUDED or not (t.is_word or t.text == ",") for t in toks):
        return []
    return _list_after(sent, m.end())


def _neither_nor(sent: _Sentence, cues: list[tuple[Cue, regex.Match[str]]]
                 ) -> Iterator[Reading]:
    """``Neither Orbach nor Frost attended the summit``: both placed away."""
    toks = sent.toks(sent.start, sent.end)
    neither = next((t for t in toks if t.lower == "neither"), None)
    if neither is None or sent.in_quote(neither.start):
        return
    tracked = {id(p) for p in sent.people}
    for cue, m in cues:
        if cue.name not in ("attended", "was at") or m.start() < neither.end:
            continue
        if sent.in_quote(m.start()):
            continue
        between = sent.toks(neither.end, m.start())
        people = sent.person_in(neither.end, m.start())
        if not people or not any(t.lower == "nor" for t in between):
            continue
        if sum(1 for t in between if t.is_word) > 14:
            continue
        covered = [(p.start, p.end) for p in people]
        if not all(any(a <= t.start < b for a, b in covered) or t.lower == "nor"
                   or t.text == "," or _appositive_word(t, sent.title_case) for t in between):
            continue
        for event in _object_events(sent, m.end(), cue):
            for person in people:
                if id(person) in tracked:
                    yield Reading(person, "away", f"neither ... nor ... {m.group()}",
                                  person.start, event.end, "neither")
            break
        return


_WHICH = frozenset(("which", "that"))


def _relative(sent: _Sentence, cues: list[tuple[Cue, regex.Match[str]]]) -> Iterator[Reading]:
    """EVENT, which PERSON did not attend."""
    for cue, m in cues:
        if not cue.relative or sent.in_quote(m.start()):
            continue
        nxt = sent.toks(m.end(), sent.end)[:1]
        if nxt and nxt[0].is_word and nxt[0].lower not in PREPOSITIONS | SUBJECT_WORDS:
            continue  # the wording has its own object
        for person in sent.people:
            if person.end > m.start() or not _subject_gap_ok(sent, person, m.start()):
                continue
            if any(t.lower == "who" for t in sent.toks(person.end, m.start())):
                continue
            lead = sent.toks(sent.start, person.start)
            # which/that, maybe a title ("which Italian Foreign Minister Alfano hosted")
            k = len(lead)
            while k > 0 and lead[k - 1].is_word and lead[k - 1].lower not in _WHICH and \
                    _appositive_word(lead[k - 1], sent.title_case) and len(lead) - k < 5:
                k -= 1
            if k == 0 or lead[k - 1].lower not in _WHICH:
                continue
            which = lead[k - 1]
            for event in sent.events:
                if event.end > which.start or not _event_ok(sent, event):
                    continue
                gap = sent.toks(event.end, which.start)
                if len(gap) > 4 or any(t.is_word and not (is_capitalized(t.text)
                                                         or t.lower == "in") for t in gap):
                    continue
                if sent.person_in(event.end, which.start):
                    continue
                yield Reading(person, cue.polarity, m.group(), event.start, m.end(),
                              "relative")
                break


def _intransitive(sent: _Sentence, cues: list[tuple[Cue, regex.Match[str]]]
                  ) -> Iterator[Reading]:
    """PERSON, who did not attend, ... EVENT ..."""
    if len({(e.start, e.end) for e in sent.events}) != 1:
        return
    for cue, m in cues:
        if not cue.intransitive or sent.in_quote(m.start()):
            continue
        if not re.match(r"\s*(?:[,;]|\s-\s|\.?$)", sent.text[m.end():sent.end]):
            continue
        if not _event_ok(sent, sent.events[0]):
            continue
        for person in sent.people:
            if person.end > m.start() or sent.in_quote(person.start):
                continue
            toks = sent.toks(person.end, m.start())
            if not toks or toks[0].text != "," or not any(t.lower == "who" for t in toks):
                continue
            if _subject_gap_ok(sent, person, m.start()) and not _excluded(sent, person):
                yield Reading(person, cue.polarity, m.group(), person.start, m.end(),
                              "intransitive")


_AT = regex.compile(r"at(?![\p{L}\p{N}])", regex.IGNORECASE)


def _opener(sent: _Sentence, cues: list[tuple[Cue, regex.Match[str]]]) -> Iterator[Reading]:
    """At EVENT, PERSON ... / Arriving at EVENT, PERSON ..."""
    toks = sent.toks(sent.start, sent.end)
    k = 0
    while k < len(toks) and not toks[k].is_word:
        if toks[k].text not in ('"', "(", "["):
            return
        k += 1
    if k >= len(toks):
        return
    if toks[k].lower in OPENER_LEADS and k + 1 < len(toks):
        k += 1
    pos = toks[k].start
    if sent.in_quote(pos):
        return
    wording: tuple[Cue | None, int, str] | None = None
    at = _AT.match(sent.text, pos)
    if at is not None:
        wording = (None, at.end(), at.group())
    else:
        for cue, m in cues:
            if m.start() == pos and cue.opener:
                wording = (cue, m.end(), m.group())
                break
    if wording is None:
        return
    found, wend, wtext = wording
    polarity: Polarity = "at" if found is None else found.polarity
    for event in _object_events(sent, wend, found):
        yield from _opener_subjects(sent, event, polarity, wtext, pos)
        return


def _opener_subjects(sent: _Sentence, event: Mention, polarity: Polarity, wording: str,
                     start: int) -> Iterator[Reading]:
    rest = sent.toks(event.end, sent.end)
    commas = [t for t in rest if t.text == ","]
    if not commas:
        return
    tracked = {id(p) for p in sent.people}
    for comma in commas:
        if sum(1 for t in sent.toks(event.end, comma.start) if t.is_word) > 12:
            return
        subjects = _list_after(sent, comma.end)
        if not subjects:
            continue
        first = subjects[0]
        lead = sent.toks(comma.end, first.start)
        if any(not _appositive_word(t, sent.title_case) for t in lead):
            continue
        if sent.person_in(event.end, comma.start):
            return  # someone else is named in between: unsure whose sentence it is
        if not _active_subject(sent, subjects[-1].end):
            return  # "At the board meeting, Hale was sacked / did not speak / will ..."
        for person in subjects:
            if id(person) in tracked and not sent.in_quote(person.start):
                yield Reading(person, polarity, wording, start, person.end, "opener")
        return


_BE_HAVE = wordset("was were is are be been being had has have")
_MODALS = wordset("will would could should may might must shall can cannot won't wouldn't "
                  "couldn't shouldn't can't")
_NEGATIONS = wordset("not never no longer absent missing")
_IRREGULAR_PARTICIPLES = wordset("""
    told shown given made seen heard said thrown kept left put sent taken brought thought
    caught forgotten beaten chosen driven overruled overthrown""")


def _active_subject(sent: _Sentence, pos: int) -> bool:
    """Does the clause go on after the subject at ``pos`` in the active, affirmative,
    not-future voice? (``Hale was sacked``, ``Hale did not speak``, ``Hale will
    speak``, ``Hale was not mentioned`` do not place Hale at the meeting.)"""
    words = [t for t in sent.toks(pos, sent.end) if t.is_word][:4]
    # skip an adverb or two ("At the summit, Hale also said")
    lows = [t.lower for t in words]
    while lows and lows[0] in SUBJECT_WORDS - _BE_HAVE - {"did", "does", "do", "and"}:
        lows.pop(0)
    if not lows:
        return True
    first = lows[0]
    if first in _MODALS or first in _NEGATIONS:
        return False
    if first in ("did", "does", "do"):
        return not (len(lows) > 1 and lows[1] in _NEGATIONS)
    if first in _BE_HAVE and len(lows) > 1:
        nxt = lows[1]
        if nxt in _NEGATIONS or (nxt == "been" and len(lows) > 2 and lows[2].endswith("ed")):
            return False
        if first not in ("had", "has", "have") and (
                nxt.endswith(("ed", "en")) or nxt in _IRREGULAR_PARTICIPLES):
            return False  # a passive
    return True


_REMOTE = regex.compile(
    r"(?<![\p{L}])(?:(?:by|via|over|on)\s+(?:a\s+)?(?:video|videolink|video-link|videoconference|"
    r"video\s+link|video\s+call|phone|telephone|satellite|zoom|teams|skype|webcam|livestream|"
    r"link)|video\s*-?\s*link|remotely|virtually|online|(?:recorded|pre-recorded|prerecorded|"
    r"video)\s+(?:message|address|statement|speech)|from\s+(?:home|afar|(?:his|her|their)\s+"
    r"(?:office|home|residence|hospital\s+bed)))(?![\p{L}])",
    regex.IGNORECASE,
)


def _hedged(sent: _Sentence) -> bool:
    return any(t.lower in HEDGES for t in sent.toks(sent.start, sent.end) if t.is_word)


REPORTING = wordset("""
    said says say told tells claimed claims insisted insists added argued suggested
    suggests alleged reported reports according stated wrote believes believed thinks
    thought announced confirmed""")
_PRONOUNS = wordset("he she they officials diplomats sources aides critics we i it")
_SOURCE_LEADS = wordset("the a an his her their its one two several some many people "
                        "reports witnesses insiders allies friends")


def _reported(sent: _Sentence, r: Reading) -> bool:
    """Is the reading someone else's claim (``Johnson said Lavrov attended``,
    ``Lavrov attended, Johnson said``)? Then it is only a note."""
    before = [t for t in sent.toks(sent.start, r.start)
              if t.is_word and not sent.in_quote(t.start)]
    if any(t.lower in REPORTING for t in before):
        return True
    after = sent.toks(r.end, sent.end)
    if not after or after[0].text != ",":
        return False
    words = [t for t in after[1:6] if t.is_word]
    if words and words[0].lower == "according":
        return True
    for i, t in enumerate(words):
        if t.lower not in REPORTING:
            continue
        lead = words[:i]
        if lead and (all(w.lower in _PRONOUNS or is_capitalized(w.text) or
                         w.lower in TITLE_WORDS for w in lead)
                     or (lead[0].lower in _SOURCE_LEADS and len(lead) <= 4)):
            return True  # ", Johnson said", ", the club said", ", a spokesman said"
        if not lead:  # ", said Johnson."
            rest = sent.person_in(t.end, sent.end)
            if rest and rest[0].start - t.end <= 2:
                return True
        break
    return False


# --------------------------------------------------------------------------
# The checker
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceChecker:
    fact_id: str
    event: Entity
    event_pattern: regex.Pattern[str]
    day: Day | None
    present: frozenset[str]
    absent: frozenset[str]
    names: dict[str, str]
    index: EntityIndex
    not_people: frozenset[str]
    terms: tuple[str, ...]

    @cached_property
    def needs(self) -> Needs:
        return Needs.of(self.terms)

    def _sentences(self, article: PreparedArticle) -> Iterator[_Sentence]:
        text = article.folded
        events = [Mention(m.start(), m.end(), frozenset((self.event.id,)), m.group())
                  for m in self.event_pattern.finditer(text)]
        if not events:
            return
        tracked = self.present | self.absent
        mentions = [m for m in self.index.mentions(article)
                    if not (m.entities & self.not_people)]
        people = [m for m in mentions if m.entity in tracked]
        if not people:
            return
        for s in _sentences_with(article.sentences, events):
            evs = [e for e in events if s.start <= e.start < s.end]
            ppl = [p for p in people if s.start <= p.start < s.end]
            if not ppl:
                continue
            if any(p.start < e.end and e.start < p.end for p in ppl for e in evs):
                ppl = [p for p in ppl if not any(p.start < e.end and e.start < p.end
                                                 for e in evs)]
            run = _sentence_tokens(article, s)
            yield _Sentence(text, s.start, s.end, evs, ppl,
                            [m for m in mentions if s.start <= m.start < s.end],
                            _quoted_spans(text, s.start, s.end), _is_title_case(run.items),
                            run)

    def check(self, article: PreparedArticle) -> Iterator[Evidence]:
        if self.day is not None:
            published = parse_day(article.article.date)
            if published is not None and (published.year, published.month, published.day) < (
                    self.day.year, self.day.month, self.day.day):
                return
        for sent in self._sentences(article):
            if sent.text[sent.start:sent.end].rstrip(" \"')]").endswith("?"):
                continue
            if self.day is not None and states_other_date(sent.text, sent.start, sent.end,
                                                          self.day):
                continue
            if self.day is None and states_other_date(sent.text, sent.start, sent.end,
                                                      _NO_DAY):
                # The event has no date in the facts and the sentence states one
                # ("who had attended the G7 meeting in 2014"): it may be another
                # occasion, so no reading here is a contradiction.
                for ev in self._judge(sent):
                    if ev.status == "contradiction":
                        ev = Evidence(ev.start, ev.end, "note", ev.reason,
                                      f"{ev.message}; but the sentence states a date and the "
                                      "event has none in the facts: another occasion?")
                    yield ev
                continue
            yield from self._judge(sent)

    def _judge(self, sent: _Sentence) -> Iterator[Evidence]:
        cues = _cue_matches(sent)
        readings: list[Reading] = []
        for reader in (_linked, _passive, _relative, _intransitive, _neither_nor):
            readings.extend(reader(sent, cues))
        readings.extend(_opener(sent, cues))
        if not readings:
            return
        by_person: dict[str, list[Reading]] = {}
        for r in readings:
            # One verdict per person and sentence: "Merz, the German chancellor,
            # attended" reads Merz twice (name and alias).
            by_person.setdefault(r.person.entity or str(r.person.start), []).append(r)
        hedged = _hedged(sent)
        remote = _REMOTE.search(sent.text, sent.start, sent.end) is not None
        for group in by_person.values():
            polarities = {r.polarity for r in group}
            first = min(group, key=lambda r: (r.start, r.end))
            eid = first.person.entity or ""
            name = self.names.get(eid, eid)
            if len(polarities) > 1:
                yield Evidence(first.start, first.end, "note", "placed-at",
                               f"reads {name} both at and away from {self.event.name}; "
                               "not judged")
                continue
            yield self._evidence(first, name, eid, hedged or _reported(sent, first),
                                 remote and first.polarity == "at")

    def _evidence(self, r: Reading, name: str, eid: str, hedged: bool,
                  remote: bool = False) -> Evidence:
        event = self.event.name
        where = "at" if r.polarity == "at" else "away from"
        reason = "placed-at" if r.polarity == "at" else "placed-away"
        said = f"places {name} {where} {event} ({r.wording!r})"
        if r.how == "neither":
            # Kept a note because an earlier decision (tests/test_attendance.py::
            # test_but_and_neither) pins "Neither A nor B attended" to no verdict.
            return Evidence(r.start, r.end, "note", reason,
                            f"{said} ('neither ... nor'); not judged")
        if remote:
            return Evidence(r.start, r.end, "note", reason,
                            f"{said}, but the sentence says they took part remotely (by "
                            "video or phone); not judged")
        if hedged:
            return Evidence(r.start, r.end, "note", reason,
                            f"{said}, but the sentence is hedged or reports someone's "
                            "claim; not judged")
        expected: Polarity = "at" if eid in self.present else "away"
        if r.polarity == expected:
            listed = "present" if expected == "at" else "absent"
            return Evidence(r.start, r.end, "consistent", reason,
                            f"{said}; the fact lists {name} as {listed}")
        listed = "absent" if r.polarity == "at" else "present"
        return Evidence(r.start, r.end, "contradiction", reason,
                        f"{said}; the fact lists {name} as {listed}")


def _sentence_tokens(article: PreparedArticle, sentence: Sentence) -> TokenRun:
    """The tokens of a sentence. Not cached: only sentences naming the fact's
    event and one of its people are read, which other facts rarely share, and
    keeping them cost more memory than any other per-article reading."""
    return TokenRun(tokens(article.folded, sentence.start, sentence.end))


def _sentences_with(sentences: Sequence[Sentence], events: list[Mention]) -> list[Sentence]:
    starts = {e.start for e in events}
    return [s for s in sentences if any(s.start <= p < s.end for p in starts)]


@dataclass(frozen=True)
class Spec:
    event: str
    present: tuple[str, ...]
    absent: tuple[str, ...]

    @classmethod
    def decode(cls, fact: Fact) -> Spec:
        return cls(str(fact.fields["event"]), strings(fact, "present"), strings(fact, "absent"))


def _events_of_run(facts: Sequence[Fact]) -> frozenset[str]:
    """Entities used as events by any attendance fact of the run: never people,
    whatever their declared type."""
    return frozenset(str(f.fields["event"]) for f in facts
                     if f.kind == "attendance" and f.fields.get("event"))


def compile(fact: Fact, spec: Spec, context: CompileContext) -> AttendanceChecker:
    index = context.entities
    event_id = spec.event
    event = index.get(event_id)
    if event is None:
        raise FactError(f"unknown event {event_id!r}", fact.where("event"))
    present, absent = frozenset(spec.present), frozenset(spec.absent)
    both = sorted(present & absent)
    if both:
        raise FactError(f"{both[0]!r} is listed both as present and as absent",
                        fact.where("absent"))
    if event_id in present | absent:
        raise FactError(f"the event {event_id!r} is also listed as a person",
                        fact.where("present" if event_id in present else "absent"))
    pattern = phrase_pattern((event.name, *event.aliases))
    if pattern is None:
        raise FactError(f"the event {event_id!r} has no name to look for", fact.where("event"))
    day = parse_day(event.date)
    if event.date and day is None:
        raise FactError(f"the date of event {event_id!r} is not YYYY-MM-DD: {event.date!r}",
                        event.pos or fact.where("event"))
    run_events: frozenset[str] = context.once("attendance.events",
                                              lambda: _events_of_run(context.facts))
    names = {}
    for pid in present | absent:
        ent = index.get(pid)
        names[pid] = ent.name if ent is not None else pid
    terms = tuple(sorted({normalize_phrase(n).casefold() for n in (event.name, *event.aliases)}
                         - {""}))
    return AttendanceChecker(fact.id, event, pattern, day, present, absent, names, index,
                             run_events | {event_id}, terms)


def summary(fact: Fact, spec: Spec) -> str:
    parts = [f"at {spec.event}:"]
    if spec.present:
        parts.append(f"present {listing(spec.present)}")
    if spec.absent:
        parts.append(f"absent {listing(spec.absent)}")
    return " ".join(parts)


KIND = Kind("attendance", Spec.decode, compile, summary,
            entity_fields={"event": "event", "present": "person", "absent": "person"})
