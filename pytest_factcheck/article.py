"""Articles: the model of one article and its prepared (normalized, segmented) form.

An :class:`Article` is what was read from disk: its path, the file's text as
stored, the prose to check (``text``) and a map from ``text`` back to the
stored file, plus metadata (date, title, slug). A :class:`PreparedArticle` is
built from it once per run and shared by every fact: normalized views of each
paragraph joined by ``"\\n"``, sentence and paragraph spans in those
coordinates, and lazily computed structures (quote spans, entity mentions)
cached on it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .text.dates import Day, date_in_path, parse_date
from .text.lines import Lines
from .text.normalize import ComposedMap, OffsetMap, normalize
from .text.segment import paragraph_spans, sentence_spans

__all__ = ["PUBLISHED", "PUBLISHED_FROM", "PUBLISHED_LINE", "UNDATED", "Article", "ArticleDate",
           "InlineWaiver", "Paragraph", "PreparedArticle", "Sentence", "prepare"]


@dataclass(frozen=True)
class InlineWaiver:
    """A waiver written in the article (``<!-- factcheck: ignore ID -- reason -->``).

    It waives contradictions of ``fact_id`` (every fact when None, for a
    ``factcheck: off`` region) whose evidence starts in [start, end) of the
    article's ``text``. ``line``/``column`` locate the comment in the stored
    file. A malformed directive has ``problem`` set and waives nothing.
    """

    fact_id: str | None
    start: int
    end: int
    reason: str
    line: int
    column: int = 1
    problem: str = ""

    def covers(self, fact_id: str, text_offset: int) -> bool:
        return (not self.problem and (self.fact_id is None or self.fact_id == fact_id)
                and self.start <= text_offset < self.end)


# Metadata keys the readers fill with the article's own publication date: the
# value as written, where it was found, and its line in the stored file.
# Named so that no front matter key ("published: true" in Jekyll) is read as one.
PUBLISHED, PUBLISHED_FROM, PUBLISHED_LINE = ("factcheck:date", "factcheck:date_from",
                                             "factcheck:date_line")


@dataclass(frozen=True)
class ArticleDate:
    """The article's date and where it was found (see :attr:`Article.dating`).

    ``day`` is None for an undated article. ``note`` says why a date the
    article states was not read (``written`` is that value, ``line`` its line);
    the article is then dated by its path, if the path holds a date, else undated.
    """

    day: Day | None
    source: str = ""  # "front matter date", "meta article:published_time", "path", ...
    written: str = ""
    line: int = 0
    note: str = ""

    @property
    def iso(self) -> str:
        return self.day.iso() if self.day is not None else ""


UNDATED = ArticleDate(None)


@dataclass(frozen=True)
class Article:
    """An article as read: ``text`` is the prose, ``text_map`` maps it to ``source``."""

    path: str
    source: str
    text: str
    text_map: OffsetMap | ComposedMap | None = None  # None: text is source
    meta: Mapping[str, Any] = field(default_factory=dict)
    waivers: tuple[InlineWaiver, ...] = ()  # inline waivers (Markdown and HTML comments)
    # Plain text and Markdown: a short line without closing punctuation stands
    # alone (a headline, byline or caption credit); HTML lines mean nothing.
    short_lines: bool = True

    @property
    def date(self) -> str | None:
        """The article's date: the day it was found to be (``YYYY-MM-DD``), else
        its ``date`` metadata as written."""
        dating = self.dating
        if dating.day is not None:
            return dating.iso
        d = self.meta.get("date")
        return None if d is None else str(d)

    @property
    def dating(self) -> ArticleDate:
        """The article's date, first found: the one its reader found in the file
        (front matter, HTML meta or ``<time>``, a ``Date:`` header line), else a
        date in its path. The calendar day is read as written, in its own zone."""
        written = self.meta.get(PUBLISHED)
        source = str(self.meta.get(PUBLISHED_FROM, ""))
        line = int(self.meta.get(PUBLISHED_LINE, 0) or 0)
        note = ""
        if written is not None and str(written).strip():
            day = parse_date(str(written))
            if day is not None:
                return ArticleDate(day, source, str(written), line)
            note = (f"the article's date {str(written)!r} ({source}) is not a date the "
                    "checker can read (write it as 2017-04-04 or 4 April 2017)")
        from_path = date_in_path(self.path)
        if from_path is not None:
            return ArticleDate(from_path, "path", str(written) if note else "",
                               line if note else 0,
                               note + ("; dated by its path instead" if note else ""))
        if note:
            return ArticleDate(None, source, str(written), line, note + "; held undated")
        return UNDATED

    @property
    def title(self) -> str | None:
        t = self.meta.get("title")
        return None if t is None else str(t)

    @classmethod
    def from_text(cls, text: str, path: str = "<text>", **meta: Any) -> Article:
        return cls(path=path, source=text, text=text, meta=meta)


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int




class PreparedArticle:
    """An article ready for checking. Built once; read by every fact."""

    def __init__(self, article: Article) -> None:
        self.article = article
        text = article.text
        surfaces: list[str] = []
        folded: list[str] = []
        paragraphs: list[Paragraph] = []
        sentences: list[Sentence] = []
        # Per paragraph: (start in ``surface``, start in ``article.text``,
        # normalized length, offset map back to the paragraph's text). The
        # paragraph's own strings are not kept: ``surface``/``folded`` hold them.
        self._para_maps: list[tuple[int, int, int, OffsetMap | ComposedMap]] = []
        pos = 0
        for raw_start, raw_end in paragraph_spans(text, short_lines=article.short_lines):
            norm = normalize(text[raw_start:raw_end])
            if not norm.surface:
                continue
            if paragraphs:
                surfaces.append("\n")
                folded.append("\n")
                pos += 1
            idx = len(paragraphs)
            paragraphs.append(Paragraph(idx, pos, pos + len(norm.surface)))
            self._para_maps.append((pos, raw_start, len(norm.surface), norm.map))
            for s, e in sentence_spans(norm.surface):
                sentences.append(Sentence(len(sentences), pos + s, pos + e, idx))
            surfaces.append(norm.surface)
            folded.append(norm.folded)
            pos += len(norm.surface)
        self.surface = "".join(surfaces)
        self.folded = "".join(folded)
        self.paragraphs: tuple[Paragraph, ...] = tuple(paragraphs)
        self.sentences: tuple[Sentence, ...] = tuple(sentences)
        self._para_starts = array("q", [p.start for p in paragraphs])
        self._sent_starts = array("q", [s.start for s in sentences])
        self.cache: dict[Any, Any] = {}  # per-run derived data (mentions, quotes)

    @property
    def path(self) -> str:
        return self.article.path

    @cached_property
    def folded_lower(self) -> str:
        """``folded`` case-folded, for cheap term pre-checks (not for offsets)."""
        return self.folded.casefold()

    # -- segments -----------------------------------------------------------
    def paragraph_at(self, pos: int) -> Paragraph:
        k = max(0, bisect_right(self._para_starts, pos) - 1)
        return self.paragraphs[k]

    def sentence_at(self, pos: int) -> Sentence | None:
        k = bisect_right(self._sent_starts, pos) - 1
        if k < 0:
            return None
        s = self.sentences[k]
        return s if pos < s.end or (pos == s.end and pos > s.start) else None

    def window_at(self, kind: str, pos: int) -> Sentence | Paragraph | None:
        return self.paragraph_at(pos) if kind == "paragraph" else self.sentence_at(pos)

    # -- locations ----------------------------------------------------------
    def to_text(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span to a span of ``article.text``."""
        if not self._para_maps:
            return 0, 0
        k = max(0, bisect_right(self._para_starts, start) - 1)
        pstart, raw_start, length, offsets = self._para_maps[k]
        pend = pstart + length
        s, e = offsets.to_source(max(0, start - pstart), max(0, min(end, pend) - pstart))
        return raw_start + s, raw_start + max(s, e)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span to a span of the file as stored."""
        s, e = self.to_text(start, end)
        m = self.article.text_map
        if m is None:
            return s, e
        return m.to_source(s, e)

    @cached_property
    def _lines(self) -> Lines:
        return Lines(self.article.source)

    def line_col(self, source_offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an offset in the stored file."""
        return self._lines.line_col(source_offset)

    def original(self, start: int, end: int) -> str:
        """The stored text of a normalized span."""
        s, e = self.to_source(start, end)
        return self.article.source[s:e]


def prepare(article: Article) -> PreparedArticle:
    return PreparedArticle(article)
