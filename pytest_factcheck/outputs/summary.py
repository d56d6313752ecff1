"""The end of the terminal summary, and progress while articles are read."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

__all__ = ["OUTCOMES", "Progress", "memory_line", "summary_table",
           "xdist_note"]

OUTCOMES = ("passed", "failed", "xfailed", "error")
_HEAD = {"passed": "consistent", "failed": "contradicted", "xfailed": "waived",
         "error": "error"}
T = TypeVar("T")
# Below this many articles, pytest-xdist workers cost more than they save: each
# worker starts pytest, loads every fact and reads its share of the articles
# (measured with 100 facts on 2 CPUs, cold cache: -n 2 took 17.2 s against 1.8 s
# serial at 100 articles, 13.2 s against 7.6 s at 1,000, 14.7 s against 17.7 s
# at 3,000).


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def memory_line(*, checked: int, remembered: int, partly: int, changed: int,
                prepared: int) -> str:
    """What remembered results saved, in one line whose numbers add up.

    ``checked`` facts were checked afresh; ``remembered`` came whole from the
    last run; ``partly`` came from it and were checked again on the ``changed``
    (new or changed) articles; ``prepared`` articles were read in this run.
    """
    reused = remembered + partly
    line = (f"factcheck: {_plural(checked + reused, 'fact')}: {checked} checked afresh, "
            f"{reused} remembered")
    if partly:
        which = "all" if partly == reused else f"{partly} of them"
        on = f" on {_plural(changed, 'new or changed article')}" if changed else ""
        line += f" ({which} re-checked{on})"
    return line + f"; {_plural(prepared, 'article')} read"


def xdist_note(workers: int, articles: int, checking: int) -> str:
    """One line under ``-n``: the articles were checked once, by the run's own pool."""
    if workers < 1:
        return ""
    procs = f"{checking} process{'' if checking == 1 else 'es'}"
    return (f"factcheck: -n {workers}: {_plural(articles, 'article')} read and checked once, "
            f"by {procs} of this run "
            "(--factcheck-workers); the -n workers only report, so -n adds start-up time "
            "and is not needed")


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
