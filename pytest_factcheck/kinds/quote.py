"""``quote``: who said it, and what exactly.

A quoted span *quotes the fact* when one of its pieces (the words between
gaps) shares a run of at least ``min_words`` consecutive words (the anchor)
with ``text`` or a variant, after normalization (punctuation and case
ignored). Around each anchor the alignment is extended, left and right, while
the words keep aligning with small edits: an edit (up to three words changed,
added or dropped on either side) is taken in only when the words after it
align again (two words, or the last words of both), or when it runs to the
very end of both the quote and the fact (``seen it all before.`` against
``seen it all already.``), and only while the similarity of the region stays
at least ``similarity``. Where the fact's text ends and the span goes on, or
the span ends (or reaches a gap) and the fact goes on, the region simply ends:
a span may say more than the fact, or quote only part of it. A divergence
that never realigns ends the region too. So the region is either exact or an
*altered quote*, whose similarity is at least ``similarity`` and below 1.

Pieces of a span (split at ``...`` and ``[insertions]``) are matched in order.
Among ``text`` and its variants, the closest one (highest similarity) judges.

Verdicts per span that quotes the fact:

* attributed (see :mod:`pytest_factcheck.quoting`) to another known
  entity: a contradiction, ``misattribution``;
* words altered and attributed to the fact's speaker: a contradiction,
  ``altered-quote``, with a word diff in ``detail``;
* words altered, speaker unknown or unreadable: a note (the span may be
  someone else using similar words);
* words inside a quote within the span (“He told me ‘…’,” X said): X quotes
  someone else, so the speaker counts as unreadable; so do words that the
  span passes on without inner marks (“As Ms Okafor put it, …,” X said;
  “We heard her say, …”), unless the frame is first person (“I told him that …”);
* exact words: consistent evidence (its message says how the speaker was read).
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

import regex

from ..article import PreparedArticle
from ..entities import EntityIndex
from ..errors import FactError
from ..model import Evidence, Fact
from ..quoting import Attribution, quote_spans, spans_quoting, spoken_quotes
from ..text.normalize import normalize_phrase
from ..text.quotes import QuoteSpan, QuoteWord, joined, quote_words
from .base import CompileContext, Kind, Locate, Needs, decoder, empty_entries, entity_in, shorten

__all__ = ["Alignment", "QuoteChecker", "Region", "align", "compile", "word_diff"]

MAX_EDIT = 3  # words changed/added/dropped on either side in one edit
DIFF_CONTEXT = 3  # words of context kept around a change in the inline diff


@dataclass(frozen=True)
class Region:
    """An aligned stretch: words [s_lo, s_hi) of a span piece against
    [t_lo, t_hi) of the fact's words, with ``matches`` equal words."""

    piece: int
    s_lo: int
    s_hi: int
    t_lo: int
    t_hi: int
    matches: int

    @property
    def exact(self) -> bool:
        return self.matches == self.s_hi - self.s_lo == self.t_hi - self.t_lo


@dataclass(frozen=True)
class Alignment:
    """How a span quotes one wording (``text`` or a variant) of the fact."""

    wording: int  # 0: text, 1..: variants
    regions: tuple[Region, ...]

    @property
    def similarity(self) -> float:
        m = sum(r.matches for r in self.regions)
        n = sum((r.s_hi - r.s_lo) + (r.t_hi - r.t_lo) for r in self.regions)
        return 2 * m / n if n else 0.0

    @property
    def exact(self) -> bool:
        return all(r.exact for r in self.regions)


