"""Benchmark pytest-factcheck end to end on synthetic newsrooms.

    python bench/run.py --sizes 1000x100,1000x1000,10000x1000
    python bench/run.py --smoke            # tiny, for CI: checks it runs, asserts no timing

For each ARTICLESxFACTS size a deterministic corpus and fact set is generated
(``bench/generate.py``; kept in ``bench/out/``) and measured:

* ``cold``: ``pytest --factcheck`` with an empty cache folder, wall time and peak
  RSS of the largest process, MB/s of corpus;
* ``warm``: the same again (every article from the cache);
* ``edit1``: after one article was changed (a sentence no fact speaks about is
  appended, so the report must equal the cold one; checked, as for ``warm``);
* ``floor``: pytest itself running as many trivial tests as there are facts (as
  many failing, with a one-line message, as facts failed), with the same
  options: what any run through pytest costs on this machine;
* ``n2``: ``-n 2`` with an empty cache (its JSON report must equal the serial one);
* ``naive``: the reference that checks every fact against every article with no
  index and no cache (in-process, all articles prepared once); on big sizes
  it runs a sample of the facts and is scaled up (marked ``~``);
* ``rg``: ripgrep counting all the facts' literal terms over the corpus.

Results are printed as a table and appended to ``bench/out/results.jsonl``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.generate import available_kinds, generate  # noqa: E402

MEASURE = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[2:], cwd=sys.argv[1], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
wall = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"wall": wall, "rss_mb": rss, "rc": p.returncode,
                  "tail": p.stdout.decode(errors="replace")[-600:],
                  "factcheck": [ln for ln in p.stdout.decode(errors="replace").splitlines()
                                if ln.startswith("factcheck:")]}))
"""

NAIVE = r"""
import json, random, sys, time
from pathlib import Path
from pytest_factcheck.corpus import Corpus
from pytest_factcheck.engine import check_fact
from pytest_factcheck.index import fact_needs
from pytest_factcheck.loader import load_catalog
root, sample, terms_out = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
t0 = time.perf_counter()
cat = load_catalog([root / "facts"])
t1 = time.perf_counter()
arts = Corpus(root).load([root / "articles"]).articles
t2 = time.perf_counter()
facts = cat.facts
terms = sorted({t for lf in facts for t in (fact_needs(lf.checker).terms or ())})
terms_out.write_text("\n".join(terms) + "\n", encoding="utf-8")
todo = facts if sample <= 0 or sample >= len(facts) else random.Random(1).sample(facts, sample)
t3 = time.perf_counter()
for lf in todo:
    check_fact(lf, arts)
t4 = time.perf_counter()
scale = len(facts) / max(1, len(todo))
print(json.dumps({"load": t1 - t0, "prepare": t2 - t1, "check": (t4 - t3) * scale,
                  "wall": (t1 - t0) + (t2 - t1) + (t4 - t3) * scale,
                  "sampled": len(todo) < len(facts), "terms": len(terms)}))
"""


def measure(cwd: Path, cmd: list[str], timeout: float) -> dict[str, object]:
    try:
        out = subprocess.run([sys.executable, "-c", MEASURE, str(cwd), *cmd],
                             capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"wall": float("inf"), "rss_mb": 0.0, "rc": -1, "tail": "timeout"}
    lines = out.stdout.strip().splitlines()
    if not lines:
        return {"wall": float("nan"), "rss_mb": 0.0, "rc": -1, "tail": out.stderr[-600:]}
    return json.loads(lines[-1])


def pytest_cmd(cache: Path, report: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "pytest", "--factcheck", "articles", "--facts", "facts",
            "-q", "-p", "no:randomly", "-v", "-o", f"cache_dir={cache}",
            "--factcheck-report", report, *extra]


def ensure_corpus(out: Path, articles: int, facts: int) -> dict[str, object]:
    kinds = available_kinds()
    marker = out / "generated.json"
    want = {"articles": articles, "facts": facts, "kinds": list(kinds), "generator": 2}
    if marker.exists() and json.loads(marker.read_text()).get("params") == want:
        return json.loads(marker.read_text())
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    info = generate(out, articles=articles, facts=facts, kinds=kinds)
    data = {"params": want, **info}
    marker.write_text(json.dumps(data))
    return data


