"""Invisible characters and line-end hyphens cannot hide a finding (SPEC §5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.text.normalize import normalize

from .kindkit import check, statuses

# One of each kind of default-ignorable code point that used to slip through.
HIDERS = ["\u034f", "\ufe0f", "\ufe00", "\U000e0100", "\u200e", "\u200f", "\u202a",
          "\u202e", "\u2066", "\u2069", "\U000e0041", "\U000e007f", "\u200b", "\u00ad"]

LAVROV = """\
facts:
  - id: lavrov-spelling
    kind: spelling
    preferred: Sergei Lavrov
    avoid: [Sergey Lavrov]
"""

TOLL = """\
facts:
  - id: toll
    kind: quantity
    claim: Between 70 and 100 people died in the Khan Sheikhoun attack.
    about: [Khan Sheikhoun]
    cues: [killed, dead, died]
    min: 70
    max: 100
"""

FORBID = """\
facts:
  - id: no-foreknowledge
    kind: pattern
    forbid: 'Russia knew in advance'
"""

QUOTE = """\
facts:
  - id: remark
    kind: quote
    speaker: Vladimir Putin
    text: We have seen it all already and we will not accept it.
"""


@pytest.mark.parametrize("hider", HIDERS)
def test_hidden_character_does_not_hide_an_avoided_spelling(tmp_path: Path, hider: str) -> None:
    text = f"He met Ser{hider}gey Lavrov today."
    r = check(tmp_path, LAVROV, text)
    ((status, matched),) = statuses(r)
    assert status == "contradiction"
    assert matched.replace(hider, "") == "Sergey Lavrov"


@pytest.mark.parametrize("hider", HIDERS)
def test_hidden_character_does_not_hide_a_toll(tmp_path: Path, hider: str) -> None:
    text = f"The Khan Sheikhoun attack kil{hider}led 5{hider}0 people."
    r = check(tmp_path, TOLL, text)
    assert [f.status for f in r.findings] == ["contradiction"]


@pytest.mark.parametrize("hider", HIDERS)
def test_hidden_character_does_not_hide_a_forbidden_phrase(tmp_path: Path, hider: str) -> None:
    r = check(tmp_path, FORBID, f"Officials said Rus{hider}sia knew in ad{hider}vance.")
    assert [f.status for f in r.findings] == ["contradiction"]


@pytest.mark.parametrize("hider", ["\u034f", "\u202e", "\U000e0041", "\ufe0f"])
def test_hidden_character_does_not_hide_an_altered_quote(tmp_path: Path, hider: str) -> None:
    text = (f'Vladimir Putin said: "We have seen it all be{hider}fore and we will not '
            f'ac{hider}cept it."')
    r = check(tmp_path, QUOTE, text)
    assert [(f.status, f.reason) for f in r.findings] == [("contradiction", "altered-quote")]
    clean = 'Vladimir Putin said: "We have seen it all al\u034fready and we will not accept it."'
    assert [f.status for f in check(tmp_path, QUOTE, clean).findings] == ["consistent"]


@pytest.mark.parametrize("brk", ["-\n", "- \n", "-\n    ", "\u2010\n", "-\r\n"])
def test_line_end_hyphen_inside_a_word_is_joined(tmp_path: Path, brk: str) -> None:
    n = normalize(f"He met Ser{brk}gey Lavrov.")
    assert n.surface == "He met Sergey Lavrov."
    r = check(tmp_path, LAVROV, f"He met Ser{brk}gey Lavrov.")
    assert [f.status for f in r.findings] == ["contradiction"]


@pytest.mark.parametrize("text", ["East-\nWest talks", "a 5-\n10 range", "Ser- gey", "end -\nnext"])
def test_other_hyphens_stay(text: str) -> None:
    assert "-" in normalize(text).surface


def test_compound_at_a_line_end_is_joined_to_one_word() -> None:
    """README Decisions: a compound broken at its hyphen reads as one word."""
    assert normalize("a well-\nknown man").surface == "a wellknown man"


def test_offsets_of_a_word_with_hidden_characters_cover_it() -> None:
    text = "met Se\u200er\u202egey."
    n = normalize(text)
    k = n.surface.index("Sergey")
    s, e = n.to_source(k, k + 6)
    assert text[s:e] == "Se\u200er\u202egey"


PLAIN = st.text(alphabet=st.sampled_from(list("Sergy Lav-\n\t.\u00e9\u0301\u2019\"U.N")),
                max_size=60)


@settings(deadline=None, max_examples=300)
@given(PLAIN, st.lists(st.tuples(st.integers(0, 60), st.sampled_from(HIDERS)), max_size=6))
def test_inserting_ignorables_never_changes_the_normalized_text(
        text: str, inserts: list[tuple[int, str]]) -> None:
    hidden = text
    for at, ch in sorted(inserts, reverse=True):
        hidden = hidden[:at] + ch + hidden[at:]
    a, b = normalize(text), normalize(hidden)
    assert (b.surface, b.folded) == (a.surface, a.folded)


@settings(deadline=None, max_examples=300)
@given(st.text(alphabet=st.one_of(st.sampled_from(HIDERS + list("ab-\n \u0301")),
                                  st.characters()), max_size=80))
def test_offset_map_stays_exact_with_ignorables(text: str) -> None:
    n = normalize(text)
    last = 0
    for i in range(len(n.surface)):
        s, e = n.to_source(i, i + 1)
        assert 0 <= s < e <= len(text)
        assert s >= last
        last = s


@pytest.mark.parametrize(("text", "foreign"), [
    ("He met S\u0435rgey Lavrov.", "Cyrillic \u0435 (U+0435)"),   # avoided form, Cyrillic е
    ("He met Sergei Lavr\u03bfv.", "Greek \u03bf (U+03BF)"),      # house form, Greek ο
    ("He met S\u0435rg\u0435i Lavrov.", "Cyrillic \u0435 (U+0435)"),
])
def test_look_alike_letters_are_an_avoided_spelling(tmp_path: Path, text: str,
                                                    foreign: str) -> None:
    r = check(tmp_path, LAVROV, text)
    (f,) = r.findings
    assert (f.status, f.reason) == ("contradiction", "avoided-spelling")
    assert foreign in f.message and "'Sergei Lavrov'" in f.message
    assert f.matched == text[7:-1]


@pytest.mark.parametrize("text", [
    "He met Serg\u00e9i Lavrov.",                       # a real accent is not a look-alike
    # a whole Cyrillic name is a Cyrillic word, not a look-alike
    "\u0421\u0435\u0440\u0433\u0435\u0439 \u041b\u0430\u0432\u0440\u043e\u0432 said so.",
    "He met Sergei Lavrov; \u0421\u0435\u0440\u0433\u0435\u0439 agreed.",
])
def test_no_look_alike_finding_on_clean_text(tmp_path: Path, text: str) -> None:
    r = check(tmp_path, LAVROV, text)
    assert all(f.status != "contradiction" for f in r.findings), r.findings


def test_look_alikes_do_not_hide_a_toll_a_forbid_match_or_an_altered_quote(
        tmp_path: Path) -> None:
    toll = check(tmp_path, TOLL, "The Khan Sh\u0435ikhoun attack kill\u0435d 50 people.")
    assert [f.status for f in toll.findings] == ["contradiction"]
    forbid = check(tmp_path, FORBID, "Officials said Russi\u0430 kn\u0435w in \u0430dvance.")
    assert [f.status for f in forbid.findings] == ["contradiction"]
    quote = check(tmp_path, QUOTE, 'Vladimir Putin said: "We have seen it all b\u0435fore '
                                   'and we will not accept it."')
    assert [(f.status, f.reason) for f in quote.findings] == [("contradiction", "altered-quote")]


def test_folded_view_reads_look_alikes_as_latin_with_the_same_offsets() -> None:
    n = normalize("Sergey L\u0430vrov and \u0421\u0435\u0440\u0433\u0435\u0439")
    assert n.folded == "Sergey Lavrov and \u0421\u0435\u0440\u0433\u0435\u0438"  # й folded as now
    assert n.surface == "Sergey L\u0430vrov and \u0421\u0435\u0440\u0433\u0435\u0439"
