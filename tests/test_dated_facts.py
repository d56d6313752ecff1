"""Facts as they were known: each article held to the fact in force on its date.

Every rule with dated and undated articles in the three formats (the date in
Markdown front matter, an HTML published-time meta tag, a plain-text ``Date:``
line), the boundaries (on ``until``, the day after), ``outdated`` against a
plain out-of-range number, dated titles before, in and after their span,
``former`` with dated titles, a fact with ``from``/``until``, and time zones at
midnight.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck import engine
from pytest_factcheck.article import PreparedArticle, prepare
from pytest_factcheck.articles import parse_article
from pytest_factcheck.catalog import LoadedFact
from pytest_factcheck.kinds.dated import DatedChecker
from pytest_factcheck.loader import load_catalog
from pytest_factcheck.model import FactResult
from pytest_factcheck.text.dates import Day

from .kindkit import desk

FORMATS = ("md", "html", "txt")

TOLL = """\
facts:
  - id: toll
    kind: quantity
    about: [Khan Sheikhoun, chemical attack, gas attack, sarin]
    cues: [killed, dead, died, deaths, death toll]
    min: 70
    max: 100
    history:
      - until: 2017-04-05
        min: 58
        max: 100
        note: first-day counts
"""

JOHNSON = """\
entities:
  johnson: {name: Boris Johnson}
  khan: {name: Sadiq Khan}
facts:
  - id: johnson-role
    kind: role
    entity: johnson
    roles:
      - {title: Foreign Secretary, from: 2016-07-13}
      - {title: Mayor of London, from: 2008-05-04, until: 2016-05-09}
  - id: khan-role
    kind: role
    entity: khan
    roles: [Mayor of London]
"""


def story(fmt: str, when: str | None, body: str, name: str = "story") -> PreparedArticle:
    """An article of ``body`` in one format, dated ``when`` the way that format dates."""
    if fmt == "md":
        head = f"---\ntitle: A story\ndate: {when}\n---\n\n" if when else "# A story\n\n"
        text = f"{head}{body}\n"
    elif fmt == "html":
        meta = (f'<meta property="article:published_time" content="{when}">' if when else "")
        text = f"<html><head><title>A story</title>{meta}</head><body><p>{body}</p></body></html>"
    else:
        text = (f"A STORY\nDate: {when}\n\n" if when else "A STORY\n\n") + body + "\n"
    return prepare(parse_article(text.encode("utf-8"), f"{name}.{fmt}", f".{fmt}"))


def run(loaded: LoadedFact, *articles: PreparedArticle) -> FactResult:
    result = engine.check_fact(loaded, list(articles))
    assert not result.problems, result.problems
    return result


def verdicts(result: FactResult) -> list[tuple[str, str]]:
    """(status, reason) of each finding, and ("note", reason) for notes."""
    out = [(f.status, f.reason) for f in result.findings]
    return out + [("note", "") for _ in result.notes]


@pytest.fixture(scope="module")
def toll(tmp_path_factory: pytest.TempPathFactory) -> LoadedFact:
    return desk(tmp_path_factory.mktemp("toll"), TOLL)["toll"]


@pytest.fixture(scope="module")
def johnson(tmp_path_factory: pytest.TempPathFactory) -> LoadedFact:
    return desk(tmp_path_factory.mktemp("johnson"), JOHNSON)["johnson-role"]


# -- quantity history ------------------------------------------------------------
FIFTY_EIGHT = "The chemical attack on Khan Sheikhoun killed 58 people, doctors said."


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("when", "body", "want"), [
    # On the first day, the first counts are right.
    ("2017-04-04", "At least 58 people were killed in the gas attack on Khan Sheikhoun.",
     ("consistent", "out-of-range")),
    ("2017-04-04", FIFTY_EIGHT, ("consistent", "out-of-range")),
    ("4 April 2017", "Fifty-eight people died in the sarin attack on Khan Sheikhoun.",
     ("consistent", "out-of-range")),
    # On the entry's until: still right.
    ("2017-04-05", FIFTY_EIGHT, ("consistent", "out-of-range")),
    ("April 5, 2017", "The Khan Sheikhoun death toll stood at 58 on Wednesday morning.",
     ("consistent", "out-of-range")),
    # The day after: the stale figure is outdated.
    ("2017-04-06", FIFTY_EIGHT, ("contradiction", "outdated")),
    ("2017-04-11T09:00:00+01:00", "Assad denied the chemical attack on Khan Sheikhoun, "
     "which killed 58 people.", ("contradiction", "outdated")),
    ("2017-04-12", "Assad said the gas attack on Khan Sheikhoun, which killed 58 people, "
     "including 11 children, was a fabrication.", ("contradiction", "outdated")),
    ("2017-04-12", "Monitors say the Khan Sheikhoun chemical attack left 58 dead.",
     ("contradiction", "outdated")),
    # A figure no version allows is a plain out-of-range, whatever the date.
    ("2017-04-06", "The chemical attack on Khan Sheikhoun killed 40 people.",
     ("contradiction", "out-of-range")),
    ("2017-04-04", "The chemical attack on Khan Sheikhoun killed 40 people.",
     ("contradiction", "out-of-range")),
    ("2017-04-04", "The chemical attack on Khan Sheikhoun killed 140 people.",
     ("contradiction", "out-of-range")),
    # The revised figure: right later, and within the first-day range on day one.
    ("2017-04-06", "The death toll from the sarin attack on Khan Sheikhoun rose to 86.",
     ("consistent", "out-of-range")),
    ("2017-04-04", "The chemical attack on Khan Sheikhoun killed 72 people.",
     ("consistent", "out-of-range")),
    # Undated: held to the value as known now.
    (None, "The sarin attack on Khan Sheikhoun killed 89 people, investigators found.",
     ("consistent", "out-of-range")),
    (None, FIFTY_EIGHT, ("contradiction", "outdated")),
])
def test_quantity_history_by_date(toll: LoadedFact, fmt: str, when: str | None, body: str,
                                  want: tuple[str, str]) -> None:
    assert verdicts(run(toll, story(fmt, when, body))) == [want]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("body", [
    "The death toll from the gas attack on Khan Sheikhoun, initially put at 58, has risen to 86.",
    "On the first day, doctors said 58 people had died in the chemical attack on Khan Sheikhoun.",
    "The sarin attack on Khan Sheikhoun killed 58 people, a figure later revised to 86.",
    "At first, 58 were reported dead in the Khan Sheikhoun gas attack.",
    "Early reports said the chemical attack on Khan Sheikhoun killed 58 people.",
    "The preliminary death toll from the Khan Sheikhoun attack was 58; it is now 86.",
])
def test_a_late_story_recounting_the_first_figure_is_never_a_contradiction(
        toll: LoadedFact, fmt: str, body: str) -> None:
    result = run(toll, story(fmt, "2017-04-11", body))
    assert not result.contradictions, result.contradictions


def test_outdated_says_what_the_figure_was_and_what_it_is_since(toll: LoadedFact) -> None:
    (finding,) = run(toll, story("txt", "2017-04-07", FIFTY_EIGHT)).findings
    assert finding.message == ("claims exactly 58, the figure until 5 April 2017 (first-day "
                               "counts); since then 70-100")
    assert finding.held_to == "as of 2017-04-07 the fact allows 70-100"
    assert finding.article_date == "2017-04-07"


def test_every_finding_of_a_dated_fact_says_what_the_article_was_held_to(
        toll: LoadedFact) -> None:
    early = run(toll, story("md", "2017-04-04", FIFTY_EIGHT)).findings[0]
    assert early.held_to == "as of 2017-04-04 the fact allows 58-100 (first-day counts)"
    undated = run(toll, story("md", None, FIFTY_EIGHT)).findings[0]
    assert undated.held_to.startswith("undated: held to the value as known now")
    assert "70-100" in undated.held_to and undated.article_date == ""
    assert undated.to_json()["article_date"] is None


@pytest.mark.parametrize(("written", "held"), [
    # The calendar date as written, in the article's own zone: never moved by it.
    ("2017-04-05T23:59:00-05:00", "consistent"),   # 6 April in UTC: still 5 April
    ("2017-04-06T00:30:00+03:00", "contradiction"),  # 5 April in UTC: already 6 April
    ("Wed, 05 Apr 2017 23:30:00 -1000", "consistent"),
    ("Thu, 06 Apr 2017 00:01:00 +1400", "contradiction"),
])
def test_time_zones_at_midnight(toll: LoadedFact, written: str, held: str) -> None:
    for fmt in FORMATS:
        assert {f.status for f in run(toll, story(fmt, written, FIFTY_EIGHT)).findings} == {held}


def test_the_path_dates_an_article_that_states_no_date(toll: LoadedFact) -> None:
    art = prepare(parse_article(FIFTY_EIGHT.encode(), "archive/2017/04/04/toll.txt", ".txt"))
    assert verdicts(run(toll, art)) == [("consistent", "out-of-range")]
    art = prepare(parse_article(FIFTY_EIGHT.encode(), "2017-04-09-toll.md", ".md"))
    assert verdicts(run(toll, art)) == [("contradiction", "outdated")]


def test_an_unreadable_date_is_a_located_note_and_the_article_is_undated(
        toll: LoadedFact) -> None:
    result = run(toll, story("txt", "the day before yesterday", FIFTY_EIGHT))
    assert [n.message for n in result.notes] == [
        "the article's date 'the day before yesterday' ('Date:' line) is not a date the "
        "checker can read (write it as 2017-04-04 or 4 April 2017); held undated (line 2)"]
    assert verdicts(result)[0] == ("contradiction", "outdated")  # held to the current value


def test_a_fact_without_dates_compiles_as_before(tmp_path: Path) -> None:
    plain = desk(tmp_path, TOLL.split("    history:")[0])["toll"]
    assert not isinstance(plain.checker, DatedChecker)
    (f,) = run(plain, story("md", "2017-04-04", FIFTY_EIGHT)).findings
    assert (f.status, f.held_to, f.article_date) == ("contradiction", "", "2017-04-04")
    assert "held_to" not in f.to_json()
    assert f.to_json()["article_date"] == "2017-04-04"  # every finding shows the date
    (undated,) = run(plain, story("md", None, FIFTY_EIGHT)).findings
    assert "article_date" not in undated.to_json()


def test_several_history_entries_each_hold_until_their_day(tmp_path: Path) -> None:
    loaded = desk(tmp_path, TOLL.replace("    history:\n", "    history:\n"
                                         "      - {until: 2017-04-04, max: 60}\n")
                  .replace("until: 2017-04-05\n        min: 58",
                           "until: 2017-04-05\n        min: 60"))["toll"]
    says = "The gas attack on Khan Sheikhoun killed {} people."
    got = {(when, n): verdicts(run(loaded, story("txt", when, says.format(n))))[0]
           for when in ("2017-04-04", "2017-04-05", "2017-04-06") for n in (58, 65, 80)}
    assert got[("2017-04-04", 58)] == ("consistent", "out-of-range")
    assert got[("2017-04-04", 65)] == ("contradiction", "out-of-range")
    assert got[("2017-04-05", 58)] == ("contradiction", "outdated")
    assert got[("2017-04-05", 65)] == ("consistent", "out-of-range")
    assert got[("2017-04-06", 58)] == ("contradiction", "outdated")
    assert got[("2017-04-06", 65)] == ("contradiction", "outdated")
    assert got[("2017-04-06", 80)] == ("consistent", "out-of-range")


# -- dated titles ------------------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("when", "body", "want"), [
    # In the span: right as a present title, wrong as a former one.
    ("2015-06-02", "Mayor of London Boris Johnson opened the new cycle lane.",
     [("consistent", "wrong-role")]),
    ("2015-06-02", "Boris Johnson, the Mayor of London, opened the lane.",
     [("consistent", "wrong-role")]),
    ("2015-06-02", "Former Mayor of London Boris Johnson opened the lane.",
     [("contradiction", "wrong-role")]),
    # On until, still right; the day after, a past title used as a present one.
    ("2016-05-09", "Mayor of London Boris Johnson hands over City Hall today.",
     [("consistent", "wrong-role")]),
    ("2016-05-10", "Mayor of London Boris Johnson handed over City Hall.",
     [("contradiction", "outdated")]),
    ("2017-04-10", "Mayor of London Boris Johnson arrived in Lucca on Monday.",
     [("contradiction", "outdated")]),
    ("2017-04-10", "On Monday Boris Johnson, the Mayor of London, arrived in Lucca.",
     [("contradiction", "outdated")]),
    # After until: right after former/ex-/then.
    ("2017-04-10", "Former Mayor of London Boris Johnson arrived in Lucca.",
     [("consistent", "wrong-role")]),
    ("2017-04-10", "Ex-Mayor of London Boris Johnson arrived in Lucca.",
     [("consistent", "wrong-role")]),
    ("2017-04-10", "Then-Mayor of London Boris Johnson opened the lane in 2015.",
     [("consistent", "wrong-role")]),
    # A sentence of a past year: the title may be of that time (a note).
    ("2017-04-10", "In 2015, Mayor of London Boris Johnson opened a cycle lane.", [("note", "")]),
    # Before its span, a title is not yet right.
    ("2007-06-02", "Mayor of London Boris Johnson opened the new cycle lane.",
     [("contradiction", "wrong-role")]),
    ("2016-07-12", "Foreign Secretary Boris Johnson took office.",
     [("contradiction", "wrong-role")]),
    ("2016-07-13", "Foreign Secretary Boris Johnson took office on Wednesday.",
     [("consistent", "wrong-role")]),
    # Two people, two titles: each title goes to its own name.
    ("2017-04-10", "Foreign Secretary Boris Johnson met Mayor of London Sadiq Khan.",
     [("consistent", "wrong-role")]),
    ("2017-04-10", "Mayor of London Sadiq Khan met Foreign Secretary Boris Johnson.",
     [("consistent", "wrong-role")]),
    # "former" shared over a coordination, "the then", a quoted past: not a present title.
    ("2017-04-10", "Former foreign secretary and Mayor of London Boris Johnson arrived.",
     [("consistent", "wrong-role")]),
    ("2017-04-10", "The then Mayor of London, Boris Johnson, opened the lane.",
     [("consistent", "wrong-role")]),
    ("2017-04-10", "Boris Johnson, a former Mayor of London who is now Foreign Secretary, "
     "arrived.", [("consistent", "wrong-role")]),
    ("2017-04-10", '"I was Mayor of London for eight years," Boris Johnson said.', []),
    ("2017-04-10", "Mr Johnson, who was Mayor of London until last year, arrived in Lucca.", []),
    ("2017-04-10", "Boris Johnson met Sadiq Khan, the Mayor of London, on Monday.", []),
    ("2017-04-10", "As Mayor of London, Boris Johnson opened a cycle lane in 2015.",
     [("note", "")]),
    # Titles in capitals, in a headline line, are titles too.
    ("2017-04-10", "MAYOR OF LONDON BORIS JOHNSON ARRIVES IN LUCCA",
     [("contradiction", "outdated")]),
    # Undated: as of now.
    (None, "Mayor of London Boris Johnson arrived in Lucca.", [("contradiction", "outdated")]),
    (None, "Former Mayor of London Boris Johnson arrived in Lucca.",
     [("consistent", "wrong-role")]),
    (None, "Foreign Secretary Boris Johnson arrived in Lucca.", [("consistent", "wrong-role")]),
])
def test_dated_titles(johnson: LoadedFact, fmt: str, when: str | None, body: str,
                      want: list[tuple[str, str]]) -> None:
    assert verdicts(run(johnson, story(fmt, when, body))) == want


def test_a_title_before_its_span_says_from_when_it_is_right(johnson: LoadedFact) -> None:
    (f,) = run(johnson, story("md", "2015-06-02", "Foreign Secretary Boris Johnson spoke."
                              )).findings
    assert f.message == ("calls Boris Johnson 'Foreign Secretary': right only from 13 July "
                         "2016; until then the fact allows Mayor of London")


def test_a_past_title_says_until_when_it_was_right(johnson: LoadedFact) -> None:
    (f,) = run(johnson, story("txt", "2017-04-10", "Mayor of London Boris Johnson spoke."
                              )).findings
    assert f.message == ("calls Boris Johnson 'Mayor of London' as a present title, the title "
                         "until 9 May 2016; since then Foreign Secretary (former: Mayor of "
                         "London)")


def test_former_titles_and_dated_titles_together(tmp_path: Path) -> None:
    loaded = desk(tmp_path, JOHNSON.replace(
        "      - {title: Mayor of London, from: 2008-05-04, until: 2016-05-09}\n",
        "      - {title: Mayor of London, from: 2008-05-04, until: 2016-05-09}\n"
        "    former: [MP for Henley]\n"))["johnson-role"]
    for when in ("2015-06-02", "2017-04-10", None):
        said = "Former MP for Henley Boris Johnson spoke."
        assert verdicts(run(loaded, story("txt", when, said))) == [("consistent", "wrong-role")]
    said = "MP for Henley Boris Johnson spoke."
    assert verdicts(run(loaded, story("txt", "2017-04-10", said))) == [
        ("contradiction", "wrong-role")]


# -- from/until on any fact -------------------------------------------------------
SPAN = """\
facts:
  - id: talks
    kind: quantity
    about: [Tillerson]
    cues: [hours]
    min: 2
    max: 2
    from: 2017-04-12
    until: 2017-04-30