# ---------------------------------------------------------------------------
# Alignment
# ---------------------------------------------------------------------------
def _longest_common_run(s: Sequence[str], t: Sequence[str], s_lo: int, s_hi: int,
                        t_lo: int, t_hi: int) -> tuple[int, int, int]:
    """(i, j, length) of the longest run s[i:i+n] == t[j:j+n] in the ranges.

    The first longest run (smallest end in ``s``, then in ``t``), as the
    dynamic programme over every (i, j) finds it, but only matching pairs
    are visited (as in difflib's ``find_longest_match``).
    """
    where: dict[str, list[int]] = {}
    for j in range(t_lo, t_hi):
        where.setdefault(t[j], []).append(j)
    best_i, best_j, best_n = s_lo, t_lo, 0
    prev: dict[int, int] = {}
    for i in range(s_lo, s_hi):
        cur: dict[int, int] = {}
        for j in where.get(s[i], ()):
            n = cur[j] = prev.get(j - 1, 0) + 1
            if n > best_n:
                best_i, best_j, best_n = i - n + 1, j - n + 1, n
        prev = cur
    return best_i, best_j, best_n


def _run(s: Sequence[str], t: Sequence[str], i: int, j: int, s_end: int, t_end: int) -> int:
    n = 0
    while i + n < s_end and j + n < t_end and s[i + n] == t[j + n]:
        n += 1
    return n


@dataclass
class _Extent:
    i: int  # next span word (exclusive end so far)
    j: int  # next fact word
    matches: int
    s_len: int
    t_len: int

    def similarity(self) -> float:
        return 2 * self.matches / (self.s_len + self.t_len)


def _extend(s: Sequence[str], t: Sequence[str], ext: _Extent, s_end: int, t_end: int,
            s_hard: bool, t_hard: bool, threshold: float) -> None:
    """Extend an alignment forward from (ext.i, ext.j) (see the module doc).

    ``s_hard``/``t_hard``: does ``s_end``/``t_end`` end the quote / the fact
    (rather than a gap or another region)? Only a hard end on both sides lets
    a trailing edit into the region.
    """
    while ext.i < s_end and ext.j < t_end:
        i, j = ext.i, ext.j
        step = _resync(s, t, i, j, s_end, t_end)
        if step is None:
            rs, rt = s_end - i, t_end - j
            if s_hard and t_hard and rs <= MAX_EDIT and rt <= MAX_EDIT:
                m = _tail_matches(s[i:s_end], t[j:t_end])
                if _would_keep(ext, rs, rt, m, threshold):
                    ext.i, ext.j = s_end, t_end
                    ext.matches += m
                    ext.s_len += rs
                    ext.t_len += rt
            return
        a, b, n = step
        if not _would_keep(ext, a + n, b + n, n, threshold):
            return
        ext.i, ext.j = i + a + n, j + b + n
        ext.matches += n
        ext.s_len += a + n
        ext.t_len += b + n


def _would_keep(ext: _Extent, ds: int, dt: int, dm: int, threshold: float) -> bool:
    return 2 * (ext.matches + dm) / (ext.s_len + ds + ext.t_len + dt) >= threshold


def _tail_matches(a: Sequence[str], b: Sequence[str]) -> int:
    return sum(block.size for block in
               difflib.SequenceMatcher(None, list(a), list(b), autojunk=False)
               .get_matching_blocks())


def _resync(s: Sequence[str], t: Sequence[str], i: int, j: int, s_end: int, t_end: int
            ) -> tuple[int, int, int] | None:
    """The cheapest edit (skip a span words, b fact words) after which the
    words align again: for two words, or up to the end of either side."""
    for cost in range(1, 2 * MAX_EDIT + 1):
        for a in range(max(0, cost - MAX_EDIT), min(cost, MAX_EDIT) + 1):
            b = cost - a
            if i + a >= s_end or j + b >= t_end:
                continue
            n = _run(s, t, i + a, j + b, s_end, t_end)
            if n >= 2 or (n >= 1 and (i + a + n == s_end or j + b + n == t_end)):
                return a, b, n
    return None


