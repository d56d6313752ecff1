"""The ``attendance`` kind: who was placed at or away from which meeting."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.article import Article, PreparedArticle
from pytest_factcheck.articles import read_article
from pytest_factcheck.kinds.attendance import Day, parse_day, states_other_date
from pytest_factcheck.loader import LoadedFact, load_catalog

from .conftest import SEEDS
from .kindkit import check_fact

ENTITIES = """
entities:
  putin:
    name: Vladimir Putin
    aliases: [Mr Putin, President Putin, the Russian President, the Russian leader]
  lavrov:
    name: Sergei Lavrov
    aliases: [Sergey Lavrov]
  tillerson: {name: Rex Tillerson}
  johnson: {name: Boris Johnson}
  alfano: {name: Angelino Alfano}
  gabriel: {name: Sigmar Gabriel}
  g7-lucca:
    name: G7 foreign ministers' meeting in Lucca
    aliases: [G7 meeting, G-7 gathering, G7 summit, meeting in Lucca, summit in Lucca,
              G-7 meeting, summit in Italy]
    type: event
    date: 2017-04-11
"""

FACT = """
facts:
  - id: g7-lucca-attendance
    kind: attendance
    event: g7-lucca
    present: [tillerson, johnson, alfano, gabriel]
    absent: [putin, lavrov]
"""


def load(tmp_path: Path, text: str) -> dict[str, LoadedFact]:
    (tmp_path / "facts.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    catalog = load_catalog([tmp_path])
    assert not catalog.problems, catalog.problems
    return {f.fact.id: f for f in catalog.facts}


@pytest.fixture
def fact(tmp_path: Path) -> LoadedFact:
    return load(tmp_path, ENTITIES + FACT)["g7-lucca-attendance"]


def article(text: str, path: str = "a.txt", **meta: str) -> PreparedArticle:
    return PreparedArticle(Article(path=path, source=text, text=text, meta=meta))


def read(fact: LoadedFact, text: str, **meta: str) -> list[tuple[str, str, str]]:
    result = check_fact(fact, [article(text, **meta)])
    return [(f.status, f.reason, f.matched) for f in result.findings]


def verdicts(fact: LoadedFact, text: str) -> set[tuple[str, str]]:
    return {(status, reason) for status, reason, _ in read(fact, text)}


def notes(fact: LoadedFact, text: str) -> list[str]:
    return [n.message for n in check_fact(fact, [article(text)]).notes]


# ---------------------------------------------------------------------------
# SPEC examples
# ---------------------------------------------------------------------------
def test_spec_at_the_meeting_opening(fact: LoadedFact) -> None:
    found = read(fact, "At the G-7 meeting, Tillerson said Russia bore responsibility.")
    assert found == [("consistent", "placed-at", "At the G-7 meeting, Tillerson")]


def test_spec_arriving_at_opening(fact: LoadedFact) -> None:
    text = ('Arriving at a summit in Lucca, Italy, Mr Johnson had branded Syrian President '
            'Assad a "tyrant".')
    assert verdicts(fact, text) == {("consistent", "placed-at")}


def test_spec_bare_preposition_places_nobody(fact: LoadedFact) -> None:
    assert read(fact, "Putin took aim at the G7 meeting, calling it a farce.") == []


def test_spec_absent_person_placed_at_is_contradiction(fact: LoadedFact) -> None:
    found = read(fact, "Vladimir Putin attended the G7 meeting in Lucca.")
    assert found == [("contradiction", "placed-at", "Vladimir Putin attended the G7 meeting")]


def test_spec_present_person_placed_away_is_contradiction(fact: LoadedFact) -> None:
    assert verdicts(fact, "Boris Johnson skipped the G7 meeting.") == {
        ("contradiction", "placed-away")}


@pytest.mark.parametrize("wording", [
    "attended", "hosted", "chaired", "joined", "addressed", "was at", "arrived at",
    "spoke at", "flew from", "left", "attends", "hosts",
])
def test_spec_presence_wordings(fact: LoadedFact, wording: str) -> None:
    text = f"On Tuesday Mr Lavrov {wording} the G7 meeting."
    assert verdicts(fact, text) == {("contradiction", "placed-at")}


@pytest.mark.parametrize("wording", [
    "did not attend", "didn't attend", "skipped", "missed", "was absent from",
    "stayed away from", "boycotted", "was not at", "was not invited to", "never attended",
    "has not attended",
])
def test_spec_absence_wordings(fact: LoadedFact, wording: str) -> None:
    assert verdicts(fact, f"Tillerson {wording} the G7 meeting.") == {
        ("contradiction", "placed-away")}
    assert verdicts(fact, f"Lavrov {wording} the G7 meeting.") == {
        ("consistent", "placed-away")}


def test_spec_at_most_five_words_each_side(fact: LoadedFact) -> None:
    near = "Lavrov, the Russian foreign minister, attended the annual G7 meeting."
    assert verdicts(fact, near) == {("contradiction", "placed-at")}
    # SPEC §3a: the reach counts words of the clause; an appositive is skipped
    apposed = ("Lavrov, the long-serving and famously combative Russian foreign minister, "
               "attended the G7 meeting.")
    assert verdicts(fact, apposed) == {("contradiction", "placed-at")}
    far = "Lavrov in the end and after a long delay finally attended the G7 meeting."
    assert read(fact, far) == []
    far_event = "Lavrov attended a long and very tense dinner with the G7 meeting's hosts."
    assert read(fact, far_event) == []


def test_spec_event_date_other_date_places_nobody(fact: LoadedFact) -> None:
    assert read(fact, "Putin attended the G7 meeting on April 3, 2016.") == []
    assert read(fact, "Putin attended the G7 summit in 2014, before Crimea.") == []
    assert verdicts(fact, "Putin attended the G7 meeting on 11 April 2017.") == {
        ("contradiction", "placed-at")}
    assert verdicts(fact, "Putin attended the G7 meeting on April 10-11.") == {
        ("contradiction", "placed-at")}


def test_event_matches_name_and_aliases_only(fact: LoadedFact) -> None:
    # "Lucca" alone is the last word of the event's name, but events are not people.
    assert read(fact, "Putin attended a concert in Lucca.") == []
    assert verdicts(fact, "Putin attended the G7 foreign ministers' meeting in Lucca.") == {
        ("contradiction", "placed-at")}


# ---------------------------------------------------------------------------
# Seeds
# ---------------------------------------------------------------------------
def seed(name: str) -> PreparedArticle:
    return PreparedArticle(read_article(SEEDS / name))


def test_seed_002_arriving_at_summit(fact: LoadedFact) -> None:
    result = check_fact(fact, [seed("002_c4c8d9e8d9b4b65b.txt")])
    assert [(f.status, f.line, f.matched) for f in result.findings] == [
        ("consistent", 14, "Arriving at a summit in Lucca, Italy, Mr Johnson")]


def test_seed_003_readings(fact: LoadedFact) -> None:
    result = check_fact(fact, [seed("003_3fd0dba4cfea9bb8.txt")])
    got = [(f.status, f.reason, f.matched) for f in result.findings]
    assert got == [
        ("consistent", "placed-at", "Angelino Alfano, who hosted the G-7 gathering"),
        ("consistent", "placed-at", "Tillerson flew straight from the summit in Italy"),
        ("consistent", "placed-at", "At the G-7 meeting, Tillerson"),
    ]


def test_seeds_consistent_with_true_facts(fact: LoadedFact) -> None:
    arts = [PreparedArticle(read_article(p)) for p in sorted(SEEDS.glob("*.txt"))]
    result = check_fact(fact, arts)
    assert result.outcome == "passed"
    assert not result.contradictions


def test_seeds_contradict_a_wrong_fact(tmp_path: Path) -> None:
    wrong = ENTITIES + """
