"""What one article says that could become a fact: the map step of discovery.

:func:`read_article` reads one prepared article, with no facts, into
:class:`Readings`: the names it uses (with honorifics and titles), the counts
it ties to casualty cues near an event word, and the titles attached to
names. :func:`read_quotes` reads its quotes and their speakers once the run's
people are known (it needs an :class:`~pytest_factcheck.entities.EntityIndex`,
built by :mod:`.disagreements` from every article's names).

Counts are read by the quantity kind's own reader (a cue tied to a number by
the rules of the fact files); a reading the kind is unsure of (it would be
a note) is left out. Quotes and speakers are the quote kind's reading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex

from ..article import PreparedArticle, Sentence
from ..entities import EntityIndex
from ..kinds.quantity import QuantityChecker, _terms_regex, numbers_in
from ..kinds.role import title_key
from ..quoting import spoken_quotes
from ..text.numbers import Interval
from ..text.phrases import nationality_like
from .names import TITLE_HEADS, NameRun, name_runs, title_case

__all__ = ["CUE_CLASSES", "CountSeen", "NameSeen", "Place", "QuoteSeen", "Readings",
           "TitleSeen", "place_of", "read_article", "read_quotes"]

EXCERPT = 200  # characters of a sentence kept as an excerpt


@dataclass(frozen=True, order=True)
class Place:
    """Where something was seen: article, 1-based line and column, and its sentence."""

    article: str
    line: int
    column: int
    excerpt: str = ""

    def to_json(self) -> dict[str, object]:
        return {"article": self.article, "line": self.line, "column": self.column,
                "excerpt": self.excerpt}

    @property
    def short(self) -> str:
        return f"{self.article}:{self.line}"

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as its fields (a worker sends back one per name): twice as fast to load.
        return (Place, (self.article, self.line, self.column, self.excerpt))


@dataclass(frozen=True)
class NameSeen:
    """A capitalized name as written (title case), with its honorific and any
    sign that it names a person (an honorific, a title, a speech verb)."""

    words: tuple[str, ...]
    honorific: str
    person: bool
    place: Place

    def __reduce__(self) -> tuple[Any, ...]:
        return (NameSeen, (self.words, self.honorific, self.person, self.place))


@dataclass(frozen=True)
class TitleSeen:
    """A title attached to a name (before it, or as an appositive after it)."""

    name: tuple[str, ...]
    title: str
    place: Place


@dataclass(frozen=True)
class CountSeen:
    """A number tied to a cue of ``cue_class`` in a sentence about ``event``.

    ``event`` is the event word with its first modifier (``chemical attack``),
    the key counts are grouped by; ``phrase`` is the event as written
    (``chemical weapons attack``); ``cue`` the cue word; ``value`` the number
    expression as written (``at least 80``).
    """

    cue_class: str
    event: str
    phrase: str
    cue: str
    value: str
    interval: Interval
    place: Place
    where: tuple[str, ...] = ()  # the place the event is tied to ("Khan Sheikhoun"), if any
    where_before: bool = False  # the place stands before the event ("the Dorking fire")


@dataclass(frozen=True)
class QuoteSeen:
    """A quoted span: its words (case-folded, in pieces split at gaps), the
    text as written, and the entity its attribution names (or "")."""

    pieces: tuple[tuple[str, ...], ...]
    text: str
    speaker: str
    place: Place
    words: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", tuple(w for p in self.pieces for w in p))


@dataclass(frozen=True)
class Readings:
    path: str
    names: tuple[NameSeen, ...]
    titles: tuple[TitleSeen, ...]
    counts: tuple[CountSeen, ...]


# -- places ----------------------------------------------------------------------
def _sentence_excerpt(article: PreparedArticle, sent: Sentence) -> str:
    """The sentence as stored, spaces collapsed, cut to :data:`EXCERPT` (once per sentence)."""
    cache: dict[int, str] = article.cache.setdefault("suggest.excerpts", {})
    got = cache.get(sent.index)
    if got is None:
        text = " ".join(article.original(sent.start, sent.end).split())
        got = text if len(text) <= EXCERPT else text[: EXCERPT - 3] + "..."
        cache[sent.index] = got
    return got


def _excerpt(article: PreparedArticle, pos: int) -> str:
    sent = article.sentence_at(pos)
    return "" if sent is None else _sentence_excerpt(article, sent)


def place_of(article: PreparedArticle, start: int, end: int, excerpt: str | None = None) -> Place:
    """Where ``[start, end)`` (normalized offsets) is; ``excerpt`` when the
    caller knows its sentence's (else it is looked up)."""
    s, _ = article.to_source(start, end)
    line, col = article.line_col(s)
    return Place(article.path, line, col, _excerpt(article, start) if excerpt is None
                 else excerpt)