def _regions(s: Sequence[str], t: Sequence[str], piece: int, s_lo: int, s_hi: int,
             t_lo: int, t_hi: int, edges: tuple[bool, bool, bool, bool],
             min_words: int, threshold: float) -> list[Region]:
    """Aligned regions of s[s_lo:s_hi] against t[t_lo:t_hi], in order.

    ``edges``: whether s_lo, s_hi, t_lo, t_hi are hard ends (of the quote or
    of the fact) rather than the edge of a gap or of another region.
    """
    if s_hi - s_lo < min_words or t_hi - t_lo < min_words:
        return []
    i, j, n = _longest_common_run(s, t, s_lo, s_hi, t_lo, t_hi)
    if n < min_words:
        return []
    s_lo_hard, s_hi_hard, t_lo_hard, t_hi_hard = edges
    right = _Extent(i + n, j + n, n, n, n)
    _extend(s, t, right, s_hi, t_hi, s_hi_hard, t_hi_hard, threshold)
    # Leftward: the same walk on the reversed sequences.
    rs, rt = s[::-1], t[::-1]
    ls, lt = len(s), len(t)
    left = _Extent(ls - i, lt - j, right.matches, right.s_len, right.t_len)
    _extend(rs, rt, left, ls - s_lo, lt - t_lo, s_lo_hard, t_lo_hard, threshold)
    r = Region(piece, ls - left.i, right.i, lt - left.j, right.j, left.matches)
    before = _regions(s, t, piece, s_lo, r.s_lo, t_lo, r.t_lo,
                      (s_lo_hard, False, t_lo_hard, False), min_words, threshold)
    after = _regions(s, t, piece, r.s_hi, s_hi, r.t_hi, t_hi,
                     (False, s_hi_hard, False, t_hi_hard), min_words, threshold)
    return [*before, r, *after]


def align(pieces: Sequence[Sequence[str]], fact_words: Sequence[str], wording: int = 0,
          min_words: int = 5, threshold: float = 0.8) -> Alignment | None:
    """Align a span's pieces (in order) with one wording of the fact.

    None when no piece shares an anchor of ``min_words`` words with it.
    """
    regions: list[Region] = []
    t_from = 0
    last = len(pieces) - 1
    for k, piece in enumerate(pieces):
        found = _regions(piece, fact_words, k, 0, len(piece), t_from, len(fact_words),
                         (k == 0, k == last, t_from == 0, True), min_words, threshold)
        if found:
            regions.extend(found)
            t_from = found[-1].t_hi
    return Alignment(wording, tuple(regions)) if regions else None


DIVERGENCE_CAP = MAX_EDIT + 1  # words each side of an edge counted as diverging


def strict_similarity(al: Alignment, piece_sizes: Sequence[int], fact_size: int) -> float:
    """The similarity of ``al`` counting, at each edge of its regions where the
    span and the fact both go on without aligning, the diverging words (up to
    :data:`DIVERGENCE_CAP` a side) as changed.

    A region ends where the span ends or reaches a gap, where the fact ends, or
    where the words diverge for good; only the last is evidence that the span
    is another quote (“This city will not let these families be forgotten”
    against “This city will not let these families down, whatever it costs”).
    """
    regions = al.regions
    if not regions:
        return 0.0
    m = sum(r.matches for r in regions)
    n = sum((r.s_hi - r.s_lo) + (r.t_hi - r.t_lo) for r in regions)

    def span_words_between(a: Region | None, b: Region | None) -> int:
        """Span words after ``a`` (in its piece) up to ``b`` (in its piece); a
        gap between pieces stops the count (the reporter marked a cut)."""
        if a is not None and b is not None and a.piece == b.piece:
            return b.s_lo - a.s_hi
        if a is None and b is not None:
            return b.s_lo
        if a is not None:
            return piece_sizes[a.piece] - a.s_hi if b is None else 0
        return 0

    diverging = 0
    edges = [(None, regions[0]), *pairwise(regions), (regions[-1], None)]
    for a, b in edges:
        s_rem = span_words_between(a, b)
        t_rem = (b.t_lo if b is not None else fact_size) - (a.t_hi if a is not None else 0)
        diverging += min(s_rem, t_rem, DIVERGENCE_CAP)
    return 2 * m / (n + 2 * diverging) if n else 0.0


