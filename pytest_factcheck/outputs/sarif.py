"""SARIF 2.1.0: one rule per fact, one result per contradiction (and per waiver).

Waived findings are results with a suppression (``inSource`` for an inline
waiver in the article, ``external`` for a fact's ``exceptions``), so that
code-scanning dashboards show them as dismissed, not as open alerts. Errors
(broken fact files, unreadable articles) are tool execution notifications.
Columns count Unicode code points (``columnKind``), as pytest-factcheck does.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

import regex

from ..files import write_atomic

__all__ = ["SARIF_SCHEMA", "build_sarif", "write_sarif"]

SARIF_SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                "sarif-schema-2.1.0.json")
TOOL = "pytest-factcheck"
_INLINE = regex.compile(r"\[inline, line \d+\]$")


def _version() -> str:
    try:
        from importlib.metadata import version

        return version(TOOL)
    except Exception:  # not installed (run from a checkout)
        return "0"


def _uri(path: str) -> str:
    # A Windows path's backslashes are separators; in a POSIX display path a
    # backslash is part of an escaped odd name (``bad\\xff.txt``) and is kept.
    windows = path[1:3] == ":\\" or "/" not in path
    p = PurePosixPath(path.replace("\\", "/") if windows else path)
    return ("file://" if p.is_absolute() else "") + _quote(str(p))


def _quote(path: str) -> str:
    """Percent-encoded; a name that is not UTF-8 (held as lone surrogates, as Python
    reads it) gets its own bytes (``%FF``), any other lone surrogate its escape."""
    try:
        return quote(path, errors="surrogateescape")
    except UnicodeEncodeError:
        return quote(path, errors="backslashreplace")


def _region(line: int, column: int, end_line: int = 0, end_column: int = 0,
            snippet: str = "") -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(1, line)}
    if column:
        region["startColumn"] = max(1, column)
    if end_line and end_line >= line:
        region["endLine"] = end_line
        if end_column and (end_line > line or end_column > column):
            region["endColumn"] = end_column
    if snippet:
        region["snippet"] = {"text": snippet}
    return region


def _location(path: str, region: dict[str, Any] | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(path),
                                                     "uriBaseId": "%SRCROOT%"}}
    if PurePosixPath(path).is_absolute():
        del physical["artifactLocation"]["uriBaseId"]
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}


def _rule(fact: Mapping[str, Any], tags: tuple[str, ...]) -> dict[str, Any]:
    claim = str(fact.get("claim") or fact["id"])
    return {
        "id": fact["id"],
        "name": "".join(w.capitalize() for w in str(fact["id"]).split("-")),
        "shortDescription": {"text": claim},
        "fullDescription": {"text": f"{fact.get('kind', '')} fact {fact['id']}: {claim} "
                                    f"(defined at {fact.get('file', '')}:{fact.get('line', '')})"},
        "defaultConfiguration": {"level": "error"},
        "help": {"text": "The article contradicts a fact verified by the editors. Correct the "
                         "article, or waive the fact for this paragraph with "
                         f"<!-- factcheck: ignore {fact['id']} -- reason -->."},
        "properties": {"tags": ["factcheck", str(fact.get("kind", "")), *tags],
                       "kind": fact.get("kind", ""),
                       "factFile": fact.get("file", ""), "factLine": fact.get("line", 0)},
    }


def _fingerprint(fact_id: str, f: Mapping[str, Any]) -> str:
    key = "\x1f".join([fact_id, str(f.get("article")), str(f.get("reason")),
                       " ".join(str(f.get("matched", "")).split()).casefold()])
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _result(fact: Mapping[str, Any], index: int, f: Mapping[str, Any]) -> dict[str, Any]:
    text = str(f.get("message", ""))
    if fact.get("claim"):
        text += f" (fact: {fact['claim']})"
    region = _region(int(f.get("line") or 1), int(f.get("column") or 0),
                     int(f.get("end_line") or 0), int(f.get("end_column") or 0),
                     str(f.get("matched", "")))
    out: dict[str, Any] = {
        "ruleId": fact["id"],
        "ruleIndex": index,
        "level": "error",
        "kind": "fail",
        "message": {"text": text},
        "locations": [_location(str(f["article"]), region)],
        "partialFingerprints": {"factcheckFinding/v1": _fingerprint(fact["id"], f)},
        "properties": {"reason": f.get("reason", ""), "excerpt": f.get("excerpt", "")},
    }
    if f.get("held_to"):  # a fact with dates: the value the article was held to
        out["message"]["text"] += f" [held to: {f['held_to']}]"
        out["properties"]["held_to"] = f["held_to"]
    if "article_date" in f:  # a dated article, or any finding of a dated fact
        out["properties"]["article_date"] = f["article_date"]
    if f.get("status") == "baselined":
        out["suppressions"] = [{"kind": "external", "status": "accepted",
                                "justification": "recorded in the factcheck baseline"}]
    elif f.get("status") == "waived":
        why = str(f.get("waiver", ""))
        out["suppressions"] = [{"kind": "inSource" if _INLINE.search(why) else "external",
                                "status": "accepted", "justification": why}]
    return out


def _notification(e: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"level": "error", "message": {"text": str(e.get("message", ""))}}
    if e.get("file"):
        line = int(e.get("line") or 0)
        region = _region(line, int(e.get("column") or 0)) if line else None
        out["locations"] = [_location(str(e["file"]), region)]
    return out


def build_sarif(report: Mapping[str, Any],
                fact_tags: Mapping[str, tuple[str, ...]] | None = None) -> dict[str, Any]:
    """A SARIF 2.1.0 log (as a dict) from the JSON report."""
    tags = fact_tags or {}
    facts = list(report.get("facts", ()))
    rules = [_rule(f, tuple(tags.get(f["id"], ()))) for f in facts]
    results = [
        _result(fact, i, f)
        for i, fact in enumerate(facts)
        for f in fact.get("findings", ())
        if f.get("status") in ("contradiction", "waived", "baselined")
    ]
    errors = list(report.get("errors", ()))
    run: dict[str, Any] = {
        "tool": {"driver": {"name": TOOL, "version": _version(),
                            "semanticVersion": _version(), "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [{
            "executionSuccessful": not errors,
            "toolExecutionNotifications": [_notification(e) for e in errors],
        }],
        "properties": {"summary": dict(report.get("summary", {}))},
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def write_sarif(path: str | Path, report: Mapping[str, Any],
                fact_tags: Mapping[str, tuple[str, ...]] | None = None) -> None:
    write_atomic(path, json.dumps(build_sarif(report, fact_tags), indent=2,
                                  ensure_ascii=False) + "\n")