# -- names and titles --------------------------------------------------------------
_SPEECH_AFTER = regex.compile(
    r"(?:'s?)?\s*(?:,[^,\"]{1,60},\s*)?(?:has\s+|had\s+|also\s+)?(?:said|says|told|added|warned|"
    r"insisted|declared|claimed|argued|stated|noted|wrote|announced|replied)(?![\p{L}])")
_SPEECH_BEFORE = regex.compile(r"(?:said|says|according\s+to|added)\s*$")
_FORMER = regex.compile(r"(?:former|ex|then|late|outgoing|one-time)\s*-?\s*$", regex.IGNORECASE)
# Lower-case words a title may hold ("Russian foreign minister Sergei Lavrov").
TITLE_WORDS = frozenset("""
    foreign defence defense prime interior finance health justice home trade energy
    education transport culture environment economy deputy vice state press chief
    general attorney security national affairs development international of for the
    and us uk un eu
    """.split()) | TITLE_HEADS
_OPENERS = frozenset("the a an but and as in on at by with for of when while after".split())
_ENDS_PUNCT = regex.compile(r"[,;:.\"()]$")
_APPOS = regex.compile(
    r"\s*,\s*(?:(?:the|a|an)\s+)?(?P<t>(?:[\p{L}.]+'s\s+)?[\p{L}\-.]+(?:\s+[\p{L}\-.]+){0,5}?)"
    r"\s*(?=,|\.|;|:|\s-\s|\s+who(?![\p{L}])|$)")


def _is_title(words: list[str]) -> bool:
    """A title: words that are capitalized or title words, the last an office."""
    if not words or (words[-1].casefold() not in TITLE_HEADS and "of" not in (
            w.casefold() for w in words)):
        return False
    heads = [i for i, w in enumerate(words) if w.casefold() in TITLE_HEADS]
    if not heads:
        return False
    for i, w in enumerate(words):
        low = w.casefold()
        if low in TITLE_WORDS or (nationality_like(low) and w[:1].isupper()):
            continue
        if i == 0 and low.endswith("'s"):
            continue  # Italy's foreign minister
        if w[:1].isupper() and i > heads[0]:
            continue  # Secretary of State, Minister of Defence
        if w[:1].isupper() and len(w) <= 3 and w.isupper():
            continue  # US Secretary of State
        return False
    # After the last office word only "of ..." may follow, and not end there.
    tail = words[heads[-1] + 1:]
    return (not tail or tail[0].casefold() == "of") and words[-1].casefold() not in (
        "of", "the", "for", "and")


def _title_before(text: str, sent: Sentence, run: NameRun) -> str:
    """The title standing right before a name (``Russian President``), or ""."""
    lead = list(run.lead)
    before = text[max(sent.start, run.start - 80): run.start - (len(" ".join(lead)) + 1 if lead
                                                                   else 0)]
    words = before.split()
    k = len(words)
    while k > 0 and (words[k - 1].casefold() in TITLE_WORDS
                     or (words[k - 1][:1].isupper() and not words[k - 1].endswith((",", "."))))\
            and not _ENDS_PUNCT.search(words[k - 1]):
        k -= 1
    phrase = words[k:] + lead
    while phrase and phrase[0].casefold() in _OPENERS:
        phrase = phrase[1:]
    if not phrase or not _is_title(phrase):
        return ""
    at = text.rfind(phrase[0], max(sent.start, run.start - 120), run.start)
    if at >= 0 and _FORMER.search(text, max(sent.start, at - 12), at):
        return ""  # a past title says nothing of the present one
    return " ".join(phrase)


def _title_after(text: str, sent: Sentence, run: NameRun) -> str:
    m = _APPOS.match(text, run.end, sent.end)
    if m is None:
        return ""
    words = m.group("t").split()
    if words and words[0].casefold() in ("former", "ex", "then", "late"):
        return ""
    return " ".join(words) if _is_title(words) else ""


