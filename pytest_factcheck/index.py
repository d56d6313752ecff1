"""Which articles can a fact say anything about? An index over the corpus.

A fact's checker lists ``terms``: literal (normalized, case-folded) strings of
which an article must contain at least one for the fact to produce evidence
there (no terms: every article). Testing each term against each article costs
facts × corpus. :class:`CorpusIndex` instead runs one Aho–Corasick automaton
(``pyahocorasick``: a C implementation, linear in the text and independent of
the number of terms) over each article's case-folded text, once, and keeps a
posting list per term. A fact then looks only at the articles in the union of
its terms' posting lists.

The index answers exactly what the plain substring test answers (a term is
found anywhere, also inside a word), so results are identical with and without
it. Terms that were not known when the index was built are looked up with
that substring test over the corpus once, then remembered.

For ``pattern`` facts, whose checker has no terms, :func:`required_literals`
reads the regular expression and extracts strings one of which every match
must contain, when that can be done safely; otherwise the fact scans every
article.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import ahocorasick

from .article import PreparedArticle

__all__ = ["CorpusIndex", "Needs", "fact_needs", "fact_quoted_runs", "fact_term_groups",
           "fact_terms", "required_literals"]

# A finite set of strings larger than this is not expanded further.
MAX_ALTERNATIVES = 64
# Characters a pattern literal may use. Other characters end a literal run
# (a safe choice: a shorter literal is a weaker filter, never a wrong one).
# Uppercase "I" is excluded because the regex module matches it,
# case-insensitively, with the dotless "ı", whose case fold is not "i".
_LITERAL_CHARS = frozenset(chr(c) for c in range(0x20, 0x7F)) - {"I"}
# Syntax the regex module reads differently from the standard library's parser
# (POSIX classes, fuzzy matching, set operations, Unicode properties, named
# lists, branch reset, version flags): patterns using it scan every article.
_REGEX_ONLY = ("[:", "{e", "{i", "{d", "{s", "\\p", "\\P", "\\L<", "\\X", "\\m", "\\M",
               "\\G", "(?|", "(?V", "(?r", "(?f", "(?w", "(?(DEFINE", "--", "&&", "||", "~~",
               "(?p", "(?e", "\\K", "(*")


def _casefold_ok(s: str) -> bool:
    return all(c in _LITERAL_CHARS for c in s)


class _Lit:
    """What is known of the strings a regex node matches.

    ``exact``: the node matches exactly one of these strings (or None: unknown
    or too many). ``required``: every match contains one of these (or None).
    """

    __slots__ = ("exact", "required")

    def __init__(self, exact: frozenset[str] | None, required: frozenset[str] | None) -> None:
        self.exact = exact
        self.required = required if required is not None else exact


_UNKNOWN = _Lit(None, None)
_EMPTY = _Lit(frozenset({""}), None)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The stronger of two required sets: longest shortest string, then fewest strings."""
    def score(s: frozenset[str] | None) -> tuple[int, int]:
        if not s:
            return (-1, 0)
        return (min(map(len, s)), -len(s))
    return a if score(a) >= score(b) else b


