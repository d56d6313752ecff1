"""Each report writer fails alone (issue #12), and cache entries carry their key."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

from pytest_factcheck.article import Article, PreparedArticle
from pytest_factcheck.cache import ArticleStore, content_key
from pytest_factcheck.files import write_atomic

from .factyaml import NO_SECRET

pytest_plugins = ["pytester"]

FACTS = NO_SECRET


@pytest.fixture
def repo(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makefile(".yaml", **{"facts/house": FACTS})
    (pytester.path / "articles").mkdir()
    (pytester.path / "articles" / "bad.txt").write_text("SECRET-TOKEN\n", encoding="utf-8")
    return pytester


def tmp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.parametrize("broken", ["json", "sarif", "html"])
def test_one_writer_fails_alone(repo: pytest.Pytester, broken: str) -> None:
    (repo.path / "out").mkdir()
    paths = {k: f"out/r.{k}" for k in ("json", "sarif", "html")}
    # A file where the report's folder should be: that writer cannot write
    # (whoever runs the tests, root included).
    (repo.path / "blocked").write_text("not a folder", encoding="utf-8")
    paths[broken] = f"blocked/r.{broken}"
    result = repo.runpytest("--factcheck", "articles/", "--factcheck-report", paths["json"],
                            "--factcheck-sarif", paths["sarif"],
                            "--factcheck-html", paths["html"])
    out = result.stdout.str()
    assert "INTERNALERROR" not in out and "Traceback" not in out
    what = {"json": "JSON report", "sarif": "SARIF report", "html": "HTML report"}[broken]
    result.stdout.fnmatch_lines([f"factcheck: could not write the {what} to {paths[broken]}: *"])
    result.stdout.fnmatch_lines(["*= FAILURES =*", "*articles/bad.txt:1:1: forbidden*"])
    assert result.ret != 0
    for k, p in paths.items():
        if k != broken:
            assert (repo.path / p).stat().st_size > 0
    assert not (repo.path / "blocked").is_dir()
    assert tmp_files(repo.path) == []


def test_a_writer_that_raises_leaves_no_tmp(repo: pytest.Pytester) -> None:
    # A report path that is a folder: the rename fails after the temp file is written.
    (repo.path / "out" / "r.sarif").mkdir(parents=True)
    result = repo.runpytest("--factcheck", "articles/", "--factcheck-sarif", "out/r.sarif",
                            "--factcheck-report", "out/r.json")
    result.stdout.fnmatch_lines(["factcheck: JSON report written to out/r.json",
                                 "factcheck: could not write the SARIF report to out/r.sarif: *"])
    assert json.loads((repo.path / "out" / "r.json").read_text())["summary"]["failed"] == 1
    assert tmp_files(repo.path) == []
    assert result.ret != 0


def test_clean_run_with_a_failed_writer_exits_non_zero(repo: pytest.Pytester) -> None:
    (repo.path / "articles" / "bad.txt").write_text("All is well.\n", encoding="utf-8")
    (repo.path / "out" / "r.html").mkdir(parents=True)
    result = repo.runpytest("--factcheck", "articles/", "--factcheck-html", "out/r.html")
    result.assert_outcomes(passed=1)
    assert result.ret != 0


def test_write_atomic(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a" / "x.txt", "caf\u00e9 \ud800")  # a lone surrogate: escaped
    assert (tmp_path / "a" / "x.txt").read_bytes() == "caf\u00e9 \\ud800".encode()
    (tmp_path / "dir").mkdir()
    with pytest.raises(OSError):
        write_atomic(tmp_path / "dir", b"x")
    assert tmp_files(tmp_path) == []
    assert sorted(os.listdir(tmp_path)) == ["a", "dir"]


# -- cache entries carry their key -------------------------------------------
def test_swapped_cache_files_are_a_miss(tmp_path: Path) -> None:
    store = ArticleStore(tmp_path)
    a, b = b"Alpha text.\n", b"Beta text.\n"
    ka, kb = content_key(a, ".txt"), content_key(b, ".txt")
    store.save(ka, PreparedArticle(Article.from_text(a.decode(), "")))
    store.save(kb, PreparedArticle(Article.from_text(b.decode(), "")))
    pa, pb = store._path(ka), store._path(kb)
    da, db = pa.read_bytes(), pb.read_bytes()
    assert pickle.loads(da)[3] == ka  # the entry names its key
    pa.write_bytes(db)
    pb.write_bytes(da)
    fresh = ArticleStore(tmp_path)
    assert fresh.load(ka, "a.txt") is None
    assert fresh.load(kb, "b.txt") is None
    assert fresh.misses == 2 and fresh.discarded == 2


def test_swapped_remembered_results_are_a_miss(tmp_path: Path) -> None:
    from pytest_factcheck.resultcache import ResultStore

    store = ResultStore(tmp_path)
    store.catalog_key = "k"
    pa, pb = store._memo_path("fact-a"), store._memo_path("fact-b")
    store._write(pa, "memo", "for a")
    store._write(pb, "memo", "for b")
    assert store._read(pa, "memo") == "for a"
    da, db = pa.read_bytes(), pb.read_bytes()
    pa.write_bytes(db)
    pb.write_bytes(da)
    assert store._read(pa, "memo") is None
    assert store._read(pb, "memo") is None


def test_sarif_uri_of_a_name_that_is_not_utf8() -> None:
    """Found by scripts/fuzz_hostile.py: a library caller's raw path with a byte that
    is not UTF-8 (a lone surrogate in Python) broke the SARIF writer."""
    from pytest_factcheck.outputs.sarif import _uri

    assert _uri("/srv/articles/b\udcff.txt") == "file:///srv/articles/b%FF.txt"
    assert _uri("articles/\ud800x.txt").startswith("articles/")


def test_sarif_fingerprint_of_a_claim_with_a_lone_surrogate() -> None:
    from pytest_factcheck.outputs.sarif import _fingerprint

    f = {"article": "b\udcff.txt", "matched": "x\ud800", "line": 1, "column": 1,
         "reason": "avoided-spelling"}
    assert len(_fingerprint("s", f)) == 32
