"""Plain text: a short line without closing punctuation is its own paragraph (SPEC §3a)."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from pytest_factcheck.text.segment import paragraph_spans


def paragraphs(text: str) -> list[str]:
    return [text[s:e] for s, e in paragraph_spans(text, short_lines=True)]


BODY = ("The council's emergency committee met on Monday evening to discuss the\n"
        "flooding, which has closed three roads and forced 40 families from their homes.")


def test_headline_and_byline_stand_alone() -> None:
    text = "Flood fund agreed after late-night talks\nBy Jane Doe and John Roe\n" + BODY
    got = paragraphs(text)
    assert got[0] == "Flood fund agreed after late-night talks"
    assert got[1] == "By Jane Doe and John Roe"
    assert got[2].startswith("The council's emergency committee")


def test_byline_does_not_run_into_the_caption() -> None:
    text = ("Jane Doe, and John Roe\n"
            "Mayor Ana Ferris speaks to residents outside the flooded community centre on Monday.")
    assert paragraphs(text) == [
        "Jane Doe, and John Roe",
        "Mayor Ana Ferris speaks to residents outside the flooded community centre on Monday."]


def test_wrapped_sentence_is_one_paragraph() -> None:
    # Lines of a hard-wrapped paragraph: the last line is short but ends the sentence,
    # the middle line ends on "the" and the next goes on in lower case.
    text = ("Rescuers worked through the night at the site of the collapse, said the\n"
            "chief fire officer, who asked residents to stay away from the area until\n"
            "Tuesday.")
    assert paragraphs(text) == [text]


def test_a_name_broken_over_a_line_in_a_tiny_block_is_not_split() -> None:
    # No wrap width to measure against: keep the lines together.
    assert paragraphs("Bashar\nAssad spoke.") == ["Bashar\nAssad spoke."]


def test_short_line_ending_in_a_comma_runs_on() -> None:
    # The next line opens with a capital, so only the comma says it runs on.
    text = ("Speaking for the council,\n"
            "Ana Ferris said the fund would open on Friday for every family that lost a home.")
    assert paragraphs(text) == [text]


def test_markdown_and_html_keep_their_own_paragraphs() -> None:
    text = "Flood fund agreed\n" + BODY
    assert len(paragraph_spans(text)) == 1  # without short_lines: one block


@given(st.text(alphabet=st.sampled_from(list("ab C.\n,:\"")), max_size=300))
def test_short_line_spans_refine_the_blocks(text: str) -> None:
    blocks = paragraph_spans(text)
    spans = paragraph_spans(text, short_lines=True)
    assert spans == sorted(spans)
    for (_s1, e1), (s2, _e2) in pairwise(spans):
        assert e1 <= s2
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        assert any(bs <= s and e <= be for bs, be in blocks)
