"""``factcheck suggest``: disagreements between articles, and a draft fact file that runs.

Each rule has corpora where it must fire and corpora where it must not,
written as reporters write (titles before and after names, pronoun
attributions, interrupted quotes, numbers in words, two people in one
sentence).
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck import engine
from pytest_factcheck.cli import main
from pytest_factcheck.corpus import Corpus
from pytest_factcheck.loader import load_catalog
from pytest_factcheck.suggest import suggest
from pytest_factcheck.suggest.candidates import read_article, read_quotes
from pytest_factcheck.suggest.disagreements import Disagreement, discover, entity_index, people

from .conftest import ROOT

DESK = ROOT / "tests" / "data" / "suggest_desk"


def corpus(tmp_path: Path, **articles: str) -> Path:
    folder = tmp_path / "desk"
    folder.mkdir(exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(textwrap.dedent(text).strip() + "\n",
                                            encoding="utf-8")
    return folder


def found(folder: Path, kind: str | None = None) -> list[Disagreement]:
    d = suggest([folder], rootdir=folder).discovery
    return [x for x in d.disagreements if kind is None or x.kind == kind]


def values(d: Disagreement) -> set[str]:
    return {v.value for v in d.variants}


# -- spelling ---------------------------------------------------------------------------
def test_a_transliterated_given_name_is_one_person(tmp_path: Path) -> None:
    folder = corpus(tmp_path,
                    a="Russian Foreign Minister Sergei Lavrov said talks would go on.",
                    b="Sergey Lavrov, Russia's foreign minister, told reporters he was ready.",
                    c="Mr Lavrov's deputy repeated the offer. Sergei Lavrov declined to comment.")
    (d,) = found(folder, "spelling")
    assert d.subject == "Sergei Lavrov"
    assert [(v.value, v.count) for v in d.variants] == [("Sergei Lavrov", 2),
                                                         ("Sergey Lavrov", 1)]
    assert d.variants[1].places[0].article == "b.txt"


def test_a_misspelt_surname_of_a_spokesman(tmp_path: Path) -> None:
    folder = corpus(tmp_path,
                    a="Igor Konashenkov, the defence ministry's spokesman, denied the report.",
                    b='"It was a provocation," said Igor Konoshenkov, the spokesman.')
    (d,) = found(folder, "spelling")
    assert values(d) == {"Igor Konashenkov", "Igor Konoshenkov"}


def test_a_surname_alone_after_an_honorific_is_a_variant_of_the_one_it_nearly_spells(
        tmp_path: Path) -> None:
    folder = corpus(tmp_path,
                    a="Igor Konashenkov, the ministry spokesman, spoke on Monday.",
                    b="Mr Konoshenkov did not say which aircraft had been involved.")
    (d,) = found(folder, "spelling")
    assert values(d) == {"Igor Konashenkov", "Konoshenkov"}


@pytest.mark.parametrize("a, b", [
    # Two people who share a surname, in one sentence and apart.
    ("Anna Smith, who runs the bakery, said John Smith had moved his car.",
     "Ms Smith opened her shop; Mr Smith carried sandbags."),
    # A possessive is no spelling.
    ("Sergei Lavrov will travel to Ankara.", "Mr Lavrov's visit will be his first."),
    # Short given names one letter apart are two names.
    ("Jon Kelly, the coach, said the team was tired.", "Jan Kelly, his sister, said so too."),
    ("Daniel Brook said he had left.", "Danielle Brook, his wife, said she stayed."),
    ("Boris Johnson said so.", "Jo Johnson, his brother, said otherwise."),
    # Different first letters: two surnames.
    ("Mr Hansen, the mayor, spoke first.", "Peter Jansen, the treasurer, spoke next."),
    # A name in capitals at the start of a story is the same name.
    ("VLADIMIR Putin has underlined his support.", "Vladimir Putin said on Tuesday."),
])
def test_look_alikes_that_are_not_variants(tmp_path: Path, a: str, b: str) -> None:
    assert found(corpus(tmp_path, a=a, b=b), "spelling") == []


def test_places_are_spelt_too_but_never_become_people(tmp_path: Path) -> None:
    folder = corpus(tmp_path, a="The attack on Khan Sheikhoun shocked the world.",
                    b="Militants were seen near Khan Shaykhun, officials said.")
    d = suggest([folder], rootdir=folder).discovery
    assert [values(x) for x in d.disagreements] == [{"Khan Sheikhoun", "Khan Shaykhun"}]
    assert d.people == ()


# -- quantity ---------------------------------------------------------------------------
FLOOD = {
    "a": "The flood that swept through Valdora killed 23 people and left 41 injured.",
    "b": "The death toll from the Valdora flood has risen to thirty-two, with 41 injured.",
    # No place in the sentence: the one place this corpus ties the flood to,
    # named elsewhere in the article.
    "c": "Residents of Valdora were angry.\n\nThey asked why no warning came before the "
         "flood, which killed at least 20.",
}


def test_one_count_given_values_that_cannot_all_be_true(tmp_path: Path) -> None:
    (d,) = found(corpus(tmp_path, **FLOOD), "quantity")
    assert d.subject == "dead: flood (Valdora)"
    assert values(d) == {"23", "thirty-two", "at least 20"}
    assert d.variants[0].places[0].line in (1, 3)


@pytest.mark.parametrize("texts", [
    # Dead and injured are different counts.
    {"a": "The Valdora flood killed 23 people.", "b": "The Valdora flood left 32 injured."},
    # At least 20 is true of 23.
    {"a": "The Valdora flood killed 23 people.",
     "b": "The flood in Valdora killed at least 20 people."},
    # Two events of one kind, in two towns.
    {"a": "The Dorking warehouse fire killed seven people.",
     "b": "The Ripon warehouse fire killed nine people."},
    # A count whose sentence and article do not say which of two fires it counts.
    {"a": "The Dorking warehouse fire killed seven people.",
     "b": "The Ripon warehouse fire killed nine people.",
     "c": "Firefighters said the warehouse fire killed 12 people."},
    # Two kinds of event.
    {"a": "The Valdora flood killed 23 people.", "b": "A fire in Valdora killed five workers."},
    # A part of the total is not the total.
    {"a": "The Valdora flood killed 23 people.",
     "b": "Two firefighters were among those the Valdora flood killed, 23 in all."},
    # A year and a date are not counts.
    {"a": "The Valdora flood killed 23 people.", "b": "The 2003 Valdora flood, on 4 April, "
     "killed 23."},
])
def test_counts_that_do_not_disagree(tmp_path: Path, texts: dict[str, str]) -> None:
    assert found(corpus(tmp_path, **texts), "quantity") == []


# -- quotes -----------------------------------------------------------------------------
def test_one_quote_in_two_wordings(tmp_path: Path) -> None:
    folder = corpus(tmp_path,
                    a='Mayor Hannah Berg said: "We lost whole streets in less than an hour, '
                      'and we will rebuild every one of them."',
                    b='Ms Berg toured the worst-hit streets. "We lost whole streets in less '
                      'than an hour, and we will rebuild all of them," she said.')
    (d,) = found(folder, "quote")
    assert d.why == "one quote in different wordings"
    assert {v.speaker for v in d.variants} == {"Hannah Berg"}


def test_one_quote_given_to_two_people_in_two_articles(tmp_path: Path) -> None:
    folder = corpus(tmp_path,
                    a='Tomas Reiner, the interior minister, spoke. "Nobody could have '
                      'predicted a storm of this size," he said.',
                    b='Anna Smith runs the bakery. "Nobody could have predicted a storm of '
                      'this size," said Anna Smith. Tomas Reiner was not there.')
    (d,) = found(folder, "quote")
    assert d.why == "one quote given to different people"
    assert {v.speaker for v in d.variants} == {"Tomas Reiner", "Anna Smith"}


@pytest.mark.parametrize("texts", [
    # One article quotes part of what the other quotes.
    {"a": 'Hannah Berg said: "We lost whole streets in less than an hour, and we will '
          'rebuild every one of them."',
     "b": 'Hannah Berg said the town "lost whole streets in less than an hour".'},
    # Someone repeating the words in the same article is not a new speaker.
    {"a": '"Nobody could have predicted a storm of this size," Tomas Reiner said. '
          'Anna Smith disagreed. "Nobody could have predicted a storm of this size?" '
          'said Anna Smith, laughing.'},
    # Two quotes that share a common phrase are two quotes.
    {"a": 'Hannah Berg said: "We will rebuild every one of them, whatever it costs."',
     "b": 'Tomas Reiner said: "The state will pay, and we will rebuild the bridge first."'},
])
def test_quotes_that_do_not_disagree(tmp_path: Path, texts: dict[str, str]) -> None:
    assert found(corpus(tmp_path, **texts), "quote") == []


# -- roles ------------------------------------------------------------------------------
def test_one_person_given_two_offices(tmp_path: Path) -> None:
    folder = corpus(tmp_path,
                    a="Interior Minister Tomas Reiner flew in by helicopter.",
                    b="Justice Minister Tomas Reiner promised compensation.",
                    c="Tomas Reiner, the interior minister, defended the forecasters.")
    (d,) = found(folder, "role")
    assert d.subject == "Tomas Reiner"
    assert [(v.value, v.count) for v in d.variants] == [("Interior Minister", 2),
                                                         ("Justice Minister", 1)]


def test_one_office_in_two_towns(tmp_path: Path) -> None:
    folder = corpus(tmp_path,
                    a="Mayor of Ashford Helen Ashworth opened the depot.",
                    b="Helen Ashworth, the mayor of Redhill, said the plans were late.")
    (d,) = found(folder, "role")
    assert values(d) == {"Mayor of Ashford", "mayor of Redhill"}


@pytest.mark.parametrize("texts", [
    {"a": "Russian Foreign Minister Sergei Lavrov spoke.",
     "b": "Sergei Lavrov, Russia's foreign minister, said so.",
     "c": "Foreign Minister Sergei Lavrov agreed."},
    {"a": "Former Justice Minister Tomas Reiner spoke.",
     "b": "Interior Minister Tomas Reiner replied."},
    {"a": "Foreign Secretary Boris Johnson spoke.",
     "b": "Prime Minister Boris Johnson spoke a year later."},
    {"a": "Mayor of Ashford Helen Ashworth spoke.", "b": "Mayor Helen Ashworth replied."},
    {"a": "Russian President Vladimir Putin spoke.",
     "b": "Vladimir Putin, the President of Russia, replied."},
])
def test_titles_that_do_not_conflict(tmp_path: Path, texts: dict[str, str]) -> None:
    assert found(corpus(tmp_path, **texts), "role") == []


# -- the desk and the seeds -------------------------------------------------------------
def _contradictions(draft: Path, articles: Path, rootdir: Path) -> set[tuple[str, str, str]]:
    cat = load_catalog([draft])
    assert not cat.problems, [str(p) for p in cat.problems]
    arts = Corpus(rootdir).load([articles]).articles
    out = set()
    for lf in cat.facts:
        r = engine.check_fact(lf, arts)
        assert not r.problems
        out |= {(lf.fact.kind, Path(f.article).name, f.matched) for f in r.contradictions}
    return out


def test_the_desk_lists_its_planted_disagreements() -> None:
    d = suggest([DESK], rootdir=DESK).discovery
    got = {(x.kind, x.subject) for x in d.disagreements}
    assert got == {
        ("quantity", "dead: flood (Valdora)"),
        ("quote", "Nobody could have predicted a storm of this size in March,"),
        ("quote", "We lost whole streets in less than an hour, and we will..."),
        ("role", "Tomas Reiner"),
        ("spelling", "Dmitry Peskov"),
        ("spelling", "Igor Konashenkov"),
        ("spelling", "Sergei Lavrov"),
    }
    names = {p.name for p in d.people}
    assert {"Anna Smith", "John Smith", "Hannah Berg", "Tomas Reiner"} <= names


def test_the_desk_draft_validates_and_contradicts_only_the_planted_places(tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    draft.write_text(suggest([DESK], rootdir=DESK).draft(), encoding="utf-8")
    got = _contradictions(draft, DESK, DESK)
    assert got == {
        ("spelling", "2024-03-05-moscow-reaction.txt", "Dmitri Peskov"),
        ("spelling", "2024-03-05-moscow-reaction.txt", "Igor Konoshenkov"),
        ("spelling", "2024-03-05-moscow-reaction.txt", "Konoshenkov"),
        ("spelling", "2024-03-05-moscow-reaction.txt", "Sergey Lavrov"),
        ("quote", "2024-03-02-flood-evening.txt",
         "We lost whole streets in less than an hour, and we will rebuild all of them"),
        # Given once to each of two people: the draft gives it to the first
        # in sorted order, and the other article contradicts it.
        ("quote", "2024-03-02-flood-evening.txt",
         "Nobody could have predicted a storm of this size in March"),
    }


def test_the_seeds(tmp_path: Path) -> None:
    seeds = ROOT / "seeds"
    s = suggest([seeds], rootdir=ROOT)
    got = {(x.kind, x.subject): values(x) for x in s.discovery.disagreements}
    assert got[("spelling", "Sergei Lavrov")] == {"Sergei Lavrov", "Sergey Lavrov"}
    assert got[("spelling", "Khan Sheikhoun")] == {"Khan Sheikhoun", "Khan Shaykhun"}
    assert got[("quantity", "dead: chemical attack (Khan Sheikhoun)")] == {
        "89", "87", "at least 80"}
    assert any(k == "quote" and "It reminds me of the events in 2003" in s for k, s in got)
    draft = tmp_path / "draft.yaml"
    draft.write_text(s.draft(), encoding="utf-8")
    found_ = _contradictions(draft, seeds, ROOT)
    assert {(k, m) for k, _, m in found_} >= {("spelling", "Sergey Lavrov"),
                                             ("spelling", "Khan Shaykhun")}
    assert {k for k, _, _ in found_} <= {"spelling", "quote"}


def test_written_facts_settle_disagreements_and_are_not_suggested_again() -> None:
    s = suggest([ROOT / "seeds"], facts=[ROOT / "facts"], rootdir=ROOT)
    covered = {x.subject: x.covered for x in s.discovery.disagreements}
    assert covered["Sergei Lavrov"] == "lavrov-spelling"
    assert covered["Khan Sheikhoun"] == "khan-sheikhoun-spelling"
    assert covered["dead: chemical attack (Khan Sheikhoun)"] == "khan-sheikhoun-death-toll"
    draft = s.draft()
    assert "preferred: \"Sergei Lavrov\"" not in draft
    assert "\n  vladimir-putin:" not in draft  # facts/ names Putin already
    assert "speaker: putin" in draft or "kind: quote" not in draft


# -- the command line -------------------------------------------------------------------
def test_the_command_writes_the_draft_and_the_json(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out, rep = tmp_path / "draft.yaml", tmp_path / "d.json"
    code = main(["suggest", str(DESK), "-o", str(out), "--report", str(rep),
                 "--rootdir", str(DESK)])
    assert code == 0
    shown = capsys.readouterr().out
    assert "7 disagreements in 6 articles" in shown
    # most disputed first
    assert shown.index("dead: flood (Valdora)") < shown.index("Dmitry Peskov")
    data = json.loads(rep.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["articles"] == 6
    first = data["disagreements"][0]
    assert set(first) >= {"kind", "subject", "variants"}
    assert set(first["variants"][0]) >= {"value", "count", "places"}
    assert set(first["variants"][0]["places"][0]) == {"article", "line", "column", "excerpt"}
    assert not load_catalog([out]).problems


def test_untrusted_text_is_neutralised_and_quoted(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    evil = "Igor Konashenkov\x1b[31m"
    folder = corpus(tmp_path,
                    a=f'"It was a provocation, \x1b]0;pwned\x07 prepared in advance," said '
                      f'{evil}, the spokesman.',
                    b='"It was a provocation prepared well in advance," said Igor '
                      'Konoshenkov, the spokesman.')
    out = tmp_path / "draft.yaml"
    assert main(["suggest", str(folder), "-o", str(out), "--rootdir", str(folder)]) == 0
    shown = capsys.readouterr().out
    assert "\x1b" not in shown and "\x07" not in shown
    text = out.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x07" not in text
    assert not load_catalog([out]).problems


def test_an_unwritable_output_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    assert main(["suggest", str(DESK), "-o", str(tmp_path / "file" / "d.yaml")]) == 1


# -- properties -------------------------------------------------------------------------
def _shape(d: Any) -> set[tuple[str, str, frozenset[tuple[str, int]]]]:
    return {(x.kind, x.subject, frozenset((v.value, v.count) for v in x.variants))
            for x in d.disagreements}


@settings(max_examples=15, deadline=None)
@given(st.permutations(range(6)))
def test_the_order_of_the_articles_changes_nothing(order: list[int]) -> None:
    arts = Corpus(DESK).load([DESK]).articles
    readings = [read_article(a) for a in arts]
    named = people([readings[i] for i in order])
    index = entity_index(named.people)
    quotes = [q for i in order for q in read_quotes(arts[i], index)]
    got = discover([readings[i] for i in order], quotes, named)
    assert _shape(got) == _shape(suggest([DESK], rootdir=DESK).discovery)


def test_an_empty_desk_drafts_an_empty_valid_file(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    out = tmp_path / "draft.yaml"
    assert main(["suggest", str(tmp_path / "empty"), "-o", str(out)]) == 0
    assert "no disagreement found in 0 articles" in capsys.readouterr().out
    assert "facts: []" in out.read_text(encoding="utf-8")
    assert not load_catalog([out]).problems


def test_a_pool_of_workers_finds_the_same(tmp_path: Path) -> None:
    import shutil

    from pytest_factcheck.suggest.report import report_json

    for k in range(11):  # 66 articles: enough for the pool
        shutil.copytree(DESK, tmp_path / f"copy{k:02d}")
    one = suggest([tmp_path], rootdir=tmp_path, workers=1)
    two = suggest([tmp_path], rootdir=tmp_path, workers=2)
    assert report_json(one.discovery) == report_json(two.discovery)
    assert one.draft() == two.draft()
    assert one.discovery.articles == 66


def test_the_newsroom_has_one_real_disagreement_and_its_draft_contradicts_nothing(
        tmp_path: Path) -> None:
    # Twelve stories on four events, by wire, broadsheet, tabloid and live blog:
    # the ferry's toll rises from "at least 19" to 41 (both true), names and
    # titles in every position, interrupted quotes. The one disagreement is
    # real: the first wire had "Dozens missing", two days later six are.
    news = ROOT / "tests" / "data" / "newsroom" / "articles"
    s = suggest([news], rootdir=ROOT)
    assert [(d.subject, values(d)) for d in s.discovery.disagreements] == [
        ("missing: ferry (Skelholm)", {"Dozens", "six"})]
    assert {c.cue_class for c in s.discovery.counts} >= {"dead", "missing"}
    draft = tmp_path / "draft.yaml"
    draft.write_text(s.draft(), encoding="utf-8")
    assert _contradictions(draft, news, ROOT) == set()
    assert len(load_catalog([draft]).facts) > 20


NAMES = ["Sergei Lavrov", "Sergey Lavrov", "Zoë Ødegaard", "Sean O'Brien", "Jean-Marc Ayrault",
         "Anna Smith", "John Smith", "Igor Konashenkov", "Igor Konoshenkov"]
TITLES = ["Foreign Minister", "Interior Minister", "the mayor", "Russia's foreign minister"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(TITLES),
                          st.integers(0, 2000), st.text(min_size=0, max_size=40)),
                min_size=1, max_size=6))
def test_any_desk_drafts_a_file_that_loads(tmp_path_factory: pytest.TempPathFactory,
                                           stories: list[tuple[str, str, int, str]]) -> None:
    """Whatever the articles say (any characters in a quote), the draft loads."""
    folder = tmp_path_factory.mktemp("desk")
    for i, (name, title, n, said) in enumerate(stories):
        (folder / f"s{i}.txt").write_text(
            f"{title} {name} visited Valdora.\n\nThe Valdora flood killed {n} people, "
            f'officials said. "We will rebuild every street of this town {said}," said {name}.\n',
            encoding="utf-8", errors="surrogatepass")
    s = suggest([folder], rootdir=folder)
    draft = folder / "draft.yaml"
    draft.write_text(s.draft(), encoding="utf-8", errors="surrogatepass")
    cat = load_catalog([draft])
    assert not cat.problems, [str(p) for p in cat.problems]
