"""Round 3 red-team: false alarms of ``role``, ``quote`` and ``attendance`` on
prose the earlier rounds did not try (written for these tests).

A defence ministers' meeting at a Nato summit: two or three titled people in a
sentence, titles of organisations and of other people's aides, possessives,
lists and tables of attendees (one per line), photo captions, headlines in
title case, spokesmen speaking for a minister, letters and statements read out
by someone else, interviews in Q&A form, questions and their replies, pronoun
chains with two men named. Every ``CLEAN`` text is true to the facts below and
must raise no contradiction; every ``WRONG`` text must still be caught.
"""

from __future__ import annotations

import pytest

from pytest_factcheck.article import PreparedArticle
from pytest_factcheck.loader import LoadedFact, load_catalog

from .kindkit import article as kindkit_article
from .kindkit import check_fact, desk

Q1 = "We will not send troops without a mandate from the United Nations"
Q2 = "Our armed forces stand ready to defend every inch of allied territory"

CATALOG = f"""
entities:
  lee: {{name: Ann Lee, aliases: [Ms Lee]}}
  roux: {{name: Paul Roux, aliases: [Mr Roux]}}
  patel: {{name: Raj Patel, aliases: [Mr Patel]}}
  bell: {{name: Tom Bell, aliases: [Mr Bell]}}
  grant: {{name: Hugh Grant, aliases: [Mr Grant]}}
  summit:
    name: Nato summit in Vilnius
    type: event
    date: 2023-07-11
    aliases: [Nato summit, Vilnius summit, summit]
facts:
  - id: lee-role
    kind: role
    entity: lee
    roles: [Defence Secretary]
    former: [Foreign Secretary]
  - id: roux-role
    kind: role
    entity: roux
    roles: [Armed Forces Minister, French Armed Forces Minister]
  - id: patel-role
    kind: role
    entity: patel
    roles: [Junior Minister]
  - id: bell-role
    kind: role
    entity: bell
    roles: [spokesman]
  - id: grant-role
    kind: role
    entity: grant
    roles: [Foreign Secretary]
    former: [Defence Secretary]
  - id: lee-q
    kind: quote
    speaker: lee
    text: {Q1}.
  - id: roux-q
    kind: quote
    speaker: roux
    text: {Q2}.
  - id: summit-attendance
    kind: attendance
    event: summit
    present: [lee, roux]
    absent: [grant, patel]
"""


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, LoadedFact]:
    return desk(tmp_path_factory.mktemp("unseen-round3"), CATALOG)


def article(text: str, date: str | None = None) -> PreparedArticle:
    meta = {"date": date} if date else {}
    return kindkit_article(text.replace("{Q1}", Q1).replace("{Q2}", Q2), **meta)


def findings(facts: dict[str, LoadedFact], text: str, date: str | None = None
             ) -> list[tuple[str, str, str]]:
    art = article(text, date)
    return [(fid, f.status, f.message) for fid, loaded in facts.items()
            for f in check_fact(loaded, [art]).findings]


def notes(facts: dict[str, LoadedFact], text: str) -> list[str]:
    art = article(text)
    return [n.message for loaded in facts.values() for n in check_fact(loaded, [art]).notes]


def contradicted(facts: dict[str, LoadedFact], text: str, date: str | None = None
                 ) -> list[str]:
    return sorted({fid for fid, status, _ in findings(facts, text, date)
                   if status == "contradiction"})