def _span_spelling(span: QuoteSpan) -> tuple[frozenset[str], dict[str, tuple[str, str]]]:
    """The span's words, and its hyphen-joined word pairs by their joined form
    (``re-elected`` -> ``reelected``: ("re", "elected"))."""
    vocabulary: set[str] = set()
    compounds: dict[str, tuple[str, str]] = {}
    folded = span.folded
    for piece in span.pieces:
        vocabulary.update(piece.texts)
        prev: QuoteWord | None = None
        for w in piece:
            if prev is not None and folded[prev.end:w.start] == "-":
                compounds.setdefault(prev.text + w.text, (prev.text, w.text))
            prev = w
    return frozenset(vocabulary), compounds


# ---------------------------------------------------------------------------
# Word diff
# ---------------------------------------------------------------------------
def word_diff(fact: Sequence[str], article: Sequence[str]) -> str:
    """A word diff of the fact's words against the article's.

    First line: inline, ``[-fact words-]{+article words+}`` with a few words of
    context; then one ``- fact words`` / ``+ article words`` pair per change.
    """
    sm = difflib.SequenceMatcher(None, [w.casefold() for w in fact],
                                 [w.casefold() for w in article], autojunk=False)
    inline: list[str] = []
    lines: list[str] = []
    ops = sm.get_opcodes()
    for k, (tag, a0, a1, b0, b1) in enumerate(ops):
        if tag == "equal":
            words = list(article[b0:b1])
            if len(words) > 2 * DIFF_CONTEXT:
                head = words[:DIFF_CONTEXT] if k > 0 else []
                tail = words[-DIFF_CONTEXT:] if k < len(ops) - 1 else []
                words = [*head, "...", *tail]
            inline.extend(words)
            continue
        old, new = " ".join(fact[a0:a1]), " ".join(article[b0:b1])
        if old:
            inline.append(f"[-{old}-]")
            lines.append(f"- {old}")
        if new:
            inline.append(f"{{+{new}+}}")
            lines.append(f"+ {new}")
    return "\n".join([" ".join(inline), *lines])


# ---------------------------------------------------------------------------
# The checker
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _Wording:
    words: tuple[str, ...]  # case-folded
    display: tuple[str, ...]  # as written (normalized)
    grams: frozenset[tuple[str, ...]]
    hyphened: tuple[bool, ...] = ()  # word k joined to word k+1 by a hyphen

    def harmonized(self, vocabulary: frozenset[str], compounds: dict[str, tuple[str, str]]
                   ) -> _Wording:
        """These words spelt as a span spells its hyphen compounds (SPEC §3a):
        ``re-elected`` here becomes ``reelected`` where the span writes
        ``reelected``, and ``reelected`` here becomes ``re elected`` where the
        span writes ``re-elected``. ``vocabulary``: the span's words;
        ``compounds``: its hyphen-joined pairs by their joined form."""
        words, display, hyph = self.words, self.display, self.hyphened
        out_w: list[str] = []
        out_d: list[str] = []
        k, n, changed = 0, len(words), False
        while k < n:
            w = words[k]
            if k + 1 < n and hyph[k] and w + words[k + 1] in vocabulary:
                out_w.append(w + words[k + 1])
                out_d.append(f"{display[k]}-{display[k + 1]}")
                k += 2
                changed = True
                continue
            split = compounds.get(w) if w not in vocabulary else None
            if split is not None:
                cut = len(split[0])
                out_w.extend(split)
                out_d.extend((display[k][:cut], display[k][cut:]))
                changed = True
            else:
                out_w.append(w)
                out_d.append(display[k])
            k += 1
        if not changed:
            return self
        return _Wording(tuple(out_w), tuple(out_d), self.grams)


