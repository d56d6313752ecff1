#!/usr/bin/env python
"""Fast hostile fuzzing of the whole path: text machinery, facts × articles, every writer.

    python scripts/fuzz_hostile.py --inputs 1000000 --workers 2 --seed 1
    python scripts/fuzz_hostile.py --inputs 2000 --workers 1      # a quick look

No hypothesis (its overhead is what made ``scripts/fuzz.py`` slow): a seeded
``random.Random`` builds hostile strings from pieces that broke, or could
break, the checker: lone surrogates, default-ignorable and bidi code points,
ANSI/OSC sequences, workflow commands (``::add-mask::``), look-alike letters,
line-end hyphens, long runs, NULs, quote marks of every family, numbers in every
form, YAML anchors and aliases. Two targets share the inputs:

* ``text`` (nine inputs in ten by default): normalize (its offset map must stay inside the
  text), paragraphs and sentences, number expressions, quote spans, lines and
  the terminal neutraliser (no control character, no ``::`` line survives);
* ``desk`` (one in ten; ``--desk-share``): a fact file of hostile terms and an article with an odd
  file name (newline, ``::``, non-UTF-8 bytes, a leading dash) are written to a
  temporary folder, loaded, indexed (``CorpusIndex.for_checkers``), checked
  (``check_all``), and the JSON report, the SARIF log and the GitHub
  annotations are written; the JSON must read back, no ``*.tmp`` may be left
  and every annotation must be one line.

Located errors (``FactError``, ``ArticleError``, load problems) are expected;
any other exception is recorded with its input and reported at the end,
grouped by the last traceback line. Exit status 1 when there was one.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pytest_factcheck.article import prepare
from pytest_factcheck.articles import read_article
from pytest_factcheck.engine import check_all
from pytest_factcheck.errors import ArticleError, FactError
from pytest_factcheck.index import CorpusIndex
from pytest_factcheck.loader import load_catalog
from pytest_factcheck.outputs.github import workflow_commands
from pytest_factcheck.outputs.safe_text import neutralise
from pytest_factcheck.outputs.sarif import build_sarif, write_sarif
from pytest_factcheck.report import (
    build_json_report,
    result_to_json,
    write_json_report,
)
from pytest_factcheck.text.lines import Lines
from pytest_factcheck.text.normalize import normalize
from pytest_factcheck.text.numbers import find_counts, find_numbers
from pytest_factcheck.text.quotes import find_spans
from pytest_factcheck.text.segment import paragraph_spans, sentence_spans

PIECES = (
    "Sergey Lavrov", "Sergei Lavrov", "S\u0435rgey", "Ser-\ngey", "Ser\u00adgey", "Ser\u200bgey",
    "\ud800", "\udcff", "\u034f", "\ufe0f", "\u202e", "\u2066", "\U000e0041", "\x00", "\x1b[2J",
    "\x1b]0;title\x07", "\x9b31m", "::add-mask::x", "\n::error::pwned\n", "##[error]", "\r",
    "\r\n", "\n\n", "\t", " ", "\u00a0", "\u3000", '"', "\u201c", "\u201d", "'", "\u2019",
    "\u00ab", "\u00bb", "\u300c", "...", "\u2026", "[sic]", "killed", " 89 ", "eighty-nine",
    "at least 70", "between 70 and 100", "1,200", "dozens of", "4 April 2017", "2017-04-04",
    "said", "told reporters", "attended", "the G7 meeting", "Foreign Minister", "former",
    "Putin", "he", "she", "Mr", ".", ",", ";", ":", "(", ")", "-", "\u2014", "<b>", "</p>",
    "---\n", "# ", "&amp;", "\ufeff", "x" * 300, "é", "e\u0301", "\uff33ergey", "ß", "İ",
)
NAMES = ("a.txt", "new\nline.txt", "::add-mask::x.md", "-rf.txt", "b\udcff.txt", "c.html",
         "\u202egnp.txt", "d e.md", "##[error].txt")


def hostile(rnd: random.Random, n: int = 30) -> str:
    return "".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, n)))


def _yaml_str(text: str) -> str:
    return json.dumps(text)  # JSON strings are YAML strings (surrogates escaped)


PATTERNS = ("Russia knew", "(a+)+$", r"\d{3}", "[", "::", "(.*){1,12}x\\d{5}")


def fact_file(rnd: random.Random) -> str:
    term = _yaml_str(hostile(rnd, 6))
    claim = _yaml_str(hostile(rnd, 8))
    alias = "&t " + term if rnd.random() < 0.5 else term
    use = "*t" if alias.startswith("&") else term
    return f"""entities:
  p: {{name: {_yaml_str("Vladimir " + hostile(rnd, 3) or "Putin")}, aliases: [{alias}]}}
  m: {{name: {_yaml_str("G7 meeting " + hostile(rnd, 2))}, type: event}}
facts:
  - id: s
    kind: spelling
    claim: {claim}
    preferred: Sergei Lavrov
    avoid: [{use}]
  - id: q
    kind: quantity
    cues: [killed, {term}]
    min: 70
    max: 100
  - id: o
    kind: quote
    speaker: p
    text: {_yaml_str("We have seen it all before " + hostile(rnd, 4))}
  - id: a
    kind: attendance
    event: m
    absent: [p]
  - id: r
    kind: role
    entity: p
    roles: [President]
  - id: t
    kind: pattern
    forbid: {_yaml_str(rnd.choice(PATTERNS))}
