"""What an editor reads in the terminal: the short summary line, reason words,
the remembered-results line, and the -n note."""

from __future__ import annotations

import json

import pytest

from pytest_factcheck.outputs.summary import memory_line, xdist_note

from .test_plugin import DIRTY, HOUSE

pytest_plugins = ["pytester"]

TOLL = """\
facts:
  - id: dunmore-death-toll
    kind: quantity
    claim: The Dunmore fire killed four people.
    cues: [killed, dead]
    min: 4
    max: 4
"""


@pytest.fixture
def desk(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makefile(".yaml", **{"facts/house": HOUSE})
    (pytester.path / "articles").mkdir()
    (pytester.path / "articles" / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    return pytester


def test_short_summary_names_article_line_and_message(desk: pytest.Pytester) -> None:
    result = desk.runpytest("--factcheck", "articles/", "-rf", "-vv", "-p", "no:cacheprovider")
    result.stdout.fnmatch_lines([
        "FAILED facts/house.yaml::lavrov-spelling - articles/dirty.txt:3:1 writes "
        "'Sergey Lavrov'; house style is 'Sergei Lavrov'"])


def test_short_summary_counts_the_other_contradictions(pytester: pytest.Pytester) -> None:
    pytester.makefile(".yaml", **{"facts/toll": TOLL})
    (pytester.path / "articles").mkdir()
    (pytester.path / "articles" / "a.txt").write_text(
        "The fire killed 5 people.\n\nThe weather was fine.\n\n"
        "In all the fire killed 7 people.\n", encoding="utf-8")
    result = pytester.runpytest("--factcheck", "articles/", "-rf", "-vv",
                                "-p", "no:cacheprovider")
    result.stdout.fnmatch_lines([
        "FAILED facts/toll.yaml::dunmore-death-toll - articles/a.txt:1:10 claims exactly 5; "
        "the fact allows exactly 4 (+1 more)"])


def test_reason_codes_are_explained_in_words(desk: pytest.Pytester) -> None:
    result = desk.runpytest("--factcheck", "articles/", "-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(["reasons: avoided-spelling = a spelling house style avoids"])


def test_consistent_findings_carry_the_reason_confirmed(desk: pytest.Pytester) -> None:
    (desk.path / "articles" / "clean.txt").write_text(
        "He met Sergei Lavrov on Wednesday.\n", encoding="utf-8")
    desk.runpytest("--factcheck", "articles/", "--factcheck-report", "r.json",
                   "-p", "no:cacheprovider")
    report = json.loads((desk.path / "r.json").read_text(encoding="utf-8"))
    assert report["version"] == 2
    found = {(x["status"], x["reason"]) for f in report["facts"] for x in f["findings"]}
    assert found == {("consistent", "confirmed"), ("contradiction", "avoided-spelling")}


def test_quiet_run_says_in_one_line_what_it_remembered(desk: pytest.Pytester) -> None:
    desk.runpytest_subprocess("--factcheck", "articles/")
    (desk.path / "articles" / "new.txt").write_text("Sergei Lavrov spoke.\n", encoding="utf-8")
    result = desk.runpytest_subprocess("--factcheck", "articles/", "-q")
    lines = [ln for ln in result.stdout.lines if ln.startswith("factcheck: 2 facts:")]
    assert lines == ["factcheck: 2 facts: 0 checked afresh, 2 remembered "
                     "(all re-checked on 1 new or changed article); 1 article read"]


def test_memory_line_adds_up() -> None:
    assert memory_line(checked=3, remembered=10, partly=4, changed=2, prepared=2) == (
        "factcheck: 17 facts: 3 checked afresh, 14 remembered "
        "(4 of them re-checked on 2 new or changed articles); 2 articles read")
    assert memory_line(checked=0, remembered=5, partly=0, changed=0, prepared=0) == (
        "factcheck: 5 facts: 0 checked afresh, 5 remembered; 0 articles read")


def test_xdist_note_says_who_checked() -> None:
    assert xdist_note(2, 40, 2).startswith(
        "factcheck: -n 2: 40 articles read and checked once, by 2 processes of this run")
    assert "1 process of this run" in xdist_note(3, 1, 1)
    assert xdist_note(0, 40, 2) == ""


def test_xdist_note_is_said_once(desk: pytest.Pytester) -> None:
    pytest.importorskip("xdist")
    result = desk.runpytest_subprocess("--factcheck", "articles/", "-n", "2",
                                       "-p", "no:randomly")
    notes = [ln for ln in result.stdout.lines
             if ln.startswith("factcheck: -n 2: 1 article read and checked once")]
    assert len(notes) == 1