@dataclass(frozen=True)
class QuoteChecker:
    speaker: str
    speaker_name: str
    wordings: tuple[_Wording, ...]
    min_words: int
    similarity: float
    index: EntityIndex
    terms: tuple[str, ...]

    @cached_property
    def needs(self) -> Needs:
        return Needs.of(self.terms, self.term_groups, self.quoted_runs)

    @cached_property
    def _grams(self) -> frozenset[tuple[str, ...]]:
        """Every anchor (run of ``min_words`` words) of every wording."""
        return frozenset().union(*(w.grams for w in self.wordings))

    def _quotes(self, span: QuoteSpan) -> bool:
        """Does a piece of ``span`` hold an anchor of some wording?"""
        n, grams = self.min_words, self._grams
        for piece in span.pieces:
            texts = piece.texts
            if any(tuple(texts[k:k + n]) in grams for k in range(len(texts) - n + 1)):
                return True
        return False

    def wording_for(self, span: QuoteSpan, k: int) -> _Wording:
        """Wording ``k`` spelt as ``span`` spells its hyphen compounds."""
        vocabulary, compounds = _span_spelling(span)
        return self.wordings[k].harmonized(vocabulary, compounds)

    def best_alignment(self, span: QuoteSpan) -> Alignment | None:
        pieces = [p.texts for p in span.pieces]
        best: Alignment | None = None
        vocabulary, compounds = _span_spelling(span)
        for k, base in enumerate(self.wordings):
            wording = base.harmonized(vocabulary, compounds)
            al = align(pieces, wording.words, k, self.min_words, self.similarity)
            if al is None:
                continue
            if best is None or (al.similarity, _matched(al)) > (best.similarity, _matched(best)):
                best = al
        return best

    @property
    def term_groups(self) -> tuple[tuple[str, ...], ...]:
        """Word sets one of which an article holds in full for any evidence:
        the words of each anchor (run of ``min_words`` words) of each wording."""
        return tuple(sorted({tuple(sorted(set(g))) for w in self.wordings for g in w.grams}))

    @property
    def quoted_runs(self) -> tuple[tuple[str, ...], ...]:
        """Word runs one of which an article must quote (inside one piece of a
        quoted span, as :class:`QuoteWord` texts) for any evidence: the anchors."""
        return tuple(sorted(self._grams))

    def check(self, article: PreparedArticle) -> Iterator[Evidence]:
        # The spans holding an anchor of some wording, found by hash among the
        # article's quoted word runs (read once per article, fact-independent),
        # then confirmed word by word (a hash collision changes nothing).
        found = spans_quoting(article, self.min_words, _run_hashes(self._grams))
        if not found:
            return
        spans = quote_spans(article)
        hits = [k for k in found if self._quotes(spans[k])]
        # Attribution is read (once per article, shared by all quote facts)
        # only when some span shares an anchor with this fact.
        if not hits:
            return
        speakers = {sq.span.start: sq.attribution for sq in spoken_quotes(article, self.index)}
        given = False  # has the article already given these words to the speaker?
        for k in hits:
            span = spans[k]
            al = self.best_alignment(span)
            if al is None:
                continue
            attr = speakers.get(span.start)
            ev = self._verdict(article, span, attr, al)
            if ev.status == "consistent":
                # The other half of an interrupted quote may alter the words.
                ev = self._other_half(article, spans, k, set(hits), speakers) or ev
            if given and ev.reason == "misattribution":
                # "'…,' Mr Roux said. … '…? I doubt it,' he said": an echo of
                # words the article already gave to the speaker.
                ev = Evidence(ev.start, ev.end, "note", ev.reason,
                              f"{ev.message}; but the article already gave these words to "
                              f"{self.speaker_name}: someone repeating them; not judged",
                              ev.detail)
            if attr is not None and attr.entities == frozenset({self.speaker}):
                given = True
            yield ev

    def _other_half(self, article: PreparedArticle, spans: Sequence[QuoteSpan], k: int,
                    hits: set[int], speakers: dict[int, Attribution | None]
                    ) -> Evidence | None:
        """The verdict on span ``k`` joined with the other half of its
        interrupted quote (``"…," she said, "…"``), when that half holds no
        anchor of its own and the joined words are altered; else None."""
        for a, b in ((k, k + 1), (k - 1, k)):
            if a < 0 or b >= len(spans) or (a if b == k else b) in hits:
                continue
            first, second = spans[a], spans[b]
            attr = speakers.get(spans[k].start)
            other = speakers.get(spans[a if b == k else b].start)
            if attr is None or other is None or attr.entities != other.entities:
                continue
            if not _interrupted(article, first, second):
                continue
            span = joined(first, second)
            al = self.best_alignment(span)
            if al is not None and not al.exact:
                return self._verdict(article, span, attr, al)
        return None

    # -- verdicts -------------------------------------------------------------
    def _name(self, eid: str) -> str:
        e = self.index.get(eid)
        return e.name if e is not None else eid

    def _verdict(self, article: PreparedArticle, span: QuoteSpan,
                 attr: Attribution | None, al: Alignment) -> Evidence:
        words = [span.pieces[r.piece][r.s_lo:r.s_hi] for r in al.regions]
        start = words[0][0].start
        end = words[-1][-1].end
        wording = self.wording_for(span, al.wording)
        detail = "" if al.exact else self._diff(article, span, al, wording)
        which = "" if al.wording == 0 else f" (variant {al.wording})"
        quoted_within = span.in_nested(start, end) or _reported_within(
            article.folded, span, start)
        if quoted_within:
            attr = None  # “He told me ‘…’,” X said: X quotes someone else
        if attr is not None and attr.entities and self.speaker not in attr.entities:
            others = " or ".join(sorted(self._name(e) for e in attr.entities))
            strict = strict_similarity(al, [len(p) for p in span.pieces], len(wording.words))
            if strict < self.similarity:
                # Shared words, then the span goes on differently from the fact:
                # some other quote that begins or ends alike (SPEC §3a).
                shared = sum(r.matches for r in al.regions)
                return Evidence(start, end, "note", "misattribution",
                                f"shares {_plural(shared)} with {self.speaker_name}'s quote "
                                f"but goes on differently (similarity {strict:.2f} over the "
                                f"aligned region): some other quote, attributed to {others} "
                                f"({attr.text!r}); not judged", detail)
            altered = "" if al.exact else " (with altered words)"
            return Evidence(start, end, "contradiction", "misattribution",
                            f"attributes the quote{altered} to {others} "
                            f"({attr.text!r}); the fact says {self.speaker_name} said it",
                            detail)
        how = ("it is a quote within another quote, whose speaker is not read"
               if quoted_within else _how(attr, self.speaker_name))
        if al.exact:
            return Evidence(start, end, "consistent", "altered-quote",
                            f"quotes the exact words{which}; {how}")
        sim = f"{al.similarity:.2f}"
        if attr is not None and attr.entities == frozenset({self.speaker}):
            return Evidence(start, end, "contradiction", "altered-quote",
                            f"alters {self.speaker_name}'s words{which} (similarity {sim} "
                            f"to the fact's text; below, [-fact-] {{+article+}}); {how}",
                            detail)
        return Evidence(start, end, "note", "altered-quote",
                        f"quotes {self.speaker_name}'s words{which} with changes "
                        f"(similarity {sim}), but {how}; not checked", detail)

    def _diff(self, article: PreparedArticle, span: QuoteSpan, al: Alignment,
              wording: _Wording) -> str:
        fact_words: list[str] = []
        art_words: list[str] = []
        for k, r in enumerate(al.regions):
            if k:
                fact_words.append("...")
                art_words.append("...")
            fact_words.extend(wording.display[r.t_lo:r.t_hi])
            art_words.extend(_display(article, w) for w in span.pieces[r.piece][r.s_lo:r.s_hi])
        return word_diff(fact_words, art_words)


