"""Build facts from YAML text and check them against article text, for kind tests."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from pathlib import Path

from pytest_factcheck import engine
from pytest_factcheck.article import Article, PreparedArticle
from pytest_factcheck.loader import Catalog, LoadedFact, load_catalog
from pytest_factcheck.model import FactResult

from .conftest import prepared


def check_fact(loaded: LoadedFact, articles: Sequence[PreparedArticle]) -> FactResult:
    """``engine.check_fact``, asserting that the checker ran cleanly.

    The engine turns an exception inside a checker into a ``Problem`` (so that a
    run goes on); a kind test that ignored them would pass whatever the checker
    did, so every kind test goes through here.
    """
    result = engine.check_fact(loaded, articles)
    assert not result.problems, [str(p) for p in result.problems]
    return result


def catalog(tmp_path: Path, yaml_text: str) -> Catalog:
    path = tmp_path / "facts.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    cat = load_catalog([path])
    assert not cat.problems, cat.problems
    return cat


def check(tmp_path: Path, yaml_text: str, *articles: str) -> FactResult:
    """Check the only fact of ``yaml_text`` against the articles' texts."""
    cat = catalog(tmp_path, yaml_text)
    (loaded,) = cat.facts
    return check_fact(loaded, [prepared(t, f"a{i}.txt") for i, t in enumerate(articles)])


def statuses(result: FactResult) -> list[tuple[str, str]]:
    return [(f.status, f.matched) for f in result.findings]


def verdict(tmp_path: Path, yaml_text: str, text: str) -> set[str]:
    """The statuses a fact gives one article ("note" when it only noted)."""
    result = check(tmp_path, yaml_text, text)
    got = {f.status for f in result.findings}
    if result.notes:
        got.add("note")
    return got


def assert_verdict(got: set[str], want: str) -> None:
    """``want``: "C" a contradiction, "ok" consistent and no contradiction,
    anything else no contradiction."""
    if want == "C":
        assert "contradiction" in got, got
    else:
        assert "contradiction" not in got, got
    if want == "ok":
        assert "consistent" in got, got


def desk(folder: Path, yaml_text: str) -> dict[str, LoadedFact]:
    """The facts of ``yaml_text`` (dedented), by id, written to ``folder`` and loaded
    cleanly: the one fact-YAML fixture of the kind tests."""
    (folder / "facts.yaml").write_text(textwrap.dedent(yaml_text), encoding="utf-8")
    cat = load_catalog([folder])
    assert not cat.problems, cat.problems
    return {f.fact.id: f for f in cat.facts}


def article(text: str, path: str = "a.txt", **meta: str) -> PreparedArticle:
    """A plain-text article of ``text`` (dedented)."""
    text = textwrap.dedent(text)
    return PreparedArticle(Article(path=path, source=text, text=text, meta=dict(meta)))
