"""Fact kinds: one module per kind, each exporting one :class:`~.base.Kind` as ``KIND``.

The registry below maps the word of a fact's ``kind:`` field to its kind; the
loader, the corpus index, the reports and the plugin iterate it and hold no
kind names of their own. A seventh kind is one module here (with its
``<name>-fact`` part of ``schema/factfile.schema.json``, which editors' tools
read) and one line in :data:`REGISTRY`. The interface is in ``base.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import FactError
from ..model import Fact
from . import attendance, pattern, quantity, quote, role, spelling
from .base import Checker, CompileContext, Kind, Locate, Needs
from .dated import compile_dated

__all__ = ["REGISTRY", "Checker", "CompileContext", "Kind", "Locate", "Needs", "compile_fact",
           "kind_of", "names"]

REGISTRY: Mapping[str, Kind[Any]] = {
    k.name: k for k in (quantity.KIND, quote.KIND, attendance.KIND, spelling.KIND, role.KIND,
                        pattern.KIND)
}


def names() -> tuple[str, ...]:
    """The kind words, in the order the docs list them."""
    return tuple(REGISTRY)


def kind_of(fact: Fact) -> Kind[Any]:
    """The kind of ``fact``; an unknown word is a located error listing the valid ones."""
    kind = REGISTRY.get(fact.kind)
    if kind is None:
        raise FactError(f"unknown kind {fact.kind!r}; the kinds are " + ", ".join(REGISTRY),
                        fact.where("kind"))
    return kind


def compile_fact(fact: Fact, context: CompileContext) -> Checker:
    """Compile a validated fact into its checker (raises FactError); a fact with
    dates is checked by the version in force on each article's date."""
    return compile_dated(kind_of(fact), fact, context)
