"""The HTML report: built from a real run, then driven in headless Chromium."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.article import Article
from pytest_factcheck.outputs.html_report import build_page_data, render_html_report

from .data.cdp import Browser, wait_until
from .data.editors import HOUSE

pytest_plugins = ["pytester"]

TALKS = """\
---
title: Tillerson in Moscow
date: 2017-04-12
slug: tillerson-moscow
---
# Talks

Rex Tillerson met **Sergey** Lavrov on Wednesday.
"""

PROFILE = """\
<html><head><title>Profile</title></head><body>
<p>Sergei Lavrov has been foreign minister since 2004.</p>
<p>Bashar al-Assad was not discussed. <script>var x = "</p>";</script></p>
</body></html>
"""

WIRE = """\
<!-- factcheck: ignore assad-spelling -- agency copy, kept as filed -->
Bashar Assad's office did not comment. 🙂 Officials insisted Russia knew in advance.
"""


@pytest.fixture(scope="module")
def report_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the plugin (in a subprocess) over three articles; return the HTML page."""
    import subprocess
    import sys

    root = tmp_path_factory.mktemp("html-report")
    (root / "facts").mkdir()
    (root / "facts" / "house.yaml").write_text(HOUSE.read_text("utf-8"), "utf-8")
    (root / "articles").mkdir()
    (root / "articles" / "talks.md").write_text(TALKS, "utf-8")
    (root / "articles" / "profile.html").write_text(PROFILE, "utf-8")
    (root / "articles" / "wire.md").write_text(WIRE, "utf-8")
    (root / "pytest.ini").write_text("[pytest]\n", "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--factcheck", "articles/",
         "--factcheck-html", "out/report.html", "--factcheck-report", "out/report.json"],
        cwd=root, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "HTML report written to out/report.html" in proc.stdout
    return root / "out" / "report.html"


def page_data(page: Path) -> dict[str, Any]:
    text = page.read_text("utf-8")
    start = text.index('<script type="application/json" id="factcheck-data">') + 52
    return json.loads(text[start:text.index("</script>", start)])  # type: ignore[no-any-return]


def test_page_is_self_contained(report_page: Path) -> None:
    text = report_page.read_text("utf-8")
    assert "http://" not in text and "https://" not in text and "src=" not in text
    assert "default-src 'none'" in text
    # Article text that looks like markup cannot end the data script.
    assert text.count("</script>") == 2


def test_page_data_counts_and_marks(report_page: Path) -> None:
    data = page_data(report_page)
    assert [f["id"] for f in data["facts"]] == [
        "lavrov-spelling", "assad-spelling", "no-foreknowledge-as-fact"]
    assert [a["path"] for a in data["articles"]] == [
        "articles/profile.html", "articles/talks.md", "articles/wire.md"]
    assert data["counts"] == {"contradiction": 2, "waived": 1, "unsure": 0, "consistent": 2,
                              "silent": 4}
    talks = data["articles"][1]
    assert (talks["title"], talks["date"], talks["slug"]) == (
        "Tillerson in Moscow", "2017-04-12", "tillerson-moscow")
    # The text as read: the headline, then the body, no front matter or markup.
    assert talks["paragraphs"] == [
        "Tillerson in Moscow", "Talks", "Rex Tillerson met Sergey Lavrov on Wednesday."]
    assert "source" not in talks
    [x] = data["cells"]["0:1"]["findings"]
    assert x["status"] == "contradiction"
    assert talks["paragraphs"][x["para"]][x["start"]:x["end"]] == "Sergey Lavrov"
    # Offsets count code points, past the emoji, as the page's script does.
    wire = data["articles"][2]
    [p] = data["cells"]["2:2"]["findings"]
    assert wire["paragraphs"][p["para"]][p["start"]:p["end"]] == "Russia knew in advance"
    assert "🙂" in wire["paragraphs"][p["para"]][:p["start"]]
    profile = data["articles"][0]
    assert profile["paragraphs"][-1] == "Bashar al-Assad was not discussed."  # no script


