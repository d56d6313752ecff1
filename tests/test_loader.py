"""The fact-file loader: safe YAML with positions, the shipped JSON Schema, the catalog."""

from __future__ import annotations

import dataclasses
import json
import re
import time
import tracemalloc
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

import pytest_factcheck
from pytest_factcheck import kinds as kinds_pkg
from pytest_factcheck import loader
from pytest_factcheck import schema as schema_mod
from pytest_factcheck.errors import FactError
from pytest_factcheck.kinds import names as kind_names
from pytest_factcheck.loader import Catalog, load_catalog, parse_yaml, schema

KINDS = kind_names()


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def load(tmp_path: Path, **files: str) -> Catalog:
    paths = [write(tmp_path, f"{name}.yaml", text) for name, text in files.items()]
    return load_catalog(paths, display={p: p.name for p in paths})


def problems(catalog: Catalog) -> list[str]:
    return [str(p) for p in catalog.problems]


# -- the schema ----------------------------------------------------------------
def test_schema_ships_inside_the_package() -> None:
    path = Path(pytest_factcheck.__file__).parent / "schema" / "factfile.schema.json"
    assert json.loads(path.read_text(encoding="utf-8")) == schema()


def test_schema_is_valid_against_its_meta_schema() -> None:
    cls = jsonschema.validators.validator_for(schema())
    assert cls is jsonschema.Draft202012Validator
    cls.check_schema(schema())


def test_schema_knows_every_kind() -> None:
    assert schema()["$defs"]["fact"]["properties"]["kind"]["enum"] == list(KINDS)
    for kind in KINDS:
        assert schema_mod.kind_fields(kind), kind


ENTITIES = """\
entities:                       # optional; one namespace across all fact files
  putin:
    name: Vladimir Putin
    aliases: [Mr Putin, President Putin, the Russian President, the Russian leader]
  lavrov:
    name: Sergei Lavrov
    aliases: [Sergey Lavrov]
  g7-lucca:
    name: G7 foreign ministers' meeting in Lucca
    aliases: [G7 meeting, G-7 gathering, G7 summit, meeting in Lucca, summit in Lucca]
  tillerson: {name: Rex Tillerson}
  johnson: {name: Boris Johnson}
  alfano: {name: Angelino Alfano}
  gabriel: {name: Sigmar Gabriel}
"""

# Every example fact of SPEC §3 (the file-level example completed with its kind
# fields), by kind.
SPEC_FACTS: dict[str, str] = {
    "file-example": """\
  - id: khan-sheikhoun-death-toll        # unique across all files; [a-z0-9-]+
    kind: quantity
    claim: Between 70 and 100 people died in the 4 April 2017 Khan Sheikhoun attack.
    about: [Khan Sheikhoun, Khan Shaykhun, chemical attack, chemical weapons attack, sarin]
    cues: [killed, dead, died, deaths, death toll, lives]
    min: 70
    max: 100
    tags: [syria]                         # optional -> pytest markers
    window: sentence                      # optional: sentence (default) | paragraph
    applies_to: ["syria/**"]              # optional article globs
    unless: [Ghouta, "2013"]              # optional: a window containing one is skipped
    exceptions:                           # optional waivers
      - article: "archive/2017-04-05-*.txt"
        reason: published before the toll was revised
""",
    "quantity": """\
  - id: khan-sheikhoun-death-toll
    kind: quantity
    about: [Khan Sheikhoun, Khan Shaykhun, chemical attack, chemical weapons attack, sarin]
    cues: [killed, dead, died, deaths, death toll, lives]
    min: 70          # either bound may be omitted
    max: 100
""",
    "quote": """\
  - id: putin-2003-remark
    kind: quote
    speaker: putin
    text: >-
      It reminds me of the events in 2003 when US envoys to the Security Council
      were demonstrating what they said were chemical weapons found in Iraq.
    variants: ["this reminds me strongly of the events in 2003"]   # accepted other wordings
    min_words: 5          # shortest quoted run that counts (default 5)
""",
    "attendance": """\
  - id: g7-lucca-attendance
    kind: attendance
    event: g7-lucca
    present: [tillerson, johnson, alfano, gabriel]
    absent: [putin, lavrov]
""",
    "spelling": """\
  - id: lavrov-spelling
    kind: spelling
    preferred: Sergei Lavrov
    avoid: [Sergey Lavrov]      # plain words; case is ignored, diacritics are not
""",
    "role": """\
  - id: alfano-role
    kind: role
    entity: alfano
    roles: [Italian Foreign Minister, Italy's foreign minister, foreign minister]
    former: []            # titles that may appear after "former"/"ex-"
""",
    "pattern": """\
  - id: no-foreknowledge-as-fact
    kind: pattern
    forbid: 'Russia (knew|had known) (in advance|beforehand)'
    unless_match: '(report|claim|alleg|conclusion|suggest|say)'
  - id: opcw-full-name
    kind: pattern
    when: 'prohibition of chemical weapons'
    require: 'organi[sz]ation for the prohibition of chemical weapons'
""",
}


