"""Literal strings every match of a regular expression must contain.

:func:`required_literals` reads a pattern with the standard library's regex
parser and extracts case-folded strings one of which every match must
contain, when that can be done safely; otherwise it returns None. The
``pattern`` kind uses it at compile time for its :class:`Needs`, so that the
corpus index looks only at articles that hold one of them.

The parse tree comes from ``re._parser`` (private, but stable since Python
3.11 and the only parser of Python's regex syntax in the standard library);
it is imported here and nowhere else, typed loosely.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Sequence
from typing import Any

__all__ = ["required_literals"]

# The standard library's regex parser and its opcode constants (private modules).
_parser: Any = importlib.import_module("re._parser")
_constants: Any = importlib.import_module("re._constants")

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
    c = _constants
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
