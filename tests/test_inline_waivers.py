"""Inline waivers: ``<!-- factcheck: ignore ID -- reason -->`` and off/on regions."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.articles import parse_article

from .data.editors import HOUSE, findings, read

pytest_plugins = ["pytester"]


def statuses(source: str, name: str) -> list[tuple[str, int, str, str]]:
    """(fact, line, status, waiver) of each non-consistent finding."""
    return sorted((f.fact_id, f.line, f.status, f.waiver)
                  for f in findings(source, name) if f.status != "consistent")


MD = """\
# Moscow talks

<!-- factcheck: ignore lavrov-spelling -- quotes the 2015 headline verbatim -->
The headline read: Sergey Lavrov warns the West. Bashar Assad was not named.

Later, Sergey Lavrov spoke again.
"""


def test_ignore_waives_that_fact_in_the_following_paragraph_only() -> None:
    assert statuses(MD, "a.md") == [
        ("assad-spelling", 4, "contradiction", ""),
        ("lavrov-spelling", 4, "waived", "quotes the 2015 headline verbatim [inline, line 3]"),
        ("lavrov-spelling", 6, "contradiction", ""),
    ]


def test_waiver_is_read_into_the_article_model() -> None:
    art = parse_article(MD.encode(), "a.md", ".md")
    [w] = art.waivers
    assert (w.fact_id, w.reason, w.line, w.column, w.problem) == (
        "lavrov-spelling", "quotes the 2015 headline verbatim", 3, 1, "")
    covered = art.text[w.start:w.end].replace("\u200b", "").strip()
    assert covered == ("The headline read: Sergey Lavrov warns the West. "
                       "Bashar Assad was not named.")


HTML = """\
<article>
<p>Sergey Lavrov arrived.</p>
<!-- factcheck: ignore lavrov-spelling, assad-spelling -- archive caption, kept as printed -->
<figure><figcaption>Sergey Lavrov and Bashar Assad in 2015</figcaption></figure>
<p>Sergey Lavrov left.</p>
</article>
"""


def test_html_waiver_with_several_facts() -> None:
    reason = "archive caption, kept as printed [inline, line 3]"
    assert statuses(HTML, "a.html") == [
        ("assad-spelling", 4, "waived", reason),
        ("lavrov-spelling", 2, "contradiction", ""),
        ("lavrov-spelling", 4, "waived", reason),
        ("lavrov-spelling", 5, "contradiction", ""),
    ]


def test_off_on_region_waives_every_fact() -> None:
    src = ("Sergey Lavrov came.\n\n"
           "<!-- factcheck: off -->\n"
           "A 2015 letter, reproduced:\n\n"
           "> Sergey Lavrov and Bashar Assad agreed.\n\n"
           "<!-- factcheck: on -->\n\n"
           "Sergey Lavrov went.\n")
    got = statuses(src, "a.md")
    assert got == [
        ("assad-spelling", 6, "waived", "inside 'factcheck: off' (line 3) [inline, line 3]"),
        ("lavrov-spelling", 1, "contradiction", ""),
        ("lavrov-spelling", 6, "waived", "inside 'factcheck: off' (line 3) [inline, line 3]"),
        ("lavrov-spelling", 10, "contradiction", ""),
    ]


def test_off_with_reason_and_never_turned_on() -> None:
    src = ("<p>Sergey Lavrov came.</p>\n"
           "<!-- factcheck: off -- reprint of a 2015 wire story -->\n"
           "<p>Sergey Lavrov went.</p>\n<p>Bashar Assad stayed.</p>\n")
    assert statuses(src, "a.htm") == [
        ("assad-spelling", 4, "waived", "reprint of a 2015 wire story [inline, line 2]"),
        ("lavrov-spelling", 1, "contradiction", ""),
        ("lavrov-spelling", 3, "waived", "reprint of a 2015 wire story [inline, line 2]"),
    ]


def test_inline_comment_waives_the_rest_of_its_paragraph() -> None:
    src = ("He met Sergey Lavrov. <!-- factcheck: ignore lavrov-spelling -- as quoted --> "
           "Sergey Lavrov said so.\n\nSergey Lavrov left.\n")
    assert [(f.column, f.status) for f in findings(src, "a.md")
            if f.fact_id == "lavrov-spelling"] == [
        (8, "contradiction"), (79, "waived"), (1, "contradiction")]


def test_comment_in_code_is_not_a_waiver() -> None:
    src = ("```html\n<!-- factcheck: off -->\n```\n\nSergey Lavrov came.\n")
    art = parse_article(src.encode(), "a.md", ".md")
    assert art.waivers == ()
    assert statuses(src, "a.md") == [("lavrov-spelling", 5, "contradiction", "")]


@pytest.mark.parametrize(("comment", "problem"), [
    ("factcheck: ignore lavrov-spelling", "gives no reason"),
    ("factcheck: ignore lavrov-spelling --", "gives no reason"),
    ("factcheck: ignore -- why", "names no fact"),
    ("factcheck: ignroe lavrov-spelling -- why", "unknown factcheck directive 'ignroe'"),
    ("factcheck: off lavrov-spelling", "takes no fact id"),
    ("factcheck: on", "without a 'factcheck: off'"),
    ("factcheck: ignore lavrov-spelling because quoted", "gives no reason"),
    ("factcheck: ignore Lavrov_Spelling -- why", "is not a fact id"),
    ("factcheck:", "empty factcheck directive"),
])
def test_malformed_waivers_waive_nothing(comment: str, problem: str) -> None:
    src = f"Intro.\n\n<!-- {comment} -->\nSergey Lavrov came.\n"
    art = parse_article(src.encode(), "a.md", ".md")
    [w] = art.waivers
    assert problem in w.problem
    assert w.line == 3
    assert statuses(src, "a.md") == [("lavrov-spelling", 4, "contradiction", "")]


def test_other_comments_are_not_directives() -> None:
    src = "<!-- TODO: check the factcheck: later -->\n<p>Sergey Lavrov.</p>"
    assert parse_article(src.encode(), "a.html", ".html").waivers == ()


def test_waiver_offsets_survive_inserted_paragraph_breaks() -> None:
    src = ("# Heading one\nText one.\n# Heading two\n"
           "<!-- factcheck: ignore lavrov-spelling -- quoted -->\n"
           "Sergey Lavrov came.\n")
    assert statuses(src, "a.md") == [("lavrov-spelling", 5, "waived", "quoted [inline, line 4]")]
    art = read(src, "a.md")
    assert art.article.text_map is not None


# -- end to end --------------------------------------------------------------
@pytest.fixture
def newsroom(pytester: pytest.Pytester) -> pytest.Pytester:
    (pytester.path / "facts").mkdir()
    (pytester.path / "facts" / "house.yaml").write_text(HOUSE.read_text("utf-8"), "utf-8")
    (pytester.path / "articles").mkdir()
    return pytester


def test_a_fact_whose_only_contradiction_is_waived_inline_is_xfailed(
        newsroom: pytest.Pytester) -> None:
    (newsroom.path / "articles" / "a.md").write_text(MD.replace("Later, Sergey", "Later, Sergei")
                                                     .replace("Bashar Assad", "Bashar al-Assad"),
                                                     "utf-8")
    result = newsroom.runpytest("--factcheck", "articles/", "--factcheck-report", "r.json", "-rx")
    result.assert_outcomes(passed=2, xfailed=1)
    result.stdout.fnmatch_lines(["*waived: quotes the 2015 headline verbatim ?inline, line 3?*"])
    report = json.loads((newsroom.path / "r.json").read_text("utf-8"))
    fact = next(f for f in report["facts"] if f["id"] == "lavrov-spelling")
    assert fact["outcome"] == "xfailed"
    [waived] = [f for f in fact["findings"] if f["status"] == "waived"]
    assert waived["waiver"].startswith("quotes the 2015 headline verbatim")
    assert (waived["article"], waived["line"]) == ("articles/a.md", 4)


def test_waiver_without_reason_is_an_error_located_in_the_article(
        newsroom: pytest.Pytester) -> None:
    (newsroom.path / "articles" / "a.md").write_text(
        "Intro.\n\n<!-- factcheck: ignore lavrov-spelling -->\nSergey Lavrov came.\n", "utf-8")
    (newsroom.path / "articles" / "b.html").write_text(
        "<p>ok</p>\n<!-- factcheck: ignore lavrov-speling -- typo in the id -->\n<p>x</p>",
        "utf-8")
    result = newsroom.runpytest("--factcheck", "articles/", "--factcheck-report", "r.json")
    assert result.ret == 1
    result.assert_outcomes(passed=2, failed=1)  # the run goes on; the waiver waives nothing
    result.stdout.fnmatch_lines([
        "*articles/a.md:3:1: inline waiver: waiver for lavrov-spelling gives no reason*",
        "*articles/b.html:2:1: inline waiver: no fact 'lavrov-speling' was loaded "
        "(did you mean 'lavrov-spelling'?)*",
    ])
    report = json.loads((newsroom.path / "r.json").read_text("utf-8"))
    assert {(e["file"], e["line"]) for e in report["errors"]} == {
        ("articles/a.md", 3), ("articles/b.html", 2)}


DIRECTIVE_WORDS = st.sampled_from(["factcheck:", "factcheck :", "ignore", "off", "on", "--",
                                   "\u2014", "lavrov-spelling", ",", "why", "Why?", " ", "\n",
                                   "-", "x"])


@settings(deadline=None, max_examples=200)
@given(st.lists(st.lists(DIRECTIVE_WORDS, max_size=8).map(" ".join), max_size=4),
       st.sampled_from([".md", ".html"]))
def test_any_comments_give_sane_waivers(comments: list[str], suffix: str) -> None:
    parts = [f"<!-- {c} -->\n<p>Sergey Lavrov para {i}.</p>\n" if suffix == ".html" else
             f"<!-- {c} -->\nSergey Lavrov para {i}.\n\n" for i, c in enumerate(comments)]
    src = "".join(parts)
    art = parse_article(src.encode(), "a" + suffix, suffix)
    for w in art.waivers:
        assert 0 <= w.start <= w.end <= len(art.text)
        assert w.line >= 1
        assert bool(w.problem) or w.fact_id is None or w.reason
        assert not w.problem or (w.start, w.end) == (0, 0)
