"""``quantity``: a number that must fall within a range.

In each window (``fact.window``: the sentence by default, or the paragraph)
that mentions an ``about`` term (when the fact gives any), each ``cues``
occurrence is tied to the nearest number expression within 6 words in the same
sentence. Distance is the number of words between the cue and the expression;
a qualifier (``at least``) belongs to the expression. An interval that does not
meet ``[min, max]`` is a contradiction (reason ``out-of-range``); one that meets
it is consistent evidence.

The nearest-number rule is read the way a careful editor would, so that a
number that counts something else is not pinned on the cue:

* a number that counts a part of a total (``including 30 children``, ``30 of
  whom``) or an increment (``another 20``) is never tied;
* a number that measures (``20 minutes``, ``six years``) is tied only to a cue
  that is its unit (``years`` in ``10 years``);
* a tie never crosses another number, a coordinating conjunction (``injured 500
  and killed 80``: ``killed`` is not tied to ``500``) or a preposition that makes
  the number the object of something else (``killed in 2 attacks``,
  ``killed by 3 gunmen``); ``to``, ``at`` and ``of`` do not block (``rose to 89``,
  ``a toll of 89``);
* a number across clause punctuation (a comma, a colon, a bracket) is tied only
  when the punctuation stands right against the cue (``Deaths: 86``) or sets off
  an aside (``the toll, officials said, is 86``), and only when no number on the
  cue's side of it is as close (``80 were killed, 200 wounded`` ties ``killed``
  to ``80``); never across a semicolon;
* a number closer to a rival count word (``wounded``, ``injured``, ``missing``
  ...) than to the cue belongs to that word (``Many were killed, 200 wounded``);
* when two candidates are equally near and disagree, the reading is unsure: a
  note, not a contradiction;
* a contradiction becomes a note when the reading is unsure: the number is one
  count of a list (``killed 3 soldiers and 40 civilians``: the total is not
  stated), it counts a group that may be a part of the total (``killed 20
  children``; unless the fact's own cues or about terms name that group), or
  the sentence looks like another occasion: it names only years or months that
  the fact's ``claim`` does not (``the 2013 attack that killed 1,400``, when the
  claim says 2017), or says ``years ago``, ``a separate attack``, ``in Syria's
  six-year war`` (without an about term in that phrase), ``a separate deal``,
  ``another quake``, ``initial reports``, ``bringing the total to``, ``this year``;
* a contradiction is also only a note when the number may count a part: the
  sentence counts in instalments (``11 on Wednesday and six more``), another
  cue of the same sentence ties to a number the fact allows (``killed 19 on
  Tuesday; by Wednesday the toll was 23``), it says ``in Ostra alone``, the
  number counts those in a place that is no about term (``14 people in
  neighbouring Kestria``), it counts what was found (``found 12 bodies``), or it
  is the subject of a later verb (``Eight workers who died ... were migrants``).

The counts are those of :func:`~pytest_factcheck.text.numbers.find_counts`: a
sum of parts in one noun phrase of people is one count (``killing 212
passengers and nine crew``), ``among the N`` makes the other counts parts, and
an ordinal of a count is at least N (``a fourth death``; a plural cue such as
``deaths`` also reads its singular right after an ordinal). A sum is a subgroup
(a note when out of range) only when every part is one and the parts are not
groups by age or sex (``41 adults and 12 children`` is the total).

The words the claim's own numbers count (``workers`` in ``Twenty-three workers
died``) are the total's words: they are no subgroup, no rival tally, and an
about term that is one of them does not block a tie (``Seventeen hostages were
released``). A small bare number right after ``at`` and a verb cue is a time
(``freed at 10``).

A preposition ``of`` right after the cue governs the number (``a death toll
of 89``, ``the deaths of 30 people``); elsewhere ``of N`` is an object too
(``a town of 16,000``). The evidence marks the number expression, and the cue
with it when they touch (``killed 89``, ``80 dead``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple

import regex

from ..article import Paragraph, PreparedArticle, Sentence
from ..errors import FactError
from ..model import Evidence, Fact
from ..text.dates import MONTH_NAME, MONTH_NAMES, WEEKDAYS
from ..text.normalize import normalize_phrase
from ..text.numbers import (
    ORDINAL_NOUNS,
    PEOPLE_NOUNS,
    Interval,
    NumberExpr,
    find_counts,
    find_numbers,
    fmt_number,
    people_noun_end,
)
from .base import CompileContext, Kind, Locate, Needs, decoder, empty_entries, listing

__all__ = ["QuantityChecker", "compile", "numbers_in"]

MAX_DISTANCE = 6
REASON = "out-of-range"

# Words between a cue and a number that stop the tie: a new conjunct begins.
BLOCKERS = frozenset([
    "and", "but", "or", "nor", "while", "whilst", "whereas", "yet", "although", "though"
])
# A number right after one of these (and maybe a determiner) is the object of
# the preposition ("killed in 2 attacks", "by 3 gunmen"), not the cue's count,
# unless the cue follows it directly ("resulted in 89 deaths", "with 89 dead").
PREPOSITIONS = frozenset(
    [
        "in", "on", "from", "during", "within", "across", "after", "before", "since", "for",
        "by", "into", "inside", "near", "with", "without", "throughout", "per", "than",
        "against", "outside", "until", "till", "via", "like", "amid", "upon", "of"
    ])
DETERMINERS = frozenset([
    "the", "a", "an", "these", "those", "its", "their", "his", "her", "our", "all", "some",
    "each"
])
FUNCTION_WORDS = DETERMINERS | BLOCKERS | PREPOSITIONS | frozenset(
    [
        "of", "to", "at", "as", "is", "was", "were", "are", "be", "been", "being", "has", "have",
        "had", "who", "which", "that", "also", "possibly", "probably", "perhaps", "more"
    ])
# Count words of other tallies: a number attached to one of them counts that.
RIVALS = frozenset(
    [
        "wounded", "wounding", "injured", "injuring", "injuries", "injury", "hurt", "missing",
        "displaced", "arrested", "detained", "rescued", "evacuated", "hospitalised",
        "hospitalized", "treated", "affected", "survivors", "survived", "sickened", "sick",
        "ill", "homeless", "fled", "captured", "kidnapped", "abducted", "deported", "released",
        "freed", "infected", "cases", "hostages", "refugees"
    ])
# People counted as a group within a total: "killed 20 children" may be a part.
SUBGROUPS = frozenset(
    [
        "children", "child", "kids", "babies", "infants", "toddlers", "boys", "girls", "women",
        "men", "teenagers", "students", "pupils", "members", "relatives", "rescuers", "medics",
        "doctors", "nurses", "paramedics", "journalists", "reporters", "workers", "volunteers",
        "soldiers", "troops", "fighters", "militants", "rebels", "officers", "policemen",
        "police", "guards", "firefighters", "staff", "employees", "pilots", "crew", "passengers",
        "patients", "elderly", "prisoners", "detainees", "inmates", "captives", "hostages",
        "tourists", "foreigners", "nationals", "citizens", "migrants", "miners", "pilgrims",
        "worshippers", "spectators", "fans", "voters", "guests", "sailors", "fishermen"
    ])
# Groups that together make up everyone: a sum of them is no subgroup.
_BY_AGE_OR_SEX = frozenset(
    "children child kids babies infants toddlers boys girls women men teenagers elderly".split())
_OTHER_OCCASION = regex.compile(
    r"\b(?:years?|decades?|months?)\s+(?:ago|earlier|before)\b|\blast\s+year\b"
    r"|\b(?:separate|another|other|earlier|previous|unrelated|different|subsequent|later)"
    r"\s+(?:[\p{L}-]+\s+){0,2}?(?:attacks?|strikes?|air\s?strikes?|raids?|bombings?"
    r"|incidents?|assaults?|explosions?|blasts?|deals?|operations?|exchanges?|releases?"
    r"|swaps?|rounds?|quakes?|earthquakes?|tremors?|fires?|blazes?|floods?|flooding|storms?"
    r"|hurricanes?|typhoons?|cyclones?|crash(?:es)?|collisions?|accidents?|disasters?"
    r"|shootings?|elections?|votes?|polls?|eruptions?|landslides?|mudslides?|avalanches?"
    r"|collapses?|outbreaks?|sieges?|cases?|trials?|traged(?:y|ies)|stampedes?"
    r"|derailments?|sinkings?)\b"
    r"|\b(?:initial(?:ly)?|original(?:ly)?|earlier|previous(?:ly)?|first|preliminary)"
    r"\s+(?:[\p{L}-]+\s+)?(?:reports?|reported|estimates?|estimated|figures?|tolls?|counts?"
    r"|tallies)\b"
    r"|\bbring(?:s|ing)?\s+(?:[\p{L}\p{N},.-]+\s+){0,4}?(?:the\s+)?(?:total|number"
    r"|tally|toll)\b|\b(?:so\s+far\s+)?this\s+year\b|\bsince\s+(?:records\s+began"
    r"|January|the\s+start)\b"
    r"|\b(?:in|during|since|throughout|over)\s+(?:[\p{L}'-]+\s+){0,3}?(?:war|conflict"
    r"|fighting|violence|clashes|battle|siege|uprising|revolution|crisis|insurgency"
    r"|offensive|shelling)\b",
    regex.IGNORECASE,
)
# "the second bus crash in a month", "the third this year": one of a series, so
# the sentence may count another of them ("...; the first, in Epping, killed two").
_SERIES = regex.compile(
    r"\b(?:second|third|fourth|fifth|sixth|latest|last|[0-9]+(?:nd|rd|th))\s+"
    r"(?:[\p{L}-]+\s+){0,3}?(?:in\s+(?:a|one|the\s+(?:past|last)(?:\s+\w+)?|\w+)"
    r"\s+(?:days?|weeks?|fortnight|months?|years?|decades?)|this\s+(?:week|month|year))\b",
    regex.IGNORECASE)
# "in Ostra alone", "alone in the capital": a part of the total.
_ALONE = regex.compile(r"\b(?:[\p{Lu}][\p{L}'-]+|capital|city|town|village|province|region"
                       r"|district|area|family|household|hospital|school|street|building"
                       r"|camp|neighbou?rhood|week|day|month|year)\s+alone\b"
                       r"|\balone\s+(?:in|at|on)\b")
# "killed 14 people in neighbouring Kestria", "in the town of Ostra".
_PLACE_AFTER = regex.compile(
    r"(?:\s+[\p{Ll}'-]+){0,2}?\s+in\s+(?:(?:the\s+)?(?:town|village|city|district|province"
    r"|region|county|state|area|suburb|neighbourhood|neighborhood)\s+of\s+"
    r"|(?:the\s+)?(?:neighbouring|neighboring|nearby|northern|southern|eastern|western"
    r"|central|coastal|remote)\s+)?(?P<place>\p{Lu}[\p{L}'-]+)")
_PLACE_FIRST = regex.compile(
    r"\s*(?:In|At)\s+(?:(?:the\s+)?(?:town|village|city|district|province|region|county"
    r"|state|area)\s+of\s+|(?:neighbouring|neighboring|nearby|northern|southern|eastern"
    r"|western|central|coastal|remote)\s+)?(?P<place>\p{Lu}[\p{L}'-]+)")
_MONTHS_AND_DAYS = frozenset(MONTH_NAMES) | WEEKDAYS
# "Eight workers who died in the fire were migrants": the count is the subject
# of a later main verb, so the cue sits in a relative clause.
_MAIN_VERB_AFTER = regex.compile(
    r"(?<!\b(?:which|that|who|it|this|what|there)\s)\b(?:were|are|was|is|had\s+been"
    r"|have\s+been|has\s+been)\s+(?!(?:killed|dead|injured|wounded|hurt|freed|released"
    r"|rescued|among)\b)[\p{L}]+")
# "found 12 bodies", "recovered 40": what was found so far, not the toll.
_FINDING_VERBS = frozenset(
    "found find finds recovered recover recovers retrieved pulled identified buried exhumed "
    "discovered located".split())
_MONTH = regex.compile(rf"\b({MONTH_NAME})\b")
# "licensed to carry 640", "a capacity of 640": what there is room for, not a count.
_CAPACITY = regex.compile(
    r"\b(?:capacity|licen[cs]ed\s+(?:to\s+carry|for)|certified\s+(?:to\s+carry|for)"
    r"|(?:can|could|would|able\s+to|designed\s+to|built\s+to|allowed\s+to|permitted\s+to)"
    r"\s+(?:carry|hold|take|seat|accommodate|transport)|room\s+for|seats?\s+for"
    r"|seating\s+for)\b[^,;:()]*$",
    regex.IGNORECASE)
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['\-][\p{L}\p{N}]+)*")
_CLAUSE_PUNCT = regex.compile(r"[,;:()\[\]\"]|(?<=\s)-(?=\s)")
_YEAR = regex.compile(
    r"(?<![\p{L}\p{N},.])(1[5-9][0-9]{2}|2[01][0-9]{2})(?![\p{L}\p{N}]|[,.][0-9])")
_CACHE_KEY = "quantity.numbers"


def numbers_in(article: PreparedArticle, sentence: Sentence) -> list[NumberExpr]:
    """The number expressions of a sentence, in article offsets (cached per article)."""
    cache: dict[int, list[NumberExpr]] = article.cache.setdefault(_CACHE_KEY, {})
    found = cache.get(sentence.index)
    if found is None:
        text = article.folded[sentence.start:sentence.end]
        found = [e.shifted(sentence.start) for e in find_counts(text)]
        cache[sentence.index] = found
    return found


def _terms_regex(terms: Sequence[str], *, plural: bool = False) -> regex.Pattern[str] | None:
    """Whole-word pattern for terms; ``plural`` also accepts an -s/-es ending
    (an ``about`` term "chemical attack" matches "chemical attacks")."""
    forms = sorted({normalize_phrase(t) for t in terms if str(t).strip()}, key=len, reverse=True)
    if not forms:
        return None
    body = "|".join(regex.escape(f) for f in forms)
    suffix = "(?:e?s)?" if plural else ""
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{body}){suffix}(?![\p{{L}}\p{{N}}])",
                         regex.IGNORECASE | regex.FULLCASE)


@dataclass(frozen=True)
class _Gap:
    words: list[str]
    punct: bool


def _gap(text: str, a: int, b: int) -> _Gap:
    between = text[a:b] if a < b else ""
    return _Gap([m.group().casefold() for m in _WORD.finditer(between)],
                _CLAUSE_PUNCT.search(between) is not None)


def _close(gap: _Gap) -> bool:
    """An ordinal's noun follows it closely: at most three words, no clause punctuation."""
    return len(gap.words) <= 3 and not gap.punct


