"""The map-reduce core: results never depend on how the articles are cut."""

from __future__ import annotations

import functools
import itertools
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck import load_catalog
from pytest_factcheck.article import PreparedArticle, prepare
from pytest_factcheck.articles import discover_articles, read_article
from pytest_factcheck.catalog import Catalog
from pytest_factcheck.engine import (
    FactJob,
    check_all,
    check_fact,
    check_shard,
    reduce_fact,
    shard_bounds,
)
from pytest_factcheck.model import FactResult

from .conftest import ROOT, SEEDS

NEWSROOM = Path(__file__).parent / "data" / "newsroom"


@functools.cache
def desk() -> tuple[Catalog, tuple[PreparedArticle, ...]]:
    catalog = load_catalog([ROOT / "facts", NEWSROOM / "facts"])
    files = sorted([*discover_articles([SEEDS]), *discover_articles([NEWSROOM / "articles"])])
    return catalog, tuple(prepare(read_article(f, f.name)) for f in files)


def _key(results: list[FactResult]) -> list[tuple[object, ...]]:
    return [(r.fact.id, r.findings, r.notes, r.problems, r.warnings, r.articles_checked)
            for r in results]


def test_the_desk_speaks() -> None:
    catalog, articles = desk()
    assert not catalog.problems
    results = check_all(catalog.facts, articles)
    # Not a vacuous comparison: the desk has contradictions, consistent
    # findings and facts that apply to part of it.
    assert sum(len(r.contradictions) for r in results) >= 4
    assert sum(len(r.findings) for r in results) >= 20
    assert len(articles) >= 16


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=40), max_size=8), st.randoms())
def test_results_do_not_depend_on_the_shards(cuts: list[int], rnd: object) -> None:
    """Any cut into consecutive shards, reduced in any order of arrival, gives
    check_fact's result for every fact."""
    catalog, articles = desk()
    whole = [check_fact(f, list(articles)) for f in catalog.facts]
    bounds = sorted({0, len(articles), *(min(c, len(articles)) for c in cuts)})
    shards = list(itertools.pairwise(bounds))
    rnd.shuffle(shards)  # type: ignore[attr-defined]
    jobs = [FactJob(f) for f in catalog.facts]
    parts: list[list[object]] = [[] for _ in jobs]
    for lo, hi in shards:
        for i, got in enumerate(check_shard(jobs, articles[lo:hi], range(lo, hi))):
            parts[i].append(got)
    paths = [a.path for a in articles]
    reduced = [reduce_fact(f.fact, paths, p) for f, p in zip(catalog.facts, parts, strict=True)]
    assert _key(reduced) == _key(whole)


@settings(max_examples=10, deadline=None)
@given(st.integers(min_value=1, max_value=30))
def test_check_all_by_shard_size(size: int) -> None:
    catalog, articles = desk()
    assert _key(check_all(catalog.facts, articles, shard_size=size)) == _key(
        check_all(catalog.facts, articles))


def test_only_limits_a_fact_to_the_positions_given() -> None:
    catalog, articles = desk()
    loaded = next(f for f in catalog.facts if check_fact(f, list(articles)).findings)
    full = check_shard([FactJob(loaded)], articles, range(len(articles)))[0]
    assert full
    first = full[0][0]
    limited = check_shard([FactJob(loaded, only=frozenset({first}))], articles,
                          range(len(articles)))[0]
    assert [p for p, _ in limited] == [first]
    assert check_shard([FactJob(loaded, only=frozenset())], articles,
                       range(len(articles)))[0] == []


@given(st.integers(min_value=0, max_value=200), st.integers(min_value=1, max_value=50))
def test_shard_bounds_cover_every_article_once(total: int, size: int) -> None:
    bounds = shard_bounds(total, size)
    covered = [i for lo, hi in bounds for i in range(lo, hi)]
    assert covered == list(range(total))
    assert all(0 < hi - lo <= size for lo, hi in bounds)