# Words inside a quote that show its speaker passing on someone else's words
# without quote marks ("As she put it, ...", "We heard her say, ...").
_REPORTING = regex.compile(
    r"\b(?:says?|said|saying|tells?|told|telling|wrote|writes?|written|claimed|declared|"
    r"insisted|announced|quot(?:e|es|ed|ing)|put\s+it|in\s+(?:his|her|their|your)"
    r"\s+(?:own\s+)?words)\b",
    regex.IGNORECASE)
_SENTENCE_END = regex.compile(r"[.!?]")
_LEAD_WORD = regex.compile(r"[\p{L}']+")
_AUXILIARIES = frozenset({"have", "had", "has", "also", "once", "then", "just", "already",
                          "always", "repeatedly", "often", "would", "will", "i've", "we've"})
_FIRST_PERSON = frozenset({"i", "we", "i've", "we've", "i'd", "we'd"})


def _interrupted(article: PreparedArticle, first: QuoteSpan, second: QuoteSpan) -> bool:
    """Are ``first`` and ``second`` two halves of one quoted sentence, cut by
    its attribution (``"…," she said on Tuesday, "…"``)? They share a sentence
    and a paragraph, the first half ends on a comma, and the second opens
    right after one (not ``she said, adding that the "…"``)."""
    if first.paragraph != second.paragraph or not first.end <= second.start:
        return False
    folded = article.folded
    if folded[first.inner_start:first.inner_end].rstrip()[-1:] != ",":
        return False
    if folded[first.end:second.start].rstrip()[-1:] != ",":
        return False
    s1, s2 = article.sentence_at(first.start), article.sentence_at(second.start)
    return s1 is not None and s1 == s2