facts:
  - id: wrong
    kind: attendance
    event: g7-lucca
    present: [putin]
    absent: [tillerson, alfano, johnson]
"""
    fact = load(tmp_path, wrong)["wrong"]
    arts = [PreparedArticle(read_article(p)) for p in sorted(SEEDS.glob("*.txt"))]
    result = check_fact(fact, arts)
    assert result.outcome == "failed"
    assert {(f.article.rsplit("/", 1)[-1][:3], f.line) for f in result.contradictions} == {
        ("002", 14), ("003", 17), ("003", 33), ("003", 35)}
    assert all(f.reason == "placed-at" for f in result.contradictions)


# ---------------------------------------------------------------------------
# Subjects: the person must be the one the wording is about
# ---------------------------------------------------------------------------
def test_two_people_two_readings(fact: LoadedFact) -> None:
    text = "Putin, who did not attend, criticised Johnson, who hosted the G7 meeting."
    got = sorted(read(fact, text))
    assert got == [
        ("consistent", "placed-at", "Johnson, who hosted the G7 meeting"),
        ("consistent", "placed-away", "Putin, who did not attend"),
    ]


def test_appositive_subject_with_title(fact: LoadedFact) -> None:
    text = ("Italian Foreign Minister Angelino Alfano, who hosted the G-7 gathering, said "
            '"there is no consensus for further new sanctions."')
    assert verdicts(fact, text) == {("consistent", "placed-at")}


def test_coordinated_subjects(fact: LoadedFact) -> None:
    text = "Tillerson, Johnson and Lavrov attended the G7 meeting on Tuesday."
    got = sorted(read(fact, text))
    assert [g[0] for g in got] == ["consistent", "consistent", "contradiction"]


@pytest.mark.parametrize("text", [
    # object, not subject
    "Putin met Johnson, who attended the G7 meeting.",
    "Putin told reporters the ministers who attended the G7 meeting were wrong.",
    "Putin criticised the ministers who attended the G7 meeting.",
    "Lavrov mocked Tillerson and Johnson, who attended the G7 meeting.",
    # excluded
    "Tillerson, not Putin, attended the G7 meeting.",
    "Johnson, rather than Lavrov, addressed the G7 meeting.",
    "Unlike Putin, Johnson attended the G7 meeting.",
    # possessive: someone else is the subject
    "Putin's foreign minister attended the G7 meeting.",
    "At the G7 meeting, Putin's envoy said little.",
    # a relative clause about someone else
    "Putin, whose foreign minister attended the G7 meeting, stayed in Moscow.",
])
def test_not_the_subject(fact: LoadedFact, text: str) -> None:
    assert ("contradiction", "placed-at") not in verdicts(fact, text)


# ---------------------------------------------------------------------------
# Future, intention, negation, questions, quotes, hedges
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Lavrov said he would not attend the G7 meeting.",
    "Lavrov would not attend the G7 meeting.",
    "Lavrov will attend the G7 meeting.",
    "Lavrov is expected to attend the G7 meeting.",
    "Lavrov had hoped to attend the G7 meeting.",
    "Lavrov is due to address the G7 meeting.",
    "Lavrov had been invited to the G7 meeting.",
    "Putin could have attended the G7 meeting.",
    "Did Putin attend the G7 meeting?",
    '"Putin attended the G7 meeting," Johnson claimed.',
    "Putin will attend the next G7 summit.",
    "Putin attended last year's G7 summit.",
    "Putin attended every G7 summit until 2014.",
    "Putin is attending the G7 summit next year.",
])
def test_not_a_placing(fact: LoadedFact, text: str) -> None:
    assert read(fact, text) == []


@pytest.mark.parametrize("text", [
    "Johnson did not chair the G7 meeting.",
    "Johnson did not host the G7 meeting.",
    "Johnson never spoke at the G7 meeting.",
    "Johnson missed the opening session of the G7 meeting.",
    "Johnson skipped the first day of the G7 meeting.",
    "Johnson missed the G7 meeting's final session.",
    "Johnson missed a chance at the G7 meeting to win support.",
])
def test_negated_or_partial_wording_places_nobody(fact: LoadedFact, text: str) -> None:
    assert read(fact, text) == []


def test_hedged_sentence_is_only_a_note(fact: LoadedFact) -> None:
    text = "It is unclear whether Putin attended the G7 meeting."
    assert read(fact, text) == []
    assert any("hedged" in n for n in notes(fact, text))
    text = "The Kremlin denied that Putin attended the G7 meeting."
    assert read(fact, text) == []


def test_reported_claims_are_only_notes(fact: LoadedFact) -> None:
    for text in ("Johnson said Lavrov had attended the G7 meeting.",
                 "Lavrov had attended the G7 meeting, Johnson said.",
                 "Lavrov had attended the G7 meeting, said Mr Johnson.",
                 "Lavrov attended the G7 meeting, according to Italian officials."):
        assert read(fact, text) == [], text
        assert notes(fact, text), text
    # the person's own verb after a relative clause is not someone else's claim
    text = "Angelino Alfano, who hosted the G-7 gathering, said Russia must be involved."
    assert verdicts(fact, text) == {("consistent", "placed-at")}


def test_but_and_neither(fact: LoadedFact) -> None:
    assert verdicts(fact, "Tillerson attended, but Putin skipped the G7 meeting.") == {
        ("consistent", "placed-away")}
    assert read(fact, "Everyone but Putin attended the G7 meeting.") == []
    assert read(fact, "Neither Putin nor Lavrov attended the G7 meeting.") == []
    got = read(fact, "Lavrov and Putin did not attend the G7 meeting.")
    assert [g[:2] for g in got] == [("consistent", "placed-away")] * 2


def test_opener_coordinated_subjects(fact: LoadedFact) -> None:
    got = sorted(read(fact, "At the G7 meeting, Johnson and Lavrov clashed over Syria."))
    assert [g[0] for g in got] == ["consistent", "contradiction"]
    got = read(fact, "At the G7 meeting, Johnson attacked Lavrov.")
    assert got == [("consistent", "placed-at", "At the G7 meeting, Johnson")]


def test_headline(fact: LoadedFact) -> None:
    assert verdicts(fact, "Putin Skips G7 Summit") == {("consistent", "placed-away")}


# ---------------------------------------------------------------------------
# Other occasions, other relations
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "At the time of the G7 meeting, Putin was in Moscow.",
    "At the same time as the G7 meeting, Putin hosted Mattarella.",
    "Putin was at odds with Johnson over the G7 meeting.",
    "Putin hosted Italian President Sergio Mattarella as the G7 meeting ended.",
    "Putin hosted a rival summit to the G7 meeting.",
    "Putin attended a dinner before the G7 meeting.",
    "Putin attended a protest outside the G7 meeting.",
    "Putin addressed concerns about the G7 meeting.",
    "Putin joined calls for the G7 meeting to be cancelled.",
    "Putin left little doubt the G7 meeting had failed.",
    "Putin left for Beijing after the G7 meeting.",
    "Putin spoke at length about the G7 meeting.",
    "Putin flew from Moscow to the G7 meeting.",
    "At a news conference after the G7 meeting, Putin said it had failed.",
    "Earlier, following a meeting of G7 foreign ministers in Lucca, Putin said little.",
    "Putin Mocks Ministers Who Attended G7 Meeting",
    "Putin attended the anti-G7 summit in Florence.",
    "Putin attended a post-G7 meeting dinner.",
])
def test_other_occasion_or_relation(fact: LoadedFact, text: str) -> None:
    assert ("contradiction", "placed-at") not in verdicts(fact, text)


def test_article_published_before_the_event(fact: LoadedFact) -> None:
    text = "Putin attended the G7 meeting."
    assert read(fact, text, date="2017-04-01") == []
    assert verdicts(fact, "Putin attended the G7 meeting.") == {("contradiction", "placed-at")}


# ---------------------------------------------------------------------------
# Other constructions
# ---------------------------------------------------------------------------
def test_passive_hosted_by(fact: LoadedFact) -> None:
    got = read(fact, "The G7 meeting, hosted by Alfano, ended without agreement.")
    assert got == [("consistent", "placed-at", "G7 meeting, hosted by Alfano")]
    got = read(fact, "The G7 meeting was attended by Tillerson, Johnson and Lavrov.")
    assert sorted(g[0] for g in got) == ["consistent", "consistent", "contradiction"]


def test_relative_which(fact: LoadedFact) -> None:
    assert verdicts(fact, "The G7 meeting, which Putin did not attend, ended early.") == {
        ("consistent", "placed-away")}
    assert verdicts(fact, "The G-7 gathering, which Johnson skipped, ended early.") == {
        ("contradiction", "placed-away")}


def test_opener_subject_after_place(fact: LoadedFact) -> None:
    text = "Speaking at the G7 meeting in Lucca on Tuesday, Lavrov's critics said little."
    assert read(fact, text) == []
    text = "Speaking at the G7 meeting in Lucca on Tuesday, Sergey Lavrov said little."
    assert verdicts(fact, text) == {("contradiction", "placed-at")}
    text = "Skipping the G7 meeting, Lavrov flew to Beijing."
    assert verdicts(fact, text) == {("consistent", "placed-away")}
    text = "At the G7 meeting, ministers agreed to call Lavrov."
    assert read(fact, text) == []


def test_unless_and_window_are_engine_business(tmp_path: Path) -> None:
    facts = load(tmp_path, ENTITIES + FACT.replace(
        "absent: [putin, lavrov]", "absent: [putin, lavrov]\n    unless: [satire]"))
    fact = facts["g7-lucca-attendance"]
    assert read(fact, "In a satire, Putin attended the G7 meeting.") == []


def test_terms_are_event_forms(fact: LoadedFact) -> None:
    assert "g7 meeting" in fact.checker.terms
    assert all(t == t.lower() for t in fact.checker.terms)
    assert "putin" not in fact.checker.terms


def test_compile_rejects_person_both_present_and_absent(tmp_path: Path) -> None:
    (tmp_path / "f.yaml").write_text(ENTITIES + """
