"""Outputs for editors' tools, each built from the JSON report dict (docs/json-report.md).

``github``: workflow commands that annotate articles in GitHub Actions;
``sarif``: a SARIF 2.1.0 log for code-scanning dashboards; ``html_report``: a
self-contained page (facts × articles); ``summary``: the terminal table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..article import Article
from ..catalog import Catalog
from ..corpus import Corpus
from ..model import Problem

__all__ = ["article_views", "fact_tags", "write_one", "write_outputs"]


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


def write_failed(what: str, path: str | Path, exc: BaseException) -> str:
    """The one located line that says a report could not be written."""
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return f"factcheck: could not write the {what} to {path}: {reason}"


def write_one(what: str, path: str | Path, write: Callable[[], None],
              done: str | None = None) -> tuple[str, bool]:
    """Run one writer alone: (the line to show, True if it was written).

    Any failure of the writer (a full or read-only disk, a value it cannot
    encode) is caught here, so the other reports and the terminal's failures
    are still written; the atomic writer leaves no temporary file behind.
    """
    try:
        write()
    except Exception as exc:  # each writer fails alone, never the run
        return write_failed(what, path, exc), False
    return f"factcheck: {done or what} written to {path}", True


def write_outputs(report: Mapping[str, Any], *, sarif: str | None, html: str | None,
                  catalog: Catalog, corpus: Corpus,
                  article_paths: Iterable[Sequence[str | Path]],
                  suggestions: Callable[[], Mapping[str, Any]] | None = None
                  ) -> list[tuple[str, bool]]:
    """Write the SARIF log and the HTML page asked for: (line, written) for each.
    ``suggestions`` makes discovery's disagreements for the page's panel."""
    out: list[tuple[str, bool]] = []
    tags = fact_tags(catalog)
    if sarif:
        from .sarif import write_sarif

        out.append(write_one("SARIF report", sarif, lambda: write_sarif(sarif, report, tags),
                             "SARIF log"))
    if html:
        from .html_report import write_html_report

        out.append(write_one("HTML report", html, lambda: write_html_report(
            html, report, article_views(report, corpus, article_paths), tags,
            suggestions() if suggestions is not None else None)))
    return out
