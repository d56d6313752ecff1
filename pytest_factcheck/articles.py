"""Finding and reading articles: plain text, Markdown and HTML.

Every reader keeps the prose at the same offsets as in the stored file: markup
that is not prose is *erased* (replaced by zero-width spaces, which
normalization drops, so ``**Putin**'s`` still reads ``Putin's``) or turned into
line breaks where it separates blocks. So locations always refer to the file
as stored. Articles are opened read-only and never written to.
"""

from __future__ import annotations

import html
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from .article import PUBLISHED, PUBLISHED_FROM, PUBLISHED_LINE, Article
from .errors import ArticleError
from .files import escape_name, walk_files
from .text.lines import LINE_BREAK, line_col
from .text.normalize import ERASE

__all__ = ["ARTICLE_SUFFIXES", "discover_articles", "parse_article", "read_article"]

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
_LONE_CR = re.compile(r"\r(?!\n)")
_BYTE_BREAK = re.compile(rb"\r\n|\r|\n")
# Articles above this size are skipped with a reason: preparing text costs about
# 0.35 s per MB, and no news article comes near it (the speed yardstick: 40 MB for 10,000).
MAX_BYTES = 16 * 1024 * 1024


def discover_articles(paths: Iterable[str | Path],
                      inside: Callable[[Path], bool] | None = None,
                      on_outside: Callable[[Path], None] | None = None) -> Iterator[Path]:
    """Article files at or below ``paths`` (folders walked iteratively), each once, sorted.

    Hidden entries are skipped; a folder link whose real location fails
    ``inside`` is not followed (``on_outside`` is told); loops are walked once.
    """
    seen: set[Path] = set()
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(walk_files(p, lambda n: Path(n).suffix.lower() in ARTICLE_SUFFIXES,
                                      inside, on_outside))
        else:
            found = [p]
        for q in found:
            if q not in seen:
                seen.add(q)
                yield q


def read_article(path: Path, display: str | None = None) -> Article:
    """Read one article (never writing to it). Raises ArticleError if unreadable."""
    name = display or str(path)
    if path.is_symlink() and not path.exists():
        raise ArticleError(name, "broken symbolic link; skipped")
    if not path.exists():
        raise ArticleError(name, "no such file; skipped")
    if path.is_dir():
        raise ArticleError(name, "is a folder, not an article; skipped")
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or a device would block or never end: never open one.
            raise ArticleError(name, "is not a regular file (a pipe, socket or device); "
                               "skipped")
        if info.st_size > MAX_BYTES:
            raise ArticleError(name, f"is larger than {MAX_BYTES // 2**20} MB "
                               f"({info.st_size / 2**20:.0f} MB); skipped")
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:  # grew while being read
            raise ArticleError(name, f"is larger than {MAX_BYTES // 2**20} MB; skipped")
    except OSError as exc:
        raise ArticleError(name, f"cannot be read ({exc.strerror or exc}); skipped") from None
    return parse_article(data, name, path.suffix.lower())


