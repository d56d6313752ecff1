"""The corpus index: the same results as checking every article, for less work."""

from __future__ import annotations

from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.generate import generate
from pytest_factcheck.corpus import Corpus
from pytest_factcheck.engine import check_fact
from pytest_factcheck.index import CorpusIndex, fact_needs
from pytest_factcheck.loader import load_catalog
from pytest_factcheck.text.regex_literals import required_literals

from .conftest import ROOT, SEEDS, prepared

SEED_FACTS = """\
entities:
  putin:
    name: Vladimir Putin
    aliases: [Mr Putin, the Russian President]
facts:
  - id: lavrov-spelling
    kind: spelling
    preferred: Sergei Lavrov
    avoid: [Sergey Lavrov]
  - id: no-foreknowledge
    kind: pattern
    forbid: 'Russia (knew|had known) (in advance|beforehand)'
    unless_match: '(report|claim|alleg|conclusion|suggest|say)'
  - id: opcw-full-name
    kind: pattern
    when: 'prohibition of chemical weapons'
    require: 'organi[sz]ation for the prohibition of chemical weapons'
  - id: chemical-words
    kind: pattern
    forbid: '\\bchemical (weapons?|attack)'
  - id: putin-anywhere
    kind: pattern
    forbid: '(?:vladimir )?putin'
  - id: no-literal
    kind: pattern
    forbid: '\\d{4}'
  - id: khan-toll
    kind: quantity
    about: [Khan Sheikhoun, chemical attack, sarin]
    cues: [killed, dead, died, deaths]
    min: 70
    max: 100
"""


