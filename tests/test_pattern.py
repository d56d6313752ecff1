"""The pattern kind (SPEC §3): the escape hatch."""

from __future__ import annotations

from pathlib import Path

import pytest

from pytest_factcheck.loader import load_catalog

from .kindkit import check, statuses

FOREKNOWLEDGE = """\
facts:
  - id: no-foreknowledge-as-fact
    kind: pattern
    forbid: 'Russia (knew|had known) (in advance|beforehand)'
    unless_match: '(report|claim|alleg|conclusion|suggest|say)'
"""

OPCW = """\
facts:
  - id: opcw-full-name
    kind: pattern
    when: 'prohibition of chemical weapons'
    require: 'organi[sz]ation for the prohibition of chemical weapons'
"""


def test_forbid_asserted_is_a_contradiction(tmp_path: Path) -> None:
    r = check(tmp_path, FOREKNOWLEDGE, "Washington is sure. Russia knew in advance of the attack.")
    assert statuses(r) == [("contradiction", "Russia knew in advance")]
    assert r.findings[0].reason == "forbidden"
    assert (r.findings[0].line, r.findings[0].column) == (1, 21)


def test_forbid_reported_is_consistent(tmp_path: Path) -> None:
    text = ("US officials reached the preliminary conclusion that Russia knew in advance of the "
            "chemical weapons attack.")
    assert statuses(check(tmp_path, FOREKNOWLEDGE, text)) == [
        ("consistent", "Russia knew in advance")]


def test_unless_match_reads_only_the_same_window(tmp_path: Path) -> None:
    text = "Officials made a claim on Monday. Russia had known beforehand."
    assert statuses(check(tmp_path, FOREKNOWLEDGE, text)) == [
        ("contradiction", "Russia had known beforehand")]
    para = FOREKNOWLEDGE + "    window: paragraph\n"
    assert statuses(check(tmp_path, para, text)) == [
        ("consistent", "Russia had known beforehand")]


def test_patterns_are_case_insensitive_on_normalized_text(tmp_path: Path) -> None:
    fact = """\
facts:
  - id: un
    kind: pattern
    forbid: 'UN-brokered deal'
"""
    assert statuses(check(tmp_path, fact, "a U.N.\u2011brokered deal")) == [
        ("contradiction", "U.N.\u2011brokered deal")]


def test_require_missing_after_when_contradicts_at_the_when_match(tmp_path: Path) -> None:
    text = "Intro.\nInvestigators from the OPCW, the body for the Prohibition of Chemical " \
           "Weapons, will go."
    r = check(tmp_path, OPCW, text)
    assert statuses(r) == [("contradiction", "Prohibition of Chemical Weapons")]
    assert r.findings[0].reason == "missing-required"
    assert (r.findings[0].line, r.findings[0].column) == (2, 47)


def test_each_require_match_is_consistent(tmp_path: Path) -> None:
    text = ("The Organisation for the Prohibition of Chemical Weapons and the Organization for "
            "the Prohibition of Chemical Weapons are one.")
    r = check(tmp_path, OPCW, text)
    assert [s for s, _ in statuses(r)] == ["consistent", "consistent"]


def test_without_when_any_article_must_match_require(tmp_path: Path) -> None:
    fact = """\
facts:
  - id: byline
    kind: pattern
    require: 'reporting by'
"""
    r = check(tmp_path, fact, "No byline here.", "Reporting by Jane Doe.")
    assert statuses(r) == [("contradiction", ""), ("consistent", "Reporting by")]
    assert (r.findings[0].article, r.findings[0].line, r.findings[0].column) == ("a0.txt", 1, 1)


def test_an_article_without_the_when_term_is_silent(tmp_path: Path) -> None:
    assert check(tmp_path, OPCW, "Nothing about chemical weapons here.").findings == ()


@pytest.mark.parametrize(("field", "pattern"), [("forbid", "Russia (knew"),
                                                 ("require", "[a-"), ("when", "a{2,1}")])
def test_bad_regex_is_a_located_error(tmp_path: Path, field: str, pattern: str) -> None:
    extra = "    require: x\n" if field == "when" else ""
    (tmp_path / "f.yaml").write_text(
        f"facts:\n  - id: p\n    kind: pattern\n    {field}: '{pattern}'\n{extra}",
        encoding="utf-8")
    cat = load_catalog([tmp_path / "f.yaml"])
    (problem,) = cat.problems
    assert (problem.line, problem.column) == (4, 5 + len(field) + 2)
    assert "regular expression" in problem.message and field in problem.message