CLEAN = [
    'Defence Secretary Ann Lee and her French counterpart, Armed Forces Minister Paul '
    'Roux, arrived at the Nato summit together.',
    'Defence Secretary Ann Lee and her French counterpart, Paul Roux, arrived at the '
    'Nato summit together.',
    'Ann Lee, the defence secretary, and her French counterpart, Paul Roux, signed the pact.',
    'Ann Lee and Paul Roux, the French armed forces minister, signed the pact.',
    "The Foreign Office minister's spokesman, Tom Bell, declined to comment.",
    'A Foreign Office spokesman, Tom Bell, declined to comment.',
    "Lee's deputy, Junior Minister Raj Patel, stayed in London.",
    "Ms Lee's deputy, Raj Patel, stayed in London.",
    "Ann Lee's predecessor as defence secretary, Hugh Grant, is now foreign secretary.",
    "Foreign Secretary Hugh Grant, Lee's predecessor as defence secretary, stayed in London.",
    'Hugh Grant, who was defence secretary before Ann Lee, stayed at home.',
    'Attending: Defence Secretary Ann Lee; Armed Forces Minister Paul Roux; Junior '
    'Minister Raj Patel (absent).',
    'Present were Ann Lee (Defence Secretary), Paul Roux (Armed Forces Minister) and '
    'Tom Bell (spokesman).',
    '| Name | Title |\n| Ann Lee | Defence Secretary |\n| Hugh Grant | Foreign '
    'Secretary |\n| Paul Roux | Armed Forces Minister |',
    '- Ann Lee, Defence Secretary\n- Hugh Grant, Foreign Secretary\n- Paul Roux, Armed '
    'Forces Minister',
    'Ann Lee: Defence Secretary\nHugh Grant: Foreign Secretary',
    'Ann Lee (left) with Paul Roux at the summit in Vilnius.',
    'Ann Lee (left), the defence secretary, with Paul Roux, the French armed forces '
    'minister, at the Nato summit.',
    'Defence Secretary Ann Lee (left) and Armed Forces Minister Paul Roux at the Nato '
    'summit. Photo: Reuters',
    'Foreign Secretary Hugh Grant (right) greets Ann Lee in London.',
    'Ann Lee, Defence Secretary, and Hugh Grant, Foreign Secretary, at the Nato summit.',
    'Lee Meets Roux As Defence Secretary Seeks French Troops',
    'Foreign Secretary Hugh Grant Skips Nato Summit',
    'Defence Secretary Ann Lee, Foreign Secretary Hugh Grant and Junior Minister Raj '
    'Patel met on Monday.',
    'Ann Lee, the defence secretary, Hugh Grant, the foreign secretary, and Raj Patel '
    'met on Monday.',
    "Hugh Grant, Ann Lee's successor as foreign secretary, said nothing.",
    "Ann Lee, Grant's successor as defence secretary, flew to Vilnius.",
    'Ann Lee, who succeeded Hugh Grant as defence secretary, flew to Vilnius.',
    'Ann Lee, a former foreign secretary, now defence secretary, flew to Vilnius.',
    "Grant's foreign secretary predecessor Ann Lee flew to Vilnius.",
    'The defence secretary met Hugh Grant, the foreign secretary, and Paul Roux.',
    'A spokesman for Ms Lee said: "{Q1}."',
    '"{Q1}," a spokesman for Ms Lee said.',
    '"{Q1}," said a spokesman for Ann Lee, Tom Bell.',
    'Tom Bell, a spokesman for Ms Lee, said: "{Q1}."',
    'Ms Lee\'s spokesman, Tom Bell, said: "{Q1}."',
    'Mr Roux read from a statement by Ms Lee: "{Q1}."',
    'Reading from a letter Ms Lee had sent him, Mr Roux said: "{Q1}."',
    'Mr Roux read out Ms Lee\'s letter: "{Q1}."',
    '"{Q1}," Mr Roux read aloud from Ms Lee\'s letter.',
    'In a statement read by Mr Roux, Ms Lee said: "{Q1}."',
    'Mr Grant, reading a statement on behalf of Ms Lee, said: "{Q1}."',
    'Mr Patel read a statement from Ann Lee. "{Q1}," it said.',
    'Mr Patel read a statement from Ann Lee.\n\n"{Q1}," the statement said.',
    'Q: Will Britain send troops?\nA: {Q1}.',
    'Interview with Ann Lee\n\nQ: Will Britain send troops, Ms Lee?\n\nA: '
    '"{Q1}."\n\nQ: What did Mr Roux say?\n\nA: "{Q2}," he told me.',
    'Ann Lee met Paul Roux on Monday. He said: "{Q2}." She said: "{Q1}."',
    'Ann Lee met Paul Roux on Monday.\n\n"{Q2}," Mr Roux said.\n\n"{Q1}," she said.',
    'Mr Roux met Mr Grant on Monday.\n\n"{Q2}," Mr Roux said.\n\nMr Grant, however, '
    'was more cautious. Ann Lee agreed. "{Q1}," she said.',
    'Hugh Grant met Paul Roux in Paris. Mr Roux told him that France was '
    'ready.\n\n"{Q2}," he said.',
    'Ms Lee said Mr Roux had told her: "{Q2}."',
    '"{Q2}," Ms Lee said Mr Roux had told her.',
    'Ms Lee quoted Mr Roux: "{Q2}."',
    'Mr Grant said Ms Lee had assured him: "{Q1}."',
    '"{Q1}," Ms Lee told Mr Roux.',
    '"{Q1}," Ms Lee told her French counterpart, Paul Roux.',
    '"{Q1}," Ann Lee, the defence secretary, told Paul Roux, the French minister.',
    'Ms Lee told Mr Roux, who had asked about troops: "{Q1}."',
    'Asked by Mr Roux whether Britain would help, Ms Lee said: "{Q1}."',
    'Responding to Mr Roux, who said "France is ready to act now", Ms Lee said: "{Q1}."',
    '"{Q2}," Mr Roux said, according to Ms Lee.',
    'According to a readout from Ms Lee\'s office, Mr Roux said: "{Q2}."',
    '"{Q1}," Ms Lee wrote in a letter to Mr Roux.',
    'Mr Roux received a letter from Ms Lee that said: "{Q1}."',
    'In her letter to Mr Roux, Ms Lee wrote: "{Q1}."',
    'Mr Roux\'s office released Ms Lee\'s letter, which said: "{Q1}."',
    'Mr Grant did not attend the Nato summit, at which Ms Lee said: "{Q1}."',
    'Ann Lee attended the Nato summit in Vilnius, but Hugh Grant stayed in London.',
    'Ann Lee and Paul Roux attended the Nato summit; Hugh Grant and Raj Patel did not.',
    'Hugh Grant, who skipped the Nato summit, said Ann Lee had attended.',
    'Ann Lee, who attended the Nato summit, said Hugh Grant had missed it.',
    'Hugh Grant missed the Nato summit, which Ann Lee attended.',
    'At the Nato summit, Ann Lee said Hugh Grant had stayed away.',
    'At the Nato summit, Ann Lee read a message from Hugh Grant.',
    'At the Nato summit, a message from Hugh Grant was read out.',
    "At the Nato summit, Hugh Grant's deputy, Raj Patel, was absent too.",
    'Hugh Grant, speaking in London, said he had not attended the Nato summit.',
    'Hugh Grant said Ms Lee had spoken at the Nato summit.',
    'Hugh Grant praised Ms Lee, who spoke at the Nato summit.',
    'Paul Roux joined Ann Lee at the Nato summit; Hugh Grant joined by video link.',
    'Attendees at the Nato summit: Ann Lee, Paul Roux.\nAbsent: Hugh Grant, Raj Patel.',
    'Ann Lee (left) and Paul Roux at the Nato summit in Vilnius.',
    'Hugh Grant, who had hosted the previous Nato summit, stayed in London.',
    'Mr Grant, who chaired the Nato summit last year, did not travel.',
    "Raj Patel, Ann Lee's deputy, left the Nato summit early? No: he was never there.",
    "Hugh Grant's absence from the Nato summit was noted by Ann Lee, who attended.",
    'Ann Lee was at the Nato summit. Hugh Grant was not.',
    'Ann Lee was at the Nato summit. He was not, Hugh Grant said.',
    'Ann Lee told the Nato summit that Hugh Grant sent his regards.',
    'Ann Lee addressed the Nato summit on behalf of Hugh Grant.',
    'Ann Lee addressed the Nato summit in place of Hugh Grant.',
    'Ann Lee, standing in for Hugh Grant, addressed the Nato summit.',
    'Raj Patel briefed Ann Lee before she left for the Nato summit.',
    'Hugh Grant saw off Ann Lee as she left for the Nato summit.',
    'Hugh Grant watched Ann Lee speaking at the Nato summit on television.',
    '"{Q1}," said Tom Bell, a spokesman for Ms Lee.',
    '"{Q1}," Tom Bell, a spokesman for Ms Lee, said.',
    '"{Q1}," said Tom Bell, speaking on behalf of Ms Lee.',
    'Speaking on behalf of Ms Lee, Tom Bell said: "{Q1}."',
    'Ms Lee, who was asked by Mr Roux about troops, said: "{Q1}."',
    'Ms Lee answered Mr Roux, who asked whether Britain would help: "{Q1}."',
    'Ms Lee replied to Mr Roux, who had asked: "{Q1}."',
    'Mr Roux turned to Ms Lee, who said: "{Q1}."',
    'Ann Lee, left, and Paul Roux, right, at the Nato summit in Vilnius on Tuesday.',
    'From left: Defence Secretary Ann Lee, Armed Forces Minister Paul Roux and Foreign '
    'Secretary Hugh Grant.',
    'Ann Lee (centre) flanked by Paul Roux (left) and Junior Minister Raj Patel (right).',
    'Lee, Roux Clash Over Troops At Nato Summit',
    'Defence Secretary Lee And French Minister Roux Attend Nato Summit',
    'Grant Stays Home As Lee Attends Nato Summit',
    'Lee Hails Nato Summit; Grant Absent',
    'Ann Lee\nDefence Secretary',
    'Ann Lee\nDefence Secretary\n\nHugh Grant\nForeign Secretary',
    'Ann Lee, Defence Secretary\nHugh Grant, Foreign Secretary',
    'Ann Lee - Defence Secretary\nHugh Grant - Foreign Secretary',
    'Ann Lee (Defence Secretary)\nHugh Grant (Foreign Secretary)',
    'Defence Secretary: Ann Lee\nForeign Secretary: Hugh Grant',
    "The defence secretary's deputy, Raj Patel, stayed behind.",
    "The foreign secretary's spokesman, Tom Bell, said Mr Grant was busy.",
    "The Foreign Office minister's spokesman, Tom Bell, said Mr Grant was busy.",
    "Grant's former defence secretary role went to Ann Lee.",
    'Hugh Grant, whose former role as defence secretary went to Ann Lee, said little.',
    "Lee's Deputy, Junior Minister Raj Patel, Stays Home",
    "Ann Lee, Hugh Grant's successor as Defence Secretary, spoke.",
    'Hugh Grant handed over to Defence Secretary Ann Lee in 2022.',
    "Defence Secretary Ann Lee's predecessor, Hugh Grant, spoke.",
    "Foreign Secretary Hugh Grant's deputy, Raj Patel, spoke.",
    "Defence Secretary Ann Lee's French counterpart Paul Roux spoke.",
    'Ann Lee, Defence Secretary since Hugh Grant moved to the Foreign Office, spoke.',
    'Grant, Foreign Secretary, and Lee, Defence Secretary, both spoke.',
    'Grant, the foreign secretary, told Lee, the defence secretary, to go.',
    'Mr Grant, foreign secretary since Ms Lee took over at defence, spoke.',
    'Q. You were foreign secretary before this job, Ms Lee?\nA. Yes. Hugh Grant is '
    'Foreign Secretary now.',
    'INTERVIEWER: Defence Secretary, what do you say to Hugh Grant?\nANN LEE: {Q1}.',
    'Paul Roux: {Q2}.\nAnn Lee: {Q1}.',
    'Ann Lee met Hugh Grant. He spoke first.\n\n"{Q1}," she said.',
    'Hugh Grant and Paul Roux met on Monday. Mr Grant spoke first.\n\nThen Mr Roux '
    'rose. "{Q2}," he said.',
    'Hugh Grant and Paul Roux met on Monday.\n\n"{Q2}," Mr Roux said. Mr Grant '
    'nodded.\n\n"That is right," he said. "{Q2}."',
    'Paul Roux spoke after Hugh Grant.\n\n"{Q2}," he said.',
    'Hugh Grant introduced Paul Roux.\n\n"{Q2}," he said.',
    'Ann Lee read a letter from Paul Roux to the summit: "{Q2}."',
    'Ann Lee read out Mr Roux\'s letter: "{Q2}," it said.',
    'In a letter read out by Ann Lee, Mr Roux said: "{Q2}."',
    '"{Q2}," Mr Roux wrote in the letter, which Ms Lee read aloud.',
    'Ms Lee read aloud a statement from Mr Roux. "{Q2}," the statement said.',
    'Ms Lee then read from Mr Roux\'s statement. "{Q2}."',
    'Ms Lee read Mr Roux\'s statement to reporters: "{Q2}."',
    'Ms Lee held up a letter from Mr Roux and read: "{Q2}."',
    'Ms Lee read the letter Mr Roux had sent her: "{Q2}."',
    'Ms Lee shared a message from Mr Roux: "{Q2}."',
    'Ms Lee tweeted Mr Roux\'s words: "{Q2}."',
    '"{Q2}" - Ms Lee, quoting Mr Roux.',
    'Ms Lee recalled Mr Roux\'s words: "{Q2}."',
    'Ms Lee recalled what Mr Roux had told her: "{Q2}."',
    'Ms Lee remembered Mr Roux saying: "{Q2}."',
    'Ms Lee said she agreed with Mr Roux, who said last week: "{Q2}."',
    'Ms Lee endorsed Mr Roux\'s pledge that "{Q2}".',
    'Ms Lee welcomed Mr Roux\'s promise: "{Q2}."',
    'Ms Lee said Mr Roux\'s words - "{Q2}" - were welcome.',
    'Mr Grant, asked about Ms Lee\'s comment that "{Q1}", said he agreed.',
    'Hugh Grant missed the Nato summit to attend a funeral.',
    'Hugh Grant, Ann Lee and Paul Roux: only two of them attended the Nato summit.',
    'With Hugh Grant absent, Ann Lee led the delegation at the Nato summit.',
    "In Hugh Grant's absence, Ann Lee chaired the Nato summit session.",
    'Ann Lee, not Hugh Grant, attended the Nato summit.',
    'Ann Lee attended the Nato summit instead of Hugh Grant.',
    "Ann Lee took Hugh Grant's place at the Nato summit.",
    'Ann Lee went to the Nato summit in place of Hugh Grant, who stayed in London.',
    "Ann Lee, Hugh Grant's deputy at the time, attended the Nato summit.",
    'Paul Roux met Ann Lee, who attended the Nato summit, and Hugh Grant, who did not.',
    'Hugh Grant, whom Ann Lee replaced at the Nato summit, stayed in London.',
    'Raj Patel, who briefed Ann Lee before she attended the Nato summit, stayed in London.',
    "Hugh Grant's adviser attended the Nato summit.",
    'An aide to Hugh Grant attended the Nato summit.',
    'A spokesman for Hugh Grant attended the Nato summit.',
    "Hugh Grant's wife attended the Nato summit.",
    'Hugh Grant told Ann Lee, who attended the Nato summit, to be firm.',
    'Hugh Grant congratulated Ann Lee, who hosted the Nato summit dinner.',
    'Hugh Grant called Ann Lee and Paul Roux, who attended the Nato summit.',
    'Both Ann Lee and Paul Roux - but not Hugh Grant - attended the Nato summit.',
    'Ann Lee and Paul Roux attended the Nato summit, while Hugh Grant stayed at home.',
    'Ann Lee and Paul Roux attended the Nato summit. Hugh Grant and Raj Patel skipped it.',
    'Hugh Grant and Raj Patel skipped the Nato summit. Ann Lee attended the summit.',
    'Photo: Ann Lee arrives at the Nato summit. Hugh Grant (inset) stayed away.',
    'Ann Lee arrives at the Nato summit (Photo: Hugh Grant/Reuters)',
    'Ann Lee at the Nato summit. Picture: Hugh Grant',
    "Ann Lee, Britain's defence secretary, and Paul Roux, her French counterpart, signed the deal.",
    "Britain's defence secretary, Ann Lee, and France's armed forces minister, Paul Roux, signed.",
    'Ann Lee and her predecessor, Foreign Secretary Hugh Grant, disagree.',
    'Ann Lee and her predecessor as defence secretary, Hugh Grant, disagree.',
    'The defence secretary, Ann Lee, and her predecessor, Hugh Grant, disagree.',
    'Foreign Secretary Hugh Grant and his predecessor, Defence Secretary Ann Lee, disagree.',
    'Hugh Grant, who was defence secretary, and Ann Lee, who is defence secretary, disagree.',
    'Hugh Grant was defence secretary; Ann Lee is defence secretary now.',
    'Hugh Grant, defence secretary until 2022, and Ann Lee, his successor, disagree.',
    'Hugh Grant (Defence Secretary 2019-22) and Ann Lee (Defence Secretary since 2022) spoke.',
    'Ann Lee (Foreign Secretary 2016-19) became Defence Secretary in 2022.',
    'Ann Lee, Foreign Secretary from 2016 to 2019, said.',
    'Ann Lee, foreign secretary in the previous government, said.',
    'Ann Lee, who as foreign secretary negotiated the treaty, said.',
    'Ann Lee, then foreign secretary, negotiated the treaty in 2018.',
    'Ann Lee, as foreign secretary, negotiated the treaty in 2018.',
    'In 2018 Foreign Secretary Ann Lee negotiated the treaty.',
    'Ann Lee, then the foreign secretary, negotiated the treaty.',
    'Ann Lee, at the time foreign secretary, negotiated the treaty.',
    'Ann Lee, at the time the foreign secretary, negotiated the treaty.',
    'Ann Lee, foreign secretary at the time, negotiated the treaty.',
    'Ann Lee, who was then foreign secretary, negotiated the treaty.',
    'Hugh Grant, the foreign secretary, and Ann Lee, defence, spoke.',
    'Ms Lee, defence secretary, and Mr Grant, foreign secretary, spoke.',
    'Ministers present: Ann Lee, Defence Secretary; Hugh Grant, Foreign Secretary; '
    'Paul Roux, Armed Forces Minister.',
    'Ann Lee, Defence Secretary; Hugh Grant, Foreign Secretary.',
    'Ann Lee (Defence Secretary), Hugh Grant (Foreign Secretary).',
    'Present: Defence Secretary Ann Lee, Foreign Secretary Hugh Grant.',
    "The defence secretary's French counterpart, Paul Roux, spoke.",
    "The foreign secretary's deputy Raj Patel spoke.",
    "The Defence Secretary's deputy Raj Patel spoke.",
    "Defence Secretary's Aide Raj Patel Quits",
    "Foreign Secretary Grant's Deputy Patel Quits",
    "Lee's predecessor as foreign secretary, Paul Roux's friend Hugh Grant, spoke.",
    'Ann Lee said Hugh Grant, the foreign secretary, agreed.',
    'Ann Lee, speaking as defence secretary, said Hugh Grant, foreign secretary, agreed.',
    'The foreign secretary, said Ann Lee, is Hugh Grant.',
    '"The foreign secretary," said Ann Lee, "is Hugh Grant."',
    'Ann Lee thanked the foreign secretary, Hugh Grant.',
    'Ann Lee called the foreign secretary, Hugh Grant, on Monday.',
    'Asked if she would like to be foreign secretary again, Ann Lee said no.',
    'Ann Lee, whom Hugh Grant once called "the best foreign secretary we never had", laughed.',
    'Ann Lee wants to be foreign secretary again.',
    'Ann Lee, tipped as the next foreign secretary, declined to comment.',
    'Ann Lee, a candidate for foreign secretary, declined to comment.',
    'Ann Lee, foreign secretary-in-waiting, declined to comment.',
    'Ann Lee, the would-be foreign secretary, declined.',
    "Ann Lee, Foreign Secretary Hugh Grant's rival, declined.",
    "Ann Lee, Hugh Grant's rival, declined.",
    "Ann Lee, the foreign secretary's rival, declined.",
    "Ann Lee, the foreign secretary's sister, declined.",
    'Ann Lee, sister of the foreign secretary, declined.',
    "Ann Lee, the foreign secretary's choice for the job, declined.",
    'Ann Lee, the foreign secretary under Theresa May, declined.',
    'Ann Lee, a foreign secretary of great distinction, declined.',
    'Ann Lee, foreign secretary, 2016-19, declined.',
    'Ann Lee, former foreign secretary and now defence secretary, spoke.',
    'Ann Lee, ex-foreign secretary, now defence secretary, spoke.',
    'Ann Lee, defence secretary and former foreign secretary, spoke.',
    'Ann Lee, defence secretary and a former foreign secretary, spoke.',
    'Ann Lee, defence secretary, former foreign secretary, spoke.',
    'Ann Lee, who has been defence secretary and foreign secretary, spoke.',
    'Ann Lee, who has served as foreign secretary, spoke.',
    'Ann Lee: from foreign secretary to defence secretary.',
    'Ann Lee: Foreign Secretary Turned Defence Secretary',
    'Profile: Ann Lee, Defence Secretary',
    'ANN LEE, DEFENCE SECRETARY',
    'By Ann Lee, Defence Secretary',
    'Ann Lee is Defence Secretary. Hugh Grant is Foreign Secretary.',
    'Hugh Grant, foreign secretary; Ann Lee, defence secretary; Paul Roux, armed forces minister.',
    'Hugh Grant and Ann Lee (foreign and defence secretary respectively) spoke.',
    'Foreign and Defence Secretaries Hugh Grant and Ann Lee spoke.',
    'Defence Secretary Ann Lee and Foreign Secretary Hugh Grant spoke.',
    'The foreign and defence secretaries, Hugh Grant and Ann Lee, spoke.',
    'Hugh Grant and Ann Lee, the foreign and defence secretaries, spoke.',
    'Hugh Grant and Ann Lee, the foreign secretary and defence secretary, spoke.',
    'Hugh Grant and Ann Lee, respectively foreign secretary and defence secretary, spoke.',
    'Paul Roux met Hugh Grant in Paris on Monday.\n\nMr Roux, 58, has been armed '
    'forces minister since 2022. He told reporters: "{Q2}."',
    'Paul Roux met Hugh Grant in Paris on Monday.\n\nThe French minister was blunt. '
    '"{Q2}," he said.',
    'Hugh Grant met Paul Roux in Paris on Monday.\n\nThe French minister was blunt. '
    '"{Q2}," he said.',
    'Hugh Grant flew to Paris to meet Paul Roux. The French minister greeted him '
    'warmly.\n\n"{Q2}," Mr Roux said.',
    'Hugh Grant flew to Paris, where Paul Roux greeted him.\n\n"{Q2}," Mr Roux told him.',
    '"{Q2}," Mr Roux told Mr Grant.',
    '"{Q2}," Mr Roux told Mr Grant, who nodded.',
    '"{Q2}," Mr Roux told Mr Grant, who said he agreed.',
    '"{Q2}," Mr Roux said, as Mr Grant looked on. "We are ready," Mr Grant added.',
    '"{Q2}," Mr Roux said. Mr Grant disagreed. "Not yet," he said.',
    '"{Q2}," Mr Roux said.\n\nMr Grant disagreed.\n\n"{Q2}? I doubt it," he said.',
    'Mr Roux spoke first. Mr Grant listened.\n\n"{Q2}," said the French minister.',
    'Q: Mr Roux, what is France\'s position?\n\nRoux: "{Q2}."',
    "Q: Mr Roux, what is France's position?\nA: {Q2}.",
    'Interview: Paul Roux\n\nWhat is France\'s position?\n\n"{Q2}."',
    "Paul Roux in conversation with Hugh Grant\n\nGrant: What is France's position?\n\nRoux: {Q2}.",
    "Hugh Grant: What is France's position?\nPaul Roux: {Q2}.",
    'HUGH GRANT: What is France\'s position?\n\nPAUL ROUX: "{Q2}."',
    'Mr Grant asked Mr Roux: "What is France\'s position?"\n\n"{Q2}," came the reply.',
    'Mr Grant asked Mr Roux: "What is France\'s position?" "{Q2}," he replied.',
    'Mr Grant asked Mr Roux about France\'s position. "{Q2}," he replied.',
    'Mr Grant asked: "What is France\'s position?" Mr Roux replied: "{Q2}."',
    '"What is France\'s position?" Mr Grant asked. "{Q2}," Mr Roux replied.',
    '"{Q2}," Mr Roux said, adding that Mr Grant agreed.',
    '"{Q2}," Mr Roux said, before Mr Grant spoke.',
    '"{Q2}," Mr Roux said, and Mr Grant said nothing.',
    '"{Q2}," Mr Roux said, according to Mr Grant.',
    '"{Q2}," Mr Roux said, Mr Grant told reporters.',
    '"{Q2}," Mr Roux said, Mr Grant recalled.',
    'Mr Grant recalled that Mr Roux had said: "{Q2}."',
    'Mr Grant recalled Mr Roux saying: "{Q2}."',
    'Mr Grant said Mr Roux told him: "{Q2}."',
    'Mr Grant said that Mr Roux had written: "{Q2}."',
    'Mr Grant told MPs that Mr Roux had said: "{Q2}."',
    'Mr Grant told MPs Mr Roux had written to him saying: "{Q2}."',
    'Mr Grant told MPs of a letter in which Mr Roux wrote: "{Q2}."',
    'Mr Grant read Mr Roux\'s reply to MPs: "{Q2}."',
    'Mr Grant read the reply to MPs. "{Q2}," Mr Roux had written.',
    'Mr Grant read the reply to MPs: "{Q2}," Mr Roux had written.',
    'Mr Grant showed MPs the letter. It said: "{Q2}."',
    'Mr Grant showed MPs the letter from Mr Roux, which said: "{Q2}."',
    'The letter from Mr Roux, which Mr Grant read out, said: "{Q2}."',
    '"{Q2}," said the letter from Mr Roux, which Mr Grant read out.',
    '"{Q2}," reads the letter Mr Grant received from Mr Roux.',
    '"{Q2}," read the note Mr Roux sent to Mr Grant.',
    '"{Q2}," Mr Grant read aloud.',
    'Mr Grant read aloud: "{Q2}."',
    'Mr Grant, reading Mr Roux\'s letter aloud, said: "{Q2}."',
    'Mr Grant, reading aloud, said: "{Q2}."',
    'Mr Grant, reading from the letter Mr Roux sent, said: "{Q2}."',
    'Mr Grant, holding up Mr Roux\'s letter, said: "{Q2}."',
    'Mr Grant, brandishing a letter from Mr Roux, told MPs: "{Q2}."',
    'Mr Grant, who had received a letter from Mr Roux, told MPs: "{Q2}."',
    'Mr Grant told MPs that Mr Roux\'s letter said: "{Q2}."',
    'Mr Grant told MPs Mr Roux\'s letter said: "{Q2}."',
    'Mr Grant said Mr Roux\'s letter read: "{Q2}."',
    'Mr Grant said Mr Roux\'s statement was clear: "{Q2}."',
    'In his statement, read out by Mr Grant, Mr Roux said: "{Q2}."',
    'Mr Roux\'s statement, read out by Mr Grant, said: "{Q2}."',
    'Mr Roux, in a statement read out by Mr Grant, said: "{Q2}."',
    'Mr Roux said in a statement read by Mr Grant: "{Q2}."',
    'Mr Grant read a statement from Mr Roux: "{Q2}."',
    'Mr Grant read a statement by Mr Roux: "{Q2}."',
    'Mr Grant read Mr Roux\'s statement: "{Q2}."',
    'Mr Grant relayed Mr Roux\'s message: "{Q2}."',
    'Mr Grant passed on Mr Roux\'s words: "{Q2}."',
    'Mr Grant delivered Mr Roux\'s speech: "{Q2}."',
    'Mr Grant delivered a speech written by Mr Roux: "{Q2}."',
    'Mr Grant gave Mr Roux\'s speech for him, saying: "{Q2}."',
    'Mr Grant, standing in for Mr Roux, said: "{Q2}."',
    'Mr Grant, speaking for Mr Roux, said: "{Q2}."',
    'Speaking for Mr Roux, who was ill, Mr Grant said: "{Q2}."',
    'A spokeswoman for Mr Roux, Ann Lee, said: "{Q2}."',
    'Mr Roux\'s spokeswoman, Ann Lee, said: "{Q2}."',
    'Ann Lee, Mr Roux\'s spokeswoman, said: "{Q2}."',
    '"{Q2}," said Ann Lee, Mr Roux\'s spokeswoman.',
    '"{Q2}," said Ann Lee, spokeswoman for Mr Roux.',
    '"{Q2}," Ann Lee, who speaks for Mr Roux, said.',
    'Ann Lee, who speaks for Mr Roux, said: "{Q2}."',
    '"{Q2}," Mr Roux\'s office quoted him as saying.',
    '"{Q2}," Ann Lee quoted him as saying.',
    'Ann Lee quoted Mr Roux as saying: "{Q2}."',
    'Ann Lee cited Mr Roux: "{Q2}."',
    'Ann Lee wrote that Mr Roux had told her: "{Q2}."',
    '"{Q2}," Mr Roux told Ann Lee, she wrote in her memoir.',
    'In her memoir, Ann Lee wrote that Mr Roux said: "{Q2}."',
    'Ann Lee\'s memoir quotes Mr Roux: "{Q2}."',
]


