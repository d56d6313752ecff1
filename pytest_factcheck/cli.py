"""``factcheck``: the checker's own command line, without pytest.

``factcheck audit ARTICLES... --facts PATH [--report R.json] [--workers N |
--scheduler ADDRESS]`` checks an archive on Dask (see :mod:`pytest_factcheck.audit`).
Exit status: 0 when every fact holds, 1 when an article contradicts a fact or
something could not be checked, 2 on a usage error.

``factcheck suggest ARTICLES... [--facts PATH] [-o draft.yaml] [--report
disagreements.json]`` reads articles with no facts (or with the facts already
written) and lists where they disagree, and writes a draft fact file of what
they say (see :mod:`pytest_factcheck.suggest`). Exit status: 0, or 1 when an
output could not be written or an input could not be read.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .outputs.safe_text import neutralise, neutralise_lines
from .outputs.summary import summary_table
from .report import write_json_report

__all__ = ["main"]


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return n


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="factcheck", description=(
        "Check news articles against the facts editors have verified."))
    sub = ap.add_subparsers(dest="command", required=True)
    a = sub.add_parser("audit", help="check an archive on Dask (pip install "
                       "'pytest-factcheck[audit]')", description=(
                           "Check every article below ARTICLES against the facts, on a "
                           "Dask cluster, and write the JSON report pytest would write."))
    a.add_argument("articles", nargs="+", metavar="ARTICLES", help="article files or folders")
    a.add_argument("--facts", action="append", required=True, metavar="PATH",
                   help="fact file or folder (repeatable)")
    a.add_argument("--report", metavar="R.json", help="write the JSON report here")
    where = a.add_mutually_exclusive_group()
    where.add_argument("--workers", type=_positive, metavar="N",
                       help="worker processes of a local cluster (default: every core)")
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="an existing Dask scheduler, e.g. tcp://10.0.0.5:8786")
    a.add_argument("--rootdir", type=Path, default=None,
                   help="paths in the report are relative to this folder (default: here)")
    a.add_argument("--timeout", type=float, default=1.0, metavar="S",
                   help="time limit of one pattern on one article (default 1.0)")
    g = sub.add_parser("suggest", help="find disagreements between articles and draft facts",
                       description=(
                           "Read the articles below ARTICLES and list where they disagree "
                           "(names spelled several ways, one count given different values, "
                           "one quote in different wordings or given to different people, "
                           "conflicting titles); write a draft fact file of what they say."))
    g.add_argument("articles", nargs="+", metavar="ARTICLES", help="article files or folders")
    g.add_argument("--facts", action="append", default=[], metavar="PATH",
                   help="facts already written (repeatable): not suggested again, and the "
                        "disagreements they settle are marked")
    g.add_argument("-o", "--output", metavar="DRAFT.yaml", help="write the draft fact file here")
    g.add_argument("--report", metavar="R.json", help="write the disagreements as JSON here")
    g.add_argument("--rootdir", type=Path, default=None,
                   help="paths in the output are relative to this folder (default: here)")
    g.add_argument("--workers", type=_positive, default=None, metavar="N",
                   help="processes that read the articles (default: every core)")
    return ap


def _write(path: str, text: str, what: str) -> bool:
    from .files import write_atomic

    try:
        write_atomic(path, text)
    except OSError as exc:
        print(neutralise(f"factcheck suggest: error: cannot write the {what} to {path}: {exc}"),
              file=sys.stderr)
        return False
    print(neutralise(f"factcheck suggest: {what} written to {path}"))
    return True


def _suggest(args: argparse.Namespace) -> int:
    import json

    from .suggest import suggest
    from .suggest.report import report_json, table

    t0 = time.perf_counter()
    from .batch import default_workers

    done = suggest(args.articles, facts=args.facts, rootdir=args.rootdir or Path("."),
                   workers=args.workers or default_workers())
    took = time.perf_counter() - t0
    for p in done.problems:
        print(neutralise(f"factcheck suggest: cannot read {p}"), file=sys.stderr)
    for line in table(done.discovery):
        print(line)
    d = done.discovery
    print(f"factcheck suggest: {d.articles} articles read in {took:.1f}s; "
          f"{len(d.people)} people, {len(d.counts)} counts, {len(d.quotes)} quotes")
    ok = True
    if args.output:
        ok = _write(args.output, done.draft(), "draft fact file") and ok
    if args.report:
        ok = _write(args.report, json.dumps(report_json(d), indent=1, ensure_ascii=False) + "\n",
                    "disagreements report") and ok
    return 0 if ok and not done.problems else 1


def _audit(args: argparse.Namespace) -> int:
    from .audit import audit

    t0 = time.perf_counter()
    done = audit(args.articles, args.facts, rootdir=args.rootdir, workers=args.workers,
                 scheduler=args.scheduler, timeout=args.timeout)
    took = time.perf_counter() - t0
    s = done.report["summary"]
    print(f"factcheck audit: {s['facts']} facts over {s['articles']} articles on "
          f"{done.workers} Dask worker{'s' if done.workers != 1 else ''} "
          f"({done.shards} shard{'s' if done.shards != 1 else ''}) in {took:.1f}s: "
          f"{s['failed']} failed, {s['passed']} passed, {s['xfailed']} waived, "
          f"{s['errors']} errors; "
          f"{s['contradictions']} contradictions")
    for e in done.report["errors"]:
        where = f"{e['file']}:{e['line']}:{e['column']}" if e["line"] else e["file"]
        print(neutralise(f"error {where}: {e['message']}"))
    for line in neutralise_lines(summary_table(done.report)):
        print(line)
    if args.report:
        try:
            write_json_report(args.report, done.report)
            print(neutralise(f"factcheck audit: JSON report written to {args.report}"))
        except OSError as exc:
            print(neutralise(f"factcheck audit: error: cannot write the JSON report to "
                             f"{args.report}: {exc}"), file=sys.stderr)
            return 1
    return 1 if s["failed"] or s["errors"] else 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "audit":
        return _audit(args)
    if args.command == "suggest":
        return _suggest(args)
    return 2  # pragma: no cover - argparse requires a command


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
