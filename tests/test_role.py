"""The ``role`` kind: titles attached to people."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.article import Article, PreparedArticle
from pytest_factcheck.articles import read_article
from pytest_factcheck.kinds.role import title_key
from pytest_factcheck.loader import LoadedFact, load_catalog

from .conftest import SEEDS
from .kindkit import check_fact

CATALOG = """
entities:
  putin:
    name: Vladimir Putin
    aliases: [Mr Putin, President Putin, the Russian President, the Russian leader]
  lavrov:
    name: Sergei Lavrov
    aliases: [Sergey Lavrov]
  tillerson: {name: Rex Tillerson}
  johnson: {name: Boris Johnson}
  alfano: {name: Angelino Alfano}
  gabriel: {name: Sigmar Gabriel}
  rifkind: {name: Malcolm Rifkind}
  mattarella: {name: Sergio Mattarella}

facts:
  - id: alfano-role
    kind: role
    entity: alfano
    roles: [Italian Foreign Minister, Italy's foreign minister, foreign minister]
    former: []
  - id: johnson-role
    kind: role
    entity: johnson
    roles: [Foreign Secretary, British Foreign Secretary]
    former: [Mayor of London]
  - id: tillerson-role
    kind: role
    entity: tillerson
    roles: [US Secretary of State, Secretary of State]
  - id: gabriel-role
    kind: role
    entity: gabriel
    roles: [German Foreign Minister]
  - id: putin-role
    kind: role
    entity: putin
    roles: [Russian President]
  - id: lavrov-role
    kind: role
    entity: lavrov
    roles: [Russian foreign minister]
  - id: rifkind-role
    kind: role
    entity: rifkind
    roles: [MP]
    former: [foreign secretary, defence secretary]
  - id: mattarella-role
    kind: role
    entity: mattarella
    roles: [Italian President, President]
"""


def load(tmp_path: Path, text: str = CATALOG) -> dict[str, LoadedFact]:
    (tmp_path / "facts.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    catalog = load_catalog([tmp_path])
    assert not catalog.problems, catalog.problems
    return {f.fact.id: f for f in catalog.facts}


@pytest.fixture
def facts(tmp_path: Path) -> dict[str, LoadedFact]:
    return load(tmp_path)


def article(text: str) -> PreparedArticle:
    return PreparedArticle(Article.from_text(text, "a.txt"))


def read(fact: LoadedFact, text: str) -> list[tuple[str, str]]:
    result = check_fact(fact, [article(text)])
    return [(f.status, f.matched) for f in result.findings]


def all_contradictions(facts: dict[str, LoadedFact], text: str) -> list[str]:
    out = []
    for fid, fact in facts.items():
        result = check_fact(fact, [article(text)])
        out.extend(f"{fid}: {f.matched}" for f in result.contradictions)
    return out


# ---------------------------------------------------------------------------
# SPEC examples
# ---------------------------------------------------------------------------
def test_spec_title_before_name(facts: dict[str, LoadedFact]) -> None:
    assert read(facts["alfano-role"], "Italian Foreign Minister Angelino Alfano said no.") == [
        ("consistent", "Italian Foreign Minister Angelino Alfano")]


def test_spec_appositive_after_name(facts: dict[str, LoadedFact]) -> None:
    text = "Angelino Alfano, the Italian foreign minister, insisted on dialogue."
    assert read(facts["alfano-role"], text) == [
        ("consistent", "Angelino Alfano, the Italian foreign minister")]


def test_spec_title_followed_by_name_belongs_to_that_name(
        facts: dict[str, LoadedFact]) -> None:
    text = "The talks brought together Sergey Lavrov, U.S. Secretary of State Rex Tillerson and"\
           " the hosts."
    assert read(facts["lavrov-role"], text) == []
    assert read(facts["tillerson-role"], text) == [
        ("consistent", "U.S. Secretary of State Rex Tillerson")]


def test_spec_longest_known_title_counts(facts: dict[str, LoadedFact]) -> None:
    # "German Foreign Minister" beats "foreign minister" (which Alfano holds).
    found = check_fact(facts["alfano-role"],
                       [article("German Foreign Minister Angelino Alfano spoke.")])
    assert [(f.status, f.reason) for f in found.findings] == [("contradiction", "wrong-role")]
    assert "German Foreign Minister" in found.findings[0].message


def test_spec_past_title_as_present(facts: dict[str, LoadedFact]) -> None:
    found = check_fact(facts["johnson-role"],
                       [article("Mayor of London Boris Johnson opened the bridge.")])
    assert [f.status for f in found.findings] == ["contradiction"]
    assert "former" in found.findings[0].message


def test_spec_former_titles_checked_against_former(facts: dict[str, LoadedFact]) -> None:
    assert read(facts["johnson-role"], "Former Mayor of London Boris Johnson spoke.") == [
        ("consistent", "Mayor of London Boris Johnson")]
    assert read(facts["johnson-role"], "Boris Johnson, the ex-Mayor of London, spoke.") == [
        ("consistent", "Boris Johnson, the ex-Mayor of London")]
    # a former title the fact does not list as former
    assert [s for s, _ in read(facts["alfano-role"],
                               "Former German Foreign Minister Angelino Alfano spoke.")] == [
        "contradiction"]


def test_current_role_called_former_is_wrong(facts: dict[str, LoadedFact]) -> None:
    found = check_fact(facts["johnson-role"],
                       [article("Former foreign secretary Boris Johnson spoke.")])
    assert [f.status for f in found.findings] == ["contradiction"]
    assert "current role" in found.findings[0].message


def test_then_title_accepts_roles_and_former(facts: dict[str, LoadedFact]) -> None:
    text = "In 2012 the then-Mayor of London Boris Johnson opened the games."
    assert [s for s, _ in read(facts["johnson-role"], text)] == ["consistent"]


# ---------------------------------------------------------------------------
# Seeds
# ---------------------------------------------------------------------------
def seed_findings(fact: LoadedFact, name: str) -> list[tuple[str, str]]:
    result = check_fact(fact, [PreparedArticle(read_article(SEEDS / name))])
    return [(f.status, f.matched) for f in result.findings]


def test_seed_000(facts: dict[str, LoadedFact]) -> None:
    assert seed_findings(facts["alfano-role"], "000_0ca5e19bbdfdb48e.txt") == [
        ("consistent", "Angelino Alfano, the Italian foreign minister")]
    assert seed_findings(facts["tillerson-role"], "000_0ca5e19bbdfdb48e.txt") == [
        ("consistent", "Rex Tillerson, the US Secretary of State")]


def test_seed_001(facts: dict[str, LoadedFact]) -> None:
    name = "001_f175f75c7582221c.txt"
    assert seed_findings(facts["alfano-role"], name) == [
        ("consistent", "Italian foreign minister Angelino Alfano")]
    assert seed_findings(facts["tillerson-role"], name) == [
        ("consistent", "US Secretary of State Rex Tillerson")]
    assert seed_findings(facts["johnson-role"], name) == [
        ("consistent", "Foreign Secretary Boris Johnson")]
    # "former foreign secretary Sir Malcolm Rifkind" is Rifkind's, not Johnson's
    assert seed_findings(facts["rifkind-role"], name) == [
        ("consistent", "foreign secretary Sir Malcolm Rifkind")]
    # "(Russian foreign minister Sergey) Lavrov": the bracket does not part them
    assert seed_findings(facts["lavrov-role"], name) == [
        ("consistent", "Russian foreign minister Sergey) Lavrov")]


def test_seed_003(facts: dict[str, LoadedFact]) -> None:
    name = "003_3fd0dba4cfea9bb8.txt"
    assert seed_findings(facts["gabriel-role"], name) == [
        ("consistent", "German Foreign Minister Sigmar Gabriel")]
    assert seed_findings(facts["johnson-role"], name) == [
        ("consistent", "British Foreign Secretary Boris Johnson")]
    assert seed_findings(facts["putin-role"], name) == [
        ("consistent", "Russian President Vladimir Putin")]


def test_seeds_have_no_contradiction_with_true_facts(facts: dict[str, LoadedFact]) -> None:
    arts = [PreparedArticle(read_article(p)) for p in sorted(SEEDS.glob("*.txt"))]
    for fact in facts.values():
        assert not check_fact(fact, arts).contradictions, fact.fact.id


def test_seeds_contradict_wrong_roles(tmp_path: Path) -> None:
    wrong = CATALOG.replace("roles: [German Foreign Minister]",
                            "roles: [Vice Chancellor]\n    former: [German Foreign Minister]")
    wrong = wrong.replace("roles: [Foreign Secretary, British Foreign Secretary]",
                          "roles: [Home Secretary]")
    facts = load(tmp_path, wrong)
    arts = [PreparedArticle(read_article(p)) for p in sorted(SEEDS.glob("*.txt"))]
    gabriel = check_fact(facts["gabriel-role"], arts)
    assert [f.matched for f in gabriel.contradictions] == [
        "German Foreign Minister Sigmar Gabriel"]
    johnson = check_fact(facts["johnson-role"], arts)
    assert [f.matched for f in johnson.contradictions] == [
        "Foreign Secretary Boris Johnson", "Foreign Secretary Boris Johnson"]
    # "British Foreign Secretary" is no longer a known title: "British" is a
    # qualifier the run does not know, so that one is only a note.
    assert len(johnson.notes) == 1 and "qualifier" in johnson.notes[0].message


# ---------------------------------------------------------------------------
# Titles of other people, lists, aliases
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Tillerson met German Foreign Minister Sigmar Gabriel and Alfano on Monday.",
    "Alfano, German Foreign Minister Sigmar Gabriel and Tillerson met.",
    "Boris Johnson, Foreign Minister Sigmar Gabriel and Alfano met.",
    "Alfano met Foreign Secretary Boris Johnson in Lucca.",
    "Alfano praised Russian President Vladimir Putin.",
    "Alfano thanked the Foreign Secretary, Boris Johnson, and Tillerson.",
    "Asked about Alfano, the Foreign Secretary said nothing.",
    "Alfano, the Foreign Secretary and Tillerson met on Monday.",
    "A spokesman for Alfano, Foreign Secretary Boris Johnson said, denied it.",
    "Alfano's counterpart, the Foreign Secretary, was absent.",
    "According to Alfano, the Foreign Secretary's plan failed.",
    "Alfano, whose foreign secretary counterpart was absent, spoke.",
    "Foreign Secretary Slams Alfano Over Syria",
    "Alfano, the foreign secretary of a rival country, was absent.",
])
def test_title_of_someone_else_is_not_alfanos(facts: dict[str, LoadedFact], text: str) -> None:
    assert [s for s, _ in read(facts["alfano-role"], text)] == []


def test_alias_that_looks_like_a_title(tmp_path: Path) -> None:
    # "President Putin" is a declared alias; "President" is a known title
    # (Mattarella's) that Putin's roles only hold as "Russian President".
    facts = load(tmp_path)
    assert read(facts["putin-role"], "President Putin spoke.") == [
        ("consistent", "President Putin")]
    changed = CATALOG.replace("roles: [Russian President]", "roles: [Prime Minister]")
    facts = load(tmp_path, changed)
    # an alias is the editor's own form: never a contradiction
    assert read(facts["putin-role"], "President Putin spoke.") == []
    assert [s for s, _ in read(facts["putin-role"], "Italian President Vladimir Putin spoke.")
            ] == ["contradiction"]
    # "Russian President" is no longer a known title: "Russian" is an unknown
    # qualifier of the known "President", so it is not judged.
    assert read(facts["putin-role"], "Russian President Vladimir Putin spoke.") == []


def test_shorter_form_of_a_role_is_fine(facts: dict[str, LoadedFact]) -> None:
    assert [s for s, _ in read(facts["gabriel-role"], "Foreign Minister Sigmar Gabriel spoke.")
            ] == ["consistent"]


def test_unknown_qualifier_is_not_judged(facts: dict[str, LoadedFact]) -> None:
    # "Deputy Foreign Minister" is not "Foreign Minister"; a qualifier the run
    # does not know makes the title unjudgeable (a note at most).
    assert read(facts["lavrov-role"], "Deputy Foreign Minister Sergei Lavrov spoke.") == []
    for text in ("Deputy Foreign Minister Boris Johnson spoke.",
                 "The French Foreign Minister Boris Johnson spoke."):
        result = check_fact(facts["johnson-role"], [article(text)])
        assert not result.findings and result.notes, text


def test_title_that_runs_on_is_not_judged(facts: dict[str, LoadedFact]) -> None:
    for text in ("Boris Johnson, the foreign minister of Britain, spoke.",
                 "Boris Johnson, the foreign minister-designate, spoke.",
                 "Boris Johnson, the foreign minister turned author, spoke.",
                 "Boris Johnson, the Mayor of London turned Foreign Secretary, spoke."):
        assert read(facts["johnson-role"], text) == [], text


def test_comma_before_name(facts: dict[str, LoadedFact]) -> None:
    assert read(facts["alfano-role"], "Italy's foreign minister, Angelino Alfano, said.") == [
        ("consistent", "Italy's foreign minister, Angelino Alfano")]
    # a wrong title before a comma is only a note: "X, Y and Z" reads the same way
    result = check_fact(facts["johnson-role"],
                        [article("The foreign minister, Boris Johnson, wants sanctions.")])
    assert not result.findings and result.notes


@pytest.mark.parametrize("text", [
    "Mr Johnson, who was once Mayor of London, spoke.",
    "As Mayor of London, Boris Johnson built a bridge.",
    "Boris Johnson said the Mayor of London was wrong.",
    "Boris Johnson met the Mayor of London, Sadiq Khan, on Monday.",
    "Boris Johnson's successor as Mayor of London, Sadiq Khan, spoke.",
    "Boris Johnson criticised the foreign minister.",
    "Boris Johnson, foreign secretary, spoke.",
    "The foreign secretary, Boris Johnson, said.",
    "Boris Johnson, Britain's foreign secretary, said.",
    "Lavrov, the Russian foreign minister, met Boris Johnson, the foreign secretary.",
    "Boris Johnson Foreign Secretary",
    "A statement from the office of the Foreign Secretary, Boris Johnson.",
])
def test_no_false_alarm_for_johnson(facts: dict[str, LoadedFact], text: str) -> None:
    assert all_contradictions(facts, text) == []


def test_case_and_normalization(facts: dict[str, LoadedFact]) -> None:
    for text in ("U.S. Secretary of State Rex Tillerson spoke.",
                 "us secretary of state Rex Tillerson spoke.",
                 "US  Secretary\nof State Rex Tillerson spoke."):
        assert [s for s, _ in read(facts["tillerson-role"], text)] == ["consistent"], text


def test_title_key() -> None:
    assert title_key("U.S. Secretary of State") == "us secretary of state"
    assert title_key("the Italian  Foreign Minister") == "italian foreign minister"
    assert title_key("Italy\u2019s foreign minister") == "italy's foreign minister"


def test_terms_are_entity_forms(facts: dict[str, LoadedFact]) -> None:
    terms = facts["johnson-role"].checker.terms
    assert "johnson" in terms and "boris johnson" in terms
    assert all(t == t.lower() for t in terms)


def test_known_titles_come_from_every_role_fact(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text(textwrap.dedent("""
        facts:
          - id: khan-role
            kind: role
            entity: Sadiq Khan
            roles: [Mayor of Paris]
    """), encoding="utf-8")
    facts = load(tmp_path)
    # "Mayor of Paris" is known only from the other file's fact
    assert [s for s, _ in read(facts["johnson-role"], "Mayor of Paris Boris Johnson spoke.")
            ] == ["contradiction"]


# ---------------------------------------------------------------------------
# Robustness
# ---------------------------------------------------------------------------
_FRAGMENTS = st.sampled_from([
    "Boris Johnson", "Johnson", "Mr Johnson", "Alfano", "Putin", "President Putin",
    "Foreign Secretary", "foreign minister", "Mayor of London", "former", "ex-", "then-",
    "the", "a", "Italy's", "German", "Deputy", ",", ".", "(", ")", "-", "who", "said",
    "U.S.", "Secretary of State", "Rex Tillerson", "Sergey)", "Lavrov", "\n\n", "'s",
])


_CACHE: dict[str, dict[str, LoadedFact]] = {}


def _shared(factory: pytest.TempPathFactory) -> dict[str, LoadedFact]:
    if "facts" not in _CACHE:
        _CACHE["facts"] = load(factory.mktemp("role"))
    return _CACHE["facts"]


@settings(deadline=None)
@given(st.lists(_FRAGMENTS, max_size=30))
def test_never_crashes_on_fragments(tmp_path_factory: pytest.TempPathFactory,
                                    parts: list[str]) -> None:
    facts = _shared(tmp_path_factory)
    text = " ".join(parts)
    for fact in facts.values():
        result = check_fact(fact, [article(text)])
        for f in result.findings:
            assert f.status in ("consistent", "contradiction")
            assert f.reason == "wrong-role"
            assert f.matched and f.matched in text


@settings(deadline=None)
@given(st.text(max_size=300))
def test_never_crashes_on_any_text(tmp_path_factory: pytest.TempPathFactory,
                                   text: str) -> None:
    facts = _shared(tmp_path_factory)
    for fact in facts.values():
        check_fact(fact, [article("Foreign Secretary Boris Johnson said. " + text)])