facts:
  - id: both
    kind: attendance
    event: g7-lucca
    present: [putin]
    absent: [putin]
""", encoding="utf-8")
    catalog = load_catalog([tmp_path])
    assert any("both as present and as absent" in p.message for p in catalog.problems)


def test_compile_rejects_bad_event_date(tmp_path: Path) -> None:
    (tmp_path / "f.yaml").write_text(ENTITIES.replace("date: 2017-04-11", "date: April") + FACT,
                                     encoding="utf-8")
    catalog = load_catalog([tmp_path])
    assert any("YYYY-MM-DD" in p.message for p in catalog.problems)


def test_plain_names_in_fields(tmp_path: Path) -> None:
    facts = load(tmp_path, """
facts:
  - id: plain
    kind: attendance
    event: Lucca summit
    present: [Rex Tillerson]
    absent: [Vladimir Putin]
""")
    fact = facts["plain"]
    assert verdicts(fact, "Putin attended the Lucca summit.") == {("contradiction", "placed-at")}
    assert verdicts(fact, "Tillerson attended the Lucca summit.") == {
        ("consistent", "placed-at")}


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------
DAY = Day(2017, 4, 11)


@pytest.mark.parametrize(("text", "other"), [
    ("on 11 April 2017", False), ("on April 11", False), ("on April 11, 2017", False),
    ("on 2017-04-11", False), ("on 11/04/2017", False), ("on 04/11/2017", False),
    ("in April 2017", False), ("on April 10-11", False), ("in 2017", False),
    ("on April 3", True), ("in 2016", True), ("on 3 May", True), ("in March 2017", True),
    ("next year", True), ("two years ago", True), ("on Tuesday", False),
    ("as ministers may agree", False), ("89 people", False),
])
def test_states_other_date(text: str, other: bool) -> None:
    assert states_other_date(text, 0, len(text), DAY) is other


def test_parse_day() -> None:
    assert parse_day("2017-04-11") == DAY
    assert parse_day("2017-04-11T09:00:00") == DAY
    assert parse_day("April") is None
    assert parse_day(None) is None


# ---------------------------------------------------------------------------
# Robustness
# ---------------------------------------------------------------------------
_FRAGMENTS = st.sampled_from([
    "Putin", "Mr Putin", "Lavrov", "Sergey Lavrov", "Tillerson", "Johnson", "Alfano",
    "G7 meeting", "G-7 gathering", "summit in Lucca", "At the", "Arriving at", "attended",
    "did not attend", "skipped", "was at", "hosted by", "which", "who", ",", ".", '"', "?",
    "the", "a", "and", "not", "on April 11", "in 2016", "(", ")", "'s", "\n\n", "-",
    "flew straight from", "left", "boycotted", "Skipping",
])


@settings(deadline=None)
@given(st.lists(_FRAGMENTS, max_size=30))
def test_never_crashes_on_fragments(tmp_path_factory: pytest.TempPathFactory,
                                    parts: list[str]) -> None:
    fact = _shared_fact(tmp_path_factory)
    text = " ".join(parts)
    art = article(text)
    result = check_fact(fact, [art])
    for f in result.findings:
        assert f.status in ("consistent", "contradiction")
        assert f.reason in ("placed-at", "placed-away")
        assert f.matched and f.matched in text


@settings(deadline=None)
@given(st.text(max_size=300))
def test_never_crashes_on_any_text(tmp_path_factory: pytest.TempPathFactory,
                                   text: str) -> None:
    fact = _shared_fact(tmp_path_factory)
    check_fact(fact, [article("Putin attended the G7 meeting. " + text)])
    check_fact(fact, [article(text)])


_CACHE: dict[str, LoadedFact] = {}


def _shared_fact(factory: pytest.TempPathFactory) -> LoadedFact:
    if "fact" not in _CACHE:
        _CACHE["fact"] = load(factory.mktemp("att"), ENTITIES + FACT)["g7-lucca-attendance"]
    return _CACHE["fact"]


@pytest.mark.parametrize("text", [
    # A quote that runs over two sentences: the second is still the speaker's words.
    "\u201cWe will not send anyone. Mr Putin attended the G7 meeting in his mind only,\u201d "
    "a Kremlin aide joked.",
    # Single curly quotes, as some house styles write them.
    "The aide said: \u2018Mr Putin attended the G7 meeting, in spirit.\u2019",
    # Guillemets.
    "\u00abMr Putin attended the G7 meeting\u00bb, the headline of a satire site claimed.",
])
def test_words_inside_any_quote_place_nobody(fact: LoadedFact, text: str) -> None:
    """What a speaker says inside a quote is not the reporter's placement (the quote
    spans are the article's shared ones, not a straight-quote toggle per sentence)."""
    assert ("contradiction", "placed-at") not in verdicts(fact, text)


def test_the_same_words_outside_a_quote_are_read(fact: LoadedFact) -> None:
    assert ("contradiction", "placed-at") in verdicts(
        fact, "Mr Putin attended the G7 meeting in Lucca on Tuesday.")