@dataclass(frozen=True)
class _Tie:
    expr: NumberExpr
    score: tuple[bool, int]


@dataclass(frozen=True)
class QuantityChecker:
    cues: regex.Pattern[str]
    about: regex.Pattern[str] | None
    allowed: Interval
    window: str
    claim_dates: frozenset[str]  # years and month names (casefolded) of the claim
    terms: tuple[str, ...]
    own_words: frozenset[str] = frozenset()  # words of the cues and about terms
    counted: frozenset[str] = frozenset()  # what the claim's numbers count ("people")
    singular: regex.Pattern[str] | None = None  # "death" for the cue "deaths"

    @cached_property
    def needs(self) -> Needs:
        return Needs.of(self.terms)

    # -- reading -----------------------------------------------------------------
    def check(self, article: PreparedArticle) -> Iterator[Evidence]:
        text = article.folded
        seen: set[tuple[int, int]] = set()
        about_in: dict[tuple[int, int], bool] = {}
        for m in self.cues.finditer(text):
            sentence = article.sentence_at(m.start())
            if sentence is None or m.end() > sentence.end:
                continue
            if self.about is not None:
                win = article.window_at(self.window, m.start())
                if win is None or not self._mentions_about(text, win, about_in):
                    continue
            ev = self._read(article, sentence, m.start(), m.end(), seen)
            if ev is not None:
                yield ev
        if self.singular is not None:
            yield from self._ordinal_cues(article, seen)

    def _ordinal_cues(self, article: PreparedArticle,
                      seen: set[tuple[int, int]]) -> Iterator[Evidence]:
        """SPEC §3a: "a fourth death" reads the singular of the cue "deaths"
        (and "the fourth person to die" the infinitive of "died") within three
        words after an ordinal of a count."""
        assert self.singular is not None
        text = article.folded
        for m in self.singular.finditer(text):
            sentence = article.sentence_at(m.start())
            if sentence is None or m.end() > sentence.end:
                continue
            if m.group().casefold() == "die" and not text.endswith(" to ", 0, m.start()):
                continue  # "the fourth person to die", not "a third man could die"
            ordinal = next((e for e in numbers_in(article, sentence) if e.qualifier == "ordinal"
                            and e.end <= m.start() and _close(_gap(text, e.end, m.start()))),
                           None)
            if ordinal is None:
                continue
            if self.about is not None:
                win = article.window_at(self.window, m.start())
                if win is None or self.about.search(text, win.start, win.end) is None:
                    continue
            ev = self._read(article, sentence, m.start(), m.end(), seen)
            if ev is not None:
                yield ev

    def _mentions_about(self, text: str, win: Sentence | Paragraph,
                        memo: dict[tuple[int, int], bool]) -> bool:
        key = (win.start, win.end)
        if key not in memo:
            assert self.about is not None
            memo[key] = self.about.search(text, win.start, win.end) is not None
        return memo[key]

    def _read(self, article: PreparedArticle, sentence: Sentence, cs: int, ce: int,
              seen: set[tuple[int, int]]) -> Evidence | None:
        text = article.folded
        exprs = numbers_in(article, sentence)
        if not exprs:
            return None
        presumed = _PRESUMED.search(text, max(sentence.start, cs - 40), cs)
        if presumed is not None and text[cs:ce].casefold().split()[-1] == "dead":
            cs = presumed.start()  # "missing, presumed dead" is the cue "dead"
        linked = _verb_linked(text, sentence, exprs, cs, ce)
        if linked is not None:  # SPEC §3a: "the death toll [from ...] rose to N"
            ties = [_Tie(linked, (False, 1))]
        else:
            ties = [t for e in exprs if (t := self._tie(text, sentence, exprs, e, cs, ce))]
        if not ties:
            return None
        best = min(t.score for t in ties)
        chosen = [t for t in ties if t.score == best]
        verdicts = {t.expr.interval.meets(self.allowed) for t in chosen}
        tie = chosen[0]
        key = (tie.expr.start, tie.expr.end)
        if key in seen:
            return None
        seen.add(key)
        start, end = tie.expr.start, tie.expr.end
        if tie.score == (False, 0):  # "killed 89", "80 dead": mark the cue too
            start, end = min(start, cs), max(end, ce)
        said = tie.expr.describe()
        allows = self.allowed.short()
        cue = text[cs:ce]
        number = text[tie.expr.start:tie.expr.end]
        detail = f"cue {cue!r} tied to {number!r}"
        if len(verdicts) > 1:
            others = ", ".join(repr(text[t.expr.start:t.expr.end]) for t in chosen)
            return Evidence(start, end, "note", REASON,
                            f"{cue!r} is as near to {others}; cannot tell which it counts "
                            f"(the fact allows {allows})", detail)
        if verdicts.pop():
            return Evidence(start, end, "consistent", REASON,
                            f"claims {said}; the fact allows {allows}", detail)
        sibling = self._sibling(text, sentence, exprs, tie.expr, cs, ce)
        if sibling is not None:
            return Evidence(start, end, "note", REASON,
                            f"claims {said} (the fact allows {allows}), but {number!r} is one "
                            f"count of a list with {text[sibling.start:sibling.end]!r}; "
                            "the total is not stated", detail)
        group = self._subgroup(text, sentence, tie.expr)
        if group:
            return Evidence(start, end, "note", REASON,
                            f"claims {said} {group} (the fact allows {allows}); they may be "
                            "a part of the total", detail)
        partial = self._partial(text, sentence, exprs, tie.expr, cs, ce)
        if partial:
            return Evidence(start, end, "note", REASON,
                            f"claims {said} (the fact allows {allows}), but {partial}", detail)
        occasion = self._other_occasion(text, sentence, exprs)
        if occasion:
            return Evidence(start, end, "note", REASON,
                            f"claims {said} (the fact allows {allows}), but the sentence "
                            f"{occasion}: another occasion?", detail)
        return Evidence(start, end, "contradiction", REASON,
                        f"claims {said}; the fact allows {allows}", detail)

    def _tie(self, text: str, sentence: Sentence, exprs: Sequence[NumberExpr],
             e: NumberExpr, cs: int, ce: int) -> _Tie | None:
        """The tie of the expression ``e`` to the cue at ``[cs, ce)``, or None when a
        rule of :data:`NO_TIE` refuses it."""
        if e.part:
            return None
        if e.end <= cs:
            a, b = e.end, cs
        elif e.start >= ce:
            a, b = ce, e.start
        else:
            return None  # the cue overlaps the expression
        pair = _Pair(self, text, sentence, exprs, e, cs, ce, a, b, _gap(text, a, b))
        if any(refuses(pair) for _name, refuses in NO_TIE):
            return None
        return _Tie(e, pair.score)

    def _claimed_by_rival(self, text: str, sentence: Sentence, e: NumberExpr, cs: int, ce: int,
                          score: tuple[bool, int]) -> bool:
        """A rival count word (``wounded``) nearer to the number than the cue is."""
        lo = max(sentence.start, e.start - 80)
        hi = min(sentence.end, e.end + 80)
        for m in _WORD.finditer(text, lo, hi):
            w = m.group().casefold()
            if w not in RIVALS or (cs <= m.start() < ce) or w in self.own_words or (
                    w in self.counted):
                continue  # the fact's own words ("released" cue, "hostages") are no rivals
            if m.end() <= e.start:
                gap = _gap(text, m.end(), e.start)
            elif m.start() >= e.end:
                gap = _gap(text, e.end, m.start())
            else:
                continue
            if len(gap.words) > MAX_DISTANCE or any(w in BLOCKERS for w in gap.words):
                continue
            if (gap.punct, len(gap.words)) < score:
                return True
        return False

    def _sibling(self, text: str, sentence: Sentence, exprs: Sequence[NumberExpr],
                 e: NumberExpr, cs: int, ce: int) -> NumberExpr | None:
        """Another count listed with ``e`` ("3 soldiers and 40 civilians")."""
        for o in exprs:
            if o is e or o.part or o.unit:
                continue
            a, b = (e.end, o.start) if o.start >= e.end else (o.end, e.start)
            if a > b or (a <= cs < b):
                continue
            between = text[a:b]
            if self.cues.search(between):
                continue
            gap = _gap(text, a, b)
            if not gap.words or gap.words[0] in FUNCTION_WORDS or gap.words[0] in RIVALS:
                continue
            # "3 soldiers, 40 civilians" (not "which killed nine, forced 2,000")
            listed = (len(gap.words) == 1 and regex.fullmatch(r"\s*\S+\s*,\s*", between)
                      is not None) or (
                len(gap.words) == 2 and gap.words[1] in ("and", "or", "plus"))
            after = _WORD.search(text, o.end, sentence.end)
            if listed and not (after and after.group().casefold() in RIVALS):
                return o
        return None

    def _subgroup(self, text: str, sentence: Sentence, e: NumberExpr) -> str:
        """The group the number counts, if it is one within a total ("20 children");
        a sum is one only when each of its parts is ("212 passengers and 19 crew",
        but not "41 adults and 12 children")."""
        if e.parts:
            groups = [self._subgroup(text, sentence, p) for p in e.parts]
            for n in range(len(groups) - 2, -1, -1):  # "two British and three French soldiers"
                if people_noun_end(text, e.parts[n].end, e.parts[n + 1].start,
                                   PEOPLE_NOUNS) < 0:
                    groups[n] = groups[n + 1]
            if not all(groups) or all(g in _BY_AGE_OR_SEX for g in groups):
                return ""  # "41 adults and 12 children", "three men and nine women"
            return " and ".join(groups)
        after = text[e.end:min(sentence.end, e.end + 40)]
        for m in _WORD.finditer(after):
            if _CLAUSE_PUNCT.search(after[:m.start()]):
                return ""
            w = m.group().casefold()
            if w in SUBGROUPS and w not in self.own_words and w not in self.counted:
                return w
            if m.start() > 0 and (w in FUNCTION_WORDS or m.start() > 20):
                return ""
            if w in FUNCTION_WORDS or w in ("people", "persons", "civilians"):
                return ""
        return ""

    def _partial(self, text: str, sentence: Sentence, exprs: Sequence[NumberExpr],
                 e: NumberExpr, cs: int, ce: int) -> str:
        """Why the out-of-range number may count only a part of the total, or ""."""
        if any(o.part_reason == "increment"  # in the same clause: not across a semicolon
               and ";" not in text[min(o.end, e.end):max(o.start, e.start)] for o in exprs):
            return "the sentence counts in instalments ('more', 'another'); the total is not stated"
        cap = _CAPACITY.search(text, max(sentence.start, e.start - 60), e.start)
        if cap is not None and not _CLAUSE_PUNCT.search(text, cap.end(), e.start):
            return f"it states a capacity ({cap.group().strip()!r}), not how many there were"
        split = self._split_total(exprs, e)
        if split:
            return f"the sentence splits the count ({split}): each number is a part"
        if self._sentence_agrees(text, sentence, exprs, e):
            return ("the same sentence also states a figure the fact allows: an earlier or "
                    "partial figure?")
        m = _ALONE.search(text, sentence.start, sentence.end)
        if m:
            return f"the sentence counts a part ({m.group()!r})"
        after = text[e.end:min(sentence.end, e.end + 80)]
        first = _PLACE_FIRST.match(text, sentence.start, sentence.end)
        for m in (_PLACE_AFTER.match(after), first if first and first.end() <= e.start else None):
            if m is not None and self._other_place(m.group("place")):
                return f"it counts those in {m.group('place')!r}: a part of the total?"
        if e.end <= cs and e.qualifier != "ordinal":  # "the 40th victim was named": 40 at least
            m = _MAIN_VERB_AFTER.search(text, ce, sentence.end)
            if m and not _CLAUSE_PUNCT.search(text, e.end, m.start()):
                return ("the number is the subject of another verb "
                        f"({m.group().strip()!r}): a group within the total?")
        before = _WORD.findall(text, max(sentence.start, e.start - 30), e.start)
        if before and before[-1].casefold() in _FINDING_VERBS:
            return f"it counts what was {before[-1].casefold()}: a part of the total?"
        return ""

    def _split_total(self, exprs: Sequence[NumberExpr], e: NumberExpr) -> str:
        """``eight witnesses; Mr Ashgrove's side will call six``: parts that add up
        to a total the fact allows ("8 + 6 = 14"), or ""."""
        # A part of a total ("including 12 children") is inside the count, not
        # beside it: it never adds up with it.
        others = [o for o in exprs if o is not e and not o.unit and not o.part
                  and o.interval.is_exact and e.interval.is_exact and o.interval.lo > 0]
        for group in ([o] for o in others):
            total = e.interval.lo + sum(o.interval.lo for o in group)
            if self.allowed.contains(total):
                parts = " + ".join(fmt_number(x.interval.lo) for x in (e, *group))
                return f"{parts} = {fmt_number(total)}"
        return ""

    def _other_place(self, place: str) -> bool:
        """A capitalized place that is no about term (and no month or day)."""
        return place.casefold() not in _MONTHS_AND_DAYS and not (
            self.about is not None and self.about.search(place))

    def _sentence_agrees(self, text: str, sentence: Sentence, exprs: Sequence[NumberExpr],
                         e: NumberExpr) -> bool:
        """Does another cue of the sentence tie to another number the fact allows
        ("killed 19 on Tuesday; by Wednesday the toll was 23")?"""
        for m in self.cues.finditer(text, sentence.start, sentence.end):
            ties = [t for o in exprs if o is not e
                    and (t := self._tie(text, sentence, exprs, o, m.start(), m.end()))]
            if not ties:
                continue
            best = min(t.score for t in ties)
            if any(t.score == best and t.expr.interval.meets(self.allowed) for t in ties):
                return True
        return False

    def _other_occasion(self, text: str, sentence: Sentence,
                        exprs: Sequence[NumberExpr]) -> str:
        """Why the sentence may be about another occasion than the claim's, or ""."""
        years_here = {m.group() for m in _YEAR.finditer(text, sentence.start, sentence.end)
                      if not any(x.value_start <= m.start() < x.value_end for x in exprs)}
        if years_here and not any(d.isdigit() for d in self.claim_dates):
            # The claim states no year, the sentence does ("killed more than 1,000
            # people in 2013"): the figure may be another occasion's.
            return "names " + ", ".join(sorted(years_here)) + " (the fact's claim states no year)"
        if self.claim_dates:
            years, months = set(), set()
            for m in _YEAR.finditer(text, sentence.start, sentence.end):
                if not any(x.value_start <= m.start() < x.value_end for x in exprs):
                    years.add(m.group())
            months = {m.group().casefold()
                      for m in _MONTH.finditer(text, sentence.start, sentence.end)}
            claim_years = {d for d in self.claim_dates if d.isdigit()}
            claim_months = self.claim_dates - claim_years
            if claim_years and years and not years & claim_years:
                return "names " + ", ".join(sorted(years))
            if claim_months and months and not months & claim_months:
                return "names " + ", ".join(sorted(m.title() for m in months))
        for m in _OTHER_OCCASION.finditer(text, sentence.start, sentence.end):
            if self.about is None or not self.about.search(m.group()):
                return f"says {m.group()!r}"
        series = _SERIES.search(text, sentence.start, sentence.end)
        if series is not None:
            return f"says {series.group()!r}"
        return ""


