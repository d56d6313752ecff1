"""Bad articles never break a run (SPEC §5): each is checked correctly, or
reported by path as skipped with the reason, and every other article is still
checked. Nothing is ever written to an article.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import shutil
import stat
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pytest_factcheck import articles as articles_mod
from pytest_factcheck.article import prepare
from pytest_factcheck.articles import parse_article, read_article
from pytest_factcheck.corpus import Corpus, Selection
from pytest_factcheck.engine import check_fact
from pytest_factcheck.errors import ArticleError
from pytest_factcheck.loader import Catalog, LoadedFact, load_catalog
from pytest_factcheck.model import Finding

SEEDS = Path(__file__).parent.parent / "seeds"

FACTS = """\
facts:
  - id: lavrov-spelling
    kind: spelling
    preferred: Sergei Lavrov
    avoid: [Sergey Lavrov]
  - id: no-foreknowledge-as-fact
    kind: pattern
    forbid: 'Russia (knew|had known) (in advance|beforehand)'
    unless_match: '(report|claim|alleg|conclusion|suggest|say)'
"""
REQUIRE = """\
facts:
  - id: opcw-full-name
    kind: pattern
    require: 'organi[sz]ation for the prohibition of chemical weapons'
"""


def catalog(tmp: Path, text: str = FACTS) -> Catalog:
    path = tmp / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    cat = load_catalog([path])
    assert cat.problems == []
    return cat


def fact(cat: Catalog, fact_id: str) -> LoadedFact:
    return next(f for f in cat.facts if f.fact.id == fact_id)


def findings(loaded: LoadedFact, sel: Selection) -> list[Finding]:
    result = check_fact(loaded, sel.articles)
    assert result.problems == ()
    return list(result.findings)


def make(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


GOOD = b"On Monday Sergey Lavrov met reporters.\n"


# -- unreadable articles: skipped by path, with the reason ------------------------
def test_bad_articles_are_skipped_by_path_and_the_rest_are_checked(tmp_path: Path) -> None:
    arts = make(tmp_path / "articles", {
        "a-latin1.txt": "Le caf\u00e9 de Sergey Lavrov\n".encode("latin-1"),
        "b-binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "c-good.txt": GOOD,
        "d-empty.txt": b"",
    })
    (arts / "e-broken-link.txt").symlink_to(arts / "gone.txt")
    (arts / "f-folder.md").mkdir()
    sel = Corpus(tmp_path).load([arts])
    skipped = {p.file: p.message for p in sel.problems}
    assert skipped == {
        "articles/a-latin1.txt": "is not valid UTF-8 (byte 0xe9 at line 1, column 7); skipped",
        "articles/b-binary.txt": "looks binary (it contains NUL bytes); skipped",
        "articles/e-broken-link.txt": "broken symbolic link; skipped",
    }
    assert [a.path for a in sel.articles] == ["articles/c-good.txt", "articles/d-empty.txt"]
    [hit] = findings(fact(catalog(tmp_path), "lavrov-spelling"), sel)
    assert (hit.article, hit.line, hit.column) == ("articles/c-good.txt", 1, 11)


def test_unreadable_article_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                       ) -> None:
    # Tests run as root, and chmod 000 does not stop root from reading: the
    # permission error is simulated by making Path.open fail for that one file.
    arts = make(tmp_path / "articles", {"locked.txt": GOOD, "open.txt": GOOD})
    real_open = Path.open

    def guarded(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", guarded)
    sel = Corpus(tmp_path).load([arts])
    [problem] = sel.problems
    assert str(problem) == "articles/locked.txt: cannot be read (Permission denied); skipped"
    assert [a.path for a in sel.articles] == ["articles/open.txt"]


@pytest.mark.skipif(os.geteuid() != 0, reason="chmod 000 only fails to stop root")
def test_chmod_000_does_not_stop_root(tmp_path: Path) -> None:
    # Documents why the test above uses a mock: as root the file is read anyway.
    path = make(tmp_path, {"a.txt": GOOD}) / "a.txt"
    path.chmod(0)
    assert read_article(path).source == GOOD.decode()


def test_a_fifo_is_skipped_without_hanging(tmp_path: Path) -> None:
    # Opening a FIFO for reading blocks until a writer comes: it must never be opened.
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ArticleError, match="not a regular file"):
        read_article(fifo, "pipe.txt")
    sel = Corpus(tmp_path).load([fifo])
    assert [p.message for p in sel.problems] == [
        "is not a regular file (a pipe, socket or device); skipped"]
    # Inside a folder a FIFO is not even an article file.
    make(tmp_path, {"good.txt": GOOD})
    assert [a.path for a in Corpus(tmp_path).load([tmp_path]).articles] == ["good.txt"]


def test_a_missing_path_is_reported(tmp_path: Path) -> None:
    sel = Corpus(tmp_path).load([tmp_path / "nowhere.txt"])
    assert sel.articles == [] and len(sel.problems) >= 1


def test_a_50_mb_article_is_skipped_by_size_at_once(tmp_path: Path) -> None:
    # Preparing text costs about 0.35 s per MB; an article above MAX_BYTES (16 MB)
    # is skipped from its size alone, before a byte is read (a sparse file here,
    # so the test takes milliseconds).
    big = tmp_path / "articles" / "huge.txt"
    big.parent.mkdir()
    with big.open("wb") as fh:
        fh.truncate(50 * 2**20)
    make(tmp_path / "articles", {"small.txt": GOOD})
    sel = Corpus(tmp_path).load([tmp_path / "articles"])
    assert [str(p) for p in sel.problems] == [
        "articles/huge.txt: is larger than 16 MB (50 MB); skipped"]
    assert [a.path for a in sel.articles] == ["articles/small.txt"]


def test_a_large_article_is_checked_with_exact_locations(tmp_path: Path) -> None:
    para = ("The ministers met in Lucca on Monday and talked for hours about the "
            "war, the talks and what comes next for the region. ") * 6 + "\n\n"
    n = (2 * 2**20) // len(para)
    text = para * n + "Later, Sergey Lavrov spoke.\n"
    make(tmp_path / "articles", {"big.txt": text.encode()})
    sel = Corpus(tmp_path).load([tmp_path / "articles"])
    [hit] = findings(fact(catalog(tmp_path), "lavrov-spelling"), sel)
    assert (hit.line, hit.column) == (2 * n + 1, 8)


def test_a_very_long_line_is_checked(tmp_path: Path) -> None:
    line = "word " * 200_000 + "and Sergey Lavrov said so."
    make(tmp_path / "articles", {"long.txt": line.encode()})
    sel = Corpus(tmp_path).load([tmp_path / "articles"])
    [hit] = findings(fact(catalog(tmp_path), "lavrov-spelling"), sel)
    assert (hit.line, hit.column) == (1, 1_000_005)
    assert len(hit.excerpt) < 400


def test_empty_and_blank_articles_are_checked(tmp_path: Path) -> None:
    make(tmp_path / "articles", {"empty.txt": b"", "blank.txt": b" \n\r\n\t\n",
                                 "blank.md": b"---\ntitle: x\n---\n", "blank.html": b""})
    sel = Corpus(tmp_path).load([tmp_path / "articles"])
    assert sel.problems == [] and len(sel.articles) == 4
    assert findings(fact(catalog(tmp_path), "lavrov-spelling"), sel) == []
    # A `require` without `when` binds every article, an empty one too: line 1.
    required = findings(fact(catalog(tmp_path, REQUIRE), "opcw-full-name"), sel)
    # blank.md's front-matter title "x" is a headline, checked since headlines are:
    # its article is found wanting at the title (2:8), the empty ones at 1:1.
    assert {(f.line, f.column, f.status) for f in required} == {
        (1, 1, "contradiction"), (2, 8, "contradiction")}


# -- line ends, BOM, quotes: locations stay exact -------------------------------------
@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_locations_are_exact_whatever_the_line_ends(tmp_path: Path, eol: str,
                                                    suffix: str) -> None:
    text = eol.join(["Ministers meet in Lucca", "", "The talks went on.",
                     "  Then Sergey Lavrov spoke, and Sergey", "Lavrov left.", ""])
    make(tmp_path / "articles", {f"a{suffix}": text.encode()})
    sel = Corpus(tmp_path).load([tmp_path / "articles"])
    hits = findings(fact(catalog(tmp_path), "lavrov-spelling"), sel)
    assert [(f.line, f.column) for f in hits] == [(4, 8), (4, 33)]
    assert [" ".join(f.matched.split()) for f in hits] == ["Sergey Lavrov"] * 2


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_html_locations_are_exact_whatever_the_line_ends(tmp_path: Path, eol: str) -> None:
    text = eol.join(["<html><body>", "<p>The talks went on.</p>",
                     "<p>Then <b>Sergey Lavrov</b> spoke.</p>", "</body></html>"])
    make(tmp_path / "articles", {"a.html": text.encode()})
    sel = Corpus(tmp_path).load([tmp_path / "articles"])
    hits = findings(fact(catalog(tmp_path), "lavrov-spelling"), sel)
    assert [(f.line, f.column) for f in hits] == [(3, 12)]


@pytest.mark.parametrize("text, where", [
    ("\ufeffSergey Lavrov spoke.", (1, 1)),
    ("\ufeffYes. Sergey Lavrov spoke.\r\nSergey Lavrov left.", (1, 6)),
])
def test_a_bom_is_not_a_column(tmp_path: Path, text: str, where: tuple[int, int]) -> None:
    make(tmp_path / "articles", {"a.txt": text.encode()})
    sel = Corpus(tmp_path).load([tmp_path / "articles"])
    hits = findings(fact(catalog(tmp_path), "lavrov-spelling"), sel)
    assert (hits[0].line, hits[0].column) == where


UNBALANCED = """\
"It was a disgrace, Sergey Lavrov said on Monday.

