"""Offsets <-> 1-based (line, column), as every report locates things.

Lines end at ``\\r\\n``, ``\\r`` or ``\\n``; columns count code points from 1. A
byte-order mark at the start of a file is not a column (editors do not show
it). :class:`Lines` indexes a text once for many lookups; :func:`line_col`
answers one.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right

import regex

__all__ = ["LINE_BREAK", "Lines", "line_col"]

LINE_BREAK = regex.compile(r"\r\n|\r|\n")
_BOM = "\ufeff"


class Lines:
    """The line starts of ``text``, for offset <-> (line, column) both ways."""

    __slots__ = ("_bom", "_length", "starts")

    def __init__(self, text: str) -> None:
        self.starts = array("q", [0])
        self.starts.extend(m.end() for m in LINE_BREAK.finditer(text))
        self._bom = text.startswith(_BOM)
        self._length = len(text)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset``."""
        k = bisect_right(self.starts, offset) - 1
        col = offset - self.starts[k] + 1
        if k == 0 and self._bom:
            col = max(1, col - 1)
        return k + 1, col

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based (line, column), clamped to the text."""
        if line < 1:
            return 0
        base = self.starts[min(line, len(self.starts)) - 1]
        if line == 1 and self._bom:
            base += 1
        return max(0, min(self._length, base + max(1, column) - 1))


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text`` (one lookup)."""
    return Lines(text[:offset]).line_col(offset)