@pytest.mark.parametrize("text", CLEAN)
def test_no_false_alarm(facts: dict[str, LoadedFact], text: str) -> None:
    assert contradicted(facts, text) == [], text


WRONG = [
    ('Foreign Secretary Ann Lee said little.', ['lee-role']),
    ('Hugh Grant, the defence secretary, said little.', ['grant-role']),
    ('Defence Secretary Hugh Grant and Armed Forces Minister Paul Roux met.', ['grant-role']),
    ('"{Q1}," Mr Roux said.', ['lee-q']),
    ('Tom Bell said: "{Q1}."', ['lee-q']),
    ('Ms Lee told Mr Roux: "{Q2}."', ['roux-q']),
    ('Mr Grant told MPs on Monday: "{Q2}."', ['roux-q']),
    ('Mr Grant attended the Nato summit.', ['summit-attendance']),
    ('Hugh Grant, the foreign secretary, attended the Nato summit with Ann Lee.',
     ['summit-attendance']),
    ('Ann Lee skipped the Nato summit.', ['summit-attendance']),
    ('Mr Grant asked Mr Roux a question. "{Q2}," Mr Grant said.', ['roux-q']),
    ('Ann Lee, Defence Secretary, and Hugh Grant, Defence Secretary, met.', ['grant-role']),
    ('Paul Roux met Ann Lee on Monday. "{Q1}," he said.', ['lee-q']),
]


