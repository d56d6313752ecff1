"""Untrusted text never reaches a terminal as a control sequence or a CI log as a command."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pytest_factcheck.outputs.github import escape_data
from pytest_factcheck.outputs.safe_text import neutralise

pytest_plugins = ["pytester"]

HOSTILE = (
    "Sergey Lavrov spoke.\n"
    "::add-mask::secret-value\n"
    "   ::error file=x,line=1::pwned\n"
    "Sergey Lavrov again ##[error]log group trick\n"
    "Sergey Lavrov \x1b]0;stolen title\x07 and \x1b[2J cleared, \x9b31m C1, \u202egnp.exe\n"
)

FACTS = """\
facts:
  - id: lavrov-spelling
    kind: spelling
    claim: "The house spelling is Sergei Lavrov.\\n::error::pwned-by-claim"
    preferred: Sergei Lavrov
    avoid: [Sergey Lavrov]
"""


def runner_commands(lines: list[str]) -> list[str]:
    """The lines a GitHub Actions runner would obey: it strips leading white space,
    obeys lines starting with ``::``, treats ``##[`` anywhere as a command, and
    ignores everything between ``::stop-commands::T`` and ``::T::``."""
    obeyed: list[str] = []
    stopped: str | None = None
    for line in lines:
        s = line.lstrip()
        if stopped is not None:
            if s == f"::{stopped}::":
                stopped = None
            continue
        if m := re.match(r"::stop-commands::(\S+)$", s):
            stopped = m.group(1)
            continue
        if s.startswith("::") or "##[" in line:
            obeyed.append(s)
    return obeyed


@pytest.fixture
def desk(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makefile(".yaml", **{"facts/house": FACTS})
    (pytester.path / "articles").mkdir()
    (pytester.path / "articles" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    return pytester


def test_under_github_actions_only_our_annotations_are_commands(
        desk: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = desk.runpytest_subprocess("--factcheck", "articles/", "-rA")
    assert result.ret == 1
    obeyed = runner_commands(result.outlines)
    assert obeyed, "our own annotations must still be commands"
    assert all(c.startswith("::error file=articles/hostile.txt,") for c in obeyed), obeyed
    assert len(obeyed) == 3  # the slips on lines 1, 4 and 5: one annotation each
    out = result.stdout.str()
    assert "pwned" in out  # the text is shown, as text
    # Even with the runner's stop removed, no untrusted line reads as a command.
    ours = ("::stop-commands::", "::error file=")
    bare = [ln for ln in result.outlines if not ln.startswith(ours)
            and not re.fullmatch(r"::[0-9a-f]{32}::", ln)]
    assert not runner_commands(bare), runner_commands(bare)


def test_no_control_sequence_reaches_the_terminal(desk: pytest.Pytester,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    result = desk.runpytest_subprocess("--factcheck", "articles/")
    assert result.ret == 1
    raw = result.stdout.str()
    assert "stolen title" in raw
    assert "\x1b]" not in raw and "\x07" not in raw and "\x1b[2J" not in raw
    assert "\u202e" not in raw and "\x9b" not in raw
    assert "\\x1b]0;stolen title\\x07" in raw  # shown, visibly


@given(st.text())
def test_neutralised_text_has_no_command_line_and_no_control(text: str) -> None:
    out = neutralise(text)
    for line in out.split("\n"):
        assert not line.lstrip(" \t").startswith("::")
        assert "##[" not in line
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out)
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in out)
    out.encode("utf-8")
    assert neutralise(out) == out


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs"))))
def test_ordinary_text_is_unchanged(text: str) -> None:
    if "::" not in text and "##[" not in text:
        assert neutralise(text) == text


@given(st.text())
def test_an_annotation_message_stays_one_line(text: str) -> None:
    msg = escape_data(text)
    assert "\n" not in msg and "\r" not in msg
    assert not re.search(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]", msg)
