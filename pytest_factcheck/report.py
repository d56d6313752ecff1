"""Reports: the text a failing fact shows, and the JSON report (docs/json-report.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from . import kinds
from .files import write_atomic
from .model import Fact, FactResult, Finding, Problem

__all__ = ["CONFIRMED", "REASONS", "REPORT_VERSION", "article_counts", "build_json_report",
           "headline", "legend", "render_result", "result_to_json", "write_json_report"]

REPORT_VERSION = 2
CONFIRMED = "confirmed"  # the reason of every consistent finding in the JSON report

# What each reason code means, in the words an editor reads.
REASONS: dict[str, str] = {
    "out-of-range": "a number outside what the fact allows",
    "altered-quote": "the quoted words differ from what the speaker said",
    "misattribution": "the quote is given to someone other than its speaker",
    "placed-at": "someone the fact says was absent is placed at the event",
    "placed-away": "someone the fact says was present is placed elsewhere",
    "avoided-spelling": "a spelling house style avoids",
    "wrong-role": "a title the person did not hold at that time",
    "outdated": "a value that was right until the fact was revised, stated after it",
    "forbidden": "words the fact forbids",
    "missing-required": "the wording the fact requires is missing",
    "note": "read but not sure; never a failure",
    CONFIRMED: "the article agrees with the fact",
}


def article_counts(result: FactResult) -> dict[str, int]:
    """Articles checked / consistent / contradicting / silent for one fact."""
    by_article: dict[str, set[str]] = {}
    for f in result.findings:
        by_article.setdefault(f.article, set()).add(f.status)
    contradicting = sum(1 for s in by_article.values() if "contradiction" in s)
    waived = sum(1 for s in by_article.values() if "waived" in s and "contradiction" not in s)
    consistent = sum(1 for s in by_article.values() if s == {"consistent"})
    silent = result.articles_checked - len(by_article)
    return {"checked": result.articles_checked, "consistent": consistent,
            "contradicting": contradicting, "waived": waived, "silent": max(0, silent)}


def _marked(f: Finding, indent: str = "    ") -> list[str]:
    text = f.excerpt
    ms, me = f.mark
    lines = [indent + text]
    if me > ms or ms < len(text):
        # Width of the text before the mark, counting wide characters as they show.
        pad = "".join("\t" if c == "\t" else " " for c in text[:ms])
        lines.append(indent + pad + "^" * max(1, me - ms))
    return lines


def render_finding(f: Finding) -> list[str]:
    head = f"{f.article}:{f.line}:{f.column}: {f.reason}"
    if f.status == "waived":
        head += f" (waived: {f.waiver})"
    out = [head, *_marked(f), f"    {f.message}"]
    if f.held_to:
        out.append(f"    held to: {f.held_to}")
    if f.detail:
        out.extend("    " + line for line in f.detail.splitlines())
    return out


def fact_summary(fact: Fact) -> str:
    """What the fact says, in one line: its claim, or its kind's summary of its fields."""
    if fact.claim:
        return fact.claim
    kind = kinds.REGISTRY.get(fact.kind)
    return kind.describe(fact) if kind is not None else ""


def headline(result: FactResult) -> str:
    """The failure in one line: the first contradiction's place and message.

    It is the first line of the failure text, so pytest's short test summary
    (``FAILED facts/x.yaml::id - ...``) shows it, with or without xdist.
    """
    bad = result.contradictions
    if bad:
        first, more = bad[0], len(bad) - 1
        line = f"{first.article}:{first.line}:{first.column} {first.message}"
    elif result.problems:
        first_p, more = result.problems[0], len(result.problems) - 1
        line = f"error: {first_p}"
    else:
        return f"fact {result.fact.id!r}"
    return line + (f" (+{more} more)" if more else "")


def legend(reasons: Iterable[str]) -> str:
    """One line saying what the reason codes shown mean (empty if none are known)."""
    known = [r for r in dict.fromkeys(reasons) if r in REASONS]
    if not known:
        return ""
    return "reasons: " + "; ".join(f"{r} = {REASONS[r]}" for r in known)


