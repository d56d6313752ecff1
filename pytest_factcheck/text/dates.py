"""Dates in prose and in fact files: month and weekday names, days, stated dates.

One home for what several readers need: the month and weekday vocabulary
(numbers must not read "May 4" as a count, entities must not read "May" as a
surname, quantity must tell a count "in March" from the toll, role must not
read "Monday's" as a title word), :class:`Day` and :func:`parse_day` for a
fact file's ``YYYY-MM-DD``, and :func:`stated_dates`, which finds the dates a
stretch of prose states (``4 April 2017``, ``April 4``, ``2017-04-04``,
``04/04/2017``, ``April 2017``, ``in April``, a bare year), each as the parts it
fixes. Pure text machinery: nothing here knows about facts or articles.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

__all__ = ["MONTHS", "MONTH_NAMES", "MONTH_NUMBERS", "WEEKDAYS", "Day", "StatedDate",
           "date_in_path", "month_number", "parse_date", "parse_day", "stated_dates",
           "tells_earlier_value"]

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Every name and abbreviation of a month (casefolded, without the dot) -> 1..12.
MONTH_NUMBERS: dict[str, int] = {
    name: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")]
    )
    for name in names
}
# Full month names and their abbreviations (casefolded).
MONTHS = frozenset(MONTH_NUMBERS)

# A month as written in a date: a full name or an abbreviation, with its dot.
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|" \
        r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
# A month named alone ("in February", "February's meeting"): full names only.
MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|" \
             r"November|December)"
_ORD = r"(?:st|nd|rd|th)?"
_DATE = regex.compile(
    rf"(?P<iso>(?<!\d)(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})(?!\d))"
    rf"|(?P<num>(?<![\d/])(?P<na>\d{{1,2}})/(?P<nb>\d{{1,2}})/(?P<ny>\d{{2}}|\d{{4}})(?![\d/]))"
    rf"|(?P<dm>(?<!\d)(?P<dd>\d{{1,2}}){_ORD}(?:\s*-\s*(?P<dd2>\d{{1,2}}){_ORD})?"
    rf"(?:\s+of)?\s+(?P<dmm>{MONTH})(?:,?\s+(?P<dmy>\d{{4}}))?(?!\d))"
    rf"|(?P<md>(?P<mdm>{MONTH})\s+(?P<mdd>\d{{1,2}}){_ORD}(?!\d)"
    rf"(?:\s*-\s*(?P<mdd2>\d{{1,2}}){_ORD})?(?:,?\s+(?P<mdy>\d{{4}}))?)"
    rf"|(?P<my>(?P<mym>{MONTH})\s+(?P<myy>\d{{4}})(?!\d))"
    rf"|(?P<mo>(?<![\p{{L}}\p{{N}}])(?:(?P<moin>in|early|late|mid|since|until|last|since)"
    rf"\s*-?\s*)?(?P<mom>{MONTH_NAME})(?:'s)?(?![\p{{L}}\p{{N}}]))"
    rf"|(?P<year>(?<![\p{{L}}\p{{N}}\-/])(?:19|20)\d{{2}}(?![\p{{L}}\p{{N}}\-/]))",
)


@dataclass(frozen=True, order=True)
class Day:
    """A calendar day (ordered: earlier days sort first)."""

    year: int
    month: int
    day: int

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def spoken(self) -> str:
        """As a report says it: ``5 April 2017``."""
        return f"{self.day} {MONTH_NAMES[self.month - 1].capitalize()} {self.year}"

    def next(self) -> Day:
        """The day after."""
        d = _dt.date(self.year, self.month, self.day) + _dt.timedelta(days=1)
        return Day(d.year, d.month, d.day)

    def before(self) -> Day:
        """The day before."""
        d = _dt.date(self.year, self.month, self.day) - _dt.timedelta(days=1)
        return Day(d.year, d.month, d.day)


def _real(y: int, mo: int, d: int) -> Day | None:
    """The day, if the calendar has it (no 31 April, no 29 February 2017)."""
    try:
        _dt.date(y, mo, d)
    except ValueError:
        return None
    return Day(y, mo, d)


def parse_day(value: str | None) -> Day | None:
    """A ``YYYY-MM-DD`` date (possibly with a time after it), or None."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", str(value))
    if not m:
        return None
    y, mo, d = (int(g) for g in m.groups())
    return _real(y, mo, d)


# A publication date as metadata, headers and bylines write it. The calendar
# date is read as written, in the article's own zone: a time or a zone after
# it never moves the day ("2017-04-04T23:30:00-05:00" is 4 April).
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed|Thu(?:rs)?|Fri|Sat|Sun)(?:day|nesday|urday)?\.?,?\s+)?"
_TIME_ZONE = (r"(?:(?:\s+|T|,\s*|\s+at\s+)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?"
              r"(?:\s*[ap]\.?m\.?)?)?(?:\s*(?:Z|UTC|GMT|[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?")
_PUBLISHED = [
    re.compile(rf"{_WEEKDAY}(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}}){_TIME_ZONE}",
               re.IGNORECASE),
    re.compile(rf"{_WEEKDAY}(?P<y>\d{{4}})/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}}){_TIME_ZONE}",
               re.IGNORECASE),
    re.compile(rf"{_WEEKDAY}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mn>{MONTH}),?"
               rf"\s+(?P<y>\d{{4}}){_TIME_ZONE}", re.IGNORECASE),
    re.compile(rf"{_WEEKDAY}(?P<mn>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
               rf"(?P<y>\d{{4}}){_TIME_ZONE}", re.IGNORECASE),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:T\d{4,6}(?:Z|[+-]\d{4})?)?"),
]


