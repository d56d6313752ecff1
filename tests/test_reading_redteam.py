"""Red-team round on reading prose (quotes, attendance, titles), SPEC §3a.

Forty short articles written for this round, none taken from the issue or the
other tests: a housing row in a fictional government, with a summit in a
harbour city. Sixteen carry one planted error each (an altered quote, a
misattribution, a false attendance claim, a wrong title); twenty-four are clean,
and are written to provoke false alarms: interrupted quotes, pronoun
attributions, two people in one sentence, titles before and after names,
quotes within quotes, scare quotes, numbers in every form.

Figures (measured on main before the fixes this round prompted, then on this
branch):

* planted errors caught: 13/16 on main (missed: a word changed in the short
  second half of an interrupted quote, ``"…," Ms Okafor said on Tuesday,
  "whatever the Treasury thinks."``; an altered quote after ``Ms Okafor said at
  10:30 on Tuesday:``; a false attendance claim behind ``Tobias Brandt, who had
  flown in from the capital overnight, addressed …``); 16/16 here;
* false alarms on clean articles: 2/24 on main (a title of a work in the
  narrator's sentence, ``Critics called his plan the "…" fantasy``, read as the
  previous speaker's words: a misattribution; an absent minister placed at the
  summit as the object of ``Ms Okafor met Mr Brandt on Monday and then
  attended …``); 0/24 here.

Every case below must hold.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pytest_factcheck.loader import LoadedFact

from .kindkit import article, check_fact, desk

DESK = """
entities:
  okafor:
    name: Miriam Okafor
    aliases: [Ms Okafor, the housing minister]
  brandt:
    name: Tobias Brandt
    aliases: [Mr Brandt, the prime minister]
  lind:
    name: Helena Lind
    aliases: [Ms Lind, the finance minister]
  reyes:
    name: Carlos Reyes
    aliases: [Mr Reyes, the opposition leader]
  nakamura:
    name: Yuki Nakamura
    aliases: [Ms Nakamura]
  summit:
    name: national housing summit
    type: event
    aliases: [housing summit, the summit in Port Aldine, Aldine summit]
facts:
  - id: okafor-homes
    kind: quote
    speaker: okafor
    text: >-
      We will build two hundred thousand homes before the next election, whatever the
      Treasury says.
  - id: lind-money
    kind: quote
    speaker: lind
    text: The money is there, but it will not be spent on promises we cannot keep.
  - id: summit-attendance
    kind: attendance
    event: summit
    present: [okafor, nakamura]
    absent: [brandt, lind]
  - id: okafor-role
    kind: role
    entity: okafor
    roles: [Housing Minister, housing minister]
    former: [Planning Minister]
  - id: brandt-role
    kind: role
    entity: brandt
    roles: [Prime Minister, prime minister]
  - id: nakamura-role
    kind: role
    entity: nakamura
    roles: [Mayor, mayor of Port Aldine]
