"""GitHub Actions: contradictions printed as workflow commands that point at articles."""

from __future__ import annotations

import pytest

from pytest_factcheck.outputs.github import (
    escape_data,
    escape_property,
    in_github_actions,
    workflow_commands,
)

from .data.editors import HOUSE

pytest_plugins = ["pytester"]


def test_escaping_follows_the_runner_rules() -> None:
    assert escape_data("50% of\r\nthem: a, b") == "50%25 of%0D%0Athem: a, b"
    assert escape_property("50% of\r\nthem: a, b") == "50%25 of%0D%0Athem%3A a%2C b"
    # % first, so an existing escape is not read as one
    assert escape_data("%0A") == "%250A"


def test_in_github_actions_reads_the_environment() -> None:
    assert in_github_actions({"GITHUB_ACTIONS": "true"})
    assert not in_github_actions({"GITHUB_ACTIONS": "false"})
    assert not in_github_actions({})


REPORT = {
    "facts": [{
        "id": "lavrov-spelling", "kind": "spelling", "claim": "Spell it Sergei Lavrov.",
        "file": "facts/house.yaml", "line": 3, "outcome": "failed",
        "findings": [
            {"article": "articles/a, b: c.md", "line": 4, "column": 9, "end_line": 4,
             "end_column": 22, "status": "contradiction", "reason": "avoided-spelling",
             "excerpt": "He met Sergey Lavrov.", "message": "writes 'Sergey Lavrov'; house "
             "style is 'Sergei Lavrov'", "matched": "Sergey Lavrov"},
            {"article": "articles/ok.md", "line": 1, "column": 1, "status": "consistent",
             "reason": "avoided-spelling", "excerpt": "", "message": "ok"},
            {"article": "articles/w.md", "line": 2, "column": 5, "end_line": 2,
             "status": "waived", "reason": "avoided-spelling", "excerpt": "x",
             "message": "m", "waiver": "quoted"},
        ],
    }],
    "errors": [{"file": "facts/bad.yaml", "line": 2, "column": 7, "message": "unknown kind"}],
}


def test_workflow_commands_for_contradictions_waivers_and_errors() -> None:
    cmds = list(workflow_commands(REPORT))
    assert cmds[0] == (
        "::error file=articles/a%2C b%3A c.md,line=4,col=9,endLine=4,endColumn=22,"
        "title=lavrov-spelling::"
        "writes 'Sergey Lavrov'; house style is 'Sergei Lavrov'%0Ain: He met Sergey Lavrov."
        "%0Afact (facts/house.yaml:3): Spell it Sergei Lavrov.")
    assert cmds[1].startswith(
        "::notice file=articles/w.md,line=2,col=5,endLine=2,title=lavrov-spelling (waived)::m")
    assert cmds[1].endswith("%0Awaived: quoted")
    assert cmds[2] == "::error file=facts/bad.yaml,line=2,col=7,title=factcheck::unknown kind"
    assert len(cmds) == 3  # consistent findings are not annotated


DIRTY = """\
---
title: Lucca
---
The ministers met in Lucca.

Rex Tillerson met **Sergey** Lavrov, the Russian minister.
"""


@pytest.fixture
def newsroom(pytester: pytest.Pytester) -> pytest.Pytester:
    (pytester.path / "facts").mkdir()
    (pytester.path / "facts" / "house.yaml").write_text(HOUSE.read_text("utf-8"), "utf-8")
    (pytester.path / "articles").mkdir()
    (pytester.path / "articles" / "dirty.md").write_text(DIRTY, "utf-8")
    return pytester


def test_annotations_printed_in_github_actions(newsroom: pytest.Pytester,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = newsroom.runpytest("--factcheck", "articles/")
    assert result.ret == 1
    lines = [line for line in result.outlines if line.startswith("::error")]
    assert len(lines) == 1
    assert lines[0].startswith(
        "::error file=articles/dirty.md,line=6,col=21,endLine=6,endColumn=36,"
        "title=lavrov-spelling::"
        "writes 'Sergey Lavrov'; house style is 'Sergei Lavrov'%0A")


def test_no_annotations_outside_github_actions(newsroom: pytest.Pytester,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    result = newsroom.runpytest("--factcheck", "articles/")
    assert result.ret == 1
    assert not [line for line in result.outlines if line.startswith("::")]


def test_annotation_for_a_broken_fact_file(newsroom: pytest.Pytester,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (newsroom.path / "facts" / "bad.yaml").write_text(
        "facts:\n  - id: x\n    kind: nonsense\n", "utf-8")
    result = newsroom.runpytest("--factcheck", "articles/")
    errors = [line for line in result.outlines if line.startswith("::error file=facts/bad.yaml")]
    assert errors and ",line=" in errors[0]
