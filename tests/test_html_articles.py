"""HTML articles: the text of the page, located at the stored line and column."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.articles import parse_article

from .data.editors import findings, line_col, read, where

PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Sergey Lavrov in Moscow | The Daily</title>
  <meta name="date" content="2017-04-12">
  <meta property="og:slug" content="lavrov-moscow">
  <style>p.sergey-lavrov { color: red } /* Sergey Lavrov */</style>
  <script>var who = "Sergey Lavrov"; if (a < b && c > d) {}</script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/people/sergey-lavrov">Sergey Lavrov</a></nav>
<article>
  <h1>Tillerson meets Russia's foreign minister</h1>
  <p>Rex Tillerson met <b>Sergey</b> Lavrov &amp; aides on Wednesday.</p>
  <aside>Related: Sergey Lavrov's career</aside>
  <p>The two men
     spoke for two hours.</p>
</article>
<footer>&copy; The Daily</footer>
</body>
</html>
"""


def contradictions(source: str, name: str = "story.html") -> list[tuple[str, int, int, str]]:
    return where(findings(source, name, "contradiction"), source)


def test_page_text_only_script_style_nav_aside_title_dropped() -> None:
    line, col = line_col(PAGE, "<b>Sergey")
    assert (line, col) == (15, 24)
    # The <title> is a headline, checked since headlines are (tests/test_headlines.py).
    assert contradictions(PAGE) == [("lavrov-spelling", 5, 10, "Sergey Lavrov"),
                                    ("lavrov-spelling", 15, 27, "Sergey</b> Lavrov")]


def test_metadata_from_head() -> None:
    art = parse_article(PAGE.encode(), "a.html", ".html")
    assert art.meta["title"] == "Sergey Lavrov in Moscow | The Daily"
    assert art.meta["date"] == "2017-04-12"
    assert art.meta["slug"] == "lavrov-moscow"


def test_paragraphs_come_from_block_elements() -> None:
    art = read(PAGE, "a.html")
    paras = [art.surface[p.start:p.end] for p in art.paragraphs]
    assert paras == [
        "Sergey Lavrov in Moscow | The Daily",  # the <title>: a headline, checked
        "Tillerson meets Russia's foreign minister",
        "Rex Tillerson met Sergey Lavrov & aides on Wednesday.",
        "The two men spoke for two hours.",
        "© The Daily",
    ]
    src = "<h2>Talks with Sergey</h2><p>Lavrov was not there.</p>"
    assert contradictions(src) == []
    src = "<ul><li>Talks with Sergey</li><li>Lavrov's deputy</li></ul>"
    assert contradictions(src) == []


def test_entities_keep_locations() -> None:
    src = "<p>Tillerson &amp; Sergey&nbsp;Lavrov met.</p>\n<p>Bashar&#160;Assad &#8212; no.</p>"
    assert contradictions(src) == [
        ("assad-spelling", 2, 4, "Bashar&#160;Assad"),
        ("lavrov-spelling", 1, 20, "Sergey&nbsp;Lavrov"),
    ]
    art = read(src, "a.html")
    assert "Tillerson & Sergey Lavrov met." in art.surface
    assert "Bashar Assad - no." in art.surface


def test_entity_without_semicolon() -> None:
    src = "<p>R&amp D &amp Sergey Lavrov</p>"
    assert contradictions(src) == [("lavrov-spelling", 1, 17, "Sergey Lavrov")]


def test_inline_markup_and_links_inside_names() -> None:
    src = ('<p>He met <a href="https://example.org/Sergey Lavrov" title="Sergey Lavrov">'
           "Sergey <em>Lavrov</em></a>.</p>")
    line, col = line_col(src, ">Sergey <em>")
    assert contradictions(src) == [("lavrov-spelling", line, col + 1, "Sergey <em>Lavrov")]


def test_tags_spread_over_lines_and_crlf() -> None:
    src = ('<p\r\n  class="lede">The minister,\r\n<span\r\n data-x="1">Sergey</span>'
           "\r\nLavrov, spoke.</p>\r\n")
    assert contradictions(src) == [("lavrov-spelling", 4, 13, "Sergey</span>\r\nLavrov")]


def test_line_break_tag_does_not_split_a_sentence_but_ends_a_line() -> None:
    src = "<p>The minister Sergey<br>Lavrov spoke.</p>"
    assert contradictions(src) == [("lavrov-spelling", 1, 17, "Sergey<br>Lavrov")]
    src = "<p>He met Sergei.<br/>Lavrov's aides were there.</p>"
    art = read(src, "a.htm")
    assert len(art.paragraphs) == 2


def test_code_comments_and_forms_are_not_checked() -> None:
    src = ("<p>Text.</p><pre><code>Sergey Lavrov</code></pre>"
           "<!-- Sergey Lavrov --><p>Use <code>Sergey Lavrov</code> here.</p>"
           "<noscript>Sergey Lavrov</noscript><textarea>Sergey Lavrov</textarea>"
           "<template><p>Sergey Lavrov</p></template>")
    assert contradictions(src) == []


def test_pattern_across_inline_tags() -> None:
    src = "<p>Officials say <i>Russia knew</i> in advance.</p>"
    assert contradictions(src) == []  # a claim reported, not asserted
    src = "<p>It is clear that <i>Russia knew</i> in advance.</p>"
    assert contradictions(src) == [("no-foreknowledge-as-fact", 1, 24,
                                     "Russia knew</i> in advance")]


def test_nested_dropped_elements_end_where_they_close() -> None:
    src = ("<aside><nav>Sergey Lavrov</nav>Sergey Lavrov</aside>"
           "<p>Then Sergey Lavrov spoke.</p>")
    line, col = line_col(src, "Sergey Lavrov", nth=2)
    assert contradictions(src) == [("lavrov-spelling", line, col, "Sergey Lavrov")]


HTML_ALPHABET = st.sampled_from(
    ["<p>", "</p>", "<b>", "</b>", "<br>", "<script>", "</script>", "<!--", "-->", "&amp;",
     "&nbsp;", "&#8217;", "&", "<", ">", "\"", "=", " ", "\n", "\r\n", "a", "Sergey",
     "Lavrov", ".", "<nav>", "</nav>", "<a href='x'>", "</a>", "<![CDATA[", "]]>", "<?x",
     "\u00e9", "\ufeff"])


@settings(deadline=None, max_examples=300)
@given(st.lists(HTML_ALPHABET, max_size=60).map("".join))
def test_any_html_reads_without_crash_and_keeps_offsets(text: str) -> None:
    art = parse_article(text.encode(), "a.html", ".html")
    assert len(art.text) == len(text)
    prepared = read(text, "a.html")
    for p in prepared.paragraphs:
        s, e = prepared.to_source(p.start, p.end)
        assert 0 <= s <= e <= len(text)
