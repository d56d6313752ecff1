"""A whole hostile desk in one run: every report is written, nothing crashes.

Each trick has its own test elsewhere (test_hostile_paths, _limits, _reports,
_terminal, test_evasion); this one puts them all in one pull request, as an
attacker would, and runs the plugin as CI does (GitHub Actions, every report).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

FACTS = """\
facts:
  - id: lavrov-spelling
    kind: spelling
    claim: "House spelling: Sergei Lavrov \\ud800.\\n::error::pwned-by-claim"
    preferred: Sergei Lavrov
    avoid: [Sergey Lavrov]
  - id: runaway
    kind: pattern
    forbid: '(.*){1,40}the\\d{7}'
  - id: invisible
    kind: spelling
    preferred: OPCW
    avoid: ["\\u200b"]
  - id: huge
    kind: spelling
    preferred: OPCW
    avoid: ["HUGE"]
  - id: toll
    kind: quantity
    claim: The fire killed 12 people.
    about: [warehouse fire]
    cues: [dead, killed]
    min: 12
    max: 12
""".replace("HUGE", "x" * 2_000)

_BIG = "y" * 200_000
_USES = "\n".join("      - *a" for _ in range(5_000))  # 1 GB once expanded
BOMB = (f'x: &a "{_BIG}"\nfacts:\n  - id: bomb\n    kind: spelling\n    preferred: A\n'
        f"    avoid:\n{_USES}\n")

ARTICLES = {
    "commands.txt": ("Sergey Lavrov spoke.\n::add-mask::secret\n   ::error file=x,line=1::pwned\n"
                     "Sergey Lavrov again ##[error]group \x1b]0;title\x07 \x1b[2J \u202egnp.exe\n"),
    "lookalike.txt": "S\u0435rgey Lavrov met the OPCW.\n",  # a Cyrillic e
    "hidden.txt": "The warehouse fire killed fif\u200bteen people, officials said.\n",
    "hyphen.txt": "Ser-\ngey Lavrov arrived on Monday.\n",
}


@pytest.fixture
def desk(pytester: pytest.Pytester, tmp_path_factory: pytest.TempPathFactory) -> pytest.Pytester:
    (pytester.path / "facts").mkdir()
    (pytester.path / "facts" / "house.yaml").write_text(FACTS, encoding="utf-8")
    (pytester.path / "facts" / "bomb.yaml").write_text(BOMB, encoding="utf-8")
    (pytester.path / "facts" / "broken.yaml").write_text("facts:\n\t- id: x\n", encoding="utf-8")
    arts = pytester.path / "articles"
    arts.mkdir()
    for name, text in ARTICLES.items():
        (arts / name).write_text(text, encoding="utf-8")
    outside = tmp_path_factory.mktemp("outside") / "secret.txt"
    outside.write_text("Sergey Lavrov SECRET-OUTSIDE\n", encoding="utf-8")
    (arts / "leak.txt").symlink_to(outside)
    if sys.platform != "darwin":  # a file name that is not UTF-8, with a newline
        os.mkfifo(arts / "pipe.txt")
        with open(os.path.join(os.fsencode(arts), b"bad\xff\nname.txt"), "wb") as f:
            f.write(b"Sergey Lavrov in a badly named file.\n")
    pytester.makeini("[pytest]\nfactcheck_timeout = 0.2\nfactcheck_fact_budget = 1\n")
    return pytester


def test_a_hostile_desk_writes_every_report(desk: pytest.Pytester,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = desk.runpytest_subprocess(
        "--factcheck", "articles/", "-p", "no:cacheprovider", "-rA",
        "--factcheck-report", "out/r.json", "--factcheck-sarif", "out/r.sarif",
        "--factcheck-html", "out/r.html")
    out = result.stdout.str() + result.stderr.str()
    assert result.ret == pytest.ExitCode.TESTS_FAILED, out
    for bad in ("Traceback", "INTERNALERROR", "UnicodeEncodeError", "could not write",
                "SECRET-OUTSIDE", "\x1b", "\u202e"):
        assert bad not in out, bad
    outdir = desk.path / "out"
    assert sorted(p.name for p in outdir.iterdir()) == ["r.html", "r.json", "r.sarif"]
    report = json.loads((outdir / "r.json").read_text(encoding="utf-8"))
    sarif = json.loads((outdir / "r.sarif").read_text(encoding="utf-8"))
    html = (outdir / "r.html").read_text(encoding="utf-8")
    for text in (json.dumps(report), json.dumps(sarif), html):
        assert "SECRET-OUTSIDE" not in text
    by_id = {f["id"]: f for f in report["facts"]}
    # The spelling fact still runs and catches the slip, the look-alike and the
    # line-end hyphen; the quantity fact reads through the hidden character.
    slips = {f["article"] for f in by_id["lavrov-spelling"]["findings"]
             if f["status"] == "contradiction"}
    assert {"articles/commands.txt", "articles/lookalike.txt",
            "articles/hyphen.txt"} <= slips
    assert by_id["toll"]["counts"]["contradicting"] == 1
    # Broken facts are located and counted; the runaway pattern is an error.
    assert report["summary"]["not_checked"] >= 2
    assert report["errors"], "the runaway pattern must be listed as an error"
    assert not sarif["runs"][0]["invocations"][0]["executionSuccessful"]
    assert not list(desk.path.rglob("*.tmp"))


def test_the_desk_is_left_as_it_was(desk: pytest.Pytester) -> None:
    before = {p: p.read_bytes() for p in (desk.path / "articles").iterdir()
              if p.is_file() and not p.is_symlink()}
    desk.runpytest_subprocess("--factcheck", "articles/", "-p", "no:cacheprovider")
    after = {p: p.read_bytes() for p in before}
    assert before == after
    assert Path(desk.path / "articles" / "leak.txt").is_symlink()
