"""End-to-end: the plugin run as users run it, through pytester."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

HOUSE = """\
facts:
  - id: lavrov-spelling
    kind: spelling
    claim: The house spelling is Sergei Lavrov.
    preferred: Sergei Lavrov
    avoid: [Sergey Lavrov]
    tags: [russia, style]
  - id: opcw-full-name
    kind: pattern
    claim: The OPCW is named in full.
    when: 'prohibition of chemical weapons'
    require: 'organi[sz]ation for the prohibition of chemical weapons'
"""

CLEAN = """\
Mr Tillerson is due to meet his Russian counterpart, Sergei Lavrov, on Wednesday.

The Organisation for the Prohibition of Chemical Weapons will investigate.
"""

DIRTY = """\
The ministers met in Lucca.
Mr Tillerson is due to meet his Russian counterpart,
Sergey Lavrov, but it is not yet decided.
"""


@pytest.fixture
def newsroom(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makefile(".yaml", **{"facts/house": HOUSE})
    (pytester.path / "articles").mkdir()
    (pytester.path / "articles" / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return pytester


def test_clean_articles_pass_with_exit_code_0(newsroom: pytest.Pytester) -> None:
    (newsroom.path / "articles" / "clean.txt").write_text(CLEAN, encoding="utf-8")
    result = newsroom.runpytest("--factcheck", "articles/")
    result.assert_outcomes(passed=2)
    assert result.ret == 0


def test_item_ids_are_fact_file_and_fact_id(newsroom: pytest.Pytester) -> None:
    result = newsroom.runpytest("--factcheck", "articles/", "--collect-only", "-q")
    result.stdout.fnmatch_lines([
        "facts/house.yaml::lavrov-spelling",
        "facts/house.yaml::opcw-full-name",
    ])


def test_contradiction_fails_with_location_sentence_and_counts(
        newsroom: pytest.Pytester) -> None:
    (newsroom.path / "articles" / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    result = newsroom.runpytest("--factcheck", "articles/")
    assert result.ret == 1
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "*fact 'lavrov-spelling' (spelling): The house spelling is Sergei Lavrov.",
        "*defined at facts/house.yaml:2",
        "articles/dirty.txt:3:1: avoided-spelling",
        "*Mr Tillerson is due to meet his Russian counterpart, Sergey Lavrov, but it is not*",
        "*^^^^^^^^^^^^^*",
        "*writes 'Sergey Lavrov'; house style is 'Sergei Lavrov'",
        "articles checked: 2 · consistent: 1 · contradicting: 1 · silent: 0",
    ])
    assert "Traceback" not in result.stdout.str()


def test_caret_sits_under_the_offending_words(newsroom: pytest.Pytester) -> None:
    (newsroom.path / "articles" / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    out = newsroom.runpytest("--factcheck", "articles/").stdout.lines
    i = next(n for n, line in enumerate(out) if "Sergey Lavrov, but" in line)
    line, carets = out[i], out[i + 1]
    start = carets.index("^")
    assert line[start:start + carets.count("^")] == "Sergey Lavrov"


def test_no_facts_collected_exits_5(pytester: pytest.Pytester) -> None:
    (pytester.path / "facts").mkdir()
    (pytester.path / "articles").mkdir()
    result = pytester.runpytest("--factcheck", "articles/")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_only_fact_items_run_without_positional_paths(newsroom: pytest.Pytester) -> None:
    newsroom.makepyfile(test_unit="def test_unit():\n    assert False\n")
    result = newsroom.runpytest("--factcheck", "articles/")
    result.assert_outcomes(passed=2)
    # With a positional path, the unit tests run too.
    result = newsroom.runpytest("test_unit.py", "--factcheck", "articles/")
    result.assert_outcomes(passed=2, failed=1)


def test_select_with_k_and_markers(newsroom: pytest.Pytester) -> None:
    result = newsroom.runpytest("--factcheck", "articles/", "-k", "lavrov")
    result.assert_outcomes(passed=1, deselected=1)
    result = newsroom.runpytest("--factcheck", "articles/", "-m", "pattern")
    result.assert_outcomes(passed=1, deselected=1)
    result = newsroom.runpytest("--factcheck", "articles/", "-m", "russia and factcheck")
    result.assert_outcomes(passed=1, deselected=1)
    result = newsroom.runpytest("--factcheck", "articles/", "-m", "spelling", "--strict-markers")
    result.assert_outcomes(passed=1, deselected=1)


def test_json_report(newsroom: pytest.Pytester) -> None:
    (newsroom.path / "articles" / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    newsroom.runpytest("--factcheck", "articles/", "--factcheck-report", "out/report.json")
    report = json.loads((newsroom.path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["version"] == 2
    assert report["articles"] == ["articles/clean.txt", "articles/dirty.txt"]
    facts = {f["id"]: f for f in report["facts"]}
    spelling = facts["lavrov-spelling"]
    assert (spelling["kind"], spelling["file"], spelling["line"]) == (
        "spelling", "facts/house.yaml", 2)
    assert spelling["outcome"] == "failed"
    bad = [f for f in spelling["findings"] if f["status"] == "contradiction"]
    assert len(bad) == 1
    assert bad[0]["article"] == "articles/dirty.txt"
    assert (bad[0]["line"], bad[0]["column"]) == (3, 1)
    assert bad[0]["reason"] == "avoided-spelling"
    assert "Sergey Lavrov" in bad[0]["excerpt"]
    good = [f for f in spelling["findings"] if f["status"] == "consistent"]
    assert [g["article"] for g in good] == ["articles/clean.txt"]
    assert facts["opcw-full-name"]["outcome"] == "passed"
    assert report["summary"] == {
        "facts": 2, "passed": 1, "failed": 1, "xfailed": 0, "errors": 0,
        "articles": 2, "contradictions": 1, "not_checked": 0}
    assert report["errors"] == []


def test_facts_option_and_ini_options(pytester: pytest.Pytester) -> None:
    pytester.makefile(".yaml", **{"desk/house": HOUSE})
    (pytester.path / "news").mkdir()
    (pytester.path / "news" / "a.txt").write_text(DIRTY, encoding="utf-8")
    result = pytester.runpytest("--factcheck", "news/", "--facts", "desk/")
    result.assert_outcomes(passed=1, failed=1)
    pytester.makeini("[pytest]\nfactcheck_articles = news/\nfactcheck_facts = desk/\n")
    result = pytester.runpytest("--factcheck")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["news/a.txt:3:1: avoided-spelling"])


def test_default_articles_folder_is_articles(newsroom: pytest.Pytester) -> None:
    (newsroom.path / "articles" / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    result = newsroom.runpytest("--factcheck")
    result.assert_outcomes(passed=1, failed=1)


def test_changed_fact_file_as_path_checks_its_facts_against_all_articles(
        newsroom: pytest.Pytester) -> None:
    newsroom.makefile(".yaml", **{"facts/other": """\
