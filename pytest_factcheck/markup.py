"""Markdown prose extraction, and inline waiver comments (Markdown and HTML).

Markdown: markdown-it-py (a maintained CommonMark parser, with GFM tables)
reads the structure. Its inline tokens carry no source offsets, so each text
token is *aligned* with the stored text: tokens come in source order, and a
text token's content appears verbatim in the source (escapes and entities come
as separate ``text_special`` tokens once ``text_join`` is off). Every source
character that is matched by a text token is prose; every other character that
is not white space (emphasis markers, link targets, list and heading markers,
code, raw HTML, link reference definitions) is *erased*: replaced by a
zero-width space, which normalization drops. So ``**Sergey** Lavrov`` reads
``Sergey Lavrov`` and every prose character keeps its stored offset.

Blocks that follow each other without a blank line (a heading, then a
paragraph) must still be separate paragraphs: the reader records *breaks*,
source offsets where ``"\\n\\n"`` is inserted into the prose; the article's
``text_map`` maps the inserted characters back to zero-width spans.

Waivers: ``<!-- factcheck: ignore FACT_ID -- reason -->`` waives that fact for
the following paragraph; ``<!-- factcheck: off -->`` ... ``<!-- factcheck: on
-->`` waives every fact in between. See :func:`read_waivers`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

import regex
from markdown_it import MarkdownIt
from markdown_it.token import Token

from .article import InlineWaiver
from .errors import did_you_mean
from .model import Problem
from .text.lines import line_col
from .text.normalize import ERASE, OffsetMap
from .text.segment import paragraph_spans

__all__ = ["Comment", "MarkdownProse", "article_waiver_problems", "markdown_prose", "read_waivers",
           "with_breaks"]

BREAK = "\n\n"
_KEEP_AS_IS = frozenset(" \t\r\n")


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    md.disable("text_join")  # keep escapes and entities as separate tokens
    return md


_MD = _parser()
_COMMENT = regex.compile(r"<!--(.*?)-->", regex.DOTALL)


@dataclass(frozen=True)
class Comment:
    """An HTML comment in the stored file: [start, end) and its inner text."""

    start: int
    end: int
    body: str


@dataclass(frozen=True)
class MarkdownProse:
    """The prose of a Markdown body, at stored offsets.

    ``text`` has the length of the input; ``breaks`` are offsets where a
    paragraph break is to be inserted; ``comments`` are the HTML comments that
    markdown-it read as HTML (never those inside code).
    """

    text: str
    breaks: tuple[int, ...]
    comments: tuple[Comment, ...]


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, c in enumerate(text) if c == "\n")
    return starts


def _balanced_end(src: str, i: int, hi: int, open_: str, close: str) -> int:
    """Offset after the ``close`` that balances the ``open_`` at ``i`` (or ``hi``)."""
    depth = 0
    j = i
    while j < hi:
        c = src[j]
        if c == "\\":
            j += 2
            continue
        if c == open_:
            depth += 1
        elif c == close:
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return hi


def _link_tail_end(src: str, i: int, hi: int) -> int:
    """Given ``]`` at ``i`` closing a link text, the offset after the link's tail."""
    j = i + 1
    if j < hi and src[j] == "(":
        return _balanced_end(src, j, hi, "(", ")")
    if j < hi and src[j] == "[":
        return _balanced_end(src, j, hi, "[", "]")
    return j