def same_report(a: Path, b: Path) -> bool:
    return a.exists() and b.exists() and json.loads(a.read_text()) == json.loads(b.read_text())


def floor(root: Path, items: int, failing: int, timeout: float) -> float:
    """Wall time of pytest itself running ``items`` trivial tests, with the same options.

    ``failing`` of them fail with a one-line message (no traceback), as many
    as the facts that failed in the cold run: the floor of any run through
    pytest with that many items and failures on this machine (start-up,
    collection, reporting, the installed plugins).
    """
    where = root / ".bench-floor"
    where.mkdir(exist_ok=True)
    (where / "test_floor.py").write_text(
        f"import pytest\n\n\n@pytest.mark.parametrize('i', range({items}))\n"
        "def test_item(i):\n"
        f"    if i < {failing}:\n"
        "        pytest.fail('contradicted', pytrace=False)\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-o",
           f"cache_dir={where / '.cache'}", "test_floor.py"]
    return float(measure(where, cmd, timeout)["wall"])  # type: ignore[arg-type]


def edit_one_article(root: Path) -> None:
    victim = sorted((root / "articles").rglob("story-000001.*"))[0]
    text = victim.read_text(encoding="utf-8")
    marker = "\nThe council later corrected the figures.\n"
    victim.write_text(text[:-len(marker)] if text.endswith(marker) else text + marker,
                      encoding="utf-8")


