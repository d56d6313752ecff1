"""Number expressions: SPEC §3 "quantity" table, the not-a-number rules, parts."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.text import numbers as numtext
from pytest_factcheck.text.normalize import normalize
from pytest_factcheck.text.numbers import Interval, NumberExpr, find_numbers

INF = math.inf


def numbers(text: str) -> list[tuple[str, Interval]]:
    folded = normalize(text).folded
    return [(folded[e.start:e.end], e.interval) for e in find_numbers(folded)]


def only(text: str) -> NumberExpr:
    folded = normalize(text).folded
    found = find_numbers(folded)
    assert len(found) == 1, [folded[e.start:e.end] for e in found]
    return found[0]


def counts(text: str) -> list[tuple[str, Interval]]:
    """Expressions that count (not parts, not measures)."""
    folded = normalize(text).folded
    return [(folded[e.start:e.end], e.interval) for e in find_numbers(folded)
            if not e.part and not e.unit]


# ---------------------------------------------------------------------------
# The SPEC table, row by row
# ---------------------------------------------------------------------------
TABLE = [
    # exactly that
    ("The attack killed 89 people.", "89", Interval(89, 89)),
    ("The attack killed eighty-nine people.", "eighty-nine", Interval(89, 89)),
    ("The attack killed 1,200 people.", "1,200", Interval(1200, 1200)),
    ("The attack killed a dozen people.", "a dozen", Interval(12, 12)),
    # [N, inf)
    ("The attack left at least 80 dead.", "at least 80", Interval(80, INF)),
    ("It killed no fewer than 80 people.", "no fewer than 80", Interval(80, INF)),
    ("It killed 80 or more people.", "80 or more", Interval(80, INF)),
    # (N, inf)
    ("It killed more than 50 people.", "more than 50", Interval(50, INF, lo_open=True)),
    ("It killed over 50 people.", "over 50", Interval(50, INF, lo_open=True)),
    ("It killed upwards of 50 people.", "upwards of 50", Interval(50, INF, lo_open=True)),
    # [0, N]
    ("It killed at most 100 people.", "at most 100", Interval(0, 100)),
    ("It killed up to 100 people.", "up to 100", Interval(0, 100)),
    ("It killed no more than 100 people.", "no more than 100", Interval(0, 100)),
    # [0, N)
    ("It killed fewer than 100 people.", "fewer than 100", Interval(0, 100, hi_open=True)),
    ("It killed less than 100 people.", "less than 100", Interval(0, 100, hi_open=True)),
    ("It killed under 100 people.", "under 100", Interval(0, 100, hi_open=True)),
    # [0.9N, N]
    ("It killed nearly 90 people.", "nearly 90", Interval(81, 90)),
    ("It killed almost 90 people.", "almost 90", Interval(81, 90)),
    # [0.9N, 1.1N]
    ("It killed about 90 people.", "about 90", Interval(81, 99)),
    ("It killed around 90 people.", "around 90", Interval(81, 99)),
    ("It killed some 90 people.", "some 90", Interval(81, 99)),
    ("It killed roughly 90 people.", "roughly 90", Interval(81, 99)),
    ("It killed approximately 90 people.", "approximately 90", Interval(81, 99)),
    # [A, B]
    ("It killed between 70 and 100 people.", "between 70 and 100", Interval(70, 100)),
    ("It killed 70 to 100 people.", "70 to 100", Interval(70, 100)),
    ("It killed 70-100 people.", "70-100", Interval(70, 100)),
    ("It killed 70–100 people.", "70-100", Interval(70, 100)),  # en dash
    # vague plurals
    ("It killed dozens of people.", "dozens of", Interval(24, INF)),
    ("It killed scores of people.", "scores of", Interval(40, INF)),
    ("It killed hundreds of people.", "hundreds of", Interval(200, INF)),
    ("It killed thousands of people.", "thousands of", Interval(2000, INF)),
]


@pytest.mark.parametrize(("text", "said", "interval"), TABLE)
def test_spec_table(text: str, said: str, interval: Interval) -> None:
    assert numbers(text) == [(said, interval)]


MORE_FORMS = [
    ("Two hundred people were hurt.", "Two hundred", Interval(200, 200)),
    ("two hundred and fifty people", "two hundred and fifty", Interval(250, 250)),
    ("one hundred and twenty-five people", "one hundred and twenty-five", Interval(125, 125)),
    ("a hundred people", "a hundred", Interval(100, 100)),
    ("twenty one people", "twenty one", Interval(21, 21)),
    ("ninety-nine people", "ninety-nine", Interval(99, 99)),
    ("1.5 million people fled", "1.5 million", Interval(1_500_000, 1_500_000)),
    ("three thousand people", "three thousand", Interval(3000, 3000)),
    ("half a dozen people", "half a dozen", Interval(6, 6)),
    ("two dozen people", "two dozen", Interval(24, 24)),
    ("1,000,000 people", "1,000,000", Interval(1_000_000, 1_000_000)),
    ("2.5 people per household", "2.5", Interval(2.5, 2.5)),
    ("two or three people", "two or three", Interval(2, 3)),
    ("from 70 to 100 people", "from 70 to 100", Interval(70, 100)),
    ("1.5 to 2 million people", "1.5 to 2 million", Interval(1_500_000, 2_000_000)),
    ("tens of thousands of people", "tens of thousands of", Interval(20_000, INF)),
    ("hundreds of thousands of people", "hundreds of thousands of", Interval(200_000, INF)),
    ("several hundred people", "several hundred", Interval(200, 1000, hi_open=True)),
    ("a few dozen people", "a few dozen", Interval(24, 120, hi_open=True)),
    ("the war has driven millions from their homes", "millions", Interval(2_000_000, INF)),
    ("100-plus people", "100-plus", Interval(100, INF)),
    ("100+ people", "100+", Interval(100, INF)),
    ("90 or so people", "90 or so", Interval(81, 99)),
    ("in excess of 50 people", "in excess of 50", Interval(50, INF, lo_open=True)),
    ("as many as 100 people", "as many as 100", Interval(0, 100)),
    ("an estimated 90 people", "an estimated 90", Interval(81, 99)),
    ("exactly 89 people", "exactly 89", Interval(89, 89)),
    ("Some 90 people died.", "Some 90", Interval(81, 99)),
    ("At least 80 people died.", "At least 80", Interval(80, INF)),
    ("between seventy and a hundred people", "between seventy and a hundred",
     Interval(70, 100)),
    ("one person died", "one", Interval(1, 1)),
    ("killed at least 1500 people", "at least 1500", Interval(1500, INF)),
    ("killed 1500 people", "1500", Interval(1500, 1500)),
    ("between 1500 and 2000 people", "between 1500 and 2000", Interval(1500, 2000)),
]


@pytest.mark.parametrize(("text", "said", "interval"), MORE_FORMS)
def test_more_forms(text: str, said: str, interval: Interval) -> None:
    assert numbers(text) == [(said, interval)]


def test_value_span_excludes_the_qualifier() -> None:
    text = "which left at least 80 dead"
    e = only(text)
    assert text[e.start:e.end] == "at least 80"
    assert text[e.value_start:e.value_end] == "80"


def test_vague_value_span_excludes_of() -> None:
    text = "killed scores of people"
    e = only(text)
    assert text[e.start:e.end] == "scores of"
    assert text[e.value_start:e.value_end] == "scores"


# ---------------------------------------------------------------------------
# Not numbers
# ---------------------------------------------------------------------------
NOT_NUMBERS = [
    # digits joined to letters
    "Ministers of the G7 met in Lucca.",
    "Ministers of the G-7 met in Lucca.",
    "The F-16 and the F16 jets flew.",
    "The 5G network went down.",
    "He signed MH17 papers.",
    # years
    "It reminds me of the events in 2003.",
    "Russia failed to deliver on its 2013 commitment.",
    "the country has been at war since 1990.",
    "the 2013 attack was worse.",
    "between 2010 and 2015 the war raged.",
    "the 2016-17 season",
    "the 1990s and the '90s",
    "in mid-2017 and pre-1990",
    # dates and times
    "Updated 12/04/2017 16:05 BST",
    "The attack happened on 4 April.",
    "The attack happened on April 4.",
    "The attack happened on 4 April 2017.",
    "The attack happened on April 4, 2017.",
    "They met on the 4th of April.",
    "It was 16:05 when it began.",
    "It began at 4 pm.",
    "It began at 4 a.m. on Tuesday.",
    "It began at 10 GMT.",
    "The date was 2017-04-11.",
    "open 24/7",
    # ordinals
    "It was the 4th attack.",
    "It was the fourth attack.",
    "It was the first attack.",
    "the twenty-first century",
    # compound adjectives
    "to end the country's bloody six-year civil war",
    "a 10-year-old boy was among them",
    "a three-day visit",
    "a 500-strong crowd",
    "a one-off visit",
    "two-thirds of the town",
    # one as a pronoun
    "It was one of the deadliest attacks.",
    "He is the one who signed it.",
    "No one was hurt.",
    "They blamed one another.",
    "false flags like this one are being prepared",
    "the only one.",
    "one by one they left",
    "At one point he left.",
    "One day he will return.",
    "one or another official",
    # percentages and money
    "Turnout was 5%.",
    "Turnout rose 5 per cent.",
    "Turnout rose 5 percent.",
    "It cost $5 million.",
    "It cost £1.5 million.",
    "It cost 5 million dollars.",
    "It cost 20 euros.",
    # labels
    "under Article 5 of the treaty",
    "UN Resolution 2118 demands it",
    "He lives at No. 10 Downing Street.",
    "See room 5 and page 12.",
    "told BBC Two's Newsnight programme that",
    "The Group of 7 industrialized nations met.",
    "the boy, aged 5, was hurt",
    "Abdel Hamid Youssef, 29, lost his wife.",
    "Mr Putin (64) said so.",
    # ratios and scores
    "one in five children",
    "Nine out of ten people agree.",
    "The team won 3-1.",
    # not numbers at all
    "Test scores rose sharply.",
    "A few people came.",
    "Several people came.",
]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_numbers(text: str) -> None:
    assert numbers(text) == []


def test_seed_timestamp_line() -> None:
    text = ("it is not yet decided whether he will meet Mr Putin.12/04/2017 00:04 BST | "
            "Updated 12/04/2017 16:05 BST")
    assert numbers(text) == []


def test_headline_case_is_not_a_label() -> None:
    assert numbers("Syria Chemical Attack Kills At Least 80 In Rebel Town") == [
        ("At Least 80", Interval(80, INF))]


def test_sentence_initial_number_word() -> None:
    assert numbers("Seven countries signed.") == [("Seven", Interval(7, 7))]


def test_number_word_capitalized_mid_sentence_is_a_name() -> None:
    assert numbers("the programme on BBC Two last night") == []


# ---------------------------------------------------------------------------
# Measures
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "unit"), [
    ("within 20 minutes of the attack", "minutes"),
    ("He was jailed for 10 years.", "years"),
    ("after six days of fighting", "days"),
    ("a convoy 5 km long", "km"),
    ("4.5 times higher", "times"),
])
def test_measures_carry_their_unit(text: str, unit: str) -> None:
    assert only(text).unit == unit


# ---------------------------------------------------------------------------
# Parts of a total
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "total", "part"), [
    ("which killed 89 people, including 30 children.", "89", "30"),
    ("which killed 89 people, including at least 30 children.", "89", "at least 30"),
    ("killed 89 people, among them 30 children", "89", "30"),
    ("killed 89 people, 30 of whom were children", "89", "30"),
    ("killed 89 people, of whom 30 were children", "89", "30"),
    ("killed 89 people, 30 of them children", "89", "30"),
    ("89 people died; among the dead were 30 children", "89", "30"),
    ("killed 89 people (including 30 children)", "89", "30"),
    ("killed 89 civilians plus 10 soldiers", "89", "10"),
    ("89 died, not including 10 soldiers", "89", "10"),
    ("89 died and another 20 were missing", "89", "another 20"),
    ("89 died and a further 20 were missing", "89", "a further 20"),
    ("89 died and 20 more were missing", "89", "20"),
    ("89 died; 30 of the dead were children", "89", "30"),
])
def test_parts_are_flagged(text: str, total: str, part: str) -> None:
    found = find_numbers(text)
    assert [(text[e.start:e.end], e.part) for e in found] == [(total, False), (part, True)]


def test_part_list_continues_over_commas() -> None:
    text = "killed 89 people, including 30 children, 20 women and 10 elderly men"
    found = find_numbers(text)
    assert [e.part for e in found] == [False, True, True, True]


def test_part_clause_ends_at_a_clause_break() -> None:
    text = "killed 89 people, including children; 200 were wounded"
    found = find_numbers(text)
    assert [(text[e.start:e.end], e.part) for e in found] == [("89", False), ("200", False)]


def test_among_a_total() -> None:
    text = "30 children were among 89 people killed"
    assert [e.part for e in find_numbers(text)] == [True, False]
    text = "The chemical attack killed 27 children among the 87 victims."
    assert [e.part for e in find_numbers(text)] == [True, False]


def test_a_change_is_not_a_range() -> None:
    text = "The death toll rose by 3 to 89."
    assert [text[e.start:e.end] for e in find_numbers(text)] == ["3", "89"]


# ---------------------------------------------------------------------------
# Intervals
# ---------------------------------------------------------------------------
def test_meets_overlap_and_end_points() -> None:
    allowed = Interval(70, 100)
    assert Interval(89, 89).meets(allowed)
    assert Interval(80, INF).meets(allowed)
    assert Interval(40, INF).meets(allowed)
    assert not Interval(30, 30).meets(allowed)
    assert not Interval(100, INF, lo_open=True).meets(allowed)
    assert Interval(100, INF).meets(allowed)
    assert not Interval(0, 70, hi_open=True).meets(allowed)
    assert Interval(0, 70).meets(allowed)
    assert Interval.allowed(None, 100).meets(Interval(0, 5))
    assert Interval.allowed(70, None).meets(Interval(500, INF))
    assert not Interval.allowed(None, 10).meets(Interval(10, INF, lo_open=True))


def test_meets_is_symmetric() -> None:
    a, b = Interval(0, 50, hi_open=True), Interval(50, 60)
    assert a.meets(b) == b.meets(a) is False


def test_describe() -> None:
    assert only("killed 89 people").describe() == "exactly 89"
    assert only("left at least 80 dead").describe() == "at least 80"
    assert only("more than 50 dead").describe() == "more than 50"
    assert only("between 70 and 100 dead").describe() == "between 70 and 100"
    assert only("about 90 dead").describe() == "about 90 (81-99)"
    assert only("killed scores of people").describe() == "scores (at least 40)"
    assert only("fewer than 10 dead").describe() == "fewer than 10"
    assert only("up to 100 dead").describe() == "at most 100"
    assert only("killed 1,400 people").describe() == "exactly 1,400"
    assert Interval.allowed(70, 100).short() == "70-100"
    assert Interval.allowed(59, 59).short() == "exactly 59"
    assert Interval.allowed(70, None).short() == "at least 70"
    assert Interval.allowed(None, 100).short() == "at most 100"


def test_interval_rejects_reversed_bounds() -> None:
    with pytest.raises(ValueError):
        Interval(5, 4)


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------
PIECES = [*"0123456789 ,.-:/%$'\"()aAeoMst+", "1,000", "2017", "4.5",
          " one ", " two ", " hundred ", " dozen ", " dozens of ", " at least ", " between ",
          " and ", " to ", " or more ", " including ", " of whom ", " April ", " more than ",
          " million ", " nearly ", " about ", " the ", " scores of ", " G", "-year-old ",
          " twenty", "-", " a ", " half ", " several ", " tens of thousands "]
PROSE = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def _check_invariants(text: str) -> None:
    found = find_numbers(text)
    last_end = 0
    for e in found:
        assert 0 <= e.start <= e.value_start < e.value_end <= e.end <= len(text)
        assert e.start >= last_end
        last_end = e.end
        iv = e.interval
        assert iv.lo <= iv.hi
        assert iv.lo >= 0
        assert not math.isnan(iv.lo) and not math.isnan(iv.hi)


def test_other_scripts_digits_do_not_crash() -> None:
    assert numbers("\U00011bf0 and \u0663 people") == []


@settings(deadline=None)
@given(st.text(max_size=120))
def test_never_crashes_on_any_text(text: str) -> None:
    _check_invariants(text)


@settings(deadline=None)
@given(PROSE)
def test_invariants_on_number_heavy_text(text: str) -> None:
    _check_invariants(text)


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=999_999))
def test_at_least_round_trips(n: int) -> None:
    digits = f"{n:,}"
    text = f"The attack killed at least {digits} people."
    assert numbers(text) == [(f"at least {digits}", Interval(n, INF))]


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=50_000), st.integers(min_value=1, max_value=50_000))
def test_between_round_trips(a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    if lo == hi:
        hi += 1
    text = f"The attack killed between {lo:,} and {hi:,} people."
    assert numbers(text) == [(f"between {lo:,} and {hi:,}", Interval(lo, hi))]


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=99))
def test_number_words_round_trip(n: int) -> None:
    units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    teens = [
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"
    ]
    tens = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    if n < 10:
        word = units[n]
    elif n < 20:
        word = teens[n - 10]
    else:
        word = tens[n // 10] + (f"-{units[n % 10]}" if n % 10 else "")
    assert counts(f"It killed {word} people.") == [(word, Interval(n, n))]


# -- the words a number may start with ---------------------------------------------------
_VOCAB = sorted({*numtext.UNITS, *numtext.TEENS, *numtext.TENS, *numtext.SCALES,
                 *numtext.VAGUE, "a", "an", "half", "several", "few", "couple", "of", "dozen",
                 "score", "tens", "and", "or", "to", "people", "killed", "the", "-"})


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_VOCAB) | st.from_regex(r"[a-z]{1,9}", fullmatch=True),
       st.lists(st.sampled_from(_VOCAB), max_size=4))
def test_a_word_outside_the_starting_words_starts_no_core(first: str, rest: list[str]) -> None:
    """The shortcut in ``core`` (a set lookup) agrees with the word and vague readers."""
    r = numtext._Reader(" ".join([first, *rest]))
    if r.toks[0].low not in numtext._CORE_STARTS and r.toks[0].kind == "w":
        assert r.vague_core(0) is None and r.word_core(0) is None
    else:
        read = r.vague_core(0) or r.word_core(0) if r.toks[0].kind == "w" else r.digit_core(0)
        assert r.core(0) == read


def test_every_number_word_that_starts_a_core_is_a_starting_word() -> None:
    """Exhaustive over the vocabulary and two following words: no core is lost."""
    import itertools

    for first, *rest in itertools.product(_VOCAB, repeat=3):
        r = numtext._Reader(" ".join([first, *rest]))
        if r.toks[0].kind == "w" and (r.vague_core(0) or r.word_core(0)) is not None:
            assert r.toks[0].low in numtext._CORE_STARTS, (first, rest)