def spec_doc(name: str) -> str:
    return ENTITIES + "facts:\n" + SPEC_FACTS[name]


@pytest.mark.parametrize("name", SPEC_FACTS)
def test_every_spec_example_validates_against_the_schema(name: str) -> None:
    jsonschema.validate(yaml.safe_load(spec_doc(name)), schema())


@pytest.mark.parametrize("name", SPEC_FACTS)
def test_every_spec_example_passes_the_loaders_checks(name: str) -> None:
    doc, located = parse_yaml(spec_doc(name), "spec.yaml")
    assert loader.validate_document(doc, located) == []


@pytest.mark.parametrize("name", SPEC_FACTS)
def test_every_spec_example_loads(tmp_path: Path, name: str) -> None:
    catalog = load(tmp_path, spec=spec_doc(name))
    assert problems(catalog) == []
    assert catalog.facts


def test_all_spec_examples_together_in_one_file(tmp_path: Path) -> None:
    facts = "".join(v for k, v in SPEC_FACTS.items() if k != "file-example")
    doc = yaml.safe_load(ENTITIES + "facts:\n" + facts)
    jsonschema.validate(doc, schema())


# -- safe YAML -------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "facts: !!python/object/apply:os.system ['touch {marker}']\n",
    "facts:\n  - id: !!python/object/apply:os.system ['touch {marker}']\n",
    "? !!python/object/apply:os.system ['touch {marker}']\n: x\n",
    "facts: !!python/object/new:subprocess.Popen [['touch', '{marker}']]\n",
    "facts: !!python/name:os.system\n",
    "facts: !!python/module:os\n",
])
def test_python_tags_are_refused_and_never_run(tmp_path: Path, text: str) -> None:
    marker = tmp_path / "owned"
    catalog = load(tmp_path, evil=text.format(marker=marker))
    assert not marker.exists()
    [problem] = catalog.problems
    assert "is not allowed" in problem.message and "!!python/" in problem.message
    assert problem.line >= 1


def test_package_never_loads_yaml_unsafely() -> None:
    root = Path(pytest_factcheck.__file__).parent
    unsafe = re.compile(r"yaml\.(load|load_all|unsafe_load|full_load)\(|"
                        r"Loader=yaml\.(Loader|FullLoader|UnsafeLoader)\b")
    for src in root.rglob("*.py"):
        assert not unsafe.search(src.read_text(encoding="utf-8")), src


def bomb(levels: int, width: int = 9) -> str:
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * width) + "]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("levels", [9, 30])
def test_alias_bomb_is_refused_quickly(tmp_path: Path, levels: int) -> None:
    # 9 levels expand to 387 million strings; 30 levels to 10**28.
    path = write(tmp_path, "bomb.yaml", bomb(levels))
    cpu = time.process_time()
    catalog = load_catalog([path])
    used = time.process_time() - cpu
    [problem] = catalog.problems
    assert "alias bomb" in problem.message
    # CPU time, and loose on purpose: the point is "not minutes" (it takes ~0.3 s).
    assert used < 3.0


def test_alias_bomb_is_refused_without_growing_memory(tmp_path: Path) -> None:
    path = write(tmp_path, "bomb.yaml", bomb(30))
    tracemalloc.start()
    try:
        catalog = load_catalog([path])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "alias bomb" in catalog.problems[0].message
    assert peak < 64 * 2**20, f"peak {peak / 2**20:.0f} MB"


