"""The one interface every fact kind implements (read with ``kinds/__init__.py``).

A kind module exports one :class:`Kind` object, ``KIND``:

* ``name``: the word of the ``kind:`` field;
* ``decode(fact) -> Spec``: the kind's frozen ``Spec`` dataclass, decoded from
  the fact's fields once (the schema has checked their types);
* ``entity_fields``: the fields that name entities, with the entity type a plain
  name in that field gets (``speaker`` is a person, ``event`` an event);
* ``validate(fact, spec, at)``: what the schema cannot say (``min`` above
  ``max``, a quote shorter than ``min_words``, an empty entry): every problem,
  located with ``at(field, index, ...)``;
* ``compile(fact, spec, context) -> Checker``: every expensive step once, at
  load time; raises :class:`~pytest_factcheck.errors.FactError` for what only
  the run's entities can tell (an unknown speaker);
* ``summary(fact, spec)``: what the fact says in one line, for reports.

A compiled :class:`Checker` is cheap to run: ``check(article)`` yields
:class:`~pytest_factcheck.model.Evidence` in the article's normalized offsets,
and its ``needs`` (:class:`Needs`) say which articles it can speak about at all,
so that the corpus index gives it only those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Generic, Protocol, TypeVar

from ..article import PreparedArticle
from ..entities import EntityIndex
from ..errors import FactError
from ..model import Entity, Evidence, Fact, SourcePos

__all__ = ["EVERY_ARTICLE", "Checker", "CompileContext", "Kind", "Locate", "Needs",
           "decoder", "empty_entries", "entity_in", "listing", "shorten", "strings"]


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

    @classmethod
    def of(cls, terms: Iterable[str] | None,
           groups: Iterable[Iterable[str]] | None = None,
           quoted_runs: Iterable[Sequence[str]] | None = None) -> Needs:
        """Needs from a kind's literals, case-folded; an empty term (or none) means every
        article, and an empty group or run drops that rule (it could never narrow)."""
        folded = tuple(t.casefold() for t in terms or ())
        got = None if not folded or "" in folded else folded
        grouped = tuple(tuple(t.casefold() for t in g) for g in groups or ())
        if not grouped or any(not g or "" in g for g in grouped) or got is None:
            grouped_or_none = None
        else:
            grouped_or_none = grouped
        runs = tuple(sorted({tuple(r) for r in quoted_runs or ()}))
        return cls(got, grouped_or_none, None if not runs or any(not r for r in runs) else runs)


EVERY_ARTICLE = Needs(None)


class Checker(Protocol):
    @property
    def needs(self) -> Needs: ...

    def check(self, article: PreparedArticle) -> Iterable[Evidence]: ...


@dataclass(frozen=True)
class CompileContext:
    """What a kind may use when compiling: the run's entities and settings."""

    entities: EntityIndex
    regex_timeout: float = 1.0
    # Every fact of the run (all files), for kinds whose vocabulary spans facts:
    # the known titles of ``role`` are the titles of all role facts.
    facts: tuple[Fact, ...] = ()
    # Values computed once per run from ``facts`` (see :meth:`once`).
    _memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def once(self, key: str, make: Callable[[], Any]) -> Any:
        """``make()``, computed once per context (per run): a run-wide vocabulary."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]


S = TypeVar("S")
# Where a part of the fact is in its file: ``at("variants", 2)``.
Locate = Callable[..., SourcePos]


def _no_problems(fact: Fact, spec: Any, at: Locate) -> list[FactError]:
    return []


@dataclass(frozen=True)
class Kind(Generic[S]):
    """One fact kind: how to read, validate, compile and summarise its facts."""

    name: str
    decode: Callable[[Fact], S]
    compile: Callable[[Fact, S, CompileContext], Checker]
    summary: Callable[[Fact, S], str]
    validate: Callable[[Fact, S, Locate], list[FactError]] = _no_problems
    entity_fields: Mapping[str, str] = field(default_factory=dict)
    # The fact's own fields are regular expressions (its ``unless`` too): they
    # run under the per-fact time budget.
    user_patterns: bool = False
    # Facts over time (``kinds/dated.py``): the fields a ``history`` entry gives
    # its own values of, and the value of a fact's fields in an editor's words.
    history_fields: tuple[str, ...] = ()
    value_label: Callable[[Mapping[str, Any]], str] | None = None
    # A kind whose fields carry dates of their own (dated titles): the fact's
    # versions over time, oldest first (``kinds.dated.Version``); () when undated.
    versions: Callable[[Fact], tuple[Any, ...]] | None = None
    value_word: str = "value"  # what a version's value is called: "figure", "title"

    def problems(self, fact: Fact, at: Locate) -> list[FactError]:
        return self.validate(fact, self.decode(fact), at)

    def checker(self, fact: Fact, context: CompileContext) -> Checker:
        """The checker of a fact already validated (as the loader does)."""
        return self.compile(fact, self.decode(fact), context)

    def build(self, fact: Fact, context: CompileContext) -> Checker:
        """Validate, then compile: the first problem is raised (for library use)."""
        spec = self.decode(fact)
        problems = self.validate(fact, spec, lambda name="", *rest: fact.where(name))
        if problems:
            raise problems[0]
        return self.compile(fact, spec, context)

    def describe(self, fact: Fact) -> str:
        return self.summary(fact, self.decode(fact))


def shorten(text: str, width: int = 70) -> str:
    """``text`` on one line, cut to ``width`` characters with ``...``."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def entity_in(fact: Fact, name: str, eid: str, context: CompileContext,
              what: str = "entity") -> Entity:
    """The entity the field ``name`` refers to (``eid``); an unknown one is a located error."""
    entity = context.entities.get(eid)
    if entity is None:
        raise FactError(f"unknown {what} {eid!r}", fact.where(name))
    return entity


