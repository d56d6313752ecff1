"""Shared helpers for the test suite."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from pytest_factcheck.article import Article, PreparedArticle

from .data.cdp import Browser, find_chromium

# In CI the property tests run a fixed set of examples (derandomized), so a
# submission's CI result does not depend on the luck of the draw; locally they
# explore new examples on every run. `scripts/fuzz.py` runs the long search.
settings.register_profile("ci", derandomize=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def prepared(text: str, path: str = "article.txt") -> PreparedArticle:
    """A prepared article made from text."""
    return PreparedArticle(Article.from_text(text, path))


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Chromium for the HTML report's tests (skipped where it is missing)."""
    exe = find_chromium()
    if exe is None:
        pytest.skip("Chromium is not installed (apt-get install -y chromium)")
    b = Browser(exe)
    try:
        yield b
    finally:
        b.close()


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A Dask client on a LocalCluster of 2 worker processes (skipped without
    the ``[audit]`` extra). Made outside any test's ``pytester`` snapshot, so
    importing ``distributed`` does not happen inside one."""
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=40)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()
