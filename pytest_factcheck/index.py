"""Which articles can a fact say anything about? An index over the corpus.

A fact's checker states its :class:`~pytest_factcheck.kinds.base.Needs`:
literal (normalized, case-folded) strings of which an article must contain at
least one for the fact to produce evidence there (none: every article), and,
for quotes, word groups and quoted runs that narrow further. Testing each
term against each article costs facts × corpus. :class:`CorpusIndex` instead
runs one Aho–Corasick automaton (``pyahocorasick``: a C implementation, linear
in the text and independent of the number of terms) over each article's
case-folded text, once, and keeps a posting list per term. A fact then looks
only at the articles in the union of its terms' posting lists.

The index answers exactly what the plain substring test answers (a term is
found anywhere, also inside a word), so results are identical with and without
it. Terms that were not known when the index was built are looked up with
that substring test over the corpus once, then remembered.

The ``pattern`` kind reads its literals from its regular expressions when it
compiles (``text/regex_literals.py``); the index never looks inside a checker.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import ahocorasick

from .article import PreparedArticle
from .kinds.base import Needs

__all__ = ["CorpusIndex", "Needs", "fact_needs"]

def fact_needs(checker: Any) -> Needs:
    """The :class:`Needs` of a compiled checker (or the Needs kept with cached results)."""
    return checker if isinstance(checker, Needs) else checker.needs


class CorpusIndex:
    """Posting lists of fact terms over a fixed sequence of prepared articles.

    Built once per run (``CorpusIndex(articles, terms)``); each article's text
    is case-folded and scanned once by a single automaton holding every term.
    """

    def __init__(self, articles: Sequence[PreparedArticle], terms: Iterable[str] = ()) -> None:
        self.articles: tuple[PreparedArticle, ...] = tuple(articles)
        self.paths: tuple[str, ...] = tuple(a.path for a in self.articles)
        self._given = articles
        self._postings: dict[str, tuple[int, ...]] = {}
        self._sets: dict[str, frozenset[int]] = {}
        # Quoted runs of n words: per n, posting lists of the run hashes asked
        # for (each article's runs are read once and cached on it, compactly).
        self._run_postings: dict[int, dict[int, tuple[int, ...]]] = {}
        self.add_terms(terms)

    @classmethod
    def for_checkers(cls, articles: Sequence[PreparedArticle], checkers: Iterable[Any]
                     ) -> CorpusIndex:
        terms: set[str] = set()
        runs: set[tuple[str, ...]] = set()
        for ch in checkers:
            needs = fact_needs(ch)
            if needs.quoted_runs is not None:
                runs.update(needs.quoted_runs)  # decides alone: no terms needed
                continue
            terms.update(needs.terms or ())
            for group in needs.groups or ():
                terms.update(group)
        index = cls(articles, terms)
        index.add_runs(runs)
        return index

    def _text(self, art: PreparedArticle) -> str:
        cached = art.__dict__.get("folded_lower")
        return cached if cached is not None else art.folded.casefold()

    def add_terms(self, terms: Iterable[str]) -> None:
        """Index terms not yet indexed: one pass of one automaton over the corpus."""
        new = sorted({t for t in terms if t and t not in self._postings})
        if not new:
            return
        automaton = ahocorasick.Automaton()
        for tid, term in enumerate(new):
            automaton.add_word(term, tid)
        automaton.make_automaton()
        postings: list[list[int]] = [[] for _ in new]
        for pos, art in enumerate(self.articles):
            seen: set[int] = set()
            for _end, tid in automaton.iter(self._text(art)):
                if tid not in seen:
                    seen.add(tid)
                    postings[tid].append(pos)
        for term, plist in zip(new, postings, strict=True):
            self._postings[term] = tuple(plist)

    def covers(self, articles: Sequence[PreparedArticle]) -> bool:
        """True when this index was built over exactly ``articles``."""
        if articles is self._given:
            return True
        return len(articles) == len(self.articles) and all(
            a is b for a, b in zip(articles, self.articles, strict=True))

    def positions(self, terms: Sequence[str] | None) -> range | list[int]:
        """Positions (in corpus order) of the articles containing one of ``terms``."""
        if terms is None:
            return range(len(self.articles))
        self.add_terms(terms)
        hit: set[int] = set()
        for t in terms:
            hit.update(self._postings[t])
        return sorted(hit)

    def _set(self, term: str) -> frozenset[int]:
        got = self._sets.get(term)
        if got is None:
            got = self._sets[term] = frozenset(self._postings[term])
        return got

    def positions_all(self, groups: Sequence[Sequence[str]]) -> list[int]:
        """Positions of the articles containing every term of one of ``groups``."""
        self.add_terms(t for g in groups for t in g)
        hit: set[int] = set()
        for group in groups:
            sets = sorted((self._set(t) for t in group), key=len)
            if not sets or not sets[0]:
                continue
            hit.update(sets[0].intersection(*sets[1:]) if len(sets) > 1 else sets[0])
        return sorted(hit)

    def add_runs(self, runs: Iterable[Sequence[str]]) -> None:
        """Index quoted word runs not yet indexed (see :attr:`Needs.quoted_runs`).

        Each article's quoted runs of a length are read once
        (:func:`~pytest_factcheck.quoting.quoted_runs`, cached on the
        article, which the quote checker reads too); new runs are looked up
        in those.
        """
        by_len: dict[int, set[int]] = {}
        for run in runs:
            n = len(run)
            if n:
                by_len.setdefault(n, set()).add(hash(tuple(run)))
        for n, wanted in by_len.items():
            posted = self._run_postings.setdefault(n, {})
            new = wanted.difference(posted)
            if not new:
                continue
            from .quoting import quoted_runs  # the index stays light to import

            lists: dict[int, list[int]] = {h: [] for h in new}
            for pos, art in enumerate(self.articles):
                for h in new.intersection(quoted_runs(art, n)[0]):
                    lists[h].append(pos)
            for h, plist in lists.items():
                posted[h] = tuple(plist)

    def positions_quoting(self, runs: Sequence[Sequence[str]]) -> list[int]:
        """Positions of the articles quoting one of ``runs`` (hash collisions
        may add an article, never drop one)."""
        self.add_runs(runs)
        hit: set[int] = set()
        for run in runs:
            if run:
                hit.update(self._run_postings[len(run)][hash(tuple(run))])
        return sorted(hit)

    def candidates(self, checker: Any) -> list[PreparedArticle]:
        """The articles ``checker`` (or its :class:`Needs`) can say anything about, in order.

        A checker with ``quoted_runs`` is narrowed to the articles quoting one
        of them. Otherwise, a checker with ``term_groups`` (word sets, one of
        which an article must hold in full for any evidence) is narrowed to
        the articles holding a whole group, within those holding one of its
        ``terms``.
        """
        arts = self.articles
        needs = fact_needs(checker)
        terms, groups = needs.terms, needs.groups
        if needs.quoted_runs is not None:
            return [arts[i] for i in self.positions_quoting(needs.quoted_runs)]
        if groups is not None:
            within = set(self.positions(terms))
            return [arts[i] for i in self.positions_all(groups) if i in within]
        return [arts[i] for i in self.positions(terms)]