He added: \u201cThere will be no \u201cagreement\u201d without \u2018guarantees.

\u201d Stray marks\u201d and \u00abhalf-open quotes " keep going ' and ' so on.

Sergey Lavrov said "nothing" more."""


def test_unbalanced_and_stray_quote_marks(tmp_path: Path) -> None:
    make(tmp_path / "articles", {"q.txt": UNBALANCED.encode()})
    sel = Corpus(tmp_path).load([tmp_path / "articles"])
    hits = findings(fact(catalog(tmp_path), "lavrov-spelling"), sel)
    assert [(f.line, f.column) for f in hits] == [(1, 21), (7, 1)]


def test_unbalanced_quotes_do_not_break_the_quote_kind(tmp_path: Path) -> None:
    cat = catalog(tmp_path, """\
facts:
  - id: lavrov-disgrace
    kind: quote
    speaker: Sergei Lavrov
    text: It was a disgrace and a provocation by the West.
""")
    make(tmp_path / "articles", {"q.txt": UNBALANCED.encode()})
    sel = Corpus(tmp_path).load([tmp_path / "articles"])
    result = check_fact(cat.facts[0], sel.articles)
    assert result.problems == ()


# -- nothing is ever written ---------------------------------------------------------
def _snapshot(root: Path) -> dict[str, tuple[bytes, int, int]]:
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file():
            st_ = p.stat()
            out[p.relative_to(root).as_posix()] = (p.read_bytes(), st_.st_mtime_ns,
                                                   stat.S_IMODE(st_.st_mode))
    return out


def test_articles_are_never_modified(pytester: pytest.Pytester) -> None:
    seeds = pytester.path / "seeds"
    shutil.copytree(SEEDS, seeds)
    for p in seeds.iterdir():  # an mtime in the past, so a rewrite would show
        os.utime(p, ns=(1_500_000_000_000_000_000, 1_500_000_000_000_000_000))
    before = _snapshot(seeds)
    pytester.mkdir("facts")
    (pytester.path / "facts" / "f.yaml").write_text(FACTS + """\
  - id: opcw-full-name
    kind: pattern
    when: 'prohibition of chemical weapons'
    require: 'organi[sz]ation for the prohibition of chemical weapons'