class _Pair(NamedTuple):
    """A number and a cue of one sentence, as the tie rules see them."""

    q: QuantityChecker
    text: str
    sentence: Sentence
    exprs: Sequence[NumberExpr]
    e: NumberExpr
    cs: int  # the cue's span
    ce: int
    a: int  # the gap between them
    b: int
    gap: _Gap

    @property
    def before_cue(self) -> bool:
        return self.e.end <= self.cs

    @property
    def score(self) -> tuple[bool, int]:
        return (self.gap.punct, len(self.gap.words))


def _too_far(p: _Pair) -> bool:
    """More than MAX_DISTANCE words apart."""
    return len(p.gap.words) > MAX_DISTANCE


def _across_punctuation(p: _Pair) -> bool:
    """Words and punctuation between: "killed civilians; 30 ambulances"."""
    return bool(p.gap.punct and p.gap.words and not _parenthetical(p.text[p.a:p.b]))


def _other_unit(p: _Pair) -> bool:
    """A measure ties only to a cue that is its unit: "20 minutes" counts minutes."""
    return bool(p.e.unit) and not (p.before_cue and not p.gap.words
                                   and p.text[p.cs:p.ce].casefold().split()[0] == p.e.unit)


def _blocked(p: _Pair) -> bool:
    """A blocking word between them."""
    return any(w in BLOCKERS for w in p.gap.words)


