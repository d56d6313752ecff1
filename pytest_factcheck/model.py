"""The data model: facts and entities in, findings out.

Everything here is a frozen dataclass: files -> model -> findings -> reports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["consistent", "contradiction", "waived", "baselined"]
EvidenceStatus = Literal["consistent", "contradiction", "note"]
Outcome = Literal["passed", "failed", "xfailed", "error"]
Window = Literal["sentence", "paragraph"]



@dataclass(frozen=True)
class SourcePos:
    """A place in a fact file (1-based line and column)."""

    file: str
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Entity:
    """A person, event, organisation or place named in facts."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    type: str = "person"
    date: str | None = None
    pos: SourcePos | None = None

    @property
    def is_person(self) -> bool:
        return self.type == "person"


@dataclass(frozen=True)
class Waiver:
    """An ``exceptions`` entry: this fact does not bind these articles."""

    article: str
    reason: str
    pos: SourcePos | None = None


@dataclass(frozen=True)
class Fact:
    """One verified fact. Kind-specific fields stay in ``fields``."""

    id: str
    kind: str
    pos: SourcePos
    claim: str = ""
    tags: tuple[str, ...] = ()
    window: Window = "sentence"
    applies_to: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    exceptions: tuple[Waiver, ...] = ()
    fields: Mapping[str, Any] = field(default_factory=dict)
    field_pos: Mapping[str, SourcePos] = field(default_factory=dict)
    # ``from``/``until``: the fact checks only articles dated in this span
    # (``YYYY-MM-DD`` as written; "" for no bound).
    valid_from: str = ""
    valid_until: str = ""

    def where(self, name: str) -> SourcePos:
        """The position of field ``name`` (or of the fact) in its file."""
        return self.field_pos.get(name, self.pos)


@dataclass(frozen=True)
class Evidence:
    """What a fact kind reads in an article, in normalized-text offsets."""

    start: int
    end: int
    status: EvidenceStatus
    reason: str
    message: str
    detail: str = ""
    held_to: str = ""  # the value of a dated fact the article was held to


@dataclass(frozen=True)
class Finding:
    """One place where an article confirms, contradicts, or waives a fact."""

    fact_id: str
    article: str
    line: int
    column: int
    status: Status
    reason: str
    excerpt: str
    message: str
    matched: str = ""
    mark: tuple[int, int] = (0, 0)
    detail: str = ""
    waiver: str = ""
    end_line: int = 0
    end_column: int = 0
    # For a fact with dates (history, dated titles, from/until): the value the
    # article was held to. The article's date ("" when undated) is on every
    # finding of a dated article, and on every finding of a dated fact.
    held_to: str = ""
    article_date: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "article": self.article,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "status": self.status,
            "reason": self.reason,
            "excerpt": self.excerpt,
            "message": self.message,
            "matched": self.matched,
        }
        if self.detail:
            out["detail"] = self.detail
        if self.waiver:
            out["waiver"] = self.waiver
        if self.held_to:
            out["held_to"] = self.held_to
        if self.held_to or self.article_date:
            out["article_date"] = self.article_date or None
        return out


@dataclass(frozen=True)
class Note:
    """Something the engine read but is not sure of: never a failure."""

    article: str
    line: int
    column: int
    message: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Problem:
    """A located error: a broken fact file, an unreadable article, a runaway pattern."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}: {self.message}"
        return f"{self.file}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class FactResult:
    """The verdict of one fact over the articles it was checked against."""

    fact: Fact
    findings: tuple[Finding, ...] = ()
    notes: tuple[Note, ...] = ()
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()  # reported, but do not change the outcome
    articles_checked: int = 0

    @property
    def contradictions(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status == "contradiction")

    @property
    def waived(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status == "waived")

    @property
    def outcome(self) -> Outcome:
        if self.contradictions:
            return "failed"
        if self.problems:
            return "error"
        if self.waived:
            return "xfailed"
        return "passed"
