"""Reports: the text a failing fact shows, and the JSON report (SPEC §6)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .model import FactResult, Finding, Problem

__all__ = ["article_counts", "build_json_report", "render_result", "result_to_json",
           "write_json_report"]


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
    text = f.sentence or f.excerpt
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
    if f.detail:
        out.extend("    " + line for line in f.detail.splitlines())
    return out


def render_result(result: FactResult, *, fact_file: str = "") -> str:
    """The text a user reads for a failing (or xfailed) fact."""
    fact = result.fact
    out = [f"fact {fact.id!r} ({fact.kind})" + (f": {fact.claim}" if fact.claim else "")]
    if fact_file:
        out.append(f"defined at {fact_file}:{fact.pos.line}")
    out.append("")
    shown = [f for f in result.findings if f.status != "consistent"]
    for f in shown:
        out.extend(render_finding(f))
        out.append("")
    for p in result.problems:
        out.append(f"error: {p}")
    for n in result.notes:
        out.append(f"note: {n.article}:{n.line}:{n.column}: {n.message}")
    c = article_counts(result)
    out.append(
        f"articles checked: {c['checked']} · consistent: {c['consistent']} · "
        f"contradicting: {c['contradicting']} · silent: {c['silent']}"
        + (f" · waived: {c['waived']}" if c["waived"] else "")
    )
    return "\n".join(out)


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
        "findings": [f.to_json() for f in result.findings],
        "notes": [n.to_json() for n in result.notes],
        "counts": article_counts(result),
    }


def build_json_report(
    articles: Sequence[str],
    facts: Iterable[Mapping[str, Any]],
    errors: Iterable[Problem],
) -> dict[str, Any]:
    fact_list = sorted(facts, key=lambda f: (f["file"], f["line"], f["id"]))
    contradictions = sum(
        1 for f in fact_list for x in f["findings"] if x["status"] == "contradiction")
    err_list = sorted({(e.file, e.line, e.column, e.message) for e in errors})
    return {
        "version": 1,
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
        },
    }


def write_json_report(path: str | Path, report: Mapping[str, Any]) -> None:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_name(p.name + ".tmp")
    tmp.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(p)
