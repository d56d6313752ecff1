"""``attendance`` on stories the kind was not tuned on (red-team regressions).

Articles and facts written for these tests: an EU summit, a state funeral, a UN
General Assembly session, a football club's board meeting. Each sentence case
says what an editor expects: a verdict, a note, or nothing at all. The worst
failure is a contradiction on a clean sentence, so most cases are sentences that
must NOT contradict.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pytest_factcheck.loader import LoadedFact, load_catalog

from .kindkit import article, check, check_fact, desk

CATALOG = """
entities:
  merz: {name: Anna Merz, aliases: [the German chancellor]}
  costa: {name: Luis Costa}
  orbach: {name: Viktor Orbach}
  frost: {name: Helena Frost}
  rose: {name: Mark Rose}
  may: {name: Theresa May}
  lula: {name: Luiz Lula, aliases: [Lula]}
  biden: {name: Joe Biden}
  macron: {name: Emmanuel Macron}
  hale: {name: Martin Hale}
  white: {name: Alan White, aliases: [the prime minister]}
  brussels-summit:
    name: EU summit in Brussels
    type: event
    date: 2024-06-27
    aliases: [EU summit, summit in Brussels, Brussels summit]
  funeral:
    name: state funeral of the Queen
    type: event
    date: 2022-09-19
    aliases: [state funeral, funeral at Westminster Abbey]
  unga:
    name: UN General Assembly
    type: event
    date: 2023-09-19
    aliases: [General Assembly]
  board:
    name: club's board meeting
    type: event
    date: 2024-03-04
    aliases: [board meeting]
  g20:
    name: G20 summit
    type: event
    aliases: [summit in Osaka]

facts:
  - id: summit-attendance
    kind: attendance
    event: brussels-summit
    present: [merz, costa, rose]
    absent: [orbach, frost, may]
  - id: funeral-attendance
    kind: attendance
    event: funeral
    present: [biden, macron]
    absent: [lula]
  - id: unga-attendance
    kind: attendance
    event: unga
    present: [lula, biden]
    absent: [macron]
  - id: board-attendance
    kind: attendance
    event: board
    present: []
    absent: [hale]
  - id: g20-attendance
    kind: attendance
    event: g20
    present: [may]
    absent: [white]
