"""Red-team of the ``quantity`` kind on unseen newspaper prose (written for these tests).

Each case is one sentence (or a short article) about a story that is not in the
seeds: an earthquake, a factory fire, a hostage release. ``C`` must be a
contradiction; ``ok`` must be consistent evidence and no contradiction; ``-``
must not be a contradiction (a note or nothing). Cases marked "SPEC" in a
comment are literal SPEC readings kept on purpose.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pytest_factcheck.text.numbers import find_numbers

from .kindkit import assert_verdict, check, verdict

QUAKE = """\
facts:
  - id: quake-toll
    kind: quantity
    claim: Between 1,180 and 1,400 people died in the March 2024 Valmora earthquake.
    about: [Valmora, earthquake, quake, tremor]
    cues: [killed, dead, died, deaths, death toll, toll, lives, bodies, fatalities]
    min: 1180
    max: 1400
"""

FIRE = """\
facts:
  - id: fire-toll
    kind: quantity
    claim: Twenty-three workers died in the Harlow Street factory fire on 2 May 2023.
    about: [Harlow Street, factory fire, blaze, fire]
    cues: [killed, dead, died, deaths, death toll, lives, perished]
    min: 23
    max: 23
"""

HOSTAGES = """\
facts:
  - id: hostages-freed
    kind: quantity
    claim: Seventeen hostages were freed from the Meridian Hotel on 9 October 2025.
    about: [Meridian Hotel, hostages, hostage, siege]
    cues: [freed, released, hostages freed, hostages released]
    min: 17
    max: 17
