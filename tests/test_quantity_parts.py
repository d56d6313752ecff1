"""Reading counts as reporters build them: sums of parts in one phrase, ``among
the N`` and ``N of them`` as parts, ordinals of a count, and model, flight and
route numbers and durations that are not counts (docs/reading-quantities.md).
Prose written for these tests. ``C`` a contradiction; ``ok`` consistent and no
contradiction; ``-`` no contradiction."""

from __future__ import annotations

from pathlib import Path

import pytest

from .kindkit import assert_verdict, check, verdict

pytest_plugins = ["pytester"]

CRASH = """\
facts:
  - id: dorval-crash-toll
    kind: quantity
    claim: 221 people died when the airliner crashed near Dorval.
    about: [crash, airliner, plane, jet, flight, Dorval]
    cues: [killed, killing, dead, died, deaths, death toll, toll, lives, victims]
    min: 221
    max: 221
"""

BOMBING = """\
facts:
  - id: marlow-street-toll
    kind: quantity
    claim: 53 people died in the Marlow Street bombing.
    about: [bombing, bomb, blast, explosion, Marlow Street]
    cues: [killed, killing, dead, died, deaths, death toll, toll, victims]
    min: 53
    max: 53
"""

FIRE = """\
facts:
  - id: ashby-tower-fire
    kind: quantity
    claim: Three people died in the Ashby tower fire.
    about: [Ashby, tower, fire]
    cues: [killed, dead, died, deaths, death toll, victims, fatalities]
    min: 3
    max: 3
"""

SUMS = [
    # a sum of parts in one noun phrase, tied to the cue, is the total
    (CRASH, "The airliner came down in a field near Dorval, killing all 212 passengers "
            "and nine crew.", "ok"),
    (CRASH, "In the crash, 212 passengers and nine crew were killed.", "ok"),
    (CRASH, "Investigators said 200 passengers and 21 crew members died in the crash.", "ok"),
    (BOMBING, "The final death toll from the Marlow Street bombing was put at 41 adults and "
              "12 children.", "ok"),
    (BOMBING, "The final death toll from the Marlow Street bombing was put at 41 adults and "
              "15 children.", "C"),
    (BOMBING, "Fifty police officers and three civilians died in the Marlow Street bombing.",
     "ok"),
    (BOMBING, "Three police officers and two civilians died in the bombing.", "C"),
    (BOMBING, "The bomb killed 40 civilians, nine soldiers and four police officers, "
              "officials said.", "ok"),
    (BOMBING, "The bomb killed 40 civilians, nine soldiers and seven police officers.", "C"),
    (BOMBING, "Eleven soldiers and 42 civilians were killed when the bomb went off.", "ok"),
    (BOMBING, "At least 40 civilians and 13 soldiers were killed in the blast.", "ok"),
    # every part a group that may be within a bigger toll: an unsure total
    (CRASH, "The jet crashed on approach to Dorval, killing all 212 passengers and 19 crew.",
     "-"),
    # not one noun phrase of people: no sum
    # (13 + 40 = 53 is only a note: two tallies that happen to add up to the fact)
    (BOMBING, "The bombing left 13 dead and 40 injured.", "-"),
    (BOMBING, "Four people died and 49 were hurt in the bombing.", "-"),
    (BOMBING, "The bomb killed 41 people and injured 12 children.", "-"),
    (BOMBING, "The bomb killed 41 people, and 12 children were among the injured.", "C"),
    (BOMBING, "The bomb killed 41 soldiers and wounded 12 civilians.", "-"),
    (BOMBING, "The blast, the worst since the 1990 and 2004 attacks, killed 53.", "ok"),
    (BOMBING, "Between 40 and 60 people died in the bombing.", "ok"),
    (BOMBING, "Bombs on Marlow Street killed two people in 2016 and three in 2017.", "-"),
    (BOMBING, "The bomb killed 53 people, including 41 adults and 12 children.", "ok"),
    (BOMBING, "The bomb killed 53 people, including 40 adults and 10 children.", "ok"),
]


@pytest.mark.parametrize(("facts", "text", "want"), SUMS)
def test_a_sum_of_parts_is_the_total(tmp_path: Path, facts: str, text: str,
                                     want: str) -> None:
    assert_verdict(verdict(tmp_path, facts, text), want)


NOT_SUMMED = [
    ("The bombing left 13 dead and 30 injured.", "exactly 13"),
    ("Four people died and 30 were hurt in the bombing.", "exactly 4"),
    ("The bomb killed 41 people and injured 30 children.", "exactly 41"),
    ("The bomb killed 20 people, and 30 children were among the injured.", "exactly 20"),
]