"""


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, LoadedFact]:
    return desk(tmp_path_factory.mktemp("unseen-attendance"), CATALOG)


def verdicts(facts: dict[str, LoadedFact], text: str) -> list[tuple[str, str, str]]:
    """(fact id, status, reason) of every finding, all facts, in order."""
    out = []
    art = article(text)
    for fid, loaded in facts.items():
        for f in check_fact(loaded, [art]).findings:
            out.append((fid, f.status, f.reason))
    return out


def contradictions(facts: dict[str, LoadedFact], text: str) -> list[str]:
    out = []
    art = article(text)
    for loaded in facts.values():
        out.extend(f.matched for f in check_fact(loaded, [art]).contradictions)
    return out


def noted(facts: dict[str, LoadedFact], text: str) -> list[str]:
    art = article(text)
    return [n.message for loaded in facts.values() for n in check_fact(loaded, [art]).notes]


# ---------------------------------------------------------------------------
# Sentences that must never contradict the facts (they are all true, or say
# nothing about who was there).
# ---------------------------------------------------------------------------
CLEAN = [
    # generic or other occasions of a recurring event
    "Mrs May, who attended many an EU summit as prime minister, said the mood had changed.",
    "Theresa May attended the EU summit in 2019 as prime minister.",
    "Orbach attended last year's EU summit in Brussels.",
    "Orbach attended the EU summit in Brussels in December 2023.",
    "Frost will attend the EU summit next week.",
    "Frost had been expected to attend the EU summit but pulled out on Wednesday.",
    "Orbach is expected to attend the EU summit.",
    "Orbach would attend the EU summit only if the budget was reopened, officials said.",
    "It is the first time Orbach has missed the EU summit.",
    "Orbach has not attended an EU summit since 2022.",
    # someone else's claim, someone else's subject
    "Costa said Orbach attended the EU summit.",
    "Orbach denied that he had boycotted the EU summit.",
    "Merz, unlike Orbach, attended the EU summit.",
    "Orbach's foreign minister attended the EU summit.",
    "The EU summit was attended by Merz, Costa and Rose but not Orbach.",
    "At the EU summit, Orbach's absence was noted.",
    "At the EU summit, Orbach's envoy said Budapest would veto.",
    "Speaking at the EU summit, Mrs May's successor said Britain wanted closer ties.",
    "Rose attended a dinner before the EU summit.",
    "Prices rose sharply before the EU summit, and Merz attended it.",
    "Orbach left Budapest for the EU summit.",
    "Orbach was represented at the EU summit by his deputy.",
    "Merz missed the EU summit's opening session but arrived for the dinner.",
    # taking part remotely is not being there
    "Orbach addressed the EU summit by video link.",
    "Hale attended the board meeting by phone.",
    "Hale joined the board meeting by video link.",
    # the opener "At EVENT, PERSON" needs an active, affirmative subject
    "At the board meeting, Hale was not mentioned.",
    "At the board meeting, Hale was sacked in his absence.",
    "At the board meeting, Hale will be asked to resign.",
    "At the board meeting, directors voted to sack Hale.",
    "At the board meeting, Hale's allies voted against him.",
    # a possessive after the event: another object
    "Hale left the board meeting's agenda unchanged.",
    "Hale left the club before the board meeting.",
    "Hale stepped down before the board meeting.",
    "Hale was at odds with the board meeting.",
    "Hale attended every board meeting last season.",
    # a source's word is a claim
    "Hale hosted the board meeting, the club said.",
    # funeral and General Assembly
    "Macron did not address the General Assembly this year, sending his foreign minister.",
    "Macron, who addressed the General Assembly last year, stayed in Paris.",
    "Macron addressed the General Assembly in 2022.",
    "Macron's absence from the General Assembly was noted by Lula.",
    "Macron watched the General Assembly from Paris.",
    "Guterres criticised leaders who skipped the General Assembly.",
    "Lula sent his vice-president to the state funeral.",
    "Lula watched the state funeral on television.",
    "Lula had planned to attend the state funeral.",
    "Lula would have attended the state funeral had he not been ill.",
    "Biden was at the state funeral, but Lula was not.",
    # shared surnames: a relative or namesake is someone else
    "Brigitte Macron attended the General Assembly.",
    "Ms May's husband, Philip May, attended the EU summit.",
    "Rex W. Rose did not attend the EU summit.",
    "Helena Frost's brother, Adam Frost, attended the EU summit.",
    # a descriptive alias in apposition with someone else's name
    "The prime minister, Theresa May, attended the G20 summit.",
    "Theresa May, the prime minister, attended the G20 summit.",
    "The prime minister, Rishi Sunak, attended the G20 summit.",
    "Rishi Sunak, the prime minister, attended the G20 summit.",
    # the month, not Theresa May
    "In May, Orbach said he would skip the EU summit.",
    # neither/nor is read, but only as a note (see test_neither_nor_is_a_note)
    "Neither Merz nor Costa attended the EU summit.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_no_false_alarm(facts: dict[str, LoadedFact], text: str) -> None:
    assert contradictions(facts, text) == [], text


# ---------------------------------------------------------------------------
# Plain contradictions that must be caught.
# ---------------------------------------------------------------------------
WRONG = [
    ("Merz could not attend the EU summit.", "Merz could not attend the EU summit"),
    ("Merz was unable to attend the EU summit.", "Merz was unable to attend the EU summit"),
    ("Merz was forced to skip the EU summit.", "Merz was forced to skip the EU summit"),
    ("Merz declined to attend the EU summit.", "Merz declined to attend the EU summit"),
    ("Merz refused to attend the EU summit.", "Merz refused to attend the EU summit"),
    ("Costa pulled out of the EU summit.", "Costa pulled out of the EU summit"),
    ("Frost joined leaders at the EU summit in Brussels.",
     "Frost joined leaders at the EU summit in Brussels"),
    ("Lula joined mourners at the state funeral.", "Lula joined mourners at the state funeral"),
    ("Lula joined President Biden at the state funeral.",
     "Lula joined President Biden at the state funeral"),
    ("Frost was among those at the EU summit in Brussels.",
     "Frost was among those at the EU summit in Brussels"),
    ("Lula was among the 500 dignitaries at the state funeral.",
     "Lula was among the 500 dignitaries at the state funeral"),
    ("Lula was among those who attended the state funeral.",
     "Lula was among those who attended the state funeral"),
    ("Rose was among the leaders who skipped the EU summit.",
     "Rose was among the leaders who skipped the EU summit"),
    ("The state funeral was attended by 2,000 guests, including Biden, Macron and Lula.",
     "state funeral was attended by 2,000 guests, including Biden, Macron and Lula"),
    ("Frost attended the EU summit.", "Frost attended the EU summit"),
    ("Costa did not attend the EU summit.", "Costa did not attend the EU summit"),
    ("Frost left the EU summit early.", "Frost left the EU summit"),
    ("Hale chaired the board meeting.", "Hale chaired the board meeting"),
    ("Supporters protested outside the board meeting, which Hale attended.",
     "board meeting, which Hale attended"),
    ("Hale attended the board meeting, which was held at the ground on Monday.",
     "Hale attended the board meeting"),
    ("At the board meeting, Hale said he would not resign.", "At the board meeting, Hale"),
    ("Merz, the German chancellor, and Orbach attended the EU summit.",
     "Orbach attended the EU summit"),
    ("Brigitte Macron and Emmanuel Macron attended the General Assembly.",
     "Emmanuel Macron attended the General Assembly"),
]


@pytest.mark.parametrize(("text", "matched"), WRONG)
def test_plain_contradiction_is_caught(facts: dict[str, LoadedFact], text: str,
                                       matched: str) -> None:
    assert contradictions(facts, text) == [matched]


def test_declined_invitation_is_an_absence(facts: dict[str, LoadedFact]) -> None:
    assert verdicts(facts, "Lula declined an invitation to the state funeral.") == [
        ("funeral-attendance", "consistent", "placed-away")]


def test_one_verdict_per_person_and_sentence(facts: dict[str, LoadedFact]) -> None:
    # The name and the alias both name Merz: one finding, not two.
    got = verdicts(facts, "Merz, the German chancellor, attended the EU summit.")
    assert got == [("summit-attendance", "consistent", "placed-at")]


def test_remote_participation_is_a_note(facts: dict[str, LoadedFact]) -> None:
    text = "Orbach addressed the EU summit by video link."
    assert verdicts(facts, text) == []
    assert any("remotely" in n for n in noted(facts, text))


def test_neither_nor_is_a_note(facts: dict[str, LoadedFact]) -> None:
    # The reading is right (both were away), but an earlier decision pinned
    # "Neither A nor B attended" to no verdict (tests/test_attendance.py), so it
    # stays a note for the editor.
    text = "Neither Orbach nor Frost attended the EU summit."
    assert verdicts(facts, text) == []
    assert sum("neither" in n for n in noted(facts, text)) == 2


def test_spec_semantics_shared_alias_without_apposition(facts: dict[str, LoadedFact]) -> None:
    # SPEC: an alias names its entity wherever it stands. An undated event and
    # "the prime minister" alone is read as the entity, whoever held the post
    # at the time: a contradiction the editor must avoid by dating the event or
    # dropping the alias. Recorded here so that a change is deliberate.
    assert contradictions(facts, "The prime minister attended the G20 summit.") == [
        "The prime minister attended the G20 summit"]


def test_spec_semantics_another_date_places_nobody(facts: dict[str, LoadedFact]) -> None:
    # SPEC: a sentence stating another date is about another occasion, even when
    # the date belongs to another clause. A miss, by design.
    assert verdicts(facts, "Hale joined the board in 2015 and attended the board meeting.") == []


EU_SUMMIT = """\
    Leaders agree budget at tense Brussels summit

    BRUSSELS - European leaders agreed a seven-year budget on Thursday after
    an all-night session at the EU summit in Brussels, which Viktor Orbach
    skipped, sending his ambassador instead.

    Anna Merz, the German chancellor, attended the EU summit with a team of
    40 officials. "We have a deal," she told reporters as she left.

    Luis Costa, who chaired the summit in Brussels, said the absence of Mr
    Orbach had "made things simpler". It is the first time Orbach has missed
    the EU summit since he took office.

    Helena Frost, who had been expected to attend the EU summit, pulled out on
    Wednesday. Mrs May, who attended many an EU summit as British prime
    minister, said the mood in Brussels had changed. In May, Orbach had said he
    would attend only if the budget was reopened.

    Mark Rose joined leaders at the EU summit in Brussels for the signing.
    Orbach addressed the EU summit by video link on Thursday evening.
