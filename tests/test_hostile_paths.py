"""Hostile paths (issue #12): links out of the repository, loops, deep trees,
special files and odd file names, end to end through pytester."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from pytest_factcheck.articles import discover_articles, display_path
from pytest_factcheck.files import OUTSIDE, escape_name, walk_files
from pytest_factcheck.loader import discover_fact_files

from .factyaml import NO_SECRET

pytest_plugins = ["pytester"]

needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and FIFOs")

FACTS = NO_SECRET
SECRET = "root:x:0:0 SECRET-TOKEN here\n"


@pytest.fixture
def repo(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeini("[pytest]\n")  # the rootdir is the repository, whatever the paths
    pytester.makefile(".yaml", **{"facts/house": FACTS})
    (pytester.path / "articles").mkdir()
    (pytester.path / "articles" / "clean.txt").write_text("All is well.\n", encoding="utf-8")
    return pytester


@pytest.fixture
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the repository holding a file the pattern fact would flag."""
    d = tmp_path_factory.mktemp("elsewhere")
    (d / "passwd.txt").write_text(SECRET, encoding="utf-8")
    return d


def run(p: pytest.Pytester, *args: str) -> tuple[pytest.RunResult, dict[str, Any]]:
    result = p.runpytest(f"--rootdir={p.path}", "--factcheck", *args,
                         "--factcheck-report", "out/r.json", "--factcheck-html", "out/r.html",
                         "--factcheck-sarif", "out/r.sarif")
    return result, json.loads((p.path / "out" / "r.json").read_text(encoding="utf-8"))


def assert_never_read(p: pytest.Pytester, result: pytest.RunResult) -> None:
    for name in ("r.json", "r.html", "r.sarif"):
        assert "SECRET-TOKEN here" not in (p.path / "out" / name).read_text(encoding="utf-8")
    assert "SECRET-TOKEN here" not in result.stdout.str()


@needs_posix
def test_file_link_outside_is_skipped_and_never_read(repo: pytest.Pytester,
                                                     outside: Path) -> None:
    (repo.path / "articles" / "leak.txt").symlink_to(outside / "passwd.txt")
    result, report = run(repo, "articles/")
    result.assert_outcomes(passed=1)
    assert result.ret != 0  # a skipped article fails the run
    assert {"file": "articles/leak.txt", "line": 0, "column": 0,
            "message": OUTSIDE} in report["errors"]
    result.stdout.fnmatch_lines([f"skipped article articles/leak.txt: {OUTSIDE}"])
    assert report["facts"][0]["findings"] == []
    assert_never_read(repo, result)


@needs_posix
def test_file_link_outside_given_on_the_command_line_is_skipped(repo: pytest.Pytester,
                                                                outside: Path) -> None:
    (repo.path / "articles" / "leak.txt").symlink_to(outside / "passwd.txt")
    result, report = run(repo, "articles/leak.txt")
    assert [e["message"] for e in report["errors"]] == [OUTSIDE]
    assert report["facts"][0]["findings"] == []
    assert_never_read(repo, result)


@needs_posix
def test_link_to_git_config_above_the_articles_is_inside_and_read(
        repo: pytest.Pytester) -> None:
    # A link to a file elsewhere in the repository is not a leak: it is read.
    (repo.path / "notes.txt").write_text("SECRET-TOKEN is fine here\n", encoding="utf-8")
    (repo.path / "articles" / "notes.txt").symlink_to("../notes.txt")
    result, report = run(repo, "articles/")
    result.assert_outcomes(failed=1)
    assert report["errors"] == []


@needs_posix
def test_folder_link_outside_is_not_followed(repo: pytest.Pytester, outside: Path) -> None:
    (repo.path / "articles" / "more").symlink_to(outside, target_is_directory=True)
    result, report = run(repo, "articles/")
    result.assert_outcomes(passed=1)
    assert {"file": "articles/more", "line": 0, "column": 0,
            "message": OUTSIDE} in report["errors"]
    assert "articles/more/passwd.txt" not in report["articles"]
    assert_never_read(repo, result)


@needs_posix
def test_article_root_given_outside_the_repository_is_trusted(repo: pytest.Pytester,
                                                              outside: Path) -> None:
    result, report = run(repo, str(outside))
    result.assert_outcomes(failed=1)
    assert report["errors"] == []


@needs_posix
def test_symlink_loop_is_walked_once(repo: pytest.Pytester) -> None:
    (repo.path / "articles" / "loop").symlink_to("..", target_is_directory=True)
    (repo.path / "articles" / "self").symlink_to("self")  # a link to itself
    result, report = run(repo, "articles/")
    assert "INTERNALERROR" not in result.stdout.str()
    result.assert_outcomes(passed=1)
    assert report["articles"].count("articles/clean.txt") == 1


def test_deep_tree_is_walked_without_recursion_limit() -> None:
    # Outside pytest's tmp_path: its clean-up (shutil.rmtree) itself recurses.
    top = Path(tempfile.mkdtemp())
    deep = top
    try:
        try:
            for _ in range(1500):  # os.makedirs itself recurses
                deep = deep / "d"
                deep.mkdir()
        except OSError:  # path too long for this file system
            pytest.skip("file system refuses a 1,500-deep path")
        (deep / "deep.txt").write_text("SECRET-TOKEN at the bottom\n", encoding="utf-8")
        assert list(discover_articles([top])) == [deep / "deep.txt"]
    finally:  # bottom-up (os.walk and shutil.rmtree recurse on Python 3.11)
        if (deep / "deep.txt").exists():
            (deep / "deep.txt").unlink()
        while deep != top:
            deep.rmdir()
            deep = deep.parent
        top.rmdir()


