"""The local pool: any number of workers gives the same results as one."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.generate import generate
from pytest_factcheck import batch
from pytest_factcheck.article import PreparedArticle
from pytest_factcheck.cache import ArticleStore
from pytest_factcheck.catalog import Catalog, LoadedFact
from pytest_factcheck.corpus import Corpus
from pytest_factcheck.loader import load_catalog
from pytest_factcheck.model import Evidence, FactResult
from pytest_factcheck.resultcache import ResultStore

pytest_plugins = ["pytester"]


@functools.cache
def _desk(root: str) -> Path:
    out = Path(root)
    generate(out, articles=240, facts=60)
    return out


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _desk(str(tmp_path_factory.mktemp("pool")))


def _catalog(desk: Path) -> Catalog:
    files = sorted((desk / "facts").rglob("*.yaml"))
    return load_catalog(files, display={f: f.name for f in files})


def _key(results: dict[str, FactResult]) -> dict[str, object]:
    return {k: (r.findings, r.notes, r.problems, r.warnings, r.articles_checked)
            for k, r in results.items()}


def _run(desk: Path, workers: int, cache: Path | None = None,
         facts: list[LoadedFact] | None = None) -> batch.Run:
    store = ArticleStore(cache / "prepared") if cache is not None else None
    memory = ResultStore(cache / "results") if cache is not None else None
    corpus = Corpus(desk, store=store, known=memory.known if memory is not None else None)
    if memory is not None:
        files = sorted((desk / "facts").rglob("*.yaml"))
        catalog = memory.catalog(files, {f: f.name for f in files}, 1.0)
    else:
        catalog = _catalog(desk)
    return batch.run(facts or catalog.facts, corpus, [str(desk / "articles")],
                     memory=memory, workers=workers)


def test_two_workers_give_the_results_of_one(desk: Path) -> None:
    one = _run(desk, 1)
    two = _run(desk, 2)
    assert two.workers == 2 and one.workers == 1
    assert _key(two.results) == _key(one.results)
    assert sum(len(r.contradictions) for r in one.results.values()) > 10
    assert [r.path for r in two.selection.refs] == [r.path for r in one.selection.refs]
    assert one.prepared == two.prepared == 240  # prepared once each, wherever


def test_pool_with_the_result_store_cold_warm_and_after_an_edit(desk: Path,
                                                                tmp_path: Path) -> None:
    want = _key(_run(desk, 1).results)
    cold = _run(desk, 2, tmp_path / "c")
    assert _key(cold.results) == want and cold.prepared == 240
    warm = _run(desk, 2, tmp_path / "c")
    assert _key(warm.results) == want and warm.prepared == 0
    victim = sorted((desk / "articles").rglob("story-000003.*"))[0]
    before = victim.read_bytes()
    try:
        victim.write_bytes(before + b"\nThe council later corrected the figures.\n")
        edited = _run(desk, 2, tmp_path / "c")
        assert edited.prepared == 1
        assert _key(edited.results) == _key(_run(desk, 1).results)
    finally:
        victim.write_bytes(before)


class _DiesInWorkers:
    """A checker that kills any process but the one that made it (a crash)."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.needs = inner.needs  # type: ignore[attr-defined]
        self.home = os.getpid()

    def check(self, article: PreparedArticle) -> Iterator[Evidence]:
        if os.getpid() != self.home:
            os._exit(3)
        return self.inner.check(article)  # type: ignore[attr-defined,no-any-return]


def test_a_worker_that_dies_loses_nothing(desk: Path) -> None:
    catalog = _catalog(desk)
    facts = [LoadedFact(lf.fact, _DiesInWorkers(lf.checker)) if i == 0 else lf  # type: ignore[arg-type]
             for i, lf in enumerate(catalog.facts)]
    got = _run(desk, 2, facts=facts)
    assert _key(got.results) == _key(_run(desk, 1).results)


def test_shard_sizes() -> None:
    assert batch.default_workers() >= 1
    assert batch.shard_size(10, 2) == batch.MIN_SHARD
    assert batch.shard_size(10**6, 2) == batch.MAX_SHARD
    assert batch.MIN_SHARD <= batch.shard_size(3000, 2) <= batch.MAX_SHARD


def test_workers_option_end_to_end(pytester: pytest.Pytester, desk: Path) -> None:
    import shutil

    for name in ("articles", "facts"):
        shutil.copytree(desk / name, pytester.path / name)
    args = ("--factcheck", "articles", "--facts", "facts", "-p", "no:cacheprovider")
    one = pytester.runpytest_subprocess(*args, "--factcheck-workers", "1",
                                        "--factcheck-report", "one.json")
    two = pytester.runpytest_subprocess(*args, "--factcheck-workers", "2",
                                        "--factcheck-report", "two.json")
    assert one.ret == two.ret == 1
    two.stdout.fnmatch_lines(["factcheck: read and checked 240 articles (2 workers) in *s"])
    a = json.loads((pytester.path / "one.json").read_text("utf-8"))
    b = json.loads((pytester.path / "two.json").read_text("utf-8"))
    assert a == b and a["summary"]["facts"] == 60
    pytester.makeini("[pytest]\nfactcheck_workers = 2\n")
    ini = pytester.runpytest_subprocess(*args, "--factcheck-report", "ini.json")
    assert ini.ret == 1
    ini.stdout.fnmatch_lines(["*(2 workers)*"])
    bad = pytester.runpytest_subprocess(*args, "--factcheck-workers", "none")
    assert bad.ret == pytest.ExitCode.USAGE_ERROR
    bad.stderr.fnmatch_lines(["*factcheck: workers must be a whole number of at least 1*"])
