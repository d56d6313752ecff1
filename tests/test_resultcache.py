"""Remembered results: a re-run equals a fresh run, and checks only what changed."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest

from pytest_factcheck import batch
from pytest_factcheck.cache import ArticleStore
from pytest_factcheck.corpus import Corpus
from pytest_factcheck.engine import check_fact
from pytest_factcheck.loader import load_catalog
from pytest_factcheck.model import FactResult
from pytest_factcheck.resultcache import ResultStore

from .conftest import ROOT, SEEDS

pytest_plugins = ["pytester"]


def fresh(facts: Path, articles: Path) -> dict[str, FactResult]:
    """The reference: no store, no index, every fact over every article."""
    files = sorted(facts.rglob("*.yaml"))
    catalog = load_catalog(files, display={f: f.name for f in files})
    arts = Corpus(articles.parent).load([articles]).articles
    return {lf.fact.id: check_fact(lf, arts) for lf in catalog.facts}


class Run:
    """One run as the plugin does it: a catalog, a corpus, every fact through the store.

    Checkers are only touched when the store needs them (to build the index
    of a cold run, or to check an article that is new or changed).
    """

    def __init__(self, cache: Path, facts: Path, articles: Path, timeout: float = 1.0,
                 only: Path | None = None, workers: int = 1) -> None:
        self.store = ArticleStore(cache / "prepared")
        self.memory = ResultStore(cache / "results")
        files = sorted(facts.rglob("*.yaml"))
        self.catalog = self.memory.catalog(files, {f: f.name for f in files}, timeout)
        self.corpus = Corpus(articles.parent, store=self.store, known=self.memory.known)
        # only: a pre-commit hook's files
        done = batch.run(self.catalog.facts, self.corpus, [str(only or articles)],
                         memory=self.memory, workers=workers)
        self.sel = done.selection
        self.memory.remember_articles(self.sel.refs)
        self.results = done.results


@pytest.fixture
def newsroom(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the demo facts and the seed articles, free to edit."""
    facts, articles = tmp_path / "facts", tmp_path / "articles"
    shutil.copytree(ROOT / "facts", facts)
    shutil.copytree(SEEDS, articles)
    return facts, articles


def _seed(articles: Path, n: int) -> Path:
    return sorted(articles.glob("*.txt"))[n]


def test_first_and_second_run_equal_a_fresh_check(newsroom: tuple[Path, Path],
                                                  tmp_path: Path) -> None:
    facts, articles = newsroom
    want = fresh(facts, articles)
    first = Run(tmp_path / "c", facts, articles)
    assert first.results == want
    assert first.memory.stats["checked"] == len(want)
    second = Run(tmp_path / "c", facts, articles)
    assert second.results == want
    assert second.memory.stats["remembered"] == len(want)
    assert second.corpus.prepared_count == 0  # no article parsed ...
    assert second.store.hits == 0  # ... nor even loaded from the store
    assert not any(lf.compiled for lf in second.catalog.facts)  # no fact even compiled


def test_editing_one_article_rechecks_only_that_article(newsroom: tuple[Path, Path],
                                                        tmp_path: Path) -> None:
    facts, articles = newsroom
    Run(tmp_path / "c", facts, articles)
    story = _seed(articles, 2)
    text = story.read_text(encoding="utf-8")
    # Introduce errors the facts catch, and repair one they caught before.
    text = text.replace("Khan Shaykhun", "Khan Sheikhoun").replace(
        "Bashar-al Assad", "Bashar al-Assad", 1)
    text += ("\n\nSergey Lavrov said the toll was 400. \u201cWe had no chemical "
             "weapons,\u201d he said.\n")
    story.write_text(text, encoding="utf-8")
    want = fresh(facts, articles)
    again = Run(tmp_path / "c", facts, articles)
    assert again.results == want
    assert again.corpus.prepared_count == 1
    assert again.memory.stats["checked"] == 0
    assert again.memory.stats["remembered"] + again.memory.stats["partly"] == len(want)
    # Only facts whose terms the edited article holds were compiled.
    compiled = {lf.fact.id for lf in again.catalog.facts if lf.compiled}
    assert compiled and len(compiled) < len(want)
    assert {"lavrov-spelling", "khan-sheikhoun-spelling"} <= compiled


