"""Markdown articles as newsrooms store them: front matter, markup, code, locations."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pytest_factcheck.articles import parse_article
from pytest_factcheck.markup import ERASE, markdown_prose

from .data.editors import findings, line_col, read, where

FRONT = """\
---
title: Sergey Lavrov meets Tillerson
date: 2017-04-12
slug: lavrov-tillerson-moscow
tags: [russia]
---
"""


def contradictions(source: str, name: str = "story.md") -> list[tuple[str, int, int, str]]:
    return where(findings(source, name, "contradiction"), source)


def test_front_matter_is_metadata_not_text() -> None:
    art = parse_article((FRONT + "Talks went on.\n").encode(), "a.md", ".md")
    assert art.meta["title"] == "Sergey Lavrov meets Tillerson"
    assert art.meta["date"] == "2017-04-12"
    assert art.meta["slug"] == "lavrov-tillerson-moscow"
    assert art.date == "2017-04-12" and art.title == "Sergey Lavrov meets Tillerson"
    # The front matter's title is published words (a headline): it is checked,
    # located at the value in the file; the other keys stay metadata.
    assert contradictions(FRONT + "Talks went on.\n") == [
        ("lavrov-spelling", 2, 8, "Sergey Lavrov")]


def test_finding_after_front_matter_points_at_the_stored_line_and_column() -> None:
    src = FRONT + "Moscow talks\n\nRex Tillerson met Sergey Lavrov on Wednesday.\n"
    line, col = line_col(src, "Sergey Lavrov", nth=1)  # the first is in the front matter
    assert (line, col) == (9, 19)
    # The front matter's title is a headline: checked too, at its stored place.
    assert contradictions(src) == [("lavrov-spelling", 2, 8, "Sergey Lavrov"),
                                   ("lavrov-spelling", line, col, "Sergey Lavrov")]


def test_front_matter_with_crlf_and_bom() -> None:
    src = "\ufeff" + FRONT.replace("\n", "\r\n") + "He met Sergey Lavrov.\r\n"
    found = contradictions(src)
    assert found == [("lavrov-spelling", 2, 8, "Sergey Lavrov"),  # the title (a headline)
                     ("lavrov-spelling", 7, 8, "Sergey Lavrov")]


def test_emphasis_inside_a_name_is_read_through() -> None:
    src = "Talks in Moscow.\n\n**Sergey** Lavrov said little.\n"
    line, col = line_col(src, "Sergey")
    assert contradictions(src) == [("lavrov-spelling", line, col, "Sergey** Lavrov")]
    src2 = "The talks were led by _Sergey Lavrov_ and Rex Tillerson.\n"
    assert contradictions(src2) == [("lavrov-spelling", 1, 24, "Sergey Lavrov")]


def test_link_text_is_prose_and_link_target_and_title_are_not() -> None:
    src = ("Rex Tillerson met [Sergey Lavrov](https://example.org/people/sergey-lavrov) "
           "in Moscow.\n\n"
           "He met [the minister](https://example.org/x \"Sergey Lavrov\") again.\n\n"
           "See <https://example.org/sergey%20lavrov> and [ref][sl].\n\n"
           "[sl]: https://example.org/ \"Sergey Lavrov\"\n")
    line, col = line_col(src, "Sergey Lavrov")
    assert contradictions(src) == [("lavrov-spelling", line, col, "Sergey Lavrov")]


def test_reference_link_text_is_prose() -> None:
    src = "Talks with [Sergey Lavrov][lavrov] went on.\n\n[lavrov]: https://example.org/\n"
    assert contradictions(src) == [("lavrov-spelling", 1, 13, "Sergey Lavrov")]


def test_headings_are_prose_and_separate_from_the_next_paragraph() -> None:
    src = "## Sergey Lavrov arrives in Lucca ##\nHe was not invited.\n"
    assert contradictions(src) == [("lavrov-spelling", 1, 4, "Sergey Lavrov")]
    # A heading ending in a first name must not run into the next line.
    src = "# Talks with Sergey\nLavrov was not there, officials said.\n"
    assert contradictions(src) == []
    art = read(src, "a.md")
    assert [art.surface[p.start:p.end] for p in art.paragraphs] == [
        "Talks with Sergey", "Lavrov was not there, officials said."]


def test_setext_heading() -> None:
    src = "Sergey Lavrov in Moscow\n=======================\nText follows.\n"
    assert contradictions(src) == [("lavrov-spelling", 1, 1, "Sergey Lavrov")]


def test_list_items_are_separate_paragraphs_and_located() -> None:
    src = ("Who was there:\n\n"
           "- Rex Tillerson\n"
           "- Sergey Lavrov, Russia's foreign minister\n"
           "1. Boris Johnson\n"
           "2) Bashar Assad\n")
    assert contradictions(src) == [
        ("assad-spelling", 6, 4, "Bashar Assad"),
        ("lavrov-spelling", 4, 3, "Sergey Lavrov"),
    ]
    src = "- a meeting with Sergey\n- Lavrov's deputy\n"
    assert contradictions(src) == []


def test_blockquote_lines_join_into_one_paragraph() -> None:
    src = "> The minister, Sergey\n> Lavrov, said nothing new.\n"
    assert contradictions(src) == [("lavrov-spelling", 1, 17, "Sergey\n> Lavrov")]


@pytest.mark.parametrize("block", [
    "```\nprint('Sergey Lavrov')\n```\n",
    "~~~text\nSergey Lavrov\n~~~\n",
    "````md\n```\nSergey Lavrov\n```\n````\n",
    "    Sergey Lavrov in an indented code block\n",
    "Text with `Sergey Lavrov` as inline code.\n",
    "Text with ``a `Sergey Lavrov` b`` as inline code.\n",
    "![Sergey Lavrov](lavrov.jpg)\n",
    "<div class=\"embed\">Sergey Lavrov</div>\n",
    "<!-- Sergey Lavrov: check this -->\n",
])
def test_code_images_and_raw_html_are_not_checked(block: str) -> None:
    src = "Talks went on.\n\n" + block + "\nRussia knew in advance, reports say.\n"
    assert contradictions(src) == []


def test_code_block_is_skipped_but_prose_after_it_is_located() -> None:
    src = ("Intro.\n\n```python\nname = 'Sergey Lavrov'\n```\n\n"
           "Then Sergey Lavrov spoke.\n")
    line, col = line_col(src, "Sergey Lavrov", nth=1)
    assert contradictions(src) == [("lavrov-spelling", line, col, "Sergey Lavrov")]


def test_entities_and_escapes() -> None:
    src = "Rex Tillerson &amp; Sergey&nbsp;Lavrov met. Bashar\\_Assad no.\n"
    found = contradictions(src)
    assert ("lavrov-spelling", 1, 21, "Sergey&nbsp;Lavrov") in found
    art = read(src, "a.md")
    assert "Rex Tillerson & Sergey Lavrov met." in art.surface


def test_table_cells_are_prose() -> None:
    src = "| Name | Role |\n|---|---|\n| Sergey Lavrov | minister |\n"
    assert contradictions(src) == [("lavrov-spelling", 3, 3, "Sergey Lavrov")]


def test_pattern_fact_reads_through_markup() -> None:
    src = "Officials insisted that *Russia knew in advance*.\n"
    found = contradictions(src)
    assert found == [("no-foreknowledge-as-fact", 1, 26, "Russia knew in advance")]
    src = "A US report said that *Russia knew in advance*.\n"
    assert contradictions(src) == []


def test_markdown_extension_variants() -> None:
    src = "He met Sergey Lavrov.\n"
    assert contradictions(src, "x.markdown") == [("lavrov-spelling", 1, 8, "Sergey Lavrov")]
    assert contradictions(src, "X.MD") == [("lavrov-spelling", 1, 8, "Sergey Lavrov")]


def test_unclosed_front_matter_is_text() -> None:
    src = "---\nSergey Lavrov spoke.\n"
    assert contradictions(src) == [("lavrov-spelling", 2, 1, "Sergey Lavrov")]


# -- properties ----------------------------------------------------------------
MD_ALPHABET = st.sampled_from(list(
    "abc XYZ\n\n\t*_`[]()!#>-+|~<>&;\\'\"0123456789.,:\u00e9\u201c\u201d\u200b\ufeff\r"))


@settings(deadline=None, max_examples=300)
@given(st.lists(MD_ALPHABET, max_size=200).map("".join))
def test_prose_keeps_every_character_at_its_offset(text: str) -> None:
    prose = markdown_prose(text)
    assert len(prose.text) == len(text)
    for i, (a, b) in enumerate(zip(prose.text, text, strict=True)):
        assert a in (b, ERASE) or (b == "&" and len(a) == 1), (i, a, b)
        if b in "\r\n":
            assert a == b
    assert list(prose.breaks) == sorted(set(prose.breaks))
    assert all(0 <= b <= len(text) for b in prose.breaks)


@settings(deadline=None, max_examples=200)
@given(st.lists(MD_ALPHABET, max_size=200).map("".join))
def test_reading_any_markdown_never_crashes_and_maps_back(text: str) -> None:
    art = read(text, "a.md")
    for p in art.paragraphs:
        s, e = art.to_source(p.start, p.end)
        assert 0 <= s <= e <= len(text)
        art.line_col(s)


@settings(deadline=None)
@given(st.lists(st.sampled_from(["Sergey", "Lavrov", "met", "the", "minister", ".", ",",
                                 " ", " ", "\n", "\n\n"]), max_size=40).map("".join))
def test_plain_prose_reads_the_same_as_text(text: str) -> None:
    # A line indented by four spaces is an indented code block in Markdown.
    assume(not any(line.startswith("    ") for line in text.split("\n")))
    md = read(text, "a.md")
    txt = read(text, "a.txt")
    assert md.surface == txt.surface
