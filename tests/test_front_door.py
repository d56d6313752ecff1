"""The README's first command, in every order a user types it (issue: the front door).

A repository whose test suite needs packages the demo does not (its
``conftest.py`` imports them) must still run ``pytest --factcheck seeds/``
after a bare ``pip install -e .``: the fact-checking run loads no test conftest.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pytest_factcheck.cli_paths import holds_tests, sort_paths

from .factyaml import LAVROV_SPELLING

pytest_plugins = ["pytester"]

FACTS = "facts:\n" + LAVROV_SPELLING

DIRTY = "Mr Tillerson met his Russian counterpart, Sergey Lavrov, on Wednesday.\n"
CLEAN = "Mr Tillerson met his Russian counterpart, Sergei Lavrov, on Wednesday.\n"


@pytest.fixture
def repo(pytester: pytest.Pytester) -> pytest.Pytester:
    """A newsroom repo like ours: testpaths = tests, whose conftest needs a test-only package."""
    pytester.makepyprojecttoml('[tool.pytest.ini_options]\ntestpaths = ["tests"]\n')
    pytester.makefile(".yaml", **{"facts/house": FACTS})
    (pytester.path / "seeds").mkdir()
    (pytester.path / "seeds" / "a.txt").write_text(DIRTY, encoding="utf-8")
    (pytester.path / "articles").mkdir()
    (pytester.path / "articles" / "b.txt").write_text(CLEAN, encoding="utf-8")
    tests = pytester.path / "tests"
    tests.mkdir()
    (tests / "conftest.py").write_text("import a_test_only_package_not_installed\n")
    (tests / "test_unit.py").write_text("def test_unit():\n    assert True\n")
    return pytester


@pytest.mark.parametrize("args", [
    ("--factcheck", "seeds/"),
    ("seeds/", "--factcheck"),
    ("--factcheck=seeds/",),
    ("seeds/a.txt", "--factcheck"),
])
def test_every_order_checks_seeds_without_the_suite_conftest(
        repo: pytest.Pytester, args: tuple[str, ...]) -> None:
    result = repo.runpytest_subprocess(*args, "-p", "no:cacheprovider")
    out = result.stdout.str() + result.stderr.str()
    assert "a_test_only_package_not_installed" not in out
    assert "ImportError" not in out
    result.assert_outcomes(failed=1)
    assert result.ret == 1
    result.stdout.fnmatch_lines(["factcheck: 1 fact* against seeds/*",
                                 "*seeds/a.txt:1:43*", "*Sergey Lavrov*"])
    assert "articles/b.txt" not in out  # the ini default is not checked instead
    assert "testpaths:" not in out


def test_no_path_checks_the_ini_articles(repo: pytest.Pytester) -> None:
    result = repo.runpytest_subprocess("--factcheck", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
    assert result.ret == 0
    assert "a_test_only_package_not_installed" not in result.stdout.str()


def test_a_folder_of_tests_given_beside_factcheck_still_runs_its_tests(
        pytester: pytest.Pytester) -> None:
    pytester.makefile(".yaml", **{"facts/house": FACTS})
    (pytester.path / "seeds").mkdir()
    (pytester.path / "seeds" / "a.txt").write_text(CLEAN, encoding="utf-8")
    (pytester.path / "unit").mkdir()
    (pytester.path / "unit" / "test_x.py").write_text("def test_x():\n    assert True\n")
    result = pytester.runpytest("unit/", "--factcheck", "seeds/")
    result.assert_outcomes(passed=2)


def test_a_missing_article_folder_is_said_once(repo: pytest.Pytester) -> None:
    result = repo.runpytest_subprocess("--factcheck", "gone/", "-p", "no:cacheprovider")
    assert result.ret == 1
    assert result.stdout.str().count("gone") == 2  # the header line and the one problem
    result.stdout.fnmatch_lines(["*gone*: no such file or folder"])


def test_sort_paths(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text("x")
    (tmp_path / "suite" / "deep").mkdir(parents=True)
    (tmp_path / "suite" / "deep" / "test_a.py").write_text("")
    got = sort_paths(["seeds/", "facts/new.yaml"],
                     ["news", "suite", "x.html", "facts/b.yml", "suite/deep/test_a.py::t",
                      "helpers.py"], tmp_path)
    assert got.articles == ("seeds/", "news", "x.html")
    assert got.fact_files == ("facts/new.yaml", "facts/b.yml")
    assert got.tests == ("suite", "suite/deep/test_a.py::t", "helpers.py")


def test_holds_tests_skips_hidden_folders(tmp_path: Path) -> None:
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "test_site.py").write_text("")
    assert not holds_tests(tmp_path)
    (tmp_path / "conftest.py").write_text("")
    assert holds_tests(tmp_path)
