"""Loading and validating fact files into a :class:`~pytest_factcheck.catalog.Catalog`.

A fact file is read as YAML with positions (``factyaml.py``) and checked
against the schema (``schema.py``); then the checks a schema cannot express
are done: each kind's own (``min`` above ``max``, a quote shorter than
``min_words``: ``kinds/``), load-time limits (``limits.py``), duplicate ids,
entity references; then each fact is compiled by its kind. Every problem of a
file is reported (up to :data:`MAX_PROBLEMS`), in file order; a fact-level
problem disables only its fact, a file-level one the file; no file stops another.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import kinds
from .catalog import (
    MAX_PROBLEMS,
    BrokenFact,
    Catalog,
    CompileInputs,
    FactFile,
    LoadedFact,
    compile_checker,
    restore_catalog,
    stored_files,
)
from .entities import EntityIndex
from .errors import FactError
from .errors import did_you_mean as _did_you_mean
from .factyaml import Located, parse_yaml
from .files import is_inside, walk_files
from .kinds import CompileContext
from .kinds.dated import dated_problems
from .limits import term_errors
from .model import Entity, Fact, Problem, SourcePos, Waiver
from .schema import _order, _validate, common_fields, schema, validate_document

__all__ = ["BrokenFact", "Catalog", "FactFile", "LoadedFact", "discover_fact_files",
           "load_catalog", "parse_yaml", "restore_catalog", "schema", "stored_files",
           "validate_document"]

MAX_FILE_BYTES = 8 * 2**20   # a fact file larger than this is refused unread


def discover_fact_files(paths: Iterable[str | Path],
                        on_outside: Callable[[Path], None] | None = None) -> list[Path]:
    """Every ``*.yaml``/``*.yml`` file at or below the given paths, sorted.

    Folders are walked iteratively; a file or folder link found in a folder
    whose real location is outside that folder is left out (``on_outside`` is
    told) and never opened; a special file (a pipe) is left out too.
    """
    found: set[Path] = set()
    for p in map(Path, paths):
        if p.is_dir():
            for q in walk_files(p, lambda n: n.endswith((".yaml", ".yml")), None, on_outside):
                if not is_inside(q, [p]):
                    if on_outside is not None:
                        on_outside(q)
                elif q.is_file():
                    found.add(q)
        elif p.suffix in (".yaml", ".yml") and p.exists():
            found.add(p)
    return sorted(found)


@dataclass
class _Parsed:
    path: str
    doc: dict[str, Any]
    located: Located
    # Schema problems of single facts (by index) and entities (by id): only
    # those are disabled, the rest of the file is loaded.
    fact_errors: dict[int, list[FactError]] = field(default_factory=dict)
    entity_errors: dict[str, list[FactError]] = field(default_factory=dict)


def _read_file(path: Path, display: str) -> str:
    try:
        if not path.is_file():
            raise FactError("not a regular file", SourcePos(display, 0, 0))
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FactError(f"the fact file is larger than {MAX_FILE_BYTES // 2**20} MB; "
                            "split it into several files", SourcePos(display, 0, 0))
        data = path.read_bytes()
    except OSError as exc:
        raise FactError(f"cannot read the file: {exc.strerror or exc}",
                        SourcePos(display, 0, 0)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise FactError(f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x}); "
                        "save it as UTF-8", SourcePos(display, line, col)) from None


def _item_of(path: tuple[Any, ...]) -> tuple[str, Any] | None:
    """``("facts", i)`` or ``("entities", id)`` when a schema problem lies inside
    one fact or one entity definition; None for a file-level problem."""
    if len(path) >= 2 and path[0] == "facts" and isinstance(path[1], int):
        return ("facts", path[1])
    if len(path) >= 2 and path[0] == "entities" and isinstance(path[1], str):
        return ("entities", path[1])
    return None


def _parse(path: Path, display: str) -> tuple[_Parsed | None, list[FactError]]:
    """Parse and validate one file: the parsed file and its file-level problems.

    Problems that lie inside one fact or one entity definition are kept on the
    parsed file (that fact or entity alone is disabled); a file-level problem
    (YAML syntax, top level, the shape of ``entities``/``facts``) stops the file
    and all its problems are returned."""
    try:
        text = _read_file(path, display)
        doc, located = parse_yaml(text, display)
    except FactError as exc:
        return None, [exc]
    found = _validate(doc, located)
    if any(_item_of(k) is None for k in found):
        return None, sorted(found.values(), key=_order)
    parsed = _Parsed(display, doc, located)
    for k, err in sorted(found.items(), key=lambda kv: _order(kv[1])):
        where, which = _item_of(k) or ("", None)
        target: dict[Any, list[FactError]] = (
            parsed.fact_errors if where == "facts" else parsed.entity_errors)
        target.setdefault(which, []).append(err)
    return parsed, []


def _as_terms(values: Iterable[Any]) -> tuple[str, ...]:
    return tuple(str(v) for v in values)


def _entity(eid: str, raw: Mapping[str, Any], pos: SourcePos) -> Entity:
    return Entity(
        id=eid,
        name=str(raw["name"]),
        aliases=_as_terms(raw.get("aliases", ())),
        type=str(raw.get("type", "person")),
        date=None if raw.get("date") is None else str(raw["date"]),
        pos=pos,
    )


def _build_fact(raw: Mapping[str, Any], index: int, parsed: _Parsed) -> Fact:
    loc = parsed.located
    base = ("facts", index)
    kind = raw["kind"]
    fields = {k: v for k, v in raw.items() if k not in common_fields()}
    field_pos = {k: loc.at((*base, k)) for k in raw}
    return Fact(
        id=raw["id"],
        kind=kind,
        pos=loc.at(base),
        claim=str(raw.get("claim", "")),
        tags=tuple(raw.get("tags", ())),
        window=raw.get("window", "sentence"),
        applies_to=tuple(raw.get("applies_to", ())),
        unless=_as_terms(raw.get("unless", ())),
        exceptions=tuple(
            Waiver(str(w["article"]), str(w["reason"]), loc.at((*base, "exceptions", j)))
            for j, w in enumerate(raw.get("exceptions", ()))
        ),
        fields=fields,
        field_pos=field_pos,
        valid_from=str(raw.get("from") or ""),
        valid_until=str(raw.get("until") or ""),
    )


def _check_semantics(fact: Fact, located: Located, index: int) -> list[FactError]:
    """What the schema cannot say: the kind's own checks, then the common fields'.
    Every problem of the fact."""
    out: list[FactError] = []

    def at(*path: Any) -> SourcePos:
        return located.at(("facts", index, *path))

    try:
        out.extend(kinds.kind_of(fact).problems(fact, at))
    except FactError as exc:
        out.append(exc)
    except Exception as exc:  # a bug in a kind must not take the run down
        out.append(FactError(f"internal error while checking this fact ({type(exc).__name__}: "
                             f"{exc}); please report it", fact.pos))
    with contextlib.suppress(FactError):  # an unknown kind is reported above
        out.extend(dated_problems(kinds.kind_of(fact), fact, at))
    for term_j, term in enumerate(fact.unless):
        if not term.strip():
            out.append(FactError("'unless' holds an empty entry", at("unless", term_j)))
    kind = kinds.kind_of(fact)
    out.extend(term_errors(
        {**fact.fields, "unless": list(fact.unless), "claim": fact.claim}, at,
        regex_fields=("unless",) if kind.user_patterns else ()))
    for j, w in enumerate(fact.exceptions):
        if not w.reason.strip():
            out.append(FactError("this exception has an empty 'reason': say why the "
                                 "article may differ from the fact",
                                 at("exceptions", j, "reason")))
    return out


class _Resolver:
    """Turns entity references (ids or plain names) into entity ids."""

    def __init__(self, entities: dict[str, Entity], explicit_type: set[str],
                 hint: str = "", broken: Mapping[str, SourcePos] | None = None) -> None:
        self.entities = entities
        self.explicit_type = explicit_type
        self.hint = hint
        self.broken = dict(broken or {})  # entity ids whose definition is broken
        self.by_name: dict[str, str] = {}
        for e in entities.values():
            for n in (e.name, *e.aliases):
                self.by_name.setdefault(n.casefold(), e.id)

    def resolve(self, value: str, etype: str, pos: SourcePos) -> str:
        if value in self.broken and value not in self.entities:
            raise FactError(f"entity {value!r} is broken (its definition at "
                            f"{self.broken[value]} has a problem); this fact is not "
                            "checked until the entity is fixed", pos)
        eid = value if value in self.entities else self.by_name.get(value.casefold())
        if eid is not None:
            self._use_as(eid, etype, pos)
            return eid
        looks_like_id = value == value.lower() and " " not in value.strip()
        if looks_like_id:
            raise FactError(
                f"unknown entity id {value!r}" + _did_you_mean(value, self.entities)
                + "; define it under 'entities:' in a fact file, or write the full name"
                + self.hint, pos)
        eid = value
        self.entities[eid] = Entity(id=eid, name=value, type=etype, pos=pos)
        self.by_name[value.casefold()] = eid
        return eid

    def _use_as(self, eid: str, etype: str, pos: SourcePos) -> None:
        """docs/fact-files.md: an entity used as an ``event:`` is an event."""
        e = self.entities[eid]
        if etype != "event" or e.type == "event":
            return
        if eid in self.explicit_type:
            raise FactError(f"{eid!r} is used as an event but is defined with type "
                            f"{e.type!r} at {e.pos}", pos)
        self.entities[eid] = replace(e, type="event")


def _resolve_entities(fact: Fact, resolver: _Resolver) -> Fact:
    spec = kinds.kind_of(fact).entity_fields
    if not spec:
        return fact
    fields = dict(fact.fields)
    for name, etype in spec.items():
        if name not in fields:
            continue
        value = fields[name]
        pos = fact.where(name)
        if isinstance(value, list):
            fields[name] = [resolver.resolve(str(v), etype, pos) for v in value]
        else:
            fields[name] = resolver.resolve(str(value), etype, pos)
    return replace(fact, fields=fields)


def _problems(errors: Iterable[FactError], path: str) -> list[Problem]:
    unique: dict[tuple[int, int, str], Problem] = {}
    for e in errors:
        p = e.problem(path)
        unique.setdefault((p.line, p.column, p.message), p)
    out = sorted(unique.values(), key=lambda p: (p.line, p.column))
    if len(out) > MAX_PROBLEMS:
        more = len(out) - MAX_PROBLEMS
        out = [*out[:MAX_PROBLEMS], Problem(path, 0, 0, f"... and {more} more problems")]
    return out


def _fact_label(raw: Any, index: int) -> tuple[str, str]:
    """The id and kind a broken fact is reported under (its own, when readable)."""
    raw = raw if isinstance(raw, dict) else {}
    fid = raw.get("id")
    kind = raw.get("kind")
    return (fid if isinstance(fid, str) and fid.strip() else f"facts[{index}]",
            kind if isinstance(kind, str) else "")


class _Load:
    """One load: the files, their problems, and what was built, phase by phase."""

    def __init__(self) -> None:
        self.files: dict[str, FactFile] = {}
        self.errors: dict[str, list[FactError]] = {}  # file-level problems
        # Problems of single facts and entities: (file, label) -> (id, kind, pos, errors)
        self.item_errors: dict[tuple[str, str],
                               tuple[str, str, SourcePos, list[FactError]]] = {}
        self.parsed: list[_Parsed] = []
        self.unread: list[str] = []  # files whose entities could not be read
        self.entities: dict[str, Entity] = {}
        self.explicit_type: set[str] = set()
        self.broken_entities: dict[str, SourcePos] = {}
        self.built: list[tuple[str, Fact]] = []

    def disable(self, file: str, label: str, fid: str, kind: str, pos: SourcePos,
                errs: Iterable[FactError]) -> None:
        self.item_errors.setdefault((file, label), (fid, kind, pos, []))[3].extend(errs)

    def read(self, paths: Iterable[str | Path], display: Mapping[Path, str] | None) -> None:
        for path in discover_fact_files(paths):
            name = (display or {}).get(path, str(path))
            self.files.setdefault(name, FactFile(name))
            got, errs = _parse(path, name)
            self.errors.setdefault(name, []).extend(errs)
            if got is not None:
                self.parsed.append(got)
            else:
                self.unread.append(name)

    def gather_entities(self) -> None:
        """One namespace across files. A broken definition is left out."""
        for p in self.parsed:
            for eid, raw in (p.doc.get("entities") or {}).items():
                self._entity(p, eid, raw)

    def _entity(self, p: _Parsed, eid: str, raw: Any) -> None:
        pos = p.located.at(("entities", eid), key=True)
        label = f"entity:{eid}"
        problems = p.entity_errors.get(eid) or term_errors(
            raw, lambda *path: p.located.at(("entities", eid, *path)))
        if problems:
            self.broken_entities.setdefault(eid, pos)
            self.disable(p.path, label, label, "entity", pos, problems)
            return
        e = _entity(eid, raw, pos)
        old = self.entities.get(eid)
        if old is None:
            self.entities[eid] = e
            if "type" in raw:
                self.explicit_type.add(eid)
            return
        diff = [n for n in ("name", "aliases", "type", "date")
                if getattr(old, n) != getattr(e, n)]
        if diff:
            self.errors[p.path].append(FactError(
                f"entity {eid!r} is also defined at {old.pos}, and the two definitions "
                f"differ in {', '.join(repr(d) for d in diff)}; define it once, or make "
                "both the same", e.pos))

    def build_facts(self) -> None:
        """Build, check, resolve entity references. Every problem is collected, and
        disables only its fact."""
        hint = (f" (note: {', '.join(self.unread)} could not be read)" if self.unread else "")
        resolver = _Resolver(self.entities, self.explicit_type, hint, self.broken_entities)
        seen: dict[str, SourcePos] = {}
        for p in self.parsed:
            for i, raw in enumerate(p.doc.get("facts") or ()):
                self._fact(p, i, raw, resolver, seen)

    def _fact(self, p: _Parsed, i: int, raw: Any, resolver: _Resolver,
              seen: dict[str, SourcePos]) -> None:
        fid, kind = _fact_label(raw, i)
        label = f"facts[{i}]"
        if i in p.fact_errors:
            if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                seen.setdefault(raw["id"], p.located.at(("facts", i, "id")))
            self.disable(p.path, label, fid, kind, p.located.at(("facts", i)),
                         p.fact_errors[i])
            return
        fact = _build_fact(raw, i, p)
        fact_errors = _check_semantics(fact, p.located, i)
        if fact.id in seen:
            fact_errors.append(FactError(
                f"duplicate fact id {fact.id!r}: it is also defined at "
                f"{seen[fact.id]}; fact ids must be unique across all fact files",
                fact.where("id")))
        else:
            seen[fact.id] = fact.where("id")
        try:
            fact = _resolve_entities(fact, resolver)
        except FactError as exc:
            fact_errors.append(exc)
        if fact_errors:
            self.disable(p.path, label, fid, kind, fact.pos, fact_errors)
        else:
            self.built.append((p.path, fact))

    def catalog(self, regex_timeout: float) -> Catalog:
        """Compile the facts that were built, and file everything by fact file."""
        index = EntityIndex(self.entities)
        context = CompileContext(index, regex_timeout=regex_timeout,
                                 facts=tuple(f for _, f in self.built))
        compiled: dict[str, list[LoadedFact]] = {}
        for fname, fact in self.built:
            try:
                checker = compile_checker(fact, context)
            except FactError as exc:
                self.disable(fname, f"facts[{fact.pos}]", fact.id, fact.kind, fact.pos, [exc])
                continue
            compiled.setdefault(fname, []).append(LoadedFact(fact, checker))
        broken: dict[str, list[BrokenFact]] = {}
        for (fname, _), (fid, kind, pos, errs) in self.item_errors.items():
            broken.setdefault(fname, []).append(
                BrokenFact(fid, kind, pos, tuple(_problems(errs, fname))))
        for fname, ff in self.files.items():
            mine = sorted(broken.get(fname, []), key=lambda b: (b.pos.line, b.pos.column))
            if self.errors[fname]:  # a file-level problem stops the whole file
                ff.problems = _problems(
                    [*self.errors[fname],
                     *(FactError(q.message, SourcePos(q.file, q.line, q.column))
                       for b in mine for q in b.problems)], fname)
            else:
                ff.facts = compiled.get(fname, [])
                ff.broken = mine
        return Catalog(self.files, index,
                       CompileInputs(self.entities, context.facts, regex_timeout))


def load_catalog(
    paths: Iterable[str | Path],
    *,
    display: Mapping[Path, str] | None = None,
    regex_timeout: float = 1.0,
) -> Catalog:
    """Load every fact file found under ``paths``: facts ready to check, or problems.

    A problem in one file never stops another file. A file-level problem (YAML
    syntax, the shape of the document) disables its file; a problem inside one
    fact disables that fact only, and a broken entity definition disables the
    entity and the facts that use it (see :class:`BrokenFact`). ``display``
    maps file paths to the names used in messages (default: the path as given).
    """
    load = _Load()
    load.read(paths, display)
    load.gather_entities()
    load.build_facts()
    return load.catalog(regex_timeout)
