"""A self-contained HTML page: facts × articles, and each article with its findings.

The page needs no network (its Content-Security-Policy forbids any fetch): the
data is embedded as JSON, and a small script draws

* a matrix, one row per fact and one column per article (labelled with its
  headline, the path as a tooltip), each cell saying *contradiction*,
  *waived*, *unsure* (only notes: read but not sure), *consistent* or *silent*
  and linking to
* an article view: the article as a reader sees it (its paragraphs as the
  checker reads them, headline first), with the words each finding rests on
  highlighted, and the fact shown beside them;
* filters by kind, tag and cell state, counts of cells by state for the shown
  rows, and a legend of the states and reason codes (the terminal's words);
* optionally (``--factcheck-suggest``), a panel of the disagreements between
  articles that discovery finds (names spelled several ways, one count given
  different values, one quote in different wordings or given to different
  people, conflicting titles), each marked when a written fact settles it.

On a large run the columns are limited to articles with at least one finding
(silent articles are only counted), so the page stays usable.
"""

from __future__ import annotations

import html
import json
from bisect import bisect_left
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import regex

from ..article import Article, prepare
from ..articles import title_of
from ..files import write_atomic
from ..report import CONFIRMED, REASONS
from ..text.lines import Lines

__all__ = ["MAX_CELLS", "STATES", "build_page_data", "render_html_report",
           "write_html_report"]

MAX_CELLS = 40_000
# A cell's state, most urgent first: the first a cell's findings (and notes) have.
STATUSES = ("contradiction", "waived", "unsure", "consistent", "silent")
# What each state means, for the legend; the reason words are the terminal's (REASONS).
STATES: dict[str, str] = {
    "contradiction": "the article contradicts the fact; the fact fails",
    "waived": "a contradiction an editor waived (a fact's exceptions, an inline waiver"
              " or the baseline)",
    "unsure": "only notes: " + REASONS["note"],
    "consistent": REASONS[CONFIRMED],
    "silent": "the article does not mention the fact",
}
_WORD = regex.compile(r"\S+")


def _cell_status(statuses: set[str]) -> str:
    for s in STATUSES:
        if s in statuses:
            return s
    return "silent"


def _state(status: str) -> str:
    """A finding's status as a cell state (a baselined one is waived, a note unsure)."""
    return {"baselined": "waived", "note": "unsure"}.get(status, status)


def headline_of(article: Article | None) -> str | None:
    """The article's headline (front matter or ``<title>``), if it has one."""
    if article is None:
        return None
    return title_of(article.meta)


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1] or path


class _Reading:
    """The paragraphs the checker reads, and a way from stored offsets into them.

    Reading order follows the file, so the stored offset of a read character
    grows with its position: a stored offset is found by bisection, mapping
    only the few characters the search looks at.
    """

    def __init__(self, article: Article) -> None:
        self._prep = prepare(article)
        self.surface = self._prep.surface
        self.paragraphs = [self.surface[p.start:p.end] for p in self._prep.paragraphs]
        self._para_starts = [p.start for p in self._prep.paragraphs]

    def _src(self, i: int) -> int:
        return self._prep.to_source(i, i + 1)[0]

    def _first_at_or_after(self, offset: int, lo: int = 0) -> int:
        hi = len(self.surface)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._src(mid) < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def place(self, start: int, end: int, word: bool = False) -> tuple[int, int, int] | None:
        """(paragraph, start, end) in a paragraph of a stored span [start, end), if read."""
        s = self._first_at_or_after(start)
        if s >= len(self.surface) or self._src(s) >= max(end, start + 1):
            return None
        k = max(0, bisect_left(self._para_starts, s + 1) - 1)
        p0 = self._para_starts[k]
        p1 = p0 + len(self.paragraphs[k])
        if word:
            m = _WORD.match(self.surface, s, p1)
            e = m.end() if m else s + 1
        else:
            e = self._first_at_or_after(end, s + 1)
        e = max(s + 1, min(e, p1))
        return k, s - p0, e - p0


