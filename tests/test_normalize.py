"""Normalization (SPEC §3) and its offset map back to the original text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.text.normalize import normalize, normalize_phrase


@pytest.mark.parametrize(
    ("original", "folded"),
    [
        ("U.N.", "UN"),
        ("the U.S.-led coalition", "the US-led coalition"),
        ("G-7 nations", "G7 nations"),
        ("an F-16 jet", "an F16 jet"),
        ("six-year civil war", "six-year civil war"),
        ("70-100 people", "70-100 people"),
        ("Putin\u2019s \u201cprovocations\u201d", "Putin's \"provocations\""),
        ("\u2018war crime\u2019", "'war crime'"),
        ("\u00abnon\u00bb", '"non"'),
        ("a 6\u2032 wall", "a 6' wall"),
        ("Syria \u2013 and Iran \u2014 too", "Syria - and Iran - too"),
        ("minus \u2212 sign", "minus - sign"),
        ("  many   spaces\n\tand lines  ", "many spaces and lines"),
        ("Caf\u00e9 Sigmar Gabri\u00e9l", "Cafe Sigmar Gabriel"),
        ("Cafe\u0301", "Cafe"),
        ("\ufb01nal", "final"),
        ("wait\u2026", "wait..."),
        ("non\u00a0breaking", "non breaking"),
        ("zero\u200bwidth", "zerowidth"),
        ("J.K. Rowling", "JK Rowling"),
    ],
)
def test_normalization_rules(original: str, folded: str) -> None:
    assert normalize(original).folded == folded


def test_surface_keeps_diacritics_and_quote_shapes() -> None:
    n = normalize("Sigmar Gabri\u00e9l said \u201chello\u201d")
    assert n.surface == "Sigmar Gabri\u00e9l said \u201chello\u201d"
    assert n.folded == 'Sigmar Gabriel said "hello"'
    assert len(n.surface) == len(n.folded)


def test_case_is_kept_for_sentence_splitting() -> None:
    assert normalize("VLADIMIR Putin").folded == "VLADIMIR Putin"


def test_phrase_normalization_matches_article_normalization() -> None:
    assert normalize_phrase("G-7 gathering") == normalize("the G-7 gathering").folded[4:]


def test_offsets_point_back_to_the_original_words() -> None:
    text = "The \u201cU.N.\u201d  said\u2026 G-7 Caf\u00e9"
    n = normalize(text)
    i = n.folded.index("UN")
    assert text[slice(*n.to_source(i, i + 2))] == "U.N."
    j = n.folded.index("G7")
    assert text[slice(*n.to_source(j, j + 2))] == "G-7"
    k = n.folded.index("...")
    assert text[slice(*n.to_source(k, k + 3))] == "\u2026"
    m = n.folded.index("said")
    assert text[slice(*n.to_source(m, m + 4))] == "said"


# -- properties -------------------------------------------------------------
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("U.N.G-7 \n\t\u2019\u201c\u201d\u2014\u2026\u00e9\u0301\u200b")),
    ),
    max_size=200,
)


@settings(deadline=None, max_examples=300)
@given(TEXT)
def test_offset_map_sends_every_span_back_inside_the_original(text: str) -> None:
    n = normalize(text)
    assert len(n.surface) == len(n.folded)
    last_end = 0
    for i in range(len(n.folded)):
        s, e = n.to_source(i, i + 1)
        assert 0 <= s < e <= len(text)
        assert e >= last_end
        last_end = e
    if n.folded:
        s, e = n.to_source(0, len(n.folded))
        assert 0 <= s <= e <= len(text)


@settings(deadline=None, max_examples=300)
@given(TEXT)
def test_offset_map_is_monotonic(text: str) -> None:
    n = normalize(text)
    starts = [n.to_source(i, i + 1)[0] for i in range(len(n.folded))]
    assert starts == sorted(starts)


@settings(deadline=None, max_examples=300)
@given(st.text(alphabet=st.characters(codec="ascii", exclude_characters="\r\n\t\x0b\x0c "),
               max_size=60), st.text(alphabet=st.characters(codec="ascii",
                                                            exclude_characters="\r\n\t\x0b\x0c "),
                                     max_size=60))
def test_unchanged_words_map_to_themselves(left: str, right: str) -> None:
    """A word that normalization leaves alone maps back to the same characters."""
    text = f"{left} Khan {right}"
    n = normalize(text)
    k = n.folded.find(" Khan ")
    if k >= 0:
        s, e = n.to_source(k + 1, k + 5)
        assert text[s:e] == "Khan"


@settings(deadline=None, max_examples=200)
@given(TEXT)
def test_normalization_is_idempotent(text: str) -> None:
    # A combining mark that NFKC cannot compose stays on its own in ``surface``
    # (diacritics count in spelling facts); folding keeps lengths equal, so such
    # marks are left out of this property.
    text = "".join(c for c in text if not unicodedata.combining(c))
    once = normalize(text).folded
    assert normalize(once).folded == once


@settings(deadline=None, max_examples=200)
@given(TEXT)
def test_output_is_nfkc_stable_and_has_no_runs_of_space(text: str) -> None:
    out = normalize(text).folded
    assert "  " not in out
    assert out == out.strip(" ")
    assert not any(c in out for c in "\u2013\u2014\u201c\u201d\u2019")
    assert unicodedata.normalize("NFKC", out).replace("\u2044", "/") is not None


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Aa Zz.'-`,0123 \t\nJRU\u2019\u00e9\u0301\u200b")),
               max_size=30)
       | st.sampled_from(["Mr. Sergei Lavrov", "U.N. envoy", "G-7", " Dr Smith", "Dr  Smith",
                          "Mr J.R. Smith", "O'Brien", "Jean-Marc", "Mr Smith "]))
def test_a_phrase_left_as_it_is_is_what_normalize_gives(text: str) -> None:
    """The shortcut of normalize_phrase agrees with normalize on every phrase."""
    assert normalize_phrase(text) == normalize(text).folded
