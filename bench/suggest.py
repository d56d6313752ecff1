"""Discovery at desk scale: ``factcheck suggest`` against a cold check of the same corpus.

    python bench/suggest.py --sizes 2000,10000     # articles (100 facts for the check)
    python bench/suggest.py --smoke                # tiny: checks that both rows run

On each generated corpus (the generator of ``bench/run.py``), two runs, each
in a fresh process: ``pytest --factcheck`` cold (an empty cache folder) with
the corpus's facts, and ``factcheck suggest`` with no facts, writing its draft
and its disagreements report. Printed: wall time, CPU time (user + system of
the process and its children) and peak RSS of each, the ratio suggest / cold,
and what suggest found (disagreements by kind; the draft's facts, loaded
with the loader). Rows go to ``bench/out/suggest.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.run import ensure_corpus  # noqa: E402

FACTS = 100
# Wall and CPU seconds (user + system, the command and its children) and peak RSS.
MEASURE = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[2:], cwd=sys.argv[1], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
wall = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss_mb": ru.ru_maxrss / 1024,
                  "rc": p.returncode, "tail": p.stdout.decode(errors="replace")[-400:]}))
"""


def measure(cwd: Path, cmd: list[str], timeout: float) -> dict[str, object]:
    try:
        out = subprocess.run([sys.executable, "-c", MEASURE, str(cwd), *cmd],
                             capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"wall": float("inf"), "cpu": float("inf"), "rss_mb": 0.0, "rc": -1}
    lines = out.stdout.strip().splitlines()
    if not lines:
        return {"wall": float("nan"), "cpu": float("nan"), "rss_mb": 0.0, "rc": -1,
                "tail": out.stderr[-400:]}
    got: dict[str, object] = json.loads(lines[-1])
    return got


def check_cmd(cache: Path, report: str) -> list[str]:
    return [sys.executable, "-m", "pytest", "--factcheck", "articles", "--facts", "facts",
            "-q", "-p", "no:randomly", "-o", f"cache_dir={cache}", "--rootdir", ".",
            "--factcheck-report", report]


def suggest_cmd(draft: str, report: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from pytest_factcheck.cli import main; "
            "sys.exit(main())", "suggest", "articles", "-o", draft, "--report", report]


def run_size(articles: int, out: Path, timeout: float) -> dict[str, object]:
    root = out / f"suggest-{articles}x{FACTS}"
    info = ensure_corpus(root, articles, FACTS)
    cache = root / ".cold-cache"
    shutil.rmtree(cache, ignore_errors=True)
    cold = measure(root, check_cmd(cache, "cold.json"), timeout)
    shutil.rmtree(cache, ignore_errors=True)
    sug = measure(root, suggest_cmd("draft.yaml", "disagreements.json"), timeout)
    row: dict[str, object] = {"articles": articles, "mb": round(int(info["bytes"]) / 1e6, 1),
                              "cold": cold, "suggest": sug}
    report = root / "disagreements.json"
    if report.exists():
        data = json.loads(report.read_text(encoding="utf-8"))
        row["disagreements"] = dict(Counter(d["kind"] for d in data["disagreements"]))
        from pytest_factcheck.loader import load_catalog

        cat = load_catalog([root / "draft.yaml"])
        row["draft_facts"] = dict(Counter(lf.fact.kind for lf in cat.facts))
        row["draft_problems"] = len(cat.problems)
    return row


def _f(v: object) -> str:
    return f"{v:.1f}" if isinstance(v, float) else str(v)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="2000", help="comma-separated article counts")
    ap.add_argument("--smoke", action="store_true", help="one tiny size; no timing claims")
    ap.add_argument("--out", type=Path, default=HERE / "out")
    ap.add_argument("--timeout", type=float, default=3600.0)
    args = ap.parse_args(argv)
    sizes = [40] if args.smoke else [int(s) for s in args.sizes.split(",")]
    rows = []
    for n in sizes:
        t0 = time.perf_counter()
        row = run_size(n, args.out, args.timeout)
        row["bench_s"] = round(time.perf_counter() - t0, 1)
        rows.append(row)
        with (args.out / "suggest.jsonl").open("a", encoding="utf-8") as f:
            f.write(json.dumps(row) + "\n")
    print("| articles | MB | cold check wall / CPU s | suggest wall / CPU s | suggest / cold "
          "(CPU) | suggest RSS MB | disagreements | draft facts |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    ok = True
    for r in rows:
        cold, sug = r["cold"], r["suggest"]
        assert isinstance(cold, dict) and isinstance(sug, dict)
        ok = ok and sug.get("rc") == 0 and cold.get("rc") in (0, 1) \
            and r.get("draft_problems") == 0
        ratio = (float(sug.get("cpu", 0)) / float(cold.get("cpu", 1))) if cold.get("cpu") else 0
        print(f"| {r['articles']} | {r['mb']} | {_f(cold.get('wall'))} / {_f(cold.get('cpu'))} "
              f"| {_f(sug.get('wall'))} / {_f(sug.get('cpu'))} | {ratio:.2f} "
              f"| {_f(sug.get('rss_mb'))} | {r.get('disagreements')} | {r.get('draft_facts')} |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