def build_page_data(report: Mapping[str, Any], articles: Mapping[str, Article],
                    fact_tags: Mapping[str, tuple[str, ...]] | None = None,
                    max_cells: int = MAX_CELLS) -> dict[str, Any]:
    """The data the page draws, from the JSON report and the articles read."""
    tags = fact_tags or {}
    facts = list(report.get("facts", ()))
    # Articles with findings or notes: on a large run, the only columns shown.
    with_findings = {x["article"] for f in facts
                     for x in (*f.get("findings", ()), *f.get("notes", ()))}
    listed = dict.fromkeys(report.get("articles", ()))
    paths: list[str] = [*listed, *sorted(p for p in with_findings if p not in listed)]
    limited = len(facts) * len(paths) > max_cells
    shown = [p for p in paths if p in with_findings] if limited else paths
    index = {p: i for i, p in enumerate(shown)}

    cells: dict[str, dict[str, Any]] = {}
    marks_needed: dict[str, list[dict[str, Any]]] = {}  # copies of findings, per article
    for fi, f in enumerate(facts):
        per: dict[str, list[dict[str, Any]]] = {}
        for x in f.get("findings", ()):
            per.setdefault(x["article"], []).append(dict(x))
        for n in f.get("notes", ()):  # a note is shown as a finding the engine is unsure of
            per.setdefault(n["article"], []).append(
                {**n, "status": "note", "reason": "note"})
        for path, xs in per.items():
            if path not in index:
                continue
            cells[f"{fi}:{index[path]}"] = {
                "status": _cell_status({_state(x["status"]) for x in xs}), "findings": xs}
            marks_needed.setdefault(path, []).extend(xs)

    out_articles: list[dict[str, Any]] = []
    for path in shown:
        art = articles.get(path)
        entry: dict[str, Any] = {"path": path, "name": _file_name(path)}
        head = headline_of(art)
        if head:
            entry["headline"] = head
        if art is not None:
            meta = dict(art.meta)
            for k in ("title", "date", "slug"):
                if meta.get(k) is not None:
                    entry[k] = str(meta[k])
            if art.dating.day is not None:  # the article's date, however it was found
                entry["date"] = art.dating.iso
            if path in marks_needed:
                _place_marks(art, marks_needed[path], entry)
        out_articles.append(entry)

    total = len(facts) * len(paths)
    counts = {s: 0 for s in STATUSES}
    for c in cells.values():
        counts[c["status"]] += 1
    counts["silent"] = total - sum(counts[s] for s in STATUSES if s != "silent")
    return {
        "facts": [{"id": f["id"], "kind": f.get("kind", ""), "claim": f.get("claim", ""),
                   "file": f.get("file", ""), "line": f.get("line", 0),
                   "outcome": f.get("outcome", ""), "tags": list(tags.get(f["id"], ()))}
                  for f in facts],
        "articles": out_articles,
        "cells": cells,
        "limited": limited,
        "all_articles": len(paths),
        "counts": counts,
        "states": STATES,
        "reasons": REASONS,
        "errors": list(report.get("errors", ())),
        "summary": dict(report.get("summary", {})),
    }


def _place_marks(art: Article, xs: list[dict[str, Any]], entry: dict[str, Any]) -> None:
    """Give the article its read paragraphs, each finding its place in one of them."""
    reading = _Reading(art)
    entry["paragraphs"] = reading.paragraphs
    lines = Lines(art.source)
    for x in xs:
        s = lines.offset(int(x.get("line") or 0), int(x.get("column") or 1))
        e = lines.offset(int(x.get("end_line") or 0),
                         int(x.get("end_column") or 1)) if x.get("end_line") else s
        if e <= s:
            e = min(len(art.source), s + max(1, len(str(x.get("matched", "")))))
        placed = reading.place(s, e, word=x["status"] == "note")
        if placed is not None:
            x["para"], x["start"], x["end"] = placed


