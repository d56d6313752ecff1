"""The corpus of a run: every article read, decoded, normalized and segmented once.

Shared by every fact (and every pytest item): :meth:`Corpus.load` reads each
path at most once per run, whatever the number of facts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .article import PreparedArticle, prepare
from .articles import discover_articles, display_path, read_article
from .errors import ArticleError
from .model import Problem

__all__ = ["Corpus", "Selection"]


@dataclass
class Selection:
    """The prepared articles below some paths, and the ones that could not be read."""

    articles: list[PreparedArticle] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)  # display paths, readable or not


class Corpus:
    """Reads and prepares articles on demand, each once."""

    def __init__(self, rootdir: Path | str) -> None:
        self.rootdir = Path(rootdir).absolute()
        self._prepared: dict[Path, PreparedArticle | Problem] = {}

    def display(self, path: Path, given: str | None = None) -> str:
        return display_path(path, self.rootdir, given)

    def files(self, paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
        """(file, display path) of every article below ``paths``."""
        out: list[tuple[Path, str]] = []
        for given in paths:
            for f in discover_articles([given]):
                out.append((f, self.display(f, str(f))))
        seen: set[Path] = set()
        unique = []
        for f, d in out:
            key = f.absolute()
            if key not in seen:
                seen.add(key)
                unique.append((f, d))
        return unique

    def get(self, path: Path, display: str) -> PreparedArticle | Problem:
        key = path.absolute()
        hit = self._prepared.get(key)
        if hit is None:
            try:
                hit = prepare(read_article(path, display))
            except ArticleError as exc:
                hit = exc.problem()
            self._prepared[key] = hit
        return hit

    def load(self, paths: Sequence[str | Path]) -> Selection:
        sel = Selection()
        for given in paths:
            if not Path(given).exists() and not Path(given).is_symlink():
                sel.problems.append(Problem(str(given), 0, 0, "no such file or folder"))
        for f, d in self.files(paths):
            sel.paths.append(d)
            got = self.get(f, d)
            if isinstance(got, Problem):
                sel.problems.append(got)
            else:
                sel.articles.append(got)
        return sel
