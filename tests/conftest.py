"""Shared helpers for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from pytest_factcheck.article import Article, PreparedArticle

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def prepared(text: str, path: str = "article.txt") -> PreparedArticle:
    """A prepared article made from text."""
    return PreparedArticle(Article.from_text(text, path))


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS
