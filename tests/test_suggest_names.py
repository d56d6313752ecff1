"""Discovery's text machinery: names in prose, spelling distance, safe YAML."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from pytest_factcheck.suggest.disagreements import conflict, office, same_name
from pytest_factcheck.suggest.draft import comment, yaml_str
from pytest_factcheck.suggest.names import (
    distance,
    name_runs,
    near_word,
    particle_free,
    title_case,
    translit_key,
)

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=0, max_size=12)


@given(words, words)
def test_distance_is_a_symmetric_edit_count(a: str, b: str) -> None:
    d = distance(a, b)
    assert d == distance(b, a)
    assert (d == 0) == (a == b)
    assert abs(len(a) - len(b)) <= d <= max(len(a), len(b))


@given(words, words, words)
def test_distance_obeys_the_triangle_inequality_for_single_edits(a: str, b: str, c: str) -> None:
    # Optimal string alignment is no metric in general; one edit away always is.
    b2 = a + "x"
    assert distance(a, c) <= distance(a, b2) + distance(b2, c)


@given(words)
def test_a_swap_is_one_edit(a: str) -> None:
    if len(a) >= 2 and a[0] != a[1]:
        assert distance(a, a[1] + a[0] + a[2:]) == 1


@pytest.mark.parametrize("a, b", [("Sergei", "Sergey"), ("Dmitry", "Dmitri"),
                                  ("Mohammed", "Mohamed"), ("Sheikhoun", "Sheikhun")])
def test_transliterations_fold_alike(a: str, b: str) -> None:
    assert translit_key(a) == translit_key(b)


@pytest.mark.parametrize("a, b, given_name, want", [
    ("Konashenkov", "Konoshenkov", False, True),   # one vowel in eleven letters
    ("Sheikhoun", "Shaykhun", False, True),        # a transliteration
    ("Sergei", "Sergey", True, True),
    ("Dmitry", "Dmitri", True, True),
    ("Anna", "John", True, False),                 # two people
    ("Jon", "Jan", True, False),                   # too short to tell
    ("Daniel", "Danielle", True, False),           # two names
    ("Hansen", "Jansen", False, False),            # another first letter
    ("Johnson", "Jonson", False, True),
    ("Gabriel", "Gabriele", True, False),
    ("Lavrov", "Lavrov", False, False),            # the same word is no variant
    ("Putin", "Pushkin", False, False),
    ("Nowak-Wells", "Nowak-West", False, False),   # two names in the second part
    ("Nowak-Wellington", "Nowak-Welington", False, True),
    ("Jean-Marc", "Jean-Mark", True, False),
])
def test_near_word(a: str, b: str, given_name: bool, want: bool) -> None:
    assert near_word(a, b, given=given_name) is want
    assert near_word(b, a, given=given_name) is want


@pytest.mark.parametrize("a, b, want", [
    ("Sergei Lavrov", "Sergey Lavrov", True),
    ("Igor Konashenkov", "Igor Konoshenkov", True),
    ("Bashar al-Assad", "Bashar Assad", True),
    ("Anna Smith", "John Smith", False),
    ("Boris Johnson", "Jo Johnson", False),
    ("Sergei Lavrov", "Sergey Lavrova", False),    # two words differ
    ("Sergei Lavrov", "Lavrov", False),
])
def test_same_name(a: str, b: str, want: bool) -> None:
    assert same_name(a.split(), b.split()) is want


def _runs(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(r.text, r.honorific, r.lead) for r in name_runs(text)]


def test_titles_in_every_position_lead_the_name() -> None:
    assert _runs("Russian President Vladimir Putin met Mr Lavrov.") == [
        ("Vladimir Putin", "", ("Russian", "President")), ("Lavrov", "Mr", ("Mr",))]
    assert _runs("Foreign Secretary Boris Johnson flew in.")[0][:1] == ("Boris Johnson",)
    assert _runs("said US Secretary of State Rex Tillerson")[-1][0] == "Rex Tillerson"


def test_possessives_capitals_and_two_people_in_one_sentence() -> None:
    assert _runs("Mr Lavrov's visit") == [("Lavrov", "Mr", ("Mr",))]
    assert _runs("VLADIMIR Putin has spoken.")[0][0] == "Vladimir Putin"
    got = [r[0] for r in _runs("Anna Smith, who runs the bakery, said John Smith had left.")]
    assert got == ["Anna Smith", "John Smith"]
    assert [r[0] for r in _runs("O'Brien and Jean-Marc Ayrault met Ronald McDonald.")] == [
        "O'Brien", "Jean-Marc Ayrault", "Ronald McDonald"]


def test_sentence_openers_are_not_names() -> None:
    assert [r[0] for r in _runs("Following Putin's remarks, the UN met.")] == ["Putin"]
    assert _runs("The US and the UN said so.") == []


@given(st.text(alphabet="AbcDe fGh'-.,sS", max_size=60))
def test_runs_are_spans_of_the_text(text: str) -> None:
    for r in name_runs(text):
        assert 0 <= r.start < r.end <= len(text)
        assert [title_case(w) for w in text[r.start:r.end].split(" ")] == list(r.words)
        assert not r.text.endswith(("'s", "'"))


def test_particles_and_title_case() -> None:
    assert particle_free("al-Assad") == "Assad"
    assert particle_free("Jean-Marc") == "Jean-Marc"
    assert title_case("VLADIMIR") == "Vladimir" and title_case("US") == "US"


@pytest.mark.parametrize("a, b, want", [
    ("Interior Minister", "Justice Minister", True),
    ("President", "Vice President", True),
    ("Russian Foreign Minister", "Russia's foreign minister", False),
    ("Russian Foreign Minister", "foreign minister of Russia", False),
    ("Foreign Minister", "Italian Foreign Minister", False),
    ("US Secretary of State", "Secretary of State", False),
    ("Foreign Secretary", "Prime Minister", False),  # two offices of different kinds
    ("Italian Foreign Minister", "German Foreign Minister", True),  # two countries
    ("Mayor of Ashford", "mayor of Redhill", True),                 # two towns
    ("Mayor of Ashford", "Mayor", False),
    ("Russian President", "President of Russia", False),            # said two ways
    ("Syria's President", "Syrian President", False),
    ("Secretary of State", "US Secretary of State", False),
])
def test_title_conflicts(a: str, b: str, want: bool) -> None:
    assert conflict(a, b) is want
    assert conflict(b, a) is want


def test_office_drops_nationality_and_country() -> None:
    assert office("Russia's foreign minister") == office("Russian Foreign Minister")
    assert office("Minister of Defence") == "minister of defence"


@given(st.text(max_size=80))
def test_yaml_strings_read_back(text: str) -> None:
    clean = "".join(ch for ch in text if not 0xD800 <= ord(ch) <= 0xDFFF)
    assert yaml.safe_load(f"v: {yaml_str(clean)}\n")["v"] == clean


@given(st.text(max_size=80))
def test_comments_stay_on_one_line(text: str) -> None:
    line = f"# {comment(text)}\nv: 1\n"
    assert yaml.safe_load(line) == {"v": 1}
