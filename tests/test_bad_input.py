"""Bad fact files never break a run (SPEC §5).

The corpus in ``tests/broken/`` holds broken fact files, each with its expected
problems (line, column, message) in a header comment; see its README.md.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pytest_factcheck.kinds import names as kind_names
from pytest_factcheck.loader import load_catalog, schema

KINDS = kind_names()

BROKEN = Path(__file__).parent / "broken"
EXPECT = re.compile(rb"^\xef?\xbb?\xbf?# expect: (.*?)\r?$", re.M)
SCHEMA = re.compile(rb"^# schema: (valid|invalid|n/a)\r?$", re.M)
EXPECT_LINE = re.compile(r"^(\d+):(\d+): (.+)$")


@dataclass(frozen=True)
class Expected:
    line: int
    column: int
    message: str


def expectations(path: Path) -> list[Expected]:
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    found = [m.decode("utf-8") for m in re.findall(rb"^# expect: (.*?)\r?$", data, re.M)]
    assert found, f"{path} has no '# expect:' line"
    if found == ["nothing"]:
        return []
    out = []
    for text in found:
        m = EXPECT_LINE.match(text)
        assert m, f"{path}: bad expect line {text!r}"
        out.append(Expected(int(m[1]), int(m[2]), m[3]))
    return out


def schema_status(path: Path) -> str:
    m = SCHEMA.search(path.read_bytes())
    assert m, f"{path} has no '# schema:' line"
    return m[1].decode()


def cases() -> list[Path]:
    return sorted(p for p in BROKEN.iterdir() if p.suffix == ".yaml" or p.is_dir())


def case_files(case: Path) -> list[Path]:
    return sorted(case.glob("*.yaml")) if case.is_dir() else [case]


def all_files() -> list[Path]:
    return [f for c in cases() for f in case_files(c)]


def display(path: Path) -> str:
    return path.relative_to(BROKEN).as_posix()


def test_corpus_is_large_enough() -> None:
    assert len(cases()) >= 30
    assert all(expectations(f) or f.parent != BROKEN for f in all_files())


@pytest.mark.parametrize("case", cases(), ids=lambda p: p.name)
def test_broken_file_is_a_located_problem(case: Path) -> None:
    files = case_files(case)
    catalog = load_catalog(files, display={f: display(f) for f in files})
    for f in files:
        ff = catalog.files[display(f)]
        want = expectations(f)
        # File-level problems, or those of the broken facts (each disabled alone).
        got = sorted([*ff.problems, *(q for b in ff.broken for q in b.problems)],
                     key=lambda p: (p.line, p.column))
        shown = "\n".join(map(str, got))
        assert len(got) == len(want), f"{display(f)}:\n{shown}"
        for p, w in zip(got, want, strict=True):
            assert p.file == display(f)
            assert (p.line, p.column) == (w.line, w.column), shown
            assert p.message.startswith(w.message), shown
            assert "Traceback" not in p.message
        if ff.problems:
            assert ff.facts == [] and ff.broken == [], "a broken file contributes no facts"
        checked = {lf.fact.pos for lf in ff.facts}
        assert all(b.pos not in checked for b in ff.broken), "a broken fact is not checked"


def _plain_load(path: Path) -> Any:
    return yaml.safe_load(path.read_bytes().decode("utf-8-sig"))


@pytest.mark.parametrize(
    "path", [f for f in all_files() if schema_status(f) == "invalid"], ids=display)
def test_schema_problems_are_rejected_by_plain_jsonschema(path: Path) -> None:
    """What the editor's YAML extension says and what pytest says agree."""
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(_plain_load(path), schema())


@pytest.mark.parametrize(
    "path", [f for f in all_files() if schema_status(f) == "valid"], ids=display)
def test_semantic_problems_pass_plain_jsonschema(path: Path) -> None:
    """These problems are ones a schema cannot express; the loader finds them."""
    jsonschema.validate(_plain_load(path), schema())


