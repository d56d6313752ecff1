"""A whole run over a selection of articles: plan, map shards, reduce.

The work is per article. :func:`run` surveys the articles (found, read and
hashed; nothing prepared), asks the result store (if any) what each fact
must still look at, cuts the articles that some fact must look at into
shards, and maps every shard through :func:`~pytest_factcheck.engine.check_shard`
— each article prepared once, every fact over it — in this process or in a
local pool of worker processes. The outcomes are reduced per fact in corpus
order (:func:`~pytest_factcheck.engine.reduce_fact`, or the store's
:meth:`~pytest_factcheck.resultcache.ResultStore.finish`). The number of
shards and workers never changes a result.

The pool forks: the workers inherit the compiled facts, the corpus and the
stores, and a task is only a list of article references. Where ``fork`` is
not available the run stays in one process. A worker that dies takes none of
the run with it: its shards are checked again here.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from .article import PreparedArticle
from .catalog import LoadedFact
from .corpus import ArticleRef, Corpus, Selection, Settled, Survey
from .engine import ArticleOutcome, FactJob, Outcomes, check_shard, reduce_fact
from .model import FactResult, Problem
from .resultcache import MemoPlan, ResultStore

__all__ = ["Run", "ShardOutput", "check_refs", "default_workers", "run", "shard_size"]

MIN_SHARD = 16  # articles; fewer per task and the pool's overhead shows
MAX_SHARD = 400
SHARDS_PER_WORKER = 8  # enough that a slow shard does not leave a worker idle
POOL_MIN_ARTICLES = 64  # below this a pool costs more than it saves


def default_workers() -> int:
    """Every core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on every platform
        return max(1, os.cpu_count() or 1)