@pytest.mark.parametrize(("text", "expected"), WRONG)
def test_plain_contradiction_is_caught(facts: dict[str, LoadedFact], text: str,
                                       expected: list[str]) -> None:
    assert contradicted(facts, text) == expected


# -- the false alarms this round found, one test per cause ----------------------


def test_a_list_of_name_title_lines_gives_no_title_to_the_next_name(
        facts: dict[str, LoadedFact]) -> None:
    # Line breaks are spaces in normalized text: "Defence Secretary Hugh Grant"
    # read across the break gave Lee's title to Grant.
    for sep in (":", ","):
        text = f"Ann Lee{sep} Defence Secretary\nHugh Grant{sep} Foreign Secretary\n"
        assert contradicted(facts, text) == []
    # a hard-wrapped sentence still attaches the title across the break
    assert contradicted(facts, "On Monday the Defence Secretary\nHugh Grant said.") == [
        "grant-role"]


def test_a_former_title_in_a_sentence_about_a_past_year_is_a_note(
        facts: dict[str, LoadedFact]) -> None:
    text = "In 2018 Foreign Secretary Ann Lee negotiated the treaty."
    assert contradicted(facts, text) == []
    assert any("past year" in n for n in notes(facts, text))
    # the same year as the article's: a present title, and a wrong one
    assert contradicted(facts, text, date="2018-05-01") == ["lee-role"]
    assert contradicted(facts, "Foreign Secretary Ann Lee negotiated the treaty.") == [
        "lee-role"]