"""


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("when", "checked"), [
    ("2017-04-10", False), ("2017-04-11", False), ("2017-04-12", True), ("2017-04-30", True),
    ("2017-05-01", False), (None, False),
])
def test_a_fact_with_from_and_until_checks_only_articles_dated_in_its_span(
        tmp_path: Path, fmt: str, when: str | None, checked: bool) -> None:
    loaded = desk(tmp_path, SPAN)["talks"]
    body = "Rex Tillerson spent five hours with Vladimir Putin in the Kremlin."
    got = verdicts(run(loaded, story(fmt, when, body)))
    assert got == ([("contradiction", "out-of-range")] if checked else [])


def test_an_undated_article_is_checked_by_a_fact_whose_span_has_not_ended(
        tmp_path: Path) -> None:
    loaded = desk(tmp_path, SPAN.replace("    until: 2017-04-30\n", ""))["talks"]
    body = "Rex Tillerson spent two hours with Vladimir Putin."
    (f,) = run(loaded, story("txt", None, body)).findings
    assert f.status == "consistent" and f.held_to.startswith("undated")


# -- validation ----------------------------------------------------------------------
@pytest.mark.parametrize(("yaml_text", "line", "words"), [
    (TOLL.replace("until: 2017-04-05", "until: soon"), 9, "must be a date written YYYY-MM-DD"),
    (TOLL.replace("until: 2017-04-05", "until: 2017-02-30"), 9, "day is out of range"),
    (TOLL.replace("        min: 58\n", "        min: 158\n"), 9, "'min' (158) is above 'max'"),
    (TOLL.replace("        min: 58\n        max: 100\n", ""), 9, "needs 'min' or 'max'"),
    (TOLL.replace("      - until: 2017-04-05", "      - until: 2017-04-05\n        min: 1\n"
                  "      - until: 2017-04-01").replace("        min: 58\n", ""), 11,
     "oldest first"),
    (TOLL + "    from: 2017-05-01\n    until: 2017-04-01\n", 13, "'from' (2017-05-01) is after"),
    (JOHNSON.replace("from: 2008-05-04", "from: 2018-05-04"), 10,
     "the title 'Mayor of London': 'from' (2018-05-04) is after 'until'"),
    (JOHNSON.replace("until: 2016-05-09", "until: May 2016"), 10, "YYYY-MM-DD"),
    (TOLL.replace("        note: first-day counts", "        notes: first-day counts"), 12,
     "unknown field 'notes'"),
])
def test_dates_in_fact_files_are_checked_with_their_place(tmp_path: Path, yaml_text: str,
                                                         line: int, words: str) -> None:
    (tmp_path / "facts.yaml").write_text(yaml_text, encoding="utf-8")
    problems = load_catalog([tmp_path]).problems
    assert any(words in p.message and p.line == line for p in problems), problems


# -- the selection, as a property ---------------------------------------------------
VERSIONS = ((Day(2017, 4, 4), 58, 100), (Day(2017, 4, 6), 60, 100), (None, 70, 100))
MANY = TOLL.replace("""    history:
      - until: 2017-04-05
        min: 58
        max: 100
        note: first-day counts
