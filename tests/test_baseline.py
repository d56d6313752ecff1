"""Baselines: adopt the checker on an old archive, fail only on new contradictions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pytest_factcheck.baseline import (
    Baseline,
    BaselineError,
    Entry,
    apply_baseline,
    entries_from_report,
    load_baseline,
    summary_lines,
    write_baseline,
)
from pytest_factcheck.model import Fact, FactResult, Finding, SourcePos

from .conftest import ROOT, SEEDS

pytest_plugins = ["pytester"]

FACT = Fact("assad-spelling", "spelling", SourcePos("facts/style.yaml", 20))


def _finding(article: str, line: int, words: str, status: str = "contradiction") -> Finding:
    return Finding(FACT.id, article, line, 1, status, "avoided-spelling",  # type: ignore[arg-type]
                   words, "writes it", matched=words)


def _result(*findings: Finding) -> FactResult:
    return FactResult(FACT, findings=findings, articles_checked=2)


def _baseline(*entries: Entry) -> Baseline:
    return Baseline("b.json", {(e.fact, e.article, e.words): e.count for e in entries})


def _statuses(result: FactResult) -> list[str]:
    return [f.status for f in result.findings]


def always(article: str) -> bool:
    return True


# -- matching ---------------------------------------------------------------
def test_the_same_words_at_a_moved_line_are_baselined() -> None:
    base = _baseline(Entry(FACT.id, "a.txt", "Bashar-al Assad"))
    got = apply_baseline(_result(_finding("a.txt", 40, "Bashar-al  \nAssad")), base, always)
    assert _statuses(got.result) == ["baselined"]
    assert got.result.outcome == "passed" and not got.result.contradictions
    assert got.baselined == 1 and got.fixed == ()


def test_changed_words_are_new_and_the_recorded_ones_fixed() -> None:
    base = _baseline(Entry(FACT.id, "a.txt", "Bashar-al Assad"))
    got = apply_baseline(_result(_finding("a.txt", 1, "Bashar al Assad")), base, always)
    assert _statuses(got.result) == ["contradiction"]
    assert got.result.outcome == "failed"
    assert got.fixed == (Entry(FACT.id, "a.txt", "Bashar-al Assad"),)


def test_counts_are_a_multiset_the_extra_occurrence_is_new() -> None:
    base = _baseline(Entry(FACT.id, "a.txt", "Bashar-al Assad", 2))
    three = _result(*(_finding("a.txt", n, "Bashar-al Assad") for n in (1, 5, 9)))
    got = apply_baseline(three, base, always)
    assert _statuses(got.result) == ["baselined", "baselined", "contradiction"]
    assert [f.line for f in got.result.contradictions] == [9]
    one = apply_baseline(_result(_finding("a.txt", 5, "Bashar-al Assad")), base, always)
    assert _statuses(one.result) == ["baselined"]
    assert one.fixed == (Entry(FACT.id, "a.txt", "Bashar-al Assad", 1),)


def test_a_renamed_article_is_new() -> None:
    base = _baseline(Entry(FACT.id, "old.txt", "Bashar-al Assad"))
    got = apply_baseline(_result(_finding("new.txt", 1, "Bashar-al Assad")), base, always)
    assert _statuses(got.result) == ["contradiction"]
    assert got.fixed == (Entry(FACT.id, "old.txt", "Bashar-al Assad"),)


def test_other_facts_and_waived_findings_are_untouched() -> None:
    base = _baseline(Entry("lavrov-spelling", "a.txt", "Bashar-al Assad"))
    got = apply_baseline(_result(_finding("a.txt", 1, "Bashar-al Assad"),
                                 _finding("a.txt", 2, "Bashar-al Assad", "waived")), base, always)
    assert _statuses(got.result) == ["contradiction", "waived"]


def test_an_entry_is_fixed_only_where_the_run_looked() -> None:
    base = _baseline(Entry(FACT.id, "elsewhere.txt", "Bashar-al Assad"))
    got = apply_baseline(_result(), base, lambda a: a != "elsewhere.txt")
    assert got.fixed == ()


# -- files ------------------------------------------------------------------
def test_write_then_load_round_trips_atomically(tmp_path: Path) -> None:
    entries = [Entry("b", "x.txt", "two words", 2), Entry("a", "y.txt", "w")]
    assert write_baseline(tmp_path / "base.json", entries) == 3
    assert [p.name for p in tmp_path.iterdir()] == ["base.json"]
    data = json.loads((tmp_path / "base.json").read_text("utf-8"))
    assert data["format"] == "pytest-factcheck-baseline"
    assert [e["fact"] for e in data["contradictions"]] == ["a", "b"]
    got = load_baseline(tmp_path / "base.json")
    assert got.counts == {("a", "y.txt", "w"): 1, ("b", "x.txt", "two words"): 2}


def test_a_json_report_is_a_baseline(tmp_path: Path) -> None:
    report = {"facts": [{"id": "f", "findings": [
        {"article": "a.txt", "status": "contradiction", "matched": "X  y"},
        {"article": "a.txt", "status": "baselined", "matched": "X y"},
        {"article": "a.txt", "status": "consistent", "matched": "Z"}]}]}
    (tmp_path / "r.json").write_text(json.dumps(report), "utf-8")
    assert load_baseline(tmp_path / "r.json").counts == {("f", "a.txt", "X y"): 2}
    assert entries_from_report(report["facts"]) == [Entry("f", "a.txt", "X y", 2)]


@pytest.mark.parametrize(("text", "message"), [
    ('{"contradictions": [\n  {"fact": "f",}\n]}', "b.json:2:16: not valid JSON"),
    ("[1, 2]", "b.json: not a baseline"),
    ('{"contradictions": [{"fact": "f", "article": "a"}]}', "b.json: entry 1 of"),
    ('{"contradictions": [{"fact": "f", "article": "a", "words": "w", "count": 0}]}',
     "positive whole 'count'"),
])
def test_a_corrupt_baseline_is_a_located_error(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "b.json").write_text(text, "utf-8")
    with pytest.raises(BaselineError, match=message.replace("(", r"\(")):
        load_baseline(tmp_path / "b.json", "b.json")


def test_a_missing_baseline_says_so(tmp_path: Path) -> None:
    with pytest.raises(BaselineError, match=r"b\.json: no such baseline file"):
        load_baseline(tmp_path / "b.json", "b.json")


def test_summary_lines_list_the_fixed_entries() -> None:
    lines = summary_lines(4, 1, [Entry("f", "a.txt", "w\x1b[2J", 2)])
    assert lines == ["factcheck: 4 contradictions baselined, 1 new; 2 baselined entries no "
                     "longer found (fixed):", "  f in 'a.txt': 'w\\x1b[2J' (x2)"]


# -- end to end -------------------------------------------------------------
OLD = "seeds/002_c4c8d9e8d9b4b65b.txt"


@pytest.fixture
def desk(pytester: pytest.Pytester) -> pytest.Pytester:
    shutil.copytree(ROOT / "facts", pytester.path / "facts")
    shutil.copytree(SEEDS, pytester.path / "seeds")
    result = pytester.runpytest("--factcheck", "seeds/", "--factcheck-baseline-write",
                                "base.json")
    assert result.ret == 1  # writing records the contradictions; it does not hide them
    result.stdout.fnmatch_lines(["factcheck: baseline of 4 contradictions written to base.json"])
    assert sorted(p.name for p in pytester.path.iterdir() if "base" in p.name) == ["base.json"]
    return pytester


def _edit(pytester: pytest.Pytester, path: str, old: str, new: str) -> None:
    p = pytester.path / path
    text = p.read_text("utf-8")
    assert old in text
    p.write_text(text.replace(old, new, 1), "utf-8")


def _report(pytester: pytest.Pytester, name: str = "r.json") -> dict:  # type: ignore[type-arg]
    return json.loads((pytester.path / name).read_text("utf-8"))  # type: ignore[no-any-return]


def test_old_contradictions_pass_and_an_unrelated_edit_keeps_them(desk: pytest.Pytester) -> None:
    p = desk.path / OLD
    p.write_text("An unrelated new first line.\n\n" + p.read_text("utf-8"), "utf-8")
    result = desk.runpytest("--factcheck", "seeds/", "--factcheck-baseline", "base.json",
                            "--factcheck-report", "r.json", "-rP")
    assert result.ret == 0
    result.stdout.fnmatch_lines(["*passed: its 2 contradictions are all recorded in the "
                                 "baseline base.json*",
                                 "factcheck: 4 contradictions baselined, 0 new"])
    report = _report(desk)
    statuses = {(f["id"], x["line"]) for f in report["facts"] for x in f["findings"]
                if x["status"] == "baselined"}
    assert ("assad-spelling", 3) in statuses and ("khan-sheikhoun-spelling", 45) in statuses
    assert report["baseline"] == {"file": "base.json", "baselined": 4, "new": 0, "fixed": []}
    assert report["summary"]["contradictions"] == 0


def test_a_new_contradiction_fails_naming_only_it(desk: pytest.Pytester) -> None:
    _edit(desk, "seeds/001_f175f75c7582221c.txt", "Lavrov", "Sergey Lavrov")
    result = desk.runpytest("--factcheck", "seeds/", "--factcheck-baseline", "base.json",
                            "--factcheck-sarif", "r.sarif")
    assert result.ret == 1
    result.assert_outcomes(failed=1, passed=26)
    out = result.stdout.str()
    assert "seeds/001_f175f75c7582221c.txt:" in out
    assert "seeds/000_0ca5e19bbdfdb48e.txt:39" not in out
    result.stdout.fnmatch_lines(["baselined (recorded earlier, not shown): 1",
                                 "factcheck: 4 contradictions baselined, 1 new"])
    sarif = json.loads((desk.path / "r.sarif").read_text("utf-8"))
    open_alerts = [r for r in sarif["runs"][0]["results"] if not r.get("suppressions")]
    assert [r["ruleId"] for r in open_alerts] == ["lavrov-spelling"]


def test_a_fixed_contradiction_is_listed(desk: pytest.Pytester) -> None:
    _edit(desk, OLD, "Khan Shaykhun", "Khan Sheikhoun")
    result = desk.runpytest("--factcheck", "seeds/", "--factcheck-baseline", "base.json",
                            "--factcheck-report", "r.json")
    assert result.ret == 0
    result.stdout.fnmatch_lines([
        "factcheck: 3 contradictions baselined, 0 new; 1 baselined entry no longer found "
        "(fixed):",
        f"  khan-sheikhoun-spelling in '{OLD}': 'Khan Shaykhun'"])
    assert _report(desk)["baseline"]["fixed"] == [
        {"fact": "khan-sheikhoun-spelling", "article": OLD, "words": "Khan Shaykhun",
         "count": 1}]


def test_a_pre_commit_run_with_a_changed_fact_file(desk: pytest.Pytester) -> None:
    desk.makeini("[pytest]\nfactcheck_articles = seeds/\nfactcheck_baseline = base.json\n")
    result = desk.runpytest("--factcheck", "facts/style.yaml")
    assert result.ret == 0
    result.stdout.fnmatch_lines(["factcheck: 4 contradictions baselined, 0 new"])
    # a changed article only: nothing outside it is reported fixed
    result = desk.runpytest("--factcheck", "seeds/001_f175f75c7582221c.txt")
    assert result.ret == 0
    result.stdout.fnmatch_lines(["factcheck: 0 contradictions baselined, 0 new"])


def test_remembered_results_stay_independent_of_the_baseline(desk: pytest.Pytester) -> None:
    first = desk.runpytest("--factcheck", "seeds/", "--factcheck-baseline", "base.json")
    assert first.ret == 0
    again = desk.runpytest("--factcheck", "seeds/")
    assert again.ret == 1
    again.assert_outcomes(failed=3, passed=24)
    warm = desk.runpytest("--factcheck", "seeds/", "--factcheck-baseline", "base.json")
    assert warm.ret == 0
    warm.stdout.fnmatch_lines(["factcheck: 4 contradictions baselined, 0 new"])


def test_a_baseline_that_cannot_be_written_is_one_error_line(desk: pytest.Pytester) -> None:
    (desk.path / "blocker").write_text("a file, not a folder", "utf-8")
    result = desk.runpytest("--factcheck", "seeds/", "--factcheck-baseline-write",
                            "blocker/base.json")
    assert result.ret == 1
    result.stdout.fnmatch_lines(["factcheck: error: cannot write the baseline to "
                                 "blocker/base.json: *"])
    assert "Traceback" not in result.stdout.str()


@pytest.mark.parametrize(("text", "message"), [
    ('{"format": "pytest-factcheck-baseline",\n "contradictions": [}',
     "*factcheck: base.json:2:21: not valid JSON*"),
    (None, "*factcheck: missing.json: no such baseline file*"),
])
def test_a_bad_baseline_is_a_usage_error(desk: pytest.Pytester, text: str | None,
                                         message: str) -> None:
    name = "missing.json"
    if text is not None:
        name = "base.json"
        (desk.path / name).write_text(text, "utf-8")
    result = desk.runpytest("--factcheck", "seeds/", "--factcheck-baseline", name)
    assert result.ret == 4
    result.stderr.fnmatch_lines([message])
    assert "Traceback" not in result.stdout.str() + result.stderr.str()


def test_two_workers_baseline_like_one(desk: pytest.Pytester) -> None:
    pytest.importorskip("xdist")
    _edit(desk, "seeds/001_f175f75c7582221c.txt", "Lavrov", "Sergey Lavrov")
    _edit(desk, OLD, "Khan Shaykhun", "Khan Sheikhoun")
    args = ("--factcheck", "seeds/", "--factcheck-baseline", "base.json", "-p", "no:randomly")
    serial = desk.runpytest_subprocess(*args, "--factcheck-report", "s.json")
    parallel = desk.runpytest_subprocess(*args, "--factcheck-report", "p.json", "-n", "2")
    assert serial.ret == parallel.ret == 1
    assert _report(desk, "s.json") == _report(desk, "p.json")
    assert _report(desk, "p.json")["baseline"]["fixed"][0]["fact"] == "khan-sheikhoun-spelling"
    parallel.stdout.fnmatch_lines(["factcheck: 3 contradictions baselined, 1 new; 1 baselined "
                                   "entry no longer found (fixed):"])