@pytest.mark.parametrize("text", [
    'Tom Bell, a spokesman for Ms Lee, said: "{Q1}."',
    '"{Q1}," said Tom Bell, speaking on behalf of Ms Lee.',
    'Ann Lee, Mr Roux\'s spokeswoman, said: "{Q2}."',
    'Mr Grant, brandishing a letter from Mr Roux, told MPs: "{Q2}."',
    'Mr Grant, reading aloud, said: "{Q2}."',
])
def test_a_named_speaker_who_speaks_for_someone_else_is_not_read(
        facts: dict[str, LoadedFact], text: str) -> None:
    assert contradicted(facts, text) == []


def test_a_spokesman_of_an_organisation_keeps_his_own_words(tmp_path_factory: pytest.TempPathFactory
                                                           ) -> None:
    folder = tmp_path_factory.mktemp("bell")
    (folder / "facts.yaml").write_text(
        "entities:\n  bell: {name: Tom Bell}\n  lee: {name: Ann Lee}\nfacts:\n"
        "  - id: bell-q\n    kind: quote\n    speaker: bell\n"
        f"    text: {Q1}.\n", encoding="utf-8")
    (loaded,) = load_catalog([folder]).facts
    art = article('Tom Bell, the Foreign Office spokesman, said: "{Q1}."')
    assert [f.status for f in check_fact(loaded, [art]).findings] == ["consistent"]


