"""``role`` on stories the kind was not tuned on (red-team regressions).

A cabinet reshuffle with new and former titles, a NATO meeting, a football
club's board: titles in every position, lists of titled people, titles of
other people right next to the name, relatives who share a surname.
"""

from __future__ import annotations

import pytest

from pytest_factcheck.loader import LoadedFact

from .kindkit import article, check_fact, desk

CATALOG = """
entities:
  doe: {name: Jane Doe}
  smith: {name: Tom Smith}
  khan: {name: Amir Khan}
  patel: {name: Priya Patel}
  may: {name: Theresa May}
  white: {name: Alan White, aliases: [the prime minister]}
  field: {name: Rachel Field}
  rutte: {name: Mark Rutte}
  stone: {name: Peter Stone}
  kay: {name: Ben Kay}

facts:
  - id: doe-role
    kind: role
    entity: doe
    roles: [Defence Secretary]
    former: [Home Secretary, Chief Whip]
  - id: smith-role
    kind: role
    entity: smith
    roles: [Home Secretary]
    former: [Defence Secretary, Chancellor]
  - id: khan-role
    kind: role
    entity: khan
    roles: [Foreign Secretary]
    former: [Transport Secretary]
  - id: patel-role
    kind: role
    entity: patel
    roles: [Chancellor]
    former: [Chief Secretary to the Treasury]
  - id: may-role
    kind: role
    entity: may
    roles: []
    former: [Prime Minister, Home Secretary]
  - id: white-role
    kind: role
    entity: white
    roles: [Prime Minister, Labour leader]
  - id: field-role
    kind: role
    entity: field
    roles: [Transport Secretary]
  - id: rutte-role
    kind: role
    entity: rutte
    roles: [NATO Secretary General, Secretary General]
    former: [Dutch Prime Minister, Prime Minister]
  - id: stone-role
    kind: role
    entity: stone
    roles: [chairman]
    former: [chief executive]
  - id: kay-role
    kind: role
    entity: kay
    roles: [manager]
"""


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, LoadedFact]:
    return desk(tmp_path_factory.mktemp("unseen-role"), CATALOG)


def findings(facts: dict[str, LoadedFact], text: str) -> list[tuple[str, str, str]]:
    art = article(text)
    return [(fid, f.status, f.matched) for fid, loaded in facts.items()
            for f in check_fact(loaded, [art]).findings]


def contradictions(facts: dict[str, LoadedFact], text: str) -> list[tuple[str, str]]:
    return [(fid, matched) for fid, status, matched in findings(facts, text)
            if status == "contradiction"]