def parse_article(data: bytes, name: str, suffix: str = ".txt") -> Article:
    """Decode and parse article bytes. Raises ArticleError for binary or non-UTF-8 data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError(name, "is UTF-16, not UTF-8 (save it as UTF-8); skipped")
    if b"\x00" in data:
        raise ArticleError(name, "looks binary (it contains NUL bytes); skipped")
    try:
        source = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = len(_BYTE_BREAK.findall(before)) + 1
        col = exc.start - max(before.rfind(b"\n"), before.rfind(b"\r"))
        raise ArticleError(
            name, f"is not valid UTF-8 (byte 0x{data[exc.start]:02x} at line {line}, "
            f"column {col}); skipped") from None
    if suffix in (".md", ".markdown"):
        # The Markdown parser reads a lone CR (old Mac line ends) as a line end
        # but does not keep it; a same-length "\n" keeps every offset. The
        # article keeps the file as stored, so locations are unchanged.
        article = _markdown(_LONE_CR.sub("\n", source), name)
        return article if article.source == source else replace(article, source=source)
    if suffix in (".html", ".htm"):
        return _html(source, name)
    return Article(path=name, source=source, text=_erase_bom(source),
                   meta=_date_header(source))


# A plain-text header line that dates the article: "Date: 4 April 2017".
_DATE_HEADER = re.compile(r"[ \t]*(?:Date|Dated|Published)[ \t]*:[ \t]*(?P<v>\S[^\r\n]*)",
                          re.IGNORECASE)
HEADER_LINES = 10  # how far down a plain-text article a date header may stand


def _date_header(source: str) -> dict[str, Any]:
    """The ``Date:`` header among the first lines of a plain-text article, as metadata."""
    head = LINE_BREAK.split(source.lstrip("\ufeff"), maxsplit=HEADER_LINES)[:HEADER_LINES]
    for n, line in enumerate(head, 1):  # lines as reports count them (text/lines.py)
        m = _DATE_HEADER.fullmatch(line)
        if m is not None:
            return {PUBLISHED: m["v"].strip(), PUBLISHED_FROM: "'Date:' line",
                    PUBLISHED_LINE: n}
    return {}


def _erase_bom(text: str) -> str:
    return ERASE + text[1:] if text.startswith("\ufeff") else text


# -- Markdown ---------------------------------------------------------------
def _front_matter(source: str) -> tuple[dict[str, Any], int]:
    """YAML front matter (as metadata) and the offset where the body starts."""
    meta, _, _, body = _front_matter_yaml(source)
    return meta, body


def _front_matter_yaml(source: str) -> tuple[dict[str, Any], int, int, int]:
    """Front matter metadata, its YAML's [start, end), and where the body starts."""
    start = 1 if source.startswith("\ufeff") else 0
    if not source.startswith("---", start):
        return {}, 0, 0, 0
    first_nl = source.find("\n", start)
    if first_nl < 0 or source[start:first_nl].strip() != "---":
        return {}, 0, 0, 0
    pos = first_nl + 1
    while pos < len(source):
        nl = source.find("\n", pos)
        line_end = len(source) if nl < 0 else nl
        if source[pos:line_end].strip() in ("---", "..."):
            try:
                meta = yaml.safe_load(source[first_nl + 1:pos])
            except yaml.YAMLError:
                meta = None
            body = line_end + 1 if nl >= 0 else line_end
            return (meta if isinstance(meta, dict) else {}), first_nl + 1, pos, body
        pos = line_end + 1
    return {}, 0, 0, 0


# Front-matter keys whose (string) values are published words: checked as prose.
HEADLINE_KEYS = frozenset({"title", "headline", "subtitle", "dek", "description", "summary"})
# The fields that name the article (a report labels it with the first given).
TITLE_KEYS = ("title", "headline")


def title_of(meta: Mapping[str, object]) -> str | None:
    """The article's headline from its metadata, on one line; None when it has none."""
    for key in TITLE_KEYS:
        value = meta.get(key)
        if value is not None and str(value).strip():
            return " ".join(str(value).split())
    return None
_STR_TAG = "tag:yaml.org,2002:str"
_YAML_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n",
                 "v": "\v", "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"',
                 "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028",
                 "P": "\u2029"}
_YAML_HEX = {"x": 2, "u": 4, "U": 8}