def _catalog(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    (tmp_path / "facts.yaml").write_text(text, encoding="utf-8")
    return load_catalog([tmp_path / "facts.yaml"])


def _same_with_and_without(catalog, articles) -> int:  # type: ignore[no-untyped-def]
    facts = [lf for lf in catalog.facts]
    index = CorpusIndex.for_checkers(articles, [lf.checker for lf in facts])
    checked = 0
    for lf in facts:
        plain = check_fact(lf, articles)
        fast = check_fact(lf, articles, index)
        assert fast == plain, lf.fact.id
        checked += len(plain.findings)
    return checked


# -- required literals of patterns -------------------------------------------
def test_literals_of_alternatives_are_expanded() -> None:
    assert required_literals("Russia (knew|had known) (in advance|beforehand)") == (
        "russia had known beforehand", "russia had known in advance",
        "russia knew beforehand", "russia knew in advance")
    assert required_literals("organi[sz]ation for the prohibition") == (
        "organisation for the prohibition", "organization for the prohibition")


def test_literals_pick_the_strongest_run() -> None:
    assert required_literals(r"\d+ people (were )?killed") == (" people ",)
    assert required_literals(r"colou?r scheme") == ("r scheme",)


def test_no_literal_means_scan_everything() -> None:
    for pattern in (r".*", r"\d{4}", r"(?:x|)", r"(foo|.*)", r"[[:alpha:]]+ said",
                    r"\p{Lu}\w+ said", r"(?:putin){e<=1}", r"a*"):
        assert required_literals(pattern) is None, pattern


def test_uppercase_i_is_never_a_literal() -> None:
    # regex matches "I" case-insensitively with the dotless "ı" (casefold "ı").
    lits = required_literals("Iran")
    assert lits == ("ran",)
    assert regex.search("Iran", "ıran", regex.IGNORECASE | regex.FULLCASE)


def test_pattern_fact_terms(tmp_path: Path) -> None:
    cat = _catalog(tmp_path, SEED_FACTS)
    by_id = {lf.fact.id: lf.checker for lf in cat.facts}
    assert fact_needs(by_id["no-foreknowledge"]).terms is not None
    assert fact_needs(by_id["opcw-full-name"]).terms == ("prohibition of chemical weapons",)
    assert fact_needs(by_id["no-literal"]).terms is None


_ATOMS = st.sampled_from(["a", "b", "ab", "ba", " ", "I", "i", "ı", "ß", "ss", "K", "\u212a",
                          "x", "(a|b)", "[ab]", "a?", "b+", ".", "\\d", "(?:ab|ba)",
                          "a{2}", "(a|)", "\\b", "(?=a)", "[^a]"])


@settings(deadline=None, max_examples=300)
@given(parts=st.lists(_ATOMS, min_size=1, max_size=6),
       text=st.text(alphabet="abIiıßsKk\u212a x1", max_size=30))
def test_literals_are_sound(parts: list[str], text: str) -> None:
    """Whenever a pattern matches, the text holds one of its literals."""
    pattern = "".join(parts)
    lits = required_literals(pattern)
    if lits is None:
        return
    compiled = regex.compile(pattern, regex.IGNORECASE | regex.FULLCASE | regex.VERSION0)
    if compiled.search(text):
        folded = text.casefold()
        assert any(lit in folded for lit in lits), (pattern, text, lits)


# -- identical results --------------------------------------------------------
def test_index_changes_nothing_on_the_seeds(tmp_path: Path) -> None:
    cat = _catalog(tmp_path, SEED_FACTS)
    assert not cat.problems
    sel = Corpus(ROOT).load([SEEDS])
    assert len(sel.articles) == 4
    assert _same_with_and_without(cat, sel.articles) > 0


def test_index_changes_nothing_on_a_generated_corpus(tmp_path: Path) -> None:
    generate(tmp_path, articles=60, facts=90)
    cat = load_catalog([tmp_path / "facts"])
    assert not cat.problems, cat.problems
    sel = Corpus(tmp_path).load([tmp_path / "articles"])
    assert len(sel.articles) == 60
    assert _same_with_and_without(cat, sel.articles) > 0


def test_index_looks_only_at_mentioning_articles(tmp_path: Path) -> None:
    cat = _catalog(tmp_path, SEED_FACTS)
    arts = [prepared("Sergey Lavrov met the press.", "a.txt"),
            prepared("Nothing to see here.", "b.txt"),
            prepared("Sergei Lavrov spoke.", "c.txt")]
    spelling = next(lf for lf in cat.facts if lf.fact.id == "lavrov-spelling")
    index = CorpusIndex.for_checkers(arts, [spelling.checker])
    assert "b.txt" not in [a.path for a in index.candidates(spelling.checker)]
    result = check_fact(spelling, arts, index)
    assert result.articles_checked == 3
    assert [f.article for f in result.contradictions] == ["a.txt"]


def test_an_index_over_other_articles_is_not_used(tmp_path: Path) -> None:
    cat = _catalog(tmp_path, SEED_FACTS)
    spelling = next(lf for lf in cat.facts if lf.fact.id == "lavrov-spelling")
    arts = [prepared("Sergey Lavrov met the press.", "a.txt")]
    other = CorpusIndex([prepared("Nothing.", "z.txt")], ["sergey lavrov"])
    assert check_fact(spelling, arts, other) == check_fact(spelling, arts)


def test_terms_unknown_to_the_index_are_looked_up() -> None:
    arts = [prepared("The Mayor of Ashford spoke.", "a.txt"), prepared("Rain.", "b.txt")]
    index = CorpusIndex(arts, ["rain"])
    assert list(index.positions(("mayor of ashford",))) == [0]
    assert list(index.positions(None)) == [0, 1]


# -- each article prepared once ----------------------------------------------
def test_articles_are_prepared_once_across_scopes(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("One story.\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Two story.\n", encoding="utf-8")
    corpus = Corpus(tmp_path)
    wide = corpus.load([tmp_path])
    narrow = corpus.load([tmp_path / "a"])
    again = corpus.load([tmp_path])
    assert corpus.prepared_count == 2
    assert again is wide
    assert narrow.articles[0] is next(a for a in wide.articles if a.path == "a/one.txt")