""")
    result = pytester.runpytest("--factcheck", "seeds", "-p", "no:cacheprovider",
                                "--factcheck-report", "report.json")
    assert result.ret in (0, 1)
    assert "Traceback" not in result.stdout.str()
    assert _snapshot(seeds) == before


# -- through pytest ------------------------------------------------------------------
def test_pytest_names_each_skipped_article_and_checks_the_rest(pytester: pytest.Pytester
                                                               ) -> None:
    pytester.mkdir("facts")
    (pytester.path / "facts" / "f.yaml").write_text(FACTS)
    arts = make(pytester.path / "articles", {
        "latin1.txt": "caf\u00e9\n".encode("latin-1"),
        "binary.txt": b"\x00\x01\x02",
        "good.txt": GOOD,
    })
    (arts / "link.txt").symlink_to(arts / "gone.txt")
    result = pytester.runpytest("--factcheck", "articles", "-p", "no:cacheprovider")
    out = result.stdout.str()
    assert "Traceback" not in out
    result.stdout.fnmatch_lines_random([
        "skipped article articles/binary.txt: looks binary (it contains NUL bytes); skipped",
        "skipped article articles/latin1.txt: is not valid UTF-8 (byte 0xe9 at line 1, "
        "column 4); skipped",
        "skipped article articles/link.txt: broken symbolic link; skipped",
        "articles/good.txt:1:11: avoided-spelling",
    ])
    assert result.ret == pytest.ExitCode.TESTS_FAILED


# -- hypothesis: any bytes give findings or located errors -----------------------------
@functools.cache
def fuzz_facts() -> tuple[LoadedFact, ...]:
    """Facts of every kind that is installed, SPEC examples among them."""
    tmp = Path(tempfile.mkdtemp())
    texts = [FACTS, REQUIRE.replace("opcw-full-name", "opcw-require")]
    extra = {
        "quantity": """\
  - id: death-toll
    kind: quantity
    about: [attack, sarin]
    cues: [killed, dead, died, deaths, death toll, lives]
    min: 70
    max: 100
