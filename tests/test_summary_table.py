"""The end of the terminal summary (kind × outcome, worst articles) and read progress."""

from __future__ import annotations

import pytest

from pytest_factcheck.outputs.summary import Progress, summary_table

from .data.editors import HOUSE

pytest_plugins = ["pytester"]


def _fact(fid: str, kind: str, outcome: str, bad: list[str]) -> dict[str, object]:
    return {"id": fid, "kind": kind, "outcome": outcome,
            "findings": [{"article": a, "status": "contradiction"} for a in bad]}


def test_summary_table() -> None:
    report = {"facts": [
        _fact("a", "spelling", "failed", ["x.md", "y.md", "x.md"]),
        _fact("b", "spelling", "passed", []),
        _fact("c", "pattern", "xfailed", []),
        _fact("d", "quantity", "failed", ["z.txt", "x.md"]),
    ]}
    assert summary_table(report, top=2) == [
        "kind      consistent  contradicted  waived",
        "pattern            0             0       1",
        "quantity           0             1       0",
        "spelling           1             1       0",
        "all                1             2       1",
        "",
        "most contradictions:",
        "  3  x.md",
        "  1  y.md",
        "  ... and 1 more articles",
    ]


def test_summary_table_of_a_clean_run_has_no_article_list() -> None:
    table = summary_table({"facts": [_fact("a", "spelling", "passed", [])]})
    assert table == ["kind      consistent", "spelling           1"]
    assert summary_table({"facts": []}) == []


def test_progress_on_a_terminal_and_in_a_log() -> None:
    now = [0.0]
    seen: list[tuple[str, str]] = []
    p = Progress(10, label="reading", rewrite=lambda s: seen.append(("re", s)),
                 write_line=lambda s: seen.append(("line", s)), tty=True, interval=1.0,
                 clock=lambda: now[0])
    for i in range(1, 11):
        now[0] = i * 0.5
        p.step(i)
    p.done("read 10")
    assert seen == [("re", "reading 2/10"), ("re", "reading 4/10"), ("re", "reading 6/10"),
                    ("re", "reading 8/10"), ("re", "reading 10/10"),
                    ("re", "read 10 in 5.0s"), ("line", "")]
    seen.clear()
    now[0] = 0.0
    p = Progress(3, label="reading", rewrite=lambda s: seen.append(("re", s)),
                 write_line=lambda s: seen.append(("line", s)), tty=False, log_interval=10.0,
                 clock=lambda: now[0])
    assert list(p.track("abc")) == ["a", "b", "c"]
    p.done("read 3")
    assert seen == [("line", "read 3 in 0.0s")]


@pytest.fixture
def newsroom(pytester: pytest.Pytester) -> pytest.Pytester:
    (pytester.path / "facts").mkdir()
    (pytester.path / "facts" / "house.yaml").write_text(HOUSE.read_text("utf-8"), "utf-8")
    (pytester.path / "articles").mkdir()
    return pytester


def test_terminal_summary_ends_with_the_table(newsroom: pytest.Pytester) -> None:
    arts = newsroom.path / "articles"
    (arts / "a.md").write_text("Sergey Lavrov and Bashar Assad met.\n", "utf-8")
    (arts / "b.txt").write_text("Sergey Lavrov came.\n", "utf-8")
    (arts / "c.txt").write_text("Sergei Lavrov came.\n", "utf-8")
    result = newsroom.runpytest("--factcheck", "articles/")
    assert result.ret == 1
    result.stdout.fnmatch_lines([
        "*- factcheck summary -*",
        "kind      consistent  contradicted",
        "pattern            1             0",
        "spelling           0             2",
        "all                1             2",
        "",
        "most contradictions:",
        "  2  articles/a.md",
        "  1  articles/b.txt",
        "=*1 passed*",
    ])
    quiet = newsroom.runpytest("--factcheck", "articles/", "-q")
    assert "most contradictions:" not in quiet.stdout.str()


def test_long_runs_report_reading_progress(newsroom: pytest.Pytester) -> None:
    arts = newsroom.path / "articles"
    for i in range(120):
        (arts / f"{i:03}.txt").write_text(f"Story {i}: Sergei Lavrov spoke.\n", "utf-8")
    result = newsroom.runpytest("--factcheck", "articles/")
    assert result.ret == 0
    result.stdout.fnmatch_lines(["factcheck: read and checked 120 articles* in *s"])
    few = newsroom.runpytest("--factcheck", "articles/000.txt")
    assert "factcheck: read and checked" not in few.stdout.str()