"""


QUAKE_CASES = [
    # numbers in every form
    ("The earthquake has killed at least 1,200 people, including 310 children.", "ok"),
    ("The earthquake killed 1,214 people, 310 of them children.", "ok"),
    ("The quake killed between 1,100 and 1,300 people.", "ok"),
    ("The quake killed 1,100-1,300 people.", "ok"),
    ("The quake killed up to 1,300 people.", "ok"),
    ("The quake killed about 1,200 people.", "ok"),
    ("The earthquake killed more than a thousand people.", "ok"),
    ("The quake killed one thousand two hundred people.", "ok"),  # was read as 1,000
    ("The quake killed 1.2 thousand people.", "ok"),
    ("The quake killed 1 214 people.", "ok"),  # space-grouped thousands: was read as 1
    ("Dozens were killed in the quake.", "ok"),
    ("Hundreds were killed in the quake.", "ok"),
    ("Thousands were killed in the quake.", "C"),
    ("The earthquake killed 600 people.", "C"),
    ("The quake injured 2,900 people and killed 600.", "C"),
    ("Valmora quake: 600 dead", "C"),
    ("The quake killed up to 700 people.", "C"),  # SPEC: [0, 700] misses the range
    ("At least 600 people died in the earthquake.", "ok"),  # SPEC: [600, inf) meets it
    # other numbers near cues
    ("The quake, the deadliest since 1976, killed 1,214 people.", "ok"),
    ("The quake killed 1,214 people, making it one of the deadliest in the country's "
     "history.", "ok"),
    ("More than 1,200 people were killed in the quake, the 12th deadliest on record.", "ok"),
    ("The quake killed 1,214 people in 14 villages.", "ok"),
    ("Rescuers worked for 72 hours after the quake killed 1,214 people.", "ok"),
    ("The quake struck at 4:12 a.m. and killed 1,214 people.", "ok"),
    ("The quake, which measured 7.1, killed 1,214 people.", "ok"),
    ("The quake killed 1,214 people, 40% of them women.", "ok"),
    ("The quake killed 1,214, Interior Minister Dana Osei, 52, told reporters.", "ok"),
    ("Dana Osei, 52, said the quake had killed 1,214.", "ok"),
    ("The quake killed a 4-year-old girl's parents.", "-"),
    ("The quake killed one in five residents of Ostra.", "-"),
    # several casualty figures in one sentence
    ("The quake killed 1,214 people and injured 2,900.", "ok"),
    ("The quake injured 2,900 people and killed 1,214.", "ok"),
    ("The quake killed 1,214 people; 2,900 were injured.", "ok"),
    ("The quake killed 1,214 people, injured 2,900 and left 20,000 homeless.", "ok"),
    ("Some 20,000 were left homeless and 1,214 killed by the quake.", "ok"),
    ("The quake left 2,900 people injured and 1,214 dead.", "ok"),
    ("The quake toll: 1,214 dead, 2,900 injured.", "ok"),
    ("The death toll from the quake rose to 1,214 on Wednesday, up from 640.", "ok"),
    ("The quake's death toll, which stood at 640 on Tuesday evening, rose to 1,214 by "
     "Wednesday.", "-"),
    # parts of the total
    ("The quake killed 310 children.", "-"),
    ("The earthquake killed nearly 90 people in the town of Ostra alone.", "-"),
    ("In Ostra alone, the earthquake killed 90 people.", "-"),
    ("The quake killed 14 people in neighbouring Kestria.", "-"),
    ("The quake killed at least 1,200 people in Valmora and 14 in neighbouring Kestria.", "ok"),
    ("Rescuers found 12 bodies in the rubble of a school after the quake.", "-"),
    ("A dozen people killed in a landslide triggered by the quake were buried on Thursday.",
     "-"),
    ("Officials said 310 children were among the 1,214 killed in the quake.", "ok"),
    ("The quake killed 1,214 people, among them 12 foreigners and 310 children.", "ok"),
    # other occasions
    ("A magnitude 6 quake in 2011 killed 89 people.", "-"),
    ("Kestria said the quake killed 14 of its citizens.", "-"),
    # headlines
    ("Quake toll rises to 1,214", "ok"),
    ("Quake Death Toll Tops 1,200", "ok"),
]


@pytest.mark.parametrize(("text", "want"), QUAKE_CASES)
def test_quake(tmp_path: Path, text: str, want: str) -> None:
    assert_verdict(verdict(tmp_path, QUAKE, text), want)


FIRE_CASES = [
    ("Twenty-three workers died in the blaze.", "ok"),
    ("The fire killed 23 workers, most of them women in their 20s.", "ok"),
    ("The fire killed 23 workers, aged between 19 and 64.", "ok"),
    ("The fire killed 23 workers aged 19 to 64.", "ok"),
    ("The fire on the 3rd floor killed 23 people.", "ok"),
    ("The fire, which began on the third floor at about 2 pm, killed 23.", "ok"),
    ("The fire killed 23 people and injured 17, two of them critically.", "ok"),
    ("The fire killed 23, one of them a 16-year-old apprentice.", "ok"),
    ("The blaze killed 23 workers, the worst industrial disaster since 1998, when 41 died "
     "in a mine collapse.", "-"),
    ("The fire killed two firefighters and 21 workers.", "-"),
    ("The fire killed 21 workers and two firefighters.", "-"),
    ("The fire killed 18 women and five men.", "-"),
    ("Eight workers who died in the fire were migrants.", "-"),
    ("The owner, 61, was charged with 23 counts of manslaughter over the fire, in which 23 "
     "died.", "ok"),
    ("Firefighters battled the blaze for 14 hours, and 23 people died.", "ok"),
    ("The fire killed 23 people in 20 minutes.", "ok"),
    ("The factory fire killed nearly two dozen workers.", "ok"),
    ("The factory fire killed two dozen workers.", "C"),  # "workers" is what the claim counts
    ("The factory fire killed a score of workers.", "C"),
    ("Last year's fire at the plant killed 3 people.", "-"),
    ("A fire at the plant in 2021 killed 3 people.", "-"),
    ("The fire killed 23 workers; in 2021 another blaze there killed 3.", "ok"),
    ("The death toll in the fire rose from 19 to 23.", "ok"),
    ("The fire killed 19 people, police said on Tuesday; by Wednesday the death toll was 23.",
     "-"),
    ("The fire killed 23 people, not 32 as first reported.", "ok"),
    ("Initial reports that the fire had killed 32 people were wrong.", "-"),
    ("The union said the fire had killed as many as 30 people.", "ok"),
    ("The fire killed 23, bringing to 112 the number of workers killed in factory fires "
     "this year.", "ok"),
    ("The fire brought to 112 the number of workers killed in factory fires this year.", "-"),
    ("Factory fires have killed 112 workers this year.", "-"),
    ("Nobody died in the fire.", "-"),
    ("The fire on May 2 killed 23 people.", "ok"),
    ("The fire killed 23 people on 2 May.", "ok"),
    ("The 23 workers killed in the fire were buried on Friday.", "ok"),
    ("The fire killed twenty three workers.", "ok"),
    ("The fire killed 23 workers, 3 times as many as the 2019 blaze.", "ok"),
]


@pytest.mark.parametrize(("text", "want"), FIRE_CASES)
def test_factory_fire(tmp_path: Path, text: str, want: str) -> None:
    assert_verdict(verdict(tmp_path, FIRE, text), want)


HOSTAGE_CASES = [
    ("Gunmen freed 17 hostages from the Meridian Hotel on Thursday.", "ok"),
    # the about term is what the number counts: it no longer blocks the tie
    ("Seventeen hostages were released after a 40-hour siege at the Meridian Hotel.", "ok"),
    ("The 40-hour siege ended when 17 hostages were freed.", "ok"),
    ("Officials said 17 hostages were freed in a deal brokered by Qatar, which in 2023 "
     "helped free 4 others.", "ok"),
    ("The siege at the Meridian Hotel ended with 17 hostages freed and 2 gunmen dead.", "ok"),
    ("The 17 freed hostages were taken to hospital.", "ok"),
    ("Hostages freed: 17", "ok"),
    ("The gunmen freed 5 hostages.", "C"),
    ("The gunmen released 11 hostages on Wednesday and six more on Thursday.", "-"),
    ("The gunmen released six hostages on Thursday, bringing the total freed to 17.", "-"),
    ("The hostages were freed at 10 after a siege of 40 hours.", "-"),
    ("The hostages, aged between 4 and 81, were freed on Thursday.", "-"),
    ("The hostages were released in exchange for 150 prisoners.", "-"),
    ("In exchange for the 17 hostages, 150 prisoners were released.", "-"),
    ("Israel released 150 prisoners in exchange for the hostages.", "-"),
    ("Hamas released 24 hostages from Gaza on Friday, in a separate deal.", "-"),
    ("The gunmen freed a first group of 9 hostages at 10:30.", "-"),
    # SPEC: a literal reading of a partial release is still a contradiction
    ("Police freed 9 hostages in a raid on the hotel's 3rd floor.", "C"),
]


@pytest.mark.parametrize(("text", "want"), HOSTAGE_CASES)
def test_hostage_release(tmp_path: Path, text: str, want: str) -> None:
    assert_verdict(verdict(tmp_path, HOSTAGES, text), want)


QUAKE_ARTICLE = """\
Valmora Quake Kills At Least 1,200 As Rescuers Race Against Time