def run_size(articles: int, facts: int, args: argparse.Namespace) -> dict[str, object]:
    root = args.out / f"{articles}x{facts}"
    info = ensure_corpus(root, articles, facts)
    mb = int(info["bytes"]) / 1e6  # type: ignore[call-overload]
    cache = root / ".bench-cache"
    row: dict[str, object] = {"articles": articles, "facts": facts, "mb": round(mb, 2),
                              "kinds": info["params"]["kinds"]}  # type: ignore[index]
    shutil.rmtree(cache, ignore_errors=True)
    cold = measure(root, pytest_cmd(cache, "serial.json"), args.timeout)
    row["cold"], row["cold_rss_mb"] = cold["wall"], cold["rss_mb"]
    row["outcome"] = str(cold["tail"]).strip().splitlines()[-1] if cold["tail"] else ""
    warm = measure(root, pytest_cmd(cache, "warm.json"), args.timeout)
    row["warm"] = warm["wall"]
    # The terminal line of remembered results: every fact of a warm run is remembered.
    warm_line = f"factcheck: {facts} facts: 0 checked afresh, {facts} remembered"
    row["warm_remembered"] = any(ln.startswith(warm_line)
                                 for ln in warm.get("factcheck", ()))  # type: ignore[attr-defined]
    row["warm_same_report"] = same_report(root / "serial.json", root / "warm.json")
    edit_one_article(root)
    row["edit1"] = measure(root, pytest_cmd(cache, "edit.json"), args.timeout)["wall"]
    # The edit appends a sentence no fact speaks about: the report must not change.
    row["edit1_same_report"] = same_report(root / "serial.json", root / "edit.json")
    edit_one_article(root)  # back as generated
    failed = re.search(r"(\d+) failed", str(row["outcome"]))
    row["floor"] = floor(root, facts, int(failed.group(1)) if failed else 0, args.timeout)
    if not args.no_xdist and importlib.util.find_spec("xdist") is None:
        print("note: pytest-xdist is not installed; the -n 2 run is skipped", file=sys.stderr)
    elif not args.no_xdist:
        shutil.rmtree(cache, ignore_errors=True)
        n2 = measure(root, pytest_cmd(cache, "parallel.json", "-n", "2"), args.timeout)
        row["n2"], row["n2_rss_mb"] = n2["wall"], n2["rss_mb"]
        row["n2_same_report"] = same_report(root / "serial.json", root / "parallel.json")
    terms = root / "terms.txt"
    if not args.no_naive:
        sample = 0 if articles * facts <= args.naive_full else max(20, facts // 50)
        try:
            out = subprocess.run([sys.executable, "-c", NAIVE, str(root), str(sample),
                                  str(terms)], capture_output=True, text=True,
                                 timeout=args.timeout, check=True)
            naive = json.loads(out.stdout.strip().splitlines()[-1])
            row["naive"], row["naive_sampled"] = naive["wall"], naive["sampled"]
            row["terms"] = naive["terms"]
        except (subprocess.SubprocessError, ValueError) as exc:
            row["naive"] = float("inf")
            row["naive_error"] = str(exc)[-300:]
    rg = shutil.which("rg")
    if rg and terms.exists():
        r = measure(root, [rg, "-c", "-i", "-F", "-f", str(terms), "articles"], args.timeout)
        row["rg"] = r["wall"]
    cold_t = float(row["cold"])  # type: ignore[arg-type]
    row["mb_per_s"] = round(mb / cold_t, 2) if cold_t else None
    for other in ("naive", "rg"):
        if other in row and cold_t:
            row[f"vs_{other}"] = round(float(row[other]) / cold_t, 2)  # type: ignore[arg-type]
    if row.get("n2"):
        row["n2_speedup"] = round(cold_t / float(row["n2"]), 2)  # type: ignore[arg-type]
    return row


COLUMNS = ("articles", "mb", "facts", "cold", "mb_per_s", "cold_rss_mb", "warm", "edit1",
           "floor", "n2", "n2_speedup", "naive", "vs_naive", "rg", "vs_rg")


def fmt(v: object) -> str:
    if isinstance(v, float):
        return "-" if v != v else ("timeout" if v == float("inf") else f"{v:.2f}")
    return "-" if v is None else str(v)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000x100,1000x1000",
                    help="comma-separated ARTICLESxFACTS (default: %(default)s)")
    ap.add_argument("--smoke", action="store_true", help="one tiny size; no timing claims")
    ap.add_argument("--out", type=Path, default=HERE / "out")
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds per measured run")
    ap.add_argument("--no-xdist", action="store_true")
    ap.add_argument("--no-naive", action="store_true")
    ap.add_argument("--naive-full", type=int, default=2_000_000,
                    help="run the naive reference in full up to articles*facts (else sample)")
    args = ap.parse_args(argv)
    sizes = ["30x12"] if args.smoke else args.sizes.split(",")
    print(f"# {platform.node()} {platform.processor() or platform.machine()} "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d %H:%M')}, kinds: {', '.join(available_kinds())}")
    print("| " + " | ".join(COLUMNS) + " |")
    print("|" + "---|" * len(COLUMNS))
    rows = []
    for size in sizes:
        a, f = (int(x) for x in size.lower().split("x"))
        row = run_size(a, f, args)
        rows.append(row)
        print("| " + " | ".join(fmt(row.get(c)) for c in COLUMNS) + " |", flush=True)
        with (args.out / "results.jsonl").open("a", encoding="utf-8") as fh:
            fh.write(json.dumps({"date": time.strftime("%Y-%m-%d %H:%M"), **row}) + "\n")
    for check, what in (("n2_same_report", "-n 2"), ("warm_same_report", "the warm run"),
                        ("edit1_same_report", "the run after an edit")):
        bad = [f"{r['articles']}x{r['facts']}" for r in rows if r.get(check) is False]
        if bad:
            print(f"ERROR: the JSON reports of {what} and the cold serial run differ for "
                  f"{', '.join(bad)}")
            return 1
    cold_again = [f"{r['articles']}x{r['facts']}" for r in rows if not r.get("warm_remembered")]
    if cold_again:
        print(f"ERROR: the warm run checked facts again instead of remembering them for "
              f"{', '.join(cold_again)}")
        return 1
    if args.smoke and any(r["cold"] == float("inf") for r in rows):
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
