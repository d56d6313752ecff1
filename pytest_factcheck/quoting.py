"""Quotes in an article: its quoted spans (cached on it), quoted word runs, and who said each.

:func:`quote_spans`
    The quoted spans of every paragraph (:func:`~pytest_factcheck.text.quotes.find_spans`),
    read once per article and cached on it.

:func:`quoted_runs`, :func:`spans_quoting`
    Runs of words inside quoted spans, hashed, so that the corpus index and the
    quote kind find the spans quoting a fact's words without reading them again.

:func:`spoken_quotes`
    Each span with its :class:`Attribution`, read from speech verbs only
    (``“…,” X said``, ``“…,” said X``, ``X said: “…”``, ``X told reporters
    “…”``, ``according to X``, interrupted quotes, pronouns, quotes that run
    over several paragraphs). See :func:`spoken_quotes` for the rules.

This reading needs the article and the run's entities, so it lives beside
``entities.py``; ``text/`` holds the pure machinery it uses.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from .article import PreparedArticle
from .entities import EntityIndex, Mention
from .text.dates import MONTHS, WEEKDAYS
from .text.quotes import QuoteSpan, find_spans, piece_texts
from .text.segment import ABBREVIATIONS

__all__ = [
    "Attribution",
    "SpokenQuote",
    "quote_spans",
    "quoted_runs",
    "spans_quoting",
    "spoken_quotes",
]


def quoted_runs(article: PreparedArticle, n: int) -> tuple[array[int], array[int]]:
    """Every run of ``n`` words inside one piece of a quoted span, compactly.

    ``(hashes, owners)``: the ``hash()`` of each run (a tuple of
    ``QuoteWord.text``), sorted, and the position in :func:`quote_spans` of
    the span holding it. Hashes are valid within this process only (``str``
    hashes are salted per process). Cached per article (a dozen bytes per run);
    the spans themselves are not kept by this reading.
    """
    key = ("quote-runs", n)
    cached = article.cache.get(key)
    if cached is not None:
        return cached
    folded = article.folded
    known = article.cache.get(("quote-spans",))
    spans: Iterable[QuoteSpan] = known if known is not None else (
        span for p in article.paragraphs
        for span in find_spans(article.surface, folded, p.start, p.end, p.index))
    pairs: set[tuple[int, int]] = set()
    for k, span in enumerate(spans):
        for words in piece_texts(folded, span.inner_start, span.inner_end):
            pairs.update((hash(tuple(words[i:i + n])), k) for i in range(len(words) - n + 1))
    ordered = sorted(pairs)
    result = (array("q", [h for h, _ in ordered]), array("I", [k for _, k in ordered]))
    article.cache[key] = result
    return result


def spans_quoting(article: PreparedArticle, n: int, hashes: Iterable[int]) -> list[int]:
    """Positions in :func:`quote_spans` of the spans holding a run of ``n``
    words whose hash is one of ``hashes`` (see :func:`quoted_runs`), in order."""
    runs, owners = quoted_runs(article, n)
    if not runs:
        return []
    found: set[int] = set()
    size = len(runs)
    for h in hashes:
        i = bisect_left(runs, h)
        while i < size and runs[i] == h:
            found.add(owners[i])
            i += 1
    return sorted(found)


def quote_spans(article: PreparedArticle) -> tuple[QuoteSpan, ...]:
    """Every quoted span of the article, in order (cached on the article)."""
    key = ("quote-spans",)
    cached = article.cache.get(key)
    if cached is not None:
        return cached
    out: list[QuoteSpan] = []
    for p in article.paragraphs:
        out.extend(find_spans(article.surface, article.folded, p.start, p.end, p.index))
    result = tuple(out)
    article.cache[key] = result
    return result


# ---------------------------------------------------------------------------
# Attribution
# ---------------------------------------------------------------------------
def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_VERB_FORMS = _wordset("""
say says said tell tells told add adds added declare declares declared insist insists insisted
warn warns warned argue argues argued claims claimed states stated ask asks asked notes noted
write writes wrote explain explains explained replies replied responds responded continued
stresses stressed recalls recalled remarks remarked admits admitted acknowledges acknowledged
announces announced observes observed concedes conceded complains complained cautions cautioned
concludes concluded tweets tweeted repeated repeats testified testifies shouted whispered
confirmed vowed vows pleaded urged recounted exclaimed retorted commented predicted
""")
SPEECH_VERBS = _VERB_FORMS | {"went on", "goes on"}
# Forms that are as often nouns ("the claims that ..."): never read as a
# speech verb outside an attribution of a quote.
_NOUNISH = _wordset("claims notes states remarks tweets asks replies stresses cautions "
                    "concludes")
_TELL_ASK = _wordset("tell tells told ask asks asked")
_ASK = _wordset("ask asks asked")
# An indirect question after "asked": what follows the question is its answer.
_QUESTION_OPEN = re.compile(r"\s+(?:whether|if|about|what|why|how|when|where|who|which)\b",
                            re.IGNORECASE)
def _trie_pattern(words: Iterable[str]) -> str:
    """An alternation of ``words`` as a character trie (much faster to scan)."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch).replace(r"\ ", r"\s+") + build(sub)
                for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