facts:
  - id: no-fake-news
    kind: pattern
    forbid: 'fake news'
"""})
    (newsroom.path / "articles" / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    result = newsroom.runpytest("--factcheck", "facts/house.yaml", "--collect-only", "-q")
    result.stdout.fnmatch_lines(["facts/house.yaml::lavrov-spelling",
                                 "facts/house.yaml::opcw-full-name"])
    assert "no-fake-news" not in result.stdout.str()
    result = newsroom.runpytest("--factcheck", "facts/house.yaml")
    result.assert_outcomes(passed=1, failed=1)


def test_changed_article_and_fact_file_together(newsroom: pytest.Pytester) -> None:
    newsroom.makefile(".yaml", **{"facts/other": """\
facts:
  - id: no-fake-news
    kind: pattern
    forbid: 'fake news'
"""})
    (newsroom.path / "articles" / "old.txt").write_text("This is fake news.\n", "utf-8")
    (newsroom.path / "articles" / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    # The changed article is checked against every fact; the old article only
    # against the changed fact file's facts.
    result = newsroom.runpytest("--factcheck", "facts/house.yaml", "articles/dirty.txt")
    result.assert_outcomes(passed=2, failed=1)
    assert "old.txt" not in result.stdout.str()


def test_broken_fact_file_does_not_stop_the_others(newsroom: pytest.Pytester) -> None:
    newsroom.makefile(".yaml", **{"facts/broken": """\
facts:
  - id: bad-one
    kind: spelling
    preferred: Sergei Lavrov
    avoid: [Sergey Lavrov]
    speker: nobody
