"""Number expressions in newspaper prose, read as intervals.

:func:`find_numbers` reads a normalized (``folded``) sentence and returns every
expression that states *how many*: ``89``, ``1,200``, ``eighty-nine``,
``1.5 million``, ``a dozen``, ``at least 80``, ``more than 50``, ``nearly 90``,
``some 90``, ``between 70 and 100``, ``70 to 100``, ``70-100``, ``dozens of``,
``scores of`` ... (docs/fact-files.md, "quantity"). Each is a :class:`NumberExpr` whose
:class:`Interval` is what the sentence claims.

What is *not* a count, and so never returned:

* digits joined to letters (``G7``, ``F16``, ``5G``, ``4th``, ``1990s``, ``10km``);
* years: a four-digit whole number without a thousands separator (``in 2003``,
  ``2013 commitment``), unless a qualifier stands before it or a count noun
  (``people``, ``civilians`` ...) right after it (``at least 1500``, ``1500 people``);
* dates and times (``12/04/2017``, ``4 April``, ``April 4``, ``16:05``, ``4 pm``);
* ordinals (``4th``, ``fourth``, ``first``: ordinal words are not number words);
* compound adjectives (``six-year civil war``, ``a 10-year-old boy``: an age or
  a length, not a count), fractions (``two-thirds``) and ratios (``one in five``);
* ``one`` as a pronoun (``one of the deadliest``, ``the one``, ``no one``,
  ``one another``, ``this one``);
* percentages (``5%``, ``5 per cent``) and money (``$5``, ``£1.5 million``,
  ``5 million dollars``): a share or a sum is never a count of people or things;
* labels (``Article 5``, ``No. 10``, ``Resolution 2118``, ``BBC Two``,
  ``Group of 7``): a capitalized word right before a number, mid-sentence, names
  something (except in headline case, where every word is capitalized);
* sports scores (``3-1``) and chains like ``2017-04-11``;
* ages set off after a name (``Abdel Youssef, 29, lost his wife``, ``Putin (64)``).

Each of these is a named rule of :data:`EXCLUSIONS` (one small function each,
tried in order; ``tests/test_number_exclusions.py`` shows every rule live).

Numbers that measure rather than count (``20 minutes``, ``six years``, ``5 km``)
are returned with :attr:`NumberExpr.unit` set, so a caller can tie them only to
a cue that is that unit. A number that counts a part of a total (after
``including``, ``among them``, ``of whom``, ``of them``; before ``of whom``,
``of them``; ``30 of the dead``; ``27 children among the 87 victims``;
``11 members of``) or an increment (``another 20``, ``a further
20``, ``20 more``) has :attr:`NumberExpr.part` set.

:func:`find_counts` reads a sentence the way a toll is read
(docs/reading-quantities.md): the expressions of :func:`find_numbers`, plus

* ordinals of a count, at least N (``a fourth death``, ``the 40th victim``: an
  article, the ordinal, a noun of one person or one death);
* wholes: after ``among the 221 victims`` or an opening ``Of the 53 dead,`` the
  later counts of its clause are parts;
* sums: counts of one noun phrase of people joined by ``and`` are one count
  (``212 passengers and nine crew`` = 221, :attr:`NumberExpr.parts` holds them),
  unless the list after a comma breaks a whole down (``seven people, five men and
  two women``: the five and the two are parts).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from .dates import MONTHS

__all__ = ["Interval", "NumberExpr", "find_counts", "find_numbers"]

INF = math.inf


# ---------------------------------------------------------------------------
# Intervals
# ---------------------------------------------------------------------------
def fmt_number(x: float) -> str:
    """A number as a reader writes it: ``89``, ``1,400``, ``80.5``, ``∞``."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    r = round(x)
    if abs(x - r) < 1e-6:
        return f"{r:,}" if abs(r) >= 10_000 else str(r) if abs(r) < 1000 else f"{r:,}"
    return f"{x:.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Interval:
    """A set of numbers ``lo..hi``; either end may be open; ``hi`` may be ``inf``.

    ``label`` (not part of equality) is how the text said it when that is not
    plain arithmetic: ``about 90``, ``nearly 90``, ``scores``.
    """

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False
    label: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if math.isnan(self.lo) or math.isnan(self.hi) or self.lo > self.hi:
            raise ValueError(f"not an interval: {self.lo!r}..{self.hi!r}")

    @classmethod
    def allowed(cls, lo: float | None, hi: float | None) -> Interval:
        """The range a fact allows (``min``/``max``; either may be missing)."""
        return cls(-INF if lo is None else float(lo), INF if hi is None else float(hi))

    @property
    def is_exact(self) -> bool:
        return self.lo == self.hi

    def contains(self, x: float) -> bool:
        above = x > self.lo if self.lo_open else x >= self.lo
        below = x < self.hi if self.hi_open else x <= self.hi
        return above and below

    def meets(self, other: Interval) -> bool:
        """Whether the two intervals share at least one number."""
        lo, hi = max(self.lo, other.lo), min(self.hi, other.hi)
        if lo < hi:
            return True
        if lo > hi or math.isinf(lo):
            return False
        # One shared end point: it must be closed on both sides.
        return self.contains(lo) and other.contains(lo)

    def short(self) -> str:
        """``70-100``, ``at least 24``, ``at most 100``, ``exactly 89``."""
        lo, hi = fmt_number(self.lo), fmt_number(self.hi)
        bounded_lo = self.lo > 0 or (self.lo == 0 and self.lo_open)
        if self.is_exact:
            return f"exactly {lo}"
        if math.isinf(self.hi):
            if math.isinf(self.lo):
                return "any number"
            return f"more than {lo}" if self.lo_open else f"at least {lo}"
        if not bounded_lo:
            return f"fewer than {hi}" if self.hi_open else f"at most {hi}"
        return f"{lo}-{hi}"

    def describe(self) -> str:
        """How a report says it: ``exactly 89``, ``at least 80``, ``more than 50``,
        ``between 70 and 100``, ``about 90 (81-99)``, ``scores (at least 40)``."""
        if self.label:
            return f"{self.label} ({self.short()})"
        s = self.short()
        if "-" in s and not s.startswith(("at ", "more ", "fewer ", "exactly ")):
            return f"between {fmt_number(self.lo)} and {fmt_number(self.hi)}"
        return s


# ---------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------
_TOKEN = regex.compile(
    r"(?P<n>[0-9]+(?:[.,][0-9]+)*)|(?P<w>[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*)|(?P<p>\S)"
)
_VALID_DIGITS = regex.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    text: str
    low: str
    kind: str  # "n" number, "w" word, "p" punctuation


def _tokenize(text: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "p"
        out.append(_Tok(m.start(), m.end(), m.group(), m.group().casefold(), kind))
    return out


# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------
UNITS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])}
TEENS = {w: i + 10 for i, w in enumerate(
    [
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"
    ])}