"""


class Tally:
    def __init__(self) -> None:
        self.runs: Counter[str] = Counter()
        self.seconds: Counter[str] = Counter()
        self.failures: dict[str, tuple[int, str]] = {}

    def call(self, name: str, fn: Any, *args: Any) -> None:
        self.runs[name] += 1
        t = time.perf_counter()
        try:
            fn(*args)
        except Exception:  # record and go on: every distinct failure is wanted
            tb = traceback.format_exc()
            key = f"{name}: {tb.strip().splitlines()[-1]}"
            count, first = self.failures.get(key, (0, f"input: {args!r}"[:1500] + "\n" + tb))
            self.failures[key] = (count + 1, first)
        self.seconds[name] += time.perf_counter() - t


def check_text(text: str) -> None:
    n = normalize(text)
    assert len(n.folded) == len(n.surface)
    for i in range(0, len(n.folded) + 1, max(1, len(n.folded) // 7)):
        s, e = n.to_source(i, min(len(n.folded), i + 3))
        assert 0 <= s <= e <= len(text), (i, s, e, len(text))
    for ps, pe in paragraph_spans(n.folded):
        find_spans(n.surface, n.folded, ps, pe)
        for ss, se in sentence_spans(n.folded[ps:pe]):
            find_numbers(n.folded[ps + ss:ps + se])
            find_counts(n.folded[ps + ss:ps + se])
    lines = Lines(text)
    for i in (0, len(text) // 2, len(text)):
        line, col = lines.line_col(i)
        assert line >= 1 and col >= 1
    safe = neutralise(text)
    assert not any(ln.lstrip(" \t").startswith("::") or "##[" in ln for ln in safe.split("\n"))
    assert not any(ord(c) < 32 and c not in "\n\t" for c in safe)
    safe.encode("utf-8")


def check_desk(rnd: random.Random) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "facts").mkdir()
        (root / "facts" / "f.yaml").write_text(fact_file(rnd), encoding="utf-8",
                                               errors="surrogateescape")
        (root / "articles").mkdir()
        paths = []
        for _ in range(rnd.randint(1, 3)):
            name = rnd.choice(NAMES)
            p = root / "articles" / f"{len(paths)}{name}"
            try:
                p.write_bytes(hostile(rnd, 60).encode("utf-8", "surrogatepass"))
            except (OSError, ValueError):
                continue  # the OS refuses the name: nothing to check
            paths.append(p)
        catalog = load_catalog([root / "facts"])
        articles = []
        for p in paths:
            with contextlib.suppress(ArticleError):  # unreadable: a located error
                articles.append(prepare(read_article(p)))
        index = CorpusIndex.for_checkers(articles, [lf.checker for lf in catalog.facts])
        assert index.covers(articles)
        results = check_all(catalog.facts, articles)
        facts = [result_to_json(r, fact_file="facts/f.yaml") for r in results]
        report = build_json_report([a.path for a in articles], facts, catalog.problems)
        out = root / "out"
        write_json_report(out / "r.json", report)
        json.loads((out / "r.json").read_text(encoding="utf-8"))
        build_sarif(report)
        write_sarif(out / "r.sarif", report)
        json.loads((out / "r.sarif").read_text(encoding="utf-8"))
        for command in workflow_commands(report):
            assert "\n" not in command and "\r" not in command, command
        assert not list(out.glob("*.tmp")) and not list(out.glob(".*.tmp"))


def work(job: tuple[int, int, float]
         ) -> tuple[Counter[str], Counter[str], dict[str, tuple[int, str]]]:
    seed, count, desk_share = job
    rnd = random.Random(seed)
    tally = Tally()
    for _ in range(count):
        if rnd.random() < desk_share:
            tally.call("desk", _desk, rnd)
        else:
            tally.call("text", check_text, hostile(rnd, 80))
    return tally.runs, tally.seconds, tally.failures


def _desk(rnd: random.Random) -> None:
    with contextlib.suppress(FactError):  # a located error is an answer, not a failure
        check_desk(rnd)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--inputs", type=int, default=20_000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--desk-share", type=float, default=0.1,
                    help="the share of inputs that are whole desks (default 0.1)")
    args = ap.parse_args(argv)
    chunk = 2_000
    jobs = [(args.seed * 1_000_003 + k, min(chunk, args.inputs - k * chunk), args.desk_share)
            for k in range((args.inputs + chunk - 1) // chunk)]
    start = time.monotonic()
    runs: Counter[str] = Counter()
    seconds: Counter[str] = Counter()
    failures: dict[str, tuple[int, str]] = {}
    if args.workers <= 1:
        parts = map(work, jobs)
    else:
        pool = multiprocessing.get_context("fork").Pool(args.workers)
        parts = pool.imap_unordered(work, jobs)
    for r, s, f in parts:
        runs.update(r)
        seconds.update(s)
        for key, (count, first) in f.items():
            before, shown = failures.get(key, (0, first))
            failures[key] = (before + count, shown)
    wall = time.monotonic() - start
    total = sum(runs.values())
    print(f"fuzz: {total:,} inputs in {wall:.0f} s on {args.workers} worker(s): "
          f"{total / max(wall, 1e-9):,.0f} inputs/s")
    for name in sorted(runs):
        rate = runs[name] / max(seconds[name], 1e-9)
        print(f"fuzz:   {name:5} {runs[name]:>9,} inputs, {rate:,.0f}/s per worker")
    if not failures:
        print("fuzz: no unexpected exception")
        return 0
    for key, (count, first) in sorted(failures.items(), key=lambda kv: -kv[1][0]):
        print(f"\n== {key} ({count}x)\n{first}")
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