@dataclass
class _Aligner:
    src: str
    keep: bytearray
    subst: dict[int, str]
    comments: list[Comment]
    cursor: int = 0

    def inline(self, tok: Token, lo: int, hi: int) -> None:
        pos = max(self.cursor, lo)
        for child in tok.children or ():
            pos = self._child(child, pos, hi)
        self.cursor = max(self.cursor, pos)

    def _child(self, child: Token, pos: int, hi: int) -> int:
        src, t = self.src, child.type
        if t == "text" and child.content:
            i = src.find(child.content, pos, hi)
            if i < 0:
                return pos
            self.keep[i:i + len(child.content)] = b"\x01" * len(child.content)
            return i + len(child.content)
        if t == "text_special":
            i = src.find(child.markup, pos, hi) if child.markup else -1
            if i < 0:
                return pos
            end = i + len(child.markup)
            if child.info == "escape" or child.markup.endswith(child.content):
                k = end - len(child.content)
                self.keep[k:end] = b"\x01" * len(child.content)
            elif len(child.content) == 1:
                self.keep[i] = 1
                self.subst[i] = child.content
            return end
        if t == "code_inline":
            i = src.find(child.markup, pos, hi)
            if i < 0:
                return pos
            close = src.find(child.markup, i + len(child.markup) + len(child.content.strip()),
                             hi)
            return hi if close < 0 else close + len(child.markup)
        if t == "html_inline":
            i = src.find(child.content, pos, hi)
            if i < 0:
                return pos
            end = i + len(child.content)
            for m in _COMMENT.finditer(src, i, end):
                self.comments.append(Comment(m.start(), m.end(), m.group(1)))
            return end
        if t == "image":
            i = src.find("![", pos, hi)
            if i < 0:
                return pos
            close = _balanced_end(src, i + 1, hi, "[", "]")
            return _link_tail_end(src, close - 1, hi)
        if t == "link_close":
            if child.markup == "autolink":
                i = src.find(">", pos, hi)
                return pos if i < 0 else i + 1
            i = src.find("]", pos, hi)
            return pos if i < 0 else _link_tail_end(src, i, hi)
        return pos


def markdown_prose(text: str, body_start: int = 0) -> MarkdownProse:
    """The prose of ``text`` (Markdown from ``body_start`` on), same length."""
    starts = _line_starts(text)
    first_line = text.count("\n", 0, body_start)
    n_lines = len(starts)

    def offset(line: int) -> int:
        k = first_line + line
        return starts[k] if k < n_lines else len(text)

    def blank_line(line: int) -> bool:
        a = offset(line)
        b = offset(line + 1)
        return not text[a:b].strip()

    al = _Aligner(text, bytearray(len(text)), {}, [])
    breaks: list[int] = []
    last_block_line = -1
    for tok in _MD.parse(text[body_start:]):
        if tok.map is None:
            continue
        a, b = tok.map
        if tok.type == "html_block":
            lo, hi = offset(a), offset(b)
            for m in _COMMENT.finditer(text, lo, hi):
                al.comments.append(Comment(m.start(), m.end(), m.group(1)))
        elif tok.type == "inline":
            if a != last_block_line and a > 0 and not blank_line(a - 1):
                breaks.append(offset(a))
            last_block_line = a
            al.inline(tok, offset(a), offset(b))
    out = [
        al.subst.get(i, c) if al.keep[i] or c in _KEEP_AS_IS else ERASE
        for i, c in enumerate(text)
    ]
    for i in range(body_start):
        if out[i] not in "\r\n":
            out[i] = ERASE
    return MarkdownProse("".join(out), tuple(sorted(set(breaks))), tuple(al.comments))


def with_breaks(text: str, breaks: Sequence[int]) -> tuple[str, OffsetMap | None]:
    """Insert a paragraph break before each offset in ``breaks``; map back to ``text``."""
    if not breaks:
        return text, None
    parts: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    pos = 0
    for b in breaks:
        parts.append(text[pos:b])
        pieces.append((b + len(BREAK) * len(pieces), b, len(BREAK), 0))
        parts.append(BREAK)
        pos = b
    parts.append(text[pos:])
    new = "".join(parts)
    return new, OffsetMap(tuple(pieces), len(new), len(text))


# -- waivers -----------------------------------------------------------------
_DIRECTIVE = regex.compile(r"^\s*factcheck\s*:\s*(?P<rest>.*?)\s*$", regex.DOTALL | regex.I)
_REASON_SEP = regex.compile(r"\s(?:--|\u2014|\u2013)\s|\s(?:--|\u2014|\u2013)$|^(?:--|\u2014)\s")
_FACT_ID = regex.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class _Directive:
    verb: str
    ids: tuple[str, ...]
    reason: str
    problem: str = ""


