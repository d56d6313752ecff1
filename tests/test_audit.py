"""``factcheck audit`` on a Dask LocalCluster writes pytest's JSON report."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from bench.generate import generate
from pytest_factcheck.audit import audit, fact_outcome
from pytest_factcheck.cli import main
from pytest_factcheck.report import write_json_report

from .conftest import ROOT, SEEDS

distributed = pytest.importorskip("distributed")
pytest_plugins = ["pytester"]

NEWSROOM = Path(__file__).parent / "data" / "newsroom"

HOSTILE_FACTS = """\
facts:
  - id: broken-window
    kind: quantity
    claim: a fact with a misspelled field
    about: ferry
    cues: [dead]
    min: 3
    max: 2
  - id: ferry-scoped
    kind: spelling
    claim: the ferry's name
    preferred: Saint Brendan
    avoid: [St Brendan]
    applies_to: ["*ferry*"]
    exceptions:
      - article: "nowhere/*.txt"
        reason: an exception that matches nothing
"""


def _pytest_report(pytester: pytest.Pytester, *args: str) -> bytes:
    pytester.runpytest_subprocess("--factcheck", *args, "--factcheck-report", "pytest.json",
                                  "-p", "no:cacheprovider", "--factcheck-workers", "1")
    return (pytester.path / "pytest.json").read_bytes()


def _audit_report(root: Path, articles: list[str], facts: list[str], client: Any) -> bytes:
    done = audit([str(root / a) for a in articles], [str(root / f) for f in facts],
                 rootdir=root, client=client)
    assert done.workers == 2
    write_json_report(root / "audit.json", done.report)
    return (root / "audit.json").read_bytes()


def test_the_audit_writes_pytests_report_on_a_generated_archive(
        pytester: pytest.Pytester, client: Any) -> None:
    generate(pytester.path, articles=120, facts=60)
    want = _pytest_report(pytester, "articles", "--facts", "facts")
    got = _audit_report(pytester.path, ["articles"], ["facts"], client)
    assert b'"contradiction"' in want and b'"consistent"' in want
    assert got == want


def test_the_audit_writes_pytests_report_on_a_hostile_desk(
        pytester: pytest.Pytester, client: Any) -> None:
    """Broken facts, unreadable and missing articles, inline waivers, scopes and
    seeds: the same facts, outcomes, findings and errors."""
    shutil.copytree(NEWSROOM / "articles", pytester.path / "articles")
    shutil.copytree(SEEDS, pytester.path / "articles" / "seeds")
    shutil.copytree(NEWSROOM / "facts", pytester.path / "facts")
    shutil.copytree(ROOT / "facts", pytester.path / "facts" / "demo")
    (pytester.path / "facts" / "hostile.yaml").write_text(HOSTILE_FACTS, "utf-8")
    (pytester.path / "facts" / "broken.yaml").write_text("facts: [\n", "utf-8")
    arts = pytester.path / "articles"
    (arts / "binary.txt").write_bytes(b"\xff\xfe\x00\x00garbage\x00")
    (arts / "waived.md").write_text(
        "Sergey Lavrov arrived.\n\n<!-- factcheck: ignore lavrov-spelling -- the wire's "
        "spelling -->\nSergey Lavrov spoke.\n\n<!-- factcheck: ignore no-such-fact -- x -->\n",
        "utf-8")
    want = _pytest_report(pytester, "articles", "gone", "--facts", "facts")
    got = _audit_report(pytester.path, ["articles", "gone"], ["facts"], client)
    text = want.decode("utf-8")
    for expected in ("no such file or folder", "binary.txt", "no-such-fact", "broken.yaml",
                     "matches no article", '"waived"'):
        assert expected in text, expected
    assert got == want


def test_fact_outcomes_follow_pytests_items() -> None:
    class R:
        contradictions: tuple[int, ...] = ()
        problems: tuple[int, ...] = ()
        waived: tuple[int, ...] = ()

    r = R()
    assert fact_outcome(r) == "passed"  # type: ignore[arg-type]
    r.waived = (1,)
    assert fact_outcome(r) == "xfailed"  # type: ignore[arg-type]
    r.problems = (1,)
    assert fact_outcome(r) == "error"  # type: ignore[arg-type]
    r.contradictions = (1,)
    assert fact_outcome(r) == "failed"  # type: ignore[arg-type]


def test_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(ROOT / "facts", tmp_path / "facts")
    report = tmp_path / "r.json"
    code = main(["audit", str(tmp_path / "seeds"), "--facts", str(tmp_path / "facts"),
                 "--report", str(report), "--workers", "1", "--rootdir", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 1  # the seeds contradict three spelling facts
    assert "on 1 Dask worker (1 shard)" in out and "3 failed, 24 passed" in out
    assert "JSON report written to" in out and report.exists()
    with pytest.raises(SystemExit) as exc:
        main(["audit", str(tmp_path / "seeds")])  # --facts is required
    assert exc.value.code == 2
    with pytest.raises(SystemExit):
        main(["audit", "x", "--facts", "f", "--workers", "0"])
    assert "at least 1" in capsys.readouterr().err