def parse_date(value: str | None) -> Day | None:
    """The calendar day a publication date states, or None when it is not one.

    Read: ISO (``2017-04-04``, with a time and zone: ``2017-04-04T09:30:00+03:00``),
    ``2017/04/04``, ``20170404``, ``4 April 2017``, ``April 4, 2017``, each with an
    optional weekday before it and time and zone after it (``Tue, 04 Apr 2017
    10:00:00 +0000``). The day is the one written: its zone never moves it. Not
    read (None): a day and month in an order that cannot be told (``04/05/2017``),
    a month or year alone, words after the date, and days the calendar lacks.
    """
    text = " ".join(str(value or "").split()).strip()
    if not text or len(text) > 80:
        return None
    for pattern in _PUBLISHED:
        m = pattern.fullmatch(text)
        if m is None:
            continue
        parts = m.groupdict()
        month = month_number(parts["mn"]) if parts.get("mn") else int(parts["m"])
        return _real(int(parts["y"]), month, int(parts["d"]))
    return None


_PATH_DATE = re.compile(r"(?<![0-9])(?P<y>(?:19|20)\d\d)(?P<sep>[-/_])(?P<m>\d\d)(?P=sep)"
                        r"(?P<d>\d\d)(?![0-9])")


def date_in_path(path: str) -> Day | None:
    """A date a path holds (``2017-04-04-slug.md``, ``2017/04/04/slug.html``), or None.

    The last such date counts (the file's own name before its folders)."""
    found = [m for m in _PATH_DATE.finditer(path.replace("\\", "/"))]
    for m in reversed(found):
        day = _real(int(m["y"]), int(m["m"]), int(m["d"]))
        if day is not None:
            return day
    return None


def month_number(word: str) -> int:
    """1..12 for a month's name or abbreviation (``Sept.``), else 0."""
    return MONTH_NUMBERS.get(word.rstrip(".").casefold(), 0)


@dataclass(frozen=True)
class StatedDate:
    """A date as prose states it: the parts it fixes (None: not said).

    ``ambiguous`` is set for ``04/05/2017``, which fixes day and month in one
    of two orders: ``day``/``month`` hold the day-first reading and
    ``month``/``day`` swapped the other.
    """

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None = None
    day_to: int | None = None  # "10-11 April": the last day of a range
    ambiguous: bool = False

    def fits(self, day: Day) -> bool:
        """Could this stated date be ``day``?"""
        if _fits(day, self.year, self.month, self.day, self.day_to):
            return True
        return self.ambiguous and _fits(day, self.year, self.day, self.month)


def _fits(day: Day, year: int | None, month: int | None, d1: int | None,
          d2: int | None = None) -> bool:
    if year is not None and year != day.year:
        return False
    if month is not None and month != day.month:
        return False
    if d1 is not None:
        hi = d2 if d2 is not None and d2 >= d1 else d1
        if not d1 <= day.day <= hi:
            return False
    return True


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    y = int(text)
    return y + 2000 if y < 100 else y


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def stated_dates(text: str, start: int = 0, end: int | None = None) -> Iterator[StatedDate]:
    """The dates ``text[start:end]`` states, in order. A month name in lower case
    is not a month ("may"), nor is "May" alone without a word that leads a month."""
    stop = len(text) if end is None else end
    for m in _DATE.finditer(text, start, stop):
        g = m.group
        s, e = m.span()
        if g("iso"):
            yield StatedDate(s, e, int(g("iy")), int(g("im")), int(g("id")))
        elif g("num"):
            yield StatedDate(s, e, _year(g("ny")), int(g("nb")), int(g("na")), ambiguous=True)
        elif g("dm"):
            if not g("dmm")[:1].islower():
                yield StatedDate(s, e, _year(g("dmy")), month_number(g("dmm")), int(g("dd")),
                                 _int(g("dd2")))
        elif g("md"):
            if not g("mdm")[:1].islower():
                yield StatedDate(s, e, _year(g("mdy")), month_number(g("mdm")),
                                 int(g("mdd")), _int(g("mdd2")))
        elif g("my"):
            if not g("mym")[:1].islower():
                yield StatedDate(s, e, int(g("myy")), month_number(g("mym")))
        elif g("mo"):
            if not (g("mom")[:1].islower() or (g("mom") == "May" and not g("moin"))):
                yield StatedDate(s, e, None, month_number(g("mom")))
        else:
            yield StatedDate(s, e, int(m.group()), None)


# Words that tell a figure or title as one of an earlier time ("initially put at
# 58", "first reported", "on the first day", "a figure later revised to 86"):
# a story that has moved on may recount how it started.
_EARLIER = regex.compile(
    r"(?<![\p{L}\p{N}])(?:initial(?:ly)?|at first|at the time|at that time|original(?:ly)?"
    r"|preliminary|first (?:reported|put|given|counted|estimated|announced|said|stated|"
    r"cited|quoted)|(?:on|in) the first (?:day|hours?|reports?)|(?:early|earlier|first|"
    r"initial|preliminary|previous) (?:counts?|reports?|figures?|estimates?|tolls?|tallies)"
    r"|(?:later|since|subsequently|then) (?:revised|raised|risen|rose|climbed|increased|"
    r"updated|corrected|grew|jumped)|has since|had since|until (?:it|the toll) (?:rose|"
    r"climbed|was revised))(?![\p{L}\p{N}])", regex.IGNORECASE)


def tells_earlier_value(text: str, start: int = 0, end: int | None = None) -> str:
    """The words of ``text[start:end]`` that tell a value as an earlier one, or ""."""
    m = _EARLIER.search(text, start, len(text) if end is None else end)
    return m.group() if m is not None else ""