def _time_after_at(p: _Pair) -> bool:
    """"were freed at 10": a time, not a count."""
    e = p.e
    return (p.gap.words == ["at"] and e.start >= p.ce and not e.qualifier
            and e.interval.is_exact and e.interval.lo <= 24
            and p.text[p.cs:p.ce].casefold().endswith("ed")
            and not _counted_after(p.text, e, p.sentence))


def _counts_the_about(p: _Pair) -> bool:
    """"two chemical attacks killed ...": the number counts the ``about`` term."""
    if not p.before_cue or p.q.about is None or p.e.qualifier == "ordinal":
        return False  # "a fifth resident of Ashby tower": the ordinal counts its noun
    hit = p.q.about.search(p.text, p.a, p.b)
    return hit is not None and not set(_WORD.findall(hit.group().casefold())) <= p.q.counted


def _across_another_count(p: _Pair) -> bool:
    """Never across another count."""
    return any(o is not p.e and p.a <= o.start and o.end <= p.b
               and _counts(p.text, p.sentence, o) for o in p.exprs)


def _subject_of_new_clause(p: _Pair) -> bool:
    """"walked out, four are exporters": the number opens a new clause."""
    return p.e.start >= p.ce and p.gap.punct and _opens_clause(p.text, p.sentence, p.e)


