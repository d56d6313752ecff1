"""The attendance kind's readers: each reads, in one sentence, who a piece of wording
places at or away from the event (see the package docstring for the rules)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from ...entities import Mention
from ...text.phrases import (
    Token,
    TokenRun,
    is_capitalized,
    is_possessive,
    nationality_like,
    wordset,
)
from ...text.quotes import QuoteSpan
from .vocabulary import (
    ADJECTIVAL_PARTICIPLES,
    AT_IDIOMS,
    BLOCK_WORDS,
    CUES,
    EVERYONE,
    EXCLUDING,
    HEDGES,
    ING_NOUNS,
    IRREGULAR_PAST,
    MAX_GAP,
    OBJECT_PREPOSITIONS,
    OPENER_LEADS,
    OTHER_OCCASION,
    PREPOSITIONS,
    SUBJECT_WORDS,
    TITLE_WORDS,
    WEEKDAYS,
    Cue,
    Polarity,
)

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


def quoted_in(spans: Sequence[QuoteSpan], start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``[start, end)`` inside the article's quoted spans (marks included)."""
    return [(max(sp.start, start), min(sp.end, end)) for sp in spans
            if sp.start < end and start < sp.end]


def is_title_case(toks: Sequence[Token]) -> bool:
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
    toks = _skip_appositive(sent, sent.toks(person.end, cue_start), person)
    if sum(1 for t in toks if t.is_word) > MAX_GAP:
        return False
    others = sent.person_in(person.end, cue_start, exclude=person)
    covered = [(m.start, m.end) for m in others]
    has_who = any(t.lower == "who" for t in toks)
    if not has_who and _object_of_verb(sent, person):
        return False
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


_APPOSITIVE_STOPS = wordset("who whom whose which that said says told not never nor but "
                            "whereas while although")
MAX_APPOSITIVE = 14
# Inside a relative clause set off by commas: another clause begins.
_RELATIVE_STOPS = wordset("who whom whose which that but whereas while although")


def _skip_appositive(sent: _Sentence, toks: tuple[Token, ...], person: Mention
                     ) -> tuple[Token, ...]:
    """:func:`_skip_one_appositive` up to twice (``Okoro, 61, who chairs the
    African group, attended``)."""
    for _ in range(2):
        rest = _skip_one_appositive(sent, toks, person)
        if rest is toks:
            break
        toks = rest
    return toks


def _skip_one_appositive(sent: _Sentence, toks: tuple[Token, ...], person: Mention
                         ) -> tuple[Token, ...]:
    """The words after a person with an appositive set off by commas right after
    the name dropped (``Bianchi, the Italian foreign minister and a veteran of
    such talks, attended``): the five-word reach counts words of the clause
    (SPEC §3a). The appositive must open like a noun phrase (a determiner, a
    title word, a possessive, an age), name nobody, and hold no relative
    clause, reporting verb or negation; a bare capitalized word (``Tillerson,
    Gabriel, who attended``) is another person, never an appositive."""
    if len(toks) < 3 or toks[0].text != ",":
        return toks
    close = next((k for k in range(1, len(toks)) if not toks[k].is_word), None)
    if close is None or toks[close].text != "," or (close == 1 and not toks[1].text.isdigit()):
        return toks  # (a lone age is an appositive: "Okoro, 61, who chairs ...,")
    inner = toks[1:close]
    first = inner[0]
    if not (first.lower in TITLE_WORDS or is_possessive(first.text) or first.text.isdigit()
            or not is_capitalized(first.text)):
        return toks
    # A non-restrictive relative clause (``Duval, who had flown in from Paris
    # overnight, attended``) is skipped like an appositive: the clause after
    # it is still the name's. Only one clause, and it names nobody.
    stops = _RELATIVE_STOPS if first.lower == "who" and len(inner) > 1 else _APPOSITIVE_STOPS
    body = inner[1:] if stops is _RELATIVE_STOPS else inner
    if len(inner) > MAX_APPOSITIVE or any(t.lower in stops for t in body):
        return toks
    # (a form of the same person, ``Duval, the French finance minister,``, is
    # the appositive itself)
    if any(not (m.entities & person.entities)
           for m in sent.person_in(inner[0].start, inner[-1].end)) or any(
            sent.in_quote(t.start) for t in inner):
        return toks
    return toks[close:]  # the closing comma stays: another appositive may follow


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


def _object_of_verb(sent: _Sentence, person: Mention) -> bool:
    """Is ``person`` the object of a verb (``Weber met Merkel and attended``,
    ``thanked Merkel, then attended``, ``after meeting Merkel``), not a subject?
    A lower-case past form or ``-ing`` form right before the name (titles
    skipped) says so. (A relative clause after the name, ``criticised Johnson,
    who hosted``, is still the name's: the caller does not ask then.)"""
    toks = sent.toks(sent.start, person.start)
    k = len(toks)
    while k > 0 and len(toks) - k < 4 and toks[k - 1].is_word and _appositive_word(
            toks[k - 1], sent.title_case):
        k -= 1
    if k == 0:
        return False
    tok = toks[k - 1]
    w = tok.lower
    if not tok.is_word or not tok.text.islower() or w in SUBJECT_WORDS \
            or w in ADJECTIVAL_PARTICIPLES:
        return False
    if w in ING_NOUNS and not (k > 1 and toks[k - 2].lower in OPENER_LEADS):
        return False  # "on Monday evening Duval attended", but "after meeting Duval"
    return (len(w) > 3 and w.endswith(("ed", "ing"))) or w in IRREGULAR_PAST


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
    if cue is not None and cue.bare and any(
            is_capitalized(t.text) and not is_possessive(t.text) and t.lower not in WEEKDAYS
            for t in words) and not sent.title_case:
        return False  # "told the BBC the meeting was a farce"
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


def cue_matches(sent: _Sentence) -> list[tuple[Cue, regex.Match[str]]]:
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


_JOIN = regex.compile(r"(?<![\p{L}])join(?:s|ed|ing)\s+", regex.IGNORECASE)
_AT_AFTER_OBJECT = regex.compile(r"\s+(?:at|for)(?=\s)", regex.IGNORECASE)
_JOINED_AT = next(c for c in CUES if c.name == "joined others at")


def joined_person(sent: _Sentence, cues: list[tuple[Cue, regex.Match[str]]]
                  ) -> Iterator[Reading]:
    """``Ferris joined the chancellor at the meeting``: ``joined X at`` where X is
    a person the run knows (any title or alias), placing the subject (SPEC §3a)."""
    for j in _JOIN.finditer(sent.text, sent.start, sent.end):
        if sent.in_quote(j.start()):
            continue
        obj = next((m for m in sent.others if m.start == j.end()), None)
        if obj is None:
            continue
        at = _AT_AFTER_OBJECT.match(sent.text, obj.end, sent.end)
        if at is None:
            continue
        for person in sent.people:
            if person is obj or person.end > j.start() or sent.in_quote(person.start):
                continue
            if not _subject_gap_ok(sent, person, j.start()) or _excluded(sent, person):
                continue
            for event in _object_events(sent, at.end(), _JOINED_AT):
                yield Reading(person, "at", sent.text[j.start():at.end()], person.start,
                              event.end, "linked")
                break


_OBJECT_CUES = frozenset(("joined", "addressed", "left", "told the meeting"))
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


def neither_nor(sent: _Sentence, cues: list[tuple[Cue, regex.Match[str]]]
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


REMOTE = regex.compile(
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
