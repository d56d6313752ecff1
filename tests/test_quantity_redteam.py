"""Red team for the quantity reader: short articles written for this test, unseen
while the rules of docs/reading-quantities.md were built, against four quantity
facts. Some carry a planted wrong toll (``C``); the rest are clean prose with
tricky numbers (dates, ages, addresses, money, speeds, percentages, capacities,
parts, sums, breakdowns, ordinals, model, train and road numbers, other
occasions) and must raise no contradiction (``-``).

Round 1 (44 articles, 13 planted, 31 clean), as first run: planted caught 11/13,
false alarms 1/31. What it found, fixed in general:

* "killed seven people, five men and two women" was summed to 14 (a false
  alarm): a comma list whose first count is a whole ("people") or is the sum of
  the rest is a total and its breakdown, not a sum;
* "killed three men and nine women" (12) was only a note, as if both were
  subgroups of a bigger toll: groups by age or sex together make up everyone;
* "The storm, which killed nine, forced 2,000 people from their homes" was read
  as a list of counts ("nine, forced 2,000"): a comma list has its word before
  the comma ("3 soldiers, 40 civilians").

After the fixes: planted caught 13/13, false alarms 0/31. Round 2 (``ROUND_2``,
written after the fixes and run once before any further change) is recorded
below it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .kindkit import assert_verdict, verdict

FERRY = """\
facts:
  - id: santa-lucia-toll
    kind: quantity
    claim: 87 people died when the ferry Santa Lucia sank off Porto Vell on 3 March 2026.
    about: [Santa Lucia, ferry, sinking, Porto Vell]
    cues: [killed, dead, died, deaths, death toll, toll, drowned, lives, victims, bodies]
    min: 87
    max: 87
"""
HOTEL = """\
facts:
  - id: grand-meridian-toll
    kind: quantity
    claim: Twenty-nine people were killed when the Grand Meridian hotel collapsed in Sarn in 2025.
    about: [Grand Meridian, hotel, collapse]
    cues: [killed, killing, dead, died, deaths, death toll, toll, lives, victims]
    min: 29
    max: 29
"""
TRAIN = """\
facts:
  - id: halden-derailment-toll
    kind: quantity
    claim: The derailment near Halden on 9 June 2026 killed 14 people.
    about: [Halden, derailment, train]
    cues: [killed, killing, dead, died, deaths, death toll, toll, victims, victim]
    min: 14
    max: 14
"""
STORM = """\
facts:
  - id: storm-edda-toll
    kind: quantity
    claim: Storm Edda killed between six and eight people in January 2026.
    about: [Storm Edda, storm]
    cues: [killed, killing, dead, died, deaths, death toll, toll]
    min: 6
    max: 8