def _object_of_other_preposition(p: _Pair) -> bool:
    """The number is the object of a preposition, unless right after the cue
    ("killed 30"), governed by it ("death toll of 30") or heading it ("30 who died")."""
    words, punct = p.gap.words, p.gap.punct
    attached_after = p.before_cue and not words and not punct
    governed = p.e.start >= p.ce and words in (["of"], ["of", "the"]) and not punct
    headed = p.before_cue and not punct and _relative_head(words)
    return not (attached_after or governed or headed) and _object_of_preposition(
        p.text, p.sentence, p.e)


def _claimed_by_rival(p: _Pair) -> bool:
    """A rival count word ("wounded") nearer to the number than the cue is."""
    return p.q._claimed_by_rival(p.text, p.sentence, p.e, p.cs, p.ce, p.score)


# A number is tied to a cue unless one of these refuses it (any order gives the
# same result; cheap rules first).
NO_TIE: tuple[tuple[str, Callable[[_Pair], bool]], ...] = (
    ("too far", _too_far),
    ("across punctuation", _across_punctuation),
    ("another unit", _other_unit),
    ("blocked", _blocked),
    ("a time after at", _time_after_at),
    ("counts the about term", _counts_the_about),
    ("across another count", _across_another_count),
    ("subject of a new clause", _subject_of_new_clause),
    ("object of another preposition", _object_of_other_preposition),
    ("claimed by a rival", _claimed_by_rival),
)