def _names(article: PreparedArticle) -> tuple[list[NameSeen], list[TitleSeen]]:
    text = article.surface
    names: list[NameSeen] = []
    titles: list[TitleSeen] = []
    for sent in article.sentences:
        runs = name_runs(text, sent.start, sent.end)
        if not runs:
            continue
        excerpt = _sentence_excerpt(article, sent)
        for run in runs:
            place = place_of(article, run.start, run.end, excerpt)
            t_before = _title_before(text, sent, run)
            t_after = _title_after(text, sent, run) if len(run.words) > 1 else ""
            said = (_SPEECH_AFTER.match(text, run.end, sent.end) is not None
                    or _SPEECH_BEFORE.search(text, max(sent.start, run.start - 16),
                                             run.start) is not None)
            person = bool(run.honorific or t_before or t_after or said)
            names.append(NameSeen(run.words, run.honorific, person, place))
            for t in (t_before, t_after):
                if t and title_key(t):
                    titles.append(TitleSeen(run.words, t, place))
    return names, titles


# -- counts ------------------------------------------------------------------------
CUE_CLASSES: dict[str, tuple[str, ...]] = {
    "dead": ("killed", "dead", "died", "deaths", "death toll", "fatalities", "perished",
             "lives"),
    "injured": ("injured", "wounded", "hurt", "injuries"),
    "missing": ("missing",),
    "arrested": ("arrested", "detained"),
    "evacuated": ("evacuated",),
}
EVENT_HEADS = frozenset("""
    attack bombing strike airstrike raid explosion blast crash collision derailment fire
    blaze earthquake quake flood flooding storm hurricane typhoon cyclone shooting massacre
    outbreak epidemic stampede landslide eruption collapse sinking shelling ambush accident
    disaster avalanche tsunami wildfire heatwave
    ferry ship boat plane airliner train bus coach helicopter
    """.split())
_PLURALS = {"attacks": "attack", "bombings": "bombing", "strikes": "strike",
            "airstrikes": "airstrike", "raids": "raid", "explosions": "explosion",
            "blasts": "blast", "crashes": "crash", "fires": "fire", "floods": "flood",
            "storms": "storm", "shootings": "shooting", "earthquakes": "earthquake",
            "ferries": "ferry", "ships": "ship", "boats": "boat", "planes": "plane",
            "trains": "train", "buses": "bus"}
_EVENT = regex.compile(r"(?<![\p{L}])(?P<h>" + "|".join(
    sorted(EVENT_HEADS | set(_PLURALS), key=len, reverse=True)) + r")(?![\p{L}])",
    regex.IGNORECASE)
_MODIFIER = regex.compile(r"(?<![\p{L}'])(?P<m>\p{Ll}[\p{Ll}\-]{2,})\s+$")
NOT_MODIFIERS = frozenset("""
    the a an this that these those last latest first second third same suspected alleged
    deadly deadliest fatal recent new another which whose its their his her our such
    week's day's year's month's and or of in on at by for from with after before
    """.split())
_NEVER = Interval(-1.0, -1.0)  # a range no count meets: every clean reading is reported


_CLASS_OF = {cue: cls for cls, cues in CUE_CLASSES.items() for cue in cues}


def _reader() -> QuantityChecker:
    """The quantity kind's reader for every cue at once, with a range no count
    meets: each reading it is sure of comes out as a contradiction."""
    cues = tuple(_CLASS_OF)
    pattern = _terms_regex(cues)
    assert pattern is not None
    # Only sentences that name an event are read (the ``about`` of the reader).
    events = _terms_regex(sorted(EVENT_HEADS), plural=True)
    return QuantityChecker(pattern, events, _NEVER, "sentence", frozenset(), cues)


_READER = _reader()


@dataclass(frozen=True)
class _Event:
    key: str  # the event word with its first modifier: "chemical attack"
    phrase: str  # as written: "chemical weapons attack"
    where: tuple[str, ...]  # the place it is tied to in the sentence ("Dorking"), or ()
    start: int
    before: bool = False


_PLACE_BEFORE = regex.compile(
    r"(?<![\p{L}'])(?P<p>\p{Lu}[\p{L}'\-]+(?:\s\p{Lu}[\p{L}'\-]+){0,2})(?:'s)?\s+$")
_PLACE_AFTER = regex.compile(
    # "the flood that swept through the town of Valdora", "the ferry sank off Skelholm"
    r"(?:\s+(?:(?:that|which)\s+)?\p{Ll}+(?:ed|s|ank|ept|ook|uck))?"
    r"\s+(?:in|at|on|near|outside|through|across|off)\s+(?:the\s+)?"
    r"(?:[\p{Ll}\-]+\s+){0,3}?(?:of\s+)?"
    r"(?P<p>\p{Lu}[\p{L}'\-]+(?:\s\p{Lu}[\p{L}'\-]+){0,2})")