# Case-sensitive: "State" in "Secretary of State" is no verb.
_VERB = re.compile(r"(?<![\w'\-])" + _trie_pattern(SPEECH_VERBS) + r"(?![\w'\-])")
# Words that may stand between a subject and its verb ("Putin later said").
_BETWEEN = _wordset("""also later then again once previously earlier recently repeatedly has had
have would will just further simply now reportedly""")
_PRONOUNS = frozenset({"he", "she"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it"})
_DETERMINERS = _wordset("the a an his her its their this that")
# A name right after one of these is an object, not a subject.
_PREPOSITIONS = _wordset("""of for to with by from about at on in near close against like than
toward towards under after before behind via alongside including and or nor versus vs""")
# Words that end a subject written after its verb ("said Mr Putin in Moscow").
_NP_END = _wordset("""in on at during after before while when who whose which that as to from
with without and but adding according because since yesterday today tonight earlier later
afterwards then last this""")
# Words that show a clause, not a subject phrase, between a quote and a verb.
_CLAUSE = _wordset("""and but or nor which who whom whose that while because although though if
when whereas""")
_UNKNOWN_SUBJECT = regex.compile(
    r"(?:^|[\s,])(?:a|an|the|his|her|their|its|one|another)\s+(?:[\p{L}'\-]+\s+){0,3}"
    r"[\p{L}'\-]+$", regex.IGNORECASE)
_LAST_WORD = regex.compile(r"([\p{L}\p{N}'\-]+)[.]?$")
_WORDS = regex.compile(r"[\p{L}\p{N}'\-.]+")
# A colon between digits is a time (``at 10:30``), not a stop.
_STOP = regex.compile(r"[!?;]|(?<!\d):(?!\d)|\.(?=\s|$)")
_QUOTE_CHARS = regex.compile("[\"'\u2018\u2019\u201c\u201d\u00ab\u00bb]")
_ACCORDING_AFTER = regex.compile(r"[\s,]*(?:-\s*)?according\s+to\s+", regex.IGNORECASE)
_ACCORDING_BEFORE = regex.compile(r"according\s+to\s+([^,:;.!?]{1,80}?)\s*[,:]?\s*$",
                                  regex.IGNORECASE)
_NP_PUNCT = regex.compile("[,()\"\u201c\u201d\u2018\u2019]")
_NEXT_WORD = regex.compile(r"[\s,]*(\p{L}+)")
_CLAUSE_PUNCT = regex.compile("[,;!?\"\u201c\u201d]|(?<!\\d):(?!\\d)")
# What may stand between a speech verb and the quote it introduces.
_OBJ_NONE = regex.compile(r"\s*[:,]?\s*")
_OBJ_THAT = regex.compile(r"(?:\s+[^.!?;:,\"\u201c\u201d]{1,40}?)?\s+that\s*")
_OBJ_COLON = regex.compile(r"\s+(?:[^.!?;:,\"\u201c\u201d]|(?<=\d):(?=\d)){1,80}?[:,]\s*")
_OBJ_TOLD = regex.compile(r"\s+[\p{L}\p{N}'\-]+(?:\s+[\p{L}\p{N}'\-]+){0,2}\s*")
# Words that open a verb's own object (“…”, X said it was nonsense).
_OBJECT_START = regex.compile(r" +([\p{L}']+)")
_OBJECT_WORDS = _wordset("""that it he she they we i you there this these those the a an his
her their its our my what why how whether if""")
_COPULAS = _wordset("was is were are be been being seems seemed")
_ASIDE_THEN_VERB = regex.compile(
    r"\s*,\s*(?:was|were|is|are|had|has|have|would|will|could|should|might|must|did|does"
    r"|became|becomes|remains|remained)\b")
# A quote followed by a verb is the subject of a sentence about it.
_QUOTE_AS_SUBJECT = regex.compile(
    r"[\"'\u201d\u2019]?\s+(?:was|is|were|are|had|has|have|would|will|could|should|might"
    r"|must|did|does|became|becomes|remains|remained)\b")
# A capitalized name (no known entity) right before a speech verb.
_NAME_BEFORE = regex.compile(r"\p{Lu}[\p{L}'\-]+\s*$")
_INVERTED = regex.compile(r"[\s,]*(?:-\s*)?(?:(?:also|then|later|again)\s+)?", regex.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    """Who a quote is attributed to, and how that was read.

    ``entities`` holds the entity ids of the speaker (several only when the
    name is shared); empty means a speaker was read (``a spokesman said``) but
    is no known entity. ``via`` says how: ``after`` (“…,” X said), ``inverted``
    (“…,” said X), ``before`` (X said: “…”), ``according-to``, ``pronoun``,
    ``same-paragraph`` (a later span of the same attribution: interrupted
    quotes and “…,” he said. “…”), ``continued`` (a quote running over
    paragraphs). ``start``/``end`` locate the attribution words.
    """

    entities: frozenset[str]
    via: str
    start: int
    end: int
    text: str = ""

    @property
    def speaker(self) -> str | None:
        """The single entity id of the speaker, or None (unknown or shared name)."""
        return next(iter(self.entities)) if len(self.entities) == 1 else None


@dataclass(frozen=True)
class SpokenQuote:
    """A quoted span and its attribution (None: no readable speaker)."""

    span: QuoteSpan
    attribution: Attribution | None


@dataclass(frozen=True)
class _Subject:
    kind: str  # "entity" | "pronoun" | "unknown"
    entities: frozenset[str]
    pos: int


@dataclass(frozen=True)
class _Reading:
    subject: _Subject
    via: str
    start: int  # the attribution words
    end: int


def _words_in(text: str) -> list[str]:
    return [w.casefold().rstrip(".") for w in _WORDS.findall(text)]


def _first_stop(text: str, lo: int, hi: int) -> int | None:
    """Where the first sentence punctuation in text[lo:hi] is (the dot of an
    honorific or initial, ``Mr.``, ``J.``, is none)."""
    for m in _STOP.finditer(text, lo, hi):
        if m.group() == ".":
            w = _LAST_WORD.search(text, max(0, m.start() - 20), m.start())
            if w and (w.group(1).casefold() in ABBREVIATIONS or len(w.group(1)) == 1):
                continue
        return m.start()
    return None


def _after_preposition(text: str, lo: int, pos: int) -> bool:
    """Does a preposition stand right before ``pos`` (``said of Ms Okafor``)?"""
    words = _words_in(text[lo:pos])
    while words and words[-1] in _DETERMINERS:
        words.pop()
    return bool(words) and words[-1] in _PREPOSITIONS


def _has_stop(text: str, lo: int, hi: int) -> bool:
    return _first_stop(text, lo, hi) is not None


_POSSESSIVE_BEFORE = regex.compile(
    r"(?<![\p{L}'])(?:the|a|an|his|her|its|their|my|our|your|these|those|this|that"
    r"|[\p{L}]+'s?)\s+$", regex.IGNORECASE)


def _is_noun_use(text: str, v: re.Match[str]) -> bool:
    """A verb form that is a noun here: ``her notes``, ``the claims``, ``Putin's remarks``."""
    return (v.group().casefold() in _NOUNISH
            and _POSSESSIVE_BEFORE.search(text, max(0, v.start() - 30), v.start()) is not None)


# Honorifics and titles that tell a person's sex, so that ``she`` never
# stands for a "Mr" (an unknown sex rules nobody out).
_SEX_TITLES = {
    **dict.fromkeys(("mr", "sir", "lord", "king", "prince", "duke", "baron", "count",
                     "monsieur", "herr", "senor", "signor"), "m"),
    **dict.fromkeys(("mrs", "ms", "miss", "dame", "lady", "queen", "princess", "duchess",
                     "baroness", "countess", "madam", "madame", "mme", "frau", "senora",
                     "signora"), "f"),
}
_PRONOUN_SEX = {"he": "m", "she": "f"}
_PRONOUN_AT = regex.compile(r"\p{L}+")
_TITLE_BEFORE = regex.compile(r"(\p{L}+)\.?\s*$")


def _title_sex(words: str) -> str:
    first = words.split()[0].rstrip(".").casefold() if words.split() else ""
    return _SEX_TITLES.get(first, "")


def _sexes(index: EntityIndex, text: str, mentions: Sequence[Mention]) -> dict[str, str]:
    """Each person's sex as its forms and the article's honorifics tell it
    (``Mr Brandt``, an alias ``Ms Okafor``); a person read both ways is unknown."""
    seen: dict[str, set[str]] = {}
    for eid in {e for m in mentions for e in m.entities}:
        entity = index.get(eid)
        for form in (entity.name, *entity.aliases) if entity is not None else ():
            sex = _title_sex(form)
            if sex:
                seen.setdefault(eid, set()).add(sex)
    for m in mentions:
        sex = _title_sex(m.text)
        if not sex:
            before = _TITLE_BEFORE.search(text, max(0, m.start - 12), m.start)
            sex = _title_sex(before.group(1)) if before else ""
        if sex:
            for eid in m.entities:
                seen.setdefault(eid, set()).add(sex)
    return {eid: next(iter(s)) for eid, s in seen.items() if len(s) == 1}


# Words saying that a speaker passes on someone else's words.
_RELAY = re.compile(r"\b(?:quoting|quoted|citing|paraphrasing|echoing|repeating|"
                    r"reading from|reading out|read out)\b", re.IGNORECASE)
# Words saying that a named speaker speaks for someone else ("Tom Bell, a
# spokesman for Ms Lee, said"; "reading a statement on behalf of Ms Lee").
_SPEAKS_FOR = re.compile(r"\b(?:on behalf of|spokes(?:man|woman|person)|speak(?:s|ing)?\s+for|"
                         r"standing in for|in place of|letter|statement|message|note|memo|"
                         r"e-?mail|memoir|reply|speech)\b", re.IGNORECASE)
# Reading a text aloud: the words are the text's, whoever wrote it.
_READS_ALOUD = re.compile(r"\bread(?:s|ing)?\s+(?:\S+\s+){0,4}?(?:aloud|out)\b",
                          re.IGNORECASE)
# "…," came the reply: the answer to a question, not the asker's words.
_REPLY_AFTER = re.compile(r"[\s,]*(?:came|was)\s+the\s+(?:\w+\s+)?(?:reply|answer|response|"
                          r"retort)\b", re.IGNORECASE)
_REPLY_VERB = re.compile(r"\s+(?:\w+ly\s+)?(?:replied|replies|responded|responds|retorted|"
                         r"retorts|answered|answers|shot back)\b", re.IGNORECASE)
# Someone who is no known entity, named between two quotes.
_PERSON_NOUN = regex.compile(
    r"\b(?:spokes(?:man|woman|person|men|women|people)|officials?|aides?|advis[eo]rs?|"
    r"lawyers?|critics?|colleagues?|deputy|deputies|counterparts?|opponents?|rivals?|"
    r"witness(?:es)?|residents?|protesters?|analysts?|sources?)\b", regex.IGNORECASE)
_TWO_CAPITALS = regex.compile(r"\b(\p{Lu}[\p{Ll}'\-]+)\s+(\p{Lu}[\p{L}'\-]+)")
# Capitalized words that open a sentence or a date, not a name.
_NOT_NAMES = frozenset("""the a an on in at by for from to of and but or so yet it he she they
we i you this that these those his her their its our my when while after before as if
then there here asked later earlier last next""".split()) | WEEKDAYS | MONTHS
# Words besides the attribution that may link two halves of one speaker's
# sentence ("…," she said, before adding: "…").
_CARRY_LINK_WORDS = 3
_NEAR = 40  # characters around a speaks-for word where the principal is named
_RELAY_OBJECT = re.compile(r"(?:\W+\w+){1,4}")  # the next few words after a relay word
_CAPITALIZED = re.compile(r"\b[A-Z][a-z]+")


@dataclass
class _Reader:
    """Reads the attributions of one article (see :func:`spoken_quotes`)."""

    article: PreparedArticle
    index: EntityIndex
    spans: tuple[QuoteSpan, ...] = ()
    mentions: list[Mention] = field(default_factory=list)
    by_end: dict[int, Mention] = field(default_factory=dict)
    persons: list[tuple[int, frozenset[str]]] = field(default_factory=list)
    subjects: list[tuple[int, frozenset[str]]] = field(default_factory=list)
    strangers: list[int] = field(default_factory=list)  # where unknown speakers speak
    embedded: set[int] = field(default_factory=set)  # ids of spans set in narration
    reported: list[tuple[int, frozenset[str]]] = field(default_factory=list)  # indirect speech

    def __post_init__(self) -> None:
        self.text = self.article.folded
        self.spans = quote_spans(self.article)
        self._span_starts = [s.start for s in self.spans]
        self.mentions = [m for m in self.index.mentions(self.article)
                         if not self.inside(m.start)]
        for m in self.mentions:
            old = self.by_end.get(m.end)
            if old is None or old.start > m.start:
                self.by_end[m.end] = m
            if all(self.index.is_person(e) for e in m.entities):
                self.persons.append((m.start, m.entities))
        self.persons.sort(key=lambda c: c[0])
        self._by_start = sorted(self.mentions, key=lambda m: m.start)
        self._mention_starts = [m.start for m in self._by_start]
        self._person_pos = [c[0] for c in self.persons]
        self.sexes = _sexes(self.index, self.text, self.mentions)

    # -- helpers ------------------------------------------------------------
    def inside(self, pos: int) -> bool:
        k = bisect_right(self._span_starts, pos) - 1
        return k >= 0 and pos < self.spans[k].end

    def sentence_start(self, pos: int) -> int:
        s = self.article.sentence_at(pos)
        return s.start if s is not None else self.article.paragraph_at(pos).start

    def _mention_subject(self, m: Mention, lo: int) -> _Subject:
        before = _words_in(self.text[lo:m.start])
        while before and before[-1] in _DETERMINERS:
            before.pop()
        if before and before[-1] in _PREPOSITIONS:
            return _Subject("unknown", frozenset(), m.start)
        return _Subject("entity", m.entities, m.start)

    def subject_before(self, lo: int, hi: int, *, after_quote: bool = False
                       ) -> _Subject | None:
        """The subject that ends right before a verb at ``hi`` (clause from ``lo``)."""
        seg = self.text[lo:hi]
        e = len(seg.rstrip())
        for _ in range(3):  # "Putin later said", "he has said"
            m = _LAST_WORD.search(seg, 0, e)
            if m is None:
                break
            w = m.group(1)
            if w.casefold() in _BETWEEN or (w.islower() and w.endswith("ly") and len(w) > 4):
                e = len(seg[:m.start()].rstrip())
            else:
                break
        for _ in range(2):  # "Alfano, the Italian foreign minister, said"
            if e == 0 or seg[e - 1] != ",":
                break
            c = seg.rfind(",", 0, e - 1)
            if c >= 0 and self._name_in_apposition(seg, lo, c, e - 1):
                # "the foreign minister, Anna Weller, said": the name is the
                # subject, the title before it its appositive (SPEC §3a)
                e = len(seg[:e - 1].rstrip())
                break
            if c < 0 or len(_words_in(seg[c:e])) > 12:
                c = e - 1 if not seg[:e - 1].strip() else -1
                if c < 0:
                    return None
            e = len(seg[:c].rstrip())
        head = seg[:e]
        words = _words_in(head)
        if not words:
            return None
        if after_quote and (len(words) > 16 or _has_stop(self.text, lo, lo + e)
                            or _QUOTE_CHARS.search(head)):
            return None
        m_end = self.by_end.get(lo + e)
        subject: _Subject | None = None
        if m_end is None and not after_quote and len(words) > 1 and words[-1] == "who":
            # "... Juliette Armand, who told reporters:": the relative's antecedent
            comma = seg.rfind(",", 0, e)
            if comma >= 0 and seg[comma + 1:e].strip().casefold() == "who" and not any(
                    not _is_noun_use(self.text, v) for v in _VERB.finditer(self.text, lo,
                                                                            lo + comma)):
                # (not "Ms Lee told Mr Roux, who had asked about troops:": the
                # antecedent is the object of an earlier speech verb)
                m_end = self.by_end.get(lo + len(seg[:comma].rstrip()))
        if m_end is not None and m_end.start >= lo:
            subject = self._mention_subject(m_end, lo)
        elif words[-1] in _PRONOUNS:
            subject = _Subject("pronoun", frozenset(), lo + e - len(words[-1]))
        if after_quote:
            lead = words[:-1] if subject is not None else words
            if any(w in _CLAUSE for w in lead):
                return None
        if subject is not None:
            return subject
        return _Subject("unknown", frozenset(), lo)

    def _name_in_apposition(self, seg: str, lo: int, c: int, e: int) -> bool:
        """Is ``seg[c+1:e]`` (between two commas) exactly a person's name, set
        after a title phrase that names nobody (``the foreign minister, Anna
        Weller,``)?"""
        name_end = lo + len(seg[:e].rstrip())
        m = self.by_end.get(name_end)
        if m is None or seg[c + 1:m.start - lo].strip() or not all(
                self.index.is_person(x) for x in m.entities):
            return False
        head = seg[:c].rstrip()
        words = _words_in(head)
        return (0 < len(words) <= 6 and self.by_end.get(lo + len(head)) is None
                and words[0] in _DETERMINERS | {"their", "our", "its"}
                and not any(w in _CLAUSE or w in _PREPOSITIONS for w in words[1:]))

    def subject_after(self, lo: int, hi: int) -> _Subject | None:
        """The subject written after its verb (or after ``according to``)."""
        stop = _first_stop(self.text, lo, hi)
        comma = _NP_PUNCT.search(self.text, lo, hi)
        end = min(hi, hi if stop is None else stop, hi if comma is None else comma.start())
        np_end = lo
        for wm in _WORDS.finditer(self.text, lo, end):
            if wm.group().casefold().rstrip(".") in _NP_END:
                break
            np_end = wm.end()
        words = _words_in(self.text[lo:np_end])
        if not words or len(words) > 8:
            return None
        m = self.by_end.get(np_end) or self.by_end.get(np_end - 1)
        if m is not None and m.start >= lo:
            return self._mention_subject(m, lo)
        if len(words) == 1 and words[0] in _PRONOUNS:
            return _Subject("pronoun", frozenset(), lo)
        named = self._apposed_name(lo, np_end, end, hi, words)
        if named is not None:
            return named
        return _Subject("unknown", frozenset(), lo)

    def _apposed_name(self, lo: int, np_end: int, end: int, hi: int, words: list[str]
                      ) -> _Subject | None:
        """``said the foreign minister, Anna Weller``: a title phrase that names
        nobody, a comma, then exactly a person's name ending the clause."""
        if (np_end != end or end >= hi or self.text[end] != ","
                or words[0] not in _DETERMINERS or len(words) > 6
                or any(w in _CLAUSE or w in _PREPOSITIONS for w in words[1:])):
            return None
        for m in self.mentions:
            if m.start <= end:
                continue
            if self.text[end + 1:m.start].strip() or not all(
                    self.index.is_person(x) for x in m.entities):
                return None
            rest = self.text[m.end:hi]
            if rest.strip() == "" or rest.lstrip()[:1] in (",", ".", ";", "!", "?"):
                return _Subject("entity", m.entities, m.start)
            return None
        return None

    # -- readings of one span -----------------------------------------------
    def read_after(self, span: QuoteSpan, hi: int) -> _Reading | None:
        """“…,” X said / “…,” said X / “…,” according to X."""
        text = self.text
        tail = text[span.inner_start:span.inner_end].rstrip(" \"'")
        last = tail[-1:] if tail else ""
        nxt = _NEXT_WORD.match(text, span.end, hi)
        if last == "." and not (nxt and nxt.group(1).islower()):
            return None  # the sentence ended inside the quote
        mid = last.isalnum()  # a partial quote inside a sentence
        m = _ACCORDING_AFTER.match(text, span.end, hi)
        if m:
            subj = self.subject_after(m.end(), hi)
            if subj is None:
                return None
            return _Reading(subj, "according-to", m.start(), self._clause_end(m.end(), hi))
        m = _INVERTED.match(text, span.end, hi)
        v = _VERB.match(text, m.end(), hi) if m else None
        if v is not None:
            subj = self.subject_after(v.end(), hi)
            if subj is None or (mid and subj.kind == "unknown"):
                return None
            return _Reading(subj, "inverted", v.start(), self._clause_end(v.end(), hi))
        v = next((v for v in _VERB.finditer(text, span.end, hi)
                  if not _is_noun_use(text, v)), None)
        if v is None or self._verb_has_object(v, hi):
            return None
        subj = self.subject_before(span.end, v.start(), after_quote=True)
        if subj is None or (mid and subj.kind == "unknown"):
            return None
        return _Reading(subj, "after", subj.pos, self._clause_end(v.end(), hi))

    def _verb_has_object(self, v: re.Match[str], hi: int) -> bool:
        """After “…,” X said: does the verb go on with words of its own, so that
        the quote is not what it says (“…”, Mr Brandt said it was nonsense;
        Mr Brandt said: “…”)?"""
        rest = self.text[v.end():hi]
        if rest.lstrip(" ").startswith(":") or _ASIDE_THEN_VERB.match(rest):
            return True  # Mr Dyer said: “…” / “…” - those words, he said, were a lie
        if " ".join(v.group().casefold().split()) in _TELL_ASK:
            return False
        m = _OBJECT_START.match(rest)
        if m is None:
            return False
        return m.group(1).casefold() in _OBJECT_WORDS or any(
            m.start(1) == mention.start - v.end() for mention in self.mentions
            if v.end() <= mention.start < hi)

    def _clause_after_object(self, lo: int, hi: int) -> bool:
        """After ``told``: does a person named there go on with a clause of their
        own (``told MPs Mr Roux had written to him saying:``) rather than end
        the object (``told Mr Dyer:``, ``told Mr Dyer on Friday:``)?"""
        for m in self.mentions:
            if not lo <= m.start < hi or _after_preposition(self.text, lo, m.start):
                continue
            rest = _words_in(self.text[m.end:hi])
            if rest and rest[0] not in _PREPOSITIONS:
                return True
        return False

    def _clause_end(self, lo: int, hi: int) -> int:
        m = _CLAUSE_PUNCT.search(self.text, lo, hi)
        stop = _first_stop(self.text, lo, hi)
        return min(m.start() if m else hi, hi if stop is None else stop)

    def read_before(self, span: QuoteSpan, lo: int) -> _Reading | None:
        """X said: “…” / X told reporters “…” / According to X, “…”."""
        text = self.text
        pre = text[lo:span.start]
        if _QUOTE_AS_SUBJECT.match(text, span.end):
            return None  # X said “…” was her phrase: the quote is talked about
        m = _ACCORDING_BEFORE.search(pre)
        if m:
            subj = self.subject_after(lo + m.start(1), lo + m.end(1))
            return _Reading(subj, "according-to", lo + m.start(), span.start) if subj else None
        verbs = [v for v in _VERB.finditer(text, lo, span.start) if not _is_noun_use(text, v)]
        if not verbs:
            return None
        v = verbs[-1]
        after = text[v.end():span.start]
        verb = " ".join(v.group().casefold().split())
        if verb in _ASK and _QUESTION_OPEN.match(after):
            return None  # "Mr Roux, who asked whether Britain would help:" - the answer
        ok = (_OBJ_NONE.fullmatch(after) is not None
              or (_OBJ_THAT.fullmatch(after)
                  is not None and len(_words_in(after)) <= 5
                  # "said it was untrue that": the that-clause is not the verb's
                  and not (_SUBJECT_PRONOUNS | _COPULAS) & set(_words_in(after))
                  and (verb in _TELL_ASK  # "Judge Lind told Mr Dyer:"
                       or not any(v.end() <= m.start < span.start
                                  and not _after_preposition(text, v.end(), m.start)
                                  for m in self.mentions)))
              or (_OBJ_COLON.fullmatch(after) is not None
                  and len(_words_in(after)) <= 8
                  # "X said Y had written:": Y (or "she") speaks, not X
                  and ((verb in _TELL_ASK  # "Judge Lind told Mr Dyer:"
                        and not self._clause_after_object(v.end(), span.start))
                       or not any(v.end() <= m.start < span.start
                                  and not _after_preposition(text, v.end(), m.start)
                                  for m in self.mentions))
                  and not _SUBJECT_PRONOUNS & set(_words_in(after)))
              or (verb in _TELL_ASK
                  and _OBJ_TOLD.fullmatch(after) is not None))
        if not ok:
            return None
        subj = self.subject_before(lo, v.start())
        if subj is None:
            return None
        return _Reading(subj, "before", subj.pos, span.start)

    # -- pronouns ------------------------------------------------------------
    def resolve_pronoun(self, pos: int, paragraph: int,
                        virtual: Sequence[tuple[int, frozenset[str]]]) -> frozenset[str] | None:
        """The nearest person before ``pos`` in this or the previous paragraph,
        outside quotes. When that person's sentence names another person too,
        the subject of a speech verb in it decides, or nobody does."""
        lo = self.article.paragraphs[max(0, paragraph - 1)].start
        pronoun = _PRONOUN_AT.match(self.text, pos)
        sex = _PRONOUN_SEX.get(pronoun.group().casefold(), "") if pronoun else ""
        cands = [c for c in (*self._persons_in(lo, pos),
                             *((p, e) for p, e in virtual if lo <= p < pos))
                 if self._agrees(c[1], sex)]
        if not cands:
            return None
        near_pos, near = max(cands, key=lambda c: c[0])
        if any(near_pos < q < pos for q in self.strangers):
            return None  # someone unknown spoke since: "she" may be them
        sent = self.article.sentence_at(near_pos)
        s_lo, s_hi = (sent.start, sent.end) if sent else (near_pos, near_pos + 1)
        others = {e for p, e in cands if s_lo <= p < s_hi and e != near}
        if not others:
            return near
        if pronoun is not None and _REPLY_VERB.match(self.text, pronoun.end()):
            return None  # "X asked Y: '…?' '…,' he replied": the one asked replies
        subs = [(p, e) for p, e in self.subjects
                if s_lo <= p < min(s_hi, pos) and self._agrees(e, sex)]
        return max(subs, key=lambda c: c[0])[1] if subs else None

    def _agrees(self, entities: frozenset[str], sex: str) -> bool:
        """Can ``he``/``she`` (``sex`` "m"/"f") stand for one of ``entities``?
        Only a known sex (from an honorific) rules a person out."""
        return not sex or any(self.sexes.get(e, sex) == sex for e in entities)

    def _persons_in(self, lo: int, hi: int) -> list[tuple[int, frozenset[str]]]:
        return self.persons[bisect_left(self._person_pos, lo):bisect_left(self._person_pos, hi)]

    def names_other_person(self, lo: int, hi: int, speaker: frozenset[str]) -> bool:
        return any(not (e & speaker) for _, e in self._persons_in(lo, hi))

    # -- the pass ------------------------------------------------------------
    def run(self) -> tuple[SpokenQuote, ...]:
        out: list[SpokenQuote] = []
        virtual: list[tuple[int, frozenset[str]]] = []
        last_speaker: dict[int, Attribution] = {}
        last_span: dict[int, SpokenQuote] = {}
        by_para: dict[int, list[QuoteSpan]] = {}
        relayed: set[int] = set()
        for s in self.spans:
            by_para.setdefault(s.paragraph, []).append(s)
        for para in self.article.paragraphs:
            p = para.index
            spans = by_para.get(p, [])
            readings: list[_Reading | None] = []
            for k, span in enumerate(spans):
                hi = spans[k + 1].start if k + 1 < len(spans) else para.end
                lo = max(para.start, spans[k - 1].end if k else para.start,
                         self.sentence_start(span.start))
                after = self.read_after(span, hi)
                before = self.read_before(span, lo) if lo < span.start else None
                readings.append(_merge(after, before))
                if self.relays(span, lo, hi) or self.speaks_for(span, lo, hi, readings[-1]):
                    relayed.add(id(span))
            claimed = [(r.start, r.end) for r in readings if r is not None]
            verbs = [v for v in _VERB.finditer(self.text, para.start, para.end)
                     if not self.inside(v.start())
                     and not any(a <= v.start() < b for a, b in claimed)
                     and v.group().casefold() not in _NOUNISH]
            # Document order: (position, 0 = reported speech / 1 = span, index).
            events = [(v.start(), 0, k) for k, v in enumerate(verbs)]
            events += [(min(s.start, r.start) if r else s.start, 1, k)
                       for k, (s, r) in enumerate(zip(spans, readings, strict=True))]
            events.sort()
            done: list[SpokenQuote] = []
            for _, kind, k in events:
                if kind == 0:
                    attr = self._indirect(verbs[k], p, virtual)
                elif id(spans[k]) in relayed:
                    attr = None  # "…," said Tillerson, quoting Mr Putin: whose words?
                else:
                    attr = self._span_attribution(spans[k], readings[k], done, p, virtual,
                                                  last_speaker, last_span)
                    done.append(SpokenQuote(spans[k], attr))
                    out.append(done[-1])
                if attr is not None:
                    last_speaker[p] = attr
            if done:
                last_span[p] = done[-1]
        return tuple(out)

    def relays(self, span: QuoteSpan, lo: int, hi: int) -> bool:
        """Does the sentence around the span say its words are relayed from someone
        else ("…," said Tillerson, quoting Mr Putin; citing, paraphrasing…)?"""
        end = hi
        sentence = self.article.sentence_at(max(span.end - 1, span.start))
        if sentence is not None:
            end = min(hi, max(sentence.end, span.end))
        return any(not self.inside(m.start()) and self._names_someone(m.end(), end)
                   for m in _RELAY.finditer(self.text, lo, end))

    def speaks_for(self, span: QuoteSpan, lo: int, hi: int, reading: _Reading | None
                   ) -> bool:
        """Is the named speaker of ``reading`` said, in the sentence around the span,
        to speak for someone else (``Tom Bell, a spokesman for Ms Lee, said:``,
        ``said Tom Bell, speaking on behalf of Ms Lee``)? Whose words they are
        is then not read."""
        if reading is None or reading.subject.kind != "entity":
            return False
        end = hi
        sentence = self.article.sentence_at(max(span.end - 1, span.start))
        if sentence is not None:
            end = min(hi, max(sentence.end, span.end))
        if any(not self.inside(m.start()) for m in _READS_ALOUD.finditer(self.text, lo, end)):
            return True  # "Mr Grant, reading aloud, said:"
        speaker = reading.subject.entities
        for m in _SPEAKS_FOR.finditer(self.text, lo, end):
            if self.inside(m.start()):
                continue
            # Another person named right around it: "a spokesman for Ms Lee",
            # "Mr Roux's spokeswoman", "a letter from Mr Roux".
            if any(not (e & speaker) for _, e in self._persons_in(
                    max(lo, m.start() - _NEAR), min(end, m.end() + _NEAR))):
                return True
        return False

    def _names_someone(self, lo: int, hi: int) -> bool:
        """Is someone named within a few words after a relay word ("quoting Mr
        Putin", "citing the Russian leader"), as opposed to "repeating the words
        he had used" (his own)?"""
        window = _RELAY_OBJECT.match(self.text, lo, hi)
        if window is None:
            return False
        stop = window.end()
        return any(lo <= m.start < stop for m in self.mentions) or \
            _CAPITALIZED.search(self.text, lo, stop) is not None

    def _talked_about(self, span: QuoteSpan, attr: Attribution) -> bool:
        """Is the span the subject of a sentence about it (``"…" was the phrase
        she used``, ``"…" is how Mr Holt put it``), or does the rest of its
        sentence name another person? Then the carried speaker is not read."""
        if _QUOTE_AS_SUBJECT.match(self.text, span.end):
            return True
        sent = self.article.sentence_at(max(span.start, span.end - 1))
        end = sent.end if sent is not None else span.end
        return self.names_other_person(span.end, end, attr.entities) or \
            self._names_stranger(span.end, end, attr)

    def _names_stranger(self, lo: int, hi: int, attr: Attribution) -> bool:
        """Between ``lo`` and ``hi`` (outside quotes and the attribution), is
        someone named who is no known entity: a person noun (``a ministry
        spokesman``, ``her critics``) or a capitalized name (``Anne Keller``)
        that no entity mention covers?"""
        at = bisect_left(self._mention_starts, lo)
        known = [(m.start, m.end) for m in
                 self._by_start[at:bisect_left(self._mention_starts, hi, lo=at)]]

        def free(pos: int) -> bool:
            return not (self.inside(pos) or attr.start <= pos < attr.end
                        or any(a <= pos < b for a, b in known))

        if any(free(m.start()) for m in _PERSON_NOUN.finditer(self.text, lo, hi)):
            return True
        return any(free(m.start()) and free(m.start(2))
                   and m.group(1).casefold() not in _NOT_NAMES
                   for m in _TWO_CAPITALS.finditer(self.text, lo, hi))

    def _embedded(self, span: QuoteSpan, prev: QuoteSpan, attr: Attribution) -> bool:
        """Does ``span`` stand inside a sentence of the narrator's rather than
        go on with the speaker's words after ``prev``?

        It goes on when it opens its sentence (``"…," she said. "…"``), when
        it continues the sentence of ``prev`` after a comma or colon (``"…,"
        the governor said, looking up from her notes, "…"``) or with at most
        :data:`_CARRY_LINK_WORDS` words besides the attribution between them
        (``"…," she said, "…"``, ``"…," she said, adding: "…"``), or when its
        sentence reports the same speaker's words before it (``Or, he added,
        it could …, "which we believe …"``).
        """
        lo = self.sentence_start(span.start)
        if any(lo <= pos < span.start and ents == attr.entities for pos, ents in self.reported):
            return False  # "Or, he added, it could ... 'which we believe …'": still theirs
        if lo >= prev.end:  # a sentence of its own (or one opening after prev)
            return bool(_words_in(self.text[lo:span.start]))
        gap = self.text[prev.end:span.start]
        if gap.rstrip()[-1:] in (",", ":"):
            return False  # the second half of an interrupted quote: "…," she said, …, "…"
        if prev.end <= attr.start and attr.end <= span.start:
            gap = self.text[prev.end:attr.start] + " " + self.text[attr.end:span.start]
        return len(_words_in(gap)) > _CARRY_LINK_WORDS

    def _attribution(self, r: _Reading, p: int,
                     virtual: list[tuple[int, frozenset[str]]]) -> Attribution | None:
        s = r.subject
        text = self.text[r.start:r.end].strip(" ,")
        if s.kind == "pronoun":
            ents = self.resolve_pronoun(s.pos, p, virtual)
            if ents is None:
                return None
            virtual.append((s.pos, ents))
            self.subjects.append((s.pos, ents))
            return Attribution(ents, "pronoun", r.start, r.end, text)
        if s.kind == "entity":
            self.subjects.append((s.pos, s.entities))
        elif s.kind == "unknown":
            self.strangers.append(s.pos)
        return Attribution(s.entities, r.via, r.start, r.end, text)

    def _indirect(self, v: re.Match[str], p: int,
                  virtual: list[tuple[int, frozenset[str]]]) -> Attribution | None:
        """A speech verb outside quotes (``Mr Tillerson said the regime would fall``)."""
        k = bisect_left(self._span_starts, v.start()) - 1
        lo = self.sentence_start(v.start())
        if k >= 0 and self.spans[k].end <= v.start():
            lo = max(lo, self.spans[k].end)
        subj = self.subject_before(lo, v.start())
        if subj is None:
            return None
        if subj.kind == "unknown" and not _UNKNOWN_SUBJECT.search(self.text, lo, v.start()):
            if _NAME_BEFORE.search(self.text, lo, v.start()):
                self.strangers.append(v.start())  # "Anne Keller said": no known entity
            return None
        attr = self._attribution(_Reading(subj, "after", subj.pos, v.end()), p, virtual)
        if attr is not None:
            self.reported.append((v.start(), attr.entities))
        return attr

    def _span_attribution(self, span: QuoteSpan, reading: _Reading | None,
                          done: list[SpokenQuote], p: int,
                          virtual: list[tuple[int, frozenset[str]]],
                          last_speaker: dict[int, Attribution],
                          last_span: dict[int, SpokenQuote]) -> Attribution | None:
        if reading is not None:
            return self._attribution(reading, p, virtual)
        if _REPLY_AFTER.match(self.text, span.end):
            return None  # "…," came the reply: not the previous speaker's words
        if done:  # a later span of the same paragraph
            # A span set inside the narrator's own sentence (a scare quote, the
            # title of a work: ``calling the talks a "disaster"``) is not the
            # speaker's: it takes no speaker and does not break the carry.
            prev = next((d for d in reversed(done) if id(d.span) not in self.embedded), None)
            if prev is None:
                return None
            pa = prev.attribution
            if pa is None or self.names_other_person(prev.span.end, span.start, pa.entities):
                return None
            if self._names_stranger(prev.span.end, span.start, pa):
                return None  # "… Anne Keller was unconvinced. '…'": perhaps hers
            if self._talked_about(span, pa):
                return None  # "'…' is how Mr Holt put it": whose words is not read
            if self._embedded(span, prev.span, pa):
                self.embedded.add(id(span))
                return None
            return Attribution(pa.entities, "same-paragraph", pa.start, pa.end, pa.text)
        para_start = self.article.paragraphs[p].start
        if p == 0 or (span.start != para_start and span.opened):
            return None
        before = last_span.get(p - 1)
        if before is not None and before.span.open_at_end:
            src = before.attribution
        else:
            src = last_speaker.get(p - 1)
            para_end = self.article.paragraphs[p].end
            if src is not None and self.names_other_person(para_start, para_end, src.entities):
                return None
        if src is None:
            return None
        if src.entities:
            virtual.append((span.start, src.entities))
        return Attribution(src.entities, "continued", src.start, src.end, src.text)


def _merge(after: _Reading | None, before: _Reading | None) -> _Reading | None:
    """One reading from the attribution after and before a span; when both are
    read and disagree, the speaker is unreadable."""
    if after is None or before is None:
        return after or before
    a, b = after.subject, before.subject
    if a.kind == b.kind == "entity" and a.entities == b.entities:
        return after
    if a.kind == b.kind == "pronoun":
        return after
    if {a.kind, b.kind} == {"entity", "pronoun"}:
        return after if a.kind == "entity" else before
    return None


def spoken_quotes(article: PreparedArticle, index: EntityIndex) -> tuple[SpokenQuote, ...]:
    """Every quoted span of the article with its attribution (cached per index).

    The speaker is read from a speech verb only; a name that merely stands
    near a quote is never its speaker, and a name inside a quote never is.

    * ``“…,” X said`` / ``“…,” said X`` / ``“…,” according to X`` after the
      span, when the span ends a clause (``,``, ``?``, ``!``; a partial quote
      inside a sentence takes only a named or pronoun subject);
    * ``X said: “…”``, ``X said “…”``, ``X told reporters “…”``, ``X said on
      Tuesday: “…”``, ``According to X, “…”`` before it;
    * X is the entity mention that ends the subject (titles may precede it, an
      appositive ``X, the Italian foreign minister, said`` is skipped; a name
      after a preposition, ``a source close to Putin``, or before ``'s`` is
      not the subject). A subject that is no known entity (``a spokesman``)
      is an unknown speaker;
    * ``he``/``she`` is the nearest person mentioned before it in that or the
      previous paragraph, outside quotes (a speaker already resolved counts as
      mentioned); when that sentence names two people, the subject of its
      speech verb decides, or the speaker is unreadable. A person whose sex an
      honorific tells (``Mr``/``Ms`` in the article or the entity's forms) is
      never ``she``/``he`` of the other sex, and a speaker who is no known
      entity (``Anne Keller said``) since the nearest person makes it unreadable;
    * ``“…,” X said`` does not attribute when the verb goes on with its own
      object (``said it was nonsense``) or a colon, and ``X said “…” was``,
      ``X said Y had written: “…”`` and ``said it was untrue that “…”`` talk
      about the quote: no attribution;
    * a span with no attribution of its own takes that of the previous span
      in its paragraph unless another person is named between them
      (interrupted quotes, ``“…,” he said. “…”``); a span set inside the
      narrator's own sentence (a scare quote, a title: ``calling the talks a
      “charade”``) takes none and is passed over by the carry;
    * a paragraph that opens with a quote mark and has no attribution
      continues the previous paragraph's speaker: always when that paragraph
      ended inside an open quote, otherwise only if it names no other person
      outside its quotes.
    """
    key = ("spoken-quotes", id(index))
    cached = article.cache.get(key)
    if cached is not None:
        return cached
    result = _Reader(article, index).run()
    article.cache[key] = result
    return result