def test_build_page_data_limits_columns_on_large_runs() -> None:
    report = {
        "articles": [f"a{i}.txt" for i in range(50)],
        "facts": [{"id": f"f{i}", "kind": "spelling", "file": "f.yaml", "line": i,
                   "outcome": "passed", "findings": []} for i in range(10)],
    }
    report["facts"][3]["findings"] = [{
        "article": "a7.txt", "line": 2, "column": 3, "end_line": 2, "end_column": 5,
        "status": "consistent", "message": "", "matched": "ok"}]
    art = Article.from_text("\ufeffx\r\nabok", "a7.txt")
    data = build_page_data(report, {"a7.txt": art}, max_cells=100)
    assert data["limited"] and [a["path"] for a in data["articles"]] == ["a7.txt"]
    assert data["counts"] == {"contradiction": 0, "waived": 0, "unsure": 0, "consistent": 1,
                              "silent": 499}
    [x] = data["cells"]["3:0"]["findings"]
    [para] = data["articles"][0]["paragraphs"]
    assert para[x["start"]:x["end"]] == "ok"
    assert "start" not in report["facts"][3]["findings"][0]  # the report is not changed


def test_render_escapes_script_endings() -> None:
    report = {"articles": ["a.txt"], "facts": [{
        "id": "f", "kind": "pattern", "claim": "</script><script>alert(1)</script>",
        "file": "f.yaml", "line": 1, "outcome": "passed", "findings": []}]}
    page = render_html_report(report, {})
    assert page.count("</script>") == 2
    assert "<!--" not in page


# -- in the browser ------------------------------------------------------------


def counts(b: Browser) -> dict[str, int]:
    got = b.evaluate("Object.assign({}, document.getElementById('counts').dataset)")
    return {k: int(v) for k, v in got.items()}


def test_page_loads_without_console_errors_and_counts(browser: Browser,
                                                      report_page: Path) -> None:
    browser.open(report_page)
    assert wait_until(browser, "document.body.dataset.ready === 'true'")
    assert browser.console_errors() == []
    assert browser.evaluate("document.querySelectorAll('#matrix tbody tr').length") == 3
    assert browser.evaluate("document.querySelectorAll('#matrix a.cell').length") == 9
    assert counts(browser) == {"facts": 3, "contradiction": 2, "waived": 1, "unsure": 0,
                               "consistent": 2, "silent": 4}
    assert browser.evaluate(
        "[...document.querySelectorAll('#matrix a.cell.contradiction')]"
        ".map(a => a.closest('tr').dataset.fact)") == [
        "lavrov-spelling", "no-foreknowledge-as-fact"]


def test_filters_by_kind_and_tag(browser: Browser, report_page: Path) -> None:
    browser.open(report_page)
    wait_until(browser, "document.body.dataset.ready === 'true'")

    def choose(select: str, value: str) -> None:
        browser.evaluate(f"(() => {{ const s = document.getElementById('{select}');"
                         f" s.value = '{value}'; s.dispatchEvent(new Event('change')); }})()")

    choose("kind-filter", "pattern")
    assert counts(browser) == {"facts": 1, "contradiction": 1, "waived": 0, "unsure": 0,
                               "consistent": 0, "silent": 2}
    choose("kind-filter", "")
    choose("tag-filter", "syria")
    assert browser.evaluate("[...document.querySelectorAll('#matrix tbody tr')]"
                            ".filter(r => !r.hidden).map(r => r.dataset.fact)") == [
        "assad-spelling"]
    assert counts(browser)["waived"] == 1
    choose("tag-filter", "russia")
    assert counts(browser)["facts"] == 2
    assert browser.console_errors() == []


def test_clicking_a_contradiction_shows_the_highlighted_words(browser: Browser,
                                                              report_page: Path) -> None:
    browser.open(report_page)
    wait_until(browser, "document.body.dataset.ready === 'true'")
    browser.click("tr[data-fact='lavrov-spelling'] a.cell.contradiction")
    assert wait_until(browser, "!document.getElementById('article-view').hidden")
    assert browser.evaluate("location.hash") == "#fact=0&article=1"
    assert browser.evaluate("document.getElementById('matrix-view').hidden") is True
    marks = browser.evaluate("[...document.querySelectorAll('#article-text mark')]"
                             ".map(m => [m.className, m.textContent])")
    assert marks == [["contradiction", "Sergey Lavrov"]]
    paras = browser.evaluate("[...document.querySelectorAll('#article-text p')]"
                             ".map(p => p.textContent)")
    # The article as a reader sees it: headline, then body; no front matter, no markup.
    assert paras == ["Tillerson in Moscow", "Talks",
                     "Rex Tillerson met Sergey Lavrov on Wednesday."]
    assert browser.evaluate(
        "document.querySelector('#article-text p').classList.contains('headline')") is True
    panel = browser.evaluate("document.getElementById('fact-panel').textContent")
    assert "lavrov-spelling" in panel and "The house spelling is Sergei Lavrov." in panel
    assert "contradiction at line 8, column 21" in panel
    assert "Tillerson in Moscow" in browser.evaluate(
        "document.getElementById('article-title').textContent")
    # Back to the matrix.
    browser.click("#back")
    assert wait_until(browser, "!document.getElementById('matrix-view').hidden")
    assert browser.console_errors() == []


