"""GitHub Actions workflow commands: one annotation per contradiction.

When ``GITHUB_ACTIONS=true`` each contradiction is printed as

    ::error file=ARTICLE,line=L,col=C,endLine=E,endColumn=F,title=FACT_ID::message

so that GitHub shows it on the article's line in the pull request. Values are
escaped as GitHub's runner expects: ``%``, CR and LF in every value, and also
``:`` and ``,`` in property values.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import Any

from .safe_text import neutralise

__all__ = ["escape_data", "escape_property", "in_github_actions", "workflow_commands"]


def in_github_actions(environ: Mapping[str, str] | None = None) -> bool:
    env = os.environ if environ is None else environ
    return env.get("GITHUB_ACTIONS", "").lower() == "true"


def escape_data(value: str) -> str:
    """Escape a command's message: one line, no control sequences (see safe_text)."""
    return neutralise(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(value: str) -> str:
    """Escape a command property's value."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, props: Mapping[str, Any], message: str) -> str:
    body = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items()
                    if v not in (None, "", 0))
    return f"::{level} {body}::{escape_data(message)}" if body else \
        f"::{level}::{escape_data(message)}"


def _finding_message(fact: Mapping[str, Any], finding: Mapping[str, Any]) -> str:
    lines = [str(finding.get("message", ""))]
    if finding.get("excerpt"):
        lines.append(f"in: {finding['excerpt']}")
    if fact.get("claim"):
        lines.append(f"fact ({fact.get('file', '')}:{fact.get('line', '')}): {fact['claim']}")
    if finding.get("held_to"):
        lines.append(f"held to: {finding['held_to']}")
    if finding.get("status") == "waived" and finding.get("waiver"):
        lines.append(f"waived: {finding['waiver']}")
    return "\n".join(lines)


def workflow_commands(report: Mapping[str, Any]) -> Iterator[str]:
    """Annotations for every contradiction (error), waived finding (notice) and error."""
    for fact in report.get("facts", ()):
        for f in fact.get("findings", ()):
            if f.get("status") not in ("contradiction", "waived"):
                continue
            level = "error" if f["status"] == "contradiction" else "notice"
            props = {"file": f["article"], "line": f.get("line"), "col": f.get("column"),
                     "endLine": f.get("end_line"), "endColumn": f.get("end_column"),
                     "title": fact["id"] + (" (waived)" if level == "notice" else "")}
            yield _command(level, props, _finding_message(fact, f))
    for e in report.get("errors", ()):
        props = {"file": e.get("file"), "line": e.get("line"), "col": e.get("column"),
                 "title": "factcheck"}
        yield _command("error", props, str(e.get("message", "")))
