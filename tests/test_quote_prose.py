"""Red-team of the ``quote`` kind on unseen newspaper prose (written for these tests).

A minister's resignation and a court case with witness quotes. ``C`` must be a
contradiction; ``ok`` consistent evidence and no contradiction; ``-`` no
contradiction (a note, consistent evidence with an unreadable speaker, or
nothing).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .kindkit import assert_verdict, check, verdict

RESIGN = """\
entities:
  okafor:
    name: Miriam Okafor
    aliases: [Ms Okafor, the housing minister]
  brandt:
    name: Tobias Brandt
    aliases: [Mr Brandt, the prime minister]
  vasquez:
    name: Carlos Vasquez
facts:
  - id: okafor-resign
    kind: quote
    speaker: okafor
    text: I can no longer serve in a government that treats the truth as an inconvenience.
"""
Q = "I can no longer serve in a government that treats the truth as an inconvenience"

COURT = """\
entities:
  achebe:
    name: Grace Achebe
    aliases: [Ms Achebe]
  dyer:
    name: Mark Dyer
    aliases: [Mr Dyer]
  lind:
    name: Helena Lind
    aliases: [Judge Lind]
facts:
  - id: achebe-smoke
    kind: quote
    speaker: achebe
    text: I saw the smoke coming from under the door and I knew the exits were locked.
"""
S = "I saw the smoke coming from under the door and I knew the exits were locked"


RESIGN_CASES = [
    (f'"{Q}," Ms Okafor said.', "ok"),
    (f'"{Q}," said Ms Okafor, 47.', "ok"),
    (f'"{Q}," Miriam Okafor, the housing minister, said on Monday.', "ok"),
    (f'Ms Okafor told MPs: "{Q}."', "ok"),
    (f'“{Q},” Ms Okafor said.', "ok"),
    (f"‘{Q},’ Ms Okafor said.", "ok"),
    (f'"{Q}," Mr Brandt said.', "C"),
    (f'Mr Vasquez, who praised Ms Okafor, said: "{Q}."', "C"),
    (f'Speaking after Ms Okafor, Mr Vasquez said: "{Q}."', "C"),
    ('"I can no longer serve," Ms Okafor said, "in a government that treats the truth as an '
     'inconvenience."', "ok"),
    ('"I can no longer serve in a government that treats the truth as a nuisance," Ms Okafor '
     'said.', "C"),
    ('"I can no longer serve ... a government that treats the truth as an inconvenience," '
     'Ms Okafor said.', "ok"),
    ('"I can no longer serve in [Mr Brandt\'s] government that treats the truth as an '
     'inconvenience," Ms Okafor said.', "ok"),
    ('Ms Okafor said she "can no longer serve in a government that treats the truth as an '
     'inconvenience".', "ok"),
    (f'Ms Okafor, whom Mr Vasquez praised, said: "{Q}."', "ok"),
    (f'Ms Okafor, who was praised by Mr Vasquez, said: "{Q}."', "ok"),
    (f'After Mr Brandt spoke, Ms Okafor said: "{Q}."', "ok"),
    (f'"{Q}," wrote Ms Okafor in her letter to Mr Brandt.', "ok"),
    # someone talks about the quote: never a misattribution
    (f'Mr Brandt said Ms Okafor had written: "{Q}."', "-"),
    (f'Asked about Ms Okafor\'s claim that "{Q}", Mr Brandt said it was nonsense.', "-"),
    (f'According to Mr Brandt, "{Q}" was her phrase.', "-"),
    (f'Mr Brandt said "{Q}" was a cheap line.', "-"),
    (f'Mr Brandt said it was untrue that "{Q}".', "-"),
    (f'"{Q}" - those words, Mr Brandt said, were a lie.', "-"),
    (f'Mr Brandt mocked the line "{Q}" in a speech on Tuesday.', "-"),
    (f'"{Q}," Mr Brandt quoted Ms Okafor as saying.', "-"),
    (f'"{Q}," a spokesman for Mr Brandt said.', "-"),
    (f'"{Q}," Mr Brandt\'s spokesman said.', "-"),
    # someone else passes her words on inside their own quote
    (f'"We heard her say, {Q}, and we cheered," Mr Vasquez said.', "-"),
    (f'"As Ms Okafor put it, {Q}," Mr Vasquez said.', "-"),
    (f'"In her words, {Q}," Mr Vasquez said.', "-"),
    ('"She said she could no longer serve in a government that treats the truth as an '
     'inconvenience, and she was right," Mr Vasquez said.', "-"),
    (f'"We heard her say \'{Q}\' and we cheered," Mr Vasquez said.', "-"),
    # pronouns: "she" never stands for a "Mr"
    (f'Mr Brandt spoke on Monday.\n\n"{Q}," she said.', "-"),
    (f'Ms Okafor resigned. Mr Brandt said he would miss her.\n\n"{Q}," she said.', "-"),
    (f'Ms Okafor met Mr Brandt on Monday.\n\n"{Q}," she said.', "ok"),
    (f'Ms Okafor resigned on Monday.\n\n"{Q}," he said.', "-"),
    (f'Ms Okafor resigned on Monday.\n\n"{Q}," she said.', "ok"),
]


@pytest.mark.parametrize(("text", "want"), RESIGN_CASES)
def test_resignation(tmp_path: Path, text: str, want: str) -> None:
    assert_verdict(verdict(tmp_path, RESIGN, text), want)


COURT_CASES = [
    (f'Grace Achebe gave evidence on Monday.\n\n"{S}," she said.', "ok"),
    (f'Grace Achebe gave evidence on Monday.\n\nDefending, Anne Keller said her client was '
     f'devastated. "{S}," she said.', "-"),
    (f'Mr Dyer listened as Ms Achebe spoke.\n\n"{S}," she said.', "ok"),
    # the article itself gives the words to the only man named: a real misattribution
    (f'Ms Achebe gave evidence against Mr Dyer on Monday.\n\n"{S}," he said.', "C"),
    (f'"{S}," Ms Achebe said, as Mr Dyer looked on.', "ok"),
    (f'"{S}," Ms Achebe told Mr Dyer\'s lawyer.', "ok"),
    (f'"{S}," Mr Dyer\'s lawyer said, reading from Ms Achebe\'s statement.', "-"),
    (f'Judge Lind quoted Ms Achebe as saying: "{S}."', "-"),
    (f'Judge Lind said: "Ms Achebe told us, {S}."', "-"),
    (f'Judge Lind said: "Ms Achebe told us: \'{S}\'."', "-"),
    (f'"{S}," Judge Lind said Ms Achebe had told the court.', "-"),
    (f'Ms Achebe took the stand. "I was on the second floor," she said.\n\n"{S}."', "ok"),
    (f'Ms Achebe told the jury: "I was on the second floor.\n\n"{S}," she said.', "ok"),
    (f'"{S}," Ms Achebe said. "I ran," she added. "Mr Dyer was not there."', "ok"),
    (f'When Mr Dyer said "the doors were open", Ms Achebe replied: "{S}."', "ok"),
    ('"I saw the smoke coming from under the door and I knew the fire exits were locked," '
     'Ms Achebe said.', "C"),
    ('"I saw smoke coming from under the door, and I knew the exits were locked," '
     'Ms Achebe said.', "C"),
    (f'"{S}," Ms. Achebe said.', "ok"),
    (f'"Ms Achebe said \'{S}\', but she is lying," Mr Dyer said.', "-"),
    (f'"She says {S}. She is lying," Mr Dyer said.', "-"),
    (f'Mr Dyer denied Ms Achebe\'s account that "{S}".', "-"),
]


@pytest.mark.parametrize(("text", "want"), COURT_CASES)
def test_court_case(tmp_path: Path, text: str, want: str) -> None:
    assert_verdict(verdict(tmp_path, COURT, text), want)


COURT_ARTICLE = """\
Factory Owner Jailed Over Deadly Fire

