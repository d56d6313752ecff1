"""Article dates: the forms a publication date takes, and where an article states it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pytest_factcheck.article import Article
from pytest_factcheck.articles import parse_article
from pytest_factcheck.text.dates import MONTH_NAMES, Day, date_in_path, parse_date

APRIL_4 = Day(2017, 4, 4)


@pytest.mark.parametrize("written", [
    "2017-04-04",
    "2017-4-4",
    "2017-04-04T09:30:00Z",
    "2017-04-04T09:30:00.123+03:00",
    "2017-04-04 23:59:59 -0500",
    "2017/04/04",
    "20170404",
    "4 April 2017",
    "04 Apr 2017",
    "4th April 2017",
    "4 April, 2017",
    "the 4th of April 2017"[4:],  # "4th of April 2017"
    "April 4, 2017",
    "Apr. 4, 2017",
    "April 4 2017",
    "Tuesday, 4 April 2017",
    "Tue, 04 Apr 2017 10:00:00 +0000",
    "Tuesday April 4, 2017 9:15 a.m. EDT",
    "4 April 2017 at 09.15 BST",
    "  4  April   2017  ",
])
def test_publication_dates_in_common_forms(written: str) -> None:
    assert parse_date(written) == APRIL_4


@pytest.mark.parametrize("written", [
    "",
    "yesterday",
    "April 2017",         # a month, not a day
    "2017",
    "04/05/2017",         # 4 May or 5 April: not told
    "4/4/2017",           # even when both orders agree, the form is not read
    "2017-02-29",         # not a day of 2017
    "31 April 2017",
    "2017-13-01",
    "4 April",            # no year
    "Updated 4 April 2017",  # words before the date
    "4 April 2017, updated 5 April 2017",
    "4 Apr 2017 and more words after it",
    "may 4, 2017" + " x" * 50,
])
def test_what_is_not_a_publication_date(written: str) -> None:
    assert parse_date(written) is None


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.sampled_from(["iso", "slash", "dmy", "mdy", "abbrev", "compact"]),
       st.sampled_from(["", "T00:00:00Z", "T23:59:59-11:00", " 00:01 +14:00", " 10:00 BST",
                        "T12:00:00.5+05:30"]),
       st.booleans())
def test_the_day_written_is_the_day_read_whatever_the_time_and_zone(
        day: dt.date, form: str, clock: str, weekday: bool) -> None:
    month = MONTH_NAMES[day.month - 1].capitalize()
    text = {"iso": day.isoformat(), "slash": day.strftime("%Y/%m/%d"),
            "dmy": f"{day.day} {month} {day.year}", "mdy": f"{month} {day.day}, {day.year}",
            "abbrev": f"{day.day:02d} {month[:3]} {day.year}",
            "compact": day.strftime("%Y%m%d")}[form]
    if form != "compact":
        text += clock.replace("T", " ") if form not in ("iso",) else clock
        if weekday:
            text = day.strftime("%A, ") + text
    assert parse_date(text) == Day(day.year, day.month, day.day)


@given(st.text(max_size=60))
def test_any_text_is_a_day_or_none_never_an_error(text: str) -> None:
    got = parse_date(text)
    assert got is None or dt.date(got.year, got.month, got.day)
    got = date_in_path(text)
    assert got is None or dt.date(got.year, got.month, got.day)


@given(st.dates(), st.dates())
def test_days_order_as_the_calendar(a: dt.date, b: dt.date) -> None:
    da, db = Day(a.year, a.month, a.day), Day(b.year, b.month, b.day)
    assert (da < db) == (a < b) and (da == db) == (a == b)
    if a < dt.date.max:
        assert da.next() == Day(*(a + dt.timedelta(days=1)).timetuple()[:3])
    if a > dt.date.min:
        assert da.before().next() == da


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.sampled_from(["-", "/", "_"]),
       st.text(alphabet="abcdefghijklmnopqrstuvwxyz-", max_size=20),
       st.sampled_from(["", "archive/", "news/world/"]))
def test_a_date_written_into_a_path_is_found(day: dt.date, sep: str, slug: str,
                                             folder: str) -> None:
    stamp = sep.join((f"{day.year:04d}", f"{day.month:02d}", f"{day.day:02d}"))
    path = f"{folder}{stamp}{'/' if sep == '/' else '-'}{slug}.md"
    assert date_in_path(path) == Day(day.year, day.month, day.day)


@pytest.mark.parametrize(("path", "want"), [
    ("2017-04-04-slug.md", APRIL_4),
    ("archive/2017/04/04/slug.html", APRIL_4),
    ("wire/2016-01-01/2017-04-04-slug.txt", APRIL_4),  # the file's own date counts
    ("x_2017_04_04.txt", APRIL_4),
    ("seeds/000_0ca5e19bbdfdb48e.txt", None),
    ("2017-04-slug.md", None),
    ("a/2017/04-04/b.txt", None),        # mixed separators are not a date
    ("2017-02-30-slug.md", None),
    ("120170404.txt", None),
    ("2017-04-041.txt", None),
])
def test_dates_in_paths(path: str, want: Day | None) -> None:
    assert date_in_path(path) == want


def _read(name: str, text: str) -> Article:
    return parse_article(text.encode("utf-8"), name, "." + name.rsplit(".", 1)[1])


def test_markdown_front_matter_date_comes_first() -> None:
    a = _read("2017-04-09-slug.md",
              "---\ntitle: Toll rises\ndate: 2017-04-06 08:00\n---\n\nText.\n")
    assert a.dating.day == Day(2017, 4, 6)
    assert (a.dating.source, a.dating.line) == ("front matter 'date'", 3)
    assert a.date == "2017-04-06"


def test_html_published_time_then_meta_date_then_the_first_time_element() -> None:
    head = ('<meta name="date" content="2017-04-05">'
            '<meta property="article:published_time" content="2017-04-06T23:30:00-05:00">')
    body = '<p>Text <time datetime="2017-04-01">1 April</time>.</p><time datetime="2017-04-02">'
    assert _read("a.html", f"<head>{head}</head>{body}").dating.day == Day(2017, 4, 6)
    assert _read("a.html", f"<head>{head[:42]}</head>{body}").dating.day == Day(2017, 4, 5)
    only_time = _read("a.html", body)
    assert only_time.dating.day == Day(2017, 4, 1)
    assert only_time.dating.source == "<time datetime>"


def test_a_time_element_in_a_dropped_block_does_not_date_the_page() -> None:
    page = '<nav><time datetime="2016-01-01">x</time></nav><p><time datetime="2017-04-04">'
    assert _read("a.html", page).dating.day == APRIL_4


@pytest.mark.parametrize("header", ["Date: 4 April 2017", "DATE: April 4, 2017",
                                    "Published: 2017-04-04T10:00:00Z", "  Date:2017-04-04"])
def test_plain_text_date_header_among_the_first_lines(header: str) -> None:
    a = _read("wire.txt", f"HEADLINE HERE\nBy A Reporter\n{header}\n\nThe text.\n")
    assert a.dating.day == APRIL_4
    assert a.dating.line == 3


@pytest.mark.parametrize("name,text", [
    ("wire.txt", "HEADLINE\rBy A Reporter\u2028of the desk\rDate: 4 April 2017\r\rText.\r"),
    ("a.md", "---\r\ntitle: Toll rises\r\ndate: 2017-04-04\r\n---\r\n\r\nText.\r\n"),
])
def test_the_date_line_is_counted_as_reports_count_lines(name: str, text: str) -> None:
    # Lines end at \r\n, \r or \n (text/lines.py), not at every separator
    # str.splitlines knows (U+2028), and not only at \n.
    a = _read(name, text)
    assert a.dating.day == APRIL_4
    assert a.dating.line == 3


def test_a_date_line_deep_in_the_text_does_not_date_it() -> None:
    lines = "".join(f"Paragraph {n} of the story.\n" for n in range(12))
    assert _read("wire.txt", lines + "Date: 4 April 2017\n").dating.day is None
    # Prose that mentions a date is not a header either.
    assert _read("wire.txt", "The date: 4 April 2017 was chosen.\n").dating.day is None


def test_the_path_dates_an_article_that_states_no_date() -> None:
    assert _read("2017/04/04/story.txt", "Text.\n").dating.day == APRIL_4
    assert _read("2017/04/04/story.txt", "Text.\n").dating.source == "path"
    assert _read("story.txt", "Text.\n").dating.day is None
    assert _read("story.txt", "Text.\n").date is None


def test_an_unreadable_date_is_a_note_and_the_path_or_nothing_dates_the_article() -> None:
    undated = _read("story.md", "---\ndate: last Tuesday\n---\n\nText.\n")
    assert undated.dating.day is None
    assert "last Tuesday" in undated.dating.note and undated.dating.line == 2
    by_path = _read("2017-04-04-story.txt", "Date: 04/05/2017\n\nText.\n")
    assert by_path.dating.day == APRIL_4
    assert "dated by its path instead" in by_path.dating.note


def test_the_zone_never_moves_the_day_at_midnight() -> None:
    """Decision: the article's date is the calendar date as written in its own zone."""
    late = _read("a.html", '<meta property="article:published_time" '
                 'content="2017-04-05T23:59:00-05:00">')  # 6 April in UTC
    early = _read("a.html", '<meta property="article:published_time" '
                  'content="2017-04-06T00:30:00+03:00">')  # 5 April in UTC
    assert late.dating.day == Day(2017, 4, 5)
    assert early.dating.day == Day(2017, 4, 6)


@pytest.mark.parametrize(("stamp", "day"), [
    ("2017-04-05 23:30:00 -05:00", 5),   # YAML reads it as a timestamp with its zone
    ("2017-04-06 00:30:00 +03:00", 6),
    ("2017-04-05t23:30:00Z", 5),
    ('"2017-04-06T00:10:00+14:00"', 6),
    ("2017-04-05", 5),
])
def test_front_matter_timestamps_keep_the_day_written(stamp: str, day: int) -> None:
    a = _read("a.md", f"---\ndate: {stamp}\n---\n\nText.\n")
    assert a.dating.day == Day(2017, 4, day)


def test_schema_org_date_published_dates_a_page() -> None:
    page = '<meta itemprop="datePublished" content="2017-04-04"><p>Text.</p>'
    assert _read("a.html", page).dating.day == APRIL_4


def test_a_published_flag_in_front_matter_is_not_a_date() -> None:
    a = _read("a.md", "---\ntitle: x\npublished: true\n---\n\nText.\n")
    assert a.dating.day is None and not a.dating.note
    a = _read("a.md", "---\npublished: false\ndate: 2017-04-04\n---\n\nText.\n")
    assert a.dating.day == APRIL_4
