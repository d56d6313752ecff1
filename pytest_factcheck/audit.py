"""Archive audits on Dask: the same core as pytest, on a cluster.

``factcheck audit ARTICLES... --facts PATH --report R.json`` loads and
validates the facts here, finds the articles here, and sends shards of
article *paths* to Dask workers (a :class:`distributed.LocalCluster` of
``--workers`` processes by default, or an existing scheduler with
``--scheduler tcp://HOST:PORT``). Each worker reads and prepares its shard's
articles itself and maps the shard through
:func:`~pytest_factcheck.batch.check_refs` (every fact over it); the
outcomes stream back as shards finish and are reduced per fact in corpus
order (:func:`~pytest_factcheck.engine.reduce_fact`). Only a bounded number
of shards is in flight, and prepared articles never leave the workers, so
memory stays flat as the archive grows: what is kept here is the findings.

The JSON report is the one ``pytest --factcheck --factcheck-report`` writes
for the same facts and articles (same facts, outcomes, findings and errors).
Workers must see the articles at the same paths (a shared file system, or
the same checkout on every machine). Dask is an optional extra:
``pip install pytest-factcheck[audit]``.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .article import prepare
from .articles import read_article
from .batch import ShardOutput, check_refs, default_workers, shard_size
from .catalog import Catalog, restore_catalog, stored_files
from .corpus import ArticleRef, Corpus, Settled
from .engine import FactJob, Outcomes, reduce_fact
from .errors import ArticleError
from .files import OUTSIDE
from .loader import discover_fact_files, load_catalog
from .markup import article_waiver_problems
from .model import FactResult, Problem
from .report import build_json_report, result_to_json

__all__ = ["Audit", "audit", "fact_outcome"]

IN_FLIGHT_PER_WORKER = 4  # shards queued per worker: enough to keep it busy


def fact_outcome(result: FactResult) -> str:
    """The outcome a fact item has in pytest (passed, failed, xfailed, error)."""
    if result.contradictions:
        return "failed"
    if result.problems:
        return "error"
    return "xfailed" if result.waived else "passed"


@dataclass
class Audit:
    """An audit's JSON report and what the terminal says of it."""

    report: dict[str, Any]
    workers: int
    shards: int


# -- on the workers -------------------------------------------------------------
_CATALOGS: dict[str, Catalog] = {}  # per worker process: the catalog of each audit


def _restored(key: str, stored: bytes) -> Catalog:
    cat = _CATALOGS.get(key)
    if cat is None:
        _CATALOGS.clear()  # one audit at a time per worker
        cat = _CATALOGS[key] = restore_catalog(*pickle.loads(stored))
    return cat


def _read_prepared(ref: ArticleRef) -> Any:
    try:
        return prepare(read_article(ref.file, ref.path))
    except ArticleError as exc:
        return exc.problem()


def audit_shard(key: str, stored: bytes, shard: Sequence[tuple[int, str, str]]
                ) -> ShardOutput:
    """A Dask task: read and prepare a shard's articles here, every fact over them.

    ``shard`` holds (corpus position, file, display path); ``stored`` is the
    validated catalog (compiled here, once per worker, lazily).
    """
    facts = _restored(key, stored).facts
    refs = [(pos, ArticleRef(display, Path(file), None)) for pos, file, display in shard]
    return check_refs([FactJob(f) for f in facts], refs, _read_prepared,
                      {pos for pos, _ in refs})


# -- here -------------------------------------------------------------------------
def _client(workers: int | None, scheduler: str | None) -> Any:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise SystemExit("factcheck audit: Dask is not installed; "
                         "pip install 'pytest-factcheck[audit]'") from None
    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                           processes=True, dashboard_address=":0", silence_logs=40)
    return Client(cluster)


def _stream(client: Any, submit: Callable[[Sequence[tuple[int, str, str]]], Any],
            shards: list[list[tuple[int, str, str]]], in_flight: int) -> Iterator[ShardOutput]:
    """Outputs of every shard as they finish, with at most ``in_flight`` queued."""
    from distributed import as_completed

    pending = iter(shards)
    running = as_completed()
    for shard in pending:
        running.add(submit(shard))
        if running.count() >= in_flight:
            break
    for fut in running:
        out = fut.result()
        fut.release()
        nxt = next(pending, None)
        if nxt is not None:
            running.add(submit(nxt))
        yield out


def audit(articles: Sequence[str], facts: Sequence[str], *, rootdir: Path | None = None,
          workers: int | None = None, scheduler: str | None = None, timeout: float = 1.0,
          client: Any = None, progress: Callable[[int, int], None] | None = None) -> Audit:
    """The JSON report of ``facts`` over ``articles``, checked on Dask.

    ``client``: an existing :class:`distributed.Client` (else one is made from
    ``workers``/``scheduler`` and closed at the end).
    """
    root = (rootdir or Path.cwd()).absolute()

    def display(p: Path) -> str:
        try:
            return p.absolute().relative_to(root).as_posix()
        except ValueError:
            return str(p)

    outside: list[Problem] = []
    files = sorted({f.absolute() for f in discover_fact_files(
        [Path(f) for f in facts], lambda p: outside.append(Problem(display(p), 0, 0, OUTSIDE)))})
    catalog = load_catalog(files, display={f: display(f) for f in files},
                           regex_timeout=timeout)
    corpus = Corpus(root)
    survey = corpus.survey(list(articles))  # found here; read and prepared on the workers
    slots = [(pos, str(ref.file), ref.path) for pos, ref in enumerate(survey.refs)]
    loaded = catalog.facts
    stored = pickle.dumps((stored_files(catalog),
                           dict(catalog.inputs.entities) if catalog.inputs else {},
                           catalog.inputs.runnable if catalog.inputs else (), timeout),
                          protocol=pickle.HIGHEST_PROTOCOL)
    key = hashlib.blake2b(stored, digest_size=16).hexdigest()
    own = client is None
    if own:
        client = _client(workers, scheduler)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or 1)
        size = shard_size(len(slots), n_workers)
        shards = [slots[lo:lo + size] for lo in range(0, len(slots), size)]
        blob = client.scatter(stored, broadcast=True) if shards else None

        def submit(shard: Sequence[tuple[int, str, str]]) -> Any:
            return client.submit(audit_shard, key, blob, shard, pure=False)

        learnt: dict[int, Settled] = {}
        parts: list[list[Outcomes]] = [[] for _ in loaded]
        done = 0
        for out in _stream(client, submit, shards, n_workers * IN_FLIGHT_PER_WORKER):
            learnt.update(out.learnt)
            for i, got in enumerate(out.outcomes):
                parts[i].append(got)
            done += len(out.learnt)
            if progress is not None:
                progress(done, len(slots))
    finally:
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
    sel = corpus.settle(survey, learnt)
    known = {lf.fact.id for lf in loaded}
    problems = list(outside)
    for ref in sel.refs:
        sel.problems.extend(article_waiver_problems(ref.path, ref.waivers, known))
    problems += sel.problems
    paths = [r.path for r in sel.refs]
    results: list[dict[str, Any]] = []
    warnings: list[Problem] = []
    for lf, part in zip(loaded, parts, strict=True):
        result = reduce_fact(lf.fact, paths, part)
        data = result_to_json(result, fact_file=lf.fact.pos.file, outcome=fact_outcome(result))
        data["warnings"] = [w.to_json() for w in result.warnings]
        results.append(data)
        problems += result.problems
        warnings += result.warnings
    report = build_json_report(survey.paths, results,
                               [*catalog.problems, *problems, *warnings],
                               not_checked=catalog.not_checked)
    return Audit(report, n_workers, len(shards))

