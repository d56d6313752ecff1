"""In-process profile: load, prepare, index, then per-kind check time and candidates.

    python bench/profile_kinds.py bench/out/1000x1000 [--cprofile out.prof]
"""

from __future__ import annotations

import argparse
import cProfile
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from pytest_factcheck.corpus import Corpus  # noqa: E402
from pytest_factcheck.engine import check_fact  # noqa: E402
from pytest_factcheck.index import CorpusIndex  # noqa: E402
from pytest_factcheck.loader import load_catalog  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("root", type=Path)
    ap.add_argument("--cprofile", type=Path)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    prof = cProfile.Profile() if args.cprofile else None
    if prof:
        prof.enable()
    t0 = time.perf_counter()
    cat = load_catalog([args.root / "facts"])
    t1 = time.perf_counter()
    arts = Corpus(args.root).load([args.root / "articles"]).articles
    t2 = time.perf_counter()
    facts = cat.facts[: args.limit] if args.limit else cat.facts
    index = CorpusIndex.for_checkers(arts, [f.checker for f in facts])
    t3 = time.perf_counter()
    per_kind: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0])
    for lf in facts:
        s = time.perf_counter()
        n = len(index.candidates(lf.checker))
        check_fact(lf, arts, index)
        k = per_kind[lf.fact.kind]
        k[0] += 1
        k[1] += time.perf_counter() - s
        k[2] += n
    t4 = time.perf_counter()
    if prof:
        prof.disable()
        prof.dump_stats(str(args.cprofile))
    print(f"load {t1 - t0:.2f}s  prepare {t2 - t1:.2f}s  index {t3 - t2:.2f}s  "
          f"check {t4 - t3:.2f}s  total {t4 - t0:.2f}s  "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    for kind, (n, secs, cands) in sorted(per_kind.items()):
        print(f"  {kind:10s} {n:5d} facts  {1000 * secs / n:7.1f} ms/fact  "
              f"{cands / n:7.1f} candidates  {secs:6.2f}s")


if __name__ == "__main__":
    main()
