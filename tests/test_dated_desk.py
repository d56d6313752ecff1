"""A desk of dated articles end to end: right on their day, stale later, in every report.

``tests/data/dated_desk`` holds dated articles in the three formats (front
matter, an HTML published-time meta tag, ``Date:`` lines, dates in paths) and
one undated one, with facts that changed over time. The README's "Dates"
section shows this run's terminal output.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pytest_factcheck.audit import audit
from pytest_factcheck.report import write_json_report

from .test_resultcache import Run, fresh

pytest_plugins = ["pytester"]

DESK = Path(__file__).parent / "data" / "dated_desk"


@pytest.fixture
def desk(pytester: pytest.Pytester) -> Path:
    shutil.copytree(DESK / "articles", pytester.path / "articles")
    shutil.copytree(DESK / "facts", pytester.path / "facts")
    return pytester.path


def _run(pytester: pytest.Pytester, *extra: str) -> tuple[pytest.RunResult, dict[str, Any]]:
    result = pytester.runpytest_subprocess(
        "--factcheck", "articles", "--facts", "facts", "--factcheck-report", "r.json",
        "--factcheck-sarif", "r.sarif", "--factcheck-html", "r.html", "-p", "no:cacheprovider",
        *extra)
    return result, json.loads((pytester.path / "r.json").read_text(encoding="utf-8"))


def _findings(report: dict[str, Any], fact_id: str) -> list[dict[str, Any]]:
    (fact,) = [f for f in report["facts"] if f["id"] == fact_id]
    return list(fact["findings"])


def test_the_dated_desk(desk: Path, pytester: pytest.Pytester) -> None:
    result, report = _run(pytester)
    result.assert_outcomes(passed=1, failed=2)
    outcomes = {f["id"]: f["outcome"] for f in report["facts"]}
    assert outcomes == {"khan-sheikhoun-death-toll": "failed", "johnson-role": "failed",
                        "tillerson-moscow-talks": "passed"}

    toll = {(f["article"], f["status"], f["reason"]) for f in _findings(
        report, "khan-sheikhoun-death-toll")}
    assert toll == {
        # right on their day: the first-day count on 4 and 5 April ...
        ("articles/2017-04-04-idlib-first-day.md", "consistent", "confirmed"),
        ("articles/morning-papers.txt", "consistent", "confirmed"),
        # ... the revised toll later, and in the undated explainer
        ("articles/wire-update.html", "consistent", "confirmed"),
        ("articles/undated-explainer.txt", "consistent", "confirmed"),
        # the late stale figure
        ("articles/2017-04-11-lucca-analysis.md", "contradiction", "outdated"),
    }
    held = {f["article"]: (f["held_to"], f["article_date"])
            for f in _findings(report, "khan-sheikhoun-death-toll")}
    assert held["articles/morning-papers.txt"] == (
        "as of 2017-04-05 the fact allows 58-100 (first-day counts of 58 dead, still the "
        "figure in the next morning's papers)", "2017-04-05")
    assert held["articles/2017-04-11-lucca-analysis.md"] == (
        "as of 2017-04-11 the fact allows 70-100", "2017-04-11")
    assert held["articles/undated-explainer.txt"][1] is None

    roles = {(f["article"], f["status"], f["reason"]) for f in _findings(report,
                                                                          "johnson-role")}
    assert roles == {
        ("articles/2015/06/02/city-hall.html", "consistent", "confirmed"),
        ("articles/2017-04-11-lucca-analysis.md", "consistent", "confirmed"),
        ("articles/profile.txt", "consistent", "confirmed"),  # "a former Mayor of London"
        ("articles/profile.txt", "contradiction", "outdated"),  # a past title, after its date
    }
    # The preview of 10 April is before the talks fact's 'from': not checked.
    assert [f["article"] for f in _findings(report, "tillerson-moscow-talks")] == [
        "articles/2017-04-13-moscow.txt"]

    out = result.stdout.str()
    assert "articles/2017-04-11-lucca-analysis.md:8:46: outdated" in out
    assert "claims exactly 58, the figure until 5 April 2017" in out
    assert "held to: as of 2017-04-11 the fact allows 70-100" in out
    assert "held to: as of 2017-04-10 the fact allows Foreign Secretary" in out

    sarif = json.loads((pytester.path / "r.sarif").read_text(encoding="utf-8"))
    props = [r["properties"] for run in sarif["runs"] for r in run["results"]]
    assert {p.get("held_to") for p in props} == {
        "as of 2017-04-11 the fact allows 70-100",
        "as of 2017-04-10 the fact allows Foreign Secretary (former: Mayor of London)"}
    page = (pytester.path / "r.html").read_text(encoding="utf-8")
    assert "held to: " in page and "as of 2017-04-11 the fact allows 70-100" in page
    assert '"date":"2017-04-05"' in page  # the plain-text article's date, in the page


def test_a_local_pool_and_xdist_give_the_same_report(desk: Path,
                                                     pytester: pytest.Pytester) -> None:
    _, one = _run(pytester, "--factcheck-workers", "1")
    _, two = _run(pytester, "--factcheck-workers", "2")
    _, xdist = _run(pytester, "-n", "2")
    assert one == two == xdist


def test_remembered_results_follow_a_changed_date_or_history(tmp_path: Path) -> None:
    facts, articles = tmp_path / "facts", tmp_path / "articles"
    shutil.copytree(DESK / "facts", facts)
    shutil.copytree(DESK / "articles", articles)
    assert Run(tmp_path / "c", facts, articles).results == fresh(facts, articles)
    # A later date on the morning papers: the same words are now outdated.
    paper = articles / "morning-papers.txt"
    paper.write_text(paper.read_text(encoding="utf-8").replace("5 April", "7 April"), "utf-8")
    again = Run(tmp_path / "c", facts, articles)
    assert again.results == fresh(facts, articles)
    (bad,) = [f for f in again.results["khan-sheikhoun-death-toll"].contradictions
              if f.article.endswith("morning-papers.txt")]
    assert bad.reason == "outdated"
    # A date in the path: renamed, the same file is held to another day.
    (articles / "undated-explainer.txt").rename(articles / "2017-04-04-explainer.txt")
    third = Run(tmp_path / "c", facts, articles)
    assert third.results == fresh(facts, articles)
    # A longer history: every article is checked again.
    yaml_file = facts / "desk.yaml"
    yaml_file.write_text(yaml_file.read_text(encoding="utf-8").replace(
        "until: 2017-04-05", "until: 2017-04-07"), encoding="utf-8")
    fourth = Run(tmp_path / "c", facts, articles)
    assert fourth.results == fresh(facts, articles)
    assert not fourth.results["khan-sheikhoun-death-toll"].contradictions[0].article.endswith(
        "morning-papers.txt")


def test_the_audit_gives_pytests_report(client: Any, desk: Path,
                                        pytester: pytest.Pytester) -> None:
    _, want = _run(pytester, "--factcheck-workers", "1")
    done = audit([str(desk / "articles")], [str(desk / "facts")], rootdir=desk, client=client)
    write_json_report(desk / "audit.json", done.report)
    assert json.loads((desk / "audit.json").read_text(encoding="utf-8")) == want


def _as_a_reader_sees_it() -> dict[str, str]:
    """The environment of an 80-column terminal outside CI (under ``CI`` pytest
    does not shorten the short test summary, as the README shows it)."""
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "BUILD_NUMBER")}
    env["COLUMNS"] = "80"
    return env


def test_the_readme_shows_this_desks_real_output() -> None:
    """The README's terminal output of the dated desk is what the run prints."""
    root = DESK.parents[2]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--factcheck", "tests/data/dated_desk/articles",
         "--facts", "tests/data/dated_desk/facts", "-p", "no:cacheprovider"],
        cwd=root, capture_output=True, text=True, check=False, env=_as_a_reader_sees_it())
    printed = done.stdout[done.stdout.index("tests/data/dated_desk/facts/desk.yaml FF."):]
    readme = (root / "README.md").read_text(encoding="utf-8")
    start = readme.index("tests/data/dated_desk/facts/desk.yaml FF.")
    shown = readme[start:readme.index("```", start)]

    def timeless(text: str) -> str:
        return re.sub(r" in [0-9.]+s ", " in Ns ", text).strip()

    assert timeless(shown) == timeless(printed)


def test_github_annotations_say_what_the_article_was_held_to(desk: Path,
                                                            pytester: pytest.Pytester) -> None:
    from pytest_factcheck.outputs.github import workflow_commands

    _, report = _run(pytester)
    lines = [c for c in workflow_commands(report) if "outdated" in c or "58" in c]
    assert any("held to: as of 2017-04-11 the fact allows 70-100" in c for c in lines), lines