def test_aliases_within_reason_are_fine(tmp_path: Path) -> None:
    catalog = load(tmp_path, f="""\
facts:
  - id: lavrov-spelling
    kind: spelling
    preferred: Sergei Lavrov
    avoid: &lav [Sergey Lavrov]
    unless: *lav
""")
    assert problems(catalog) == []


@pytest.mark.parametrize("depth", [100, 1000])
def test_deep_nesting_is_a_located_problem_not_a_crash(tmp_path: Path, depth: int) -> None:
    catalog = load(tmp_path, deep="facts: " + "[" * depth + "]" * depth + "\n",
                   block="facts:\n" + "".join("  " * i + "-\n" for i in range(depth)))
    assert len(catalog.problems) == 2
    for problem in catalog.problems:
        assert "nested" in problem.message


def test_keys_are_read_as_written(tmp_path: Path) -> None:
    doc, _ = parse_yaml("yes: 1\n2017: b\nnull: c\n", "f.yaml")
    assert doc == {"yes": 1, "2017": "b", "null": "c"}


def test_dates_become_text() -> None:
    doc, _ = parse_yaml("date: 2017-04-10\n", "f.yaml")
    assert doc == {"date": "2017-04-10"}


def test_positions_of_values_and_keys() -> None:
    text = "facts:\n  - id: a\n    kind:   spelling\n"
    _, located = parse_yaml(text, "f.yaml")
    assert str(located.at(("facts", 0, "kind"))) == "f.yaml:3:13"
    assert str(located.at(("facts", 0, "kind"), key=True)) == "f.yaml:3:5"
    assert str(located.at(("facts", 0, "nope", 3))) == "f.yaml:2:5"


def test_positions_in_crlf_and_cr_files() -> None:
    for eol in ("\r\n", "\r"):
        text = eol.join(["facts:", "  - id: a", "    kind: spelling", ""])
        _, located = parse_yaml(text, "f.yaml")
        assert str(located.at(("facts", 0, "kind"))) == "f.yaml:3:11", repr(eol)


def test_parse_error_is_a_fact_error_with_a_position() -> None:
    with pytest.raises(FactError) as info:
        parse_yaml("facts:\n  - id: a\n    kind: [spelling\n", "f.yaml")
    assert info.value.pos is not None
    assert (info.value.pos.line, info.value.pos.column) == (3, 11)


# -- the catalog -------------------------------------------------------------------
GOOD_SPELLING = """\
facts:
  - id: lavrov-spelling
    kind: spelling
    preferred: Sergei Lavrov
    avoid: [Sergey Lavrov]
"""


def test_empty_file_gives_no_facts_and_no_problems(tmp_path: Path) -> None:
    catalog = load(tmp_path, empty="", comments="# nothing yet\n")
    assert catalog.facts == [] and catalog.problems == []


def test_a_broken_file_does_not_stop_the_others(tmp_path: Path) -> None:
    catalog = load(tmp_path, a=GOOD_SPELLING, b="facts: [\n")
    assert [f.fact.id for f in catalog.facts] == ["lavrov-spelling"]
    assert [p.file for p in catalog.problems] == ["b.yaml"]


def test_every_problem_of_a_file_is_reported_in_file_order(tmp_path: Path) -> None:
    catalog = load(tmp_path, f="""\
facts:
  - id: a
    kind: spelling
    prefered: X
    avoid: [Y]
  - id: b
    kind: pattern
    forbid: '(('
  - id: c
    kind: spelling
    preferred: X
    avoid: []
""")
    assert [(p.line, p.column) for p in catalog.problems] == [(4, 5), (8, 13), (12, 12)]
    assert catalog.facts == []


def test_duplicate_ids_name_both_places(tmp_path: Path) -> None:
    catalog = load(tmp_path, a=GOOD_SPELLING, b=GOOD_SPELLING)
    [problem] = catalog.problems
    assert str(problem).startswith("b.yaml:2:9: duplicate fact id 'lavrov-spelling'")
    assert "a.yaml:2:9" in problem.message