def _parse_directive(rest: str) -> _Directive:
    m = _REASON_SEP.search(rest)
    head, reason = (rest[:m.start()], rest[m.end():]) if m else (rest, "")
    reason = " ".join(reason.split())
    words = head.replace(",", " ").split()
    if not words:
        return _Directive("", (), reason, "empty factcheck directive; write "
                          "'factcheck: ignore FACT_ID -- reason', 'factcheck: off' or "
                          "'factcheck: on'")
    verb, args = words[0].lower(), tuple(words[1:])
    if verb == "ignore":
        if not args:
            return _Directive(verb, (), reason, "'factcheck: ignore' names no fact; write "
                              "'factcheck: ignore FACT_ID -- reason'")
        bad = [a for a in args if not _FACT_ID.match(a)]
        if bad:
            return _Directive(verb, args, reason, f"{bad[0]!r} is not a fact id "
                              "(separate the reason with ' -- ')")
        if not reason:
            return _Directive(verb, args, reason, "waiver for " + ", ".join(args)
                              + " gives no reason; write 'factcheck: ignore "
                              + args[0] + " -- why this article may say so'")
        return _Directive(verb, args, reason)
    if verb in ("off", "on"):
        if args:
            return _Directive(verb, (), reason, f"'factcheck: {verb}' takes no fact id "
                              f"(got {' '.join(args)!r}); use 'factcheck: ignore ID -- reason' "
                              "for one fact")
        return _Directive(verb, (), reason)
    return _Directive(verb, args, reason, f"unknown factcheck directive {words[0]!r} "
                      "(expected 'ignore', 'off' or 'on')")


def _prose_paragraph_end(text: str, spans: list[tuple[int, int]], after: int) -> int:
    """End of the first paragraph of ``text`` with real prose that ends after ``after``."""
    k = bisect_right([e for _, e in spans], after)
    for s, e in spans[k:]:
        if text[max(s, after):e].strip(ERASE + " \t\r\n\u00a0"):
            return e
    return after


def read_waivers(source: str, text: str, comments: Sequence[Comment],
                 to_text: OffsetMap | None = None) -> tuple[InlineWaiver, ...]:
    """The inline waivers of an article from its comments (stored offsets).

    ``text`` is the article's prose; ``to_text`` is the map from ``text`` to
    ``source`` when they differ in length (its inserted pieces are undone to
    turn a stored offset into a text offset). A waiver's range is in ``text``
    offsets. Comments that are not ``factcheck:`` directives are ignored; a
    malformed one becomes a waiver with ``problem`` set, which waives nothing.
    """
    inserted = [(p[1], p[2]) for p in to_text.pieces] if to_text is not None else []
    starts = [o for o, _ in inserted]

    def tpos(offset: int) -> int:
        k = bisect_right(starts, offset)
        return offset + sum(n for _, n in inserted[:k])

    spans = paragraph_spans(text)
    out: list[InlineWaiver] = []
    open_off: tuple[int, int, int, str] | None = None  # text start, line, column, reason
    for c in sorted(comments, key=lambda c: c.start):
        m = _DIRECTIVE.match(c.body)
        if not m:
            continue
        line, col = line_col(source, c.start)
        d = _parse_directive(m.group("rest"))
        if d.problem:
            out.append(InlineWaiver(None, 0, 0, "", line, col, problem=d.problem))
            continue
        if d.verb == "ignore":
            start = tpos(c.end)
            end = _prose_paragraph_end(text, spans, start)
            out.extend(InlineWaiver(i, start, end, d.reason, line, col) for i in d.ids)
        elif d.verb == "off":
            if open_off is None:
                open_off = (tpos(c.end), line, col, d.reason)
        elif open_off is None:
            out.append(InlineWaiver(None, 0, 0, "", line, col, problem=(
                "'factcheck: on' without a 'factcheck: off' before it")))
        else:
            s, ln, cl, why = open_off
            out.append(InlineWaiver(None, s, tpos(c.start), why or
                                    f"inside 'factcheck: off' (line {ln})", ln, cl))
            open_off = None
    if open_off is not None:
        s, ln, cl, why = open_off
        out.append(InlineWaiver(None, s, len(text), why or
                                f"inside 'factcheck: off' (line {ln}, never turned on)", ln, cl))
    return tuple(out)


def article_waiver_problems(path: str, waivers: Iterable[InlineWaiver],
                            known_facts: Collection[str] | None = None) -> list[Problem]:
    """The waiver problems of one article (at ``path``), from its inline waivers."""
    out: list[Problem] = []
    for w in waivers:
        if w.problem:
            out.append(Problem(path, w.line, w.column, f"inline waiver: {w.problem}"))
        elif (known_facts is not None and w.fact_id is not None
              and w.fact_id not in known_facts):
            out.append(Problem(path, w.line, w.column,
                               f"inline waiver: no fact {w.fact_id!r} was loaded"
                               + did_you_mean(w.fact_id, known_facts)))
    return out