def shard_size(articles: int, workers: int) -> int:
    """Articles per shard: several shards per worker, neither tiny nor huge."""
    want = -(-articles // max(1, workers * SHARDS_PER_WORKER))
    return max(MIN_SHARD, min(MAX_SHARD, want))


@dataclass
class ShardOutput:
    """What a shard taught: each pending article's waivers (or why it is
    unreadable), each job's outcomes, and how many articles a worker process
    prepared (work in this process is counted on its corpus directly)."""

    learnt: dict[int, Settled] = field(default_factory=dict)
    outcomes: list[Outcomes] = field(default_factory=list)
    prepared: int = 0


Prepare = Callable[[ArticleRef], "PreparedArticle | Problem"]


def check_refs(jobs: Sequence[FactJob], shard: Sequence[tuple[int, ArticleRef]],
               prepare: Prepare, pending: frozenset[int] | set[int] = frozenset()
               ) -> ShardOutput:
    """Prepare a shard's articles (``prepare``) and run every job over them."""
    out = ShardOutput()
    arts: list[PreparedArticle] = []
    where: list[int] = []
    for pos, ref in shard:
        got = prepare(ref)
        if isinstance(got, Problem):
            if pos in pending:
                out.learnt[pos] = got
            continue
        if pos in pending:
            out.learnt[pos] = got.article.waivers
        arts.append(got)
        where.append(pos)
    out.outcomes = check_shard(jobs, arts, where)
    return out


@dataclass
class Run:
    """The outcome of :func:`run`: the settled selection and every fact's result."""

    selection: Selection
    results: dict[str, FactResult]
    prepared: int = 0
    workers: int = 1


# What a forked worker inherits (set just before the pool starts).
_INHERITED: dict[str, object] = {}


def _forked_shard(shard: list[tuple[int, ArticleRef]]) -> ShardOutput:
    corpus = _INHERITED["corpus"]
    assert isinstance(corpus, Corpus)
    before = corpus.prepared_count
    out = check_refs(_INHERITED["jobs"], shard, corpus.prepare_once,  # type: ignore[arg-type]
                     _INHERITED["pending"])  # type: ignore[arg-type]
    out.prepared = corpus.prepared_count - before
    return out


def _fork_context() -> multiprocessing.context.BaseContext | None:
    try:
        return multiprocessing.get_context("fork")
    except ValueError:
        return None


def _map(shards: list[list[tuple[int, ArticleRef]]], jobs: Sequence[FactJob], corpus: Corpus,
         pending: set[int], workers: int) -> Iterator[tuple[int, ShardOutput]]:
    """(shard number, output) of every shard, as they finish."""

    def here(k: int) -> ShardOutput:  # counts its preparing on the corpus itself
        return check_refs(jobs, shards[k], corpus.prepare_once, pending)

    ctx = _fork_context() if workers > 1 and len(shards) > 1 else None
    if ctx is None:
        for k in range(len(shards)):
            yield k, here(k)
        return
    _INHERITED.update(corpus=corpus, jobs=jobs, pending=pending)
    done: set[int] = set()
    try:
        with ProcessPoolExecutor(max_workers=min(workers, len(shards)),
                                 mp_context=ctx) as pool:
            futures: dict[Future[ShardOutput], int] = {
                pool.submit(_forked_shard, shard): k for k, shard in enumerate(shards)}
            todo = set(futures)
            while todo:
                finished, todo = wait(todo, return_when=FIRST_COMPLETED)
                for fut in finished:
                    k = futures[fut]
                    try:
                        out = fut.result()
                    except BrokenProcessPool:
                        continue  # checked again below, in this process
                    done.add(k)
                    yield k, out
    finally:
        _INHERITED.clear()
    for k in range(len(shards)):
        if k not in done:
            yield k, here(k)


def run(facts: Sequence[LoadedFact], corpus: Corpus, paths: Sequence[str], *,
        memory: ResultStore | None = None, workers: int = 1,
        progress: Callable[[int, int], None] | None = None) -> Run:
    """Every fact of ``facts`` over the articles below ``paths``.

    ``progress(done, total)`` is told the articles looked at as shards finish.
    """
    before = corpus.prepared_count
    survey = corpus.survey(paths)
    refs = survey.refs
    plans: list[MemoPlan] | None = None
    if memory is not None:
        plans = [memory.plan(f, refs) for f in facts]
        jobs = [p.job for p in plans]
    else:
        jobs = [FactJob(f) for f in facts]
    active = [(i, j) for i, j in enumerate(jobs) if j is not None]
    wanted = _wanted(survey, [j for _, j in active])
    workers = max(1, workers)
    if len(wanted) < POOL_MIN_ARTICLES:
        workers = 1
    size = shard_size(len(wanted), workers)
    shards = [[(pos, refs[pos]) for pos in wanted[lo:lo + size]]
              for lo in range(0, len(wanted), size)]
    learnt: dict[int, Settled] = {}
    parts: list[list[Outcomes]] = [[] for _ in active]
    prepared = looked = 0  # prepared: by worker processes
    for k, out in _map(shards, [j for _, j in active], corpus, survey.pending, workers):
        learnt.update(out.learnt)
        for slot, got in enumerate(out.outcomes):
            parts[slot].append(got)
        prepared += out.prepared
        looked += len(shards[k])
        if progress is not None:
            progress(looked, len(wanted))
    corpus.prepared_count += prepared  # what the workers prepared
    sel = corpus.settle(survey, learnt)
    results: dict[str, FactResult] = {}
    slot_of = {i: slot for slot, (i, _) in enumerate(active)}
    paths_of = [r.path for r in sel.refs]
    for i, loaded in enumerate(facts):
        mine = parts[slot_of[i]] if i in slot_of else []
        if plans is None:
            results[loaded.fact.id] = reduce_fact(loaded.fact, paths_of, mine)
        else:
            assert memory is not None
            fresh: dict[str, ArticleOutcome] = {
                refs[pos].token: o for part in mine for pos, o in part}
            results[loaded.fact.id] = memory.finish(plans[i], sel, fresh)
    return Run(sel, results, corpus.prepared_count - before, workers)


def _wanted(survey: Survey, jobs: Sequence[FactJob]) -> list[int]:
    """Positions some job must look at, and the pending ones (to settle them)."""
    if any(j.only is None for j in jobs):
        return list(range(len(survey.refs)))
    want = set(survey.pending)
    for j in jobs:
        assert j.only is not None
        want |= j.only
    return sorted(want)
