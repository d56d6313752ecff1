"""Entity mentions, ``spelling`` and ``pattern`` on unseen prose (red-team regressions)."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.entities import EntityIndex
from pytest_factcheck.kinds.pattern import FLAGS, compile_pattern, normalize_pattern
from pytest_factcheck.loader import LoadedFact, load_catalog
from pytest_factcheck.model import Entity, SourcePos

from .conftest import prepared
from .kindkit import article, check_fact, desk

# ---------------------------------------------------------------------------
# Entity mentions
# ---------------------------------------------------------------------------
INDEX = EntityIndex({
    "boris": Entity("boris", "Boris Johnson"),
    "may": Entity("may", "Theresa May"),
    "lavrov": Entity("lavrov", "Sergei Lavrov"),
    "rose": Entity("rose", "Mark Rose"),
    "white": Entity("white", "Alan White", ("the prime minister", "Mr White")),
    "g20": Entity("g20", "G20 summit", type="event"),
})


def named(text: str) -> list[tuple[str, list[str]]]:
    return [(m.text, sorted(m.entities)) for m in INDEX.mentions(prepared(text))]


def test_a_relative_with_another_given_name_is_someone_else() -> None:
    assert named("Jo Johnson and Boris Johnson spoke.") == [
        ("Johnson", []), ("Boris Johnson", ["boris"])]
    assert named("Ms May's husband, Philip May, spoke.") == [
        ("Ms May", ["may"]), ("May", [])]
    assert named("Rex W. Rose and Mark W. Rose") == [("Rose", []), ("Rose", ["rose"])]


def test_titles_function_words_and_near_spellings_keep_the_mention() -> None:
    for text in ("Prime Minister Johnson spoke.", "Yesterday Johnson spoke.",
                 "Britain's Johnson spoke.", "MP Johnson spoke.", "But Johnson spoke.",
                 "On Tuesday Johnson spoke.", "Foreign Secretary-designate Johnson spoke.",
                 "B. Johnson spoke."):
        assert named(text) == [("Johnson", ["boris"])], text
    assert named("Sergey Lavrov spoke.") == [("Lavrov", ["lavrov"])]


def test_a_month_is_not_theresa_may() -> None:
    assert named("In May, Mrs May spoke.") == [("May", []), ("Mrs May", ["may"])]
    assert named("On 3 May and May 2019, May spoke.") == [
        ("May", []), ("May", []), ("May", ["may"])]
    assert named("Johnson succeeded May in July.") == [
        ("Johnson", ["boris"]), ("May", ["may"])]


def test_descriptive_alias_beside_another_name_is_not_the_entity() -> None:
    assert named("The prime minister, Theresa May, spoke.") == [
        ("The prime minister", []), ("Theresa May", ["may"])]
    assert named("Rishi Sunak, the prime minister, spoke.") == [("the prime minister", [])]
    assert named("the prime minister Rishi Sunak spoke") == [("the prime minister", [])]
    # its own name, an honorific and a plain sentence keep it
    assert named("The prime minister, Mr White, spoke.") == [
        ("The prime minister", ["white"]), ("Mr White", ["white"])]
    assert named("The prime minister, Alan White, spoke.") == [
        ("The prime minister", ["white"]), ("Alan White", ["white"])]
    assert named("In Osaka, the prime minister spoke.") == [("the prime minister", ["white"])]


TEXT_WORDS = st.lists(st.sampled_from(
    ["Johnson", "Jo", "Boris", "May", "In", "3", "the", "prime", "minister", ",", ".",
     "Mr", "W.", "Sergey", "Lavrov", "Rose", "rose", "mid-", "'s", "Alan", "White",
     "É", "\u0301", "-", "(", ")"]), max_size=25)


@settings(deadline=None, max_examples=200)
@given(TEXT_WORDS)
def test_mentions_never_crash_and_stay_in_the_text(words: list[str]) -> None:
    art = prepared(" ".join(words))
    for m in INDEX.mentions(art):
        assert 0 <= m.start < m.end <= len(art.folded)
        assert m.entities <= set(INDEX.entities)


@settings(deadline=None)
@given(st.text(max_size=120))
def test_mentions_never_crash_on_any_text(text: str) -> None:
    INDEX.mentions(prepared(text))


# ---------------------------------------------------------------------------
# spelling and pattern: fact helpers
# ---------------------------------------------------------------------------
load = desk


def statuses(loaded: LoadedFact, text: str) -> list[tuple[str, str]]:
    return [(f.status, f.matched) for f in check_fact(loaded, [article(text)]).findings]


SPELLING = """
facts:
  - id: kyiv
    kind: spelling
    preferred: Kyiv
    avoid: [Kiev]
  - id: zelenskyy
    kind: spelling
    preferred: Volodymyr Zelenskyy
    avoid: [Zelensky, Zelenskiy, Volodymyr Zelensky]
  - id: qaeda
    kind: spelling
    preferred: al-Qaeda
    avoid: [al-Qaida, al Qaeda]
  - id: hollande
    kind: spelling
    preferred: François Hollande
    avoid: [Francois Hollande]
  - id: assad
    kind: spelling
    preferred: Bashar al-Assad
    avoid: [Bashar Assad]