@pytest.mark.parametrize(("text", "claims"), NOT_SUMMED)
def test_counts_of_different_tallies_are_not_summed(tmp_path: Path, text: str,
                                                    claims: str) -> None:
    result = check(tmp_path, BOMBING, text)
    (finding,) = result.findings
    assert finding.status == "contradiction"
    assert f"claims {claims};" in finding.message, finding.message


def test_a_sum_is_reported_as_its_parts(tmp_path: Path) -> None:
    result = check(tmp_path, BOMBING, "Three police officers and two civilians died in the "
                                      "bombing.")
    (finding,) = result.findings
    assert finding.status == "contradiction"
    assert "3 + 2" in finding.message and "exactly 5" in finding.message, finding.message
    assert finding.matched == "Three police officers and two civilians died", finding


PARTS = [
    (CRASH, "Some 30 Dutch citizens were among the 221 people who lost their lives in the "
            "crash.", "ok"),
    (CRASH, "Some 30 Dutch citizens were among the 212 passengers who lost their lives in the "
            "crash.", "-"),
    (CRASH, "Thirty Dutch citizens were among those killed in the crash.", "-"),
    (CRASH, "Twelve children were among the dead in the Dorval crash.", "-"),
    (CRASH, "Among the 221 victims of the crash were 30 Dutch citizens.", "ok"),
    (CRASH, "Among the 221 dead in the crash, 30 were Dutch.", "ok"),
    (CRASH, "The crash killed 221 people, 30 of them Dutch.", "ok"),
    (BOMBING, "Of the 53 dead in the bombing, 12 were children.", "ok"),
    (BOMBING, "Of the 53 dead, 12 were killed by the second bomb.", "ok"),
    (BOMBING, "Of the 60 dead in the bombing, 12 were children.", "C"),
    (BOMBING, "Of those killed in the bombing, 12 were children.", "-"),
    (BOMBING, "Among the 53 dead in the bombing, police said, 12 were killed as they queued "
              "for a bus.", "ok"),
]


@pytest.mark.parametrize(("facts", "text", "want"), PARTS)
def test_among_the_total_and_of_them_are_parts(tmp_path: Path, facts: str, text: str,
                                               want: str) -> None:
    assert_verdict(verdict(tmp_path, facts, text), want)


ORDINALS = [
    (FIRE, "Police confirmed a fourth death from the Ashby tower fire on Tuesday.", "C"),
    (FIRE, "A fourth person has died after the fire at Ashby tower.", "C"),
    (FIRE, "The 40th victim of the tower fire was named on Monday.", "C"),
    (FIRE, "A fifth resident of Ashby tower has died in hospital after the fire.", "C"),
    (FIRE, "A third person has died after the Ashby tower fire, police said.", "ok"),
    (FIRE, "Fire crews confirmed a third death at Ashby tower.", "ok"),
    (FIRE, "A second victim of the Ashby tower fire died in hospital.", "ok"),
    # not counts
    (FIRE, "It was the fourth day of the inquiry into the Ashby tower fire, which killed "
           "three.", "ok"),
    (FIRE, "The fire broke out in a fourth-floor flat at Ashby tower and killed three people.",
     "ok"),
    (FIRE, "The first responders at the Ashby tower fire said three people had died.", "ok"),
    (FIRE, "The councillor, now in his third term, said the Ashby tower fire killed three.",
     "ok"),
    (FIRE, "The 40th anniversary of the Ashby tower fire, in which three died, fell on "
           "Sunday.", "ok"),
    (FIRE, "Her son finished fourth in a race the week before the tower fire killed her.", "-"),
    (FIRE, "A fourth fire engine reached Ashby tower, where three people had died.", "ok"),
    (FIRE, "For the fifth time, the tower's residents marched for the dead.", "-"),
]


@pytest.mark.parametrize(("facts", "text", "want"), ORDINALS)
def test_an_ordinal_of_a_count_is_at_least_n(tmp_path: Path, facts: str, text: str,
                                              want: str) -> None:
    assert_verdict(verdict(tmp_path, facts, text), want)


def test_an_ordinal_is_reported_as_at_least(tmp_path: Path) -> None:
    result = check(tmp_path, FIRE, "Police confirmed a fourth death from the Ashby tower fire.")
    (finding,) = result.findings
    assert finding.status == "contradiction"
    assert "at least 4" in finding.message, finding.message


