"""Discovery's output, byte for byte: ``factcheck suggest``'s draft and JSON
report for a few desks, written to a folder or compared with a folder.

    python scripts/suggest_golden.py --write /tmp/before          # store
    python scripts/suggest_golden.py --compare /tmp/before        # same bytes?
    python scripts/suggest_golden.py --compare /tmp/before --bench 2000

The desks: ``seeds/``, ``tests/data/suggest_desk``, the newsroom's articles,
and (``--bench N``) the generated bench corpus of N articles.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pytest_factcheck.suggest import suggest  # noqa: E402
from pytest_factcheck.suggest.report import report_json  # noqa: E402


def desks(bench: int) -> dict[str, tuple[Path, str]]:
    """name -> (rootdir, articles path relative to it)."""
    out = {"seeds": (ROOT, "seeds"),
           "suggest_desk": (ROOT / "tests/data/suggest_desk", "."),
           "newsroom": (ROOT / "tests/data/newsroom", "articles")}
    if bench:
        from bench.run import ensure_corpus

        corpus = Path(f"/tmp/speed/c{bench}")
        ensure_corpus(corpus, bench, 100)
        out[f"bench{bench}"] = (corpus, "articles")
    return out


def outputs(root: Path, path: str, workers: int) -> dict[str, str]:
    done = suggest([str(root / path)], rootdir=root, workers=workers)
    report = json.dumps(report_json(done.discovery), indent=1, ensure_ascii=False) + "\n"
    return {"draft.yaml": done.draft(), "disagreements.json": report}


def main() -> int:
    ap = argparse.ArgumentParser()
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path)
    mode.add_argument("--compare", type=Path)
    ap.add_argument("--bench", type=int, default=0)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    bad = 0
    for name, (root, path) in desks(args.bench).items():
        for fname, text in outputs(root, path, args.workers).items():
            if args.write:
                (args.write / name).mkdir(parents=True, exist_ok=True)
                (args.write / name / fname).write_text(text, encoding="utf-8")
                continue
            want = (args.compare / name / fname).read_text(encoding="utf-8")
            same = want == text
            bad += not same
            print(f"{'same' if same else 'DIFFERS'}  {name}/{fname}")
            if not same:
                (args.compare / name / (fname + ".new")).write_text(text, encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
