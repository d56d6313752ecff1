"""Baselines: adopt the checker on an old archive, fail only on new contradictions.

A baseline file records contradictions a repository already has. A
contradiction is matched by fact id, article path and the claimed words (the
finding's ``matched`` text, white space normalised) -- never by line or
column, so edits elsewhere in the article keep it matching. Matching counts:
if the baseline records the words twice in an article and the article now has
them three times, one (the last in the article) is new.

The file written by ``--factcheck-baseline-write`` is small JSON::

    {"format": "pytest-factcheck-baseline", "version": 1,
     "contradictions": [{"fact": "...", "article": "...", "words": "...", "count": 1}]}

A JSON report (``--factcheck-report``, SPEC section 6) is accepted as a
baseline too: its ``contradiction`` and ``baselined`` findings are recorded.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .files import write_atomic
from .model import FactResult, Finding

__all__ = ["FORMAT", "Applied", "Baseline", "BaselineError", "Entry", "apply_baseline",
           "entries_from_report", "load_baseline", "normalise_words", "summary_lines",
           "write_baseline"]

FORMAT = "pytest-factcheck-baseline"
VERSION = 1
RECORDED = ("contradiction", "baselined")


class BaselineError(Exception):
    """A baseline file that cannot be used (the message names the file)."""


@dataclass(frozen=True, order=True)
class Entry:
    """``count`` contradictions of ``fact`` in ``article`` claiming ``words``."""

    fact: str
    article: str
    words: str
    count: int = 1

    def to_json(self) -> dict[str, Any]:
        return {"fact": self.fact, "article": self.article, "words": self.words,
                "count": self.count}

    def __str__(self) -> str:
        times = f" (x{self.count})" if self.count > 1 else ""
        # repr: control characters in an article's words are shown escaped
        return f"{self.fact} in {self.article!r}: {self.words!r}{times}"


def normalise_words(text: str) -> str:
    return " ".join(text.split())


Key = tuple[str, str, str]  # fact, article, words


@dataclass(frozen=True)
class Baseline:
    """The recorded contradictions of one file, counted by (fact, article, words)."""

    path: str
    counts: Mapping[Key, int] = field(default_factory=dict)

    def for_fact(self, fact_id: str) -> Counter[tuple[str, str]]:
        return Counter({(a, w): n for (f, a, w), n in self.counts.items() if f == fact_id})

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _count(entries: Iterable[Entry]) -> dict[Key, int]:
    out: Counter[Key] = Counter()
    for e in entries:
        out[(e.fact, e.article, normalise_words(e.words))] += e.count
    return dict(out)


def _entries(data: Any, shown: str) -> list[Entry]:
    if not isinstance(data, dict):
        raise BaselineError(f"{shown}: not a baseline (expected a JSON object)")
    if "contradictions" in data:
        items = data["contradictions"]
        if not isinstance(items, list):
            raise BaselineError(f"{shown}: 'contradictions' must be a list")
        out = []
        for n, e in enumerate(items, 1):
            ok = (isinstance(e, dict) and all(isinstance(e.get(k), str)
                                              for k in ("fact", "article", "words"))
                  and isinstance(e.get("count", 1), int) and e.get("count", 1) >= 1)
            if not ok:
                raise BaselineError(
                    f"{shown}: entry {n} of 'contradictions' needs strings 'fact', "
                    "'article', 'words' and a positive whole 'count'")
            out.append(Entry(e["fact"], e["article"], e["words"], e.get("count", 1)))
        return out
    if "facts" in data and isinstance(data["facts"], list):
        try:
            return entries_from_report(data["facts"])
        except (KeyError, TypeError, AttributeError):
            raise BaselineError(f"{shown}: not a pytest-factcheck JSON report "
                                "(a fact or finding lacks 'id', 'article' or 'status')"
                                ) from None
    raise BaselineError(f"{shown}: not a baseline (no 'contradictions' list, and not a "
                        "JSON report with 'facts')")


def load_baseline(path: Path, shown: str | None = None) -> Baseline:
    """Read a baseline file; a missing or corrupt one is a :class:`BaselineError`."""
    shown = shown or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(f"{shown}: no such baseline file (write one with "
                            "--factcheck-baseline-write)") from None
    except UnicodeDecodeError as exc:
        raise BaselineError(f"{shown}: not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise BaselineError(f"{shown}: cannot read the baseline: {exc.strerror}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{shown}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}"
                            ) from None
    return Baseline(shown, _count(_entries(data, shown)))


def entries_from_report(facts: Iterable[Mapping[str, Any]]) -> list[Entry]:
    """The recorded contradictions of JSON report facts, counted and sorted."""
    counts: Counter[Key] = Counter()
    for fact in facts:
        for x in fact.get("findings", ()):
            if x["status"] in RECORDED:
                counts[(str(fact["id"]), str(x["article"]),
                        normalise_words(str(x.get("matched", ""))))] += 1
    return sorted(Entry(f, a, w, n) for (f, a, w), n in counts.items())


@dataclass(frozen=True)
class Applied:
    """A fact's result with its recorded contradictions baselined."""

    result: FactResult
    baselined: int = 0
    fixed: tuple[Entry, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"baselined": self.baselined, "fixed": [e.to_json() for e in self.fixed]}


def apply_baseline(result: FactResult, baseline: Baseline,
                   checked: Callable[[str], bool]) -> Applied:
    """Mark the recorded contradictions of ``result`` as ``baselined``.

    ``checked(article)`` says whether this run looked at that article for
    this fact: only then is a recorded contradiction not found "fixed".
    """
    left = baseline.for_fact(result.fact.id)
    if not left:
        return Applied(result)
    findings: list[Finding] = []
    baselined = 0
    for f in result.findings:
        key = (f.article, normalise_words(f.matched))
        if f.status == "contradiction" and left[key] > 0:
            left[key] -= 1
            baselined += 1
            f = dataclasses.replace(f, status="baselined")
        findings.append(f)
    fixed = tuple(sorted(Entry(result.fact.id, a, w, n) for (a, w), n in left.items()
                         if n > 0 and checked(a)))
    return Applied(dataclasses.replace(result, findings=tuple(findings)), baselined, fixed)


def write_baseline(path: Path, entries: Iterable[Entry]) -> int:
    """Write ``entries`` atomically (an entry per line); the number of contradictions."""
    items = sorted(entries)
    body = ",\n".join(f"    {json.dumps(e.to_json(), ensure_ascii=False)}" for e in items)
    text = (f'{{\n  "format": "{FORMAT}",\n  "version": {VERSION},\n  "contradictions": ['
            + (f"\n{body}\n  " if items else "") + "]\n}\n")
    write_atomic(path, text)
    return sum(e.count for e in items)


def summary_lines(baselined: int, new: int, fixed: Iterable[Entry], limit: int = 20
                  ) -> list[str]:
    """The terminal summary of a run with a baseline."""
    gone = sorted(fixed)
    n_fixed = sum(e.count for e in gone)
    head = (f"factcheck: {baselined} contradiction{'s' if baselined != 1 else ''} "
            f"baselined, {new} new")
    if not gone:
        return [head]
    lines = [head + f"; {n_fixed} baselined entr{'ies' if n_fixed != 1 else 'y'} no longer "
             "found (fixed):"]
    lines += [f"  {e}" for e in gone[:limit]]
    if len(gone) > limit:
        lines.append(f"  ... and {len(gone) - limit} more (see the JSON report)")
    return lines
