"""The ``quantity`` kind: numbers tied to cues, checked against a range."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.article import Article, PreparedArticle
from pytest_factcheck.entities import EntityIndex
from pytest_factcheck.errors import FactError
from pytest_factcheck.kinds import CompileContext
from pytest_factcheck.kinds.quantity import KIND, QuantityChecker
from pytest_factcheck.loader import load_catalog
from pytest_factcheck.model import Evidence, Fact, SourcePos

from .conftest import SEEDS

KHAN_SHEIKHOUN_YAML = """\
facts:
  - id: khan-sheikhoun-death-toll
    kind: quantity
    claim: Between 70 and 100 people died in the 4 April 2017 Khan Sheikhoun attack.
    about: [Khan Sheikhoun, Khan Shaykhun, chemical attack, chemical weapons attack,
            chemical weapons, sarin]
    cues: [killed, dead, died, deaths, death toll, lives]
    min: 70
    max: 100
"""

ABOUT = ["Khan Sheikhoun", "Khan Shaykhun", "chemical attack", "chemical weapons attack",
         "sarin"]
CUES = ["killed", "dead", "died", "deaths", "death toll", "lives"]
CLAIM = "Between 70 and 100 people died in the 4 April 2017 Khan Sheikhoun attack."


def make_fact(window: str = "sentence", claim: str = CLAIM, **fields: Any) -> Fact:
    f: dict[str, Any] = {"about": ABOUT, "cues": CUES, "min": 70, "max": 100}
    f.update(fields)
    f = {k: v for k, v in f.items() if v is not None}
    return Fact(id="toll", kind="quantity", pos=SourcePos("facts/t.yaml", 1), claim=claim,
                window=window, fields=f)  # type: ignore[arg-type]


def checker(**kw: Any) -> QuantityChecker:
    return KIND.build(make_fact(**kw), CompileContext(EntityIndex({})))


def read(text: str, **kw: Any) -> list[tuple[str, str, str]]:
    """(status, marked text, message) of each piece of evidence."""
    art = PreparedArticle(Article.from_text(text))
    return [(e.status, art.folded[e.start:e.end], e.message) for e in checker(**kw).check(art)]


def statuses(text: str, **kw: Any) -> list[str]:
    return [s for s, _, _ in read(text, **kw)]


# ---------------------------------------------------------------------------
# The seed sentences, through the loader
# ---------------------------------------------------------------------------
@pytest.fixture
def seed_checker(tmp_path: Path) -> QuantityChecker:
    path = tmp_path / "facts.yaml"
    path.write_text(KHAN_SHEIKHOUN_YAML, encoding="utf-8")
    catalog = load_catalog([path])
    assert catalog.problems == []
    (loaded,) = catalog.facts
    assert isinstance(loaded.checker, QuantityChecker)
    return loaded.checker


@pytest.mark.parametrize(("seed", "marked", "message"), [
    ("000_0ca5e19bbdfdb48e.txt", "killed 89", "claims exactly 89; the fact allows 70-100"),
    ("001_f175f75c7582221c.txt", "at least 80 dead",
     "claims at least 80; the fact allows 70-100"),
    ("002_c4c8d9e8d9b4b65b.txt", "killed 87", "claims exactly 87; the fact allows 70-100"),
    ("003_3fd0dba4cfea9bb8.txt", "killed scores of",
     "claims scores (at least 40); the fact allows 70-100"),
])
def test_seed_articles_are_consistent(seed_checker: QuantityChecker, seed: str, marked: str,
                                      message: str) -> None:
    path = SEEDS / seed
    art = PreparedArticle(Article.from_text(path.read_text(encoding="utf-8"), str(path)))
    evidence = list(seed_checker.check(art))
    assert [(e.status, art.folded[e.start:e.end], e.message) for e in evidence] == [
        ("consistent", marked, message)]


@pytest.mark.parametrize(("sentence", "said"), [
    ("Mr Putin brushed aside claims that Damascus was behind last week’s chemical attack, "
     "which killed 89 people, including children.", "exactly 89"),
    ("Russia knew in advance of the chemical weapons attack on Khan Sheikhoun, which left at "
     "least 80 dead.", "at least 80"),
    ("But today G7 ministers said the chemical attack, which killed 87 in a rebel-held town, "
     "should be investigated before new measures could be adopted.", "exactly 87"),
    ("Tillerson has previously said that Russia was either incompetent or complicit in "
     "Syria’s illegal use of chemical weapons, used in the chemical attack last week that "
     "killed scores of people, including many children.", "scores (at least 40)"),
])
def test_seed_sentences(sentence: str, said: str) -> None:
    assert [(s, m.split(";")[0]) for s, _, m in read(sentence)] == [
        ("consistent", f"claims {said}")]


def test_terms_are_the_about_terms(seed_checker: QuantityChecker) -> None:
    assert set(seed_checker.terms) == {"khan sheikhoun", "khan shaykhun", "chemical attack",
                                       "chemical weapons attack", "chemical weapons", "sarin"}


def test_terms_fall_back_to_the_cues() -> None:
    assert set(checker(about=None).terms) == {c.casefold() for c in CUES}


# ---------------------------------------------------------------------------
# Contradictions
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "marked", "said"), [
    ("The chemical attack killed 30 people.", "killed 30", "exactly 30"),
    ("The chemical attack in Khan Sheikhoun killed more than 120 people.",
     "killed more than 120", "more than 120"),
    ("The sarin attack killed fewer than 50 people.", "killed fewer than 50", "fewer than 50"),
    ("At least 150 people died in the chemical attack.", "At least 150", "at least 150"),
    ("The death toll, officials said, is 30 after the chemical attack.", "30", "exactly 30"),
    ("Khan Sheikhoun: 30 dead after gas strike", "30 dead", "exactly 30"),
    ("The death toll in Khan Sheikhoun rose to 58 on Wednesday.", "58", "exactly 58"),
    ("The chemical attack killed thirty people.", "killed thirty", "exactly 30"),
    ("The chemical attack killed hundreds of people.", "killed hundreds of",
     "hundreds (at least 200)"),
    ("The chemical attack killed between 20 and 40 people.", "killed between 20 and 40",
     "between 20 and 40"),
    ("In 2 villages near Khan Sheikhoun, 30 were killed.", "30", "exactly 30"),
    ("The chemical attack resulted in 30 deaths.", "30 deaths", "exactly 30"),
    ("The chemical attack, with 30 dead, shocked the world.", "30 dead", "exactly 30"),
    ("The chemical attack injured 500 and killed 30.", "killed 30", "exactly 30"),
    ("The chemical attack killed 30 people, including 10 children.", "killed 30",
     "exactly 30"),
    ("“The chemical attack killed 30 people,” he said.", "killed 30", "exactly 30"),
])
def test_contradictions(text: str, marked: str, said: str) -> None:
    (found,) = read(text)
    status, mark, message = found
    assert status == "contradiction"
    assert mark.startswith(marked)
    assert message == f"claims {said}; the fact allows 70-100"


def test_contradiction_evidence_marks_the_number() -> None:
    text = "Officials said the chemical attack death toll now stands at 30."
    art = PreparedArticle(Article.from_text(text))
    (ev,) = checker().check(art)
    assert ev.status == "contradiction"
    assert ev.reason == "out-of-range"
    assert art.original(ev.start, ev.end) == "30"
    assert "death toll" in ev.detail


def test_open_bounds() -> None:
    assert statuses("The chemical attack killed 30 people.", min=None, max=50) == [
        "consistent"]
    assert statuses("The chemical attack killed 60 people.", min=None, max=50) == [
        "contradiction"]
    assert statuses("The chemical attack killed 60 people.", min=70, max=None) == [
        "contradiction"]
    assert read("The chemical attack killed 600.", max=None)[0][2] == (
        "claims exactly 600; the fact allows at least 70")


def test_end_points() -> None:
    assert statuses("The chemical attack killed 100 people.") == ["consistent"]
    assert statuses("The chemical attack killed more than 100 people.") == ["contradiction"]
    assert statuses("The chemical attack killed fewer than 70 people.") == ["contradiction"]
    assert statuses("The chemical attack killed at least 100 people.") == ["consistent"]
    assert statuses("The chemical attack killed nearly 70 people.") == ["consistent"]
    assert statuses("The chemical attack killed about 110 people.") == ["consistent"]
    assert statuses("The chemical attack killed about 120 people.") == ["contradiction"]


# ---------------------------------------------------------------------------
# Consistent readings that take care
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "said"), [
    ("The chemical attack left 80 dead and 200 wounded.", "exactly 80"),
    ("The chemical attack injured 500 and killed 80.", "exactly 80"),
    ("In the chemical attack, 80 people were killed, 200 wounded.", "exactly 80"),
    ("Of the 89 killed in the chemical attack, 30 were children.", "exactly 89"),
    ("The chemical attack killed 89 people, 30 of whom were children.", "exactly 89"),
    ("The chemical attack killed 89 people, among them 30 children.", "exactly 89"),
    ("The chemical attack, which lasted 20 minutes, killed dozens.", "dozens (at least 24)"),
    ("The chemical attack was one of the deadliest; it killed 89.", "exactly 89"),
    ("Khan Sheikhoun chemical attack: 86 dead", "exactly 86"),
    ("The chemical attack killed at least 70 and possibly as many as 100.", "at least 70"),
    ("The chemical attack killed 89 people and injured more than 500 others.", "exactly 89"),
    ("Some 90 people lost their lives in the sarin attack.", "some 90 (81-99)"),
    ("The death toll from the chemical attack rose to 86 on Wednesday.", "exactly 86"),
    ("The chemical attack killed eighty-six people.", "exactly 86"),
    ("The chemical attack killed 89, the health ministry said on 5 April 2017.",
     "exactly 89"),
    ("The chemical attack's death toll rose by 3 to 89.", "exactly 89"),
    ("The chemical attack killed 27 children among the 87 victims.", "exactly 87"),
    ("The chemical attack killed 86 people, 30 of them children, and injured 546.",
     "exactly 86"),
    ("The chemical attack killed 87 people, the World Health Organisation said, adding that "
     "541 were treated.", "exactly 87"),
    ("Two days after the chemical attack that killed 87, the US fired 59 missiles.",
     "exactly 87"),
    ("He said 2 million people live in Idlib, where the chemical attack killed 86.",
     "exactly 86"),
    ("The number of people killed in the chemical attack rose to 86, up from 72 on Tuesday.",
     "exactly 86"),
    ("Eighty-six people died in the chemical attack, up from 58 reported on Tuesday.",
     "exactly 86"),
    ("Among the 86 killed in the chemical attack were 30 children.", "exactly 86"),
    ("The chemical attack killed 86 people — 30 of them children.", "exactly 86"),
    ("The chemical attack killed 86 people in a town of 16,000.", "exactly 86"),
    ("Khan Sheikhoun, a town of 16,000 people, lost 86 lives in the chemical attack.",
     "exactly 86"),
    ("At least 58 people, including 11 children, were killed in the chemical attack.",
     "at least 58"),
    ("Dozens of people, many of them children, died in the chemical attack.",
     "dozens (at least 24)"),
])
def test_consistent_readings(text: str, said: str) -> None:
    assert [(s, m.split(";")[0]) for s, _, m in read(text)] == [("consistent", f"claims {said}")]


# ---------------------------------------------------------------------------
# Must not fire
# ---------------------------------------------------------------------------
MUST_NOT_FIRE = [
    # parts of a total
    "The chemical attack killed many people, including 30 children.",
    "Among the dead in the chemical attack were 12 children.",
    "Of those killed in the chemical attack, 30 were children.",
    "30 of the dead in Khan Sheikhoun were children.",
    "Another 20 died in hospital after the chemical attack.",
    "A further 10 deaths were reported after the chemical attack.",
    "Sarin killed two of the rescuers.",
    # other counts competing with the cue
    "In the chemical attack many were killed, 200 wounded.",
    "The chemical attack killed people in 2 villages.",
    "Two separate chemical attacks killed people in Idlib.",
    "The chemical attack, which lasted 20 minutes, killed civilians.",
    "People died within 10 minutes of the sarin attack.",
    "He was killed 3 days after the chemical attack.",
    "Sarin was dropped by 2 jets and killed many.",
    "The chemical attack killed and maimed people; 500 were treated in hospital.",
    "The chemical attack killed civilians, 30 ambulances arrived.",
    "The chemical attack killed civilians; 30 ambulances arrived.",
    "The chemical attack wounded 500 people, and many died.",
    "Rescue workers said 11 members of one family died in the sarin attack.",
    "The sarin attack killed 4 members of the White Helmets and dozens of civilians.",
    "The chemical attack killed a family of 5.",
    "She was one of 89 people killed in the chemical attack.",
    # subgroups of the total: a note at most
    "The chemical attack killed 20 children, doctors said.",
    "The chemical attack killed 30 young children.",
    "Syrian state media said 6 soldiers died when US missiles hit the base after the chemical "
    "attack.",
    # another occasion: a note at most
    "Some 400 people were killed in a chemical attack in Ghouta four years ago.",
    "More than 400,000 people have died in Syria's six-year war, which saw a chemical attack "
    "this month.",
    "The chemical attack killed 86; 20 died in a separate air strike.",
    "The chemical attack killed 86 people, twice as many as the 43 killed in March.",
    "The 2013 sarin attack in Ghouta killed 1,400 people.",
    # not numbers
    "Abdel Hamid Youssef, 29, who lost 19 relatives in the chemical attack, said they died.",
    "Abdel Hamid Youssef, 29, died in the chemical attack.",
    "The chemical attack on 4 April killed dozens.",  # dozens is consistent, 4 is a date
    "The chemical attack was one of the deadliest in the six-year civil war that killed many.",
    "No one killed in the chemical attack has been named.",
    "The chemical attack, which the G7 condemned, killed civilians.",
    "It was the worst chemical attack since 2013, when sarin killed civilians in Ghouta.",
    "A 10-year-old boy died in the chemical attack.",
    "Turnout dropped 5% after the chemical attack killed civilians.",
    "The chemical attack killed civilians at 4 am.",
    "Resolution 2118 on chemical weapons was passed after deaths in Ghouta.",
    "Nine out of ten people who died in the sarin attack were civilians.",
    # no about term in the window
    "The bombing killed 30 people.",
    "A car bomb in Idlib killed 30 people. Later, the chemical attack was discussed.",
    # cue far from the number
    "The chemical attack, condemned by leaders of many nations across the world, killed "
    "civilians; 30 ambulances arrived.",
    # numbers that measure
    "The chemical attack killed people for 2 hours.",
    "Sarin died down within 20 minutes.",
]


@pytest.mark.parametrize("text", MUST_NOT_FIRE)
def test_must_not_fire(text: str) -> None:
    assert "contradiction" not in statuses(text)


# ---------------------------------------------------------------------------
# Unsure readings are notes
# ---------------------------------------------------------------------------
def test_a_list_of_counts_is_a_note() -> None:
    ((status, _, message),) = read("The chemical attack killed 3 soldiers and 40 in the town.")
    assert status == "note"
    assert "list" in message


def test_a_list_of_people_in_one_phrase_is_their_sum() -> None:
    ((status, mark, message),) = read("The chemical attack killed 3 soldiers and 40 civilians.")
    assert (status, mark) == ("contradiction", "killed 3 soldiers and 40 civilians")
    assert "3 + 40 (exactly 43)" in message
    ((status, _, _),) = read("The chemical attack killed 30 soldiers and 40 civilians.")
    assert status == "consistent"


def test_another_year_is_a_note() -> None:
    ((status, mark, message),) = read("The 2013 chemical attack in Ghouta killed 1,400 people.")
    assert status == "note"
    assert mark == "killed 1,400"
    assert "2013" in message


def test_a_subgroup_is_a_note() -> None:
    ((status, _, message),) = read("The chemical attack killed 20 children, doctors said.")
    assert status == "note"
    assert "20 children" in message


def test_a_subgroup_named_by_the_fact_is_checked() -> None:
    assert statuses("The chemical attack killed 20 children.", cues=["children"],
                    min=25, max=35) == ["contradiction"]


@pytest.mark.parametrize("text", [
    "Some 400 people were killed in a chemical attack in Ghouta four years ago.",
    "More than 400,000 people have died in Syria's six-year war, which saw a chemical attack "
    "this month.",
    "The chemical attack killed 86; 20 died in a separate air strike.",
    "The chemical attack killed 86 people, twice as many as the 43 killed in March.",
])
def test_another_occasion_is_a_note(text: str) -> None:
    assert "note" in statuses(text)
    assert "contradiction" not in statuses(text)


def test_the_claim_year_keeps_the_contradiction() -> None:
    assert statuses("The April 2017 chemical attack killed 30 people.") == ["contradiction"]


def test_without_a_claim_year_a_stated_year_makes_it_uncertain() -> None:
    # The engine cannot tell whether "the 2013 chemical attack" is the fact's
    # attack when the claim states no year: a note, never a false alarm.
    assert statuses("The 2013 chemical attack killed 1,400 people.",
                    claim="The toll of the attack.") == ["note"]


# ---------------------------------------------------------------------------
# Windows, cues, measures
# ---------------------------------------------------------------------------
PARAGRAPH = ("The chemical attack shocked the world. Officials said 30 people were killed.\n\n"
             "In a separate bombing, 30 people were killed.")


def test_sentence_window_needs_the_about_term_in_the_sentence() -> None:
    assert statuses(PARAGRAPH) == []


def test_paragraph_window_reads_the_paragraph() -> None:
    assert statuses(PARAGRAPH, window="paragraph") == ["contradiction"]


def test_cue_and_number_must_share_a_sentence() -> None:
    text = "The chemical attack killed many. 30 ambulances came."
    assert statuses(text, window="paragraph") == []


def test_cues_match_whole_words_case_insensitively() -> None:
    assert statuses("THE CHEMICAL ATTACK KILLED 30 PEOPLE.") == ["contradiction"]
    assert statuses("The chemical attack deadened 30 voices.") == []


def test_about_is_optional() -> None:
    assert statuses("The bombing killed 30 people.", about=None) == ["contradiction"]


def test_one_finding_per_number() -> None:
    assert statuses("The chemical attack death toll: 30 dead.") == ["contradiction"]


def test_a_cue_that_is_the_unit_ties_a_measure() -> None:
    fact = {"about": ["prison"], "cues": ["years", "sentenced"], "min": 5, "max": 8}
    assert statuses("He was sentenced to 10 years in prison.", **fact) == ["contradiction"]
    assert statuses("He was sentenced to 6 years in prison.", **fact) == ["consistent"]
    assert statuses("He was sentenced in prison 3 days ago.", **fact) == []


def test_missile_count() -> None:
    fact = {"about": ["Shayrat", "airbase", "air base"],
            "cues": ["missiles", "cruise missiles", "Tomahawk", "Tomahawks"],
            "min": 59, "max": 59}
    text = ("The incident has not been properly investigated as yet, but the US fired dozens "
            "of cruise missiles at a Syrian airbase in a demonstration of force.")
    assert read(text, **fact) == [
        ("consistent", "dozens of cruise missiles",
         "claims dozens (at least 24); the fact allows exactly 59")]
    assert statuses("The US fired 60 Tomahawk missiles at the Shayrat air base.",
                    **fact) == ["contradiction"]


# ---------------------------------------------------------------------------
# Compiling
# ---------------------------------------------------------------------------
def test_needs_a_bound() -> None:
    with pytest.raises(FactError):
        checker(min=None, max=None)


def test_min_above_max() -> None:
    with pytest.raises(FactError, match="above"):
        checker(min=10, max=5)


def test_bad_bound_type() -> None:
    with pytest.raises(FactError, match="number"):
        checker(min="ten")


def test_loader_reports_a_bad_fact(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(KHAN_SHEIKHOUN_YAML.replace("min: 70", "min: 700"), encoding="utf-8")
    catalog = load_catalog([path])
    assert catalog.facts == []
    assert "above" in catalog.problems[0].message


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------
WORDS = ["the", "chemical attack", "killed", "dead", "died", "at least", "more than", "89",
         "30", "1,400", "2013", "including", "children", ",", ".", "and", "wounded", "in",
         "of whom", "dozens of", "people", "Khan Sheikhoun", "one", "two", "hundred", "\n\n",
         "about", "between", "to", "-", "\u201c", "\u201d", "said", "Mr", "April", "4"]


@settings(deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join))
def test_evidence_is_well_formed(text: str) -> None:
    art = PreparedArticle(Article.from_text(text))
    for window in ("sentence", "paragraph"):
        evidence: list[Evidence] = list(checker(window=window).check(art))
        spans = [(e.start, e.end) for e in evidence]
        assert len(set(spans)) == len(spans)
        for e in evidence:
            assert 0 <= e.start < e.end <= len(art.folded)
            assert e.status in ("consistent", "contradiction", "note")
            assert e.reason == "out-of-range"
            s, t = art.to_source(e.start, e.end)
            assert 0 <= s <= t <= len(text)
