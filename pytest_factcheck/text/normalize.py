"""Normalization of article and fact text, with a map back to the original.

All matching happens on normalized text (docs/fact-files.md): Unicode NFKC, every dash to
``-``, white space collapsed, dots dropped in capital-letter abbreviations
(``U.N.`` -> ``UN``), a hyphen between a letter and a digit dropped (``G-7`` ->
``G7``), diacritics folded, curly quotes and primes to straight ones. Before
all that, every Default_Ignorable_Code_Point (zero-width
characters, variation selectors, bidi controls, tag characters, the soft
hyphen) is dropped, and a hyphen at a line end inside a word is joined.

Two views of the same length come out of one pass, so a single offset map
serves both:

``surface``
    everything above except diacritic folding and quote straightening. Quote
    marks keep their original shape, so quote spans can tell an opening mark
    from a closing one; ``spelling`` facts (where diacritics matter) read this.
``folded``
    ``surface`` with diacritics folded and quotes/primes made straight, and
    look-alike letters of another script inside a Latin word made Latin
    (:mod:`.confusables`: ``Sеrgey`` with a Cyrillic ``е`` reads ``Sergey``).
    Every other fact kind reads this.

Case is *not* changed in either view: sentence splitting needs capitals, so
case folding is applied when comparing (``regex`` ``IGNORECASE | FULLCASE``, or
``str.casefold`` on words). This keeps the map one-to-one for case.

The map (:class:`OffsetMap`) is piecewise: text copied unchanged maps linearly,
and each rewritten piece (an NFKC expansion, a collapsed run of spaces, removed
dots) maps as a whole to the original characters it came from. So every
normalized span maps back to the exact original text it came from.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from .confusables import skeleton

__all__ = ["ERASE", "Normalized", "OffsetMap", "normalize", "normalize_phrase"]

QUOTE_CHARS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u2035": "'",
    "\u2039": '"', "\u203a": '"',
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u2036": '"',
    "\u00ab": '"', "\u00bb": '"', "\u300c": '"', "\u300d": '"', "\uff02": '"', "\uff07": "'",
    "`": "'", "\u00b4": "'",
}
DASH_CHARS = frozenset(
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d\u00ad\u058a\u05be"
)
# What the article readers put in place of source they erase (markup, front
# matter, a byte-order mark), one for one, so offsets still map to the file;
# normalization drops it like every other invisible character.
ERASE = "\u200b"
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets of a rewritten string back to the string it was made from.

    ``pieces`` holds, for every rewritten piece whose length changed, the tuple
    ``(new_start, old_start, new_len, old_len)``; between pieces the text was
    copied unchanged.
    """

    pieces: tuple[tuple[int, int, int, int], ...] = ()
    new_length: int = 0
    old_length: int = 0
    _start_index: list[int] = field(init=False, repr=False, compare=False)

    def _char(self, i: int) -> tuple[int, int]:
        """Original [start, end) of normalized character ``i``."""
        k = bisect_right(self._start_index, i) - 1
        # Several pieces may share a start (an empty one, then another).
        if k < 0:
            return i, i + 1
        n0, o0, nl, ol = self.pieces[k]
        if i < n0 + nl:
            return o0, o0 + ol
        off = o0 + ol + (i - n0 - nl)
        return off, off + 1

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the normalized span [start, end)."""
        if end <= start:
            point = self.point(start)
            return point, point
        return self._char(start)[0], self._char(end - 1)[1]

    def point(self, i: int) -> int:
        """Original offset of the boundary before normalized character ``i``."""
        if i >= self.new_length:
            return self.old_length if self.new_length else 0
        return self._char(i)[0]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_start_index", [p[0] for p in self.pieces])


@dataclass(frozen=True)
class ComposedMap:
    """Several :class:`OffsetMap` applied in order (latest rewrite first)."""

    maps: tuple[OffsetMap, ...]

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        for m in self.maps:
            start, end = m.to_source(start, end)
        return start, end

    def point(self, i: int) -> int:
        for m in self.maps:
            i = m.point(i)
        return i


def _rewrite(
    text: str, pattern: re.Pattern[str] | regex.Pattern[str], repl: Callable[[Any], str]
) -> tuple[str, OffsetMap]:
    out: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    pos = 0
    npos = 0
    for m in pattern.finditer(text):
        s, e = m.span()
        r = repl(m)
        if r == m.group():
            continue
        out.append(text[pos:s])
        npos += s - pos
        if len(r) != e - s:
            pieces.append((npos, s, len(r), e - s))
        out.append(r)
        npos += len(r)
        pos = e
    return _joined(text, out, pieces, pos)


# Pass 1 (fast path): runs of characters outside printable ASCII (non-ASCII
# characters, line breaks, tabs, backticks) are rewritten cluster by cluster;
# then runs of spaces are collapsed. The slow path (one regex over every
# character) handles a combining mark that follows an ASCII letter.
_RUN = re.compile(r"[^\x20-\x5f\x61-\x7e]+")
_SPACES = re.compile(r" {2,}")
_PASS1 = regex.compile(r"\s{2,}|[^\S ]|.\p{M}+|[^\x00-\x7f]|`", regex.DOTALL)
# Pass 2: "U.N." -> "UN" and "G-7" -> "G7"; the context is checked in _pass2
# (cheaper than look-behinds at every position).
_PASS2 = re.compile(r"[A-Z]\.(?:[A-Z]\.)+|-\d")
# Pass 0: every default-ignorable code point (zero-width characters, the
# combining grapheme joiner, variation selectors, bidi marks, embeddings,
# overrides and isolates, tag characters, the soft hyphen) is dropped, so it
# cannot split a word, a number or a quote; and a hyphen at a line end inside
# a word is joined ("Ser-\ngey" -> "Sergey"). All of them are non-ASCII, and
# the join needs a line break, so ASCII text without "-\n" skips the pass.
_PASS0 = regex.compile(
    r"\p{DI}+|(?<=\p{L})[-\u2010][ \t]*\r?\n[ \t]*(?=\p{Ll})"
)
_HYPHEN_BREAK = re.compile(r"[-\u2010][ \t]*\r?\n")


def _pass1_fast(text: str) -> tuple[str, OffsetMap] | None:
    out: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    pos = npos = 0
    combining = unicodedata.combining
    for m in _RUN.finditer(text):
        s, e = m.span()
        if s > pos:
            out.append(text[pos:s])
            npos += s - pos
        run = m.group()
        if combining(run[0]) and s > 0:
            return None  # a mark on an ASCII letter: compose on the slow path
        i = 0
        n = len(run)
        while i < n:
            ch = run[i]
            j = i + 1
            if ch.isspace():
                while j < n and run[j].isspace():
                    j += 1
                r = " "
            elif ch == "`":
                r = ch
            else:
                while j < n and combining(run[j]):
                    j += 1
                r = _cluster(run[i:j])
            if len(r) != j - i:
                pieces.append((npos, s + i, len(r), j - i))
            out.append(r)
            npos += len(r)
            i = j
        pos = e
    return _joined(text, out, pieces, pos)


@lru_cache(maxsize=4096)
def _cluster(cluster: str) -> str:
    s = unicodedata.normalize("NFKC", cluster)
    out = []
    for ch in s:
        if ch in DASH_CHARS:
            out.append("-" if ch != "\u00ad" else "")
        elif ch in _INVISIBLE:
            continue
        elif ch.isspace():
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def _pass1(m: regex.Match[str]) -> str:
    g = m.group()
    if g.isspace():
        return " "
    if g == "`":
        return g
    return _cluster(g)


def _pass2(m: re.Match[str]) -> str:
    g = m.group()
    text = m.string
    s, e = m.span()
    before = text[s - 1] if s else " "
    if g[0] == "-":
        return g[1:] if before.isalpha() else g
    after = text[e] if e < len(text) else " "
    if before == "." or before.isalnum() or before == "_" or after.isalnum() or after == "_":
        return g
    return g.replace(".", "")


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    if ch in QUOTE_CHARS:
        return QUOTE_CHARS[ch]
    if ch.isascii():
        return ch
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return base if len(base) == 1 else ch


_NON_ASCII = regex.compile(r"[^\x00-\x7f]|`")


def _fold(surface: str) -> str:
    if surface.isascii() and "`" not in surface:
        return surface
    folded = _NON_ASCII.sub(lambda m: _fold_char(m.group()), surface)
    return skeleton(folded) or folded


def _joined(text: str, out: list[str], pieces: list[tuple[int, int, int, int]], pos: int
            ) -> tuple[str, OffsetMap]:
    """The rewritten text (``out`` then the rest of ``text`` from ``pos``) and its map."""
    if not out:
        return text, OffsetMap((), len(text), len(text))
    out.append(text[pos:])
    new = "".join(out)
    return new, OffsetMap(tuple(pieces), len(new), len(text))


@dataclass(frozen=True)
class Normalized:
    """A normalized string in two views and the map back to its original."""

    surface: str
    folded: str
    map: OffsetMap | ComposedMap

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        return self.map.to_source(start, end)


def normalize(text: str, *, strip: bool = True) -> Normalized:
    """Normalize ``text`` (see module doc). ``strip`` drops outer white space."""
    maps: list[OffsetMap] = []  # latest rewrite first
    source = text
    if not text.isascii() or _HYPHEN_BREAK.search(text):
        text, m_pre = _rewrite(text, _PASS0, lambda m: "")
        maps.append(m_pre)
    fast = _pass1_fast(text)
    if fast is None:
        s1, m1 = _rewrite(text, _PASS1, _pass1)
        maps.insert(0, m1)
    else:
        s1, m1 = fast
        maps.insert(0, m1)
        if "  " in s1:
            s1, m0 = _rewrite(s1, _SPACES, lambda m: " ")
            maps.insert(0, m0)
    s2, m2 = _rewrite(s1, _PASS2, _pass2)
    maps.insert(0, m2)
    if strip:
        lead = len(s2) - len(s2.lstrip(" "))
        stripped = s2.strip(" ")
        if len(stripped) != len(s2):
            pieces = []
            if lead:
                pieces.append((0, 0, 0, lead))
            tail = len(s2) - lead - len(stripped)
            if tail:
                pieces.append((len(stripped), lead + len(stripped), 0, tail))
            maps.insert(0, OffsetMap(tuple(pieces), len(stripped), len(s2)))
            s2 = stripped
    live = [m for m in maps if m.pieces]
    offset_map: OffsetMap | ComposedMap
    if not live:
        offset_map = OffsetMap((), len(s2), len(source))
    elif len(live) == 1:
        offset_map = live[0]
    else:
        offset_map = ComposedMap(tuple(live))
    return Normalized(s2, _fold(s2), offset_map)


# A phrase normalize leaves as it is: printable ASCII but the backtick (pass 0
# and pass 1 have nothing to do), no run of spaces, no outer space, nothing
# for pass 2; the fold keeps ASCII.
_PLAIN = re.compile(r"[\x20-\x5f\x61-\x7e]*")


def normalize_phrase(phrase: str) -> str:
    """The folded, normalized form of a phrase from a fact file."""
    if (_PLAIN.fullmatch(phrase) and "  " not in phrase and phrase[:1] != " "
            and phrase[-1:] != " " and _PASS2.search(phrase) is None):
        return phrase  # what normalize would give, without building its maps
    return normalize(phrase).folded