LABELS = [
    (CRASH, "Boeing 737 jets were grounded after the crash, which killed 221.", "ok"),
    (CRASH, "The Boeing 737 crashed near Dorval, killing 221 people.", "ok"),
    (CRASH, "Boeing 737 crashes near Dorval, killing 221", "ok"),
    (CRASH, "Flight 302 crashed near Dorval, killing all 221 on board.", "ok"),
    (CRASH, "The crash of flight MH17 near Dorval killed 221.", "ok"),
    (CRASH, "The Airbus A320 came down near Dorval and 221 people died.", "-"),
    (CRASH, "Route 9 near Dorval was closed after the crash, in which 221 people died.", "-"),
    (CRASH, "A bus 42 driver saw the jet crash that killed 221.", "ok"),
    (CRASH, "Traffic on the M25 stopped after news of the crash, which killed 221.", "ok"),
    (CRASH, "A 737 carrying 221 people crashed near Dorval, killing everyone on board.", "-"),
    (CRASH, "The pilot had joined the airline six months before he died in the crash.", "-"),
    (CRASH, "The co-pilot died three days later in hospital after the crash.", "-"),
    (CRASH, "The captain had been dead for two hours when rescuers reached the crash site.",
     "-"),
    (CRASH, "In the 12 hours after the crash, relatives of the dead gathered at Dorval.", "-"),
    (CRASH, "Relatives waited 14 hours after the crash to learn who had died.", "-"),
    # the toll itself is still read
    (CRASH, "Flight 302 crashed near Dorval, killing 157.", "C"),
    (CRASH, "The Boeing 737 crashed near Dorval, killing 150 people.", "C"),
    (CRASH, "Boeing 737 crashes near Dorval, killing 150", "C"),
]


@pytest.mark.parametrize(("facts", "text", "want"), LABELS)
def test_model_flight_route_numbers_and_durations_are_not_counts(
        tmp_path: Path, facts: str, text: str, want: str) -> None:
    assert_verdict(verdict(tmp_path, facts, text), want)


# Prose as reporters write it: titles before and after names, pronouns, quotes
# broken by their attribution, numbers in words and digits, two people in one
# sentence.
PROSE = [
    (BOMBING, "Police Chief Arlo Penn said 41 adults and 12 children died in the bombing, and "
              "his deputy, Ms Sara Quint, put the number of injured at 200.", "ok"),
    (BOMBING, "She said 41 adults and 15 children were killed in the Marlow Street bombing.",
     "C"),
    (BOMBING, "Mayor Dana Roe and Chief Inspector Ali Haddad, who both visited Marlow Street, "
              "said forty-one adults and twelve children died in the blast.", "ok"),
    (BOMBING, "The bombing killed 41 adults and 12 children, Mayor Dana Roe told reporters on "
              "Tuesday, 4 March.", "ok"),
    (BOMBING, "The bombing killed thirty-one adults and twelve children, said Dana Roe, the "
              "mayor.", "C"),
    (BOMBING, "Forty-one adults and a dozen children were killed in the bombing.", "ok"),
    (BOMBING, "Of the 53 dead in the bombing, the mayor said, 12 were children under 10.", "ok"),
    (BOMBING, "\"Forty-one adults and 15 children,\" the police chief, Mr Penn, said, \"were "
              "killed by the Marlow Street bomb.\"", "-"),
    (BOMBING, "\"We have lost 53 people,\" Ms Roe said. \"Forty-one were adults, and 12 were "
              "children killed by the bomb.\"", "-"),
    (CRASH, "The jet, an Airbus A320 operating Flight 302 from Dorval, came down six minutes "
            "after take-off, killing all 212 passengers and nine crew, the airline said.", "ok"),
    (CRASH, "Its chief executive, Mr Anders Lund, 61, said he had flown the route 300 times "
            "before the crash that killed 221.", "ok"),
    (FIRE, "Health Minister Lena Ortiz confirmed a fourth death from the Ashby tower fire; she "
           "said two more residents were critically ill.", "C"),
    (FIRE, "\"A fourth person has died,\" the fire chief, Ms Bell, said of the Ashby tower "
           "blaze.", "C"),
    (FIRE, "The council leader, Mr Okoro, who is in his fourth term, said three people died in "
           "the Ashby tower fire.", "ok"),
    # (an aside of more than six words between the ordinal and its verb: not read)
    (FIRE, "Ms Bell said a third resident, a 78-year-old man from the 14th floor, had died after "
           "the Ashby tower fire.", "-"),
    (FIRE, "Ms Bell said a fourth resident, a man of 78, had died after the Ashby tower fire.",
     "C"),
]


