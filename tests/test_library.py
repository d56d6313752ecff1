"""The checking core as a library, without pytest's plugin machinery."""

from __future__ import annotations

from pytest_factcheck import check_all, load_catalog, prepare, read_article

from .conftest import ROOT, SEEDS


def test_library_api_gives_the_same_verdicts_as_the_demo() -> None:
    catalog = load_catalog([ROOT / "facts"])
    assert not catalog.problems
    articles = [prepare(read_article(p, f"seeds/{p.name}")) for p in sorted(SEEDS.glob("*.txt"))]
    results = check_all(catalog.facts, articles)
    failed = sorted(r.fact.id for r in results if r.outcome == "failed")
    assert failed == ["assad-spelling", "khan-sheikhoun-spelling", "lavrov-spelling"]
    assert all(r.articles_checked == 4 for r in results)


def test_engine_is_a_pure_function_of_facts_and_articles() -> None:
    catalog = load_catalog([ROOT / "facts"])
    articles = [prepare(read_article(p)) for p in sorted(SEEDS.glob("*.txt"))]
    first = check_all(catalog.facts, articles)
    again = check_all(catalog.facts, list(reversed(articles)))
    key = lambda rs: sorted(  # noqa: E731
        (r.fact.id, f.article, f.line, f.column, f.status) for r in rs for f in r.findings)
    assert key(first) == key(again)
