"""SPEC §3a, quantity: a cue tied by its verb to a number at any distance in its
sentence (``the death toll [from ...] has risen to N``). Prose written for these
tests. ``C`` a contradiction; ``ok`` consistent and no contradiction; ``-`` no
contradiction."""

from __future__ import annotations

from pathlib import Path

import pytest

from .kindkit import assert_verdict, verdict

FIRE = """\
facts:
  - id: warehouse-fire-toll
    kind: quantity
    claim: Four people died in the Kelmore Road warehouse fire.
    about: [Kelmore Road, warehouse, fire, blaze]
    cues: [killed, dead, died, deaths, death toll, toll]
    min: 4
    max: 4
"""

VERB_LINK = [
    # fires: the number the verb links to the toll, however far
    ("The death toll from Friday's fire at the Kelmore Road warehouse has risen to nine.", "C"),
    ("The death toll from Friday's fire at the Kelmore Road warehouse has risen to four.", "ok"),
    ("The death toll from the fire, which destroyed 40 homes, rose to four.", "ok"),
    ("The death toll from the fire, which destroyed 40 homes, rose to 5.", "C"),
    ("The toll from the blaze in the old Kelmore Road grain warehouse now stands at six.", "C"),
    ("The death toll from the warehouse fire on Kelmore Road was put at four.", "ok"),
    ("The death toll in the blaze, across two floors of the warehouse, has been revised to "
     "seven.", "C"),
    ("The death toll from the warehouse fire reached at least twenty-one.", "C"),
    ("The death toll from the warehouse fire reached more than three.", "ok"),
    ("The number of dead from the warehouse fire on Kelmore Road climbed to 11.", "C"),
    # does not fire: the verb links something else, or no toll is linked
    ("The death toll from the fire and the number of injured rose to 12.", "-"),
    ("The death toll from the fire is expected to rise; 12 firefighters remain in hospital.",
     "-"),
    ("A man killed in the Kelmore Road warehouse fire was 45.", "-"),
    ("Those who died in the warehouse fire on Kelmore Road were aged 19 to 60.", "-"),
    ("The death toll from the fire, officials said, is likely to be revised.", "-"),
]


@pytest.mark.parametrize(("text", "want"), VERB_LINK)
def test_verb_links_the_cue_to_its_number(tmp_path: Path, text: str, want: str) -> None:
    assert_verdict(verdict(tmp_path, FIRE, text), want)


PRESUMED = [
    ("Nine people are missing, presumed dead, after the warehouse fire.", "C"),
    ("Four people are missing, presumed dead, after the warehouse fire.", "ok"),
    ("Nine people are feared dead in the warehouse fire.", "C"),
    ("Four people are feared dead in the warehouse fire.", "ok"),
    ("Nine people were missing after the warehouse fire.", "-"),
]


@pytest.mark.parametrize(("text", "want"), PRESUMED)
def test_presumed_dead_is_the_cue_dead(tmp_path: Path, text: str, want: str) -> None:
    assert_verdict(verdict(tmp_path, FIRE, text), want)
