"""Errors that carry a place in a fact file or an article."""

from __future__ import annotations

from .model import Problem, SourcePos


class FactError(Exception):
    """Something wrong in a fact file, located at ``pos``."""

    def __init__(self, message: str, pos: SourcePos | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos

    def problem(self, default_file: str = "") -> Problem:
        if self.pos is None:
            return Problem(default_file, 0, 0, self.message)
        return Problem(self.pos.file, self.pos.line, self.pos.column, self.message)

    def __str__(self) -> str:
        return str(self.problem())


class ArticleError(Exception):
    """An article that cannot be read; it is reported by path and skipped."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message

    def problem(self) -> Problem:
        return Problem(self.path, 0, 0, self.message)
