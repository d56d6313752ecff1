"""The spelling kind (SPEC §3): house style for names and terms."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .kindkit import check, statuses

LAVROV = """\
facts:
  - id: lavrov-spelling
    kind: spelling
    preferred: Sergei Lavrov
    avoid: [Sergey Lavrov]
"""


def test_spec_example_avoided_form_is_a_contradiction(tmp_path: Path) -> None:
    r = check(tmp_path, LAVROV, "He will meet his Russian counterpart, Sergey Lavrov, today.")
    assert statuses(r) == [("contradiction", "Sergey Lavrov")]
    f = r.findings[0]
    assert f.reason == "avoided-spelling"
    assert "Sergei Lavrov" in f.message
    assert (f.line, f.column) == (1, 39)


def test_preferred_form_is_consistent_evidence(tmp_path: Path) -> None:
    r = check(tmp_path, LAVROV, "Sergei Lavrov said nothing.")
    assert statuses(r) == [("consistent", "Sergei Lavrov")]


def test_whole_words_only(tmp_path: Path) -> None:
    fact = LAVROV.replace("[Sergey Lavrov]", "[Sergey]").replace("Sergei Lavrov", "Sergei")
    r = check(tmp_path, fact, "Sergeyev and Sergeyeva met Sergey.")
    assert statuses(r) == [("contradiction", "Sergey")]


def test_case_is_ignored_diacritics_are_not(tmp_path: Path) -> None:
    fact = """\
facts:
  - id: zoe
    kind: spelling
    preferred: Zoë Ball
    avoid: [Zoe Ball]
"""
    r = check(tmp_path, fact, "ZOE BALL hosted; Zoë Ball hosted; zoe ball hosted.")
    assert statuses(r) == [("consistent", "Zoë Ball"), ("contradiction", "ZOE BALL"),
                           ("contradiction", "zoe ball")]


def test_curly_and_straight_apostrophes_are_equal(tmp_path: Path) -> None:
    fact = """\
facts:
  - id: hawks-bay
    kind: spelling
    preferred: Hawke's Bay
    avoid: [Hawkes Bay, Hawk's Bay]
"""
    r = check(tmp_path, fact, "In Hawk\u2019s Bay and Hawke\u2019s Bay and Hawkes Bay.")
    assert statuses(r) == [("consistent", "Hawke\u2019s Bay"),
                           ("contradiction", "Hawk\u2019s Bay"),
                           ("contradiction", "Hawkes Bay")]


def test_avoided_form_across_a_line_break_points_at_the_first_word(tmp_path: Path) -> None:
    r = check(tmp_path, LAVROV, "He will meet his counterpart, Sergey\nLavrov, today.")
    (f,) = r.findings
    assert (f.line, f.column, f.end_line) == (1, 31, 2)


def test_avoided_form_inside_the_preferred_form_is_not_flagged(tmp_path: Path) -> None:
    fact = """\
facts:
  - id: opcw
    kind: spelling
    preferred: Organisation for the Prohibition of Chemical Weapons
    avoid: [Prohibition of Chemical Weapons Organisation, Chemical Weapons]
"""
    r = check(tmp_path, fact, "The Organisation for the Prohibition of Chemical Weapons said.")
    assert [s for s, _ in statuses(r)] == ["consistent"]


@settings(deadline=None, max_examples=100,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_never_crashes_and_marks_stay_in_the_text(tmp_path: Path, text: str) -> None:
    r = check(tmp_path, LAVROV, text)
    for f in r.findings:
        assert f.line >= 1 and f.column >= 1
        assert f.matched.casefold().replace("\n", " ") in {"sergey lavrov", "sergei lavrov"} \
            or " " not in f.matched
