"""A quoted span with no attribution of its own keeps the speaker of the earlier
span of its paragraph, unless another person is named between them (SPEC §3a),
and a colon inside a line ends no sentence.

Prose written for these tests: a foreign minister's row with her cabinet
colleague. ``C`` must be a contradiction; ``ok`` consistent evidence and no
contradiction; ``-`` no contradiction (a note, or consistent evidence with no
readable speaker).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.quoting import spoken_quotes
from pytest_factcheck.text.segment import sentence_spans

from .conftest import prepared
from .kindkit import assert_verdict, catalog, verdict

ROW = """\
entities:
  raman:
    name: Priya Raman
    aliases: [Ms Raman, the foreign minister]
  holt:
    name: Daniel Holt
    aliases: [Mr Holt, the defence secretary]
  jones:
    name: Ann Jones
    aliases: [Ms Jones]
facts:
  - id: raman-ministries
    kind: quote
    speaker: raman
    text: >-
      Our two ministries cannot go on working in this way, and I have told the
      prime minister so.
"""
EXACT = "Our two ministries cannot go on working in this way, and I have told the prime minister so"
ALTERED = ("Our two ministries cannot go on working in that way, and I have told the prime "
           "minister so")
FIRST = '"We have agreed on very little,"'

CARRIED = [
    # the speaker of the first span carries to the next sentence's span
    (f'{FIRST} the foreign minister said on Tuesday. "{ALTERED}."', "C"),
    (f'{FIRST} Ms Raman told reporters in Delhi. "{EXACT}."', "ok"),
    (f'{FIRST} said Priya Raman, 51, who flew in overnight. "{ALTERED}."', "C"),
    # a misattribution is carried too
    (f'{FIRST} said Mr Holt, the defence secretary. "{EXACT}."', "C"),
    (f'{FIRST} Daniel Holt said. "{EXACT}."', "C"),
    # through a pronoun resolved in the paragraph
    (f'Ms Raman left the talks early. {FIRST} she said. "{ALTERED}."', "C"),
    # a sentence without a name between the spans does not break the carry
    (f'{FIRST} Ms Raman said on Tuesday in New Delhi. "{ALTERED}."', "C"),
    (f'{FIRST} Ms Raman said. On Tuesday she flew home. "{ALTERED}."', "C"),
    (f'{FIRST} Ms Raman said. It was her bluntest remark in years. "{ALTERED}."', "C"),
    # an interrupted quote whose attribution goes on with an aside
    (f'{FIRST} Ms Raman said, pausing to look at her notes, "and {ALTERED[0].lower()}'
     f'{ALTERED[1:]}."', "C"),
    (f'{FIRST} Ms Raman said on Tuesday, before adding: "{ALTERED}."', "C"),
    # a scare quote in between neither takes the speaker nor breaks the carry
    (f'{FIRST} Ms Raman said, calling the talks a "charade". "{ALTERED}."', "C"),
    # the span's own attribution wins over the carry
    (f'{FIRST} Ms Raman said. "{EXACT}," Mr Holt replied.', "C"),
    (f'{FIRST} Mr Holt said. "{EXACT}," Ms Raman replied.', "ok"),
]

NOT_CARRIED = [
    # another person named between the spans
    (f'{FIRST} Ms Raman said. Mr Holt disagreed. "{ALTERED}."', "-"),
    (f'{FIRST} Mr Holt said. Ms Raman shook her head. "{EXACT}."', "-"),
    (f'{FIRST} Ms Raman said, as the defence secretary looked on. "{ALTERED}."', "-"),
    # someone who is no known entity named between: perhaps theirs
    (f'{FIRST} Mr Holt said. Anne Keller, who chairs the committee, was unconvinced. '
     f'"{EXACT}."', "-"),
    (f'{FIRST} Mr Holt said. A ministry spokesman was more cautious. "{EXACT}."', "-"),
    (f'{FIRST} Ms Raman said. Her critics were unmoved. "{ALTERED}."', "-"),
    # the span talked about, or another person named in the rest of its sentence
    (f'{FIRST} Mr Holt said. "{EXACT}" is how Ms Raman put it.', "-"),
    (f'{FIRST} Mr Holt said. "{EXACT}" was the phrase his colleague used.', "-"),
    (f'{FIRST} Mr Holt said. "{EXACT}," as Ms Raman had put it in May.', "-"),
    # a new paragraph that does not open with a quote mark
    (f'{FIRST} Mr Holt said.\n\nThe talks ended at noon. "{EXACT}."', "-"),
    # the span sits inside the narrator's own sentence
    (f'{FIRST} Mr Holt said on Tuesday. The opposition printed the words "{EXACT}" on '
     'its leaflets.', "-"),
    (f'{FIRST} Ms Raman said. Her critics call it the "{ALTERED}" doctrine.', "-"),
    # two women before "she": the pronoun stays unsure, and so does the carry
    (f'Ms Raman met Ms Jones in Delhi. {FIRST} she said. "{EXACT}."', "-"),
    (f'Ms Raman met Ms Jones in Delhi. {FIRST} she said. "{ALTERED}."', "-"),
    # an answer to a question is not the asker's
    (f'Was it over, Mr Holt asked. "{EXACT}," came the reply.', "-"),
]


@pytest.mark.parametrize(("text", "want"), CARRIED + NOT_CARRIED)
def test_carry(tmp_path: Path, text: str, want: str) -> None:
    assert_verdict(verdict(tmp_path, ROW, text), want)


COLONS = [
    # a colon inside the line keeps the speaker with the quote
    (f'Ms Raman said: "{ALTERED}."', "C"),
    (f'Ms Raman said at 10:30 on Tuesday: "{ALTERED}."', "C"),
    (f'Ms Raman told reporters at 9:15: "{EXACT}."', "ok"),
    (f'"{ALTERED}," Ms Raman, speaking at 10:30 in Delhi, said.', "C"),
    (f'Mr Holt said at 10:30: "{EXACT}."', "C"),
    # a colon in the narrator's sentence before: still one reading per sentence
    (f'The talks had one result: nothing. "{ALTERED}," Ms Raman said.', "C"),
    (f'Mr Holt had one message: patience. "{EXACT}," Ms Raman said.', "ok"),
    # a colon at a line end ends the paragraph; the quote paragraph continues
    (f'Ms Raman, speaking in Delhi on Tuesday, said:\n"{ALTERED}."', "C"),
    (f'Mr Holt, speaking in Delhi on Tuesday, said:\n"{EXACT}."', "C"),
]


@pytest.mark.parametrize(("text", "want"), COLONS)
def test_colon_keeps_the_speaker(tmp_path: Path, text: str, want: str) -> None:
    assert_verdict(verdict(tmp_path, ROW, text), want)


@pytest.mark.parametrize("text", [
    "The mayor had one message: rebuild.",
    "The council met at 10:30 on Monday and again at 14:15.",
    "Her verdict was short: the plan is dead, and the money is gone.",
])
def test_a_colon_inside_a_line_ends_no_sentence(text: str) -> None:
    assert sentence_spans(text) == [(0, len(text))]


_WORD = st.sampled_from("the talks plan money council city budget road went on were late "
                        "and slowly in our all".split())


@given(st.lists(st.lists(_WORD, min_size=1, max_size=8), min_size=1, max_size=4),
       st.integers(0, 3))
def test_colons_never_add_sentences(clauses: list[list[str]], where: int) -> None:
    # Property: a colon joining two clauses (or a time) never splits a sentence.
    parts = [" ".join(c) for c in clauses]
    plain = "The " + " and ".join(parts) + "."
    with_colon = "The " + ": ".join(parts) + f" at {where + 9}:{where}5."
    assert len(sentence_spans(with_colon)) == len(sentence_spans(plain)) == 1


_FILLER = st.lists(st.sampled_from(
    "the talks had dragged on for hours and nobody in the room expected a deal "
    "before midnight".split()), min_size=2, max_size=10)
_OTHER = st.sampled_from(["Mr Holt", "Ms Jones", "The defence secretary", "Daniel Holt"])


def _speakers(tmp_path: Path, text: str) -> list[str | None]:
    cat = catalog(tmp_path, ROW)
    return [sq.attribution.speaker if sq.attribution else None
            for sq in spoken_quotes(prepared(text), cat.entities)]


@settings(max_examples=30, deadline=None)
@given(_FILLER)
def test_property_carry_survives_a_sentence_naming_nobody(
        tmp_path_factory: pytest.TempPathFactory, filler: list[str]) -> None:
    sentence = " ".join(filler).capitalize() + "."
    text = f'{FIRST} Ms Raman said. {sentence} "{ALTERED}."'
    assert _speakers(tmp_path_factory.mktemp("c"), text) == ["raman", "raman"]


@settings(max_examples=30, deadline=None)
@given(_FILLER, _OTHER)
def test_property_carry_stops_at_another_name(
        tmp_path_factory: pytest.TempPathFactory, filler: list[str], other: str) -> None:
    text = f'{FIRST} Ms Raman said. {other} {" ".join(filler)}. "{ALTERED}."'
    got = _speakers(tmp_path_factory.mktemp("c"), text)
    assert got[0] == "raman" and got[-1] is None


ROW_HALVES = [
    # the halves of an interrupted quote are read as one quote
    ('"Our two ministries cannot go on working in this way," Ms Raman said on Tuesday, '
     '"and I have told the premier so."', "C"),
    ('"Our two ministries cannot go on working in this way," Ms Raman said, pausing as '
     'reporters shouted questions, "and I have told the prime minister so."', "ok"),
    ('"Our two ministries cannot," she said, "go on working in that way, and I have told '
     'the prime minister so." Ms Raman left.', "-"),
    ('Ms Raman was blunt. "Our two ministries cannot," she said, "go on working in that '
     'way, and I have told the prime minister so."', "C"),
    # not halves: a new sentence, a partial quote after "adding that", another speaker
    ('"Our two ministries cannot go on working in this way," Ms Raman said. "And I told '
     'him so."', "ok"),
    ('"Our two ministries cannot go on working in this way," Ms Raman said, adding that '
     'the "prime minister knows it".', "ok"),
    ('"Our two ministries cannot go on working in this way," Ms Raman said, as Mr Holt '
     'replied, "and I have told the premier so."', "ok"),
]


@pytest.mark.parametrize(("text", "want"), ROW_HALVES)
def test_interrupted_quote_halves(tmp_path: Path, text: str, want: str) -> None:
    assert_verdict(verdict(tmp_path, ROW, text), want)