def test_added_removed_and_renamed_articles(newsroom: tuple[Path, Path], tmp_path: Path) -> None:
    facts, articles = newsroom
    Run(tmp_path / "c", facts, articles)
    first = _seed(articles, 0)
    first.rename(articles / "renamed.txt")  # same content, new path: findings move
    _seed(articles, 1).unlink()
    (articles / "new.txt").write_text(
        "Foreign Minister Sergey Lavrov met Rex Tillerson in Moscow.\n", encoding="utf-8")
    want = fresh(facts, articles)
    again = Run(tmp_path / "c", facts, articles)
    assert again.results == want
    paths = {f.article for r in again.results.values() for f in r.findings}
    assert "articles/renamed.txt" in paths and "articles/new.txt" in paths


def test_a_changed_fact_file_checks_everything_again(newsroom: tuple[Path, Path],
                                                     tmp_path: Path) -> None:
    facts, articles = newsroom
    Run(tmp_path / "c", facts, articles)
    style = facts / "style.yaml"
    style.write_text(style.read_text(encoding="utf-8").replace("Sergei Lavrov", "Sergey Lavrov")
                     .replace("[Sergey Lavrov]", "[Sergei Lavrov]"), encoding="utf-8")
    want = fresh(facts, articles)
    again = Run(tmp_path / "c", facts, articles)
    assert again.results == want
    assert again.memory.stats["checked"] == len(want)


def test_corrupt_memos_are_misses(newsroom: tuple[Path, Path], tmp_path: Path) -> None:
    facts, articles = newsroom
    run = Run(tmp_path / "c", facts, articles)
    memos = sorted((run.memory.root / "facts").rglob("*.pickle"))
    assert memos
    memos[0].write_bytes(b"garbage")
    memos[1].write_bytes(pickle.dumps(("pytest-factcheck/results", 1, "other", "memo", None)))
    for snap in (run.memory.root / "snapshots").glob("*.pickle"):
        snap.write_bytes(b"")
    (run.memory.root / "manifest.pickle").write_bytes(b"\x80\x05junk")
    want = fresh(facts, articles)
    again = Run(tmp_path / "c", facts, articles)
    assert again.results == want
    # The two broken memos are checked again; the snapshot of this very
    # selection is known in memory, so the other memos still stand.
    assert again.memory.stats["checked"] == 2
    assert again.corpus.prepared_count == 0  # the prepared articles were still on disk


def test_unsettled_outcomes_are_never_remembered(tmp_path: Path) -> None:
    facts, articles = tmp_path / "facts", tmp_path / "articles"
    facts.mkdir()
    articles.mkdir()
    (facts / "f.yaml").write_text(
        "facts:\n  - id: runaway\n    kind: pattern\n    forbid: '(a+)+$'\n", encoding="utf-8")
    (articles / "a.txt").write_text("a" * 5000 + "!\n", encoding="utf-8")
    (articles / "b.txt").write_text("Nothing here.\n", encoding="utf-8")
    cache = tmp_path / "c"
    first = Run(cache, facts, articles, 0.2)
    assert first.results["runaway"].problems
    again = Run(cache, facts, articles, 0.2)
    assert again.results["runaway"].problems  # checked again, not remembered as clean
    assert again.memory.stats["partly"] == 1


def test_inline_waivers_are_known_without_preparing(tmp_path: Path) -> None:
    facts, articles = tmp_path / "facts", tmp_path / "articles"
    shutil.copytree(ROOT / "facts", facts)
    articles.mkdir()
    (articles / "w.md").write_text(
        "<!-- factcheck: ignore lavrov-spelling -- quoting a 2015 headline -->\n"
        "Sergey Lavrov spoke.\n\n<!-- factcheck: ignore no-such-fact -- typo -->\n"
        "More text.\n", encoding="utf-8")
    first = Run(tmp_path / "c", facts, articles)
    again = Run(tmp_path / "c", facts, articles)
    assert again.corpus.prepared_count == 0
    assert [r.waivers for r in again.sel.refs] == [r.waivers for r in first.sel.refs]
    assert again.sel.refs[0].waivers
    assert again.results == first.results == fresh(facts, articles)


