"""The end of the terminal summary, and progress while articles are read."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

__all__ = ["OUTCOMES", "Progress", "summary_table"]

OUTCOMES = ("passed", "failed", "xfailed", "error")
_HEAD = {"passed": "consistent", "failed": "contradicted", "xfailed": "waived",
         "error": "error"}
T = TypeVar("T")


def summary_table(report: Mapping[str, Any], top: int = 5) -> list[str]:
    """Facts by kind × outcome, then the articles with the most contradictions."""
    facts = list(report.get("facts", ()))
    if not facts:
        return []
    by_kind: dict[str, Counter[str]] = {}
    for f in facts:
        by_kind.setdefault(str(f.get("kind", "?")), Counter())[str(f.get("outcome"))] += 1
    cols = [o for o in OUTCOMES if any(c[o] for c in by_kind.values())] or ["passed"]
    names = [_HEAD[o] for o in cols]
    kind_w = max(5, *(len(k) for k in by_kind))
    widths = [max(len(n), 3) for n in names]

    def row(label: str, values: Sequence[str | int]) -> str:
        cells = "  ".join(str(v).rjust(w) for v, w in zip(values, widths, strict=True))
        return f"{label.ljust(kind_w)}  {cells}".rstrip()

    lines = [row("kind", names)]
    total: Counter[str] = Counter()
    for kind in sorted(by_kind):
        lines.append(row(kind, [by_kind[kind][o] for o in cols]))
        total.update(by_kind[kind])
    if len(by_kind) > 1:
        lines.append(row("all", [total[o] for o in cols]))
    per_article: Counter[str] = Counter()
    for f in facts:
        for x in f.get("findings", ()):
            if x.get("status") == "contradiction":
                per_article[str(x.get("article"))] += 1
    if per_article:
        lines.append("")
        lines.append("most contradictions:")
        ranked = sorted(per_article.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        w = len(str(ranked[0][1]))
        lines.extend(f"  {str(n).rjust(w)}  {a}" for a, n in ranked)
        if len(per_article) > top:
            lines.append(f"  ... and {len(per_article) - top} more articles")
    return lines


class Progress:
    """Reports progress over ``total`` steps on a terminal (or in a log).

    On a terminal the line is rewritten in place at most every ``interval``
    seconds; elsewhere (a CI log) a line is written at most every
    ``log_interval`` seconds. :meth:`done` writes the final line.
    """

    def __init__(self, total: int, *, label: str, rewrite: Callable[[str], None],
                 write_line: Callable[[str], None], tty: bool, interval: float = 0.1,
                 log_interval: float = 10.0, clock: Callable[[], float] = time.monotonic
                 ) -> None:
        self.total = total
        self.label = label
        self.rewrite = rewrite
        self.write_line = write_line
        self.tty = tty
        self.interval = interval if tty else log_interval
        self.clock = clock
        self.started = clock()
        self.last = self.started

    def step(self, i: int) -> None:
        now = self.clock()
        if now - self.last >= self.interval:
            self.last = now
            text = f"{self.label} {i}/{self.total}"
            if self.tty:
                self.rewrite(text)
            else:
                self.write_line(text)

    def track(self, items: Iterable[T]) -> Iterable[T]:
        for i, item in enumerate(items, 1):
            yield item
            self.step(i)

    def done(self, text: str) -> None:
        final = f"{text} in {self.clock() - self.started:.1f}s"
        if self.tty:
            self.rewrite(final)
            self.write_line("")
        else:
            self.write_line(final)
