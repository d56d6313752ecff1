"""Fact kinds: one module per kind, each behind the same small interface.

A kind module exposes ``compile(fact, context) -> Checker``. ``compile`` does
every expensive step once, at load time (patterns built and compiled, entity
references resolved) and raises :class:`~pytest_factcheck.errors.FactError`
located in the YAML for anything wrong. The returned checker is cheap to run:
``checker.check(article)`` yields :class:`~pytest_factcheck.model.Evidence` in
the article's normalized offsets, and ``checker.terms`` lists literal
(case-folded, normalized) strings of which an article must contain at least one
for the fact to be able to say anything about it (empty: every article).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from ..article import PreparedArticle
from ..entities import EntityIndex
from ..model import KINDS, Evidence, Fact

__all__ = ["Checker", "CompileContext", "compile_fact"]


@dataclass(frozen=True)
class CompileContext:
    """What a kind may use when compiling: the run's entities and settings."""

    entities: EntityIndex
    regex_timeout: float = 1.0
    # Every fact of the run (all files), for kinds whose vocabulary spans facts:
    # the known titles of ``role`` are the titles of all role facts.
    facts: tuple[Fact, ...] = ()


class Checker(Protocol):
    terms: tuple[str, ...]

    def check(self, article: PreparedArticle) -> Iterable[Evidence]: ...


def _compiler(kind: str) -> Callable[[Fact, CompileContext], Checker]:
    module = importlib.import_module(f"{__name__}.{kind}")
    return module.compile


def compile_fact(fact: Fact, context: CompileContext) -> Checker:
    """Compile a validated fact into its checker (raises FactError)."""
    if fact.kind not in KINDS:
        from ..errors import FactError

        raise FactError(f"unknown kind {fact.kind!r}", fact.where("kind"))
    return _compiler(fact.kind)(fact, context)