TENS = {w: (i + 2) * 10 for i, w in enumerate(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000,
          "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
# Vague plurals: the least they can mean.
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000,
         "millions": 2_000_000, "billions": 2_000_000_000}
TIME_WORDS = frozenset([
    "am", "pm", "gmt", "bst", "utc", "cet", "cest", "est", "edt", "pst", "pdt", "et", "hrs",
    "o'clock"
])
CURRENCY_WORDS = frozenset(
    [
        "dollar", "dollars", "pound", "pounds", "sterling", "euro", "euros", "cent", "cents",
        "pence", "penny", "yen", "yuan", "renminbi", "rouble", "roubles", "ruble", "rubles",
        "rupee", "rupees", "franc", "francs", "shekel", "shekels", "lira", "liras", "lire",
        "dinar", "dinars", "riyal", "riyals", "rial", "rials", "dirham", "dirhams", "peso",
        "pesos", "won", "usd", "eur", "gbp", "bucks", "quid", "bitcoin", "bitcoins"
    ])
PERCENT_WORDS = frozenset({"percent", "pc", "percentage", "pct"})
CURRENCY_SIGNS = frozenset("$£€¥₹₽₩#")
MEASURE_UNITS = frozenset(
    [
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "night",
        "nights", "week", "weeks", "month", "months", "year", "years", "decade", "decades",
        "century", "centuries", "weekend", "weekends", "km", "kms", "kilometre", "kilometres",
        "kilometer", "kilometers", "mile", "miles", "metre", "metres", "meter", "meters", "m",
        "cm", "mm", "ft", "foot", "feet", "yard", "yards", "inch", "inches", "acre", "acres",
        "hectare", "hectares", "square", "kg", "kgs", "kilo", "kilos", "kilogram", "kilogrammes",
        "kilograms", "gram", "grams", "tonne", "tonnes", "ton", "tons", "lb", "lbs", "litre",
        "litres", "liter", "liters", "gallon", "gallons", "barrel", "barrels", "mph", "kph",
        "knots", "degrees", "degree", "times", "fold", "storey", "storeys", "floor", "floors"
    ])
# Words after which a number is a label, not a count.
LABEL_WORDS = frozenset(
    [
        "number", "no", "nos", "article", "articles", "section", "chapter", "page", "pages",
        "paragraph", "room", "flight", "route", "resolution", "line", "act", "phase", "level",
        "grade", "category", "size", "version", "episode", "season", "platform", "gate",
        "building", "block", "apartment", "flat", "ward", "district", "zone", "sector", "item",
        "rule", "clause", "amendment", "stage", "round", "match", "day", "aged", "age", "ages",
        "highway", "interstate", "bus", "channel", "squad", "unit", "junction", "exit",
        "terminal", "carriage", "track", "runway", "pier", "berth"
    ])
# Count nouns: a year-like number right before one is a count (``1500 people``).
COUNT_NOUNS = frozenset(
    [
        "people", "persons", "civilians", "children", "kids", "men", "women", "adults", "babies",
        "infants", "villagers", "residents", "refugees", "migrants", "soldiers", "troops",
        "fighters", "militants", "rebels", "insurgents", "police", "officers", "policemen",
        "workers", "students", "patients", "victims", "casualties", "dead", "deaths", "bodies",
        "protesters", "demonstrators", "prisoners", "detainees", "families", "households",
        "homes", "houses", "buildings", "missiles", "rockets", "bombs", "shells", "airstrikes",
        "strikes", "attacks", "jobs", "cases"
    ])
CASUALTY_NOUNS = frozenset(
    [
        "dead", "victims", "casualties", "killed", "injured", "wounded", "fatalities",
        "deceased", "bodies", "missing"
    ])
# Capitalized function words that may stand before a number at a sentence start.
FUNCTION_WORDS = frozenset(
    [
        "the", "a", "an", "and", "but", "or", "of", "in", "on", "at", "by", "for", "to", "from",
        "with", "as", "all", "some", "about", "around", "nearly", "almost", "over", "under",
        "more", "fewer", "less", "up", "only", "just", "another", "those", "these", "its",
        "their", "his", "her", "our", "your", "my", "every", "each", "no", "not", "exactly",
        "roughly", "approximately", "at", "least", "between", "among", "including", "then",
        "now", "when", "while", "after", "before", "since", "until", "there", "here", "it",
        "this", "that", "so", "yet", "perhaps", "maybe", "still", "even", "also"
    ])
PRONOUN_ONE_BEFORE = frozenset(
    [
        "the", "this", "that", "which", "every", "each", "any", "no", "no-one", "someone",
        "anyone", "another", "at", "little", "only"
    ])
PRONOUN_ONE_AFTER = frozenset(
    [
        "of", "another", "other", "others", "day", "time", "point", "way", "hand", "side", "who",
        "whom", "which", "that", "thing", "by"
    ])

# Qualifiers before a number: phrase -> kind (longest phrases are tried first).
_PREFIX_KINDS: dict[str, str] = {}
for _kind, _phrases in {
    "at_least": ["at least", "no fewer than", "no less than", "not less than", "not fewer than",
                 "a minimum of", "at the very least", "at minimum", "at the least"],
    "more_than": ["more than", "over", "upwards of", "upward of", "in excess of", "above",
                  "well over", "well above", "well in excess of", "greater than", "just over",
                  "just above", "slightly more than", "a little over", "a little more than",
                  "well more than", "many more than", "somewhat more than"],
    "at_most": ["at most", "up to", "no more than", "not more than", "as many as",
                "a maximum of", "at the most", "at the very most"],
    "fewer_than": ["fewer than", "less than", "under", "below", "just under", "just below",
                   "slightly fewer than", "slightly less than", "not quite"],
    "nearly": ["nearly", "almost", "just shy of", "close on", "very nearly", "almost exactly"],
    "about": ["about", "around", "some", "roughly", "approximately", "approx", "an estimated",
              "estimated", "circa", "close to", "more or less", "in the region of",
              "something like", "round about", "in the neighbourhood of",
              "in the neighborhood of", "an approximate", "upwards of about"],
    "exact": ["exactly", "precisely", "only", "just", "a total of", "a full", "fully"],
    "increment": ["another", "a further", "an additional", "an extra", "additional",
                  "further", "a fresh"],
}.items():
    for _p in _phrases:
        _PREFIX_KINDS[_p] = _kind
_PREFIXES = sorted(((tuple(p.split()), k) for p, k in _PREFIX_KINDS.items()),
                   key=lambda pk: -len(pk[0]))

# Markers after which numbers count a part of a total.
_PART_MARKERS: tuple[tuple[str, ...], ...] = tuple(sorted((
    ("including",), ("excluding",), ("not", "including"), ("among", "them"),
    ("among", "whom"), ("among", "those"), ("of", "whom"), ("of", "them"), ("of", "which"),
    ("of", "those"), ("plus",), ("as", "well", "as"), ("besides",), ("in", "addition", "to"),
    *(("among", "the", n) for n in CASUALTY_NOUNS),
), key=lambda m: -len(m)))
_POSTFIX_PART = frozenset({"whom", "them", "which", "those", "these", "us"})
# "30 of the dead", "two of his guards": a subset of something named.
_PARTITIVE_DETERMINERS = frozenset({"the", "his", "her", "its", "their", "our", "my", "your"})
_CLAUSE_BREAKS = frozenset(";:()[].!?\"")
# The same phrases by first word (order kept: longest first), for lookups per token.
_PART_MARKERS_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {}
for _m in _PART_MARKERS:
    _PART_MARKERS_BY_FIRST[_m[0]] = (*_PART_MARKERS_BY_FIRST.get(_m[0], ()), _m)
_PREFIXES_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {}
for _pk in _PREFIXES:
    _PREFIXES_BY_FIRST[_pk[0][0]] = (*_PREFIXES_BY_FIRST.get(_pk[0][0], ()), _pk[0])
_PREFIXES_BY_LAST: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {}
for _pk in _PREFIXES:
    _PREFIXES_BY_LAST[_pk[0][-1]] = (*_PREFIXES_BY_LAST.get(_pk[0][-1], ()), _pk)


# ---------------------------------------------------------------------------
# Number expressions
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class NumberExpr:
    """One number expression of a sentence (offsets in the text given).

    ``start``/``end`` span the whole expression, qualifier included;
    ``value_start``/``value_end`` span the number itself (``89`` in ``at least
    89``; both ends of a range).
    """

    start: int
    end: int
    value_start: int
    value_end: int
    interval: Interval
    part: bool = False
    part_reason: str = ""
    unit: str = ""
    qualifier: str = ""
    parts: tuple[NumberExpr, ...] = ()  # the counts a sum adds up ("212 passengers and nine")

    def describe(self) -> str:
        return self.interval.describe()

    def shifted(self, offset: int) -> NumberExpr:
        return NumberExpr(self.start + offset, self.end + offset, self.value_start + offset,
                          self.value_end + offset, self.interval, self.part, self.part_reason,
                          self.unit, self.qualifier,
                          tuple(p.shifted(offset) for p in self.parts))


@dataclass(frozen=True)
class _Core:
    """A bare number: token span [i, j), its value, or a vague interval."""

    i: int
    j: int
    value: float
    vague: Interval | None = None
    words: bool = False  # spelled out
    year_like: bool = False
    of_consumed: bool = False


# The words a word core or a vague core may start with (see ``word_core`` and
# ``vague_core``): every other word starts no number.
_CORE_STARTS = frozenset(
    {"half", "several", "a", "an", "one", "tens", "hundreds"} | set(UNITS) | set(TEENS)
    | set(TENS) | set(VAGUE))


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokenize(text)
        words = [t for t in self.toks if t.kind == "w" and len(t.text) > 3]
        caps = sum(1 for t in words if t.text[0].isupper())
        self.headline = len(words) >= 4 and caps >= 0.6 * len(words)

    # -- token helpers -----------------------------------------------------------
    def tok(self, k: int) -> _Tok | None:
        return self.toks[k] if 0 <= k < len(self.toks) else None

    def low(self, k: int) -> str:
        t = self.tok(k)
        return t.low if t is not None else ""

    def adjacent(self, a: int, b: int) -> bool:
        """Token ``a`` ends exactly where token ``b`` starts."""
        ta, tb = self.tok(a), self.tok(b)
        return ta is not None and tb is not None and ta.end == tb.start

    def is_word(self, k: int) -> bool:
        t = self.tok(k)
        return t is not None and t.kind == "w"

    def is_capitalized(self, k: int) -> bool:
        t = self.tok(k)
        return t is not None and t.kind == "w" and t.text[:1].isupper()

    def at_sentence_start(self, k: int) -> bool:
        """Token ``k`` opens the text, a sentence, a quote or a bracket."""
        prev = self.tok(k - 1)
        return prev is None or (prev.kind == "p" and prev.text in ".!?\"'([:")

    def matches(self, k: int, phrase: Sequence[str]) -> bool:
        return all(self.low(k + n) == w for n, w in enumerate(phrase))

    # -- cores -----------------------------------------------------------------
    def digit_core(self, i: int) -> _Core | None:
        t = self.toks[i]
        if t.kind != "n" or not _VALID_DIGITS.fullmatch(t.text):
            return None
        value = float(t.text.replace(",", ""))
        j = i + 1
        year_like = len(t.text) == 4 and t.text.isdigit() and 1000 <= value <= 2999
        # Thousands grouped by spaces ("1 214", "12 500 000"): one number.
        if t.text.isdigit() and len(t.text) <= 3:
            while (self.tok(j) is not None and self.toks[j].kind == "n"
                   and len(self.toks[j].text) == 3 and self.toks[j].text.isdigit()
                   and self.text[self.toks[j - 1].end:self.toks[j].start] == " "
                   and not self.adjacent(j, j + 1)):
                value = value * 1000 + float(self.toks[j].text)
                j += 1
        j, value, scaled = self.scale_after(j, value)
        return _Core(i, j, value, year_like=year_like and not scaled)

    def scale_after(self, j: int, value: float) -> tuple[int, float, bool]:
        """Apply ``hundred``/``thousand``/``million``/``dozen`` words after a number."""
        scaled = False
        last = 0
        while self.is_word(j) and not self.adjacent(j - 1, j):
            w = self.low(j)
            if w in SCALES and SCALES[w] > last:
                value *= SCALES[w]
                last = SCALES[w]
            elif w == "dozen" and not scaled:
                value *= 12
                last = 12
            else:
                break
            scaled = True
            j += 1
        return j, value, scaled

    def word_core(self, i: int) -> _Core | None:
        w = self.low(i)
        if not self.is_word(i):
            return None
        # "half a dozen"
        if w == "half" and self.matches(i + 1, ("a", "dozen")):
            return _Core(i, i + 3, 6, words=True)
        # "several hundred", "a few thousand": [2x, 10x)
        for lead in (("several",), ("a", "few"), ("a", "couple", "of"), ("a", "couple")):
            if self.matches(i, lead):
                k = i + len(lead)
                s = self.low(k)
                scale = SCALES.get(s) or (12 if s == "dozen" else 0)
                if scale:
                    label = " ".join(t.low for t in self.toks[i:k + 1])
                    return _Core(i, k + 1, 0, Interval(2 * scale, 10 * scale, hi_open=True,
                                                       label=label), words=True)
                return None
        if w in ("a", "an", "one") and self.low(i + 1) in (*SCALES, "dozen"):
            j, value, _ = self.scale_after(i + 1, 1)
            # "a hundred and fifty", "a thousand two hundred"
            j, value = self.and_rest(j, value, limit=1000 if value >= 1000 else 100)
            return _Core(i, j, value, words=True)
        if w not in UNITS and w not in TEENS and w not in TENS:
            return None
        total = 0.0
        current = float(UNITS.get(w, TEENS.get(w, TENS.get(w, 0))))
        j = i + 1
        if w in TENS and self.low(j) in UNITS and self.low(j) != "zero":
            current += UNITS[self.low(j)]
            j += 1
        elif (w in TENS and self.low(j) == "-" and self.adjacent(i, j)
              and self.adjacent(j, j + 1) and self.low(j + 1) in UNITS):
            current += UNITS[self.low(j + 1)]
            j += 2
        # scales
        last = 0
        while self.is_word(j) and not self.adjacent(j - 1, j):
            s = self.low(j)
            if s == "hundred" and last == 0 and current < 100:
                current *= 100
                last = 100
                j += 1
                j, current = self.and_rest(j, current, limit=100)
            elif s in SCALES and s != "hundred" and SCALES[s] > last:
                total += current * SCALES[s]
                current = 0
                last = SCALES[s]
                j += 1
                j, current = self.and_rest(j, current, limit=1000)
            elif s == "dozen" and last == 0:
                current *= 12
                j += 1
                break
            else:
                break
        return _Core(i, j, total + current, words=True)

    def and_rest(self, j: int, value: float, limit: int = 100) -> tuple[int, float]:
        """``... hundred [and] twenty-five``: the small number after a scale."""
        k = j + 1 if self.low(j) == "and" else j
        sub = self._small_words(k)
        if sub is None and limit > 100:  # "one thousand two hundred [and fourteen]"
            sub = self._hundreds_words(k)
        if sub is None:
            return j, value
        end, n = sub
        if self.low(end) in SCALES:  # "one million two hundred thousand": not read
            return j, value
        if n >= limit:
            return j, value
        return end, value + n

    def _hundreds_words(self, k: int) -> tuple[int, float] | None:
        """``two hundred [and fourteen]``: a number below 1,000 with ``hundred``."""
        w = self.low(k)
        if not self.is_word(k) or not ((w in UNITS and w != "zero") or w in TEENS):
            return None
        if self.low(k + 1) != "hundred" or self.adjacent(k, k + 1):
            return None
        n = float(UNITS.get(w, TEENS.get(w, 0)) * 100)
        return self.and_rest(k + 2, n, limit=100)

    def _small_words(self, k: int) -> tuple[int, float] | None:
        w = self.low(k)
        if not self.is_word(k):
            return None
        if (w in UNITS and w != "zero") or w in TEENS:
            n = UNITS.get(w, TEENS.get(w, 0))
            if self.low(k + 1) == "hundred":
                return None
            return k + 1, n
        if w in TENS:
            n = TENS[w]
            if self.low(k + 1) in UNITS and self.low(k + 1) != "zero":
                return k + 2, n + UNITS[self.low(k + 1)]
            if (self.low(k + 1) == "-" and self.adjacent(k, k + 1) and self.adjacent(k + 1, k + 2)
                    and self.low(k + 2) in UNITS):
                return k + 3, n + UNITS[self.low(k + 2)]
            return k + 1, n
        return None

    def vague_core(self, i: int) -> _Core | None:
        w = self.low(i)
        if not self.is_word(i):
            return None
        # "tens of thousands", "hundreds of thousands", "tens of millions"
        if w in ("tens", "hundreds") and self.low(i + 1) == "of" and self.low(i + 2) in (
                "thousands", "millions", "billions"):
            base = {"tens": 20, "hundreds": 200}[w]
            scale = {"thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000}
            lo = base * scale[self.low(i + 2)]
            label = " ".join(t.low for t in self.toks[i:i + 3])
            j = i + 3
            of = self.low(j) == "of"
            return _Core(i, j + of, 0, Interval(lo, INF, label=label), of_consumed=of)
        if w == "a" and self.low(i + 1) == "score" and self.low(i + 2) == "of":
            return _Core(i, i + 3, 0, Interval(18, 22, label="a score"), of_consumed=True)
        if w not in VAGUE:
            return None
        of = self.low(i + 1) == "of"
        if w == "scores" and not of:
            return None  # "test scores", "he scores"
        return _Core(i, i + 1 + of, 0, Interval(VAGUE[w], INF, label=w), of_consumed=of)

    def core(self, i: int) -> _Core | None:
        t = self.toks[i]
        if t.kind == "n":
            return self.digit_core(i)
        if t.kind != "w" or t.low not in _CORE_STARTS:
            return None  # no word core or vague core starts with it
        return self.vague_core(i) or self.word_core(i)

    # -- exclusions ------------------------------------------------------------
    def excluded(self, c: _Core) -> bool:
        """Whether a core is not a count: the first rule of :data:`EXCLUSIONS` with a
        verdict decides (see the module doc)."""
        at = _At(self, c, self.tok(c.i - 1), self.tok(c.j), self.low(c.j))
        for _name, rule in EXCLUSIONS:
            verdict = rule(at)
            if verdict is not None:
                return verdict
        return False

    def ends_number(self, k: int) -> bool:
        t = self.tok(k)
        if t is not None and t.low == "out":
            return self.ends_number(k - 1)
        return t is not None and (t.kind == "n" or t.low in UNITS or t.low in TEENS
                                  or t.low in TENS)

    def starts_number(self, k: int) -> bool:
        t = self.tok(k)
        if t is None:
            return False
        return t.kind == "n" or t.low in UNITS or t.low in TEENS or t.low in TENS or (
            t.low in ("a", "an") and self.low(k + 1) in SCALES)

    # -- expressions -----------------------------------------------------------
    def prefix(self, i: int, floor: int) -> tuple[int, str]:
        """The qualifier right before token ``i``: (first token, kind) or (i, "")."""
        for phrase, kind in _PREFIXES_BY_LAST.get(self.low(i - 1), ()):
            k = i - len(phrase)
            if k < floor:
                continue
            if self.matches(k, phrase):
                return k, kind
        return i, ""

    def expression(self, i: int, floor: int) -> tuple[NumberExpr | None, int]:
        """Read an expression whose number starts at token ``i``.

        Returns the expression (None if there is none) and the token to go on at.
        """
        c = self.core(i)
        if c is None:
            return None, i + 1
        if c.vague is None and c.value == 0 and c.words and self.low(i) != "zero":
            return None, c.j
        # Ranges: "70-100", "70 to 100", "two or three", "between 70 and 100".
        hi_core: _Core | None = None
        j = c.j
        nxt = self.tok(j)
        if c.vague is None and nxt is not None:
            if nxt.text == "-" and self.adjacent(j - 1, j) and self.adjacent(j, j + 1):
                other = self.core(j + 1)
                if other is not None and other.vague is None and self.toks[j + 1].kind == (
                        self.toks[i].kind):
                    after = self.tok(other.j)
                    if (after is not None and after.text == "-"
                            and self.adjacent(other.j - 1, other.j)):
                        return None, other.j + 1  # 2017-04-11
                    if other.value <= c.value or c.year_like or other.year_like:
                        return None, other.j  # a score (3-1) or seasons (2016-17)
                    hi_core = other
            elif nxt.low in ("to", "or", "and") and self.starts_number(j + 1) and not (
                    nxt.low == "to" and self.low(i - 1) == "by"):  # "rose by 3 to 89"
                other = self.core(j + 1)
                word_ok = nxt.low != "and" or self.low(i - 1) == "between"
                if (other is not None and other.vague is None and word_ok
                        and not self.excluded(other)):
                    lo_v = c.value
                    hi_scale = self.toks[other.j - 1].low
                    if (other.value > lo_v and lo_v < 1000 <= other.value
                            and hi_scale in SCALES and self.toks[c.j - 1].low not in SCALES):
                        lo_v = lo_v * SCALES[hi_scale]  # 1.5 to 2 million
                    if nxt.low == "to" or other.value > lo_v:
                        hi_core = other
                        c = _Core(c.i, c.j, lo_v, words=c.words, year_like=c.year_like)
        end_core = hi_core or c
        if self.excluded(_Core(c.i, end_core.j, c.value, c.vague, c.words)):
            return None, end_core.j
        if hi_core is not None and self.excluded(c):
            return None, end_core.j
        start_tok, kind = self.prefix(c.i, floor)
        if kind == "" and self.low(c.i - 1) in ("between", "from") and hi_core is not None:
            start_tok, kind = c.i - 1, "range"
        end_tok = end_core.j
        # Suffix qualifiers.
        suffix = ""
        a, b = self.low(end_tok), self.low(end_tok + 1)
        if hi_core is None and c.vague is None:
            if a == "or" and b in ("more", "over", "above", "greater"):
                suffix, end_tok = "at_least", end_tok + 2
            elif a == "or" and b in ("fewer", "less", "under", "below"):
                suffix, end_tok = "at_most", end_tok + 2
            elif a == "or" and b == "so":
                suffix, end_tok = "about", end_tok + 2
            elif a == "+" and self.adjacent(end_tok - 1, end_tok):
                suffix, end_tok = "at_least", end_tok + 1
            elif a == "-" and b == "plus" and self.adjacent(end_tok - 1, end_tok):
                suffix, end_tok = "at_least", end_tok + 2
            elif a == "-" and b == "odd" and self.adjacent(end_tok - 1, end_tok):
                suffix, end_tok = "odd", end_tok + 2
        increment = kind == "increment" or (
            not suffix and self.low(end_tok) in ("more", "others", "other", "additional",
                                                 "extra") and self.low(end_tok + 1) != "than")
        # Years: a four-digit number is a count only when the text says so.
        if c.year_like or (hi_core is not None and hi_core.year_like):
            counted = self.low(end_tok) in COUNT_NOUNS or (
                self.low(end_tok + 1) in COUNT_NOUNS and not self.starts_number(end_tok))
            if kind in ("", "range", "increment", "exact") and not suffix and not counted:
                return None, end_tok
        interval = _interval(c, hi_core, kind, suffix, self.qualifier_text(start_tok, c.i))
        unit = self.low(end_tok) if self.low(end_tok) in MEASURE_UNITS else ""
        first, last_t = self.toks[start_tok], self.toks[end_tok - 1]
        v0, v1 = self.toks[c.i].start, self.toks[end_core.j - 1].end
        if end_core.of_consumed:
            v1 = self.toks[end_core.j - 2].end
        expr = NumberExpr(first.start, last_t.end, v0, v1, interval,
                          part=increment, part_reason="increment" if increment else "",
                          unit=unit, qualifier=kind if kind not in ("", "range") else suffix)
        return expr, end_tok

    def qualifier_text(self, a: int, b: int) -> str:
        return " ".join(t.low for t in self.toks[a:b])

    # -- parts -----------------------------------------------------------------
    def part_marks(self) -> dict[int, str]:
        """Token index -> marker, for tokens inside a 'part of a total' clause."""
        marks: dict[int, str] = {}
        active = ""
        words_since = 0
        k = 0
        n = len(self.toks)
        while k < n:
            t = self.toks[k]
            hit = next((m for m in _PART_MARKERS_BY_FIRST.get(t.low, ())
                        if self.matches(k, m)), None)
            if hit is not None:
                active, words_since = " ".join(hit), 0
                for q in range(k, k + len(hit)):
                    marks[q] = active
                k += len(hit)
                continue
            if t.kind == "p":
                spaced_dash = t.text == "-" and not (self.adjacent(k - 1, k)
                                                     or self.adjacent(k, k + 1))
                list_goes_on = self.starts_number(k + 1) or self.prefix_starts(k + 1)
                if t.text in _CLAUSE_BREAKS or spaced_dash or (t.text == "," and not list_goes_on):
                    active = ""
            elif active:
                words_since += 1
                if t.kind == "n" or self.starts_number(k):
                    words_since = 0
                if words_since > 10:
                    active = ""
            if active:
                marks[k] = active
            k += 1
        return marks

    def prefix_starts(self, k: int) -> bool:
        for phrase in _PREFIXES_BY_FIRST.get(self.low(k), ()):
            if self.matches(k, phrase) and self.starts_number(k + len(phrase)):
                return True
        return False

    def postfix_part(self, end_tok: int, of_consumed: bool) -> str:
        k = end_tok - 1 if of_consumed else end_tok
        # "27 children among the 87 victims", "11 members of one family"
        # "30 Dutch citizens were among the 212 passengers"
        for skip in range(5):
            if self.low(k + skip) == "among" and all(
                    self.is_word(q) for q in range(k, k + skip)):
                return "among"
        if self.low(k) in ("members", "member") and self.low(k + 1) == "of":
            return f"{self.low(k)} of"
        if self.low(k) != "of":
            return ""
        w = self.low(k + 1)
        if w in _POSTFIX_PART or w in _PARTITIVE_DETERMINERS:
            return f"of {w}"
        return ""


def _interval(c: _Core, hi: _Core | None, kind: str, suffix: str, said: str) -> Interval:
    if c.vague is not None:
        return c.vague
    n = c.value
    if hi is not None:
        lo_v, hi_v = sorted((n, hi.value))
        if kind in ("about", "nearly"):
            return Interval(round(lo_v * 0.9, 6), round(hi_v * 1.1, 6),
                            label=f"{said} {_f(lo_v)} to {_f(hi_v)}")
        if kind in ("at_least", "more_than"):
            return Interval(lo_v, INF, lo_open=kind == "more_than")
        if kind in ("at_most", "fewer_than"):
            return Interval(0, hi_v, hi_open=kind == "fewer_than")
        return Interval(lo_v, hi_v)
    kind = kind or suffix
    if kind in ("at_least",):
        return Interval(n, INF)
    if kind == "more_than":
        return Interval(n, INF, lo_open=True)
    if kind == "at_most":
        return Interval(0, n)
    if kind == "fewer_than":
        return Interval(0, n, hi_open=True) if n > 0 else Interval(0, 0)
    if kind == "nearly":
        return Interval(round(n * 0.9, 6), n, label=f"{said} {_f(n)}")
    if kind == "about":
        return Interval(round(n * 0.9, 6), round(n * 1.1, 6),
                        label=f"{said or 'about'} {_f(n)}".replace("or so", "about"))
    if kind == "odd":
        return Interval(n, round(n * 1.25, 6), label=f"{_f(n)}-odd")
    return Interval(n, n)


def _f(x: float) -> str:
    return fmt_number(x)


def find_numbers(text: str) -> list[NumberExpr]:
    """Every number expression of ``text`` (a normalized sentence), in order."""
    r = _Reader(text)
    exprs: list[tuple[NumberExpr, int, int]] = []
    floor = 0
    k = 0
    starts: dict[int, int] = {t.start: n for n, t in enumerate(r.toks)}
    while k < len(r.toks):
        expr, nxt = r.expression(k, floor)
        if expr is not None:
            exprs.append((expr, starts[expr.start], nxt))
            floor = nxt
        k = max(nxt, k + 1)
    if not exprs:
        return []
    marks = r.part_marks()
    out: list[NumberExpr] = []
    for expr, first_tok, end_tok in exprs:
        reason = expr.part_reason
        if not reason:
            core_tok = starts[expr.value_start]
            reason = marks.get(first_tok, "") or marks.get(core_tok, "")
        if not reason:
            of_consumed = r.low(end_tok - 1) == "of"
            reason = r.postfix_part(end_tok, of_consumed)
        if reason:
            expr = NumberExpr(expr.start, expr.end, expr.value_start, expr.value_end,
                              expr.interval, True, reason, expr.unit, expr.qualifier)
        out.append(expr)
    return out


# ---------------------------------------------------------------------------
# Counts as reporters build them: ordinals, wholes and sums of parts
# ---------------------------------------------------------------------------
_ORDINAL_UNITS = {w: n for n, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split(),
    start=1)}
_ORDINAL_TENS = {w: (n + 2) * 10 for n, w in enumerate(
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split())}
ORDINAL_WORDS: dict[str, int] = {
    **_ORDINAL_UNITS, **_ORDINAL_TENS, "hundredth": 100,
    **{f"{t}-{u}": TENS[t] + n for t in TENS for u, n in _ORDINAL_UNITS.items() if n < 10}}
# One person or one death: what an ordinal of a toll counts ("a fourth death").
ORDINAL_NOUNS = frozenset(
    "death fatality victim casualty person body man woman child boy girl teenager baby "
    "toddler passenger resident patient worker soldier officer firefighter student pupil "
    "civilian pedestrian climber miner tourist pilgrim fan spectator".split())
_ORDINAL = regex.compile(
    r"(?<![\p{L}\p{N}'-])(?P<det>a|an|the)\s+(?P<ord>[0-9]+(?:st|nd|rd|th)|[\p{L}-]+)"
    r"\s+(?:(?P<adj>\p{Ll}[\p{L}]*)\s+)?(?P<noun>" + "|".join(sorted(ORDINAL_NOUNS))
    + r")(?![\p{L}\p{N}'-])", regex.IGNORECASE)
# "the fourth person to die" counts the dead; "the first man to be rehoused" does not.
_OTHER_INFINITIVE = regex.compile(
    r"\s+to\s+(?!die\b|have\s+died\b|be\s+killed\b|lose\s+(?:his|her|their)\s+life\b"
    r"|perish\b|succumb\b|be\s+confirmed\s+dead\b)", regex.IGNORECASE)
# People a count may name, as one part of a sum ("212 passengers and nine crew").
PEOPLE_NOUNS = frozenset(
    [
        "people", "persons", "person", "civilians", "civilian", "children", "child", "kids",
        "men", "man", "women", "woman", "adults", "adult", "babies", "baby", "infants",
        "boys", "boy", "girls", "girl", "teenagers", "teenager", "villagers", "residents",
        "refugees", "migrants", "soldiers", "soldier", "troops", "fighters", "militants",
        "rebels", "insurgents", "police", "officers", "officer", "policemen", "policeman",
        "workers", "worker", "students", "student", "pupils", "patients", "passengers",
        "passenger", "crew", "staff", "employees", "guards", "firefighters", "rescuers",
        "medics", "doctors", "nurses", "paramedics", "journalists", "volunteers", "tourists",
        "foreigners", "nationals", "citizens", "pilgrims", "worshippers", "spectators", "fans",
        "miners", "sailors", "fishermen", "pilots", "prisoners", "inmates", "detainees",
        "pedestrians", "motorists", "drivers", "locals", "members", "relatives", "others",
        "victims", "bystanders", "protesters", "demonstrators", "guests", "visitors",
        "climbers", "hikers", "swimmers", "players", "athletes", "contractors", "diplomats",
        "teachers", "farmers", "monks", "priests", "nuns", "cyclists", "commuters", "shoppers",
        "diners", "customers", "nationals", "americans", "britons", "pensioners", "carers",
        "retirees", "schoolchildren", "schoolboys", "schoolgirls", "holidaymakers",
        "travellers", "travelers", "neighbours", "neighbors", "friends", "siblings",
        "brothers", "sisters", "sons", "daughters", "parents", "husbands", "wives", "mothers",
        "fathers", "grandparents", "teens", "youths", "herders", "labourers", "laborers",
        "builders", "engineers", "technicians", "mechanics", "truckers", "officials",
        "ministers", "politicians", "lawmakers", "judges", "lawyers", "clerics", "mourners",
        "waiters", "cleaners", "bodyguards", "peacekeepers", "marines", "airmen",
        "paratroopers", "commandos", "recruits", "cadets", "conscripts", "militiamen",
        "seekers", "singers", "dancers", "musicians", "actors"
    ])
# Words of another state than the count a sum could be: "40 wounded civilians".
_STATE_WORDS = frozenset(
    "injured wounded hurt missing arrested detained rescued evacuated hospitalised "
    "hospitalized treated displaced sick ill freed released kidnapped abducted".split())
_NP_WORD = regex.compile(r"\p{L}[\p{L}'-]*")
_SUM_JOINER = regex.compile(r"\s*(?:(?P<comma>,)\s*(?P<and1>and\s+)?|\s(?P<and2>and)\s+)$")
_WHOLE_BEFORE = regex.compile(
    r"(?:(?<![\p{L}\p{N}])among|^\W*of)\s+(?:all\s+)?(?:the|those|these)\s+$",
    regex.IGNORECASE)


def _demonym(word: str) -> bool:
    """A capitalized plural that names people by place: Iraqis, Londoners, Syrians."""
    return (len(word) > 4 and word[0].isupper() and word[1:].islower()
            and word.endswith(("ans", "ians", "ers", "is", "ese", "ons", "ards", "ites")))


def people_noun_end(text: str, start: int, limit: int, heads: frozenset[str]) -> int:
    """The end of the people noun phrase that starts at ``start`` ("police
    officers", "Dutch citizens"), or -1: up to two modifiers, then a noun of ``heads``."""
    words = list(_NP_WORD.finditer(text, start, limit))[:4]
    pos = start
    for n, m in enumerate(words):
        if text[pos:m.start()].strip():
            return -1  # punctuation or a digit in between
        w = m.group().casefold()
        if w in heads or (heads is PEOPLE_NOUNS and _demonym(m.group())):
            nxt = words[n + 1] if n + 1 < len(words) else None
            if (nxt is not None and not text[m.end():nxt.start()].strip()
                    and nxt.group().casefold() in heads):
                return nxt.end()  # "police officers"
            return m.end()
        if n == 2:
            return -1
        if w in FUNCTION_WORDS or w in _STATE_WORDS or w in CASUALTY_NOUNS or w in ORDINAL_WORDS:
            return -1
        pos = m.end()
    return -1


def find_counts(text: str) -> list[NumberExpr]:
    """The counts of ``text`` (a normalized sentence) as a toll reads them: the
    expressions of :func:`find_numbers`, plus ordinals of a count (``a fourth death``
    is at least 4), with ``among the N``/``of the N`` making what follows a part,
    and the counts of one noun phrase of people summed (``212 passengers and nine
    crew`` is 221)."""
    exprs = find_numbers(text)
    exprs = sorted([*exprs, *_ordinals(text, exprs)], key=lambda e: e.start)
    return _sums(text, _wholes(text, exprs))


def _ordinals(text: str, exprs: Sequence[NumberExpr]) -> list[NumberExpr]:
    """``a fourth death``, ``the 40th victim``, ``a third person``: at least N."""
    out = []
    for m in _ORDINAL.finditer(text):
        word = m.group("ord").casefold()
        n = ORDINAL_WORDS.get(word)
        if n is None and word[:-2].isdigit():
            n = int(word[:-2])
        if not n:
            continue
        adj = m.group("adj")
        if adj is not None and adj.casefold() in FUNCTION_WORDS:
            continue
        if any(e.start < m.end("ord") and m.start() < e.end for e in exprs):
            continue
        if _OTHER_INFINITIVE.match(text, m.end()):
            continue  # "the 40th resident to be rehoused"
        said = f"{m.group('det').casefold()} {word}"
        out.append(NumberExpr(m.start(), m.end("ord"), m.start("ord"), m.end("ord"),
                              Interval(n, INF, label=said), qualifier="ordinal"))
    return out


def _wholes(text: str, exprs: list[NumberExpr]) -> list[NumberExpr]:
    """After ``among the 221 victims`` or an opening ``Of the 53 dead,``, every
    later count of the clause (up to a semicolon, or a comma before ``which``,
    ``and`` ...) is a part of that whole."""
    for n, e in enumerate(exprs):
        if e.part or e.unit or not _WHOLE_BEFORE.search(text, 0, e.start):
            continue
        if people_noun_end(text, e.end, len(text), PEOPLE_NOUNS | CASUALTY_NOUNS
                        | frozenset(["who", "on"])) < 0:
            continue
        whole = text[e.start:e.end]
        end = _WHOLE_ENDS.search(text, e.end)
        stop = len(text) if end is None else end.start()
        for k in range(n + 1, len(exprs)):
            o = exprs[k]
            if o.start < stop and not o.part:
                exprs[k] = NumberExpr(o.start, o.end, o.value_start, o.value_end, o.interval,
                                      True, f"among the {whole}", o.unit, o.qualifier)
    return exprs


# Where the parts of a whole end: a semicolon, or a new clause after a comma
# ("He was among the 40 injured in the blast, which killed 53").
_WHOLE_ENDS = regex.compile(r";|,\s*(?:which|who|that|and|but|while|whereas|when)\b",
                            regex.IGNORECASE)


def _summable(e: NumberExpr) -> bool:
    return not e.part and not e.unit and e.qualifier != "ordinal"


def _sums(text: str, exprs: list[NumberExpr]) -> list[NumberExpr]:
    """Counts of one noun phrase of people, joined by ``and`` (and commas before
    it), as one sum: ``killing 212 passengers and nine crew``, ``41 adults and 12
    children``, ``40 civilians, nine soldiers and four police officers``."""
    out: list[NumberExpr] = []
    k = 0
    while k < len(exprs):
        group = [exprs[k]]
        ands = [False]  # whether each joiner so far is "and"
        while _summable(group[-1]) and k + len(group) < len(exprs):
            a, b = group[-1], exprs[k + len(group)]
            head = people_noun_end(text, a.end, b.start, PEOPLE_NOUNS)
            if head < 0:
                head = _shared_noun(text, a.end, b.start)
            joiner = _SUM_JOINER.match(text, head, b.start) if head >= 0 else None
            if joiner is None or joiner.end() != b.start or not _summable(b):
                break
            group.append(b)
            ands.append(bool(joiner.group("and1") or joiner.group("and2")))
        while len(group) > 1 and not ands[len(group) - 1]:
            group.pop()  # the list must end with "and" ("..., nine soldiers and four")
        if len(group) > 2 and not ands[1] and _breakdown(text, group):
            # "seven people, five men and two women": the total, then what it is made of
            out.append(exprs[k])
            out.extend(NumberExpr(o.start, o.end, o.value_start, o.value_end, o.interval,
                                  True, "breakdown", o.unit, o.qualifier) for o in group[1:])
            k += len(group)
            continue
        last = group[-1]
        tail = people_noun_end(text, last.end, len(text), PEOPLE_NOUNS)
        if len(group) > 1 and tail >= 0 and not _state_after(text, tail):
            out.append(_sum(group, tail))
        else:
            group = group[:1]
            out.append(exprs[k])
        k += len(group)
    return out


_ELIDED = regex.compile(r"(?:\s+\p{Lu}[\p{L}'-]*){1,2}(?=\s+and\s)")


def _shared_noun(text: str, start: int, limit: int) -> int:
    """The end of capitalized modifiers whose noun is the next part's: "two British
    and three French soldiers", "four Israeli and two Palestinian civilians"; or -1."""
    m = _ELIDED.match(text, start, limit)
    if m is None or any(w.casefold() in FUNCTION_WORDS for w in m.group().split()):
        return -1
    return m.end()


# Nouns of a whole that a list after a comma breaks down ("seven people, five men ...").
_WHOLE_NOUNS = frozenset("people persons victims dead casualties others".split())


def _breakdown(text: str, group: Sequence[NumberExpr]) -> bool:
    """Is the first count of a comma list the total the rest makes up: a noun of
    a whole before the comma ("seven people, five men and two women"), or the rest
    adding up to it ("12 civilians, nine children and three women")?"""
    first, rest = group[0], group[1:]
    head = people_noun_end(text, first.end, group[1].start, PEOPLE_NOUNS)
    noun = text[first.end:head].split()[-1].casefold() if head > first.end else ""
    exact = all(e.interval.is_exact for e in group)
    return noun in _WHOLE_NOUNS or (exact and sum(e.interval.lo for e in rest)
                                    == first.interval.lo)


def _state_after(text: str, end: int) -> bool:
    """"... and 40 civilians were wounded": the last part names another tally."""
    words = [m.group().casefold() for m in _NP_WORD.finditer(text, end, min(len(text), end + 30))]
    words = [w for w in words[:3] if w not in ("were", "was", "are", "is", "been", "had", "have",
                                                "has", "also", "later", "seriously", "badly")]
    return bool(words) and words[0] in _STATE_WORDS


def _sum(group: Sequence[NumberExpr], end: int) -> NumberExpr:
    """The sum of ``group``, spanning its last noun (``212 passengers and nine crew``)."""
    lo = sum(e.interval.lo for e in group)
    hi = sum(e.interval.hi for e in group)
    label = " + ".join(e.interval.label or fmt_number(e.interval.lo) if e.interval.is_exact
                       or e.interval.label else e.interval.short() for e in group)
    first, last = group[0], group[-1]
    return NumberExpr(first.start, end, first.value_start, last.value_end,
                      Interval(lo, hi, any(e.interval.lo_open for e in group),
                               any(e.interval.hi_open for e in group), label=label),
                      qualifier="sum", parts=tuple(group))


# ---------------------------------------------------------------------------
# What is not a count: one named rule each, tried in order
# ---------------------------------------------------------------------------
class _At(NamedTuple):
    """A bare number as the exclusion rules see it."""

    r: _Reader
    c: _Core
    prev: _Tok | None   # the token before it
    nxt: _Tok | None    # the token after it
    after: str          # the word after it, lower-cased ("" when none)


def _joined_before(a: _At) -> bool | None:
    """Joined to letters, digits or date/time/money marks before: G7, 16:05, $5, mid-2017."""
    r, i = a.r, a.c.i
    if a.prev is None or not r.adjacent(i - 1, i):
        return None
    if a.prev.kind in ("w", "n") or a.prev.text in "/:.'" or a.prev.text in CURRENCY_SIGNS:
        return True
    before = r.tok(i - 2)
    if a.prev.text == "-" and r.adjacent(i - 2, i - 1) and before is not None and (
            before.kind in ("w", "n")):
        return True  # mid-2017, pre-1990, the tail of 2017-04-11
    return None


def _joined_after(a: _At) -> bool | None:
    """Joined to what follows: 5G, 4th, 5%, 1.2.3; six-year, 10-year-old (but 30-odd,
    20-plus are counts, and nothing else is asked)."""
    r, j = a.r, a.c.j
    nxt = a.nxt
    if nxt is None or not r.adjacent(j - 1, j):
        return None
    if nxt.text in "/:" and not (r.adjacent(j, j + 1) and r.tok(j + 1) is not None
                                 and r.toks[j + 1].kind == "n"):
        return None  # "killed 221: 200 passengers ...", not 16:05 or 24/7
    if nxt.kind in ("w", "n") or nxt.text in "/:%'":
        return True
    if nxt.text == "-" and r.adjacent(j, j + 1) and r.is_word(j + 1):
        return r.low(j + 1) not in ("plus", "odd")
    if nxt.text == "." and r.adjacent(j, j + 1) and r.tok(j + 1) is not None and (
            r.toks[j + 1].kind == "n"):
        return True
    return None


def _capitalized_word(a: _At) -> bool | None:
    """A capitalized number word mid-sentence names something: BBC Two, Group of Seven."""
    first = a.r.toks[a.c.i]
    if (first.kind == "w" and first.text[:1].isupper() and not a.r.headline
            and not a.r.at_sentence_start(a.c.i)):
        return True
    return None


def _age_after_name(a: _At) -> bool | None:
    """An age set off after a name: "Abdel Youssef, 29, who lost", "Putin (64)"."""
    r, c, prev, nxt = a.r, a.c, a.prev, a.nxt
    if (r.toks[c.i].kind == "n" and c.value <= 120 and prev is not None and nxt is not None
            and ((prev.text == "," and nxt.text in ",;")
                 or (prev.text == "(" and nxt.text == ")"))
            and r.is_capitalized(c.i - 2)):
        return True
    return None


def _money_or_share(a: _At) -> bool | None:
    """Money and percentages: 5 million dollars, 5 per cent, $5."""
    if a.after in CURRENCY_WORDS or a.after in PERCENT_WORDS:
        return True
    if a.after == "per" and a.r.low(a.c.j + 1) == "cent":
        return True
    if a.prev is not None and a.prev.text in CURRENCY_SIGNS:
        return True
    return None


def _time_of_day(a: _At) -> bool | None:
    """Times: 4 pm, 4 a.m., 10 GMT."""
    if a.after in TIME_WORDS:
        return True
    if a.after in ("a", "p") and a.r.low(a.c.j + 1) == "." and a.r.low(a.c.j + 2) == "m":
        return True
    return None


def _day_of_month(a: _At) -> bool | None:
    """Dates: 4 April, 4 of April, April 4, April the 4."""
    r, c = a.r, a.c
    if c.vague is None and c.value == int(c.value) and 1 <= c.value <= 31:
        k = c.j + 1 if a.after == "of" else c.j
        if r.low(k) in MONTHS and r.is_capitalized(k):
            return True
        back = c.i - 1
        if r.low(back) == "the":
            back -= 1
        if r.low(back) in MONTHS and r.is_capitalized(back):
            return True
    return None


def _label(a: _At) -> bool | None:
    """Labels: Article 5, No. 10, #3, room 5, Resolution 2118 (not in headline case)."""
    r, i, prev = a.r, a.c.i, a.prev
    if r.toks[i].kind != "n" or r.headline:
        return None
    pk = i - 1
    if prev is not None and prev.text == "." and r.low(i - 2) in ("no", "nos"):
        return True
    if prev is not None and prev.text == "#":
        return True
    if r.low(pk) in LABEL_WORDS:
        return True
    if r.is_capitalized(pk) and (r.low(pk) not in FUNCTION_WORDS) and (
            r.low(pk) not in MONTHS) and (not r.at_sentence_start(pk)
                                          or _names_at_start(r.low(pk), a.after)):
        return True  # "Flight 302", and "Boeing 737 crashed" opening a sentence
    if r.low(pk) in ("a", "an") and r.tok(i + 1) is not None and r.low(i + 1) not in SCALES:
        return True  # "a 737 carrying 150 people": a model, not a count
    return None


# Words that may open a sentence right before a count ("Some 30", "Barely 40").
_OPENERS = frozenset(w for p in _PREFIX_KINDS for w in p.split()) | frozenset(
    "aged all both another those these its their his her our only just perhaps maybe "
    "possibly probably reportedly officially altogether together nationwide overall "
    "worldwide elsewhere today yesterday tonight later earlier meanwhile already again "
    "now then there here in total".split())


def _names_at_start(word: str, after: str) -> bool:
    """Does a capitalized first word name the number after it ("Flight", "Boeing")
    rather than qualify a count ("Some", "Nearly", "Officially") or take it as
    its object ("Killing 12 people")?"""
    verb = word.endswith(("ed", "ing")) and (after in COUNT_NOUNS or after in PEOPLE_NOUNS)
    return word not in _OPENERS and not word.endswith("ly") and not verb


def _name_of_number(a: _At) -> bool | None:
    """A number after "Name of": Group of 7, Council of Ten."""
    r, i = a.r, a.c.i
    if (r.low(i - 1) == "of" and r.is_capitalized(i - 2) and not r.headline
            and (not r.at_sentence_start(i - 2) or r.low(i - 2) == "group")
            and r.low(i - 2) not in FUNCTION_WORDS):
        return True
    return None


def _ratio(a: _At) -> bool | None:
    """Ratios: one in five, 3 out of 4 (either side)."""
    r, i, j = a.r, a.c.i, a.c.j
    if a.after == "in" and r.starts_number(j + 1):
        return True
    if a.after == "out" and r.low(j + 1) == "of" and r.starts_number(j + 2):
        return True
    if r.low(i - 1) in ("in", "of") and r.ends_number(i - 2) and (
            r.low(i - 1) == "in" or r.low(i - 2) == "out"):
        return True
    return None


def _pronoun_one(a: _At) -> bool | None:
    """"one" as a pronoun: one of the deadliest, no one, one another, one by one, the only one."""
    r, i, j = a.r, a.c.i, a.c.j
    if r.toks[i].low != "one" or j != i + 1:
        return None
    if r.low(i - 1) in PRONOUN_ONE_BEFORE or a.after in PRONOUN_ONE_AFTER:
        return True
    if a.after == "or" and r.low(j + 1) == "another":
        return True
    if r.low(i - 1) == "by" and r.low(i - 2) == "one":
        return True
    if a.nxt is None or (a.nxt.kind == "p" and a.nxt.text not in "-"):
        return True
    return None


def _article_at_end(a: _At) -> bool | None:
    """A spelled-out number that ends in "a"/"an" is not one."""
    return bool(a.c.words and a.r.toks[a.c.j - 1].low in ("a", "an")) or None


# Tried in order; the first rule with a verdict (True: not a count; False: a
# count, ask no further) decides. One line each in the module doc.
EXCLUSIONS: tuple[tuple[str, Callable[[_At], bool | None]], ...] = (
    ("joined before", _joined_before),
    ("joined after", _joined_after),
    ("capitalized number word", _capitalized_word),
    ("age after a name", _age_after_name),
    ("money or a share", _money_or_share),
    ("time of day", _time_of_day),
    ("day of the month", _day_of_month),
    ("label", _label),
    ("name of a number", _name_of_number),
    ("ratio", _ratio),
    ("pronoun one", _pronoun_one),
    ("article at the end", _article_at_end),
)