def test_waived_and_code_point_offsets_in_the_browser(browser: Browser,
                                                      report_page: Path) -> None:
    browser.open(report_page)
    wait_until(browser, "document.body.dataset.ready === 'true'")
    browser.click("tr[data-fact='no-foreknowledge-as-fact'] a.cell.contradiction")
    wait_until(browser, "!document.getElementById('article-view').hidden")
    assert browser.evaluate("[...document.querySelectorAll('#article-text mark')]"
                            ".map(m => m.textContent)") == ["Russia knew in advance"]
    browser.click("#back")
    wait_until(browser, "!document.getElementById('matrix-view').hidden")
    browser.click("tr[data-fact='assad-spelling'] a.cell.waived")
    assert wait_until(browser, "document.querySelector('#article-text mark.waived') !== null")
    assert browser.evaluate("document.querySelector('#article-text mark.waived').textContent"
                            ) == "Bashar Assad"
    assert "agency copy, kept as filed" in browser.evaluate(
        "document.getElementById('fact-panel').textContent")
    assert browser.console_errors() == []


def test_header_and_filter_counts_agree(browser: Browser, report_page: Path) -> None:
    browser.open(report_page)
    assert wait_until(browser, "document.body.dataset.ready === 'true'")
    header = browser.evaluate("document.getElementById('summary').textContent")
    c = counts(browser)
    assert (f"Cells: {c['contradiction']} contradiction, {c['waived']} waived, "
            f"{c['unsure']} unsure, {c['consistent']} consistent, {c['silent']} silent"
            ) in header
    assert "3 facts \u00d7 3 articles" in header


def test_altered_quote_diff_is_shown(browser: Browser, tmp_path: Path) -> None:
    finding = {"article": "a.txt", "line": 1, "column": 1, "end_line": 1, "end_column": 10,
               "status": "contradiction", "reason": "altered-quote", "excerpt": "x",
               "message": "alters Putin's words (below, [-fact-] {+article+})",
               "matched": "We saw it", "detail": "We have [-seen-] {+saw+} it all"}
    report = {"facts": [{"id": "q", "kind": "quote", "claim": "", "file": "f.yaml",
                         "line": 1, "outcome": "failed", "findings": [finding]}],
              "articles": ["a.txt"], "errors": [], "summary": {"facts": 1, "failed": 1}}
    page = tmp_path / "r.html"
    page.write_text(render_html_report(report, {}), "utf-8")
    browser.open(page)
    assert wait_until(browser, "document.body.dataset.ready === 'true'")
    browser.click("a.cell.contradiction")
    assert wait_until(browser, "!document.getElementById('article-view').hidden")
    assert browser.evaluate("[...document.querySelectorAll('#fact-panel .detail del')]"
                            ".map(e => e.textContent)") == ["seen"]
    assert browser.evaluate("[...document.querySelectorAll('#fact-panel .detail ins')]"
                            ".map(e => e.textContent)") == ["saw"]
    assert browser.console_errors() == []


# -- notes, headlines, the article as read, the legend ---------------------------
FEATURE_FACTS = """\
facts:
  - id: toll
    kind: quantity
    claim: Between 70 and 100 people died in the Khan Sheikhoun attack.
    about: [Khan Sheikhoun]
    cues: [killed, dead, died]
    min: 70
    max: 100
  - id: lavrov
    kind: spelling
    claim: The house spelling is Sergei Lavrov.
    preferred: Sergei Lavrov
    avoid: [Sergey Lavrov]
"""

FEATURE_ARTICLES = {
    # A note only: "20 children" may be a part of the toll.
    "articles/unsure.md": "---\ntitle: Toll <b>rises</b>\nauthor: Desk\n---\n"
                          "The Khan Sheikhoun attack killed 20 children, doctors said.\n",
    "articles/plain.txt": "The Khan Sheikhoun attack killed 80 people.\n",
    "articles/hostile.txt": "Sergey Lavrov <script>document.body.dataset.pwned = 'script'"
                            "</script> spoke. <img src=x onerror=\"document.body.dataset."
                            "pwned = 'img'\">\n",
}