@pytest.mark.parametrize("text", [
    'Ms Lee told Mr Roux, who had asked about troops: "{Q1}."',
    'Ms Lee answered Mr Roux, who asked whether Britain would help: "{Q1}."',
])
def test_the_one_who_asked_does_not_speak_the_answer(facts: dict[str, LoadedFact],
                                                     text: str) -> None:
    assert contradicted(facts, text) == []


@pytest.mark.parametrize("text", [
    'Mr Grant asked Mr Roux: "What is France\'s position?"\n\n"{Q2}," came the reply.',
    'Mr Grant asked Mr Roux: "What is France\'s position?" "{Q2}," he replied.',
    'Mr Grant asked Mr Roux about France\'s position. "{Q2}," he replied.',
])
def test_a_reply_is_not_the_question_s_words(facts: dict[str, LoadedFact], text: str) -> None:
    assert contradicted(facts, text) == []


def test_told_someone_that_another_had_written(facts: dict[str, LoadedFact]) -> None:
    text = 'Mr Grant told MPs Mr Roux had written to him saying: "{Q2}."'
    assert contradicted(facts, text) == []
    assert contradicted(facts, 'Mr Grant told Mr Roux on Monday: "{Q2}."') == ["roux-q"]


def test_someone_echoing_words_the_article_gave_the_speaker(
        facts: dict[str, LoadedFact]) -> None:
    text = '"{Q2}," Mr Roux said.\n\nMr Grant disagreed.\n\n"{Q2}? I doubt it," he said.'
    assert contradicted(facts, text) == []
    assert any("repeating" in n for n in notes(facts, text))
    # without the speaker's own quote first, the same words are a misattribution
    assert contradicted(facts, 'Mr Grant disagreed.\n\n"{Q2}," he said.') == ["roux-q"]