def listing(values: Iterable[Any]) -> str:
    """Values as a report shows them: ``a, b, c``."""
    return ", ".join(str(v) for v in values)


def empty_entries(at: Locate, field_values: Mapping[str, Iterable[Any]]
                  ) -> list[FactError]:
    """A located problem for each blank entry of the named term lists."""
    out: list[FactError] = []
    for name, values in field_values.items():
        for j, term in enumerate(values or ()):
            if isinstance(term, str | int | float) and not str(term).strip():
                out.append(FactError(f"{name!r} holds an empty entry", at(name, j)))
    return out


def decoder(spec: type[S]) -> Callable[[Fact], S]:
    """A kind's ``decode``: each field of the frozen dataclass ``spec`` read from the
    fact's field of the same name, by its declared type (``str``, ``tuple[str, ...]``,
    ``int``, ``float``; anything else as written). An absent field takes the
    dataclass default ("" for text, () for lists). The schema has checked the types."""
    readers: list[tuple[str, Callable[[Fact, str, Any], Any], Any]] = []
    for f in fields(spec):  # type: ignore[arg-type]
        kind = str(f.type)
        read = (_read_strings if kind.startswith("tuple") else _read_str if kind == "str"
                else _read_int if kind == "int" else _read_float if kind == "float"
                else _read_raw)
        readers.append((f.name, read, f.default if f.default is not MISSING else None))

    def decode(fact: Fact) -> S:
        return spec(**{name: read(fact, name, default) for name, read, default in readers})

    return decode


def _read_strings(fact: Fact, name: str, default: Any) -> tuple[str, ...]:
    return strings(fact, name)


def _read_str(fact: Fact, name: str, default: Any) -> str:
    value = fact.fields.get(name)
    return str(value) if value is not None and value != "" else (default or "")


def _read_int(fact: Fact, name: str, default: Any) -> int:
    value = fact.fields.get(name)
    return int(value) if value is not None else int(default or 0)


def _read_float(fact: Fact, name: str, default: Any) -> float:
    value = fact.fields.get(name)
    return float(value) if value is not None else float(default or 0.0)


def _read_raw(fact: Fact, name: str, default: Any) -> Any:
    return fact.fields.get(name, default)


def strings(fact: Fact, name: str) -> tuple[str, ...]:
    """A list field as strings (absent: empty)."""
    raw = fact.fields.get(name)
    if raw is None:
        return ()
    if isinstance(raw, str):
        return (raw,)
    return tuple(str(v) for v in raw)
