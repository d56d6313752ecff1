"""What makes discovery fast must not change what it finds: the readings a
worker sends back survive pickling unchanged, the collector is left as found,
and a pool finds what one process finds (see also ``scripts/suggest_golden.py``)."""

from __future__ import annotations

import gc
import pickle
import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.corpus import Corpus
from pytest_factcheck.suggest import discover_in, suggest
from pytest_factcheck.suggest.candidates import NameSeen, Place, read_article

from .conftest import ROOT

DESK = ROOT / "tests" / "data" / "suggest_desk"

places = st.builds(Place, st.text(max_size=30), st.integers(1, 10_000), st.integers(1, 500),
                   st.text(max_size=200))
names = st.builds(NameSeen, st.lists(st.text(min_size=1, max_size=12), max_size=4).map(tuple),
                  st.sampled_from(["", "Mr", "Dr", "Dame"]), st.booleans(), places)


@settings(max_examples=200, deadline=None)
@given(names)
def test_a_name_and_its_place_survive_pickling(name: NameSeen) -> None:
    back = pickle.loads(pickle.dumps(name))
    assert back == name
    assert back.place == name.place and back.place.to_json() == name.place.to_json()
    assert type(back) is NameSeen and type(back.place) is Place


def test_the_readings_of_real_articles_survive_pickling() -> None:
    arts = Corpus(ROOT).load([str(DESK)]).articles
    for a in arts:
        r = read_article(a)
        assert pickle.loads(pickle.dumps(r)) == r
        assert r.names  # the desk names people: the test reads something


def test_the_collector_is_left_as_it_was() -> None:
    arts = Corpus(ROOT).load([str(DESK)]).articles
    before = gc.get_freeze_count()
    discover_in(arts)
    suggest([DESK], rootdir=DESK)
    assert gc.isenabled()
    assert gc.get_freeze_count() == before
    gc.disable()
    try:
        suggest([DESK], rootdir=DESK)
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()


def test_excerpts_are_the_sentences_of_the_names(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Foreign Minister Sergei Lavrov spoke.   He met   Mr Konashenkov.\n\n"
        "Later, Dr Anna Smith said: \"We are ready.\"\n", encoding="utf-8")
    art = Corpus(tmp_path).load([str(tmp_path)]).articles[0]
    got = {" ".join(n.words): n.place for n in read_article(art).names}
    assert got["Sergei Lavrov"].excerpt == "Foreign Minister Sergei Lavrov spoke."
    assert got["Konashenkov"].excerpt == "He met Mr Konashenkov."
    assert got["Anna Smith"].excerpt.startswith("Later, Dr Anna Smith said")
    assert (got["Sergei Lavrov"].line, got["Sergei Lavrov"].column) == (1, 18)
    assert (got["Anna Smith"].line, got["Anna Smith"].column) == (3, 11)


def test_a_pool_finds_what_one_process_finds_on_varied_articles(tmp_path: Path) -> None:
    for k in range(8):  # 72 articles: enough for the pool
        shutil.copytree(ROOT / "tests" / "data" / "newsroom" / "articles", tmp_path / f"n{k}")
    from pytest_factcheck.suggest.report import report_json

    one = suggest([tmp_path], rootdir=tmp_path, workers=1)
    two = suggest([tmp_path], rootdir=tmp_path, workers=2)
    assert one.discovery.articles >= 64
    assert report_json(one.discovery) == report_json(two.discovery)
    assert one.draft() == two.draft()