_NOT_PLACES = frozenset("the a an this that last next monday tuesday wednesday thursday friday "
                        "saturday sunday".split())


def _place_words(text: str) -> tuple[str, ...]:
    """The words of a place name; a nationality (``the Norvanian ferry``) is none."""
    words = tuple(w for w in text.split() if w.casefold() not in _NOT_PLACES)
    if len(words) == 1 and nationality_like(words[0].casefold()):
        return ()
    return tuple(title_case(w) for w in words)


def _events(text: str, sent: Sentence) -> list[_Event]:
    out = []
    for m in _EVENT.finditer(text, sent.start, sent.end):
        head = m.group("h").casefold()
        head = _PLURALS.get(head, head)
        mods: list[str] = []
        pos = m.start()
        while len(mods) < 2:
            mm = _MODIFIER.search(text, max(sent.start, pos - 30), pos)
            if mm is None or mm.group("m").casefold() in NOT_MODIFIERS:
                break
            mods.insert(0, mm.group("m").casefold())
            pos = mm.start()
        where: tuple[str, ...] = ()
        before = _PLACE_BEFORE.search(text, max(sent.start, pos - 50), pos)
        after = _PLACE_AFTER.match(text, m.end(), sent.end)
        if before is not None:
            where = _place_words(before.group("p"))
        if not where and after is not None:
            where = _place_words(after.group("p"))
        key = f"{mods[0]} {head}" if mods else head
        out.append(_Event(key, " ".join([*mods, m.group("h").casefold()]), where, m.start(),
                          before is not None and bool(where)))
    return out


def _event(text: str, sent: Sentence, cue_at: int) -> _Event | None:
    """The event word nearest the cue in its sentence, or None when it names none."""
    found = _events(text, sent)
    return min(found, key=lambda e: abs(e.start - cue_at)) if found else None


_CUE_DETAIL = regex.compile(r"cue '([^']*)'")


def _counts(article: PreparedArticle) -> list[CountSeen]:
    text = article.folded
    out: list[CountSeen] = []
    for ev in _READER.check(article):
        if ev.status != "contradiction":
            continue  # the reader is unsure (a part, another occasion, a tie)
        sent = article.sentence_at(ev.start)
        if sent is None:
            continue
        expr = next((e for e in numbers_in(article, sent)
                     if ev.start <= e.start and e.end <= ev.end), None)
        if expr is None:
            continue
        cue_at = ev.start if ev.start < expr.start else expr.end
        event = _event(text, sent, cue_at)
        if event is None:
            continue
        m = _CUE_DETAIL.match(ev.detail or "")
        cue = " ".join(m.group(1).casefold().split()) if m else ""
        cls = _CLASS_OF.get(cue) or _CLASS_OF.get(cue.rsplit(" ", 1)[-1])  # presumed dead
        if cls is None:
            continue
        value = " ".join(article.original(expr.start, expr.end).split())
        out.append(CountSeen(cls, event.key, event.phrase, cue, value, expr.interval,
                             place_of(article, expr.start, expr.end), event.where,
                             event.before))
    return out


def read_article(article: PreparedArticle) -> Readings:
    """Names, titles and counts of one article (no facts needed)."""
    names, titles = _names(article)
    return Readings(article.path, tuple(names), tuple(titles), tuple(_counts(article)))


# -- quotes --------------------------------------------------------------------------
MIN_QUOTE_WORDS = 5


def read_quotes(article: PreparedArticle, index: EntityIndex) -> tuple[QuoteSeen, ...]:
    """The quoted spans of at least :data:`MIN_QUOTE_WORDS` words, with the
    speaker the quote kind reads for each (an entity of ``index``, or "")."""
    out: list[QuoteSeen] = []
    for sq in spoken_quotes(article, index):
        span = sq.span
        pieces = tuple(tuple(w.text for w in p) for p in span.pieces if len(p))
        if sum(len(p) for p in pieces) < MIN_QUOTE_WORDS:
            continue
        speaker = ""
        if sq.attribution is not None and sq.attribution.speaker:
            speaker = sq.attribution.speaker
        text = " ".join(article.original(span.inner_start, span.inner_end).split())
        out.append(QuoteSeen(pieces, text, speaker, place_of(article, span.start, span.end)))
    return tuple(out)
