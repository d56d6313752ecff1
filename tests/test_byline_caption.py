"""A byline or credit line without closing punctuation does not run into the
caption below it, in plain text and in Markdown, so that a title before a name
in the caption is read (role kind); and a pronoun still resolves to a person
named in the paragraph above (SPEC §3a, quote and segmentation bullets).

Prose written for these tests: a flood story with a two-name byline and a
photo caption.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pytest_factcheck.article import PreparedArticle
from pytest_factcheck.articles import parse_article

from .kindkit import assert_verdict, catalog, check_fact, verdict

pytest_plugins = ["pytester"]

DESK = """\
entities:
  ferris:
    name: Ana Ferris
    aliases: [Ms Ferris]
  roe:
    name: John Roe
  quint:
    name: Tomas Quint
    aliases: [Mr Quint]
facts:
  - id: ferris-role
    kind: role
    entity: ferris
    roles: [Mayor, mayor of Dunmore]
  - id: quint-role
    kind: role
    entity: quint
    roles: [Governor]
"""

HEADLINE = "Flood fund agreed after late-night talks"
BODY = ("The council's emergency committee met on Monday evening to discuss the\n"
        "flooding, which has closed three roads and forced 40 families from their homes.\n")


def _article(text: str, suffix: str) -> PreparedArticle:
    return PreparedArticle(parse_article(text.encode(), f"flood{suffix}", suffix))


def _findings(tmp_path: Path, text: str, suffix: str, fact: str) -> set[str]:
    cat = catalog(tmp_path, DESK)
    loaded = next(f for f in cat.facts if f.fact.id == fact)
    result = check_fact(loaded, [_article(text, suffix)])
    got = {f.status for f in result.findings}
    return got | ({"note"} if result.notes else set())


CAPTIONS = [
    # the caption's title-before-name is read, right or wrong
    ("Jane Doe, and John Roe\nGovernor Ana Ferris speaks to residents outside the flooded "
     "community centre on Monday.", "ferris-role", "C"),
    ("Jane Doe, and John Roe\nMayor Ana Ferris speaks to residents outside the flooded "
     "community centre on Monday.", "ferris-role", "ok"),
    ("By Jane Doe and Tomas Quint\nMayor Ana Ferris speaks to residents outside the flooded "
     "community centre on Monday.", "quint-role", "-"),
    ("Photograph: John Roe\nGovernor Tomas Quint tours the flooded high street in Dunmore "
     "on Monday afternoon.", "quint-role", "ok"),
    ("Photograph: John Roe\nMayor Tomas Quint tours the flooded high street in Dunmore on "
     "Monday afternoon.", "quint-role", "C"),
]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@pytest.mark.parametrize(("lines", "fact", "want"), CAPTIONS)
def test_caption_title_is_read_after_a_byline(tmp_path: Path, suffix: str, lines: str,
                                              fact: str, want: str) -> None:
    text = f"{HEADLINE}\n{lines}\n\n{BODY}"
    assert_verdict(_findings(tmp_path, text, suffix, fact), want)


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_byline_and_caption_are_paragraphs_of_their_own(suffix: str) -> None:
    text = (f"{HEADLINE}\nJane Doe, and John Roe\nMayor Ana Ferris speaks to residents "
            f"outside the flooded community centre on Monday.\n\n{BODY}")
    art = _article(text, suffix)
    paras = [art.surface[p.start:p.end] for p in art.paragraphs]
    assert paras[:2] == [HEADLINE, "Jane Doe, and John Roe"]
    assert paras[2].startswith("Mayor Ana Ferris speaks")


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_wrapped_markdown_or_text_paragraph_stays_whole(suffix: str) -> None:
    art = _article(BODY, suffix)
    assert len(art.paragraphs) == 1


def test_html_lines_are_not_paragraphs() -> None:
    # In HTML the source's line breaks mean nothing: a <p> is one paragraph.
    src = "<p>Jane Doe, and John Roe\nMayor Ana Ferris speaks to residents outside.</p>"
    art = _article(src, ".html")
    assert len(art.paragraphs) == 1


QUOTE = """\
entities:
  ferris:
    name: Ana Ferris
    aliases: [Ms Ferris, the mayor]
  quint:
    name: Tomas Quint
    aliases: [Mr Quint]
facts:
  - id: ferris-homes
    kind: quote
    speaker: ferris
    text: Every family that lost a home will be housed before the winter.
"""
ALTERED = "Every family that lost a home will be housed before the spring"


@pytest.mark.parametrize(("text", "want"), [
    # the name is in the paragraph above: the pronoun still resolves
    (f"Ms Ferris toured the flooded streets on Monday.\n\n\"{ALTERED},\" she said.", "C"),
    # (near words given to another person: a misattribution, through the pronoun)
    (f"Mr Quint toured the flooded streets on Monday.\n\n\"{ALTERED},\" he said.", "C"),
    (f"Mr Quint toured the flooded streets on Monday.\n\n\"{ALTERED},\" she said.", "-"),
    (f"Ms Ferris toured the flooded streets on Monday.\n\n\"{ALTERED[:-6]}winter,\" she "
     "said.", "ok"),
    # hard-wrapped paragraph above, one line per paragraph below
    ("The mayor, Ana Ferris, toured the flooded streets of the old town on Monday and\n"
     "promised help.\n"
     f"\"{ALTERED},\" she said.", "C"),
    # a byline line between the name and the pronoun does not hide the name
    (f"Ms Ferris toured the flooded streets on Monday.\n\"{ALTERED},\" she told reporters.",
     "C"),
    # two paragraphs up is too far
    (f"Ms Ferris toured the flooded streets on Monday.\n\nThe water had gone.\n\n"
     f"It was cold. \"{ALTERED},\" she said.", "-"),
])
def test_pronoun_after_a_name_in_the_paragraph_above(tmp_path: Path, text: str,
                                                     want: str) -> None:
    assert_verdict(verdict(tmp_path, QUOTE, text), want)


def test_markdown_caption_end_to_end(pytester: pytest.Pytester) -> None:
    pytester.makefile(".yaml", **{"facts/desk": DESK})
    (pytester.path / "articles").mkdir()
    src = (f"# {HEADLINE}\n\nJane Doe, and John Roe\nGovernor Ana Ferris speaks to "
           f"residents outside the flooded community centre on Monday.\n\n{BODY}")
    (pytester.path / "articles" / "flood.md").write_text(src, encoding="utf-8")
    result = pytester.runpytest("--factcheck", "articles/", "--factcheck-report", "r.json")
    assert result.ret == 1
    report = json.loads((pytester.path / "r.json").read_text(encoding="utf-8"))
    role = next(f for f in report["facts"] if f["id"] == "ferris-role")
    bad = [(x["article"], x["line"], x["matched"]) for x in role["findings"]
           if x["status"] == "contradiction"]
    assert bad == [("articles/flood.md", 4, "Governor Ana Ferris")]