@pytest.fixture(scope="module")
def feature_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A page built from the engine's real results (notes included) over three articles."""
    from pytest_factcheck.article import prepare
    from pytest_factcheck.articles import parse_article
    from pytest_factcheck.engine import check_fact
    from pytest_factcheck.loader import load_catalog
    from pytest_factcheck.report import build_json_report, result_to_json

    root = tmp_path_factory.mktemp("html-features")
    (root / "f.yaml").write_text(FEATURE_FACTS, "utf-8")
    catalog = load_catalog([root / "f.yaml"])
    assert not catalog.problems
    articles = {p: parse_article(s.encode(), p, Path(p).suffix)
                for p, s in FEATURE_ARTICLES.items()}
    prepared = [prepare(a) for a in articles.values()]
    facts = [result_to_json(check_fact(lf, prepared), fact_file="f.yaml")
             for lf in catalog.facts]
    report = build_json_report(list(articles), facts, [])
    assert [n["article"] for f in report["facts"] for n in f["notes"]] == [
        "articles/unsure.md"]
    page = root / "report.html"
    page.write_text(render_html_report(report, articles), "utf-8")
    return page


def open_page(b: Browser, page: Path) -> None:
    b.open(page)
    assert wait_until(b, "document.body.dataset.ready === 'true'")


def choose(b: Browser, select: str, value: str) -> None:
    b.evaluate(f"(() => {{ const s = document.getElementById('{select}');"
               f" s.value = '{value}'; s.dispatchEvent(new Event('change')); }})()")


def test_notes_are_unsure_cells(browser: Browser, feature_page: Path) -> None:
    open_page(browser, feature_page)
    cell = "tr[data-fact='toll'] a.cell[href$='article=0']"
    assert browser.evaluate(f"document.querySelector(\"{cell}\").dataset.status") == "unsure"
    assert browser.evaluate(f"document.querySelector(\"{cell}\").textContent") == "?"
    assert browser.evaluate(
        "[...document.querySelectorAll('#matrix a.cell')].map(a => a.dataset.status)") == [
        "unsure", "consistent", "silent", "silent", "silent", "contradiction"]
    assert counts(browser) == {"facts": 2, "contradiction": 1, "waived": 0, "unsure": 1,
                               "consistent": 1, "silent": 3}
    assert "1 unsure" in browser.evaluate("document.getElementById('summary').textContent")
    # The state filter shows only the facts with an unsure cell, the other cells dimmed.
    choose(browser, "state-filter", "unsure")
    assert browser.evaluate("[...document.querySelectorAll('#matrix tbody tr')]"
                            ".filter(r => !r.hidden).map(r => r.dataset.fact)") == ["toll"]
    assert counts(browser) == {"facts": 1, "contradiction": 0, "waived": 0, "unsure": 1,
                               "consistent": 1, "silent": 1}
    assert browser.evaluate("[...document.querySelectorAll('tr:not([hidden]) a.cell')]"
                            ".filter(a => !a.classList.contains('dim')).length") == 1
    choose(browser, "state-filter", "")
    assert counts(browser)["facts"] == 2
    # The note is highlighted as unsure, at its word, and explained beside the text.
    browser.click(cell)
    assert wait_until(browser, "document.querySelector('#article-text mark') !== null")
    assert browser.evaluate("[...document.querySelectorAll('#article-text mark')]"
                            ".map(m => [m.className, m.textContent])") == [
        ["unsure", "killed"]]
    panel = browser.evaluate("document.getElementById('fact-panel').textContent")
    assert "unsure (a note) at line 5, column 27" in panel
    assert "may be a part of the total" in panel
    assert "In this article: unsure" in panel
    assert browser.console_errors() == []


def test_columns_are_headlines_with_the_path_as_tooltip(browser: Browser,
                                                       feature_page: Path) -> None:
    open_page(browser, feature_page)
    heads = browser.evaluate("[...document.querySelectorAll('#matrix thead th[data-article]')]"
                             ".map(th => [th.textContent, th.title])")
    assert heads == [["Toll <b>rises</b>", "articles/unsure.md"],  # as text, not markup
                     ["plain.txt", "articles/plain.txt"],  # no headline: the file name
                     ["hostile.txt", "articles/hostile.txt"]]
    assert browser.evaluate("document.querySelector('#matrix thead b')") is None