def _product(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > MAX_ALTERNATIVES:
        return None
    return frozenset(x + y for x in a for y in b)


def _sequence(items: Sequence[tuple[Any, Any]]) -> _Lit:
    best: frozenset[str] | None = None
    run: frozenset[str] = frozenset({""})
    whole_exact = True
    for item in items:
        node = _node(item)
        if node.exact is not None:
            joined = _product(run, node.exact)
            if joined is None:
                best = _better(best, run)
                run = node.exact
                whole_exact = False
            else:
                run = joined
            continue
        whole_exact = False
        best = _better(_better(best, run), node.required)
        run = frozenset({""})
    if whole_exact:
        return _Lit(run, None)
    best = _better(best, run)
    if best is not None and min(map(len, best), default=0) == 0:
        best = None
    return _Lit(None, best)


def _node(item: tuple[Any, Any]) -> _Lit:
    from re import _constants as c

    op, av = item
    if op is c.LITERAL:
        ch = chr(av)
        return _Lit(frozenset({ch.casefold()}), None) if _casefold_ok(ch) else _UNKNOWN
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return _EMPTY  # zero width: the match text is unchanged by it
    if op is c.SUBPATTERN:
        return _sequence(av[-1])
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _sequence(av)
    if op is c.BRANCH:
        alts = [_sequence(alt) for alt in av[1]]
        if all(a.exact is not None for a in alts):
            union = frozenset().union(*(a.exact for a in alts if a.exact is not None))
            if len(union) <= MAX_ALTERNATIVES:
                return _Lit(union, None)
        reqs = [a.required for a in alts]
        if any(r is None or "" in r for r in reqs):
            return _UNKNOWN
        union = frozenset().union(*(r for r in reqs if r is not None))
        return _Lit(None, union if len(union) <= MAX_ALTERNATIVES else None)
    if op is c.IN:
        chars = []
        for sub_op, sub_av in av:
            if sub_op is not c.LITERAL:
                return _UNKNOWN
            chars.append(chr(sub_av))
        if len(chars) <= 8 and all(_casefold_ok(ch) for ch in chars):
            return _Lit(frozenset(ch.casefold() for ch in chars), None)
        return _UNKNOWN
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        lo, hi, body = av
        inner = _sequence(body)
        if lo == hi and inner.exact is not None and lo <= 4:
            out: frozenset[str] | None = frozenset({""})
            for _ in range(lo):
                out = _product(out, inner.exact) if out is not None else None
            if out is not None:
                return _Lit(out, None)
        if lo >= 1:
            req = inner.required
            if req is not None and "" not in req:
                return _Lit(None, req)
        return _UNKNOWN
    return _UNKNOWN


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Case-folded strings one of which every match of ``pattern`` contains.

    None when no such set can be read safely (then the fact scans every
    article). Sound by construction: a shorter or missing literal only makes
    the filter weaker.
    """
    if any(token in pattern for token in _REGEX_ONLY):
        return None
    try:
        from re import _parser

        with warnings.catch_warnings():
            warnings.simplefilter("error")
            parsed = _parser.parse(pattern)
    except Exception:  # any syntax the standard parser does not read the same way
        return None
    lit = _sequence(list(parsed))
    found = lit.exact if lit.exact is not None else lit.required
    if not found or any(len(s) == 0 for s in found):
        return None
    return tuple(sorted(found))


def fact_terms(checker: Any) -> tuple[str, ...] | None:
    """The terms of a checker, case-folded; None when every article must be checked.

    ``pattern`` checkers have no declared terms; their literals are read from
    the regexes: a ``forbid`` match, or (with ``require``) a ``when`` match, is
    needed for any evidence. A ``require`` without ``when`` speaks about every
    article.
    """
    declared = tuple(t.casefold() for t in getattr(checker, "terms", ()) or ())
    if declared:
        return None if any(t == "" for t in declared) else declared
    needs: list[Any] = []
    if getattr(checker, "forbid", None) is not None:
        needs.append(checker.forbid)
    if getattr(checker, "require", None) is not None:
        if getattr(checker, "when", None) is None:
            return None
        needs.append(checker.when)
    if not needs:
        return None
    out: set[str] = set()
    for compiled in needs:
        lits = required_literals(compiled.pattern)
        if lits is None:
            return None
        out.update(lits)
    return tuple(sorted(out))


def fact_term_groups(checker: Any) -> tuple[tuple[str, ...], ...] | None:
    """A checker's ``term_groups``, case-folded; None when it declares none (or an empty group)."""
    groups = getattr(checker, "term_groups", None)
    if not groups:
        return None
    out = tuple(tuple(t.casefold() for t in g) for g in groups)
    return None if any(not g or "" in g for g in out) else out


@dataclass(frozen=True)
class Needs:
    """What an article must hold for a fact to say anything about it (picklable).

    ``terms``: one of these (case-folded) strings, or None: every article.
    ``groups``: every string of one of these groups, or None: no such rule.
    ``quoted_runs``: one of these word runs inside one piece of a quoted span
    (words as :func:`~pytest_factcheck.text.quotes.quote_words` reads them,
    split at gaps as :class:`~pytest_factcheck.text.quotes.QuoteSpan` pieces
    are), or None: no such rule. When given, it decides alone (it is the
    quote checker's own first test, so it is at least as tight as the others).
    Kept with cached results, so that a later run can find the articles a
    fact must look at without compiling the fact.
    """

    terms: tuple[str, ...] | None
    groups: tuple[tuple[str, ...], ...] | None = None
    quoted_runs: tuple[tuple[str, ...], ...] | None = None


def fact_quoted_runs(checker: Any) -> tuple[tuple[str, ...], ...] | None:
    """A checker's ``quoted_runs`` (sorted, without repeats); None when it declares none."""
    runs = getattr(checker, "quoted_runs", None)
    if not runs:
        return None
    out = tuple(sorted({tuple(r) for r in runs}))
    return None if any(not r for r in out) else out


def fact_needs(checker: Any) -> Needs:
    """The :class:`Needs` of a compiled checker."""
    if isinstance(checker, Needs):
        return checker
    terms = fact_terms(checker)
    return Needs(terms, fact_term_groups(checker) if terms is not None else None,
                 fact_quoted_runs(checker))


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
        (:func:`~pytest_factcheck.text.quotes.quoted_runs`, cached on the
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
            from .text.quotes import quoted_runs  # the index stays light to import

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