"""})
    result = newsroom.runpytest("--factcheck", "articles/")
    assert result.ret == 1
    result.assert_outcomes(passed=2, failed=1)  # only the broken fact fails
    result.stdout.fnmatch_lines(["*facts/broken.yaml:6:5: unknown field 'speker'*"])
    assert "Traceback" not in result.stdout.str()


def test_exceptions_waive_contradictions_as_xfail(newsroom: pytest.Pytester) -> None:
    newsroom.makefile(".yaml", **{"facts/house": HOUSE.replace(
        "    tags: [russia, style]\n",
        "    tags: [russia, style]\n    exceptions:\n      - article: 'articles/dirty*'\n"
        "        reason: quoted from a wire story\n      - article: 'archive/*.txt'\n"
        "        reason: nothing there\n")})
    (newsroom.path / "articles" / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    result = newsroom.runpytest("--factcheck", "articles/", "-rx",
                                "--factcheck-report", "r.json")
    result.assert_outcomes(passed=1, xfailed=1)
    assert result.ret == 0
    result.stdout.fnmatch_lines(["*the exception for 'archive/*.txt' matches no article*"])
    result.stdout.fnmatch_lines(["XFAIL*lavrov-spelling*waived: quoted from a wire story"])
    report = json.loads((newsroom.path / "r.json").read_text(encoding="utf-8"))
    fact = next(f for f in report["facts"] if f["id"] == "lavrov-spelling")
    assert fact["outcome"] == "xfailed"
    assert [f["status"] for f in fact["findings"]].count("waived") == 1
    assert any("matches no article" in e["message"] for e in report["errors"])


def test_applies_to_limits_the_articles(newsroom: pytest.Pytester) -> None:
    newsroom.makefile(".yaml", **{"facts/house": HOUSE.replace(
        "    tags: [russia, style]\n", "    applies_to: ['russia/**']\n")})
    (newsroom.path / "articles" / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    result = newsroom.runpytest("--factcheck", "articles/")
    result.assert_outcomes(passed=2)
    (newsroom.path / "articles" / "russia").mkdir()
    (newsroom.path / "articles" / "russia" / "d.txt").write_text(DIRTY, encoding="utf-8")
    result = newsroom.runpytest("--factcheck", "articles/")
    result.assert_outcomes(passed=1, failed=1)


def test_unless_skips_a_window(newsroom: pytest.Pytester) -> None:
    newsroom.makefile(".yaml", **{"facts/house": HOUSE.replace(
        "    tags: [russia, style]\n", "    unless: [counterpart]\n")})
    (newsroom.path / "articles" / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    result = newsroom.runpytest("--factcheck", "articles/")
    result.assert_outcomes(passed=2)


def test_item_location_points_at_the_fact_in_its_yaml(newsroom: pytest.Pytester) -> None:
    (newsroom.path / "articles" / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    result = newsroom.runpytest("--factcheck", "articles/", "-rf")
    result.stdout.fnmatch_lines(["*spelling fact lavrov-spelling*"])


def test_bad_timeout_setting_is_a_usage_error(newsroom: pytest.Pytester) -> None:
    newsroom.makeini("[pytest]\nfactcheck_timeout = soon\n")
    result = newsroom.runpytest("--factcheck", "articles/")
    assert result.ret == pytest.ExitCode.USAGE_ERROR


def test_unreadable_article_is_reported_and_others_checked(newsroom: pytest.Pytester) -> None:
    (newsroom.path / "articles" / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    (newsroom.path / "articles" / "latin1.txt").write_bytes("Caf\xe9 Sergey Lavrov".encode(
        "latin-1"))
    result = newsroom.runpytest("--factcheck", "articles/", "--factcheck-report", "r.json")
    result.assert_outcomes(passed=1, failed=1)
    assert result.ret == 1
    result.stdout.fnmatch_lines(["*skipped article articles/latin1.txt: is not valid UTF-8*"])
    report = json.loads(Path(newsroom.path / "r.json").read_text(encoding="utf-8"))
    assert any(e["file"] == "articles/latin1.txt" for e in report["errors"])


def test_excerpt_collapses_wrapped_and_indented_source() -> None:
    from pytest_factcheck.engine import make_excerpt

    text = "He met   his  counterpart,\n    Sergey Lavrov, today."
    start = text.index("Sergey")
    excerpt, s, e = make_excerpt(text, start, start + 13)
    assert excerpt == "He met his counterpart, Sergey Lavrov, today."
    assert excerpt[s:e] == "Sergey Lavrov"


def test_excerpt_of_a_long_sentence_is_cut_at_words_around_the_mark() -> None:
    from pytest_factcheck.engine import make_excerpt

    text = " ".join(f"word{i}" for i in range(80)) + " Sergey Lavrov " + " ".join(
        f"tail{i}" for i in range(80))
    start = text.index("Sergey")
    excerpt, s, e = make_excerpt(text, start, start + 13, width=60)
    assert excerpt.startswith("...word") and excerpt.endswith("...")
    assert excerpt[s:e] == "Sergey Lavrov"
    assert all(w.startswith(("word", "tail", "Sergey", "Lavrov", "..."))
               for w in excerpt.split())


def test_a_fact_without_claim_is_summed_up_in_the_header(newsroom: pytest.Pytester) -> None:
    newsroom.makefile(".yaml", **{"facts/house": HOUSE.replace(
        "    claim: The house spelling is Sergei Lavrov.\n", "")})
    (newsroom.path / "articles" / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    result = newsroom.runpytest("--factcheck", "articles/")
    result.stdout.fnmatch_lines([
        "fact 'lavrov-spelling' (spelling): house style is 'Sergei Lavrov', not Sergey Lavrov"])


def test_no_fact_files_says_where_it_looked(pytester: pytest.Pytester) -> None:
    (pytester.path / "articles").mkdir()
    result = pytester.runpytest("--factcheck")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    result.stdout.fnmatch_lines(["factcheck: no fact files (*.yaml, *.yml) found in facts*"])