def test_article_view_is_the_prose_and_untrusted_text_is_escaped(
        browser: Browser, feature_page: Path) -> None:
    open_page(browser, feature_page)
    browser.click("tr[data-fact='lavrov'] a.cell.contradiction")
    assert wait_until(browser, "document.querySelector('#article-text mark') !== null")
    assert browser.evaluate("document.querySelector('#article-text mark').textContent"
                            ) == "Sergey Lavrov"
    text = browser.evaluate("document.getElementById('article-text').textContent")
    assert "<script>document.body.dataset.pwned" in text and "<img src=x" in text
    assert browser.evaluate("document.querySelectorAll('#article-text script, "
                            "#article-text img').length") == 0
    time.sleep(0.2)
    assert browser.evaluate("document.body.dataset.pwned === undefined") is True
    # A Markdown article reads as prose: the headline, then the body; no front matter.
    browser.evaluate("location.hash = '#fact=0&article=0'")
    assert wait_until(browser, "document.querySelector('#article-text mark.unsure') !== null")
    assert browser.evaluate("[...document.querySelectorAll('#article-text p')]"
                            ".map(p => p.textContent)") == [
        "Toll <b>rises</b>", "The Khan Sheikhoun attack killed 20 children, doctors said."]
    assert "author" not in browser.evaluate(
        "document.getElementById('article-text').textContent")
    assert browser.console_errors() == []


def test_legend_explains_states_and_reasons_in_the_terminal_words(
        browser: Browser, feature_page: Path) -> None:
    from pytest_factcheck.outputs.html_report import STATES
    from pytest_factcheck.report import REASONS

    open_page(browser, feature_page)
    states = browser.evaluate("Object.fromEntries([...document.querySelectorAll("
                              "'#legend-states dd')].map(d => [d.dataset.state, "
                              "d.textContent]))")
    assert states == STATES
    assert set(states) == {"contradiction", "waived", "unsure", "consistent", "silent"}
    assert REASONS["note"] in states["unsure"]
    reasons = browser.evaluate("Object.fromEntries([...document.querySelectorAll("
                               "'#legend-reasons dd')].map(d => [d.dataset.reason, "
                               "d.textContent]))")
    assert reasons == REASONS
    assert reasons["avoided-spelling"] == "a spelling house style avoids"


def test_headline_falls_back_to_none_and_paths_to_file_names() -> None:
    from pytest_factcheck.outputs.html_report import headline_of

    assert headline_of(Article.from_text("x", "a/b.txt")) is None
    assert headline_of(Article.from_text("x", "a/b.txt", title="  ")) is None
    assert headline_of(Article.from_text("x", "a/b.txt", headline="A\n  head")) == "A head"
    report = {"articles": ["deep/dir/b.txt"], "facts": []}
    [entry] = build_page_data(report, {})["articles"]
    assert (entry["name"], entry["path"], "headline" in entry) == (
        "b.txt", "deep/dir/b.txt", False)


_WORDS = st.lists(st.text("abcdefghij", min_size=1, max_size=6), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(_WORDS, st.lists(st.sampled_from([" ", "  ", "\n", "\n\n", "\r\n\r\n", " \n"]),
                        min_size=12, max_size=12), st.data())
def test_a_word_in_the_file_is_placed_at_that_word_in_its_paragraph(
        words: list[str], gaps: list[str], data: st.DataObject) -> None:
    from pytest_factcheck.outputs.html_report import _Reading

    source, spans = "", []
    for w, g in zip(words, gaps, strict=False):
        spans.append((len(source), len(source) + len(w)))
        source += w + g
    s, e = data.draw(st.sampled_from(spans))
    placed = _Reading(Article.from_text(source)).place(s, e)
    assert placed is not None
    reading = _Reading(Article.from_text(source))
    k, ps, pe = placed
    assert reading.paragraphs[k][ps:pe] == source[s:e]
    assert all("\n\n" not in p for p in reading.paragraphs)


def test_large_runs_keep_articles_with_only_notes() -> None:
    report = {
        "articles": [f"a{i}.txt" for i in range(50)],
        "facts": [{"id": f"f{i}", "kind": "quantity", "file": "f.yaml", "line": i,
                   "outcome": "passed", "findings": [], "notes": []} for i in range(10)],
    }
    report["facts"][2]["notes"] = [{"article": "a9.txt", "line": 1, "column": 5,
                                    "message": "cannot tell which it counts"}]
    art = Article.from_text("The 20 killed were children.", "a9.txt")
    data = build_page_data(report, {"a9.txt": art}, max_cells=100)
    assert data["limited"] and [a["path"] for a in data["articles"]] == ["a9.txt"]
    assert data["counts"] == {"contradiction": 0, "waived": 0, "unsure": 1, "consistent": 0,
                              "silent": 499}
    [n] = data["cells"]["2:0"]["findings"]
    assert (n["status"], n["reason"]) == ("note", "note")
    assert data["articles"][0]["paragraphs"][n["para"]][n["start"]:n["end"]] == "20"
