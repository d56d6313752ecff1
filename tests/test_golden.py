"""The JSON reports of the seeds and of tests/data/newsroom are byte-identical to the stored ones.

``scripts/golden.py`` holds the hashes (and checks the benchmark corpus too); a
refactor that changes a report fails here. After an intended change of
behaviour, run ``python scripts/golden.py --update`` and say why in the commit.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("golden", ROOT / "scripts" / "golden.py")
assert _spec and _spec.loader
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)


@pytest.mark.parametrize("name", ["seeds", "newsroom"])
def test_report_is_byte_identical(name: str, tmp_path: Path) -> None:
    articles, facts = golden.corpora(tmp_path, [name])[name]
    data = golden.report_bytes(articles, facts, tmp_path / f"{name}.json")
    assert b'"findings"' in data
    assert golden.digest(data) == golden.stored()[name], (
        f"the {name} JSON report changed; if intended, run python scripts/golden.py --update")

