"""End-to-end red team: a small invented newsroom, all six kinds at once.

Twelve articles (``tests/data/newsroom/articles``), written for this test, about
four invented stories -- a ferry sinking with a rising toll, a central bank's
rate decision and press conference, a trade summit with a walkout, an actor's
libel trial -- in the ways different desks write: wire copy hard-wrapped at 72
columns, a tabloid, a broadsheet with one paragraph per line and long
interrupted quotes, live blogs with timestamps (Markdown with front matter, and
HTML), an HTML analysis with nav, aside and script. ``facts/newsroom.yaml``
holds 25 facts of all six kinds that are true to the stories.

1. The clean articles contradict nothing: ``pytest --factcheck articles/`` exits 0,
   and every fact finds consistent evidence somewhere (so the facts are read).
2. Copies with one deliberate, realistic error each are caught at the right
   line:column with the right reason -- and nothing else is flagged. The
   terminal text says what the fact says and what the article claims.
3. The traps the clean articles hold (each once a false alarm or a miss) are
   pinned sentence by sentence at the end.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from pytest_factcheck.article import Article, PreparedArticle
from pytest_factcheck.loader import LoadedFact, load_catalog

from .kindkit import check_fact

pytest_plugins = ["pytester"]

DATA = Path(__file__).resolve().parent / "data" / "newsroom"
ARTICLES = DATA / "articles"
FACTS = DATA / "facts"
KINDS = {"quantity", "quote", "attendance", "spelling", "role", "pattern"}


@pytest.fixture
def newsroom(pytester: pytest.Pytester) -> pytest.Pytester:
    shutil.copytree(FACTS, pytester.path / "facts")
    return pytester


def _report(pytester: pytest.Pytester) -> dict:  # type: ignore[type-arg]
    return json.loads((pytester.path / "report.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------
# 1. Clean articles
# ---------------------------------------------------------------------------
def test_the_clean_newsroom_contradicts_nothing(newsroom: pytest.Pytester) -> None:
    shutil.copytree(ARTICLES, newsroom.path / "articles")
    result = newsroom.runpytest("--factcheck", "articles/", "--factcheck-report", "report.json")
    report = _report(newsroom)
    flagged = [(f["id"], x["article"], x["line"], x["column"], x["message"])
               for f in report["facts"] for x in f["findings"]
               if x["status"] != "consistent"]
    assert flagged == []
    assert result.ret == 0
    result.assert_outcomes(passed=25)
    assert report["summary"]["contradictions"] == 0
    assert report["summary"]["articles"] == 12
    assert report["errors"] == []
    assert {f["kind"] for f in report["facts"]} == KINDS


def test_every_fact_finds_consistent_evidence(newsroom: pytest.Pytester) -> None:
    shutil.copytree(ARTICLES, newsroom.path / "articles")
    newsroom.runpytest("--factcheck", "articles/", "--factcheck-report", "report.json")
    report = _report(newsroom)
    silent = [f["id"] for f in report["facts"]
              if not any(x["status"] == "consistent" for x in f["findings"])]
    assert silent == []
    by_id = {f["id"]: f for f in report["facts"]}
    toll = sorted(x["matched"] for x in by_id["corran-star-death-toll"]["findings"])
    # The rising toll of the live blog and the wire: every reading meets 41.
    # Since headlines are checked, the live blog's front-matter summary ("At least
    # 19 killed as ferry sinks") is a reading too; it is consistent with 41.
    assert toll == ["41", "41", "At least 19", "At least 19 killed", "Forty-one",
                    "at least 19", "at least 30"]
    # The HTML's script, nav and aside (which contradict the facts) are no prose.
    assert not any(x["article"].endswith(".html") and "Ostrow" in x["excerpt"]
                   and x["reason"] == "placed-at"
                   for x in by_id["osterhaven-attendance"]["findings"])


# ---------------------------------------------------------------------------
# 2. Deliberate errors
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Slip:
    copy: str  # file name of the faulty copy
    source: str  # the clean article it is made from
    old: str
    new: str
    fact: str
    reason: str
    at: str  # where the finding must point: the first occurrence in the copy
    says: tuple[str, ...]  # fragments of the terminal text an editor reads

    def text(self) -> str:
        clean = (ARTICLES / self.source).read_text(encoding="utf-8")
        assert clean.count(self.old) == 1, (self.source, self.old)
        return clean.replace(self.old, self.new)

    def where(self) -> tuple[int, int]:
        text = self.text()
        i = text.index(self.at)
        return text.count("\n", 0, i) + 1, i - (text.rfind("\n", 0, i) + 1) + 1


SLIPS = [
    Slip("toll.txt", "ferry-broadsheet.txt", "Forty-one people died", "Forty-four people died",
         "corran-star-death-toll", "out-of-range", "Forty-four",
         ("claims exactly 44; the fact allows exactly 41", "cue 'died' tied to 'Forty-four'")),
    Slip("rescued.md", "ferry-liveblog.md", "265 survivors", "256 survivors",
         "corran-star-rescued", "out-of-range", "256 survivors",
         ("claims exactly 256; the fact allows exactly 265",)),
    Slip("headline-count.txt", "summit-wire.txt", "Seven delegations walk out",
         "Eight delegations walk out", "osterhaven-walkout-count", "out-of-range", "Eight",
         ("claims exactly 8; the fact allows exactly 7",)),
    Slip("part-count.md", "summit-broadsheet.md", "Of the\nseven delegations that walked out",
         "Of the\neight delegations that walked out", "osterhaven-walkout-count",
         "out-of-range", "eight delegations",
         ("claims exactly 8; the fact allows exactly 7", "cue 'walked out' tied to 'eight'")),
    Slip("misquote.html", "bank-analysis.html", "it is not yet beaten, and",
         "it is not yet defeated, and", "vance-inflation-quote", "altered-quote",
         "but it is not yet defeated",
         ("alters Teodora Vance's words", "[-beaten-] {+defeated+}", "- beaten", "+ defeated")),
    Slip("blockquote-misquote.md", "libel-verdict.md",
         '"I have never raised a hand to anyone in my life, on a film set or',
         '"I have never lifted a hand to anyone in my life, on a film set or',
         "ashgrove-denial-quote", "altered-quote", "I have never lifted",
         ("alters Dominic Ashgrove's words", "[-raised-] {+lifted+}")),
    Slip("wrong-speaker.txt", "bank-wire.txt", 'done," Vance told a news conference',
         'done," Quint told a news conference', "vance-inflation-quote", "misattribution",
         "Inflation is falling, but",
         ("attributes the quote to Rafael Quint", "the fact says Teodora Vance said it")),
    Slip("interrupted-speaker.html", "bank-analysis.html",
         "the governor said, looking up from her", "Mr Quint said, looking up from his",
         "vance-inflation-quote", "misattribution", "but it is not yet beaten",
         ("attributes the quote to Rafael Quint ('Mr Quint said')",)),
    Slip("wrong-title.txt", "bank-tabloid.txt", "Deputy Governor Rafael Quint was one",
         "Governor Rafael Quint was one", "quint-role", "wrong-role", "Governor Rafael Quint was",
         ("calls Rafael Quint 'Governor', but the fact gives Rafael Quint's title as "
          "'Deputy Governor'",)),
    Slip("wrong-former.txt", "summit-wire.txt", "Armand, a former foreign minister,",
         "Armand, a former trade minister,", "armand-role", "wrong-role",
         "Armand, a former trade",
         ("calls Juliette Armand a former 'trade minister', but that is a current role",)),
    Slip("skipped.txt", "summit-wire.txt", "Kessaria's Premier Dmitri Ostrow skipped the summit,",
         "Kessaria's Premier Dmitri Ostrow attended the summit,", "osterhaven-attendance",
         "placed-at", "Dmitri Ostrow attended",
         ("places Dmitri Ostrow at Osterhaven trade summit ('attended'); the fact lists "
          "Dmitri Ostrow as absent",)),
    Slip("placed-away.txt", "libel-courtreport.txt",
         "who attended every day of the first week of the trial,",
         "who did not attend the trial,", "libel-trial-attendance", "placed-away",
         "Mr Ashgrove, 44",
         ("places Dominic Ashgrove away from Ashgrove libel trial ('did not attend'); the "
          "fact lists Dominic Ashgrove as present",)),
    Slip("misspelt.md", "ferry-liveblog.md", "Transport Minister Oskar Lindqvist tells",
         "Transport Minister Oscar Lindqvist tells", "lindqvist-spelling", "avoided-spelling",
         "Oscar Lindqvist", ("writes 'Oscar Lindqvist'; house style is 'Oskar Lindqvist'",)),
    Slip("walk-out.md", "summit-broadsheet.md", 'called the walkout "theatre"',
         'called the walk-out "theatre"', "walkout-spelling", "avoided-spelling", "walk-out",
         ("writes 'walk-out'; house style is 'walkout'",)),
    Slip("forbidden.txt", "libel-tabloid.txt",
         "He has told the Clarion that Ashgrove shoved him", "Ashgrove shoved him",
         "no-assault-as-fact", "forbidden", "Ashgrove shoved",
         ("asserts 'Ashgrove shoved', which the fact forbids; nothing in the sentence "
          "reports it as a claim",)),
    Slip("no-full-name.txt", "ferry-wire.txt",
         "the Norvanian Maritime Safety Authority (NMSA)", "the NMSA", "nmsa-full-name",
         "missing-required", "NMSA",
         ("mentions 'NMSA' but never matches the required pattern "
          "'Norvanian Maritime Safety Authority'",)),
]


def test_the_slips_cover_every_kind() -> None:
    kinds = {
        "out-of-range": "quantity", "altered-quote": "quote", "misattribution": "quote",
        "wrong-role": "role", "placed-at": "attendance", "placed-away": "attendance",
        "avoided-spelling": "spelling", "forbidden": "pattern", "missing-required": "pattern"}
    assert {kinds[s.reason] for s in SLIPS} == KINDS
    assert len({s.copy for s in SLIPS}) == len(SLIPS)


@pytest.mark.parametrize("slip", SLIPS, ids=[s.copy for s in SLIPS])
def test_a_deliberate_error_is_caught_where_it_is_and_nothing_else(
        newsroom: pytest.Pytester, slip: Slip) -> None:
    (newsroom.path / "errors").mkdir()
    (newsroom.path / "errors" / slip.copy).write_text(slip.text(), encoding="utf-8")
    result = newsroom.runpytest("--factcheck", "errors/", "--factcheck-report", "report.json")
    report = _report(newsroom)
    found = [(f["id"], x["reason"], x["line"], x["column"])
             for f in report["facts"] for x in f["findings"] if x["status"] == "contradiction"]
    line, column = slip.where()
    assert found == [(slip.fact, slip.reason, line, column)]
    assert result.ret == 1
    result.assert_outcomes(passed=24, failed=1)
    result.stdout.fnmatch_lines([f"errors/{slip.copy}:{line}:{column}: {slip.reason}"])
    out = result.stdout.str()
    for fragment in slip.says:
        assert fragment in out, fragment
    assert "Traceback" not in out


def test_all_slips_together_with_the_clean_articles(newsroom: pytest.Pytester) -> None:
    shutil.copytree(ARTICLES, newsroom.path / "articles")
    (newsroom.path / "errors").mkdir()
    for slip in SLIPS:
        (newsroom.path / "errors" / slip.copy).write_text(slip.text(), encoding="utf-8")
    result = newsroom.runpytest("--factcheck", "articles/", "errors/",
                                "--factcheck-report", "report.json")
    report = _report(newsroom)
    found = sorted((x["article"], f["id"], x["reason"], x["line"], x["column"])
                   for f in report["facts"] for x in f["findings"]
                   if x["status"] == "contradiction")
    assert found == sorted((f"errors/{s.copy}", s.fact, s.reason, *s.where()) for s in SLIPS)
    assert result.ret == 1


# ---------------------------------------------------------------------------
# 3. The traps, sentence by sentence
# ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def facts() -> dict[str, LoadedFact]:
    catalog = load_catalog([FACTS / "newsroom.yaml"])
    assert not catalog.problems
    return {f.fact.id: f for f in catalog.facts}


def verdict(fact: LoadedFact, text: str) -> set[str]:
    result = check_fact(fact, [PreparedArticle(Article.from_text(text, "a.txt"))])
    got = {f.status for f in result.findings}
    return got | ({"note"} if result.notes else set())


TRAPS = [
    # quantity: a number after the cue and a comma that opens its own clause
    ("osterhaven-walkout-count",
     "Of the seven delegations that walked out, four are net food exporters.", {"consistent"}),
    ("osterhaven-walkout-count",
     "Of the eight delegations that walked out, four are net food exporters.",
     {"contradiction"}),
    ("osterhaven-walkout-count", "Seven delegations walked out, six of them from the south.",
     {"consistent"}),
    ("corran-star-death-toll", "Of the 41 who died on the ferry, 11 were members of a choir.",
     {"consistent"}),
    ("corran-star-death-toll", "Of the 44 who died on the ferry, 11 were members of a choir.",
     {"contradiction"}),
    # quantity: a capacity is not how many were on board
    ("corran-star-on-board",
     "The ferry was licensed to carry 640 passengers and crew; it was less than half full.",
     {"note"}),
    ("corran-star-on-board", "The ferry had a capacity of 640 passengers and crew.", {"note"}),
    ("corran-star-on-board", "The ferry was carrying 640 passengers and crew.",
     {"contradiction"}),
    # quantity: counts split between parties that add up to the total
    ("ashgrove-trial-witnesses",
     "The Clarion will call eight witnesses at the trial; Mr Ashgrove's side will call six.",
     {"note"}),
    ("ashgrove-trial-witnesses", "The trial heard from 12 witnesses over three weeks.",
     {"contradiction"}),
    # quantity: the missing are a rival count in a list of figures
    ("corran-star-death-toll",
     "The ferry figures: 41 people confirmed dead, six still missing, 265 survivors.",
     {"consistent"}),
    # attendance: another occasion named by a month or "last quarter's"
    ("bank-press-conference-attendance",
     "Sorensen attended the bank's press conference in February.", set()),
    ("bank-press-conference-attendance",
     "Ms Sorensen, who attended last quarter's press conference, sent her apologies.", set()),
    ("bank-press-conference-attendance",
     "Ms Sorensen attended the press conference in May.", {"contradiction"}),
    ("osterhaven-attendance",
     "Ostrow, who hosted the previous summit in 2019, gave no reason for staying away.", set()),
    # attendance: an age set off by commas keeps the subject
    ("libel-trial-attendance", "Mr Ashgrove, 44, who did not attend the trial, stayed home.",
     {"contradiction"}),
    ("libel-trial-attendance",
     "Lord Felix Dunmore, 71, who did not attend the trial, issued a statement.",
     {"consistent"}),
    # role: dropping "Deputy" is another office, not a shorter form
    ("quint-role", "Governor Rafael Quint voted against.", {"contradiction"}),
    ("quint-role", "Deputy Governor Rafael Quint voted against.", {"consistent"}),
    ("quint-role", "Rafael Quint, the deputy governor, voted against.", {"consistent"}),
    ("vance-role", "Governor Teodora Vance spoke first.", {"consistent"}),
    ("lindqvist-role", "He was fisheries minister until last year's reshuffle.", set()),
    # quote: "her notes" is no speech verb; the interrupted quote keeps its speaker
    ("vance-inflation-quote",
     '"Inflation is falling," Mr Quint said, looking up from his notes, "but it is not yet '
     'beaten, and we will not declare victory before the job is done."', {"contradiction"}),
    ("vance-inflation-quote",
     '"Inflation is falling," the governor said, looking up from her notes, "but it is not '
     'yet beaten, and we will not declare victory before the job is done."', {"consistent"}),
    # quote: "NAME, who told reporters:" attributes to NAME
    ("armand-surrender-quote",
     "Outside the hall stood Pavel Renko, who told reporters: \"We did not come here "
     "to sign a surrender dressed up as a partnership.\"", {"contradiction"}),
    # (a name after a preposition stays no subject, even before "who": not read)
    ("armand-surrender-quote",
     "The walkout was led by Pavel Renko, who told reporters outside: \"We did not come here "
     "to sign a surrender dressed up as a partnership.\"", {"consistent"}),
    ("armand-surrender-quote",
     "The walkout was led by a friend of Pavel Renko, who told reporters outside: \"We did "
     "not come here to sign a surrender dressed up as a partnership.\"", {"consistent"}),
    # pattern: the claim reported, not asserted
    ("no-certain-rate-cut", "City traders reckon a rate cut is certain by Christmas.",
     {"consistent"}),
    ("no-certain-rate-cut", "A rate cut is certain by Christmas.", {"contradiction"}),
]


@pytest.mark.parametrize(("fact_id", "text", "expected"), TRAPS,
                         ids=[f"{f}:{t[:40]}" for f, t, _ in TRAPS])
def test_trap(facts: dict[str, LoadedFact], fact_id: str, text: str,
              expected: set[str]) -> None:
    assert verdict(facts[fact_id], text) == expected


def test_a_part_after_including_never_adds_up_with_the_total(tmp_path: Path) -> None:
    """"killed 58 people, including 12 children" claims 58: the 12 are among them."""
    from pytest_factcheck.article import Article, prepare
    from pytest_factcheck.loader import load_catalog

    (tmp_path / "f.yaml").write_text(
        "facts:\n  - id: toll\n    kind: quantity\n    about: [Khan Sheikhoun]\n"
        "    cues: [killed]\n    min: 70\n    max: 100\n", encoding="utf-8")
    (loaded,) = load_catalog([tmp_path / "f.yaml"]).facts
    art = prepare(Article.from_text(
        "The chemical attack in Khan Sheikhoun killed 58 people, including 12 children.", "a"))
    result = check_fact(loaded, [art])
    assert [(f.status, f.matched) for f in result.findings] == [("contradiction", "killed 58")]
