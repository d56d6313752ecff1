"""pytest-xdist: ``-n 2`` gives the same outcomes and the same JSON report as a serial run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bench.generate import generate

pytest_plugins = ["pytester"]
pytest.importorskip("xdist")


def _run(pytester: pytest.Pytester, report: str, *extra: str) -> pytest.RunResult:
    return pytester.runpytest_subprocess("--factcheck", "articles", "--facts", "facts",
                                         "--factcheck-report", report, "-p", "no:randomly",
                                         *extra)


@pytest.mark.parametrize("cache", ["cold", "warm", "off"])
def test_two_workers_report_like_one(pytester: pytest.Pytester, cache: str) -> None:
    generate(pytester.path, articles=40, facts=30)
    off = ("-p", "no:cacheprovider") if cache == "off" else ()
    serial = _run(pytester, "serial.json", *off)
    if cache == "cold":
        shutil.rmtree(pytester.path / ".pytest_cache", ignore_errors=True)
    parallel = _run(pytester, "parallel.json", "-n", "2", *off)
    outcomes = serial.parseoutcomes()
    assert outcomes.get("failed", 0) > 0 and outcomes.get("passed", 0) > 0
    parallel.assert_outcomes(**{k: v for k, v in outcomes.items()
                                if k in ("passed", "failed", "xfailed", "errors")})
    a = json.loads(Path(pytester.path / "serial.json").read_text())
    b = json.loads(Path(pytester.path / "parallel.json").read_text())
    assert a == b
    assert a["summary"]["facts"] == 30 and len(a["articles"]) == 40


def test_workers_share_preparation_through_the_cache(pytester: pytest.Pytester) -> None:
    generate(pytester.path, articles=30, facts=12)
    _run(pytester, "parallel.json", "-n", "2")
    entries = list((pytester.path / ".pytest_cache" / "d" / "factcheck").rglob("*.pickle"))
    assert len(entries) == 30
    assert not list((pytester.path / ".pytest_cache").rglob("*.tmp"))


COUNTING = '''
import os
import pytest_factcheck.corpus as corpus

_prepare = corpus.prepare


def counting(article):
    with open("prepared.log", "a", encoding="utf-8") as fh:
        fh.write(f"{os.getpid()} {article.path}\\n")
    return _prepare(article)


corpus.prepare = counting
'''


@pytest.mark.parametrize("cache", ["on", "off"])
def test_under_xdist_each_article_is_prepared_once(pytester: pytest.Pytester, cache: str
                                                   ) -> None:
    """The controller checks (in its pool), the workers only report: no article
    is read twice, with or without the cache (before, each worker read all)."""
    generate(pytester.path, articles=30, facts=12)
    pytester.makeconftest(COUNTING)
    off = ("-p", "no:cacheprovider") if cache == "off" else ()
    result = _run(pytester, "parallel.json", "-n", "2", *off)
    assert result.parseoutcomes().get("passed", 0) > 0
    lines = (pytester.path / "prepared.log").read_text("utf-8").splitlines()
    paths = [line.split(" ", 1)[1] for line in lines]
    assert len(paths) == len(set(paths)) == 30
