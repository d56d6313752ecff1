"""Workers, xdist, Dask and the archive curve, measured in one run (SPEC §7).

    python bench/scale.py --size 2000x240 --curve 10000,25000,50000,100000 --curve-facts 120
    python bench/scale.py --smoke           # tiny: checks that every row runs

On one generated corpus (``--size``), in one run: ``pytest --factcheck`` cold
with ``--factcheck-workers 1`` and with every core, ``pytest -n 2``, ``factcheck
audit`` on 1 and 2 Dask workers (its report compared with pytest's), ripgrep
over the facts' literal terms, and textlint with only the spelling facts (as
a prh dictionary; ``--textlint PATH`` to its executable). Then the archive
curve: ``factcheck audit`` on 2 local Dask workers over growing archives
(``--curve`` sizes × ``--curve-facts``), with wall time, articles per second,
the client's peak RSS and each worker's peak RSS. Rows go to
``bench/out/scale.jsonl``; a Markdown table is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.run import ensure_corpus, measure, same_report  # noqa: E402


def pytest_cmd(cache: Path, report: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "pytest", "--factcheck", "articles", "--facts", "facts",
            "-q", "-p", "no:randomly", "-o", f"cache_dir={cache}", "--rootdir", ".",
            "--factcheck-report", report, *extra]


def factcheck_cmd(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from pytest_factcheck.cli import main; "
            "sys.exit(main())", *args]


def prh_dictionary(root: Path) -> Path:
    """The spelling facts as a textlint-rule-prh dictionary."""
    import yaml

    rules = []
    for f in sorted((root / "facts").rglob("*.yaml")):
        doc = yaml.safe_load(f.read_text("utf-8")) or {}
        for fact in doc.get("facts", []):
            if fact.get("kind") == "spelling":
                # As /regex/ literals: prh's own escaping of plain strings writes
                # "\-", which JavaScript refuses under its "u" flag.
                rules.append({"expected": fact["preferred"],
                              "patterns": [f"/{_js_escape(a)}/" for a in fact["avoid"]]})
    out = root / "prh.yml"
    out.write_text(yaml.safe_dump({"version": 1, "rules": rules}, allow_unicode=True), "utf-8")
    (root / ".textlintrc.json").write_text(json.dumps(
        {"rules": {"prh": {"rulePaths": [str(out.resolve())]}}}), "utf-8")
    return out


def _js_escape(text: str) -> str:
    return "".join("\\" + c if c in r"\^$.|?*+()[]{}/" else c for c in text)


def terms_file(root: Path) -> Path:
    """Every literal term of every fact (what ripgrep looks for)."""
    from pytest_factcheck.index import fact_needs
    from pytest_factcheck.loader import load_catalog

    terms: set[str] = set()
    for lf in load_catalog([root / "facts"]).facts:
        needs = fact_needs(lf.checker)
        terms.update(needs.terms or ())
        for g in needs.groups or ():
            terms.update(g)
    out = root / "terms.txt"
    out.write_text("\n".join(sorted(t for t in terms if t)) + "\n", "utf-8")
    return out


def one_corpus(articles: int, facts: int, args: argparse.Namespace) -> dict[str, Any]:
    root = args.out / f"{articles}x{facts}"
    info = ensure_corpus(root, articles, facts)
    row: dict[str, Any] = {"articles": articles, "facts": facts,
                           "mb": round(int(info["bytes"]) / 1e6, 2)}
    cache = root / ".scale-cache"
    cores = os.cpu_count() or 1
    for name, extra in (("workers_1", ("--factcheck-workers", "1")),
                        (f"workers_{cores}", ("--factcheck-workers", str(cores))),
                        ("xdist_2", ("-n", "2"))):
        shutil.rmtree(cache, ignore_errors=True)
        got = measure(root, pytest_cmd(cache, f"{name}.json", *extra), args.timeout)
        row[name], row[f"{name}_rss_mb"] = got["wall"], got["rss_mb"]
        row[f"{name}_same"] = same_report(root / "workers_1.json", root / f"{name}.json")
    for n in (1, 2):
        got = measure(root, factcheck_cmd("audit", "articles", "--facts", "facts",
                                          "--report", f"audit_{n}.json", "--workers", str(n)),
                      args.timeout)
        row[f"audit_{n}"] = got["wall"]
        row[f"audit_{n}_same"] = same_report(root / "workers_1.json", root / f"audit_{n}.json")
    rg = shutil.which("rg")
    if rg:
        row["rg"] = measure(root, [rg, "-c", "-i", "-F", "-f", str(terms_file(root)),
                                   "articles"], args.timeout)["wall"]
    textlint = args.textlint or shutil.which("textlint")
    if textlint:
        prh_dictionary(root)
        got = measure(root, [str(textlint), "-f", "json", "-o", "textlint.json",
                             "articles/**/*.txt", "articles/**/*.md"], args.timeout)
        # textlint exits 1 when it found problems, 2 when it failed
        row["textlint_spelling"] = got["wall"] if got["rc"] in (0, 1) else float("nan")
        if got["rc"] in (0, 1):
            linted = json.loads((root / "textlint.json").read_text("utf-8"))
            row["textlint_files"] = len(linted)
            row["textlint_problems"] = sum(len(x["messages"]) for x in linted)
    best = float(row[f"workers_{cores}"])
    row["speedup_workers"] = round(float(row["workers_1"]) / best, 2) if best else None
    row["speedup_xdist"] = round(float(row["workers_1"]) / float(row["xdist_2"]), 2)
    row["speedup_audit"] = round(float(row["audit_1"]) / float(row["audit_2"]), 2)
    for other in ("rg", "textlint_spelling"):  # how many times their time ours is
        if row.get(other):
            row[f"vs_{other}"] = round(best / float(row[other]), 2)
    return row


CURVE = r"""
import json, resource, sys, time
from pathlib import Path
import distributed
from pytest_factcheck.audit import audit
root = Path(sys.argv[1])
cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                   dashboard_address=":0", silence_logs=40)
client = distributed.Client(cluster)
t = time.perf_counter()
done = audit([str(root / "articles")], [str(root / "facts")], rootdir=root, client=client)
wall = time.perf_counter() - t
def peak():
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
workers = sorted(client.run(peak).values())
client.close(); cluster.close()
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
found = sum(len(f["findings"]) for f in done.report["facts"])
print(json.dumps({"wall": wall, "client_rss_mb": own, "worker_rss_mb": workers,
                  "findings": found, "articles": done.report["summary"]["articles"]}))
"""


def curve_point(articles: int, facts: int, args: argparse.Namespace) -> dict[str, Any]:
    root = args.out / f"{articles}x{facts}"
    info = ensure_corpus(root, articles, facts)
    out = subprocess.run([sys.executable, "-c", CURVE, str(root)], capture_output=True,
                         text=True, timeout=args.timeout, check=False)
    lines = out.stdout.strip().splitlines()
    if not lines:
        return {"articles": articles, "facts": facts, "error": out.stderr[-400:]}
    got = json.loads(lines[-1])
    got.update(articles=articles, facts=facts, mb=round(int(info["bytes"]) / 1e6, 1),
               articles_per_s=round(articles / got["wall"], 1))
    return got


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", default="2000x240", help="ARTICLESxFACTS of the comparison")
    ap.add_argument("--curve", default="", help="archive sizes for the audit curve, e.g. "
                    "10000,25000,50000,100000")
    ap.add_argument("--curve-facts", type=int, default=120)
    ap.add_argument("--textlint", type=Path, default=None, help="the textlint executable")
    ap.add_argument("--smoke", action="store_true", help="tiny sizes; no timing claims")
    ap.add_argument("--out", type=Path, default=HERE / "out")
    ap.add_argument("--timeout", type=float, default=3600.0)
    args = ap.parse_args(argv)
    if args.smoke:
        args.size, args.curve, args.curve_facts = "60x24", "60,120", 12
    rows = []
    a, f = (int(x) for x in args.size.split("x"))
    t = time.perf_counter()
    row = one_corpus(a, f, args)
    rows.append({"table": "compare", **row})
    print(json.dumps(row))
    for n in [int(x) for x in args.curve.split(",") if x]:
        point = curve_point(n, args.curve_facts, args)
        rows.append({"table": "curve", **point})
        print(json.dumps(point))
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "scale.jsonl", "a", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps({"when": time.strftime("%Y-%m-%d %H:%M"), **r}) + "\n")
    print(f"# {time.perf_counter() - t:.0f} s; own peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    bad = [k for k, v in row.items() if k.endswith("_same") and v is False]
    if bad:
        print(f"error: reports differ from the serial one: {', '.join(bad)}", file=sys.stderr)
        return 1
    if any("error" in r for r in rows):
        print("error: a curve point failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