def _counted_after(text: str, e: NumberExpr, sentence: Sentence) -> bool:
    """Does a plural count noun follow the number ("at 10 people")?"""
    m = _WORD.search(text, e.end, sentence.end)
    return m is not None and not text[e.end:m.start()].strip() and (
        m.group().casefold().endswith("s") or m.group().casefold() in ("people", "dead"))


# Finite verbs that make the number before them the subject of its own clause.
_CLAUSE_VERBS = frozenset(
    "are were is was have has had will would can could may might must remain remained "
    "say said stayed voted".split())
_RELATIVES = frozenset(["that", "who", "which"])


def _opens_clause(text: str, sentence: Sentence, e: NumberExpr) -> bool:
    """Is ``e`` the subject of a clause of its own ("..., four are exporters")?

    The number (maybe with one noun after it) is followed by a finite verb.
    """
    words = [m.group().casefold() for m in _WORD.finditer(text, e.end, sentence.end)][:2]
    if not words:
        return False
    return words[0] in _CLAUSE_VERBS or (len(words) == 2 and words[1] in _CLAUSE_VERBS
                                         and words[0] not in FUNCTION_WORDS)


def _relative_head(words: Sequence[str]) -> bool:
    """Do the words between a number and the cue after it open a relative clause
    about what the number counts ("of the seven delegations that walked out",
    "of the 41 who died")?"""
    if words and words[0] in _RELATIVES:  # "of the 41 who died"
        rest = list(words)
    elif len(words) < 2 or words[0] in FUNCTION_WORDS:
        return False
    else:
        rest = list(words[1:])
    if rest[0] not in _RELATIVES:
        return False
    return all(w in ("had", "have", "has", "were", "was", "been") for w in rest[1:])


