"""The catalog: compiled facts by file, broken facts with their problems, and the run's entities.

What the engine, the index, the reports and the result cache read; built by
:func:`pytest_factcheck.loader.load_catalog` (or restored from the cache). The
engine imports this module, never the YAML loader.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .entities import EntityIndex
from .errors import FactError
from .kinds import Checker, CompileContext, compile_fact
from .model import Entity, Fact, Problem, SourcePos

__all__ = ["BrokenFact", "Catalog", "CompileInputs", "FactFile", "LazyCompiler", "LoadedFact",
           "compile_checker", "restore_catalog", "stored_files"]

MAX_PROBLEMS = 20            # problems reported per file


def compile_checker(fact: Fact, context: CompileContext) -> Checker:
    """Compile one fact; any failure becomes a located FactError."""
    try:
        return compile_fact(fact, context)
    except FactError:
        raise
    except Exception as exc:  # a bug in a kind must not take the run down
        raise FactError(f"internal error while preparing this fact ({type(exc).__name__}: "
                        f"{exc}); please report it", fact.pos) from None



# ---------------------------------------------------------------------------
# The catalog
# ---------------------------------------------------------------------------
class LoadedFact:
    """A fact and its checker.

    A catalog restored from the result cache compiles a fact only when an
    article needs checking (``compiler``): a run whose results are all
    remembered compiles nothing.
    """

    __slots__ = ("_checker", "compiler", "fact")

    def __init__(self, fact: Fact, checker: Checker | None = None,
                 compiler: Callable[[Fact], Checker] | None = None) -> None:
        self.fact = fact
        self._checker = checker
        self.compiler = compiler

    @property
    def checker(self) -> Checker:
        if self._checker is None:
            if self.compiler is None:
                raise RuntimeError(f"fact {self.fact.id!r} has no checker")
            self._checker = self.compiler(self.fact)
        return self._checker

    @property
    def compiled(self) -> bool:
        return self._checker is not None

    def __repr__(self) -> str:
        return f"LoadedFact({self.fact.id!r}, compiled={self.compiled})"


@dataclass(frozen=True)
class BrokenFact:
    """A fact (or entity definition) that cannot be checked, and why.

    Only it is disabled: the other facts of its file are still checked.
    ``kind`` is ``"entity"`` for a broken entity definition (``id`` is then
    ``entity:<id>``); such an entry is not counted as a fact.
    """

    id: str
    kind: str
    pos: SourcePos
    problems: tuple[Problem, ...]

    @property
    def is_fact(self) -> bool:
        return self.kind != "entity"

    @property
    def message(self) -> str:
        return "\n".join(str(p) for p in self.problems)


@dataclass
class FactFile:
    """One fact file: its facts, ready to check; the facts it holds that are
    broken (each disabled alone); or the file-level problems that stop it."""

    path: str
    facts: list[LoadedFact] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # file-level only
    broken: list[BrokenFact] = field(default_factory=list)


class Catalog:
    """Everything loaded from the fact files of a run."""

    def __init__(self, files: dict[str, FactFile],
                 entities: EntityIndex | Callable[[], EntityIndex],
                 inputs: CompileInputs | None = None) -> None:
        self.files = files
        self._entities = entities
        self.inputs = inputs  # what compiling needs, kept by the result cache

    @property
    def entities(self) -> EntityIndex:
        if not isinstance(self._entities, EntityIndex):
            self._entities = self._entities()
        return self._entities

    @property
    def facts(self) -> list[LoadedFact]:
        return [f for ff in self.files.values() for f in ff.facts]

    @property
    def problems(self) -> list[Problem]:
        """Every located problem: file-level ones and those of broken facts
        (at most ``MAX_PROBLEMS`` a file, and a line saying how many more)."""
        out: list[Problem] = []
        for name, ff in self.files.items():
            mine = [*ff.problems, *(q for b in ff.broken for q in b.problems)]
            if len(mine) > MAX_PROBLEMS and ff.broken:
                more = len(mine) - MAX_PROBLEMS
                mine = [*mine[:MAX_PROBLEMS], Problem(name, 0, 0, f"... and {more} more problems")]
            out.extend(mine)
        return out

    @property
    def broken(self) -> list[BrokenFact]:
        return [b for ff in self.files.values() for b in ff.broken]

    @property
    def not_checked(self) -> int:
        """How many facts could not be checked because they (or their entities) are broken."""
        return sum(1 for b in self.broken if b.is_fact)


@dataclass(frozen=True)
class CompileInputs:
    """What compiling the facts of a catalog depends on, besides each fact."""

    entities: Mapping[str, Entity]
    runnable: tuple[Fact, ...]
    regex_timeout: float


class LazyCompiler:
    """Compiles facts of a catalog on demand, with one context built on first use.

    Used for catalogs restored from the result cache: their facts compiled
    without error when they were loaded, and compiling is deterministic.
    """

    def __init__(self, entities: Mapping[str, Entity], facts: Sequence[Fact],
                 regex_timeout: float) -> None:
        self._entities = dict(entities)
        self._facts = tuple(facts)
        self._timeout = regex_timeout
        self._context: CompileContext | None = None

    def entity_index(self) -> EntityIndex:
        return self.context.entities

    @property
    def context(self) -> CompileContext:
        if self._context is None:
            self._context = CompileContext(EntityIndex(self._entities),
                                           regex_timeout=self._timeout, facts=self._facts)
        return self._context

    def __call__(self, fact: Fact) -> Checker:
        return compile_checker(fact, self.context)


def stored_files(catalog: Catalog) -> dict[str, tuple[list[Fact], list[Problem],
                                                      list[BrokenFact]]]:
    """What :func:`restore_catalog` needs of each file of ``catalog``."""
    return {name: ([lf.fact for lf in ff.facts], list(ff.problems), list(ff.broken))
            for name, ff in catalog.files.items()}


def restore_catalog(files: Mapping[str, tuple[Any, ...]],
                    entities: Mapping[str, Entity], runnable: Sequence[Fact],
                    regex_timeout: float) -> Catalog:
    """A catalog from stored facts, compiled lazily (see :class:`LazyCompiler`).

    Each file is ``(facts, problems, broken)`` (see :func:`stored_files`)."""
    compiler = LazyCompiler(entities, runnable, regex_timeout)
    out: dict[str, FactFile] = {}
    for name, (facts, problems, *rest) in files.items():
        broken = list(rest[0]) if rest else []
        out[name] = FactFile(name, [LoadedFact(f, compiler=compiler) for f in facts],
                             list(problems), broken)
    return Catalog(out, compiler.entity_index,
                   CompileInputs(dict(entities), tuple(runnable), regex_timeout))
