"""The quoted-run filter of the corpus index (issue #4) changes no result.

A quote fact's candidates are the articles quoting one of its anchors (a run
of ``min_words`` words inside one piece of a quoted span). That is the quote
checker's own first test, so the filter is sound by construction; these tests
check that the compact readings behind it (hashed runs, words without
:class:`QuoteWord` objects, :class:`QuotePiece`) read exactly what the
checker reads.
"""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.article import Article, PreparedArticle
from pytest_factcheck.index import CorpusIndex, Needs, fact_needs
from pytest_factcheck.quoting import quote_spans, quoted_runs, spans_quoting
from pytest_factcheck.text.quotes import QuotePiece, piece_texts, quote_words

from .test_quote_kind import INDEX, checker

_VOCAB = ("we", "have", "seen", "it", "all", "before", "Tring", "Ødegaard", "don't",
          "the", "events", "in", "2003", "Mr", "Putin")
_PUNCT = ("“", "”", '"', "'", "‘", "’", "...", "…", "[sic]", "[the town]", ",", ".", "-",
          "said", "Mr Putin said.", "\n\n", ":")


def _text(tokens: list[str]) -> str:
    return " ".join(tokens)


_tokens = st.lists(st.sampled_from(_VOCAB + _PUNCT), max_size=60)


def _anchors(art: PreparedArticle, n: int) -> set[tuple[str, ...]]:
    """Every run of ``n`` words inside one piece of a span, read the checker's way."""
    out: set[tuple[str, ...]] = set()
    for span in quote_spans(art):
        for piece in span.pieces:
            texts = [w.text for w in piece]
            out.update(tuple(texts[k:k + n]) for k in range(len(texts) - n + 1))
    return out


@settings(deadline=None, max_examples=300)
@given(_tokens, st.lists(st.sampled_from(_VOCAB), min_size=5, max_size=14),
       st.integers(min_value=1, max_value=5))
def test_quoted_run_candidates_are_sound_and_exact(tokens: list[str], fact: list[str],
                                                   n: int) -> None:
    ch = checker(text=" ".join(fact), min_words=n)
    art = PreparedArticle(Article.from_text(_text(tokens)))
    other = PreparedArticle(Article.from_text("“Nothing to see here at all, really,” he said."))
    index = CorpusIndex.for_checkers([other, art], [ch])
    needs = fact_needs(ch)
    assert needs.quoted_runs is not None
    cands = index.candidates(needs)
    # Sound: evidence only where the article is a candidate.
    if list(ch.check(art)):
        assert art in cands
    # Exact: a candidate quotes an anchor, read as the checker reads spans.
    assert (art in cands) == bool(_anchors(art, n) & set(needs.quoted_runs))
    assert index.candidates(ch) == cands


@settings(deadline=None, max_examples=300)
@given(_tokens)
def test_piece_texts_and_runs_read_the_pieces(tokens: list[str]) -> None:
    art = PreparedArticle(Article.from_text(_text(tokens)))
    spans = quote_spans(art)
    for span in spans:
        assert piece_texts(art.folded, span.inner_start, span.inner_end) == [
            [w.text for w in p] for p in span.pieces]
    for n in (1, 2, 3, 5):
        fresh = PreparedArticle(Article.from_text(_text(tokens)))  # spans not read yet
        runs, owners = quoted_runs(fresh, n)
        assert list(runs) == sorted(runs)
        want = {(hash(g), k) for k, span in enumerate(spans) for p in span.pieces
                for g in (tuple(w.text for w in p)[i:i + n] for i in range(len(p) - n + 1))}
        assert set(zip(runs, owners, strict=True)) == want
        for k, span in enumerate(spans):
            grams = {tuple(w.text for w in p)[i:i + n]
                     for p in span.pieces for i in range(len(p) - n + 1)}
            if grams:
                assert k in spans_quoting(fresh, n, {hash(g) for g in grams})


@settings(deadline=None)
@given(st.text(alphabet="ab é'’-.[]… \u0301", max_size=40))
def test_quote_piece_is_the_tuple_of_its_words(text: str) -> None:
    words = tuple(quote_words(text, 7))
    piece = QuotePiece((w.start for w in words), (w.end for w in words),
                       (w.text for w in words))
    assert tuple(piece) == words
    assert piece == words
    assert len(piece) == len(words)
    assert piece.texts == tuple(w.text for w in words)
    for k in range(len(words)):
        assert piece[k] == words[k]
        assert piece[k:] == words[k:]
        assert piece[:k] == words[:k]


def test_needs_with_quoted_runs_are_hashable_and_picklable() -> None:
    ch = checker()
    needs = fact_needs(ch)
    assert isinstance(needs, Needs)
    assert pickle.loads(pickle.dumps(needs)) == needs
    assert hash(pickle.loads(pickle.dumps(needs))) == hash(needs)
    assert all(len(r) == ch.min_words for r in needs.quoted_runs or ())
    # A spoken quote of the fact is found from the Needs alone, also by an
    # index that was built without this fact.
    art = PreparedArticle(Article.from_text(
        "“It reminds me of the events in 2003,” Mr Putin said. The events in 2003 were grim."))
    plain = PreparedArticle(Article.from_text("It reminds me of the events in 2003, he said."))
    index = CorpusIndex([plain, art])
    assert index.candidates(pickle.loads(pickle.dumps(needs))) == [art]
    assert [e.status for e in ch.check(art)] == ["consistent"]
    assert list(ch.check(plain)) == []


def test_mentions_are_read_once_per_article() -> None:
    art = PreparedArticle(Article.from_text("Mr Putin met Sergei Lavrov. Putin said so."))
    first = INDEX.mentions(art)
    assert first and INDEX.mentions(art) is first
    assert all(isinstance(k, tuple) for k in art.cache)  # no entry keyed by a form


def _dp_longest_common_run(s: list[str], t: list[str], s_lo: int, s_hi: int, t_lo: int,
                           t_hi: int) -> tuple[int, int, int]:
    """The plain dynamic programme over every (i, j): the reference."""
    best = (s_lo, t_lo, 0)
    prev = [0] * (t_hi - t_lo + 1)
    for i in range(s_lo, s_hi):
        cur = [0] * (t_hi - t_lo + 1)
        for j in range(t_lo, t_hi):
            if s[i] == t[j]:
                n = cur[j - t_lo + 1] = prev[j - t_lo] + 1
                if n > best[2]:
                    best = (i - n + 1, j - n + 1, n)
        prev = cur
    return best


@given(st.lists(st.sampled_from("abcd"), max_size=30), st.lists(st.sampled_from("abcd"),
                                                                  max_size=30),
       st.data())
@settings(max_examples=300, deadline=None)
def test_longest_common_run_equals_the_dynamic_programme(s: list[str], t: list[str],
                                                         data: st.DataObject) -> None:
    from pytest_factcheck.kinds.quote import _longest_common_run

    s_lo = data.draw(st.integers(0, len(s)))
    s_hi = data.draw(st.integers(s_lo, len(s)))
    t_lo = data.draw(st.integers(0, len(t)))
    t_hi = data.draw(st.integers(t_lo, len(t)))
    assert _longest_common_run(s, t, s_lo, s_hi, t_lo, t_hi) == _dp_longest_common_run(
        s, t, s_lo, s_hi, t_lo, t_hi)