def _json_for_script(data: Any) -> str:
    """JSON safe inside a <script> element: no '<' can close it or open a comment."""
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render_html_report(report: Mapping[str, Any], articles: Mapping[str, Article],
                       fact_tags: Mapping[str, tuple[str, ...]] | None = None,
                       title: str = "Fact-check report",
                       suggestions: Mapping[str, Any] | None = None) -> str:
    """The page; ``suggestions`` (the disagreements report of discovery, see
    :func:`pytest_factcheck.suggest.report.report_json`) adds its panel."""
    data = build_page_data(report, articles, fact_tags)
    if suggestions is not None:
        data["suggest"] = dict(suggestions)
    return (_PAGE.replace("@TITLE@", html.escape(title))
            .replace("@STYLE@", _STYLE).replace("@SCRIPT@", _SCRIPT)
            .replace("@DATA@", _json_for_script(data)))


def write_html_report(path: str | Path, report: Mapping[str, Any],
                      articles: Mapping[str, Article],
                      fact_tags: Mapping[str, tuple[str, ...]] | None = None,
                      suggestions: Mapping[str, Any] | None = None) -> None:
    write_atomic(path, render_html_report(report, articles, fact_tags,
                                          suggestions=suggestions))


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
      content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@TITLE@</title>
<style>@STYLE@</style>
</head>
<body>
<header>
  <h1>@TITLE@</h1>
  <p id="summary"></p>
  <div id="filters">
    <label>Kind <select id="kind-filter"><option value="">all</option></select></label>
    <label>Tag <select id="tag-filter"><option value="">all</option></select></label>
    <label>State <select id="state-filter"><option value="">all</option></select></label>
    <span id="counts"></span>
  </div>
  <ul id="errors"></ul>
  <details id="legend"><summary>Legend</summary>
    <dl id="legend-states"></dl>
    <dl id="legend-reasons"></dl>
  </details>
</header>
<main>
  <section id="matrix-view">
    <p id="limited" hidden></p>
    <div class="scroll"><table id="matrix"><thead></thead><tbody></tbody></table></div>
  </section>
  <section id="suggest-view" hidden>
    <h2>Disagreements between articles</h2>
    <p id="suggest-summary"></p>
    <table id="suggest"><thead><tr><th>kind</th><th>subject</th><th>the ways articles give it
    </th></tr></thead><tbody></tbody></table>
  </section>
  <section id="article-view" hidden>
    <p><a href="#" id="back">&larr; all facts</a></p>
    <h2 id="article-title"></h2>
    <p id="article-meta"></p>
    <div class="split">
      <div id="article-text"></div>
      <aside id="fact-panel"></aside>
    </div>
  </section>
</main>
<script type="application/json" id="factcheck-data">@DATA@</script>
<script>@SCRIPT@</script>
</body>
</html>
"""

_STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 0 1rem 2rem; color: #222; }
h1 { font-size: 1.3rem; margin: .8rem 0 .2rem; }
#filters { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
#counts span { margin-right: .8rem; }
.scroll { overflow: auto; max-height: 80vh; border: 1px solid #ddd; }
table { border-collapse: collapse; }
th, td { border: 1px solid #e4e4e4; padding: 0; text-align: center; }
thead th { position: sticky; top: 0; background: #fafafa; font-weight: normal;
  writing-mode: vertical-rl; transform: rotate(180deg); max-height: 14rem; padding: .3rem;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
tbody th { text-align: left; padding: .2rem .5rem; font-weight: normal; white-space: nowrap;
  position: sticky; left: 0; background: #fff; }
th.corner { writing-mode: horizontal-tb; transform: none; }
.cell { display: block; width: 1.6rem; height: 1.6rem; line-height: 1.6rem;
  text-decoration: none; color: #fff; font-weight: bold; }
.cell.contradiction { background: #c62828; }
.cell.waived { background: #f9a825; color: #222; }
.cell.consistent { background: #2e7d32; }
.cell.unsure { background: #5c6bc0; }
.cell.silent { background: #f3f3f3; color: #aaa; }
.cell.dim { opacity: .25; }
#legend dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .6rem;
  margin: .3rem 0; }
#legend dt { font-weight: bold; } #legend dt .cell { display: inline-block; }
.kind { color: #666; font-size: .85em; }
.split { display: flex; gap: 1rem; align-items: flex-start; }
#article-text { flex: 3; word-wrap: break-word; background: #fcfcfc; border: 1px solid #ddd;
  padding: 0 .8rem; max-height: 80vh; overflow: auto; font: 15px/1.55 Georgia, serif; }
#article-text p { white-space: pre-wrap; }
#article-text p.headline { font-size: 1.25em; font-weight: bold; }
#fact-panel { flex: 2; position: sticky; top: 0; }
mark { padding: 0 1px; border-radius: 2px; }
mark.contradiction { background: #ffcdd2; outline: 2px solid #c62828; }
mark.waived { background: #ffecb3; outline: 1px dashed #f9a825; }
mark.consistent { background: #c8e6c9; }
mark.unsure { background: #c5cae9; outline: 1px dotted #3949ab; }
.finding { border-left: 4px solid #ccc; padding: .2rem .5rem; margin: .4rem 0; }
.finding.contradiction { border-color: #c62828; }
.finding.waived { border-color: #f9a825; }
.finding.consistent { border-color: #2e7d32; }
.finding.unsure { border-color: #5c6bc0; }
#errors { color: #b71c1c; }
#suggest { margin-top: .4rem; } #suggest td, #suggest th { text-align: left; padding: .2rem .4rem;
  vertical-align: top; } #suggest ul { margin: 0; padding-left: 1rem; }
#suggest tr.covered { opacity: .6; } .settled { color: #2e7d32; font-size: .85em; }
.detail { font-family: ui-monospace, monospace; white-space: pre-wrap; margin-top: .2rem; }
.detail del { background: #ffcdd2; } .detail ins { background: #c8e6c9; text-decoration: none; }
"""