CLEAN = [
    "Defence Secretary Jane Doe said the review would be published in June.",
    "Jane Doe, the defence secretary, said the review would be published in June.",
    "The former defence secretary, Tom Smith, moved to the Home Office.",
    "Ms Doe, who was appointed defence secretary in May, replaced Tom Smith.",
    "Tom Smith, the former defence secretary, becomes Home Secretary.",
    "Home Secretary Tom Smith and Defence Secretary Jane Doe arrived together.",
    "Jane Doe, Tom Smith and Amir Khan, the foreign secretary, were all promoted.",
    "Doe's predecessor as defence secretary, Tom Smith, was moved.",
    "The prime minister, Alan White, appointed Jane Doe defence secretary.",
    "Alan White appointed Jane Doe as defence secretary and Tom Smith as home secretary.",
    "Jane Doe replaces Tom Smith as defence secretary.",
    "Tom Smith succeeds Theresa May as home secretary.",
    "Then-home secretary Theresa May introduced the bill.",
    "The then home secretary, Theresa May, introduced the bill.",
    "Jane Doe, a former chief whip, was promoted.",
    "Jane Doe, the former home secretary who becomes defence secretary, spoke first.",
    "Tom Smith, who served as defence secretary for three years, moves to the Home Office.",
    "Tom Smith, defence secretary until Tuesday, moves to the Home Office.",
    # outgoing: still holds the title today, loses it with the reshuffle
    "Tom Smith, the outgoing defence secretary, said he was proud.",
    "Former Prime Minister Theresa May welcomed the appointments.",
    "Theresa May, prime minister from 2016 to 2019, welcomed the appointments.",
    "Mr White's home secretary, Tom Smith, said nothing.",
    "Priya Patel, the chancellor, and Amir Khan, the foreign secretary, kept their jobs.",
    "Amir Khan, the former transport secretary who was promoted to foreign secretary in "
    "2022, kept his job.",
    "Rachel Field, transport secretary since 2023, replaces Amir Khan as foreign secretary.",
    "Jane Doe, the shadow home secretary, was not in the cabinet.",
    "Asked whether Jane Doe would be home secretary, White said no.",
    "Khan, whose brother was a transport secretary, said little.",
    "Doe told the Home Secretary, Tom Smith, that she disagreed.",
    "The defence secretary, Jane Doe, and the home secretary, Tom Smith, signed it.",
    "Patel, the former Chief Secretary to the Treasury, is now Chancellor.",
    "Doe, who had been home secretary, was moved to defence secretary.",
    "Alan White, the prime minister, said Jane Doe would make an excellent defence secretary.",
    "Field, Doe's successor as chief whip, said the party was united.",
    "When Theresa May was prime minister, Jane Doe was home secretary.",
    "As prime minister, Theresa May visited Washington.",
    "The prime minister, Theresa May, resigned in 2019.",
    "Mark Rutte, the former Dutch prime minister, met Alan White.",
    "Prime Minister Alan White met NATO Secretary General Mark Rutte.",
    "Chairman Peter Stone sacked manager Ben Kay.",
    "The club's chairman, Peter Stone, said the manager, Ben Kay, would stay.",
    "Stone thanked Kay, chairman of the supporters' trust, for his work.",
    "Former chief executive Peter Stone, now chairman, spoke.",
    "Kay's assistant manager Peter Stone took training.",
    "Jane Doe, the previous home secretary, spoke.",
    "Jane Doe - the former home secretary - spoke.",
    "Jane Doe (the former home secretary) spoke.",
    "Jane Doe, ex-home secretary, spoke.",
    # a career list is not an appositive
    "Jane Doe, home secretary, defence secretary and now chief whip, spoke.",
    # relatives and namesakes
    "Sarah Doe, the home secretary's adviser, spoke.",
    "Mark Doe, the home secretary, said his wife Jane was proud.",
    "Philip May, the defence secretary, spoke.",
    "Defence Secretary Sam Smith met Tom Smith.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_no_false_alarm(facts: dict[str, LoadedFact], text: str) -> None:
    assert contradictions(facts, text) == [], text


WRONG = [
    ("Smith said Home Secretary Jane Doe was wrong.", ("doe-role", "Home Secretary Jane Doe")),
    ("Defence Secretary Tom Smith said.", ("smith-role", "Defence Secretary Tom Smith")),
    ("Jane Doe, the home secretary, said.", ("doe-role", "Jane Doe, the home secretary")),
    ("Chancellor Tom Smith said.", ("smith-role", "Chancellor Tom Smith")),
    ("Jane Doe - the home secretary - said.", ("doe-role", "Jane Doe - the home secretary")),
    ("Jane Doe (the home secretary) said.", ("doe-role", "Jane Doe (the home secretary")),
    ("Prime Minister Theresa May said.", ("may-role", "Prime Minister Theresa May")),
    ("Former foreign secretary Amir Khan said.", ("khan-role", "foreign secretary Amir Khan")),
    ("Mark Rutte, the Dutch prime minister, said.",
     ("rutte-role", "Mark Rutte, the Dutch prime minister")),
    ("Manager Peter Stone said.", ("stone-role", "Manager Peter Stone")),
]


@pytest.mark.parametrize(("text", "expected"), WRONG)
def test_plain_contradiction_is_caught(facts: dict[str, LoadedFact], text: str,
                                       expected: tuple[str, str]) -> None:
    assert contradictions(facts, text) == [expected]


def test_outgoing_accepts_the_current_title(facts: dict[str, LoadedFact]) -> None:
    got = findings(facts, "Jane Doe, the outgoing defence secretary, said.")
    assert got == [("doe-role", "consistent", "Jane Doe, the outgoing defence secretary")]


def test_descriptive_alias_next_to_another_name(facts: dict[str, LoadedFact]) -> None:
    # "the prime minister" is an alias of Alan White, but here it describes
    # Theresa May: nothing is read for White.
    got = findings(facts, "Theresa May, the prime minister, spoke in 2018.")
    assert [g for g in got if g[0] == "white-role"] == []


RESHUFFLE = """\
    White reshuffles cabinet

    Prime Minister Alan White moved Tom Smith, the former defence secretary, to
    the Home Office on Tuesday and promoted Jane Doe, a former chief whip, to
    defence secretary.

    Ms Doe, who was appointed home secretary by Theresa May in 2018, becomes the
    third woman to hold the post. Her predecessor as defence secretary, Tom
    Smith, said he was proud of his record.

    Tom Smith, the outgoing defence secretary, thanked the armed forces. Chancellor
    Priya Patel and Foreign Secretary Amir Khan kept their jobs. Rachel Field,
    transport secretary since 2023, was tipped for promotion but stays put.

    The former prime minister, Theresa May, welcomed the changes. Mrs May's
    husband, Philip May, the chairman of a local charity, attended the
    announcement with Defence Secretary Jane Doe.
"""


def test_reshuffle_article_is_clean(facts: dict[str, LoadedFact]) -> None:
    assert contradictions(facts, RESHUFFLE) == []
    consistent = {fid for fid, status, _ in findings(facts, RESHUFFLE) if status == "consistent"}
    assert {"doe-role", "smith-role", "white-role", "patel-role", "khan-role",
            "may-role"} <= consistent