def _parenthetical(between: str) -> bool:
    """Clause punctuation in a gap that only sets off an aside ("toll, officials said, is")."""
    if ";" in between:
        return False
    commas = between.count(",")
    dashes = len(regex.findall(r"(?<=\s)-(?=\s)", between))
    brackets = between.count("(") == between.count(")")
    return commas % 2 == 0 and dashes % 2 == 0 and brackets and ":" not in between and (
        '"' not in between)


def _counts(text: str, sentence: Sentence, e: NumberExpr) -> bool:
    """Whether ``e`` is a count that a tie may not cross (not a part, measure or object)."""
    return not e.part and not e.unit and not _object_of_preposition(text, sentence, e)


def _object_of_preposition(text: str, sentence: Sentence, e: NumberExpr) -> bool:
    before = text[max(sentence.start, e.start - 40):e.start]
    if _CLAUSE_PUNCT.search(before[-3:] if before else ""):
        return False
    words = [m.group().casefold() for m in _WORD.finditer(before)][-2:]
    if words and words[-1] in DETERMINERS:
        words = words[:-1]
    return bool(words) and words[-1] in PREPOSITIONS and not _CLAUSE_PUNCT.search(
        before[before.casefold().rfind(words[-1]):])


# SPEC §3a: "missing, presumed dead", "feared dead", "presumed dead" are the cue "dead".
_PRESUMED = regex.compile(
    r"(?<![\p{L}\p{N}])(?:missing\s*,?\s+(?:and\s+)?)?(?:presumed|feared|believed)"
    r"(?:\s+to\s+be)?\s+$", regex.IGNORECASE)
# SPEC §3a: a cue linked by its verb to a number at any distance in its sentence
# ("the death toll from Friday's fire at the warehouse has risen to nine").
_LINK_VERB = regex.compile(
    r"(?<![\p{L}\p{N}])(?:now\s+)?(?:(?:has|have|had)\s+(?:now\s+)?(?:risen|climbed|grown"
    r"|jumped|increased|reached|been\s+(?:revised|raised|put|set|estimated|given|confirmed)"
    r"(?:\s+(?:up|upwards?|down|downwards?))?)|(?:rose|climbed|grew|jumped|increased|reached"
    r"|stands|stood|is|was|were|are)(?:\s+(?:put|revised|raised|set|estimated|given|confirmed)"
    r"(?:\s+(?:up|upwards?|down|downwards?))?)?|now\s+stands)"
    r"(?:\s+(?:to|at))?\s+(?=\S)",
    regex.IGNORECASE)
# The words that may open what qualifies the cue's noun ("the toll from the fire").
_NOUN_POSTMODIFIERS = frozenset(
    "from in at of after following for among on during since".split())