@needs_posix
def test_fifo_is_never_opened(repo: pytest.Pytester) -> None:
    os.mkfifo(repo.path / "articles" / "pipe.txt")
    result, report = run(repo, "articles/")  # would hang if the FIFO were opened
    result.assert_outcomes(passed=1)
    assert any(e["file"] == "articles/pipe.txt" and "not a regular file" in e["message"]
               for e in report["errors"])


@needs_posix
def test_fact_file_link_outside_is_skipped(repo: pytest.Pytester,
                                           tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("facts-elsewhere")
    (elsewhere / "x.yaml").write_text(FACTS.replace("no-secret", "other"), encoding="utf-8")
    (repo.path / "facts" / "x.yaml").symlink_to(elsewhere / "x.yaml")
    result, report = run(repo, "articles/")
    result.assert_outcomes(passed=1)  # only the fact inside the repository
    assert {"file": "facts/x.yaml", "line": 0, "column": 0,
            "message": OUTSIDE} in report["errors"]


# -- odd file names -------------------------------------------------------
@needs_posix
@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 names")
def test_non_utf8_and_newline_names_are_escaped_everywhere(repo: pytest.Pytester) -> None:
    folder = os.fsencode(repo.path / "articles")
    with open(os.path.join(folder, b"bad\xff.txt"), "wb") as fh:
        fh.write(b"SECRET-TOKEN one\n")
    (repo.path / "articles" / "two\nlines.txt").write_text("SECRET-TOKEN two\n",
                                                          encoding="utf-8")
    result, report = run(repo, "articles/")
    assert "INTERNALERROR" not in result.stdout.str()
    result.assert_outcomes(failed=1)
    shown = {x["article"] for x in report["facts"][0]["findings"]}
    assert shown == {"articles/bad\\xff.txt", "articles/two\\nlines.txt"}
    out = result.stdout.str()
    assert "articles/bad\\xff.txt:1:1" in out and "articles/two\\nlines.txt:1:1" in out
    sarif = (repo.path / "out" / "r.sarif").read_text(encoding="utf-8")
    html = (repo.path / "out" / "r.html").read_text(encoding="utf-8")
    for name in ("bad\\\\xff.txt", "two\\\\nlines.txt"):  # JSON-escaped backslash
        assert name in html
    for name in ("bad\\xff.txt", "two\\nlines.txt"):  # a URI: the backslash quoted
        assert quote(f"articles/{name}") in sarif


@needs_posix
def test_lone_surrogate_in_a_claim_does_not_break_a_writer(repo: pytest.Pytester) -> None:
    # YAML's "\ud800" escape gives a lone surrogate in the claim.
    (repo.path / "facts" / "house.yaml").write_text(
        FACTS.replace("claim: No article leaks the token.",
                      'claim: "No article leaks \\ud800 the token."'), encoding="utf-8")
    (repo.path / "articles" / "bad.txt").write_text("SECRET-TOKEN\n", encoding="utf-8")
    result, report = run(repo, "articles/")
    assert "INTERNALERROR" not in result.stdout.str()
    assert "UnicodeEncodeError" not in result.stdout.str()
    assert "could not write" not in result.stdout.str()
    assert "\ud800" in report["facts"][0]["claim"]  # written escaped, read back
    result.stdout.fnmatch_lines(["*FAILURES*"])


# -- units ----------------------------------------------------------------
def test_escape_name() -> None:
    assert escape_name("plain/name.txt") == "plain/name.txt"
    assert escape_name("a\udcffb") == "a\\xffb"
    assert escape_name("a\nb\tc\rd") == "a\\nb\\tc\\rd"
    assert escape_name("a\x1bb") == "a\\u001bb"
    assert escape_name("caf\u00e9 \u2014 ok") == "caf\u00e9 \u2014 ok"


def test_display_path_escapes(tmp_path: Path) -> None:
    assert display_path(tmp_path / "x\ny.txt", tmp_path) == "x\\ny.txt"


@needs_posix
def test_walk_reports_folder_links_outside(tmp_path: Path, outside: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "out").symlink_to(outside, target_is_directory=True)
    (tmp_path / "a" / "back").symlink_to(tmp_path / "a", target_is_directory=True)
    told: list[Path] = []
    found = list(walk_files(tmp_path / "a", lambda n: n.endswith(".txt"), None, told.append))
    assert found == [tmp_path / "a" / "x.txt"]
    assert told == [tmp_path / "a" / "out"]
    assert list(discover_articles([tmp_path / "a"])) == [tmp_path / "a" / "x.txt"]


@needs_posix
def test_discover_fact_files_leaves_out_links_outside(tmp_path: Path, outside: Path) -> None:
    (outside / "f.yaml").write_text(FACTS, encoding="utf-8")
    (tmp_path / "ok.yaml").write_text(FACTS, encoding="utf-8")
    (tmp_path / "f.yaml").symlink_to(outside / "f.yaml")
    os.mkfifo(tmp_path / "pipe.yaml")
    told: list[Path] = []
    assert discover_fact_files([tmp_path], told.append) == [tmp_path / "ok.yaml"]
    assert told == [tmp_path / "f.yaml"]
