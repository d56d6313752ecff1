"""The demo: the desk's facts in facts/ against the four real articles in seeds/.

Every contradiction reported here is a genuine inconsistency in the articles
(house spellings); every other fact must pass. This guards the README's output
and, above all, against false alarms on real prose.
"""

from __future__ import annotations

import json
import shutil

import pytest

from .conftest import ROOT, SEEDS

pytest_plugins = ["pytester"]

EXPECTED_CONTRADICTIONS = {
    ("lavrov-spelling", "seeds/000_0ca5e19bbdfdb48e.txt", 39, 54, "Sergey Lavrov"),
    ("khan-sheikhoun-spelling", "seeds/002_c4c8d9e8d9b4b65b.txt", 43, 161, "Khan Shaykhun"),
    ("assad-spelling", "seeds/002_c4c8d9e8d9b4b65b.txt", 1, 90, "Bashar-al Assad"),
    ("assad-spelling", "seeds/002_c4c8d9e8d9b4b65b.txt", 6, 128, "Bashar-al Assad"),
}


@pytest.fixture
def demo(pytester: pytest.Pytester) -> pytest.Pytester:
    shutil.copytree(ROOT / "facts", pytester.path / "facts")
    shutil.copytree(SEEDS, pytester.path / "seeds")
    return pytester


def test_demo_reports_only_the_genuine_inconsistencies(demo: pytest.Pytester) -> None:
    result = demo.runpytest("--factcheck", "seeds/", "--factcheck-report", "report.json")
    assert result.ret == 1
    report = json.loads((demo.path / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["facts"] >= 15
    assert {f["kind"] for f in report["facts"]} == {
        "quantity", "quote", "attendance", "spelling", "role", "pattern"}
    found = {
        (f["id"], x["article"], x["line"], x["column"], x["matched"])
        for f in report["facts"] for x in f["findings"] if x["status"] == "contradiction"
    }
    assert found == EXPECTED_CONTRADICTIONS
    failed = {f["id"] for f in report["facts"] if f["outcome"] != "passed"}
    assert failed == {"lavrov-spelling", "khan-sheikhoun-spelling", "assad-spelling"}
    assert report["errors"] == []
    assert "Traceback" not in result.stdout.str()


def test_demo_finds_consistent_evidence_for_every_kind(demo: pytest.Pytester) -> None:
    demo.runpytest("--factcheck", "seeds/", "--factcheck-report", "report.json")
    report = json.loads((demo.path / "report.json").read_text(encoding="utf-8"))
    confirmed = {f["kind"] for f in report["facts"]
                 for x in f["findings"] if x["status"] == "consistent"}
    assert confirmed == {"quantity", "quote", "attendance", "spelling", "role", "pattern"}
    toll = next(f for f in report["facts"] if f["id"] == "khan-sheikhoun-death-toll")
    readings = sorted(x["matched"] for x in toll["findings"])
    assert readings == ["at least 80 dead", "killed 87", "killed 89", "killed scores of"]
