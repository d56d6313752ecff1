"""Markdown prose extraction that keeps every character at its stored offset.

markdown-it-py (a maintained CommonMark parser) finds the block structure:
fenced and indented code and raw HTML blocks are erased, and each block's lines
are known. Inside prose blocks, inline markup (emphasis markers, link targets,
images, inline code, heading and list markers) is erased character by
character with zero-width spaces, which normalization drops.
"""

from __future__ import annotations

import regex
from markdown_it import MarkdownIt

__all__ = ["markdown_prose"]

ERASE = "\u200b"
_MD = MarkdownIt("commonmark")

_INLINE = regex.compile(
    r"!\[[^\]\n]*\]\([^)\n]*\)"          # image: erased whole
    r"|(?P<lb>\[)(?=[^\]\n]*\]\()"      # link text opener
    r"|(?P<lt>\]\([^)\n]*\))"           # link target
    r"|`[^`\n]+`"                       # inline code: erased whole
    r"|<!--.*?-->"                      # comment
    r"|</?[A-Za-z][^>\n]*>"             # inline html tag
    r"|(?<![\p{L}\p{N}])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\p{L}\p{N}])",
    regex.DOTALL,
)
_LINE_PREFIX = regex.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)+",
                             regex.MULTILINE)
_TRAILING_HASHES = regex.compile(r"[ \t]+#+[ \t]*$", regex.MULTILINE)


def _erase(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = ERASE


def markdown_prose(text: str, body_start: int = 0) -> str:
    """Return ``text`` with everything that is not prose erased (same length)."""
    chars = list(text)
    line_starts = [0]
    for i, c in enumerate(text):
        if c == "\n":
            line_starts.append(i + 1)
    line_starts.append(len(text) + 1)
    body = text[body_start:]
    first_line = text.count("\n", 0, body_start)

    def span(lines: list[int]) -> tuple[int, int]:
        a, b = lines
        a += first_line
        b += first_line
        return line_starts[min(a, len(line_starts) - 1)], \
            min(len(text), line_starts[min(b, len(line_starts) - 1)] - 1)

    prose: list[tuple[int, int]] = []
    for tok in _MD.parse(body):
        if tok.map is None:
            continue
        if tok.type in ("fence", "code_block", "html_block", "hr"):
            s, e = span(tok.map)
            _erase(chars, s, e)
        elif tok.type == "inline":
            prose.append(span(tok.map))
    for s, e in prose:
        segment = text[s:e]
        for m in _LINE_PREFIX.finditer(segment):
            _erase(chars, s + m.start(), s + m.end())
        for m in _TRAILING_HASHES.finditer(segment):
            _erase(chars, s + m.start(), s + m.end())
        for m in _INLINE.finditer(segment):
            if m.group("lb") is not None:
                _erase(chars, s + m.start("lb"), s + m.end("lb"))
            elif m.group("lt") is not None:
                _erase(chars, s + m.start("lt"), s + m.end("lt"))
            else:
                _erase(chars, s + m.start(), s + m.end())
    return "".join(chars)