def _scalar_chars(src: str, start: int, end: int, style: str | None) -> dict[int, str]:
    """Stored offset -> prose character for a YAML scalar in ``src[start:end]``.

    Offsets not in the result are erased. Quotes and escape sequences are
    decoded onto the first character they occupy (so offsets are kept).
    """
    out: dict[int, str] = {}
    if style is None:
        return {i: src[i] for i in range(start, end)}
    if style in ("|", ">"):
        nl = src.find("\n", start, end)
        return {} if nl < 0 else {i: src[i] for i in range(nl + 1, end)}
    i, hi = start + 1, end - 1  # inside the quotes
    while i < hi:
        c = src[i]
        if style == "'" and c == "'" and i + 1 < hi and src[i + 1] == "'":
            out[i] = "'"
            i += 2
        elif style == '"' and c == "\\" and i + 1 < hi:
            e = src[i + 1]
            if e in _YAML_HEX:
                n = _YAML_HEX[e]
                try:
                    ch = chr(int(src[i + 2:i + 2 + n], 16))
                except ValueError:
                    return {}
                out[i] = " " if ch.isspace() else ch
                i += 2 + n
            elif e in _YAML_ESCAPES:
                ch = _YAML_ESCAPES[e]
                out[i] = " " if ch.isspace() else ch
                i += 2
            else:  # an escaped line break (folded away) or an unknown escape
                i += 1
        else:
            out[i] = c
            i += 1
    return out


def _headline_chars(source: str, yaml_start: int, yaml_end: int
                    ) -> list[tuple[int, int, dict[int, str]]]:
    """The published values of the front matter: (start, end, offset -> character).

    A value is used only if what is kept reads, white space aside, exactly as
    YAML reads it; otherwise it stays unchecked (never a wrong location).
    """
    try:
        root = yaml.compose(source[yaml_start:yaml_end], Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    found = []
    for key, value in root.value:
        if not (isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)):
            continue
        if str(key.value).lower() not in HEADLINE_KEYS or value.tag != _STR_TAG:
            continue
        s, e = yaml_start + value.start_mark.index, yaml_start + value.end_mark.index
        chars = _scalar_chars(source, s, e, value.style)
        kept = "".join(chars[i] for i in sorted(chars))
        if chars and "".join(kept.split()) == "".join(str(value.value).split()):
            found.append((min(chars), max(chars) + 1, chars))
    return found


