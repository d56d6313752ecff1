"""One bad fact does not silence its file (issue #10).

A problem inside one fact (or one entity definition) disables that fact only:
it is a failed item of its own whose failure text is the located problem, and
the other facts of the file are collected and run. A file-level problem (YAML
syntax, tabs, the shape of the document) still disables the whole file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pytest_factcheck.loader import Catalog, load_catalog

GOOD_1 = """\
  - id: lavrov-spelling
    kind: spelling
    preferred: Sergei Lavrov
    avoid: [Sergey Lavrov]
"""
GOOD_2 = """\
  - id: opcw-spelling
    kind: spelling
    preferred: OPCW
    avoid: [O.P.C.W]
"""
TYPO_FIELD = """\
  - id: typo-field
    kind: spelling
    prefered: Boris Johnson
    avoid: [Boris Jonson]
"""
TYPO_REGEX = """\
  - id: typo-regex
    kind: pattern
    forbid: '(unclosed'
"""
TYPO_RANGE = """\
  - id: typo-range
    kind: quantity
    about: [Khan Sheikhoun]
    cues: [dead]
    min: 100
    max: 70
"""
THREE_TYPOS = "facts:\n" + GOOD_1 + TYPO_FIELD + TYPO_REGEX + GOOD_2 + TYPO_RANGE


def load(tmp: Path, **files: str) -> Catalog:
    paths = []
    for name, text in files.items():
        p = tmp / f"{name}.yaml"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return load_catalog(paths, display={p: p.name for p in paths})


def ids(catalog: Catalog, file: str) -> tuple[list[str], list[str]]:
    ff = catalog.files[file]
    return [lf.fact.id for lf in ff.facts], [b.id for b in ff.broken]


def test_three_typos_disable_three_facts_only(tmp_path: Path) -> None:
    cat = load(tmp_path, f=THREE_TYPOS)
    good, bad = ids(cat, "f.yaml")
    assert good == ["lavrov-spelling", "opcw-spelling"]
    assert bad == ["typo-field", "typo-regex", "typo-range"]
    assert cat.files["f.yaml"].problems == []  # no file-level problem
    assert cat.not_checked == 3
    where = [(p.line, p.column) for p in cat.problems]
    assert where == [(8, 5), (12, 13), (21, 10)]
    assert "did you mean 'preferred'" in cat.problems[0].message


@pytest.mark.parametrize(("fact", "message"), [
    ("  - id: x\n    kind: pattern\n    forbid: '[a-'\n", "regular expression"),
    ("  - id: x\n    kind: role\n    entity: nobody-here\n    roles: [minister]\n",
     "unknown entity id 'nobody-here'"),
    ("  - id: x\n    kind: quantity\n    about: [a]\n    cues: [dead]\n    min: 5\n"
     "    max: 1\n", "'min' (5) is above 'max' (1)"),
    ("  - id: x\n    kind: spelling\n    preferd: A\n    avoid: [B]\n",
     "unknown field 'preferd' for a spelling fact (did you mean 'preferred'?)"),
    ("  - id: x\n    kind: spelling\n    preferred: [A]\n    avoid: [B]\n", "preferred"),
    ("  - id: lavrov-spelling\n    kind: spelling\n    preferred: A\n    avoid: [B]\n",
     "duplicate fact id 'lavrov-spelling'"),
])
def test_each_category_disables_only_its_fact(tmp_path: Path, fact: str, message: str
                                              ) -> None:
    cat = load(tmp_path, f="facts:\n" + GOOD_1 + fact + GOOD_2)
    good, bad = ids(cat, "f.yaml")
    assert good == ["lavrov-spelling", "opcw-spelling"]
    assert len(bad) == 1
    (broken,) = cat.files["f.yaml"].broken
    assert broken.pos.line == 6  # the broken fact's own place
    assert any(message in p.message for p in broken.problems), broken.message
    assert all(p.line >= 6 for p in broken.problems)


def test_duplicate_id_second_one_is_the_bad_fact(tmp_path: Path) -> None:
    cat = load(tmp_path, a="facts:\n" + GOOD_1, b="facts:\n" + GOOD_1 + GOOD_2)
    assert ids(cat, "a.yaml") == (["lavrov-spelling"], [])
    assert ids(cat, "b.yaml") == (["opcw-spelling"], ["lavrov-spelling"])
    assert "also defined at a.yaml:2:9" in cat.files["b.yaml"].broken[0].message


BAD_ENTITY = """\
entities:
  lavrov:
    aliases: [Sergey Lavrov]
  putin:
    name: Vladimir Putin
facts:
  - id: lavrov-role
    kind: role
    entity: lavrov
    roles: [foreign minister]
  - id: putin-role
    kind: role
    entity: putin
    roles: [president]