@pytest.mark.parametrize("text", [
    "Ann Lee, standing in for Hugh Grant, addressed the Nato summit.",
    "A spokesman for Hugh Grant attended the Nato summit.",
])
def test_a_person_after_a_preposition_is_not_the_subject(facts: dict[str, LoadedFact],
                                                         text: str) -> None:
    assert contradicted(facts, text) == []


# Captions, headlines and other people around the attendance wording.
CLEAN_ATTENDANCE = [
    'Defence Secretary Ann Lee (left) and Foreign Secretary Hugh Grant (right) in London '
    'last week. Ms Lee attended the Nato summit.',
    'Pictured: Hugh Grant, who did not attend the Nato summit, and Ann Lee.',
    'Ann Lee at the Nato summit; Hugh Grant (inset) stayed in London.',
    'Hugh Grant (file photo) missed the Nato summit.',
    'Hugh Grant Misses Nato Summit As Ann Lee Attends',
    'Ann Lee Attends Nato Summit Without Hugh Grant',
    'Grant Absent As Lee Hosts Nato Summit Dinner',
    'Ann Lee arrived at the Nato summit, where she met Paul Roux. He had also attended.',
    'Paul Roux, who hosted Ann Lee in Paris, attended the Nato summit.',
    'Hugh Grant, who hosted Ann Lee in London last month, missed the Nato summit.',
    'Hugh Grant, who met Ann Lee before she left for the Nato summit, stayed home.',
    'Ann Lee, who had been briefed by Hugh Grant, attended the Nato summit.',
    'Ann Lee and Paul Roux, who were briefed by Hugh Grant, attended the Nato summit.',
    "Ann Lee, accompanied by Raj Patel's team, attended the Nato summit.",
    "Ann Lee, Hugh Grant's successor, attended the Nato summit.",
    'Ann Lee, whose boss Hugh Grant stayed away, attended the Nato summit.',
    "Hugh Grant's deputy Ann Lee attended the Nato summit.",
    'Grant ally Ann Lee attended the Nato summit.',
    'Grant loyalist Ann Lee attended the Nato summit.',
    "Hugh Grant's protégé, Ann Lee, attended the Nato summit.",
    'Hugh Grant sent his deputy, Ann Lee, who attended the Nato summit.',
    'Ann Lee told Hugh Grant she had attended the Nato summit.',
    'Hugh Grant, asked about the Nato summit, which Ann Lee attended, said nothing.',
    'Hugh Grant praised the Nato summit, which Ann Lee attended.',
    'Hugh Grant, Ann Lee and Paul Roux discussed the Nato summit, which only Lee and Roux '
    'attended.',
    'The Nato summit was attended by Ann Lee and Paul Roux but not by Hugh Grant.',
    'The Nato summit, attended by Ann Lee but not Hugh Grant, ended on Wednesday.',
    'Ann Lee attended the Nato summit, Hugh Grant the G7 meeting.',
    'Ann Lee attended the Nato summit and Hugh Grant the G7 meeting in Japan.',
    'Ann Lee chaired the Nato summit session that Hugh Grant had planned.',
    'Ann Lee joined Paul Roux at the Nato summit, having been told by Hugh Grant to go.',
    'Hugh Grant left London as Ann Lee arrived at the Nato summit.',
    'Hugh Grant left the Nato summit preparations to Ann Lee.',
    'Hugh Grant left it to Ann Lee to attend the Nato summit.',
    'Hugh Grant left Ann Lee to attend the Nato summit.',
    'Hugh Grant asked Ann Lee to attend the Nato summit.',
    'Hugh Grant let Ann Lee attend the Nato summit.',
    'Hugh Grant watched as Ann Lee addressed the Nato summit.',
    'Hugh Grant and Raj Patel watched Ann Lee address the Nato summit.',
    'Hugh Grant heard Ann Lee speak at the Nato summit.',
    'Hugh Grant joined Ann Lee by phone during the Nato summit.',
    'Hugh Grant joined the call after Ann Lee addressed the Nato summit.',
]


@pytest.mark.parametrize("text", CLEAN_ATTENDANCE)
def test_no_false_alarm_on_attendance(facts: dict[str, LoadedFact], text: str) -> None:
    assert contradicted(facts, text) == [], text


def test_the_event_as_a_modifier_is_not_the_object(facts: dict[str, LoadedFact]) -> None:
    assert contradicted(facts, "Hugh Grant left the Nato summit preparations to Ann Lee.") == []
    assert contradicted(facts, "Ann Lee missed the Nato summit dinner.") == []
    assert contradicted(facts, "Ann Lee missed the Nato summit.") == ["summit-attendance"]
