"""scripts/fuzz_hostile.py runs on the current code and reports what breaks."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("fuzz_hostile", ROOT / "scripts" / "fuzz_hostile.py")
assert _spec and _spec.loader
fuzz = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fuzz)


def test_a_small_run_finds_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert fuzz.main(["--inputs", "150", "--workers", "1", "--desk-share", "0.2"]) == 0
    out = capsys.readouterr().out
    assert "150 inputs" in out and "desk" in out and "no unexpected exception" in out


def test_a_planted_failure_is_reported(capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: object, report: object, tags: object = None) -> None:
        raise RuntimeError("planted writer failure")

    monkeypatch.setattr(fuzz, "write_sarif", broken)
    assert fuzz.main(["--inputs", "60", "--workers", "1", "--desk-share", "0.5"]) == 1
    out = capsys.readouterr().out
    assert "desk: RuntimeError: planted writer failure" in out
