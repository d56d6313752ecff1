"""Attendance wording of SPEC §3a on prose written for these tests: the passive
``attended by X``, ``pulled out of``, the five-word reach counting words of the
clause (an appositive or a ``who`` clause after the name is skipped), and a name
that is the object of a verb never placed.

A harbour-city climate summit. ``C`` must be a contradiction; ``ok`` consistent
evidence and no contradiction; ``-`` no contradiction.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .kindkit import assert_verdict, verdict

SUMMIT = """\
entities:
  weber:
    name: Klara Weber
    aliases: [Ms Weber, the chancellor]
  okoro:
    name: Femi Okoro
    aliases: [Mr Okoro, the Nigerian president]
  duval:
    name: Pierre Duval
    aliases: [Mr Duval, the French finance minister]
  sato:
    name: Ren Sato
    aliases: [Mr Sato]
  summit:
    name: Oslo climate summit
    type: event
    aliases: [climate summit, the summit in Oslo, Oslo summit]
facts:
  - id: oslo-attendance
    kind: attendance
    event: summit
    present: [weber, okoro]
    absent: [duval]
"""

PASSIVE = [
    ("The Oslo summit, attended by the chancellor, ended without a deal.", "ok"),
    ("The climate summit, attended by Mr Duval and the Nigerian president, ran late.", "C"),
    ("The Oslo summit was attended by Pierre Duval, 58, and Ms Weber.", "C"),
    ("The Oslo summit, attended by more than 40 leaders including Mr Duval, closed on "
     "Friday.", "C"),
    ("The climate summit, which was attended by Femi Okoro, opened on Monday.", "ok"),
    # must not place: negated, another occasion, another noun, a list cut off
    ("The Oslo summit was not attended by Mr Duval.", "-"),
    ("The climate summit, which was not attended by Mr Duval, ended early.", "-"),
    ("A dinner attended by Mr Duval was held on the eve of the Oslo summit.", "-"),
    ("The talks attended by Mr Duval were not part of the climate summit.", "-"),
    ("Mr Sato said the reception was attended by Mr Duval, who later flew home from the "
     "Oslo summit.", "-"),
    ("The Oslo summit drew a crowd; a rally attended by Mr Duval was held across town.", "-"),
    ("The climate summit, attended by the chancellor, was criticised by Mr Duval.", "ok"),
]

PULLED_OUT = [
    ("Mr Duval pulled out of the Oslo summit on Monday, citing a budget crisis.", "ok"),
    ("Ms Weber pulled out of the climate summit at the last minute.", "C"),
    ("The Nigerian president pulled out of the Oslo summit after the floods.", "C"),
    # must not: another thing pulled out of, a rumour, someone else
    ("Ms Weber pulled out of the race weeks before the Oslo summit.", "-"),
    ("Rumours that Ms Weber had pulled out of the Oslo summit were denied.", "-"),
    ("Mr Okoro's deputy pulled out of the climate summit.", "-"),
    ("Ms Weber would have pulled out of the Oslo summit had the vote failed.", "-"),
]

REACH = [
    # the clause's words count; an appositive or who-clause after the name is skipped
    ("Mr Duval, the French finance minister and a veteran of two earlier rounds of "
     "talks, attended the Oslo summit.", "C"),
    ("Mr Duval, who had flown in from Paris overnight, attended the climate summit.", "C"),
    ("Ms Weber, who had flown in from Berlin overnight, skipped the Oslo summit.", "C"),
    ("Femi Okoro, 61, who chairs the African group, attended the climate summit.", "ok"),
    ("Merely hours after landing, Mr Duval on Tuesday also personally attended the Oslo "
     "summit.", "C"),
    ("Mr Duval, who was not invited, nonetheless attended the Oslo summit.", "C"),
    ("Ms Weber, who was elected last month, attended the climate summit.", "ok"),
    ("The minister greeted Mr Duval, who attended the Oslo summit.", "C"),
    ("Ms Weber, whose husband attended the Oslo summit, stayed at home.", "-"),
    ("Critics of Mr Duval, who attended the Oslo summit, said little.", "-"),
    ("The newly elected Mr Duval attended the Oslo summit.", "C"),
    ("The embattled Ms Weber attended the climate summit.", "ok"),
    # who is the subject stays strict
    # (another person inside the clause: unsure whose clause goes on, so nobody)
    ("Mr Duval, who met Mr Okoro on Monday, attended the Oslo summit.", "-"),
    ("Mr Sato, who met Mr Duval on Monday, attended the Oslo summit.", "-"),
    ("Ms Weber met Mr Duval and attended the Oslo summit.", "-"),
    ("Ms Weber thanked Mr Duval, then attended the climate summit.", "-"),
    ("Mr Okoro, after meeting Mr Duval, attended the Oslo summit.", "-"),
    ("Mr Okoro praised Mr Duval, who attended the Oslo summit.", "C"),
    ("An aide to Mr Duval, who attended the Oslo summit, spoke to reporters.", "-"),
    ("Mr Duval, who critics say attended the Oslo summit, denied it.", "-"),
    ("Mr Duval, who did not attend, criticised the Oslo summit.", "-"),
]


@pytest.mark.parametrize(("text", "want"), PASSIVE + PULLED_OUT + REACH)
def test_wording(tmp_path: Path, text: str, want: str) -> None:
    assert_verdict(verdict(tmp_path, SUMMIT, text), want)


_VERB = st.sampled_from(["met", "thanked", "greeted", "criticised", "phoned", "praised",
                         "hugged", "called"])
_TAIL = st.sampled_from([" and attended the Oslo summit.", ", then attended the Oslo summit.",
                         " on Monday and attended the Oslo summit.",
                         " before she attended the Oslo summit."])


@settings(max_examples=40, deadline=None)
@given(_VERB, _TAIL)
def test_property_an_object_is_never_placed(
        tmp_path_factory: pytest.TempPathFactory, verb: str, tail: str) -> None:
    # Ms Weber is the subject; Mr Duval (absent) is the object of the verb.
    text = f"Ms Weber {verb} Mr Duval{tail}"
    got = verdict(tmp_path_factory.mktemp("a"), SUMMIT, text)
    assert "contradiction" not in got, (text, got)
