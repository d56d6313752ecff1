"""Discovery: the facts and disagreements nobody has written yet (``factcheck suggest``).

Pytest-free, on the same article reading as a check:

* :mod:`.candidates` -- what one article says (names, titles, counts, quotes):
  the map over articles;
* :mod:`.disagreements` -- people, candidates and disagreements across the
  corpus: the reduce;
* :mod:`.draft` -- a fact file of the candidates, with comments saying where
  each was seen;
* :mod:`.report` -- the disagreements as JSON and as a terminal table.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ..article import PreparedArticle
from ..corpus import Corpus
from ..loader import load_catalog
from ..model import Problem
from .candidates import QuoteSeen, Readings, read_article, read_quotes
from .disagreements import Discovery, discover, entity_index, people
from .draft import draft_yaml
from .written import Written, settle

__all__ = ["Suggestion", "discover_in", "suggest"]

T = TypeVar("T")


@dataclass(frozen=True)
class Suggestion:
    discovery: Discovery
    problems: tuple[Problem, ...]  # articles or fact files that could not be read
    written: Written

    def draft(self) -> str:
        return draft_yaml(self.discovery, self.written)


POOL_MIN_ARTICLES = 64  # below this a pool costs more than it saves
CHUNK = 50  # articles per task

# What a forked worker inherits (set just before the pool starts).
_INHERITED: dict[str, Any] = {}


def _read_chunk(bounds: tuple[int, int]) -> list[Readings]:
    arts = _INHERITED["articles"]
    return [read_article(arts[i]) for i in range(*bounds)]


def _quote_chunk(bounds: tuple[int, int]) -> list[tuple[QuoteSeen, ...]]:
    arts, index = _INHERITED["articles"], _INHERITED["index"]
    return [read_quotes(arts[i], index) for i in range(*bounds)]


def _map(fn: Callable[[tuple[int, int]], list[T]], articles: Sequence[PreparedArticle],
         workers: int, **inherit: Any) -> list[T]:
    """``fn`` over chunks of ``articles``, in order: in a forked pool of
    ``workers`` processes (which inherit the prepared articles), or here."""
    chunks = [(i, min(i + CHUNK, len(articles))) for i in range(0, len(articles), CHUNK)]
    _INHERITED.update(articles=articles, **inherit)
    try:
        ctx = None
        if workers > 1 and len(articles) >= POOL_MIN_ARTICLES:
            with contextlib.suppress(ValueError):
                ctx = multiprocessing.get_context("fork")
        if ctx is None:
            return [x for c in chunks for x in fn(c)]
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            return [x for part in pool.map(fn, chunks) for x in part]
    finally:
        _INHERITED.clear()


@contextlib.contextmanager
def _frozen_heap() -> Iterator[None]:
    """The objects that exist now (the prepared articles, the bulk of the heap)
    left out of garbage collection for the block: the collector does not walk
    them again each time the readings pile up, nor write to their pages in a
    forked worker (which would copy them)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection for the block (reading a desk builds long-lived
    objects only: collecting while the heap grows walks it again and again)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def discover_in(articles: Sequence[PreparedArticle], written: Written | None = None,
                workers: int = 1) -> Discovery:
    """The candidates and disagreements of prepared articles; with ``written``
    (the facts already written), each disagreement they settle is marked.
    ``workers`` processes read the articles (the map); the reduce is here."""
    with _frozen_heap(), _collector_paused():
        readings = _map(_read_chunk, articles, workers)
        named = people(readings)
        index = entity_index(named.people)
        quotes = [q for qs in _map(_quote_chunk, articles, workers, index=index) for q in qs]
        found = discover(readings, quotes, named)
    if written is not None and written.facts:
        found = dataclasses.replace(found, disagreements=tuple(
            dataclasses.replace(d, covered=settle(d, written)) for d in found.disagreements))
    return found


def suggest(paths: Sequence[str | Path], *, facts: Sequence[str | Path] = (),
            rootdir: str | Path = ".", workers: int = 1) -> Suggestion:
    """Read every article below ``paths`` and find the candidates and disagreements;
    with ``facts``, mark the disagreements those facts settle."""
    problems: list[Problem] = []
    written = Written()
    if facts:
        catalog = load_catalog(list(facts))
        problems.extend(catalog.problems)
        written = Written.of(catalog)
    with _collector_paused():
        sel = Corpus(Path(rootdir)).load(list(paths))
    found = discover_in(sel.articles, written, workers)
    return Suggestion(found, (*problems, *sel.problems), written)
