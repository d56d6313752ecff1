"""The on-disk cache of prepared articles: faster re-runs, never a wrong or failed one."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from pytest_factcheck.article import PreparedArticle
from pytest_factcheck.articles import parse_article
from pytest_factcheck.cache import ArticleStore, content_key
from pytest_factcheck.corpus import Corpus

pytest_plugins = ["pytester"]

STORY = ("Mr Tillerson met \u201cSergey Lavrov\u201d in Moscow.\n\n"
         "The U.N. envoy said the G-7 talks would go on.  Caf\u00e9 owners agreed.\n")
FACTS = """\
facts:
  - id: lavrov-spelling
    kind: spelling
    preferred: Sergei Lavrov
    avoid: [Sergey Lavrov]
"""


def _prepared(text: str = STORY, name: str = "a.txt") -> PreparedArticle:
    return PreparedArticle(parse_article(text.encode(), name, ".txt"))


def _entries(root: Path) -> list[Path]:
    return sorted(root.rglob("*.pickle"))


def test_round_trip_keeps_everything_but_per_run_data(tmp_path: Path) -> None:
    store = ArticleStore(tmp_path)
    original = _prepared()
    original.cache["mentions"] = ("per run",)
    _ = original.folded_lower
    key = content_key(STORY.encode(), ".txt")
    store.save(key, original)
    back = store.load(key, "elsewhere/b.txt")
    assert back is not None
    assert back.path == "elsewhere/b.txt"
    assert back.cache == {}
    assert "folded_lower" not in vars(back)
    assert (back.surface, back.folded) == (original.surface, original.folded)
    assert back.sentences == original.sentences and back.paragraphs == original.paragraphs
    for s in back.sentences:
        assert back.to_source(s.start, s.end) == original.to_source(s.start, s.end)
        assert back.original(s.start, s.end) == original.original(s.start, s.end)
    assert back.folded_lower == original.folded_lower


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", pickle.dumps("wrong shape"),
                                     pickle.dumps(("pytest-factcheck/prepared", 999, "x", "y",
                                                   {}))])
def test_a_bad_entry_is_discarded_never_fatal(tmp_path: Path, garbage: bytes) -> None:
    store = ArticleStore(tmp_path)
    key = content_key(b"x", ".txt")
    store.save(key, _prepared())
    (entry,) = _entries(tmp_path)
    entry.write_bytes(garbage)
    assert store.load(key, "a.txt") is None
    assert not entry.exists()
    assert store.discarded == 1


def test_an_entry_under_another_key_is_not_trusted(tmp_path: Path) -> None:
    store = ArticleStore(tmp_path)
    k1, k2 = content_key(b"one", ".txt"), content_key(b"two", ".txt")
    store.save(k1, _prepared())
    (entry,) = _entries(tmp_path)
    target = store.root / k2[:2] / f"{k2}.pickle"
    target.parent.mkdir(parents=True, exist_ok=True)
    entry.rename(target)
    assert store.load(k2, "a.txt") is None


def test_the_key_is_the_content_and_the_format() -> None:
    assert content_key(b"abc", ".txt") == content_key(b"abc", ".TXT")
    assert content_key(b"abc", ".txt") != content_key(b"abc", ".md")
    assert content_key(b"abc", ".txt") != content_key(b"abd", ".txt")


def test_other_code_versions_are_pruned(tmp_path: Path) -> None:
    stale = tmp_path / "0123456789abcdef" / "ab"
    stale.mkdir(parents=True)
    (stale / "x.pickle").write_bytes(b"old")
    ArticleStore(tmp_path)
    assert not (tmp_path / "0123456789abcdef").exists()


def test_corpus_prepares_only_changed_articles(tmp_path: Path) -> None:
    arts = tmp_path / "articles"
    arts.mkdir()
    for i in range(5):
        (arts / f"s{i}.txt").write_text(f"Story {i} about Sergey Lavrov.\n", encoding="utf-8")
    store_root = tmp_path / "cache"
    first = Corpus(tmp_path, store=ArticleStore(store_root))
    cold = first.load([arts])
    assert first.prepared_count == 5
    (arts / "s3.txt").write_text("Story 3, edited.\n", encoding="utf-8")
    second = Corpus(tmp_path, store=ArticleStore(store_root))
    warm = second.load([arts])
    assert second.prepared_count == 1
    assert [a.path for a in warm.articles] == [a.path for a in cold.articles]
    assert warm.articles[3].surface == "Story 3, edited."
    assert [a.folded for a in warm.articles[:3]] == [a.folded for a in cold.articles[:3]]


def test_unreadable_articles_are_still_reported_with_a_cache(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe bad")
    corpus = Corpus(tmp_path, store=ArticleStore(tmp_path / "cache"))
    sel = corpus.load([tmp_path / "bad.txt"])
    assert not sel.articles
    assert "UTF-8" in sel.problems[0].message
    assert not _entries(tmp_path / "cache")


def _project(pytester: pytest.Pytester) -> None:
    pytester.makefile(".yaml", **{"facts/house": FACTS})
    for i in range(4):
        pytester.makefile(".txt", **{f"articles/s{i}": f"Story {i}: Sergey Lavrov spoke.\n"})


def _cache_entries(pytester: pytest.Pytester) -> list[Path]:
    return _entries(pytester.path / ".pytest_cache" / "d" / "factcheck")


def test_plugin_uses_and_clears_the_cache(pytester: pytest.Pytester) -> None:
    _project(pytester)
    args = ["--factcheck", "articles", "--facts", "facts", "--factcheck-report"]
    cold = pytester.runpytest_subprocess(*args, "cold.json")
    cold.assert_outcomes(failed=1)
    assert len(_cache_entries(pytester)) == 4
    (pytester.path / "articles" / "s2.txt").write_text("Story 2, edited: Sergei Lavrov.\n")
    warm = pytester.runpytest_subprocess(*args, "warm.json")
    warm.assert_outcomes(failed=1)
    assert len(_cache_entries(pytester)) == 5  # only the edited article was added
    report = json.loads((pytester.path / "warm.json").read_text())
    assert {f["article"] for f in report["facts"][0]["findings"]
            if f["status"] == "contradiction"} == {"articles/s0.txt", "articles/s1.txt",
                                                     "articles/s3.txt"}
    cleared = pytester.runpytest_subprocess(*args, "cleared.json", "--cache-clear")
    cleared.assert_outcomes(failed=1)
    assert len(_cache_entries(pytester)) == 4
    assert (pytester.path / "warm.json").read_text() == (
        pytester.path / "cleared.json").read_text()


def test_plugin_survives_a_corrupt_cache(pytester: pytest.Pytester) -> None:
    _project(pytester)
    args = ["--factcheck", "articles", "--facts", "facts", "--factcheck-report"]
    pytester.runpytest_subprocess(*args, "a.json").assert_outcomes(failed=1)
    for entry in _cache_entries(pytester):
        entry.write_bytes(b"\x80\x05garbage")
    pytester.runpytest_subprocess(*args, "b.json").assert_outcomes(failed=1)
    assert (pytester.path / "a.json").read_text() == (pytester.path / "b.json").read_text()


def test_without_the_cache_plugin_nothing_is_written(pytester: pytest.Pytester) -> None:
    _project(pytester)
    result = pytester.runpytest_subprocess("--factcheck", "articles", "--facts", "facts",
                                           "-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    assert not (pytester.path / ".pytest_cache").exists()