_SCRIPT = r"""
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("factcheck-data").textContent);
  const SYMBOL = {contradiction: "\u2717", waived: "~", unsure: "?", consistent: "\u2713",
                  silent: ""};
  const STATES = Object.keys(data.states);
  // A finding's status as a cell state: a baselined one is waived, a note unsure.
  const stateOf = (status) => ({baselined: "waived", note: "unsure"})[status] || status;
  const $ = (id) => document.getElementById(id);
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function cellOf(fi, ai) {
    return data.cells[fi + ":" + ai] || {status: "silent", findings: []};
  }
  function cellLink(fi, ai) { return "#fact=" + fi + "&article=" + ai; }

  function drawHeader() {
    const s = data.summary || {};
    // Fact outcomes, then the same cell counts the filter shows for all rows.
    const c = data.counts;
    $("summary").textContent = (s.facts || 0) + " facts \u00d7 " + (s.articles || 0) +
      " articles. Facts: " + (s.passed || 0) + " passed, " + (s.failed || 0) + " failed, " +
      (s.xfailed || 0) + " waived (every contradiction waived). Cells: " +
      STATES.map((st) => c[st] + " " + st).join(", ");
    const kinds = [...new Set(data.facts.map((f) => f.kind))].sort();
    const tags = [...new Set(data.facts.flatMap((f) => f.tags))].sort();
    for (const k of kinds) $("kind-filter").append(el("option", {value: k}, k));
    for (const t of tags) $("tag-filter").append(el("option", {value: t}, t));
    for (const st of STATES) {
      if (st !== "silent") $("state-filter").append(el("option", {value: st}, st));
    }
    drawLegend();
    for (const e of data.errors) {
      const where = e.line ? e.file + ":" + e.line + ":" + e.column : e.file;
      $("errors").append(el("li", {}, where + ": " + e.message));
    }
    if (data.limited) {
      const lim = $("limited");
      lim.hidden = false;
      lim.textContent = "Showing the " + data.articles.length + " articles with findings of " +
        data.all_articles + "; the others are silent on every fact.";
    }
  }

  function drawLegend() {
    for (const [st, words] of Object.entries(data.states)) {
      const dt = el("dt", {"data-state": st});
      dt.append(el("span", {class: "cell " + st}, SYMBOL[st]), document.createTextNode(" " + st));
      $("legend-states").append(dt, el("dd", {"data-state": st}, words));
    }
    for (const [code, words] of Object.entries(data.reasons)) {
      $("legend-reasons").append(el("dt", {"data-reason": code}, code),
                                 el("dd", {"data-reason": code}, words));
    }
  }

  function drawMatrix() {
    const head = el("tr");
    head.append(el("th", {class: "corner"}, "fact \\ article"));
    data.articles.forEach((a, ai) => {
      const th = el("th", {title: a.path, "data-article": String(ai)}, a.headline || a.name);
      head.append(th);
    });
    document.querySelector("#matrix thead").append(head);
    const body = document.querySelector("#matrix tbody");
    data.facts.forEach((f, fi) => {
      const tr = el("tr", {"data-kind": f.kind, "data-tags": f.tags.join(" "),
                           "data-fact": f.id});
      const th = el("th", {title: f.claim});
      th.append(el("span", {}, f.id + " "), el("span", {class: "kind"}, f.kind));
      tr.append(th);
      data.articles.forEach((a, ai) => {
        const c = cellOf(fi, ai);
        const td = el("td");
        const link = el("a", {class: "cell " + c.status, href: cellLink(fi, ai),
                              "data-status": c.status,
                              title: f.id + " \u00d7 " + a.path + ": " + c.status},
                        SYMBOL[c.status]);
        td.append(link);
        tr.append(td);
      });
      body.append(tr);
    });
  }

  function applyFilters() {
    const kind = $("kind-filter").value;
    const tag = $("tag-filter").value;
    const state = $("state-filter").value;
    const counts = Object.fromEntries(STATES.map((st) => [st, 0]));
    let rows = 0;
    document.querySelectorAll("#matrix tbody tr").forEach((tr) => {
      const cells = [...tr.querySelectorAll("a.cell")];
      const show = (!kind || tr.dataset.kind === kind) &&
        (!tag || tr.dataset.tags.split(" ").includes(tag)) &&
        (!state || cells.some((a) => a.dataset.status === state));
      tr.hidden = !show;
      cells.forEach((a) => a.classList.toggle("dim", !!state && a.dataset.status !== state));
      if (!show) return;
      rows += 1;
      cells.forEach((a) => { counts[a.dataset.status] += 1; });
    });
    const box = $("counts");
    box.textContent = "";
    box.dataset.facts = String(rows);
    box.append(el("span", {}, rows + " facts"));
    for (const [s, n] of Object.entries(counts)) {
      box.dataset[s] = String(n);
      box.append(el("span", {class: "count-" + s}, s + ": " + n));
    }
  }

  // A word diff "[-fact-] {+article+}" as del/ins elements.
  function diffOf(detail) {
    const box = el("div", {class: "detail"});
    const re = /\[-(.*?)-\]|\{\+(.*?)\+\}/g;
    let pos = 0;
    for (const m of detail.matchAll(re)) {
      box.append(document.createTextNode(detail.slice(pos, m.index)));
      box.append(m[1] !== undefined ? el("del", {title: "the fact's words"}, m[1])
                                    : el("ins", {title: "the article's words"}, m[2]));
      pos = m.index + m[0].length;
    }
    box.append(document.createTextNode(detail.slice(pos)));
    return box;
  }

  function drawArticle(fi, ai) {
    const f = data.facts[fi];
    const a = data.articles[ai];
    const c = cellOf(fi, ai);
    $("matrix-view").hidden = true;
    $("article-view").hidden = false;
    $("article-title").textContent = a.headline ? a.headline + " (" + a.path + ")" : a.path;
    $("article-meta").textContent = [a.date && "date " + a.date, a.slug && "slug " + a.slug]
      .filter(Boolean).join(" \u00b7 ");
    const pre = $("article-text");
    pre.textContent = "";
    // The paragraphs as the checker reads them; offsets count code points.
    (a.paragraphs || []).forEach((para, pi) => {
      const text = Array.from(para);
      const p = el("p", {"data-paragraph": String(pi)});
      if (pi === 0 && a.headline && para === a.headline) p.classList.add("headline");
      const marks = c.findings.filter((x) => x.para === pi && typeof x.start === "number")
        .slice().sort((x, y) => x.start - y.start);
      let pos = 0;
      marks.forEach((x) => {
        if (x.start < pos) return;  // overlapping: the first wins
        p.append(document.createTextNode(text.slice(pos, x.start).join("")));
        p.append(el("mark", {class: stateOf(x.status), title: x.message},
                    text.slice(x.start, x.end).join("")));
        pos = x.end;
      });
      p.append(document.createTextNode(text.slice(pos).join("")));
      pre.append(p);
    });
    if (!a.paragraphs) pre.append(el("p", {}, "(this article does not mention the fact)"));

    const panel = $("fact-panel");
    panel.textContent = "";
    panel.append(el("h3", {}, f.id), el("p", {class: "kind"}, f.kind + " fact, " + f.file +
      ":" + f.line + (f.tags.length ? " \u00b7 tags: " + f.tags.join(", ") : "")));
    panel.append(el("p", {class: "claim"}, f.claim || "(no claim written)"));
    panel.append(el("p", {class: "verdict", "data-status": c.status},
      "In this article: " + c.status));
    c.findings.forEach((x) => {
      const d = el("div", {class: "finding " + stateOf(x.status)});
      const what = x.status === "note" ? "unsure (a note)" : x.status;
      d.append(el("div", {}, what + " at line " + x.line + ", column " + x.column +
        (x.reason && x.reason !== "note" ? " (" + x.reason + ")" : "")));
      if (x.reason && data.reasons[x.reason]) {
        d.append(el("div", {class: "reason"}, data.reasons[x.reason]));
      }
      d.append(el("div", {}, x.message));
      if (x.held_to) d.append(el("div", {class: "held"}, "held to: " + x.held_to));
      if (x.detail) d.append(diffOf(x.detail));
      if (x.waiver) d.append(el("div", {}, "waived: " + x.waiver));
      panel.append(d);
    });
    const first = pre.querySelector("mark.contradiction") || pre.querySelector("mark");
    if (first) first.scrollIntoView({block: "center"});
  }

  function route() {
    const m = /^#fact=(\d+)&article=(\d+)$/.exec(location.hash);
    if (m && data.facts[+m[1]] && data.articles[+m[2]]) {
      drawArticle(+m[1], +m[2]);
    } else {
      $("article-view").hidden = true;
      $("matrix-view").hidden = false;
    }
  }

  // Discovery's disagreements (only with --factcheck-suggest): text only, no markup.
  function drawSuggest() {
    const sg = data.suggest;
    if (!sg) return;
    $("suggest-view").hidden = false;
    const open = sg.disagreements.filter((d) => !d.covered_by).length;
    $("suggest-summary").textContent = sg.disagreements.length + " disagreements in " +
      sg.articles + " articles, most disputed first; " + open +
      " not settled by a written fact.";
    const body = document.querySelector("#suggest tbody");
    sg.disagreements.forEach((d) => {
      const tr = el("tr", {"data-kind": d.kind, class: d.covered_by ? "covered" : ""});
      tr.append(el("td", {}, d.kind));
      const subject = el("td", {title: d.why || ""}, d.subject);
      if (d.covered_by) subject.append(el("div", {class: "settled"},
                                          "settled by " + d.covered_by));
      tr.append(subject);
      const ways = el("ul");
      d.variants.forEach((v) => {
        const where = v.places.slice(0, 5).map((p) => p.article + ":" + p.line).join(", ") +
          (v.places.length > 5 ? " \u2026" : "");
        const li = el("li", {title: v.places.length ? v.places[0].excerpt : ""},
                      (v.speaker ? v.speaker + ": " : "") + v.value + " \u00d7" + v.count +
                      " (" + where + ")");
        ways.append(li);
      });
      const td = el("td");
      td.append(ways);
      tr.append(td);
      body.append(tr);
    });
  }

  drawHeader();
  drawSuggest();
  drawMatrix();
  applyFilters();
  $("kind-filter").addEventListener("change", applyFilters);
  $("tag-filter").addEventListener("change", applyFilters);
  $("state-filter").addEventListener("change", applyFilters);
  window.addEventListener("hashchange", route);
  route();
  document.body.dataset.ready = "true";
})();
"""