"""


def test_eu_summit_article_is_clean(facts: dict[str, LoadedFact]) -> None:
    assert contradictions(facts, EU_SUMMIT) == []
    got = verdicts(facts, EU_SUMMIT)
    assert ("summit-attendance", "consistent", "placed-away") in got
    assert ("summit-attendance", "consistent", "placed-at") in got


def test_eu_summit_article_with_wrong_facts(tmp_path: Path) -> None:
    wrong = CATALOG.split("facts:")[0] + """
facts:
  - id: summit-attendance
    kind: attendance
    event: brussels-summit
    present: [orbach, rose]
    absent: [merz, costa, frost]
"""
    (tmp_path / "facts.yaml").write_text(wrong, encoding="utf-8")
    (loaded,) = load_catalog([tmp_path]).facts
    result = check_fact(loaded, [article(EU_SUMMIT)])
    matched = [f.matched.replace("\n", " ") for f in result.contradictions]
    assert any("which Viktor Orbach skipped" in m for m in matched)
    assert any(m.startswith("Anna Merz, the German chancellor, attended") for m in matched)
    assert any(m.startswith("Luis Costa, who chaired") for m in matched)
    # Frost pulled out, was never placed at; Rose joined leaders at it (present).
    assert not any("Frost" in m for m in matched)
    assert not any("Rose" in m for m in matched)


UNDATED_G7 = """\
entities:
  lavrov: {name: Sergei Lavrov}
  g7-lucca:
    type: event
    name: G7 foreign ministers' meeting in Lucca
    aliases: [G7 meeting]
facts:
  - id: g7
    kind: attendance
    event: g7-lucca
    absent: [lavrov]
"""


@pytest.mark.parametrize("text", [
    "Lavrov, who had attended the G7 meeting in 2014, was not there this time.",
    "Lavrov attended the G7 meeting in March 2013.",
])
def test_a_dated_sentence_about_an_undated_event_is_only_a_note(tmp_path: Path,
                                                                text: str) -> None:
    result = check(tmp_path, UNDATED_G7, text)
    assert result.contradictions == ()
    assert len(result.notes) == 1 and "another occasion" in result.notes[0].message


def test_an_undated_sentence_still_places_the_person(tmp_path: Path) -> None:
    result = check(tmp_path, UNDATED_G7, "Lavrov attended the G7 meeting on Monday.")
    assert [f.status for f in result.findings] == ["contradiction"]