VALMORA, 13 March - A powerful earthquake that struck the mountain province of Valmora \
before dawn on Tuesday has killed at least 1,200 people, officials said, with more than \
2,900 injured and dozens still missing.

The 7.1-magnitude quake hit at 4:12 a.m., when most families were asleep. It was the \
deadliest in the region since 1976, when a tremor killed 2,300 people in the neighbouring \
valley.

"We have recovered 1,214 bodies so far," said Interior Minister Dana Osei, 52, speaking at a \
press conference in the provincial capital. Among the dead were 310 children, she said.

The death toll, which stood at 640 on Tuesday evening, rose sharply overnight as crews \
reached remote villages. By Wednesday morning the toll had climbed to 1,214.

Nearly 90 aftershocks rattled the area, one of them measuring 5.4. At least 40 of the \
injured were in critical condition, and some 3,000 people were hurt in total, according to \
the health ministry.

Rescuers pulled a 4-year-old girl alive from the rubble after 30 hours. "It is one of the \
hardest days of my 20-year career," said firefighter Ana Ruiz.

Officials said 1,214 people had died, including 12 foreigners. Of the 1,214 dead, 310 were \
children.

The quake destroyed more than 4,000 homes and left an estimated 20,000 people homeless. \
Damage was put at $1.2 billion.

In 2011, a smaller quake killed 89 people in Valmora.

Between 30 and 40 schools collapsed, and up to 70 villages remain cut off. Authorities said \
70-80 bridges were damaged.

A dozen killed in a landslide triggered by the quake were buried on Thursday.

The United Nations said it was sending 150 rescue workers. Neighbouring Kestria, which lost \
14 people in the tremor, declared three days of mourning.
"""


def test_clean_quake_article_has_no_contradiction(tmp_path: Path) -> None:
    result = check(tmp_path, QUAKE, QUAKE_ARTICLE)
    assert not [f for f in result.findings if f.status == "contradiction"]
    assert [f.matched for f in result.findings if f.status == "consistent"] == [
        "killed at least 1,200"]
    assert len(result.notes) == 3  # 1976, 2011, the landslide dozen


@pytest.mark.parametrize(("text", "value"), [
    ("one thousand two hundred", 1200),
    ("one thousand two hundred and fourteen", 1214),
    ("a thousand two hundred", 1200),
    ("three thousand five hundred", 3500),
    ("1 214", 1214),
    ("12 500 000", 12_500_000),
])
def test_number_forms(text: str, value: int) -> None:
    (e,) = find_numbers(f"the quake killed {text} people")
    assert e.interval.lo == e.interval.hi == value


def test_year_then_count_is_not_a_count_of_the_year() -> None:
    assert [e.interval.lo for e in find_numbers("in 2003 300 people died")] == [300]


def test_a_score_of() -> None:
    (e,) = find_numbers("a score of workers died")
    assert e.interval.contains(20) and not e.interval.contains(23)


@pytest.mark.parametrize("text", [
    "A chemical attack that killed more than 1,000 people in 2013 was blamed on Assad.",
    "The chemical attack left 20 people dead in one family alone.",
])
def test_lead_spot_checks_are_notes_not_contradictions(text: str) -> None:
    import tempfile
    from pathlib import Path as _P

    from pytest_factcheck.article import Article, prepare
    from pytest_factcheck.loader import load_catalog

    with tempfile.TemporaryDirectory() as d:
        (_P(d) / "f.yaml").write_text(
            "facts:\n  - id: toll\n    kind: quantity\n    about: [chemical attack]\n"
            "    cues: [killed, dead]\n    min: 70\n    max: 100\n", encoding="utf-8")
        (loaded,) = load_catalog([_P(d) / "f.yaml"]).facts
    evidence = list(loaded.checker.check(prepare(Article.from_text(text, "a"))))
    assert [e.status for e in evidence] == ["note"]