""",
        "quote": """\
  - id: lavrov-quote
    kind: quote
    speaker: lavrov
    text: It was a disgrace and a provocation by the West.
""",
        "attendance": """\
  - id: lucca-attendance
    kind: attendance
    event: g7-lucca
    present: [Rex Tillerson]
    absent: [lavrov]
""",
        "role": """\
  - id: lavrov-role
    kind: role
    entity: lavrov
    roles: [Russian Foreign Minister, foreign minister]
""",
    }
    ents = ("entities:\n  lavrov:\n    name: Sergei Lavrov\n    aliases: [Sergey Lavrov]\n"
            "  g7-lucca:\n    name: G7 meeting in Lucca\n    type: event\n")
    for kind, body in extra.items():
        if importlib.util.find_spec(f"pytest_factcheck.kinds.{kind}") is not None:
            texts.append("facts:\n" + body)
    paths = []
    for i, t in enumerate(texts):
        p = tmp / f"f{i}.yaml"
        p.write_text(ents + t if i == 0 else t, encoding="utf-8")
        paths.append(p)
    cat = load_catalog(paths)
    shutil.rmtree(tmp)
    assert cat.problems == [], cat.problems
    return tuple(cat.facts)


prose_bits = st.sampled_from([
    "Sergey Lavrov", "Sergei Lavrov", "Mr Lavrov", " said", " killed", " 89 ", "dozens of",
    "Russia knew in advance", "reports say", "\u201c", "\u201d", '"', "'", "\u00ab",
    "\u00bb", "...", "\u2026", "[U.N.]", "G-7", "\n", "\r\n", "\r", "\n\n", "\t", "\ufeff",
    "\u200b", "\u00e9", "e\u0301", "\ufb01", ". ", "! ", "? ", ": ", "-", "\u2014", "<p>",
    "</p>", "<script>", "&amp;", "&#8220;", "---\n", "# ", "**", "`", "[a](b)", "<!--",
    "at the G7 meeting in Lucca", "attended", "did not attend", "foreign minister",
    "organisation for the prohibition of chemical weapons", "1,200", "between 70 and 100",
])
article_text = st.lists(prose_bits | st.text(max_size=6), max_size=40).map("".join)
article_bytes = st.one_of(
    article_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.binary(max_size=200),
    article_text.map(lambda t: t.encode("utf-16")),
)


def _check_bytes(data: bytes, suffix: str) -> None:
    try:
        article = parse_article(data, f"a{suffix}", suffix)
    except ArticleError as exc:
        assert exc.path == f"a{suffix}" and exc.message
        return
    prepared = prepare(article)
    for loaded in fuzz_facts():
        result = check_fact(loaded, [prepared])
        for f in result.findings:
            assert f.line >= 1 and f.column >= 1
            assert f.line <= article.source.count("\n") + article.source.count("\r") + 1
        for p in result.problems:
            assert p.file == f"a{suffix}"


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=80)
@given(article_bytes, st.sampled_from([".txt", ".md", ".html"]))
def test_any_article_bytes_give_findings_or_located_errors(data: bytes, suffix: str
                                                          ) -> None:
    _check_bytes(data, suffix)


def test_read_article_never_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make(tmp_path, {"a.txt": GOOD}) / "a.txt"
    path.chmod(0o444)
    modes: list[str] = []
    real_open = Path.open

    def spy(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        modes.append(mode)
        return real_open(self, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", spy)
    read_article(path)
    assert modes and all(m in ("r", "rb") for m in modes)
    assert articles_mod.MAX_BYTES == 16 * 2**20
