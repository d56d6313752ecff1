"""Quoted spans: where a paragraph quotes someone, and the words it quotes.

:func:`find_spans` reads the quoted spans of one paragraph from the article's
``surface`` (where quote marks keep their shape: “ is an opening mark, ” a
closing one). Straight marks (``"`` and ``'``) are read from context: an
opening mark follows the start of the paragraph, a space or an opening bracket
and precedes a non-space; a closing mark follows a non-space. A single mark
between two letters or digits (``Russia’s``, ``don't``) or before a decade
(``the ’90s``) is an apostrophe; so is a closing-shaped single mark when no
single quote is open (``students’``). Nested quotes belong to the outer span. A
mark still open at the end of a paragraph closes there (``open_at_end``). A
closing curly mark with nothing open, before any other span of the paragraph,
closes a span that starts at the paragraph start (a dropped opening mark). Any
other stray mark is ignored. Inside a span, an ellipsis is a gap and
``[editorial insertions]`` are skipped: the words come out as ordered *pieces*.

Pure text machinery. Reading a whole article's spans (cached on it) and who
said each one is :mod:`pytest_factcheck.quoting`.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple, overload

import regex

__all__ = [
    "MARKS",
    "QuotePiece",
    "QuoteSpan",
    "QuoteWord",
    "find_spans",
    "joined",
    "piece_texts",
    "quote_words",
]

# ---------------------------------------------------------------------------
# Quote marks
# ---------------------------------------------------------------------------
_DOUBLE, _SINGLE, _GUILLEMET, _SINGLE_GUILLEMET, _CORNER = range(5)
_OPEN, _CLOSE, _EITHER = "open", "close", "either"

# mark -> (family, shape)
MARKS: dict[str, tuple[int, str]] = {
    '"': (_DOUBLE, _EITHER), "\uff02": (_DOUBLE, _EITHER),
    "\u201c": (_DOUBLE, _OPEN), "\u201e": (_DOUBLE, _OPEN), "\u201f": (_DOUBLE, _OPEN),
    "\u201d": (_DOUBLE, _CLOSE),
    "'": (_SINGLE, _EITHER),
    "\u2018": (_SINGLE, _OPEN), "\u201a": (_SINGLE, _OPEN), "\u201b": (_SINGLE, _OPEN),
    "\u2019": (_SINGLE, _CLOSE),
    "\u00ab": (_GUILLEMET, _OPEN), "\u00bb": (_GUILLEMET, _CLOSE),
    "\u2039": (_SINGLE_GUILLEMET, _OPEN), "\u203a": (_SINGLE_GUILLEMET, _CLOSE),
    "\u300c": (_CORNER, _OPEN), "\u300d": (_CORNER, _CLOSE),
}
_MARK_RE = regex.compile("[" + regex.escape("".join(MARKS)) + "]")
# Closing-shaped marks that may end a span whose opening mark was dropped.
_UNOPENED_CLOSERS = frozenset("\u201d\u00bb\u300d")
# Closing-shaped marks that some house styles also use to open (”…”, »…«).
_CLOSERS_THAT_OPEN = frozenset("\u201d\u00bb")
# What may stand right before an opening mark besides white space.
_BEFORE_OPEN = frozenset("([{-/:") | frozenset(MARKS)
_DECADE = regex.compile(r"\d\d(?:s\b|\b)")

_ELLIPSIS = regex.compile(r"\.(?:\s?\.){2,}|\u2026")
_INSERTION = regex.compile(r"\[[^\[\]\n]{0,120}\]")
# A word for quote comparison: letters/digits joined by inner apostrophes.
# Hyphens separate words, so "six-year" and "six year" compare equal.
_WORD = regex.compile(r"[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*")


class QuoteWord(NamedTuple):
    """A word of a quote: normalized offsets and its case-folded form."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class QuoteSpan:
    """Text between matching quote marks, in normalized article offsets.

    ``start``/``end`` include the marks (when there are any); ``inner_start``/
    ``inner_end`` are the quoted text. ``pieces`` are the quoted words split at
    gaps (ellipses, editorial insertions). ``opened`` is False for a span whose
    opening mark was dropped (it starts at the paragraph start).
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    paragraph: int
    open_at_end: bool = False
    opened: bool = True
    nested: tuple[tuple[int, int], ...] = ()  # quotes within the quote (marks included)
    folded: str = field(default="", repr=False, compare=False)  # the article's folded text
    # The pieces of a span made of two halves (:func:`joined`), else read from the text.
    given: tuple[QuotePiece, ...] | None = field(default=None, repr=False, compare=False)

    @cached_property
    def pieces(self) -> tuple[QuotePiece, ...]:
        """The quoted words, split at gaps (computed on first use)."""
        if self.given is not None:
            return self.given
        return _pieces(self.folded, self.inner_start, self.inner_end)

    @property
    def words(self) -> tuple[QuoteWord, ...]:
        return tuple(w for piece in self.pieces for w in piece)

    def in_nested(self, start: int, end: int) -> bool:
        """Is [start, end) inside one quote within this quote?"""
        return any(ns <= start and end <= ne for ns, ne in self.nested)

    def __contains__(self, pos: object) -> bool:
        return isinstance(pos, int) and self.start <= pos < self.end


def joined(first: QuoteSpan, second: QuoteSpan) -> QuoteSpan:
    """The two halves of an interrupted quote (``"…," she said, "…"``) as one
    span: the last piece of ``first`` runs on into the first piece of
    ``second`` (the attribution between them is no gap in the speaker's words),
    so that a word changed in a short half is aligned with the rest."""
    a, b = first.pieces, second.pieces
    if not a or not b:
        pieces = a + b
    else:
        last, head = a[-1], b[0]
        run = QuotePiece((*(w.start for w in last), *(w.start for w in head)),
                         (*(w.end for w in last), *(w.end for w in head)),
                         (*last.texts, *head.texts))
        pieces = (*a[:-1], run, *b[1:])
    return QuoteSpan(first.start, second.end, first.inner_start, second.inner_end,
                     first.paragraph, second.open_at_end, first.opened,
                     first.nested + second.nested, first.folded, pieces)


def quote_words(text: str, offset: int = 0) -> list[QuoteWord]:
    """The comparable words of normalized ``text`` (case-folded, punctuation dropped)."""
    return [QuoteWord(m.start() + offset, m.end() + offset, m.group().casefold())
            for m in _WORD.finditer(text)]


def _segments(inner: str) -> list[tuple[int, int]]:
    """Offsets in ``inner`` (a span's quoted text) of the stretches between
    gaps (ellipses, editorial insertions)."""
    if "[" not in inner and "." not in inner and "\u2026" not in inner:
        return [(0, len(inner))]  # no possible cut
    cuts = sorted([m.span() for m in _ELLIPSIS.finditer(inner)]
                  + [m.span() for m in _INSERTION.finditer(inner)])
    out: list[tuple[int, int]] = []
    pos = 0
    for cs, ce in [*cuts, (len(inner), len(inner))]:
        if cs < pos:  # overlapping cut (an ellipsis inside brackets)
            pos = max(pos, ce)
            continue
        out.append((pos, cs))
        pos = ce
    return out


class QuotePiece(Sequence[QuoteWord]):
    """The words of one piece of a quoted span: a read-only sequence of
    :class:`QuoteWord` kept compactly (offsets in arrays, interned texts), as
    spans of every article may stay cached for the whole run."""

    __slots__ = ("_ends", "_starts", "texts")

    def __init__(self, starts: Iterable[int], ends: Iterable[int], texts: Iterable[str]) -> None:
        self._starts = array("I", starts)
        self._ends = array("I", ends)
        self.texts: tuple[str, ...] = tuple(texts)  # the words' ``text``, in order

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, k: int) -> QuoteWord: ...

    @overload
    def __getitem__(self, k: slice) -> tuple[QuoteWord, ...]: ...

    def __getitem__(self, k: int | slice) -> QuoteWord | tuple[QuoteWord, ...]:
        if isinstance(k, slice):
            return tuple(map(QuoteWord, self._starts[k], self._ends[k], self.texts[k]))
        return QuoteWord(self._starts[k], self._ends[k], self.texts[k])

    def __iter__(self) -> Iterator[QuoteWord]:
        return map(QuoteWord, self._starts, self._ends, self.texts)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, QuotePiece):
            return (self.texts == other.texts and self._starts == other._starts
                    and self._ends == other._ends)
        return isinstance(other, tuple) and tuple(self) == other

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))


def _pieces(folded: str, start: int, end: int) -> tuple[QuotePiece, ...]:
    """Words of ``folded[start:end]`` split at ellipses and editorial insertions."""
    inner = folded[start:end]
    pieces: list[QuotePiece] = []
    for a, b in _segments(inner):
        found = list(_WORD.finditer(inner[a:b]))
        if found:
            off = start + a
            pieces.append(QuotePiece((m.start() + off for m in found),
                                     (m.end() + off for m in found),
                                     (sys.intern(m.group().casefold()) for m in found)))
    return tuple(pieces)


def piece_texts(folded: str, start: int, end: int) -> list[list[str]]:
    """The ``text`` of each word of :func:`_pieces` (same pieces, same words),
    without building :class:`QuoteWord` objects."""
    inner = folded[start:end]
    out: list[list[str]] = []
    for a, b in _segments(inner):
        ws = [w.casefold() for w in _WORD.findall(inner[a:b])]
        if ws:
            out.append(ws)
    return out


def _is_space(ch: str | None) -> bool:
    return ch is None or ch.isspace()


def _alnum(ch: str | None) -> bool:
    return ch is not None and ch.isalnum()


@dataclass
class _Open:
    family: int
    pos: int


@dataclass
class _Scanner:
    """The quote-mark state machine of one paragraph."""

    folded: str
    start: int
    end: int
    paragraph: int
    spans: list[QuoteSpan] = field(default_factory=list)
    stack: list[_Open] = field(default_factory=list)
    nested: list[tuple[int, int]] = field(default_factory=list)

    def emit(self, open_pos: int, close_pos: int, *, closed: bool = True,
             opened: bool = True, at_end: bool = False) -> None:
        inner_start = open_pos + 1 if opened else open_pos
        if close_pos < inner_start:
            return
        end = close_pos + 1 if closed else close_pos
        nested = tuple((a, min(b, end)) for a, b in self.nested if open_pos <= a < end)
        self.nested.clear()
        self.spans.append(QuoteSpan(
            start=open_pos, end=end, inner_start=inner_start, inner_end=close_pos,
            paragraph=self.paragraph, open_at_end=at_end, opened=opened, nested=nested,
            folded=self.folded))

    def open(self, family: int, pos: int) -> None:
        """Open a quote. The same family opened again at the top level (a
        missing closing mark) ends the running span first; deeper, it nests."""
        if len(self.stack) == 1 and self.stack[0].family == family:
            top = self.stack.pop()
            self.emit(top.pos, pos, closed=False)
        self.stack.append(_Open(family, pos))

    def close(self, family: int, pos: int) -> None:
        while self.stack:
            top = self.stack.pop()
            if not self.stack:
                if top.family == family:
                    self.emit(top.pos, pos)
                return
            if len(self.stack) == 1:  # a quote within the top-level quote ends
                self.nested.append((top.pos, pos + 1 if top.family == family else pos))
            if top.family == family:
                return

    def is_open(self, family: int) -> bool:
        return any(o.family == family for o in self.stack)

    def finish(self) -> list[QuoteSpan]:
        if len(self.stack) > 1:
            self.nested.append((self.stack[1].pos, self.end))
        if self.stack:
            self.emit(self.stack[0].pos, self.end, closed=False, at_end=True)
            self.stack.clear()
        return self.spans


def find_spans(surface: str, folded: str, start: int, end: int,
               paragraph: int = 0) -> list[QuoteSpan]:
    """Quoted spans of one paragraph ``surface[start:end]`` (see the module doc).

    ``folded`` is the folded view of the same text (same offsets); the words of
    each span are read from it. Spans come out ordered and non-overlapping,
    within [start, end).
    """
    sc = _Scanner(folded, start, end, paragraph)
    for mark in _MARK_RE.finditer(surface, start, end):
        i = mark.start()
        ch = mark.group()
        family, shape = MARKS[ch]
        prev = surface[i - 1] if i > start else None
        nxt = surface[i + 1] if i + 1 < end else None
        single = family in (_SINGLE, _SINGLE_GUILLEMET)
        if single and ch in "'\u2018\u2019\u201b":
            if _alnum(prev) and _alnum(nxt):
                continue  # an apostrophe inside a word
            if _is_space(prev) and _DECADE.match(surface, i + 1, end):
                continue  # the ’90s
        can_open = (prev is None or prev.isspace() or prev in _BEFORE_OPEN) \
            and not _is_space(nxt)
        can_close = not _is_space(prev) and (prev is None or prev not in "([{") \
            and not (single and _alnum(nxt))
        is_open = sc.is_open(family)
        if shape == _CLOSE:
            if is_open and can_close:
                sc.close(family, i)
            elif not sc.stack and not sc.spans and can_close and ch in _UNOPENED_CLOSERS:
                sc.emit(start, i, opened=False)
            elif not is_open and can_open and ch in _CLOSERS_THAT_OPEN:
                sc.open(family, i)
        elif shape == _OPEN:
            if can_open:
                sc.open(family, i)
            elif is_open and can_close:
                sc.close(family, i)
        elif is_open and can_close:  # straight marks: close if open, else open
            sc.close(family, i)
        elif can_open:
            sc.open(family, i)
    return sc.finish()
