"""Small word-level utilities shared by the kinds that read phrases.

Everything here works on *normalized* text (``PreparedArticle.folded`` or the
output of :func:`~pytest_factcheck.text.normalize.normalize`) and returns
offsets into it. A :class:`Token` is a word (letters and digits, joined by
inner apostrophes, hyphens or dots: ``Italy's``, ``two-day``, ``G7``) or a single
punctuation character. Word counts ("at most five words between ...") count
word tokens only.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from .normalize import normalize_phrase

__all__ = [
    "Token",
    "TokenRun",
    "is_capitalized",
    "is_possessive",
    "nationality_like",
    "phrase_pattern",
    "tokens",
    "wordset",
]

_TOKEN = regex.compile(
    r"[\p{L}\p{N}\p{M}]+(?:['\-.][\p{L}\p{N}\p{M}]+)*(?:'s?(?![\p{L}\p{N}]))?|[^\s\p{L}\p{N}\p{M}]"
)


@dataclass(frozen=True)
class Token:
    """A word or one punctuation character, with its offsets."""

    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def lower(self) -> str:
        return self.text.casefold()

    @property
    def bare(self) -> str:
        """The casefolded word without a possessive ``'s`` / ``'``."""
        low = self.lower
        if low.endswith("'s"):
            return low[:-2]
        return low.rstrip("'")


def tokens(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Tokens of ``text[start:end]`` in ``text``'s offsets."""
    stop = len(text) if end is None else min(end, len(text))
    if stop <= start:
        return ()
    return tuple(Token(m.start(), m.end(), m.group())
                 for m in _TOKEN.finditer(text, start, stop))


def is_capitalized(word: str) -> bool:
    """True for ``Italy``, ``G7``-style words starting with a capital letter."""
    return word[:1].isupper()


def is_possessive(word: str) -> bool:
    """True for ``Italy's``, ``ministers'``."""
    return len(word) > 1 and (word.casefold().endswith("'s") or word.endswith("'"))


def phrase_pattern(phrases: Iterable[str]) -> regex.Pattern[str] | None:
    """A case-insensitive whole-word pattern for any of ``phrases``.

    Phrases are normalized like article text (so ``U.S.`` matches ``US`` and
    ``G-7`` matches ``G7``; white space is collapsed on both sides, so a phrase's
    space matches the article's). Longer phrases are tried first, so the longest
    one wins at a place. None when there is no non-empty phrase.
    """
    forms = sorted({normalize_phrase(p) for p in phrases} - {""}, key=lambda f: (-len(f), f))
    if not forms:
        return None
    body = "|".join(regex.escape(f) for f in forms)
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])",
                         regex.IGNORECASE)


class TokenRun:
    """The tokens of one stretch of text, sliceable by offsets (built once)."""

    __slots__ = ("_starts", "items")

    def __init__(self, items: Sequence[Token]) -> None:
        self.items = tuple(items)
        self._starts = [t.start for t in self.items]

    def between(self, start: int, end: int) -> tuple[Token, ...]:
        """Tokens that start in [start, end) and end by ``end``."""
        i = bisect_left(self._starts, start)
        j = bisect_left(self._starts, end)
        while j > i and self.items[j - 1].end > end:
            j -= 1
        return self.items[i:j]


def wordset(text: str) -> frozenset[str]:
    """The white-space separated words of ``text`` (for vocabulary tables)."""
    return frozenset(text.split())


_NATIONALITY_ENDING = regex.compile(r"(?:an|ian|ese|ish|ch|i)$")


def nationality_like(word: str) -> bool:
    """Does ``word`` end like a nationality adjective (Italian, Chinese, British,
    French, Iraqi)? As written: case is the caller's to fold."""
    return _NATIONALITY_ENDING.search(word) is not None
