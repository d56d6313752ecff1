"""Entity forms (SPEC §3) and the mentions of them in articles."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.entities import EntityIndex
from pytest_factcheck.model import Entity

from .conftest import prepared

INDEX = EntityIndex({
    "putin": Entity("putin", "Vladimir Putin", ("the Russian President",)),
    "lavrov": Entity("lavrov", "Sergei Lavrov", ("Sergey Lavrov",)),
    "rose": Entity("rose", "Mark Rose"),
    "john-smith": Entity("john-smith", "John Smith"),
    "jane-smith": Entity("jane-smith", "Jane Smith", ("Ms Smith",)),
    "g7": Entity("g7", "G7 meeting", ("G-7 gathering",), type="event"),
    "moscow": Entity("moscow", "Moscow", type="place"),
})


def named(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.entity) for m in INDEX.mentions(prepared(text))]


def test_a_person_matches_name_aliases_last_word_and_honorifics() -> None:
    assert named("Vladimir Putin met Mr Putin, Putin and the Russian President.") == [
        ("Vladimir Putin", "putin"), ("Mr Putin", "putin"), ("Putin", "putin"),
        ("the Russian President", "putin")]
    assert named("Dr. Vladimir Putin and Sir Vladimir Putin") == [
        ("Dr. Vladimir Putin", "putin"), ("Sir Vladimir Putin", "putin")]


def test_matching_ignores_case_and_normalizes() -> None:
    assert named("VLADIMIR Putin and the russian president") == [
        ("VLADIMIR Putin", "putin"), ("the russian president", "putin")]
    assert named("the G-7 gathering and the G7 meeting") == [
        ("G7 gathering", "g7"), ("G7 meeting", "g7")]


def test_other_entities_match_name_and_aliases_only() -> None:
    assert named("In Moscow, Mr Moscow spoke.") == [("Moscow", "moscow"), ("Moscow", "moscow")]
    assert named("the meeting") == []


def test_shared_last_word_needs_an_explicit_alias() -> None:
    assert named("Smith said, and Ms Smith agreed; John Smith left.") == [
        ("Ms Smith", "jane-smith"), ("John Smith", "john-smith")]


def test_whole_words_only() -> None:
    assert named("Putinism and Lavrovian Sergey Lavrovs") == []


def test_a_bare_surname_must_be_capitalized() -> None:
    assert named("Prices rose sharply, Rose said.") == [("Rose", "rose")]
    assert named("mark rose said") == [("mark rose", "rose")]


def test_longest_form_wins() -> None:
    assert named("Sergey Lavrov") == [("Sergey Lavrov", "lavrov")]


WORDS = st.lists(st.sampled_from(
    ["Putin", "putin", "Vladimir", "Mr", "Ms", "Smith", "the", "Russian", "President", "Rose",
     "rose", "G-7", "gathering", "ß", "İstanbul", "é", ",", ".", "\u0301", "Moscow's"]),
    max_size=30)


@settings(deadline=None, max_examples=300)
@given(WORDS)
def test_automaton_and_regex_agree(words: list[str]) -> None:
    art = prepared(" ".join(words))
    got = [(m.start, m.end) for m in INDEX.mentions(art)]
    assert INDEX._pattern is not None
    ref = []
    for m in INDEX._pattern.finditer(art.folded):
        form = INDEX._table.get(m.group().casefold())
        if form is None or (form.needs_capital and not art.folded[m.start()].isupper()):
            continue
        ref.append((m.start(), m.end()))
    assert got == ref