"""

HOMES = ("We will build two hundred thousand homes before the next election, whatever the "
         "Treasury says")
MONEY = "The money is there, but it will not be spent on promises we cannot keep"

# (article text, the fact ids it must contradict: empty for a clean article)
PLANTED: list[tuple[str, set[str]]] = [
    # altered quotes
    ("""\
     "We will build two hundred thousand homes before the next election," Ms Okafor
     said on Tuesday, "whatever the Treasury thinks."
     """, {"okafor-homes"}),
    ("""\
     Ms Okafor said at 10:30 on Tuesday: "We will build two hundred thousand homes by the
     next election, whatever the Treasury says."
     """, {"okafor-homes"}),
    ("""\
     The finance minister was unmoved. "Nothing has changed," she said. "The money is
     there, but it will not be spent on promises we can't keep."
     """, {"lind-money"}),
    ("""\
     Helena Lind spoke for barely a minute.

     "The money is there, but it will never be spent on promises we cannot keep," she
     said.
     """, {"lind-money"}),
    # misattributions
    (f"""\
     "{HOMES}," said Carlos Reyes, the opposition leader, mocking the government.
     """, {"okafor-homes"}),
    (f"""\
     Mr Brandt was asked about the budget. "{MONEY}," the prime minister replied.
     """, {"lind-money"}),
    (f"""\
     "Nobody believes the figures," Mr Reyes said on Monday. "{HOMES}."
     """, {"okafor-homes"}),
    (f"""\
     Ms Nakamura, who met Ms Okafor at the harbour, told reporters: "{HOMES}."
     """, {"okafor-homes"}),
    # false attendance claims
    ("""\
     Mr Brandt attended the housing summit in Port Aldine on Wednesday.
     """, {"summit-attendance"}),
    ("""\
     The Aldine summit, attended by the finance minister and 300 delegates, ended late.
     """, {"summit-attendance"}),
    ("""\
     Ms Nakamura pulled out of the housing summit at the last minute, citing the floods.
     """, {"summit-attendance"}),
    ("""\
     Tobias Brandt, who had flown in from the capital overnight, addressed the housing
     summit.
     """, {"summit-attendance"}),
    # wrong titles
    ("""\
     Prime Minister Miriam Okafor opened the debate, with Mr Brandt abroad.
     """, {"okafor-role"}),
    ("""\
     The plan was backed by Yuki Nakamura, the housing minister, and by Mr Reyes.
     """, {"nakamura-role"}),
    ("""\
     Photograph: Lena Holm
     Housing Minister Tobias Brandt tours a building site in Port Aldine on Monday.
     """, {"brandt-role"}),
    ("""\
     Planning Minister Miriam Okafor said the rules would change.
     """, {"okafor-role"}),
]

CLEAN: list[tuple[str, set[str]]] = [
    # interrupted quotes and asides
    ("""\
     "We will build two hundred thousand homes," Ms Okafor said, pausing as the crowd
     cheered, "before the next election, whatever the Treasury says."
     """, set()),
    ("""\
     "The money is there," the finance minister, Helena Lind, said, "but it will not be
     spent on promises we cannot keep."
     """, set()),
    # pronoun attributions across paragraphs
    (f"""\
     Miriam Okafor was in combative mood.

     "{HOMES}," she said.
     """, set()),
    (f"""\
     Ms Lind met Ms Okafor on Monday. "{MONEY}," she said.
     """, set()),
    # two people in one sentence
    (f"""\
     Mr Brandt and Ms Okafor arrived together. "{HOMES}," Ms Okafor said, as Mr Brandt
     looked on.
     """, set()),
    (f"""\
     Mr Reyes, who sat beside Ms Lind, said nothing. "{MONEY}," said Ms Lind.
     """, set()),
    # a quote within a quote, and words reported of another
    (f"""\
     "She told me, '{HOMES}', and I believed her," Mr Reyes said.
     """, set()),
    ("""\
     Mr Reyes said Ms Okafor had promised to "build two hundred thousand homes before the
     next election".
     """, set()),
    # scare quotes and titles of works
    ("""\
     "Nothing has changed," Mr Brandt said, calling the row a "storm in a teacup". "We
     govern together."
     """, set()),
    (f"""\
     "I am not leaving," Mr Reyes said. Critics called his plan the "{HOMES}" fantasy.
     """, set()),
    # attendance: clean presence and absence, two people, objects
    ("""\
     Ms Okafor attended the housing summit; Mr Brandt stayed in the capital.
     """, set()),
    ("""\
     The housing summit, attended by Ms Nakamura, was boycotted by Mr Brandt.
     """, set()),
    ("""\
     Ms Okafor met Mr Brandt on Monday and then attended the housing summit.
     """, set()),
    ("""\
     Ms Nakamura greeted Ms Lind at the airport before she attended the housing summit.
     """, set()),
    ("""\
     Mr Brandt did not attend the housing summit, and nor did Ms Lind.
     """, set()),
    ("""\
     Ms Lind, who skipped the housing summit, spent the day at the Treasury.
     """, set()),
    ("""\
     A dinner attended by Mr Brandt was held a week after the housing summit.
     """, set()),
    ("""\
     Mr Reyes said Mr Brandt attended the housing summit, which Downing Street denied.
     """, set()),
    # titles in every position
    ("""\
     Prime Minister Tobias Brandt and Housing Minister Miriam Okafor flew north.
     """, set()),
    ("""\
     The mayor of Port Aldine, Yuki Nakamura, welcomed the housing minister, Miriam
     Okafor, to the city.
     """, set()),
    ("""\
     Miriam Okafor, a former Planning Minister, is now housing minister.
     """, set()),
    ("""\
     By Lena Holm and Carlos Reyes
     Mayor Yuki Nakamura speaks to residents outside the town hall on Monday.
     """, set()),
    # numbers in every form around a quote
    (f"""\
     The target is 200,000 homes. "{HOMES}," Ms Okafor said at 9:45, two hours before
     Mr Reyes spoke.
     """, set()),
    (f"""\
     "We have 200,000 reasons to act," Ms Okafor said. "{HOMES}." Mr Brandt nodded.
     """, set()),
]


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, LoadedFact]:
    return desk(tmp_path_factory.mktemp("redteam"), DESK)


def contradicted(facts: dict[str, LoadedFact], text: str) -> set[str]:
    art = article(textwrap.dedent(text))
    return {fid for fid, fact in facts.items()
            if any(f.status == "contradiction" for f in check_fact(fact, [art]).findings)}


@pytest.mark.parametrize(("text", "want"), PLANTED)
def test_planted_error_is_caught(facts: dict[str, LoadedFact], text: str,
                                 want: set[str]) -> None:
    assert contradicted(facts, text) == want


@pytest.mark.parametrize(("text", "want"), CLEAN)
def test_clean_article_raises_no_alarm(facts: dict[str, LoadedFact], text: str,
                                       want: set[str]) -> None:
    assert contradicted(facts, text) == want


def test_the_round_is_forty_articles() -> None:
    assert (len(PLANTED), len(CLEAN)) == (16, 24)


def test_desk_loads(tmp_path: Path) -> None:
    assert set(desk(tmp_path, DESK)) == {"okafor-homes", "lind-money", "summit-attendance",
                                        "okafor-role", "brandt-role", "nakamura-role"}