def test_alias_bomb_in_corpus_is_not_expanded_by_plain_safe_load_either() -> None:
    # Not a test of PyYAML: a guard that the corpus keeps an n/a marking where
    # a plain load would be dangerous.
    assert schema_status(BROKEN / "alias-bomb.yaml") == "n/a"


# -- through pytest -----------------------------------------------------------
GOOD = """\
facts:
  - id: lavrov-house-spelling
    kind: spelling
    preferred: Sergei Lavrov
    avoid: [Sergey Lavrov]
"""


def test_pytest_reports_every_broken_file_and_runs_the_rest(pytester: pytest.Pytester
                                                            ) -> None:
    facts = pytester.mkdir("facts")
    singles = [c for c in cases() if c.is_file()]
    for c in singles:
        shutil.copyfile(c, facts / c.name)
    (facts / "good.yaml").write_text(GOOD)
    articles = pytester.mkdir("articles")
    (articles / "a.txt").write_text("Sergei Lavrov met reporters.\n")
    result = pytester.runpytest("--factcheck", "articles", "-p", "no:cacheprovider")
    out = result.stdout.str()
    assert "Traceback" not in out
    assert "Error" not in out.replace("ERROR", "")  # no exception class names
    outcomes = result.parseoutcomes()
    assert outcomes["passed"] == 1
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    for c in singles:
        # Each file is named, with a located message: a collection error for a
        # file-level problem, else a failed item per broken fact. (The exact
        # messages are tested file by file above; put together, the files also
        # clash on ids.)
        collected = load_catalog([c], display={c: f"facts/{c.name}"}).files[f"facts/{c.name}"]
        if collected.problems:
            assert f"ERROR collecting facts/{c.name}" in out
        else:
            assert f"ERROR collecting facts/{c.name}" not in out
            assert re.search(rf"^FAILED facts/{re.escape(c.name)}::", out, re.M), c.name
        assert re.search(rf"^facts/{re.escape(c.name)}:\d+:\d+: \S", out, re.M), c.name
    assert outcomes["errors"] == sum(
        1 for c in singles
        if load_catalog([c], display={c: c.name}).files[c.name].problems)


def test_pytest_output_for_a_misspelled_field(pytester: pytest.Pytester) -> None:
    pytester.mkdir("facts")
    shutil.copyfile(BROKEN / "unknown-field-speker.yaml",
                    pytester.path / "facts" / "quotes.yaml")
    (pytester.path / "facts" / "good.yaml").write_text(GOOD)
    pytester.mkdir("articles")
    (pytester.path / "articles" / "a.txt").write_text("Sergey Lavrov met reporters.\n")
    result = pytester.runpytest("--factcheck", "articles", "-p", "no:cacheprovider")
    result.stdout.fnmatch_lines([
        "*broken quote putin-2003-remark*",
        "facts/quotes.yaml:9:5: unknown field 'speker' for a quote fact "
        "(did you mean 'speaker'?)",
    ])
    out = result.stdout.str()
    assert "Traceback" not in out
    assert "ERROR collecting" not in out  # only the fact is disabled, not its file
    result.stdout.fnmatch_lines(["factcheck: 1 fact not checked (broken), see errors above"])
    result.assert_outcomes(failed=2)  # the broken fact, and the good fact's contradiction
    assert result.ret == pytest.ExitCode.TESTS_FAILED


RUNAWAY = """\
facts:
  - id: runaway-pattern
    kind: pattern
    forbid: '(a+)+$'
  - id: lavrov-house-spelling
    kind: spelling
    preferred: Sergei Lavrov
    avoid: [Sergey Lavrov]
"""