def _verb_linked(text: str, sentence: Sentence, exprs: Sequence[NumberExpr], cs: int,
                 ce: int) -> NumberExpr | None:
    """The number the cue's own verb links it to, or None.

    The cue heads a noun phrase ("the death toll", "the number of dead") whose
    qualifiers (a prepositional phrase, an aside set off by commas) come before
    the first linking verb; the number stands right after that verb. A number
    inside the qualifiers ("which destroyed 40 homes") belongs to another noun
    phrase and is skipped; a conjunction, a semicolon or a colon in between ends
    the reading (the verb may link something else).
    """
    if not _noun_cue(text, sentence, cs, ce):
        return None  # "the man killed in the fire was 45": an age, not the toll
    for m in _LINK_VERB.finditer(text, ce, sentence.end):
        between = text[ce:m.start()]
        words = [w.casefold() for w in _WORD.findall(between)]
        stripped = between.strip()
        if stripped and not (stripped.startswith(",") or (words and words[0] in
                                                          _NOUN_POSTMODIFIERS)):
            return None
        if any(w in BLOCKERS for w in _outside_asides(between)) or not _parenthetical(between):
            return None
        nxt = next((e for e in exprs if e.start >= m.end()), None)
        if nxt is None or nxt.start != m.end() or nxt.part or nxt.unit:
            return None
        return nxt
    return None


def _noun_cue(text: str, sentence: Sentence, cs: int, ce: int) -> bool:
    """Is the cue a noun ("death toll", "deaths", "the number of dead"), not a verb
    or participle ("killed", "died")?"""
    last = text[cs:ce].split()[-1].casefold()
    if not (last.endswith("ed") or last in ("dead", "died", "lost", "perished")):
        return True
    before = [w.casefold() for w in _WORD.findall(text, max(sentence.start, cs - 30), cs)]
    return before[-2:] in (["number", "of"], ["tally", "of"], ["count", "of"])


def _outside_asides(between: str) -> list[str]:
    """The words of ``between`` outside comma-, dash- or bracket-delimited asides."""
    plain = regex.sub(r",[^,]*,|\([^()]*\)|(?<=\s)-\s[^-]*\s-(?=\s)", " ", between)
    return [w.casefold() for w in _WORD.findall(plain)]


# ---------------------------------------------------------------------------
# Compiling
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Spec:
    cues: tuple[str, ...]
    about: tuple[str, ...]
    min: int | float | None  # as the fact file writes them
    max: int | float | None


def validate(fact: Fact, spec: Spec, at: Locate) -> list[FactError]:
    out: list[FactError] = []
    lo, hi = spec.min, spec.max
    for name, v in (("min", lo), ("max", hi)):
        if v is not None and (isinstance(v, bool) or not isinstance(v, int | float)):
            return [FactError(f"{name!r} must be a number", fact.where(name))]
    if lo is not None and hi is not None and lo > hi:
        out.append(FactError(f"'min' ({lo}) is above 'max' ({hi}): no number could "
                             "satisfy this fact", fact.where("min")))
    if not spec.cues:
        out.append(FactError("a quantity fact needs 'cues'", fact.where("cues")))
    if lo is None and hi is None:
        out.append(FactError("a quantity fact needs 'min' or 'max'", fact.pos))
    return out + empty_entries(at, {name: fact.fields.get(name, ()) for name in ("cues", "about")})


def compile(fact: Fact, spec: Spec, context: CompileContext) -> QuantityChecker:
    cues, about = list(spec.cues), list(spec.about)
    lo = None if spec.min is None else float(spec.min)
    hi = None if spec.max is None else float(spec.max)
    cue_re = _terms_regex(cues)
    if cue_re is None:
        raise FactError("'cues' holds no word to look for", fact.where("cues"))
    terms = tuple(sorted({normalize_phrase(t).casefold() for t in (about or cues)}))
    claim = normalize_phrase(fact.claim)
    dates = frozenset(_YEAR.findall(claim)) | {m.casefold() for m in _MONTH.findall(claim)}
    own = frozenset(w.casefold() for t in (*cues, *about)
                    for w in _WORD.findall(normalize_phrase(t)))
    return QuantityChecker(cue_re, _terms_regex(about, plural=True), Interval.allowed(lo, hi),
                           fact.window, dates, terms, own, _counted(claim),
                           _terms_regex(_singulars(cues)))


def _singulars(cues: Sequence[str]) -> list[str]:
    """The singular a count's ordinal takes, of each plural cue that has one
    ("deaths": "a fourth death"; "victims": "the 40th victim"), and the
    infinitive of "died" ("the fourth person to die")."""
    out = []
    for cue in cues:
        word = normalize_phrase(cue).casefold()
        one = word[:-3] + "y" if word.endswith("ies") else word[:-1]
        if word.endswith("s") and one in ORDINAL_NOUNS:
            out.append(one)
        if word == "died":
            out.append("die")  # "the fourth person to die"
    return out


def summary(fact: Fact, spec: Spec) -> str:
    lo, hi = spec.min, spec.max
    span = (f"{lo}-{hi}" if lo is not None and hi is not None
            else f"at least {lo}" if lo is not None else f"at most {hi}")
    return f"{listing(spec.cues)}: {span}"


def _counted(claim: str) -> frozenset[str]:
    """The words the claim's numbers count: "workers" in "Twenty-three workers died"."""
    out = set()
    for e in find_numbers(claim):
        m = _WORD.search(claim, e.end)
        if m is not None and not claim[e.end:m.start()].strip():
            out.add(m.group().casefold())
    return frozenset(out - {"people", "persons"})


def value_label(fields: Mapping[str, Any]) -> str:
    """The range a quantity fact's fields allow, as reports say it (``70-100``)."""
    return Interval.allowed(*(None if fields.get(k) is None else float(fields[k])
                              for k in ("min", "max"))).short()


# Facts over time (kinds/dated.py): a ``history`` entry has its own min/max.
KIND = Kind("quantity", decoder(Spec), compile, summary, validate,
            history_fields=("min", "max"), value_label=value_label, value_word="figure")