""", """    history:
      - {until: 2017-04-04, min: 58, max: 100}
      - {until: 2017-04-06, min: 60, max: 100}
""")


def _version_on(on: Day | None) -> int:
    """The reference: the first version whose until the day has not passed."""
    if on is None:
        return len(VERSIONS) - 1
    return next(k for k, (until, _, _) in enumerate(VERSIONS) if until is None or on <= until)


@settings(max_examples=60, deadline=None)
@given(day=st.one_of(st.none(), st.dates(dt.date(2017, 4, 1), dt.date(2017, 4, 9))),
       n=st.integers(1, 150), fmt=st.sampled_from(FORMATS))
def test_the_verdict_is_the_version_in_force_on_the_day(
        many: LoadedFact, day: dt.date | None, n: int, fmt: str) -> None:
    i = _version_on(None if day is None else Day(day.year, day.month, day.day))
    lo, hi = VERSIONS[i][1:]
    if lo <= n <= hi:
        want = ("consistent", "out-of-range")
    elif any(a <= n <= b for _, a, b in VERSIONS[:i]):
        want = ("contradiction", "outdated")
    else:
        want = ("contradiction", "out-of-range")
    when = None if day is None else day.isoformat()
    body = f"The gas attack on Khan Sheikhoun killed {n} people."
    assert verdicts(run(many, story(fmt, when, body))) == [want]


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> LoadedFact:
    return desk(tmp_path_factory.mktemp("many"), MANY)["toll"]


def test_a_problem_of_the_fact_itself_is_not_repeated_for_each_history_entry(
        tmp_path: Path) -> None:
    (tmp_path / "facts.yaml").write_text(TOLL.replace("cues: [killed, dead, died, deaths, "
                                                      "death toll]", "cues: [killed, '']"),
                                         encoding="utf-8")
    messages = [p.message for p in load_catalog([tmp_path]).problems]
    assert messages == ["'cues' holds an empty entry"], messages
