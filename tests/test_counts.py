"""``find_counts``: the counts of a sentence as a toll reads them (sums of parts in
one noun phrase of people, breakdowns, wholes, ordinals of a count, labels).
Example-based tests first, then Hypothesis properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.text.numbers import INF, ORDINAL_WORDS, Interval, find_counts


def counts(text: str) -> list[tuple[str, Interval, bool]]:
    """(text of the expression, interval, is a part) of each count."""
    return [(text[e.start:e.end], e.interval, e.part) for e in find_counts(text)]


SUMMED = [
    ("The jet came down near Dorval, killing all 212 passengers and nine crew.", 221),
    ("The death toll was put at 41 adults and 12 children.", 53),
    ("Three police officers and two civilians died.", 5),
    ("The bomb killed 40 civilians, nine soldiers and four police officers.", 53),
    ("Eleven soldiers and 42 civilians were killed.", 53),
    ("Officials said 200 passengers and 21 crew members died.", 221),
    ("The raid killed 12 Afghan soldiers and three US contractors.", 15),
    ("Seventeen women, six men and a dozen children died in the fire.", 35),
    ("Nine pensioners and three carers died when the coach crashed.", 12),
    ("Two Americans and three Iraqis were killed.", 5),
    ("Four Londoners and two Parisians died.", 6),
]


@pytest.mark.parametrize(("text", "total"), SUMMED)
def test_counts_of_one_noun_phrase_of_people_are_summed(text: str, total: int) -> None:
    (expr,) = [e for e in find_counts(text) if e.parts]
    assert expr.interval == Interval(total, total)
    assert len(expr.parts) >= 2


NOT_SUMMED = [
    "The blast left 12 dead and 40 injured.",
    "Four people died and 12 were hurt.",
    "The bomb killed 41 soldiers and wounded 12 civilians.",
    "The bomb killed 12 soldiers and 40 civilians were wounded.",
    "It was the worst since the 1990 and 2004 floods.",
    "Between 40 and 50 people died.",
    "The fire killed two in 2016 and three in 2017.",
    "The storm destroyed 40 homes and 12 cars.",
    "Rescuers freed 12 miners and three were still trapped.",
    "The attack killed 12 soldiers on Monday and 40 civilians on Tuesday.",
    "The bombing killed 12 soldiers, the army said, and 40 civilians.",
    "He has 12 grandchildren and 3 dogs.",
    "The 12 and 40 buses were cancelled.",
]


@pytest.mark.parametrize("text", NOT_SUMMED)
def test_counts_of_different_tallies_or_things_are_not_summed(text: str) -> None:
    assert not [e for e in find_counts(text) if e.parts], counts(text)


def test_a_list_after_a_whole_is_its_breakdown() -> None:
    text = "The storm killed seven people, five men and two women."
    assert counts(text) == [("seven", Interval(7, 7), False), ("five", Interval(5, 5), True),
                            ("two", Interval(2, 2), True)]
    text = "The shelling killed 12 civilians, nine children and three women."
    assert counts(text)[0] == ("12", Interval(12, 12), False)
    assert all(part for _, _, part in counts(text)[1:])


WHOLES = [
    ("Some 30 Dutch citizens were among the 212 passengers who lost their lives.", "212"),
    ("Among the 221 victims of the crash were 30 Dutch citizens.", "221"),
    ("Of the 53 dead, 12 were children and 41 adults.", "53"),
    ("Among the 53 dead, police said, 12 were killed in the queue.", "53"),
]


def test_the_parts_of_a_whole_end_with_its_clause() -> None:
    text = "He was among the 40 people injured in the blast, which killed 53."
    assert counts(text) == [("40", Interval(40, 40), False), ("53", Interval(53, 53), False)]
    text = "Among the 221 dead were 30 Dutch citizens; the crash also killed 5 on the ground."
    assert [part for _, _, part in counts(text)] == [False, True, False]


@pytest.mark.parametrize(("text", "whole"), WHOLES)
def test_among_the_whole_the_other_counts_are_parts(text: str, whole: str) -> None:
    found = counts(text)
    assert [t for t, _, part in found if not part] == [whole], found


ORDINALS = [
    ("Police confirmed a fourth death.", "a fourth", 4),
    ("The 40th victim was named on Monday.", "The 40th", 40),
    ("A third person has died.", "A third", 3),
    ("A 21st body was recovered.", "A 21st", 21),
    ("The twenty-second victim, a 12-year-old girl, died on Friday.", "The twenty-second", 22),
    ("A second British tourist has died.", "A second", 2),
]


@pytest.mark.parametrize(("text", "said", "n"), ORDINALS)
def test_an_ordinal_of_a_count_is_at_least_n(text: str, said: str, n: int) -> None:
    assert (said, Interval(n, INF), False) in counts(text)


NOT_ORDINAL_COUNTS = [
    "It was the fourth day of fighting.",
    "She won a third term.",
    "The 40th anniversary fell on Sunday.",
    "The fire started in a fourth-floor flat.",
    "The first responders arrived within minutes.",
    "He finished fourth.",
    "A fourth fire engine arrived.",
    "For the fifth time the residents marched.",
    "The second of the victims was named.",
]


@pytest.mark.parametrize("text", NOT_ORDINAL_COUNTS)
def test_other_ordinals_are_not_counts(text: str) -> None:
    assert counts(text) == []


LABELS = [
    "Boeing 737 jets were grounded.",
    "Flight 302 crashed after take-off.",
    "Route 9 was closed.",
    "A 737 carrying passengers crashed.",
    "The Airbus A320 came down.",
    "The crash on the M25 was at junction 10.",
    "The jet was operating flight MH17.",
    "He took bus 42.",
    "Terminal 5 was evacuated.",
]


@pytest.mark.parametrize("text", LABELS)
def test_model_flight_and_route_numbers_are_not_counts(text: str) -> None:
    assert counts(text) == []


OPENERS = [
    ("Some 30 people died.", "Some 30"),
    ("Nearly 40 people died.", "Nearly 40"),
    ("Officially 12 people died.", "12"),
    ("Only 12 survived.", "Only 12"),
    ("All 212 passengers died.", "212"),
    ("Killing 12 people, the storm moved north.", "12"),
]


def test_a_count_before_a_colon_is_read() -> None:
    text = "The crash killed 221: 200 passengers, 12 children and nine crew."
    assert counts(text)[0] == ("221", Interval(221, 221), False)
    assert counts("It began at 16:05 and ran 24/7.") == []


@pytest.mark.parametrize(("text", "said"), OPENERS)
def test_a_count_after_an_opening_word_is_still_read(text: str, said: str) -> None:
    assert said in [t for t, _, _ in counts(text)]


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------
PEOPLE = ["passengers", "crew", "children", "adults", "soldiers", "police officers",
          "Dutch citizens", "civilians", "women", "men", "firefighters", "local residents"]
THINGS = ["homes", "cars", "hours", "days", "per cent", "dollars", "buildings"]
COUNT = st.integers(min_value=1, max_value=9_999)


def _n(n: int) -> str:
    return f"{n:,}"


@settings(deadline=None)
@given(st.lists(st.tuples(COUNT, st.sampled_from(PEOPLE)), min_size=2, max_size=4),
       st.sampled_from(["The bomb killed {}.", "{} died in the blast.", "The toll was put at {}."]))
def test_a_list_of_people_is_summed(parts: list[tuple[int, str]], template: str) -> None:
    phrases = [f"{_n(n)} {noun}" for n, noun in parts]
    listed = ", ".join(phrases[:-1]) + " and " + phrases[-1]
    first = parts[0][0]
    rest = sum(n for n, _ in parts[1:])
    text = template.format(listed)
    found = find_counts(text)
    if len(parts) > 2 and rest == first:
        return  # a breakdown of the first count (tested above)
    sums = [e for e in found if e.parts]
    assert len(sums) == 1, counts(text)
    total = sum(n for n, _ in parts)
    assert sums[0].interval == Interval(total, total)
    assert text[sums[0].start:sums[0].end].endswith(f"{_n(parts[-1][0])} {parts[-1][1]}")


@settings(deadline=None)
@given(COUNT, st.sampled_from(PEOPLE), COUNT, st.sampled_from(THINGS))
def test_people_and_things_are_not_summed(a: int, people: str, b: int, things: str) -> None:
    text = f"The storm killed {_n(a)} {people} and {_n(b)} {things}."
    assert not [e for e in find_counts(text) if e.parts], counts(text)


@settings(deadline=None)
@given(COUNT, st.sampled_from(PEOPLE), COUNT, st.sampled_from(PEOPLE),
       st.sampled_from(["injured", "wounded", "hurt", "missing", "rescued"]))
def test_a_part_of_another_tally_is_not_summed(a: int, p: str, b: int, q: str,
                                                state: str) -> None:
    for text in (f"The blast killed {_n(a)} {p} and {_n(b)} {q} were {state}.",
                 f"The blast killed {_n(a)} {p} and {state} {_n(b)} {q}.",
                 f"The blast left {_n(a)} dead and {_n(b)} {state}."):
        assert not [e for e in find_counts(text) if e.parts], counts(text)


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=999),
       st.sampled_from(["death", "victim", "body", "person", "fatality", "passenger"]),
       st.sampled_from(["a", "the", "A", "The"]))
def test_digit_ordinals_of_a_count_round_trip(n: int, noun: str, det: str) -> None:
    text = f"Police said {det} {n}{_suffix(n)} {noun} was found."
    assert counts(text) == [(f"{det} {n}{_suffix(n)}", Interval(n, INF), False)]


@settings(deadline=None)
@given(st.sampled_from(sorted(ORDINAL_WORDS)),
       st.sampled_from(["day", "term", "anniversary", "time", "floor", "round", "season"]))
def test_ordinals_of_other_things_are_not_counts(word: str, noun: str) -> None:
    assert counts(f"It was the {word} {noun} of the war.") == []
    assert counts(f"It was the {word} {noun}.") == []


PIECES = [*"0123456789 ,.-:;/%$'\"()aAeoMst+", "1,000", "2017", " one ", " two ", " and ",
          " passengers ", " crew ", " children ", " fourth ", " 40th ", " victim ", " death ",
          " among the ", " Of the ", " dead ", " people ", " injured ", " at least ", " a ",
          " the ", " Flight ", " Boeing ", " some ", " between ", " were ", " men ", " women "]
PROSE = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(deadline=None)
@given(PROSE)
def test_count_invariants_on_count_heavy_text(text: str) -> None:
    last_end = 0
    for e in find_counts(text):
        assert 0 <= e.start <= e.value_start < e.value_end <= e.end <= len(text)
        assert e.start >= last_end
        last_end = e.end
        assert 0 <= e.interval.lo <= e.interval.hi
        assert not math.isnan(e.interval.lo)
        if e.parts:
            assert e.start == e.parts[0].start and e.end >= e.parts[-1].end
            assert e.interval.lo == sum(p.interval.lo for p in e.parts)
            assert not any(p.part for p in e.parts)


@settings(deadline=None)
@given(st.sampled_from(sorted(ORDINAL_WORDS)), st.sampled_from(["a", "the", "A"]),
       st.sampled_from(["", "confirmed ", "British "]))
def test_word_ordinals_of_a_count_round_trip(word: str, det: str, adj: str) -> None:
    text = f"Police said {det} {word} {adj}death was recorded."
    assert counts(text) == [(f"{det} {word}", Interval(ORDINAL_WORDS[word], INF), False)]