def _reported_within(folded: str, span: QuoteSpan, start: int) -> bool:
    """Does the span, in the sentence where the matched words begin, pass on
    someone else's words before them (“As Ms Okafor put it, …,” X said)?"""
    before = folded[span.inner_start:start]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end():]
    for m in _REPORTING.finditer(before):
        lead = [w.casefold() for w in _LEAD_WORD.findall(before, 0, m.start())]
        while lead and lead[-1] in _AUXILIARIES:
            lead.pop()
        if not (lead and lead[-1] in _FIRST_PERSON):  # "I told him that ...": their own words
            return True
    return False


def _display(article: PreparedArticle, w: QuoteWord) -> str:
    return article.folded[w.start:w.end]


def _matched(al: Alignment) -> int:
    return sum(r.matches for r in al.regions)


def _how(attr: Attribution | None, speaker_name: str) -> str:
    if attr is None:
        return "no speaker could be read"
    if not attr.entities:
        return f"its speaker ({attr.text!r}) is no known entity"
    if len(attr.entities) > 1:
        return f"its speaker ({attr.text!r}) is ambiguous"
    return f"attributed to {speaker_name} ({attr.via}: {attr.text!r})"


# ---------------------------------------------------------------------------
# Compiling
# ---------------------------------------------------------------------------
def _wording(text: str, n: int) -> _Wording:
    norm = normalize_phrase(text)
    ws = quote_words(norm)
    words = tuple(w.text for w in ws)
    display = tuple(norm[w.start:w.end] for w in ws)
    grams = frozenset(words[k:k + n] for k in range(len(words) - n + 1))
    hyphened = tuple(norm[a.end:b.start] == "-" for a, b in pairwise(ws))
    return _Wording(words, display, grams, (*hyphened, False))


@functools.lru_cache(maxsize=4096)
def _run_hashes(grams: frozenset[tuple[str, ...]]) -> frozenset[int]:
    return frozenset(hash(g) for g in grams)


# Words in nearly every news article: never worth a term when another word of
# the run will do.
_COMMON = frozenset("""
a about after again against all also an and any are as at back be because been before
being between both but by can could day did do does done down each even every first for
from get go going good had has have he her here him his how i if in into is it its just
know last like made make many may me more most much must my new no not now of off on one
only or other our out over people said say says see she should so some still such take
than that the their them then there these they thing think this those through time to
told too two under up us very want was way we well were what when where which while who
why will with would year years yet you your
""".split())