"""


@pytest.mark.parametrize(("fid", "text", "expected"), [
    ("kyiv", "Zelensky's office said Kiev was calm.", [("contradiction", "Kiev")]),
    ("kyiv", "ZELENSKYY VISITS KIEV", [("contradiction", "KIEV")]),
    ("kyiv", "Kievan Rus was a medieval state.", []),
    ("zelenskyy", "Zelensky's office said.", [("contradiction", "Zelensky")]),
    ("zelenskyy", "Zelenskyy-led talks and Zelenskyyy typos.", []),
    ("zelenskyy", "Volodymyr Zelensky spoke.", [("contradiction", "Volodymyr Zelensky")]),
    ("qaeda", "The al\u2013Qaida cell.", [("contradiction", "al\u2013Qaida")]),
    ("qaeda", "The al-Qaeda cell.", [("consistent", "al-Qaeda")]),
    ("hollande", "Francois Hollande spoke.", [("contradiction", "Francois Hollande")]),
    ("hollande", "FRANÇOIS HOLLANDE spoke.", [("consistent", "FRANÇOIS HOLLANDE")]),
    ("hollande", "Franc\u0327ois Hollande spoke.", [("consistent", "Franc\u0327ois Hollande")]),
    ("assad", "Bashar\nAssad spoke.", [("contradiction", "Bashar\nAssad")]),
    ("assad", "Bashar al-Assad spoke.", [("consistent", "Bashar al-Assad")]),
])
def test_spelling_on_unseen_text(tmp_path: Path, fid: str, text: str,
                                 expected: list[tuple[str, str]]) -> None:
    assert statuses(load(tmp_path, SPELLING)[fid], text) == expected


def test_spec_semantics_avoid_equal_to_preferred_after_normalization(tmp_path: Path) -> None:
    # SPEC: dots in capital abbreviations are dropped, so "U.N." = "UN": a house
    # style that prefers one to the other cannot be written (a fact error).
    (tmp_path / "facts.yaml").write_text(
        "facts:\n  - {id: un, kind: spelling, preferred: UN, avoid: [U.N.]}\n", encoding="utf-8")
    assert load_catalog([tmp_path]).problems


PATTERNS = r"""
facts:
  - id: socgen
    kind: pattern
    when: 'bank'
    require: 'Société Générale'
  - id: un-full
    kind: pattern
    when: 'security council'
    require: 'U\.N\. Security Council|United Nations Security Council'
  - id: zurich
    kind: pattern
    forbid: 'Zürich’s “secret” deal'
  - id: g7
    kind: pattern
    forbid: 'G-7 (summit|meeting) in Rome'
  - id: dash
    kind: pattern
    forbid: 'ceasefire — which'
  - id: collapsed
    kind: pattern
    forbid: 'Société Générale collapsed'
    unless_match: 'rumou?r'
"""


@pytest.mark.parametrize(("fid", "text", "expected"), [
    # a required pattern spelled the way the article spells it must match
    ("socgen", "The bank, Société Générale, said.", [("consistent", "Société Générale")]),
    ("socgen", "The bank, Societe Generale, said.", [("consistent", "Societe Generale")]),
    ("socgen", "The bank said.", [("contradiction", "bank")]),
    ("un-full", "The U.N. Security Council met.", [("consistent", "U.N. Security Council")]),
    ("un-full", "The UN Security Council met.", [("consistent", "UN Security Council")]),
    ("un-full", "The Security Council met.", [("contradiction", "Security Council")]),
    # a forbidden pattern with accents, curly quotes, dashes or G-7 still matches
    ("zurich", "He denied Zürich\u2019s \u201csecret\u201d deal existed.",
     [("contradiction", "Zürich\u2019s \u201csecret\u201d deal")]),
    ("zurich", 'He denied Zurich\'s "secret" deal existed.',
     [("contradiction", 'Zurich\'s "secret" deal')]),
    ("g7", "The G-7 summit in Rome ended.", [("contradiction", "G-7 summit in Rome")]),
    ("g7", "The G7 meeting in Rome ended.", [("contradiction", "G7 meeting in Rome")]),
    ("dash", "The ceasefire \u2014 which began on Monday \u2014 held.",
     [("contradiction", "ceasefire \u2014 which")]),
    ("collapsed", "Société Générale collapsed, the rumour went.",
     [("consistent", "Société Générale collapsed")]),
])
def test_pattern_literals_are_normalized(tmp_path: Path, fid: str, text: str,
                                         expected: list[tuple[str, str]]) -> None:
    assert statuses(load(tmp_path, PATTERNS)[fid], text) == expected


def test_normalize_pattern_leaves_syntax_alone() -> None:
    assert normalize_pattern(r"Société Générale") == "Societe Generale"
    assert normalize_pattern(r"U\.N\. Security") == "UN Security"
    assert normalize_pattern(r"U.S.-led") == "US-led"
    assert normalize_pattern(r"F-16s?") == "F16s?"
    assert normalize_pattern("a \u2014 b") == r"a \- b"
    assert normalize_pattern("\\\u2014") == r"\-"
    for unchanged in (r"[A-Z]\.", r"\d+-\d+", r"(?P<x>Russia) (knew|had known)", r"\p{Lu}\w+",
                      r"[a-z]-\d"):
        assert normalize_pattern(unchanged) == unchanged


@settings(deadline=None)
@given(st.text(max_size=40))
def test_normalize_pattern_never_crashes(source: str) -> None:
    assert isinstance(normalize_pattern(source), str)
    try:
        regex.compile(source, FLAGS)
    except regex.error:
        return
    # a pattern that compiles as written always compiles (rewritten, or as written)
    assert compile_pattern(source, "forbid", SourcePos("f.yaml", 1)) is not None
