"""Helpers for the editor-facing tests: read an article as stored, check it."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex

from pytest_factcheck.article import PreparedArticle, prepare
from pytest_factcheck.articles import parse_article
from pytest_factcheck.engine import check_fact
from pytest_factcheck.loader import Catalog, load_catalog
from pytest_factcheck.model import FactResult, Finding

DATA = Path(__file__).resolve().parent
HOUSE = DATA / "house.yaml"


@lru_cache(maxsize=1)
def house() -> Catalog:
    catalog = load_catalog([HOUSE])
    assert not catalog.problems, catalog.problems
    return catalog


def read(source: str, name: str) -> PreparedArticle:
    """An article as the plugin reads it from a file named ``name``."""
    return prepare(parse_article(source.encode("utf-8"), name, Path(name).suffix.lower()))


def results(source: str, name: str) -> dict[str, FactResult]:
    art = read(source, name)
    return {lf.fact.id: check_fact(lf, [art]) for lf in house().facts}


def findings(source: str, name: str, status: str | None = None) -> list[Finding]:
    out = [f for r in results(source, name).values() for f in r.findings]
    return [f for f in out if status is None or f.status == status]


def region(source: str, f: Finding) -> str:
    """The stored text from a finding's (line, column) to its (end_line, end_column)."""
    starts = [0] + [m.end() for m in regex.finditer(r"\r\n|\r|\n", source)]
    bom = 1 if source.startswith("\ufeff") else 0

    def offset(line: int, col: int) -> int:
        return starts[line - 1] + col - 1 + (bom if line == 1 else 0)

    return source[offset(f.line, f.column):offset(f.end_line, f.end_column)]


def where(fs: list[Finding], source: str) -> list[tuple[str, int, int, str]]:
    """(fact, line, column, stored text of the region) of each finding, sorted by place."""
    return sorted((f.fact_id, f.line, f.column, region(source, f)) for f in fs)


def line_col(source: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based line and column of the ``nth`` occurrence of ``needle`` in ``source``."""
    i = -1
    for _ in range(nth + 1):
        i = source.index(needle, i + 1)
    return source.count("\n", 0, i) + 1, i - (source.rfind("\n", 0, i) + 1) + 1