@pytest.mark.parametrize(("facts", "text", "want"), PROSE)
def test_parts_sums_and_ordinals_in_reporters_prose(tmp_path: Path, facts: str, text: str,
                                                    want: str) -> None:
    assert_verdict(verdict(tmp_path, facts, text), want)


SHARED_NOUN = [
    # the parts share the last part's noun
    (BOMBING, "Forty British and 13 French tourists died in the Marlow Street bombing.", "ok"),
    (BOMBING, "Four Israeli and two Palestinian civilians were killed in the bombing.", "C"),
    # soldiers may be only a part of the toll: a note
    (BOMBING, "Two British and three French soldiers died in the Marlow Street bombing.", "-"),
]


@pytest.mark.parametrize(("facts", "text", "want"), SHARED_NOUN)
def test_parts_that_share_a_noun_are_summed(tmp_path: Path, facts: str, text: str,
                                            want: str) -> None:
    assert_verdict(verdict(tmp_path, facts, text), want)


ORDINAL_PROSE = [
    (FIRE, "She was the fourth person to die after the Ashby tower fire.", "C"),
    (FIRE, "He was the third person to die after the Ashby tower fire, his family said.", "ok"),
    (FIRE, "Doctors fear a fourth patient could die after the Ashby tower fire.", "-"),
    (FIRE, "The 40th resident of Ashby tower to be rehoused since the fire died on Monday of "
           "natural causes.", "-"),
    (FIRE, "A first-floor resident died in the Ashby tower fire.", "-"),
    (FIRE, "A second person, a firefighter, was injured in the Ashby tower fire, which killed "
           "three.", "ok"),
    (BOMBING, "Overall 60 people died in the bombing, officials said.", "C"),
    (BOMBING, "Yesterday 53 people died in the Marlow Street bombing.", "ok"),
]


SERIES = [
    (FIRE, "The Ashby tower fire was the second in a month; the first, in Hale Court, killed "
           "five.", "-"),
    (FIRE, "It was the third deadly fire this year in the borough, after blazes at Ashby tower "
           "and Hale Court killed nine.", "-"),
    (FIRE, "The Ashby tower fire, which killed five, was the council's worst.", "C"),
]


@pytest.mark.parametrize(("facts", "text", "want"), SERIES)
def test_a_sentence_about_a_series_may_count_another_occasion(
        tmp_path: Path, facts: str, text: str, want: str) -> None:
    assert_verdict(verdict(tmp_path, facts, text), want)


@pytest.mark.parametrize(("facts", "text", "want"), ORDINAL_PROSE)
def test_ordinals_and_sentence_openers_in_prose(tmp_path: Path, facts: str, text: str,
                                                want: str) -> None:
    assert_verdict(verdict(tmp_path, facts, text), want)


# ---------------------------------------------------------------------------
# End to end: a desk's articles through the plugin
# ---------------------------------------------------------------------------
DESK = CRASH + """\
  - id: ashby-tower-fire
    kind: quantity
    claim: Three people died in the Ashby tower fire.
    about: [Ashby, tower, fire]
    cues: [killed, dead, died, deaths, death toll, victims]
    min: 3
    max: 3
"""
CLEAN_ARTICLE = """\
Airliner crash near Dorval

The jet, a Boeing 737 operating Flight 302, came down six minutes after take-off,
killing all 212 passengers and nine crew.

Some 30 Dutch citizens were among the 212 passengers who lost their lives.
The co-pilot had joined the airline six months before he died.

In a separate story, fire crews confirmed a third death at Ashby tower.
"""
DIRTY_ARTICLE = """\
Fourth death after tower fire

Police confirmed a fourth death from the Ashby tower fire on Tuesday.
"""


def test_sums_and_ordinals_end_to_end(pytester: pytest.Pytester) -> None:
    pytester.makefile(".yaml", **{"facts/desk": DESK})
    (pytester.path / "articles").mkdir()
    (pytester.path / "articles" / "crash.txt").write_text(CLEAN_ARTICLE, encoding="utf-8")
    result = pytester.runpytest("--factcheck", "articles/")
    result.assert_outcomes(passed=2)
    (pytester.path / "articles" / "fire.txt").write_text(DIRTY_ARTICLE, encoding="utf-8")
    result = pytester.runpytest("--factcheck", "articles/")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "*fact 'ashby-tower-fire' (quantity)*",
        "articles/fire.txt:3:*: out-of-range",
        "*claims a fourth (at least 4); the fact allows exactly 3*",
    ])