def test_identical_entity_definitions_in_two_files_are_fine(tmp_path: Path) -> None:
    ent = "entities:\n  lavrov:\n    name: Sergei Lavrov\n"
    catalog = load(tmp_path, a=ent, b=ent)
    assert problems(catalog) == []


def test_an_entity_used_as_an_event_is_an_event(tmp_path: Path) -> None:
    catalog = load(tmp_path, f=spec_doc("attendance"))
    assert problems(catalog) == []
    assert catalog.entities.entities["g7-lucca"].type == "event"


def test_plain_names_become_entities_and_ids_must_exist(tmp_path: Path) -> None:
    doc, located = parse_yaml(
        "facts:\n  - id: r\n    kind: role\n    entity: Angelino Alfano\n    roles: [x]\n",
        "f.yaml")
    assert loader.validate_document(doc, located) == []
    resolver = loader._Resolver({}, set())
    assert resolver.resolve("Angelino Alfano", "person", located.at(())) == "Angelino Alfano"
    with pytest.raises(FactError, match="unknown entity id 'alfano'"):
        resolver.resolve("alfano", "person", located.at(()))


def test_a_crashing_kind_is_a_located_problem(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*args: Any) -> Any:
        raise ZeroDivisionError("boom")

    spelling = kinds_pkg.REGISTRY["spelling"]
    monkeypatch.setitem(kinds_pkg.REGISTRY, "spelling", dataclasses.replace(spelling,
                                                                            compile=crash))
    catalog = load(tmp_path, f=GOOD_SPELLING)
    [problem] = catalog.problems
    assert str(problem).startswith("f.yaml:2:5: internal error while preparing this fact")
    assert "ZeroDivisionError: boom" in problem.message


def test_a_kind_whose_checks_crash_is_a_located_problem(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*args: Any) -> Any:
        raise KeyError("boom")

    spelling = kinds_pkg.REGISTRY["spelling"]
    monkeypatch.setitem(kinds_pkg.REGISTRY, "spelling", dataclasses.replace(spelling,
                                                                            validate=crash))
    catalog = load(tmp_path, f=GOOD_SPELLING)
    [problem] = catalog.problems
    assert str(problem).startswith("f.yaml:2:5: internal error while checking this fact")


def test_the_registry_and_the_schema_name_the_same_kinds() -> None:
    defs = schema()["$defs"]
    assert defs["fact"]["properties"]["kind"]["enum"] == list(kinds_pkg.REGISTRY)
    for name, kind in kinds_pkg.REGISTRY.items():
        assert kind.name == name
        assert f"{name}-fact" in defs, name
        props = defs[f"{name}-fact"]["properties"]
        assert set(kind.entity_fields) <= set(props), name


def test_huge_fact_file_is_refused_unread(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 100)
    catalog = load(tmp_path, big=GOOD_SPELLING * 3)
    [problem] = catalog.problems
    assert "larger than" in problem.message


def test_problems_per_file_are_capped(tmp_path: Path) -> None:
    facts = "".join(f"  - id: f{i}\n    kind: spelling\n    preferred: X\n    avoid: []\n"
                    for i in range(30))
    catalog = load(tmp_path, many="facts:\n" + facts)
    assert len(catalog.problems) == loader.MAX_PROBLEMS + 1
    assert catalog.problems[-1].message == "... and 10 more problems"


def test_specs_are_decoded_from_the_fact_fields_with_their_defaults(tmp_path: Path) -> None:
    catalog = load(tmp_path, f="""\
entities:
  putin: {name: Vladimir Putin}
facts:
  - id: q
    kind: quote
    speaker: putin
    text: We have seen it all before, many times.
    variants: [We have seen all of it before]
  - id: p
    kind: pattern
    forbid: 'Russia knew'
""")
    by_id = {lf.fact.id: lf.fact for lf in catalog.facts}
    quote = kinds_pkg.REGISTRY["quote"].decode(by_id["q"])
    assert (quote.speaker, quote.min_words, quote.similarity) == ("putin", 5, 0.8)
    assert quote.variants == ("We have seen all of it before",)
    pattern = kinds_pkg.REGISTRY["pattern"].decode(by_id["p"])
    assert (pattern.forbid, pattern.require, pattern.when) == ("Russia knew", "", "")