def _rarity_cost(word: str, display: str, first: bool) -> float:
    """A guess at the share of articles holding ``word`` (as a substring):
    common and short words are everywhere, long and capitalised ones rare."""
    if word in _COMMON or len(word) <= 2:
        return 1.0
    cost = 0.6 * 0.75 ** max(0, len(word) - 4)
    if not first and display[:1].isupper():
        cost *= 0.2  # a name or other proper noun inside the quote
    if any(c.isdigit() for c in word):
        cost *= 0.5
    return cost


def _terms(wordings: Sequence[_Wording], n: int) -> tuple[str, ...]:
    """Words of which every run of ``n`` words of every wording holds one.

    Per wording, the set of positions covering every run with the least total
    :func:`_rarity_cost` (a word chosen for an earlier wording costs nothing):
    ``best[i]`` is the cheapest cover of the runs before ``i`` that picks
    position ``i``; consecutive picks are at most ``n`` apart.
    """
    chosen: set[str] = set()
    for w in wordings:
        size = len(w.words)
        if size < n:
            continue
        cost = [0.0 if x in chosen else _rarity_cost(x, d, i == 0)
                for i, (x, d) in enumerate(zip(w.words, w.display, strict=True))]
        best: list[float] = []
        back: list[int] = []
        for i in range(size):
            if i < n:
                best.append(cost[i])
                back.append(-1)
                continue
            j = min(range(i - n, i), key=lambda k: (best[k], -k))
            best.append(cost[i] + best[j])
            back.append(j)
        i = min(range(size - n, size), key=lambda k: (best[k], -k))
        while i >= 0:
            chosen.add(w.words[i])
            i = back[i]
    return tuple(sorted(chosen))


DEFAULT_MIN_WORDS = 5
DEFAULT_SIMILARITY = 0.8


@dataclass(frozen=True)
class Spec:
    speaker: str
    text: str
    variants: tuple[str, ...]
    min_words: int = DEFAULT_MIN_WORDS
    similarity: float = DEFAULT_SIMILARITY


def _plural(n: int) -> str:
    return f"{n} word{'s' if n != 1 else ''}"


def validate(fact: Fact, spec: Spec, at: Locate) -> list[FactError]:
    """Every wording must hold ``min_words`` words as the quote kind reads them."""
    out = empty_entries(at, {"variants": fact.fields.get("variants", ())})
    n_min = spec.min_words
    if n_min < 1:
        out.append(FactError("'min_words' must be at least 1", fact.where("min_words")))
        return out
    if not 0 < spec.similarity <= 1:
        out.append(FactError("'similarity' must be above 0 and at most 1",
                             fact.where("similarity")))
    n = len(_wording(spec.text, n_min).words)
    if n < n_min:
        out.append(FactError(
            f"'text' has {_plural(n)}, fewer than min_words ({n_min}): no quote could ever "
            "match it; lower 'min_words'", fact.where("text")))
    for j, var in enumerate(spec.variants):
        n = len(_wording(var, n_min).words)
        if var.strip() and n < n_min:
            out.append(FactError(
                f"this variant has {_plural(n)}, fewer than min_words ({n_min}): it could "
                "never match", at("variants", j)))
    return out


def compile(fact: Fact, spec: Spec, context: CompileContext) -> QuoteChecker:
    entity = entity_in(fact, "speaker", spec.speaker, context, "speaker")
    wordings = tuple(_wording(text, spec.min_words) for text in (spec.text, *spec.variants))
    return QuoteChecker(spec.speaker, entity.name, wordings, spec.min_words, spec.similarity,
                        context.entities, _terms(wordings, spec.min_words))


def summary(fact: Fact, spec: Spec) -> str:
    return f"{spec.speaker} said \u201c{shorten(spec.text)}\u201d"


KIND = Kind("quote", decoder(Spec), compile, summary, validate,
            entity_fields={"speaker": "person"})
