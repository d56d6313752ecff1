"""pytest-factcheck: check news articles against facts verified by editors.

The checking core is free of pytest, so it also runs as a library (or on a
cluster, one batch of articles per task)::

    from pathlib import Path
    from pytest_factcheck import check_all, load_catalog, prepare, read_article

    catalog = load_catalog(["facts/"])
    articles = [prepare(read_article(p)) for p in Path("seeds").glob("*.txt")]
    for result in check_all(catalog.facts, articles):
        print(result.fact.id, result.outcome, len(result.contradictions))

The pytest plugin (``pytest --factcheck``) is a thin layer of hooks over this.
"""

from __future__ import annotations

from .article import Article, PreparedArticle, prepare
from .articles import read_article
from .catalog import Catalog
from .engine import check_all, check_fact
from .loader import load_catalog
from .model import Entity, Evidence, Fact, FactResult, Finding

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Catalog",
    "Entity",
    "Evidence",
    "Fact",
    "FactResult",
    "Finding",
    "PreparedArticle",
    "check_all",
    "check_fact",
    "load_catalog",
    "prepare",
    "read_article",
]
