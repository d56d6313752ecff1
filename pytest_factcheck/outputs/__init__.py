"""Outputs for editors' tools, each built from the JSON report dict (docs/json-report.md).

``github``: workflow commands that annotate articles in GitHub Actions;
``sarif``: a SARIF 2.1.0 log for code-scanning dashboards; ``html_report``: a
self-contained page (facts × articles); ``summary``: the terminal table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..article import Article
from ..corpus import Corpus
from ..loader import Catalog
from ..model import Problem

__all__ = ["article_views", "fact_tags", "write_outputs"]


def fact_tags(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    return {lf.fact.id: lf.fact.tags for lf in catalog.facts}


def article_views(report: Mapping[str, Any], corpus: Corpus,
                  paths: Iterable[Sequence[str | Path]]) -> dict[str, Article]:
    """The articles (as read, from the run's cache) that have findings in ``report``."""
    wanted = {x["article"] for f in report.get("facts", ()) for x in f.get("findings", ())}
    wanted.update(report.get("articles", ()))
    out: dict[str, Article] = {}
    for group in paths:
        for f, d in corpus.files(group):
            if d in wanted and d not in out:
                got = corpus.get(f, d)
                if not isinstance(got, Problem):
                    out[d] = got.article
    return out


def write_outputs(report: Mapping[str, Any], *, sarif: str | None, html: str | None,
                  catalog: Catalog, corpus: Corpus,
                  article_paths: Iterable[Sequence[str | Path]]) -> list[str]:
    """Write the SARIF log and the HTML page asked for; lines saying what was written."""
    lines: list[str] = []
    tags = fact_tags(catalog)
    if sarif:
        from .sarif import write_sarif

        try:
            write_sarif(sarif, report, tags)
            lines.append(f"factcheck: SARIF log written to {sarif}")
        except OSError as exc:
            lines.append(f"factcheck: error: cannot write the SARIF log to {sarif}: {exc}")
    if html:
        from .html_report import write_html_report

        try:
            write_html_report(html, report, article_views(report, corpus, article_paths), tags)
            lines.append(f"factcheck: HTML report written to {html}")
        except OSError as exc:
            lines.append(f"factcheck: error: cannot write the HTML report to {html}: {exc}")
    return lines
