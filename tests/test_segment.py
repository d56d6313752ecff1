"""Paragraphs and sentences (SPEC §3)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.text.segment import paragraph_spans, sentence_spans

from .conftest import SEEDS, prepared


def paragraphs(text: str) -> list[str]:
    return [text[s:e] for s, e in paragraph_spans(text)]


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_blank_line_ends_a_paragraph() -> None:
    assert paragraphs("One thing.\n\nAnother thing.") == ["One thing.", "Another thing."]


def test_hard_wrapped_lines_join_into_one_paragraph() -> None:
    text = "The attack killed\n89 people in the town\nof Khan Sheikhoun.\n\nNext."
    assert paragraphs(text) == ["The attack killed\n89 people in the town\nof Khan Sheikhoun.",
                                "Next."]


def test_one_paragraph_per_line_text_reads_right() -> None:
    text = "First paragraph ends here.\nSecond one too!\nA third asks?\nA fourth: \nFifth"
    assert paragraphs(text) == ["First paragraph ends here.", "Second one too!",
                                "A third asks?", "A fourth:", "Fifth"]


def test_line_break_after_closing_quote_after_punctuation_ends_a_paragraph() -> None:
    text = "\u201cWe have seen it all already.\u201d\nHe left.\n\u201cNo.\u201d\nEnd"
    assert paragraphs(text) == ["\u201cWe have seen it all already.\u201d", "He left.",
                                "\u201cNo.\u201d", "End"]


def test_crlf_and_cr_line_endings() -> None:
    assert paragraphs("One.\r\nTwo\r\nstill two.\r\n\r\nThree.") == [
        "One.", "Two\r\nstill two.", "Three."]
    assert paragraphs("One.\rTwo\rstill two.\r\rThree.") == [
        "One.", "Two\rstill two.", "Three."]


def test_sentences_split_at_terminal_punctuation() -> None:
    assert sentences("Russia denied it. The US did not. Who knows?") == [
        "Russia denied it.", "The US did not.", "Who knows?"]


def test_honorifics_initials_and_abbreviations_do_not_end_sentences() -> None:
    assert sentences("Mr. Putin met Dr. Smith and Col. Gen. Sergei Rudskoy. Then he left.") == [
        "Mr. Putin met Dr. Smith and Col. Gen. Sergei Rudskoy.", "Then he left."]
    assert sentences("J. K. Rowling wrote it. Fine.") == ["J. K. Rowling wrote it.", "Fine."]


def test_quotes_keep_attribution_in_the_sentence() -> None:
    text = '"Do they want to be part of the solution?" the Foreign Secretary told Sky News.'
    assert sentences(text) == [text]
    text2 = '"It reminds me of 2003," declared Mr Putin, "when US envoys lied." We have.'
    assert sentences(text2) == [
        '"It reminds me of 2003," declared Mr Putin, "when US envoys lied."', "We have."]


def test_sentence_ending_inside_quotes() -> None:
    assert sentences('He said: "We have seen it all already." Then he left.') == [
        'He said: "We have seen it all already."', "Then he left."]


def test_seed_article_segments() -> None:
    art = prepared((SEEDS / "001_f175f75c7582221c.txt").read_text(encoding="utf-8"))
    first = art.folded[art.paragraphs[0].start:art.paragraphs[0].end]
    assert first == "12/04/2017 00:04 BST | Updated 12/04/2017 16:05 BST"
    texts = [art.folded[s.start:s.end] for s in art.sentences]
    assert "US Secretary of State Rex Tillerson is in Moscow for talks after a G7 foreign " \
           "ministers' meeting in Lucca, Italy." in texts


ANY_TEXT = st.text(
    alphabet=st.one_of(st.characters(codec="utf-8"),
                       st.sampled_from(list(".?!:\n\r \"'\u201c\u201d"))),
    max_size=300,
)


@settings(deadline=None, max_examples=300)
@given(ANY_TEXT)
def test_paragraphs_are_ordered_in_bounds_and_non_blank(text: str) -> None:
    last = 0
    for s, e in paragraph_spans(text):
        assert last <= s < e <= len(text)
        assert text[s:e].strip()
        assert not text[s].isspace() and not text[e - 1].isspace()
        last = e


@settings(deadline=None, max_examples=300)
@given(ANY_TEXT)
def test_sentences_cover_the_paragraph_text(text: str) -> None:
    spans = sentence_spans(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert text[last:s].strip() == ""
        last = e
    assert text[last:].strip() == ""


@settings(deadline=None, max_examples=200)
@given(ANY_TEXT)
def test_prepared_article_segments_nest(text: str) -> None:
    art = prepared(text)
    for sent in art.sentences:
        para = art.paragraphs[sent.paragraph]
        assert para.start <= sent.start < sent.end <= para.end
        assert art.sentence_at(sent.start) == sent
    for p in art.paragraphs:
        s, e = art.to_source(p.start, p.end)
        assert 0 <= s <= e <= len(text)
