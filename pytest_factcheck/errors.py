"""Errors that carry a place in a fact file or an article."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .model import Problem, SourcePos


def guess(word: str, choices: Iterable[str]) -> str | None:
    """The choice ``word`` most likely means: the same word in another case, or a
    close spelling; None when nothing is close."""
    options = list(choices)
    same_case = [c for c in options if c.casefold() == word.casefold()]
    if same_case:
        return same_case[0]
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for an error message, or ``""``."""
    found = guess(word, choices)
    return f" (did you mean {found!r}?)" if found else ""


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
