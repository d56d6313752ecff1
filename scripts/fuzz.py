#!/usr/bin/env python
"""A longer fuzz run of the loader and the checker (not part of CI).

Runs the two hypothesis properties of the test suite with many more examples:

- any fact document (valid or broken, YAML or random text) loads into a
  catalog or gives located problems, never an unexpected exception;
- any article bytes (prose-like, random, UTF-16; as .txt, .md or .html) give
  findings or located errors, never an unexpected exception.

Every unexpected exception is recorded (the run goes on) and reported at the end
with the input that caused it. Usage::

    python scripts/fuzz.py --minutes 5
    python scripts/fuzz.py --examples 20000 --only articles
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))

import test_bad_articles as arts  # noqa: E402
import test_bad_input as facts  # noqa: E402


class Tally:
    def __init__(self) -> None:
        self.runs: Counter[str] = Counter()
        self.failures: dict[str, list[tuple[str, str]]] = {}
        self.outcomes: Counter[str] = Counter()

    def call(self, name: str, fn: Any, *args: Any) -> None:
        self.runs[name] += 1
        try:
            fn(*args)
        except Exception:  # record and go on: we want every distinct failure
            tb = traceback.format_exc()
            key = tb.strip().splitlines()[-1]
            seen = self.failures.setdefault(name, [])
            if all(k != key for k, _ in seen):
                seen.append((key, f"input: {args!r}"[:2000] + "\n" + tb))


def run_facts(tally: Tally, examples: int) -> None:
    cfg = settings(max_examples=examples, deadline=None, database=None,
                   phases=[Phase.generate], suppress_health_check=list(HealthCheck))

    @cfg
    @given(st.lists(facts.documents, min_size=1, max_size=3))
    def documents(docs: list[Any]) -> None:
        tally.call("fact documents", facts._load_text, [facts._dump(d) for d in docs])

    @cfg
    @given(st.lists(facts.yaml_bits | st.text(max_size=8), max_size=60).map("".join))
    def texts(text: str) -> None:
        tally.call("fact file text", facts._load_text, [text])

    documents()
    texts()


def run_articles(tally: Tally, examples: int) -> None:
    cfg = settings(max_examples=examples, deadline=None, database=None,
                   phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    bigger = st.lists(arts.prose_bits | st.text(max_size=12), max_size=200).map("".join)

    @cfg
    @given(arts.article_bytes | bigger.map(lambda t: t.encode("utf-8", "surrogatepass")),
           st.sampled_from([".txt", ".md", ".html"]))
    def articles(data: bytes, suffix: str) -> None:
        tally.call("article bytes", arts._check_bytes, data, suffix)

    articles()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=0.0,
                    help="keep going in rounds until this many minutes have passed")
    ap.add_argument("--examples", type=int, default=2000, help="examples per round")
    ap.add_argument("--only", choices=["facts", "articles"], default=None)
    args = ap.parse_args(argv)
    arts.fuzz_facts()  # load the checker's facts once, outside the timing
    tally = Tally()
    start = time.monotonic()
    rounds = 0
    while True:
        rounds += 1
        if args.only in (None, "facts"):
            run_facts(tally, args.examples)
        if args.only in (None, "articles"):
            run_articles(tally, args.examples)
        elapsed = time.monotonic() - start
        print(f"round {rounds}: {dict(tally.runs)} in {elapsed:.0f} s", flush=True)
        if elapsed >= args.minutes * 60:
            break
    total = sum(tally.runs.values())
    print(f"\n{total} inputs in {time.monotonic() - start:.0f} s over {rounds} rounds; "
          f"checker facts: {sorted(f.fact.kind for f in arts.fuzz_facts())}")
    if not tally.failures:
        print("no unexpected exception")
        return 0
    for name, found in tally.failures.items():
        print(f"\n== {name}: {len(found)} distinct failure(s)")
        for _key, detail in found:
            print(detail)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