Mark Dyer, the owner of the Harlow Street factory where 23 workers died in a fire last May, \
was jailed for nine years on Friday.

Passing sentence, Judge Helena Lind told Mr Dyer: "You put profit before the lives of the \
people who worked for you."

During the three-week trial, the court heard from Grace Achebe, 34, a machinist who survived \
the blaze. "I saw the smoke coming from under the door," she told the jury, "and I knew the \
exits were locked."

Ms Achebe broke down as she described the moment. "I knew the exits were locked," she \
repeated.

Mr Dyer had denied the charges. "I never ordered anyone to lock those doors," he said in \
evidence. "Not once, not ever."

Prosecutor Paul Moreau told the jury in his closing speech that Mr Dyer had been warned.

"This was not an accident. It was a choice, made again and again, to save money.

"Mr Dyer knew. His managers knew. And they did nothing."

Defending, Anne Keller said her client was "devastated". "He never ordered anyone to lock \
those doors, not once, not ever," she said.

Outside court, Ms Achebe said: "Judge Lind said he put profit before the lives of the people \
who worked for him. That is true."

A union official, who asked not to be named, said: "You put profit before the lives of the \
people who worked for you - that's what we told him years ago."
"""

COURT_FACTS = """\
entities:
  lind:
    name: Helena Lind
    aliases: [Judge Lind, the judge]
  moreau:
    name: Paul Moreau
  achebe:
    name: Grace Achebe
    aliases: [Ms Achebe]
  dyer:
    name: Mark Dyer
    aliases: [Mr Dyer]
facts:
  - id: {fid}
    kind: quote
    speaker: {speaker}
    text: {text}