def render_result(result: FactResult, *, fact_file: str = "") -> str:
    """The text a user reads for a failing (or xfailed) fact."""
    fact = result.fact
    summary = fact_summary(fact)
    out = [headline(result),
           f"fact {fact.id!r} ({fact.kind})" + (f": {summary}" if summary else "")]
    if fact_file:
        out.append(f"defined at {fact_file}:{fact.pos.line}")
    out.append("")
    shown = [f for f in result.findings if f.status not in ("consistent", "baselined")]
    for f in shown:
        out.extend(render_finding(f))
        out.append("")
    for p in result.problems:
        out.append(f"error: {p}")
    for n in result.notes:
        out.append(f"note: {n.article}:{n.line}:{n.column}: {n.message}")
    why = legend([*(f.reason for f in shown), *(["note"] if result.notes else [])])
    if why:
        out.append(why)
    c = article_counts(result)
    out.append(
        f"articles checked: {c['checked']} · consistent: {c['consistent']} · "
        f"contradicting: {c['contradicting']} · silent: {c['silent']}"
        + (f" · waived: {c['waived']}" if c["waived"] else "")
    )
    baselined = sum(1 for f in result.findings if f.status == "baselined")
    if baselined:
        out.append(f"baselined (recorded earlier, not shown): {baselined}")
    return "\n".join(out)


def _finding_json(f: Finding) -> dict[str, Any]:
    """A finding as the JSON report lists it: a consistent one's reason is ``confirmed``."""
    out = f.to_json()
    if f.status == "consistent":
        out["reason"] = CONFIRMED
    return out


def result_to_json(result: FactResult, *, fact_file: str, outcome: str | None = None
                   ) -> dict[str, Any]:
    fact = result.fact
    return {
        "id": fact.id,
        "kind": fact.kind,
        "claim": fact.claim,
        "file": fact_file,
        "line": fact.pos.line,
        "outcome": outcome or result.outcome,
        "findings": [_finding_json(f) for f in result.findings],
        "notes": [n.to_json() for n in result.notes],
        "counts": article_counts(result),
    }


def build_json_report(
    articles: Sequence[str],
    facts: Iterable[Mapping[str, Any]],
    errors: Iterable[Problem],
    *,
    not_checked: int = 0,
) -> dict[str, Any]:
    fact_list = sorted(facts, key=lambda f: (f["file"], f["line"], f["id"]))
    contradictions = sum(
        1 for f in fact_list for x in f["findings"] if x["status"] == "contradiction")
    err_list = sorted({(e.file, e.line, e.column, e.message) for e in errors})
    return {
        "version": REPORT_VERSION,
        "articles": list(articles),
        "facts": fact_list,
        "errors": [{"file": a, "line": b, "column": c, "message": d} for a, b, c, d in err_list],
        "summary": {
            "facts": len(fact_list),
            "passed": sum(1 for f in fact_list if f["outcome"] == "passed"),
            "failed": sum(1 for f in fact_list if f["outcome"] == "failed"),
            "xfailed": sum(1 for f in fact_list if f["outcome"] == "xfailed"),
            "errors": sum(1 for f in fact_list if f["outcome"] == "error") + len(err_list),
            "articles": len(articles),
            "contradictions": contradictions,
            "not_checked": not_checked,  # facts disabled because they are broken
        },
    }


def write_json_report(path: str | Path, report: Mapping[str, Any]) -> None:
    """Write ``report`` as JSON: one fact (article, error) per line.

    A newsroom's report can hold hundreds of thousands of findings; a line
    per fact keeps it fast to write (the C encoder) and easy to grep and diff.
    """
    parts = ["{\n"]
    for n, (key, value) in enumerate(report.items()):
        parts.append(f"  {json.dumps(key)}: ")
        if isinstance(value, list) and value:
            parts.append("[\n")
            parts.append(",\n".join(f"    {json.dumps(v, ensure_ascii=False)}" for v in value))
            parts.append("\n  ]")
        else:
            parts.append(json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n  "))
        parts.append(",\n" if n < len(report) - 1 else "\n")
    parts.append("}\n")
    write_atomic(path, "".join(parts))