def _blank(text: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if text[i] not in "\r\n":
            text[i] = ERASE


def _markdown(source: str, name: str) -> Article:
    """Markdown: prose from markdown-it-py's reading; front matter is metadata."""
    from .markup import markdown_prose, read_waivers, with_breaks

    meta, yaml_start, yaml_end, body = _front_matter_yaml(source)
    prose = markdown_prose(_erase_bom(source), body)
    prose_text, breaks = prose.text, set(prose.breaks)
    headlines = _headline_chars(source, yaml_start, yaml_end) if body else []
    if headlines:
        # Each published value is its own paragraph: a break before and after
        # it, so a headline never runs into the next value or the body.
        chars = list(prose_text)
        for start, end, kept in headlines:
            for i, c in kept.items():
                if chars[i] not in "\r\n":
                    chars[i] = c
            breaks.update((start, end))
        breaks.add(body)
        prose_text = "".join(chars)
    text, text_map = with_breaks(prose_text, sorted(breaks))
    waivers = read_waivers(source, text, prose.comments, text_map)
    return Article(path=name, source=source, text=text, text_map=text_map,
                   meta={**_clean_meta(meta), **_front_matter_date(source, meta, yaml_start,
                                                                    yaml_end)},
                   waivers=waivers)


_DATE_KEY = re.compile(r"^date[ \t]*:", re.MULTILINE)


def _front_matter_date(source: str, meta: Mapping[str, Any], yaml_start: int, yaml_end: int
                       ) -> dict[str, Any]:
    """The front matter's ``date`` as the article's date (with its line), if it has one."""
    value = meta.get("date")
    if value is None:
        return {}
    written = value.isoformat() if hasattr(value, "isoformat") else str(value)
    m = _DATE_KEY.search(source, yaml_start, yaml_end)
    line = line_col(source, m.start())[0] if m is not None else 1
    return {PUBLISHED: written, PUBLISHED_FROM: "front matter 'date'", PUBLISHED_LINE: line}


def _clean_meta(meta: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in meta.items():
        out[str(k)] = v.isoformat() if hasattr(v, "isoformat") else v
    return out


# -- HTML -------------------------------------------------------------------
# The stdlib parser is kept on purpose: it reports the line and column of every
# tag, entity and run of text, which is what keeps prose at its stored offsets
# (selectolax and lxml build a tree but do not give source offsets of text).
def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


BLOCK_TAGS = _tags(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote section article header footer "
    "table tr td th thead tbody tfoot caption figure figcaption main hr pre title body html "
    "head form address details summary fieldset legend"
)
# Head meta tags whose ``content`` is published words: checked like a headline.
HEADLINE_META = frozenset({"og:title", "og:description"})
_CONTENT = re.compile(r"""\scontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
LINE_TAGS = frozenset({"br"})  # a line break inside a paragraph, not a new paragraph
DROPPED_TAGS = frozenset({"script", "style", "nav", "aside", "noscript", "template", "svg",
                          "iframe", "button", "select", "textarea", "math", "object", "code"})


# Meta tags that date the page, by the name a report gives their source; the
# article's date is the first found of: published time, ``name="date"``, ``<time>``.
_DATE_META = {"article:published_time": "meta article:published_time",
              "datepublished": "meta article:published_time", "date": "meta date"}
_DATE_ORDER = ("meta article:published_time", "meta date", "<time datetime>")


class _Prose(HTMLParser):
    """Erases markup in a copy of the page; prose stays at its stored offsets."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.chars = list(source)
        self.line_offsets = [0]
        for i, c in enumerate(source):
            if c == "\n":
                self.line_offsets.append(i + 1)
        self.dropping: list[str] = []
        self.meta: dict[str, Any] = {}
        self.in_title = False
        self.title: list[str] = []
        self.comments: list[Any] = []
        # Candidates for the article's date, by source: (value, line).
        self.dates: dict[str, tuple[str, int]] = {}

    def _here(self) -> int:
        line, col = self.getpos()
        return self.line_offsets[line - 1] + col

    def _tag_end(self, start: int, raw: str | None = None) -> int:
        if raw and self.source.startswith(raw, start):
            return start + len(raw)
        end = self.source.find(">", start)
        return len(self.source) if end < 0 else end + 1

    def _erase_tag(self, tag: str, start: int, end: int) -> None:
        _blank(self.chars, start, end)
        if tag in BLOCK_TAGS and end - start >= 2:
            self.chars[start] = "\n"
            self.chars[start + 1] = "\n"
        elif tag in LINE_TAGS and end > start:
            self.chars[start] = "\n"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._here()
        self._erase_tag(tag, start, self._tag_end(start, self.get_starttag_text()))
        if tag in DROPPED_TAGS:
            self.dropping.append(tag)
        if tag == "title":
            self.in_title = True
        if tag == "meta":
            self._meta(start, attrs)
        if tag == "time" and not self.dropping:
            stamp = dict(attrs).get("datetime")
            if stamp and stamp.strip():
                self.dates.setdefault("<time datetime>", (stamp, self.getpos()[0]))

    def _meta(self, start: int, attrs: list[tuple[str, str | None]]) -> None:
        d = dict(attrs)
        key = (d.get("name") or d.get("property") or d.get("itemprop") or "").lower()
        for want in ("date", "title", "slug"):
            if (key == want or key.endswith((":" + want, "_" + want, "-" + want,
                                             "." + want))) and d.get("content"):
                self.meta.setdefault(want, d["content"])
        if key in ("article:published_time", "datepublished") and d.get("content"):
            self.meta.setdefault("date", d["content"])
        content = d.get("content")
        if content and content.strip() and key in _DATE_META:
            self.dates.setdefault(_DATE_META[key], (content, self.getpos()[0]))
        if key in HEADLINE_META and not self.dropping:
            self._keep_content(start, self.get_starttag_text() or "")

    def _keep_content(self, start: int, raw: str) -> None:
        """Keep a headline meta tag's ``content`` value as its own paragraph."""
        m = _CONTENT.search(raw)
        if m is None or not raw or not self.source.startswith(raw, start):
            return
        group = next(g for g in (1, 2, 3) if m.group(g) is not None)
        lo, hi = start + m.start(group), start + m.end(group)
        if lo == hi:
            return
        self.chars[lo:hi] = self.source[lo:hi]
        for e in _ENTITY.finditer(self.source, lo, hi):
            value = html.unescape(e.group())
            if len(value) == 1:
                self.chars[e.start()] = value
                _blank(self.chars, e.start() + 1, e.end())
        self.chars[start] = self.chars[start + 1] = "\n"  # "<m" of "<meta"
        tail = start + len(raw) - hi  # characters of the tag after the value
        self.chars[start + len(raw) - 1] = "\n"
        if tail >= 2:
            self.chars[start + len(raw) - 2] = "\n"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._here()
        self._erase_tag(tag, start, self._tag_end(start, self.get_starttag_text()))
        if tag == "meta":
            self._meta(start, attrs)

    def handle_endtag(self, tag: str) -> None:
        start = self._here()
        self._erase_tag(tag, start, self._tag_end(start))
        if tag in self.dropping:
            while self.dropping and self.dropping.pop() != tag:
                pass
        if tag == "title":
            self.in_title = False

    def handle_data(self, data: str) -> None:
        start = self._here()
        if self.in_title:
            self.title.append(data)
        if self.dropping:
            _blank(self.chars, start, start + len(data))

    def _entity(self, text: str) -> None:
        start = self._here()
        length = len(text)
        if self.source.startswith(text + ";", start):
            length += 1
        if self.dropping:
            _blank(self.chars, start, start + length)
            return
        value = html.unescape(text + ";")
        if len(value) == 1:
            self.chars[start] = value
            _blank(self.chars, start + 1, start + length)

    def handle_entityref(self, name: str) -> None:
        self._entity(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._entity(f"&#{name}")

    def handle_comment(self, data: str) -> None:
        from .markup import Comment

        start = self._here()
        end = self.source.find("-->", start + 4 + len(data))
        end = start + len(data) + 7 if end < 0 else end + 3
        _blank(self.chars, start, end)
        self.comments.append(Comment(start, end, data))

    def handle_decl(self, decl: str) -> None:
        start = self._here()
        _blank(self.chars, start, start + len(decl) + 3)

    def handle_pi(self, data: str) -> None:
        start = self._here()
        _blank(self.chars, start, start + len(data) + 3)

    def unknown_decl(self, data: str) -> None:
        start = self._here()
        _blank(self.chars, start, start + len(data) + 5)


def _html(source: str, name: str) -> Article:
    """HTML: the text of the page; script, style, nav and aside dropped."""
    from .markup import read_waivers

    parser = _Prose(source)
    try:
        parser.feed(source)
        parser.close()
    except Exception as exc:  # html.parser is lenient; be safe anyway
        raise ArticleError(name, f"cannot be parsed as HTML ({exc}); skipped") from None
    meta = dict(parser.meta)
    for source_name in _DATE_ORDER:
        if source_name in parser.dates:
            value, line = parser.dates[source_name]
            meta.update({PUBLISHED: value, PUBLISHED_FROM: source_name, PUBLISHED_LINE: line})
            break
    if parser.title and "title" not in meta:
        meta["title"] = " ".join("".join(parser.title).split())
    text = "".join(parser.chars)
    if text.startswith("\ufeff"):
        text = ERASE + text[1:]
    waivers = read_waivers(source, text, parser.comments)
    return Article(path=name, source=source, text=text, meta=meta, waivers=waivers,
                   short_lines=False)


def display_path(path: Path, rootdir: Path, given: str | None = None) -> str:
    """The path used in reports: relative to rootdir, else as given.

    Escaped (see :func:`~pytest_factcheck.files.escape_name`): an undecodable
    byte shows as ``\\xff``, a newline as ``\\n``, in every output alike.
    """
    absolute = Path(os.path.normpath(path.absolute()))
    try:
        return escape_name(absolute.relative_to(rootdir).as_posix())
    except ValueError:
        return escape_name(given or str(path))
