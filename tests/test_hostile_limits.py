"""Hostile fact files: load-time limits and a per-fact time budget (issue #12).

A term long enough to crash the matcher, an alias that multiplies a large
value, a term that normalises to nothing and a runaway pattern are each a
located error that disables only what holds it; the run goes on and says so
in every report.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pytest_factcheck.limits import MAX_FILE_CHARS, MAX_TERM, term_errors
from pytest_factcheck.loader import load_catalog
from pytest_factcheck.model import SourcePos
from pytest_factcheck.text.normalize import normalize_phrase

from .factyaml import LAVROV_SPELLING

ARTICLE = "Sergey Lavrov met the OPCW today.\n"
OPCW = """\
  - id: opcw-spelling
    kind: spelling
    preferred: OPCW
    avoid: [O.P.C.W]
"""


def setup_run(pytester: pytest.Pytester, facts: str, *, articles: int = 1,
              ini: str = "") -> None:
    pytester.mkdir("facts")
    (pytester.path / "facts" / "f.yaml").write_text(facts, encoding="utf-8")
    (pytester.path / "facts" / "other.yaml").write_text("facts:\n" + LAVROV_SPELLING)
    pytester.mkdir("articles")
    for i in range(articles):
        (pytester.path / "articles" / f"a{i}.txt").write_text(ARTICLE)
    if ini:
        pytester.makeini("[pytest]\n" + ini)


def run_json(pytester: pytest.Pytester, *args: str) -> tuple[pytest.RunResult, dict]:
    result = pytester.runpytest("--factcheck", "articles", "-p", "no:cacheprovider",
                                "--factcheck-report", "r.json", *args)
    return result, json.loads((pytester.path / "r.json").read_text(encoding="utf-8"))


def test_a_huge_avoid_term_is_a_located_fact_error(pytester: pytest.Pytester) -> None:
    big = "x" * 600_000
    setup_run(pytester, "facts:\n" + OPCW + f"""\
  - id: huge
    kind: spelling
    preferred: Sergei Lavrov
    avoid: [Sergey Lavrov, "{big}"]
""")
    result, report = run_json(pytester)
    assert result.ret == pytest.ExitCode.TESTS_FAILED  # not 139 (a crash)
    result.assert_outcomes(passed=1, failed=2)  # opcw passes; lavrov fails; huge is broken
    result.stdout.fnmatch_lines([
        "*facts/f.yaml:9:28: 'avoid' holds a value of 600,000 characters, longer than a "
        f"term may be ({MAX_TERM:,})*"])
    assert report["summary"]["not_checked"] == 1
    lavrov = next(f for f in report["facts"] if f["id"] == "lavrov-spelling")
    assert lavrov["counts"]["contradicting"] == 1  # the other facts still ran


def test_a_huge_entity_alias_disables_the_entity(tmp_path: Path) -> None:
    p = tmp_path / "f.yaml"
    p.write_text("entities:\n  lavrov:\n    name: Sergei Lavrov\n"
                 f"    aliases: [Lavrov, \"{'y' * 2000}\"]\n"
                 "facts:\n" + OPCW, encoding="utf-8")
    cat = load_catalog([p], display={p: "f.yaml"})
    assert [str(e)[:60] for e in cat.problems] == [
        "f.yaml:4:23: 'aliases' holds a value of 2,000 characters, lo"]
    assert [f.fact.id for f in cat.facts] == ["opcw-spelling"]


def test_a_long_quote_text_is_allowed(tmp_path: Path) -> None:
    words = " ".join(["word"] * 400)  # about 2,000 characters: prose, not a term
    p = tmp_path / "f.yaml"
    p.write_text(f"facts:\n  - id: q\n    kind: quote\n    speaker: Sergei Lavrov\n"
                 f"    text: \"{words}\"\n", encoding="utf-8")
    cat = load_catalog([p], display={p: "f.yaml"})
    assert cat.problems == []
    assert [f.fact.id for f in cat.facts] == ["q"]


def test_alias_amplification_is_a_file_error(pytester: pytest.Pytester) -> None:
    uses = "\n".join("      - *a" for _ in range(5_000))  # 5,000 x 200 kB = 1 GB expanded
    setup_run(pytester, f"x: &a \"{'y' * 200_000}\"\nfacts:\n" + OPCW + """\
  - id: bomb
    kind: spelling
    preferred: A
    avoid:
""" + uses + "\n")
    result, report = run_json(pytester)  # finishes (no hour-long compile)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines([
        f"*facts/f.yaml:1:4: the values of this file add up to more than "
        f"{MAX_FILE_CHARS:,} characters*alias bomb*"])
    assert (pytester.path / "r.json").stat().st_size < 100_000
    assert [f["id"] for f in report["facts"]] == ["lavrov-spelling"]


def test_a_term_that_normalises_to_nothing_is_a_fact_error(pytester: pytest.Pytester
                                                            ) -> None:
    setup_run(pytester, "facts:\n" + OPCW + """\
  - id: invisible
    kind: spelling
    preferred: OPCW
    avoid: ["\\u200b"]
""", articles=3)
    result, report = run_json(pytester)
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(["*facts/f.yaml:9:13: 'avoid' holds '\\u200b', which "
                                 "normalises to nothing*"])
    assert "invisible" not in {f["id"] for f in report["facts"]}
    opcw = next(f for f in report["facts"] if f["id"] == "opcw-spelling")
    assert opcw["counts"]["contradicting"] == 0  # nothing matches "everywhere"
    assert report["summary"]["not_checked"] == 1


RUNAWAY = """\
  - id: runaway
    kind: pattern
    forbid: '(.*){1,40}the\\d{7}'
"""


@pytest.mark.parametrize("budget", ["0.5", "60"])
def test_a_runaway_pattern_is_stopped_and_reported(pytester: pytest.Pytester,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   budget: str) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    setup_run(pytester, "facts:\n" + OPCW + RUNAWAY, articles=4,
              ini=f"factcheck_timeout = 0.2\nfactcheck_fact_budget = {budget}\n")
    for i in range(4):  # long enough that the pattern runs past its time limit
        (pytester.path / "articles" / f"a{i}.txt").write_text(
            ARTICLE + "the the the " * 400 + "\n")
    result, report = run_json(pytester, "--factcheck-sarif", "r.sarif")
    result.assert_outcomes(passed=1, failed=2)
    errors = [e for e in report["errors"] if "runaway" in e["message"]]
    assert len(errors) == 1, report["errors"]
    err = errors[0]
    assert (err["file"], err["line"], err["column"]) == ("facts/f.yaml", 6, 5)
    assert "articles/a" in err["message"]
    assert "not run on further articles" in err["message"]
    runaway = next(f for f in report["facts"] if f["id"] == "runaway")
    assert runaway["outcome"] == "error"
    sarif = json.loads((pytester.path / "r.sarif").read_text(encoding="utf-8"))
    inv = sarif["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert any("runaway" in n["message"]["text"] for n in inv["toolExecutionNotifications"])
    result.stdout.fnmatch_lines(["::error file=facts/f.yaml,line=6*runaway*"])
    result.stdout.fnmatch_lines(["FAILED facts/f.yaml::runaway - error: facts/f.yaml:6:5:*"])
    lavrov = next(f for f in report["facts"] if f["id"] == "lavrov-spelling")
    assert lavrov["counts"]["contradicting"] == 4  # the other facts still report


def test_the_budget_stops_a_slow_fact_before_it_times_out(pytester: pytest.Pytester
                                                          ) -> None:
    setup_run(pytester, "facts:\n  - id: slow\n    kind: pattern\n    forbid: 'the'\n",
              articles=5, ini="factcheck_fact_budget = 0\n")
    result, report = run_json(pytester)
    errors = [e["message"] for e in report["errors"] if "slow" in e["message"]]
    assert len(errors) == 1
    assert "past the budget of 0 s (ini factcheck_fact_budget)" in errors[0]
    assert "over 1 articles" in errors[0]  # stopped after the first article
    slow = next(f for f in report["facts"] if f["id"] == "slow")
    assert len(slow["findings"]) == 1  # the first article was checked, no other
    assert slow["outcome"] == "failed"
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_a_bad_budget_is_a_usage_error(pytester: pytest.Pytester) -> None:
    setup_run(pytester, "facts:\n" + OPCW, ini="factcheck_fact_budget = soon\n")
    result = pytester.runpytest("--factcheck", "articles", "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*factcheck_fact_budget must be a number of seconds*"])


@given(st.text(alphabet=st.sampled_from("\u200b\u200c\u200d\u2060\ufeff\u00ad"), min_size=1))
def test_invisible_terms_are_refused(term: str) -> None:
    errs = term_errors({"avoid": [term]}, lambda *path: SourcePos("f.yaml", 1, 1))
    assert [e.message.split(",")[0] for e in errs] == [f"'avoid' holds {term!r}"]


@given(st.text(min_size=1, max_size=40))
def test_a_term_that_keeps_a_letter_is_accepted(term: str) -> None:
    errs = term_errors({"avoid": [term]}, lambda *path: SourcePos("f.yaml", 1, 1))
    visible = normalize_phrase(term).strip()
    assert bool(errs) == (bool(term.strip()) and not visible)