def test_runaway_pattern_is_stopped_and_reported(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nfactcheck_timeout = 0.2\n")
    pytester.mkdir("facts")
    (pytester.path / "facts" / "f.yaml").write_text(RUNAWAY)
    pytester.mkdir("articles")
    (pytester.path / "articles" / "a-runaway.txt").write_text("a" * 5000 + "!\n")
    (pytester.path / "articles" / "b-clean.txt").write_text("Sergey Lavrov spoke.\n")
    result = pytester.runpytest("--factcheck", "articles", "-p", "no:cacheprovider",
                                "--factcheck-report", "report.json")
    out = result.stdout.str()
    assert "Traceback" not in out
    # The runaway fact is an error on that fact and that article ...
    result.stdout.fnmatch_lines(["*runaway-pattern*time limit on articles/a-runaway.txt*"])
    # ... and the run went on: the other fact still checked every article.
    result.stdout.fnmatch_lines(["articles/b-clean.txt:1:1: avoided-spelling"])
    result.assert_outcomes(failed=2)
    import json

    report = json.loads((pytester.path / "report.json").read_text())
    by_id = {f["id"]: f for f in report["facts"]}
    assert by_id["runaway-pattern"]["outcome"] == "error"
    assert by_id["lavrov-house-spelling"]["outcome"] == "failed"


# -- hypothesis: any document gives a catalog, never an exception ---------------
FIELD_NAMES = sorted({"id", "kind", "claim", "tags", "window", "applies_to", "unless",
                      "exceptions", "about", "cues", "min", "max", "speaker", "text",
                      "variants", "min_words", "similarity", "event", "present", "absent",
                      "preferred", "avoid", "entity", "roles", "former", "forbid",
                      "unless_match", "when", "require", "article", "reason", "speker",
                      "name", "aliases", "type", "date"})

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.sampled_from([*KINDS, "sentence", "paragraph", "putin", "(a+)+$", "[", "(?<", "\\",
                     "Sergei Lavrov", "organi[sz]ation", "", "  "]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=8), inner,
                        max_size=5)),
    max_leaves=20,
)
facts_st = st.lists(
    st.dictionaries(st.sampled_from(FIELD_NAMES), values, max_size=8)
    | st.fixed_dictionaries({"id": st.sampled_from(["a", "b", "a-b"]),
                             "kind": st.sampled_from(KINDS)},
                            optional={k: values for k in FIELD_NAMES
                                      if k not in ("id", "kind")}),
    max_size=4,
)
entities_st = st.dictionaries(
    st.sampled_from(["putin", "lavrov", "Bad Id", "g7"]),
    st.fixed_dictionaries({"name": st.text(max_size=20) | st.just("Vladimir Putin")},
                          optional={"aliases": values, "type": values, "date": values}),
    max_size=3)
documents = st.one_of(
    st.fixed_dictionaries({}, optional={"facts": facts_st, "entities": entities_st,
                                        "extra": values}),
    values,
)


def _dump(doc: Any) -> str:
    try:
        return yaml.safe_dump(doc, allow_unicode=True)
    except yaml.YAMLError:
        return str(doc)


def _load_text(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(texts):
            p = Path(tmp) / f"f{i}.yaml"
            p.write_text(text, encoding="utf-8", errors="surrogatepass")
            paths.append(p)
        catalog = load_catalog(paths, display={p: p.name for p in paths},
                               regex_timeout=0.05)
    for p in catalog.problems:
        assert p.file.endswith(".yaml")
        assert p.line >= 0 and p.column >= 0
        assert p.message and "Traceback" not in p.message
    for ff in catalog.files.values():
        assert not (ff.facts and ff.problems)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60)
@given(st.lists(documents, min_size=1, max_size=2))
def test_any_fact_document_loads_or_gives_located_problems(docs: list[Any]) -> None:
    _load_text([_dump(d) for d in docs])


yaml_bits = st.sampled_from(
    ["facts:", "entities:", "  - ", "id: x", "kind: spelling", "&a", "*a", "!!python/name:x",
     "[", "]", "{", "}", ":", "\t", "\n", "\r\n", "'", '"', "#", "---", "? ", "<<: *a",
     "avoid: [a]", "preferred: b", "!!binary", "|", ">", "%YAML 1.1", "\ufeff", "\x00",
     "\x85", "\u2028"])


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60)
@given(st.lists(yaml_bits | st.text(max_size=5), max_size=30).map("".join))
def test_any_text_loads_or_gives_located_problems(text: str) -> None:
    _load_text([text])