"""


def test_bad_entity_disables_it_and_the_facts_using_it(tmp_path: Path) -> None:
    cat = load(tmp_path, f=BAD_ENTITY)
    good, bad = ids(cat, "f.yaml")
    assert good == ["putin-role"]
    assert bad == ["entity:lavrov", "lavrov-role"]
    entity, fact = cat.files["f.yaml"].broken
    assert (entity.pos.line, entity.is_fact) == (2, False)
    assert "name" in entity.message
    assert fact.problems[0].line == 9
    assert "entity 'lavrov' is broken (its definition at f.yaml:2:3" in fact.message
    assert cat.not_checked == 1  # entities are not facts


@pytest.mark.parametrize("text", [
    "facts:\n  - id: x\n\tkind: spelling\n",         # tabs
    "facts: [\n",                                      # YAML syntax
    "- just a list\n",                                 # top level not a mapping
    "facts: {id: x}\n",                                # facts not a list
    "entities: [a, b]\nfacts:\n" + GOOD_2,             # entities not a mapping
    "facts:\n" + GOOD_2 + "extra: 1\n",                # unknown top-level key
])
def test_file_level_problems_still_disable_the_file(tmp_path: Path, text: str) -> None:
    cat = load(tmp_path, bad=text, ok="facts:\n" + GOOD_1)
    assert cat.files["bad.yaml"].problems
    assert ids(cat, "bad.yaml") == ([], [])
    assert ids(cat, "ok.yaml") == (["lavrov-spelling"], [])


def test_entity_defined_differently_in_two_files_disables_the_second_file(
        tmp_path: Path) -> None:
    one = "entities:\n  lavrov:\n    name: Sergei Lavrov\nfacts:\n" + GOOD_2
    two = "entities:\n  lavrov:\n    name: Sergey Lavrov\nfacts:\n" + GOOD_1
    cat = load(tmp_path, a=one, b=two)
    assert ids(cat, "a.yaml") == (["opcw-spelling"], [])
    assert ids(cat, "b.yaml") == ([], [])
    assert "also defined at a.yaml" in cat.files["b.yaml"].problems[0].message


# -- through pytest -----------------------------------------------------------
ARTICLE = "Sergey Lavrov met reporters. The OPCW said so.\n"


def setup_run(pytester: pytest.Pytester, facts: str = THREE_TYPOS) -> None:
    pytester.mkdir("facts")
    (pytester.path / "facts" / "f.yaml").write_text(facts)
    (pytester.path / "facts" / "other.yaml").write_text(
        "facts:\n  - id: other-spelling\n    kind: spelling\n    preferred: Boris Johnson\n"
        "    avoid: [Boris Jonson]\n")
    pytester.mkdir("articles")
    (pytester.path / "articles" / "a.txt").write_text(ARTICLE)


def test_pytest_runs_the_good_facts_and_fails_each_broken_one(
        pytester: pytest.Pytester) -> None:
    setup_run(pytester)
    result = pytester.runpytest("--factcheck", "articles", "-p", "no:cacheprovider",
                                "--factcheck-report", "r.json")
    out = result.stdout.str()
    assert "Traceback" not in out and "ERROR collecting" not in out
    # lavrov-spelling contradicted, opcw-spelling and other-spelling pass, three broken.
    result.assert_outcomes(passed=2, failed=4)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines([
        "FAILED facts/f.yaml::typo-field - facts/f.yaml:8:5: *",
        "FAILED facts/f.yaml::typo-regex - facts/f.yaml:12:13: *",
        "FAILED facts/f.yaml::typo-range - facts/f.yaml:21:10: *",
    ])
    result.stdout.fnmatch_lines(["factcheck: 3 facts not checked (broken), see errors above"])
    report = json.loads((pytester.path / "r.json").read_text())
    assert report["summary"]["not_checked"] == 3
    assert [(e["file"], e["line"], e["column"]) for e in report["errors"]] == [
        ("facts/f.yaml", 8, 5), ("facts/f.yaml", 12, 13), ("facts/f.yaml", 21, 10)]
    outcomes = {f["id"]: f["outcome"] for f in report["facts"]}
    assert outcomes == {"lavrov-spelling": "failed", "opcw-spelling": "passed",
                        "other-spelling": "passed"}


def test_k_on_a_broken_fact_finds_it_and_exits_1(pytester: pytest.Pytester) -> None:
    setup_run(pytester)
    result = pytester.runpytest("--factcheck", "articles", "-p", "no:cacheprovider",
                                "-k", "typo-regex")
    result.assert_outcomes(failed=1)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    good = pytester.runpytest("--factcheck", "articles", "-p", "no:cacheprovider",
                              "-k", "opcw-spelling")
    good.assert_outcomes(passed=1)
    assert good.ret == pytest.ExitCode.TESTS_FAILED  # never 0 while a fact is unchecked


def test_a_rerun_after_fixing_the_fact_checks_it(pytester: pytest.Pytester) -> None:
    """The remembered catalog holds the broken facts, and a fixed file is new."""
    setup_run(pytester, "facts:\n" + GOOD_1 + TYPO_FIELD)
    first = pytester.runpytest("--factcheck", "articles")
    first.assert_outcomes(passed=1, failed=2)
    again = pytester.runpytest("--factcheck", "articles")  # from the remembered catalog
    again.assert_outcomes(passed=1, failed=2)
    again.stdout.fnmatch_lines(["FAILED facts/f.yaml::typo-field - facts/f.yaml:8:5: *"])
    (pytester.path / "facts" / "f.yaml").write_text(
        "facts:\n" + GOOD_1 + TYPO_FIELD.replace("prefered", "preferred"))
    (pytester.path / "articles" / "b.txt").write_text("Boris Jonson spoke.\n")
    fixed = pytester.runpytest("--factcheck", "articles", "-rA")
    fixed.assert_outcomes(failed=3)  # lavrov; the fixed fact and other-spelling on b.txt
    fixed.stdout.fnmatch_lines([
        "FAILED facts/f.yaml::typo-field - articles/b.txt:1:1 writes 'Boris Jonson'*"])
    fixed.stdout.fnmatch_lines(["*articles/b.txt:1:1: avoided-spelling*"])
    assert "not checked" not in fixed.stdout.str()