# -- through pytest ------------------------------------------------------------------------
def _project(pytester: pytest.Pytester) -> None:
    shutil.copytree(ROOT / "facts", pytester.path / "facts")
    shutil.copytree(SEEDS, pytester.path / "seeds")


def _report(pytester: pytest.Pytester, name: str, *extra: str) -> dict[str, object]:
    result = pytester.runpytest_subprocess("--factcheck", "seeds/", "--factcheck-report", name,
                                           *extra)
    assert result.ret == 1
    data = json.loads((pytester.path / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_plugin_reruns_from_memory(pytester: pytest.Pytester) -> None:
    _project(pytester)
    cold = _report(pytester, "cold.json")
    warm = _report(pytester, "warm.json")
    assert warm == cold
    result = pytester.runpytest_subprocess("--factcheck", "seeds/", "-v")
    result.stdout.fnmatch_lines(["*factcheck: 27 facts: 0 checked afresh, 27 remembered*"])
    cleared = pytester.runpytest_subprocess("--factcheck", "seeds/", "-v", "--cache-clear")
    cleared.stdout.fnmatch_lines(["*factcheck: 27 facts: 27 checked afresh, 0 remembered*"])
    story = sorted((pytester.path / "seeds").glob("*.txt"))[3]
    story.write_text(story.read_text(encoding="utf-8") + "\nSergey Lavrov agreed.\n",
                     encoding="utf-8")
    edited = _report(pytester, "edited.json")
    nocache = _report(pytester, "nocache.json", "-p", "no:cacheprovider")
    assert edited == nocache
    assert edited != cold


def test_many_small_edits_stay_correct(newsroom: tuple[Path, Path], tmp_path: Path) -> None:
    """Memos not rewritten after edits that do not concern their fact stay right."""
    facts, articles = newsroom
    cache = tmp_path / "c"
    Run(cache, facts, articles)
    extra = articles / "brief.txt"
    for n, text in enumerate([
            "The weather in Moscow was cold.\n",
            "Sergey Lavrov met reporters in Moscow.\n",  # concerns lavrov-spelling
            "The weather in Moscow was colder.\n",
            "Rex Tillerson, the U.S. Secretary of State, arrived.\n"]):
        extra.write_text(text, encoding="utf-8")
        run = Run(cache, facts, articles)
        assert run.results == fresh(facts, articles), n
        assert run.memory.stats["checked"] == 0
    extra.unlink()
    run = Run(cache, facts, articles)
    assert run.results == fresh(facts, articles)


def test_a_run_over_a_few_articles_keeps_what_is_known_of_the_others(
        newsroom: tuple[Path, Path], tmp_path: Path) -> None:
    """A pre-commit hook checks the changed files only; the next full run still remembers."""
    facts, articles = newsroom
    cache = tmp_path / "c"
    Run(cache, facts, articles)
    story = _seed(articles, 1)
    story.write_text(story.read_text(encoding="utf-8") + "\nSergey Lavrov agreed.\n",
                     encoding="utf-8")
    part = Run(cache, facts, articles, only=story)
    assert part.results["lavrov-spelling"].contradictions
    full = Run(cache, facts, articles)
    assert full.results == fresh(facts, articles)
    assert full.memory.stats["checked"] == 0
    # Only the edited article is looked at again (by the facts whose terms it holds),
    # never the articles the partial run did not see.
    assert full.memory.stats["articles_rechecked"] <= len(part.results)
    # The articles the partial run did not see are still known: none is loaded again
    # (the edited one may be, for the facts that have not seen its new content).
    assert full.store.hits <= 1