"""


@pytest.mark.parametrize(("fid", "speaker", "text", "speakers"), [
    ("achebe-smoke", "achebe", S + ".", ["Grace Achebe", "Grace Achebe", "Grace Achebe"]),
    ("dyer-deny", "dyer", "I never ordered anyone to lock those doors, not once, not ever.",
     ["Mark Dyer"]),
    ("lind-remorse", "lind",
     "You put profit before the lives of the people who worked for you.", ["Helena Lind"]),
    ("moreau-closing", "moreau",
     "This was not an accident. It was a choice, made again and again, to save money.",
     ["Paul Moreau"]),
])
def test_clean_court_article(tmp_path: Path, fid: str, speaker: str, text: str,
                             speakers: list[str]) -> None:
    yaml_text = COURT_FACTS.format(fid=fid, speaker=speaker, text=text)
    result = check(tmp_path, yaml_text, COURT_ARTICLE)
    assert not [f for f in result.findings if f.status == "contradiction"]
    attributed = [f.message for f in result.findings if "attributed to" in f.message]
    assert [next(n for n in speakers if n in m) for m in attributed] == speakers


RESIGN_ARTICLE = """\
Okafor Quits: 'I Can No Longer Serve In A Government That Treats The Truth As An Inconvenience'

Miriam Okafor resigned as housing minister on Monday, telling parliament: "I can no longer \
serve in a government that treats the truth as an inconvenience."

"I am proud," Ms Okafor said, "of what we achieved for the families who lost everything in \
the floods."

The prime minister, Tobias Brandt, said he was disappointed. "I regret her decision but I \
respect the courage it took to make it," he told reporters.

“It was not an easy decision,” she said later. “I spoke to Tobias Brandt last night. He \
asked me to stay. But I can no longer serve in a government that treats the truth as an \
inconvenience.”

Opposition leader Carlos Vasquez said Ms Okafor had done the right thing. "She said she \
could no longer serve in a government that treats the truth as an inconvenience, and she was \
right," he said.
"""


def test_clean_resignation_article(tmp_path: Path) -> None:
    """Two false alarms before: "she said later" read as Mr Brandt, and Mr Vasquez
    passing her words on inside his own quote read as his."""
    result = check(tmp_path, RESIGN, RESIGN_ARTICLE)
    assert not [f for f in result.findings if f.status == "contradiction"]
    assert len(result.findings) == 4


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    '"', "“", "”", "'", " she said", " he said", " Ms Okafor", " Mr Brandt", ",", ".", "\n\n",
    " I can no longer serve", " in a government that treats the truth", " said:",
    " according to", " as she put it", " was", " that", " Anne Keller said",
]), max_size=30))
def test_no_crash_and_no_alarm_without_a_misreading(parts: list[str]) -> None:
    from pytest_factcheck.article import Article, PreparedArticle
    from pytest_factcheck.entities import EntityIndex
    from pytest_factcheck.model import Entity
    from pytest_factcheck.quoting import spoken_quotes

    index = EntityIndex({
        "okafor": Entity("okafor", "Miriam Okafor", ("Ms Okafor",)),
        "brandt": Entity("brandt", "Tobias Brandt", ("Mr Brandt",)),
    })
    art = PreparedArticle(Article.from_text("".join(parts)))
    for sq in spoken_quotes(art, index):
        a = sq.attribution
        if a is not None and a.via == "pronoun":
            said = art.folded[a.start:a.end].casefold().split()
            pronouns = {"he", "she"} & set(said)
            if len(pronouns) != 1:
                continue  # "he said as she put it": the clause names both
            # "she" is never Mr Brandt, "he" never Ms Okafor
            assert not (pronouns == {"she"} and a.entities == {"brandt"})
            assert not (pronouns == {"he"} and a.entities == {"okafor"})


PUTIN_2003 = """\
entities:
  putin: {name: Vladimir Putin}
  tillerson: {name: Rex Tillerson}
facts:
  - id: putin-2003-remark
    kind: quote
    speaker: putin
    text: >-
      It reminds me of the events in 2003 when US envoys to the Security Council
      were demonstrating what they said were chemical weapons found in Iraq.
"""


@pytest.mark.parametrize("text", [
    '"It reminds me of the events in 2003," said Tillerson, quoting Mr Putin.',
    'Tillerson, quoting Mr Putin, said: "It reminds me of the events in 2003."',
    '"It reminds me of the events in 2003," Tillerson said, citing the Russian leader.',
])
def test_relayed_words_are_not_a_misattribution(tmp_path: Path, text: str) -> None:
    result = check(tmp_path, PUTIN_2003, text)
    assert [f.status for f in result.findings] == ["consistent"]


def test_relay_words_in_another_sentence_do_not_hide_the_speaker(tmp_path: Path) -> None:
    text = ('"It reminds me of the events in 2003," Tillerson said. '
            'Quoting history is easy, critics said.')
    result = check(tmp_path, PUTIN_2003, text)
    assert [(f.status, f.reason) for f in result.findings] == [
        ("contradiction", "misattribution")]