"""
ROUND_1 = [
    (FERRY, "The Santa Lucia, a 40-year-old ferry licensed to carry 640 passengers, sank in "
            "12 minutes; 87 people died.", "-"),
    (FERRY, "The death toll from the sinking of the Santa Lucia off Porto Vell has risen to "
            "91, the coastguard said.", "C"),
    (FERRY, "\"We lost 87 people,\" said Captain Ruiz, 52, who has commanded the lifeboat for "
            "11 years, \"and we will never forget the Santa Lucia.\"", "-"),
    (FERRY, "Of the 87 dead in the ferry disaster, 23 were children and 9 were crew members.", "-"),
    (FERRY, "The ferry went down at 4.15am on 3 March, 2km from Porto Vell; 80 passengers and"
            " seven crew drowned.", "-"),
    (FERRY, "The ferry went down 2km from Porto Vell; 80 adults and 17 children drowned.", "C"),
    (FERRY, "Tickets for the Santa Lucia cost 45 euros, and about 60% of those who died were "
            "from the island, officials said.", "-"),
    (FERRY, "The Santa Lucia was the third ferry lost off Porto Vell since 1990, and the "
            "deadliest: 87 people died.", "-"),
    (FERRY, "The sinking of the Santa Lucia, which left 78 dead, was Europe's worst ferry "
            "disaster in a decade.", "C"),
    (FERRY, "Ms Okafor, whose two sons were among the 87 dead on the Santa Lucia, said she "
            "would sue.", "-"),
    (FERRY, "A 12th body was pulled from the Santa Lucia's hull on Tuesday, the ferry "
            "operator said.", "-"),
    (FERRY, "Rescuers confirmed a 90th death from the Santa Lucia sinking on Friday.", "C"),
    (HOTEL, "The Grand Meridian, a 14-storey hotel built in 1998 at 22 Harbour Road, "
            "collapsed at 3am, killing 29 guests and staff.", "-"),
    (HOTEL, "Twenty-six people were killed when the Grand Meridian hotel collapsed in Sarn, "
            "officials said on Sunday.", "C"),
    (HOTEL, "Four of the 29 people who died in the Grand Meridian collapse were "
            "firefighters.", "-"),
    (HOTEL, "The hotel's owner, Mr Dalca, 61, was jailed for nine years over the Grand "
            "Meridian collapse that killed 29.", "-"),
    (HOTEL, "Survivors of the Grand Meridian collapse, in which 29 died, won £2.4 million in "
            "damages on Friday.", "-"),
    (HOTEL, "The Grand Meridian collapse killed 29, the most in Sarn since 1961, when a "
            "cinema fire killed 112.", "-"),
    (HOTEL, "Rescuers said 31 people died in the Grand Meridian collapse, and 60 were "
            "injured.", "C"),
    (HOTEL, "Mr Dalca told the court: \"Twenty-nine people died in my hotel. I think of them "
            "every day.\"", "-"),
    (HOTEL, "The inquiry sat for 212 days and heard from 400 witnesses about the hotel "
            "collapse that killed 29.", "-"),
    (HOTEL, "In the hotel collapse, 17 guests and 12 staff were killed.", "-"),
    (HOTEL, "In the hotel collapse, 17 adults and 15 children were killed.", "C"),
    (HOTEL, "The Grand Meridian's 29 victims were remembered at a service attended by 3,000 "
            "people.", "-"),
    (TRAIN, "The 07:42 service from Halden, a Class 390 train carrying 300 passengers, "
            "derailed at 125mph; 14 people were killed.", "-"),
    (TRAIN, "The Halden derailment killed 41 people, rail officials said.", "C"),
    (TRAIN, "Train 4410 derailed near Halden at 9.05pm, killing 14 and injuring 120.", "-"),
    (TRAIN, "Two of those killed in the Halden derailment were on their first day in a new "
            "job, and one was 17.", "-"),
    (TRAIN, "Fifteen people died and 40 were hurt when the train left the tracks near "
            "Halden.", "C"),
    (TRAIN, "The Halden crash was the worst on the line since the 1988 and 2003 derailments, "
            "which killed 7 and 11 people.", "-"),
    (TRAIN, "The driver, 43, had worked on the route for 20 years; he was one of the 14 who "
            "died near Halden.", "-"),
    (TRAIN, "A 15th victim of the Halden derailment died in hospital on Thursday.", "C"),
    (TRAIN, "A 14th victim of the Halden derailment died in hospital on Thursday, police "
            "said.", "-"),
    (TRAIN, "Carriage 6 of the Halden train took the full force of the crash, in which 14 "
            "people died.", "-"),
    (TRAIN, "Nine of the dead were in coach 6, which took the full force of the Halden "
            "derailment that killed 14.", "-"),
    (STORM, "Storm Edda, the fifth named storm of the season, brought 90mph winds and killed "
            "six people.", "-"),
    (STORM, "Storm Edda killed 11 people across the north, the interior ministry said.", "C"),
    (STORM, "Storm Edda left 6,000 homes without power for 48 hours and killed seven.", "-"),
    (STORM, "The storm killed seven people, five men and two women.", "-"),
    (STORM, "The storm killed three men and nine women, the interior ministry said.", "C"),
    (STORM, "Storm Edda's gusts reached 108mph on the A9, where a lorry driver, 58, was among"
            " the six killed.", "-"),
    (STORM, "Storm Edda killed six people, the Met Office said, the worst toll since 2014, "
            "when 11 died.", "-"),
    (STORM, "The storm, which killed nine, forced 2,000 people from their homes.", "C"),
    (STORM, "A memorial to the 40 victims of the 1986 storm went ahead despite Storm Edda, "
            "which killed six.", "-"),
]


@pytest.mark.parametrize(("facts", "text", "want"), ROUND_1)
def test_round_1(tmp_path: Path, facts: str, text: str, want: str) -> None:
    assert_verdict(verdict(tmp_path, facts, text), want)
