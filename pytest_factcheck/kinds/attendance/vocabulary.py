"""The attendance kind's vocabulary: its cues (wordings that place someone at or away
from an event) and the word sets its readers consult."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex

from ...text.dates import WEEKDAYS as _WEEKDAY_NAMES
from ...text.dates import Day, stated_dates
from ...text.phrases import (
    wordset,
)

Polarity = Literal["at", "away"]
MAX_GAP = 5

# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """One kind of presence or absence wording."""

    name: str
    polarity: Polarity
    pattern: regex.Pattern[str]
    strict: bool = False  # the event must be the wording's direct object
    passive: bool = False  # "attended by PERSON"
    intransitive: bool = False  # "PERSON, who did not attend, ..."
    opener: bool = False  # may open a sentence: "Arriving at the summit, ..."
    relative: bool = True  # "EVENT, which PERSON attended"
    bare: bool = False  # only articles, possessives and adjectives before the event


def _cue(name: str, polarity: Polarity, source: str, **flags: bool) -> Cue:
    pat = regex.compile(rf"(?<![\p{{L}}\p{{N}}'])(?:{source})(?![\p{{L}}\p{{N}}]|-\p{{L}})",
                        regex.IGNORECASE)
    return Cue(name, polarity, pat, **flags)


_NOT = r"(?:\s+not|n't)"
_BE = r"(?:was|were|is|are|been)"

CUES: tuple[Cue, ...] = (
    # -- presence ---------------------------------------------------------
    _cue("attended", "at", r"attend(?:s|ed|ing)?", passive=True, intransitive=True,
         opener=True),
    _cue("hosted", "at", r"host(?:s|ed|ing)", passive=True, opener=True),
    _cue("chaired", "at", r"chair(?:s|ed|ing)", passive=True, opener=True),
    _cue("joined", "at", r"join(?:s|ed|ing)", strict=True, opener=True),
    _cue("addressed", "at", r"address(?:es|ed|ing)", strict=True, passive=True, opener=True),
    _cue("was at", "at", rf"{_BE}(?:\s+(?:also|present|there))?\s+at", strict=True,
         relative=False),
    _cue("arrived at", "at", r"arriv(?:e|es|ed|ing)\s+at", strict=True, opener=True,
         relative=False),
    _cue("spoke at", "at", r"(?:speak|speaks|spoke|speaking)\s+at", strict=True, opener=True,
         relative=False),
    _cue("flew from", "at",
         r"(?:flies|flew|flying|flown)\s+(?:(?:straight|directly|direct|back|home|on|out)\s+)?"
         r"from", strict=True, opener=True, relative=False),
    _cue("left", "at", r"left|leaves|leaving", strict=True, opener=True),
    # "joined leaders at the summit", "joined Macron at the funeral"
    _cue("joined others at", "at",
         r"join(?:s|ed|ing)\s+(?:(?:other|fellow|world|the|his|her|their|some|many|"
         r"dozens\s+of|hundreds\s+of|thousands\s+of|[\p{L}]+\s+and)\s+)*"
         r"(?:leaders|heads\s+of\s+(?:state|government)|counterparts|colleagues|ministers|"
         r"delegates|dignitaries|mourners|guests|royals|allies|officials|diplomats|"
         r"presidents|monarchs|well-wishers|crowds|others|members\s+of\s+the\s+royal\s+family"
         r"|(?-i:\p{Lu}[\p{L}\p{M}'\-]*)(?:\s+(?-i:\p{Lu}[\p{L}\p{M}'\-]*)){0,2})"
         r"\s+(?:at|for)", strict=True, opener=True, relative=False),
    # "was among those at", "was among the 500 guests at", "among those who attended"
    _cue("was among those at", "at",
         rf"{_BE}\s+(?:also\s+)?among\s+(?:those|the\s+(?:[\p{{L}}\p{{N}},'\-]+\s+){{0,3}}?"
         r"[\p{L}'\-]+)\s+(?:(?:who\s+)?attended|attending|present\s+at|at|who\s+(?:were|was)"
         r"\s+at)", strict=True, relative=False),
    # "told Monday's emergency meeting", "briefed the council meeting" (SPEC §3a):
    # the event itself must be the object, with nothing but a determiner, a
    # possessive or an adjective before it ("told the BBC the meeting" is no cue)
    _cue("told the meeting", "at", r"told|tells|telling|brief(?:s|ed|ing)", strict=True,
         relative=False, bare=True),
    # "voted at the meeting", "voted for the fund at Monday's meeting"
    _cue("voted at", "at",
         r"vot(?:es|ed|ing)\s+(?:(?:for|against|on|in\s+favou?r\s+of)\s+"
         r"(?:[\p{L}\p{N}'\-]+\s+){1,4}?)?at", strict=True, relative=False),
    # "sat in the public gallery during the emergency session"
    # "sat in the public gallery during the emergency session", "sat in on the
    # meeting": a place of the meeting room only ("sat in her office during
    # the meeting" places nobody)
    _cue("sat in during", "at",
         r"(?:sat|sits|sitting)\s+(?:in\s+on|(?:in|on|at)\s+(?:the|a|an)\s+"
         r"(?:[\p{L}'\-]+\s+){0,2}?(?:gallery|galleries|chamber|audience|front\s+row|"
         r"back\s+row|row|hall|benches|seats|platform|stage|dais|podium|panel|top\s+table|"
         r"table|press\s+box)\s+(?:during|at|throughout))", strict=True, relative=False),
    # -- absence ----------------------------------------------------------
    _cue("will not attend", "away",
         rf"(?:will{_NOT}|won't)\s+(?:be\s+)?attend(?:ing)?", strict=True, relative=False),
    _cue("cancelled his trip to", "away",
         r"cancel(?:s|led|ed|ling)\s+(?:his|her|their|a|the)\s+(?:(?:planned|scheduled)\s+)?"
         r"(?:trip|visit|journey|flight)\s+to", strict=True, relative=False),
    _cue("did not attend", "away",
         rf"(?:did|does|do|has|have|had){_NOT}\s+(?:yet\s+)?attend(?:ed)?"
         r"|never\s+(?:attend(?:s|ed)?|turned\s+up\s+(?:at|to))|failed\s+to\s+attend",
         strict=True, intransitive=True),
    _cue("skipped", "away", r"skip(?:s|ped|ping)", strict=True, opener=True),
    _cue("missed", "away", r"miss(?:es|ed)", strict=True),
    _cue("was absent from", "away", rf"{_BE}\s+(?:absent|missing)\s+from", strict=True,
         relative=False),
    _cue("was absent", "away", rf"{_BE}\s+absent", strict=True, intransitive=True,
         relative=False),
    _cue("stayed away from", "away", r"st(?:ay|ays|ayed|aying)\s+away(?:\s+from)?", strict=True,
         intransitive=True, relative=False),
    _cue("boycotted", "away", r"boycott(?:s|ed|ing)", strict=True, opener=True,
         intransitive=True),
    _cue("was not at", "away", rf"{_BE}{_NOT}\s+(?:present\s+)?at", strict=True,
         relative=False),
    _cue("was among those who skipped", "away",
         rf"{_BE}\s+(?:also\s+)?among\s+(?:those|the\s+(?:[\p{{L}}\p{{N}},'\-]+\s+){{0,3}}?"
         rf"[\p{{L}}'\-]+)\s+(?:who|to)\s+(?:(?:did|had){_NOT}\s+attend(?:ed)?|not\s+attend|"
         r"skip(?:ped)?|miss(?:ed)?|stay(?:ed)?\s+away\s+from|boycott(?:ed)?)", strict=True,
         relative=False),
    _cue("could not attend", "away",
         rf"(?:could{_NOT}|(?:was|were)\s+unable\s+to|(?:declined|refused)\s+to)\s+attend"
         r"|(?:was|were)\s+(?:forced|obliged|compelled)\s+to\s+(?:skip|miss)",
         strict=True, relative=False),
    _cue("pulled out of", "away",
         r"pull(?:s|ed)\s+out\s+of|declin(?:es|ed)\s+(?:an|the|its|their|his|her)\s+"
         r"invitation\s+to(?:\s+attend)?", strict=True, relative=False),
    _cue("was not invited to", "away",
         rf"(?:(?:was|were|is|are){_NOT}|(?:has|have|had){_NOT}\s+been)\s+invited\s+to"
         r"(?:\s+attend)?", strict=True, relative=False),
)

WEEKDAYS = _WEEKDAY_NAMES
# Words that may stand between a person and the wording they are the subject of.
SUBJECT_WORDS = wordset("""
    who also later earlier then first finally briefly personally previously already
    recently subsequently eventually ultimately once just both all himself herself
    themselves too still even only yesterday today tonight duly jointly together again
    separately officially formally however meanwhile though nonetheless nevertheless
    had has have was were is are
    been did does do on this last week morning afternoon evening night weekend and""") | WEEKDAYS
# Words of an appositive or title next to a name ("the Italian foreign minister").
TITLE_WORDS = wordset("""
    the a an of for his her their its foreign minister secretary president prime state
    chancellor ambassador envoy leader counterpart spokesman spokeswoman general deputy vice
    defence defense chief head diplomat top host affairs home finance interior senator
    governor mayor premier commissioner representative undersecretary former then current
    new acting outgoing mr mrs ms dr sir dame lord""")
# Words that, between the wording and the event, make it another occasion or
# another relation ("dinner before the G7 meeting", "protest against it").
BLOCK_WORDS = wordset("""
    before after ahead prior following until till since instead rather than without
    outside near nearby against despite because about over on onto into to by with from
    not no never nor or but while whereas although though unlike except when where which
    who whom whose that if unless whether as beyond beside besides around toward towards
    amid among between calls call chorus criticism critics protest protests protesters
    condemnation opposition demands campaign appeals boycott rival alternative counter
    snub said says say told claims claim remarks comments concerns questions accusations
    allegations time same""")
PREPOSITIONS = wordset("""
    at in of for during on to from with by about over under into onto across through
    via per""")
# Idioms with "at" that do not place anyone ("At odds over", "At the time of").
AT_IDIOMS = wordset("""
    odds loggerheads pains heart centre center risk stake war loss fault issue least
    most time moment same point expense mercy hands helm""")
ING_NOUNS = wordset("meeting evening morning closing opening building gathering briefing sitting")
# Directly before the event: it is another occasion of the same kind.
OTHER_OCCASION = wordset("""
    next upcoming forthcoming previous future past subsequent another other every each
    any rival alternative counter earlier later year's many several numerous countless
    successive""")
# Directly before a person: the person is excluded, not the subject.
EXCLUDING = wordset("not nor neither unlike except without than besides excluding minus")
# A person right after one of these is its object, not a subject ("Lee, standing
# in for Grant, addressed the summit").
OBJECT_PREPOSITIONS = wordset("for of from to with by about behind beside")
EVERYONE = wordset("all everyone everybody anyone anybody nobody none everything")
HEDGES = wordset("""
    denied denies deny denying false falsely rumour rumours rumor rumors rumoured rumored
    alleged allegedly reportedly speculation speculated whether if unless unclear
    uncertain""")
# Past forms that take a person as their object ("met Merkel", "told Duval").
IRREGULAR_PAST = wordset("""
    met meets meet saw sees told tells thanked beat beats sent sends brought gave gives
    hugged hugs greeted greets phoned rang called calls taught caught fought sought led
    leads hit hits struck shook shakes kept heard held holds made found finds took takes
    replaced succeeded defeated criticised criticized praised blamed accused urged""")
# Participles that stand before a name as adjectives ("the newly elected mayor
# Nakamura attended"), not as verbs taking it as their object.
ADJECTIVAL_PARTICIPLES = wordset("""
    elected re-elected reelected appointed embattled beleaguered ousted disgraced retired
    celebrated respected acclaimed designated named recently-appointed long-serving
    unelected""")
OPENER_LEADS = wordset("after while when upon on having before since")
_RELATIVE_TIME = regex.compile(
    r"(?<![\p{L}])(?:next|last)\s+(?:year|month|week)|(?:years|months|a\s+year|a\s+decade)\s+"
    r"ago|later\s+this\s+(?:week|month|year)|tomorrow|in\s+the\s+coming",
    regex.IGNORECASE,
)

# --------------------------------------------------------------------------
# Dates (read by text/dates.py)
# --------------------------------------------------------------------------
NO_DAY = Day(0, 0, 0)  # fits no stated date: any date in a sentence is "another"


def states_other_date(text: str, start: int, end: int, day: Day) -> bool:
    """Whether ``text[start:end]`` states a date (or year) other than ``day``."""
    if _RELATIVE_TIME.search(text, start, end):
        return True
    return any(not d.fits(day) for d in stated_dates(text, start, end))
