"""Loading and validating fact files.

YAML is only ever loaded safely: nodes are composed by PyYAML's ``SafeLoader``
and turned into plain values here, keeping each value's line and column so
every error names the file, line and column. Aliases are followed at most
:data:`MAX_NODES` times in a file, which stops alias bombs ("billion laughs").
Structure and types are checked against the JSON Schema shipped in
``schema/factfile.schema.json`` (the same file editors point their editor at);
the checks a schema cannot express (``min`` above ``max``, duplicate ids, entity
references, regexes) are done after it.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .entities import EntityIndex
from .errors import FactError
from .kinds import Checker, CompileContext, compile_fact
from .model import KINDS, Entity, Fact, Problem, SourcePos, Waiver

__all__ = ["Catalog", "FactFile", "LoadedFact", "discover_fact_files", "load_catalog"]

MAX_NODES = 100_000
COMMON_FIELDS = ("id", "kind", "claim", "tags", "window", "applies_to", "unless", "exceptions")
# Fields that name an entity, per kind, and the entity type a plain name gets.
ENTITY_FIELDS: dict[str, dict[str, str]] = {
    "quote": {"speaker": "person"},
    "attendance": {"event": "event", "present": "person", "absent": "person"},
    "role": {"entity": "person"},
}


# ---------------------------------------------------------------------------
# YAML with positions
# ---------------------------------------------------------------------------
class Located:
    """Positions of the values of one parsed document, by JSON path."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.value_pos: dict[tuple[Any, ...], SourcePos] = {}
        self.key_pos: dict[tuple[Any, ...], SourcePos] = {}

    def at(self, path: Sequence[Any], *, key: bool = False) -> SourcePos:
        """The best position for ``path``: the value, its key, or the nearest parent."""
        p = tuple(path)
        if key and p in self.key_pos:
            return self.key_pos[p]
        while p:
            if p in self.value_pos:
                return self.value_pos[p]
            if p in self.key_pos:
                return self.key_pos[p]
            p = p[:-1]
        return self.value_pos.get((), SourcePos(self.file, 1, 1))


class _Builder:
    def __init__(self, located: Located) -> None:
        self.located = located
        self.count = 0
        self.constructor = yaml.SafeLoader(stream="")

    def pos(self, node: yaml.Node) -> SourcePos:
        m = node.start_mark
        return SourcePos(self.located.file, m.line + 1, m.column + 1)

    def build(self, node: yaml.Node, path: tuple[Any, ...]) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise FactError(
                f"the document expands to more than {MAX_NODES:,} values "
                "(too many aliases: an alias bomb?)",
                self.pos(node),
            )
        self.located.value_pos.setdefault(path, self.pos(node))
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for knode, vnode in node.value:
                if knode.tag == "tag:yaml.org,2002:merge":
                    raise FactError("merge keys (<<) are not supported in fact files",
                                    self.pos(knode))
                key = self.build(knode, (*path, "<key>"))
                if not isinstance(key, str | int | float | bool) or key is None:
                    raise FactError("a key must be a plain word", self.pos(knode))
                key = str(key) if not isinstance(key, str) else key
                if key in out:
                    raise FactError(f"{key!r} appears twice here", self.pos(knode))
                self.located.key_pos[(*path, key)] = self.pos(knode)
                out[key] = self.build(vnode, (*path, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(v, (*path, i)) for i, v in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode):
            if not node.tag.startswith("tag:yaml.org,2002:"):
                raise FactError(f"the tag {node.tag!r} is not allowed", self.pos(node))
            value = self.constructor.construct_object(node, deep=True)
            if isinstance(value, _dt.date | _dt.datetime):
                return value.isoformat()
            if isinstance(value, bytes):
                raise FactError("binary values are not allowed", self.pos(node))
            return value
        raise FactError("unexpected YAML node", self.pos(node))


def parse_yaml(text: str, file: str) -> tuple[Any, Located]:
    """Parse one YAML document safely, keeping positions. Raises FactError."""
    located = Located(file)
    if "\t" in text:
        for lineno, line in enumerate(text.splitlines(), 1):
            indent = line[: len(line) - len(line.lstrip(" \t"))]
            if "\t" in indent:
                raise FactError(
                    "a tab is used for indentation; YAML needs spaces",
                    SourcePos(file, lineno, indent.index("\t") + 1),
                )
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "invalid YAML"
        if exc.context:
            what = f"{what} ({exc.context})"
        raise FactError(f"YAML syntax error: {what}", SourcePos(file, line, col)) from None
    except yaml.YAMLError as exc:
        raise FactError(f"YAML error: {exc}", SourcePos(file, 1, 1)) from None
    if node is None:
        return {}, located
    return _Builder(located).build(node, ()), located


# ---------------------------------------------------------------------------
# Schema validation
# ---------------------------------------------------------------------------
@cache
def schema() -> dict[str, Any]:
    """The JSON Schema for fact files that ships with the package."""
    data = resources.files("pytest_factcheck").joinpath("schema/factfile.schema.json")
    return json.loads(data.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def _validator() -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(schema())
    return cls(schema())  # type: ignore[no-any-return]


def kind_fields(kind: str) -> tuple[str, ...]:
    props = schema()["$defs"]["kinds"].get(kind, {}).get("properties", {})
    return tuple(props)


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


_TYPE_WORDS = {"string": "text", "number": "a number", "integer": "a whole number",
               "array": "a list", "object": "a mapping", "boolean": "true or false"}


def _describe_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return type(value).__name__


def _field_name(path: Sequence[Any]) -> str:
    named = [p for p in path if isinstance(p, str)]
    return named[-1] if named else "document"


def _schema_message(err: jsonschema.ValidationError) -> str:
    where = _field_name(err.absolute_path)
    v = err.validator
    if v == "type":
        want = err.validator_value
        wants = [want] if isinstance(want, str) else list(want)
        words = " or ".join(_TYPE_WORDS.get(w, w) for w in wants if w != "number" or
                            "string" not in wants) or "?"
        if "string" in wants and "number" in wants:
            words = "text"
        return f"{where!r} must be {words}, not {_describe_type(err.instance)}"
    if v == "required":
        missing = err.message.split("'")[1] if "'" in err.message else "?"
        return f"missing required field {missing!r}"
    if v == "enum":
        choices = ", ".join(map(str, err.validator_value))
        return f"{where!r} is {err.instance!r}; it must be one of: {choices}" + _did_you_mean(
            str(err.instance), map(str, err.validator_value))
    if v == "minItems":
        return f"{where!r} must not be empty"
    if v == "minLength":
        return f"{where!r} must not be empty"
    if v == "pattern":
        if where == "id" or err.absolute_path and err.absolute_path[-1] == "id":
            return (f"fact id {err.instance!r} may only use lower-case letters, digits "
                    "and hyphens")
        return f"{where!r}: {err.instance!r} is not allowed here"
    if v == "propertyNames":
        return f"entity id {err.instance!r} may only use lower-case letters, digits and hyphens"
    if v == "anyOf":
        opts = [sorted(s.get("required", [])) for s in err.validator_value]
        flat = [o[0] for o in opts if len(o) == 1]
        if flat:
            return "needs at least one of: " + ", ".join(flat)
    if v in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        return f"{where!r}: {err.message}"
    return err.message


# ---------------------------------------------------------------------------
# The catalog
# ---------------------------------------------------------------------------
@dataclass
class LoadedFact:
    fact: Fact
    checker: Checker


@dataclass
class FactFile:
    """One fact file: its facts, ready to check, or the problems that stop it."""

    path: str
    facts: list[LoadedFact] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Catalog:
    """Everything loaded from the fact files of a run."""

    files: dict[str, FactFile]
    entities: EntityIndex

    @property
    def facts(self) -> list[LoadedFact]:
        return [f for ff in self.files.values() for f in ff.facts]

    @property
    def problems(self) -> list[Problem]:
        return [p for ff in self.files.values() for p in ff.problems]


def discover_fact_files(paths: Iterable[str | Path]) -> list[Path]:
    """Every ``*.yaml``/``*.yml`` file at or below the given paths, sorted."""
    found: set[Path] = set()
    for p in map(Path, paths):
        if p.is_dir():
            for ext in ("*.yaml", "*.yml"):
                found.update(q for q in p.rglob(ext) if q.is_file())
        elif p.suffix in (".yaml", ".yml") and p.exists():
            found.add(p)
    return sorted(found)


@dataclass
class _Parsed:
    path: str
    doc: dict[str, Any]
    located: Located


def _read_file(path: Path, display: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FactError(f"cannot read the file: {exc.strerror or exc}",
                        SourcePos(display, 0, 0)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise FactError("the file is not valid UTF-8", SourcePos(display, line, col)) from None


def _parse(path: Path, display: str) -> _Parsed:
    text = _read_file(path, display)
    doc, located = parse_yaml(text, display)
    if not isinstance(doc, dict):
        raise FactError(
            f"a fact file must be a mapping with 'entities' and/or 'facts', not "
            f"{_describe_type(doc)}", located.at(()))
    # Unknown top-level keys and unknown fields first, with "did you mean".
    for key in doc:
        if key not in ("entities", "facts"):
            raise FactError(f"unknown top-level key {key!r}" +
                            _did_you_mean(key, ["entities", "facts"]),
                            located.at((key,), key=True))
    facts = doc.get("facts")
    if isinstance(facts, list):
        for i, raw in enumerate(facts):
            if not isinstance(raw, dict):
                continue
            kind = raw.get("kind")
            if isinstance(kind, str) and kind not in KINDS:
                raise FactError(f"unknown kind {kind!r}" + _did_you_mean(kind, KINDS) +
                                "; the kinds are " + ", ".join(KINDS),
                                located.at(("facts", i, "kind")))
            allowed = COMMON_FIELDS + (kind_fields(kind) if kind in KINDS else ())
            for key in raw:
                if kind in KINDS and key not in allowed:
                    raise FactError(
                        f"unknown field {key!r} for a {kind} fact" + _did_you_mean(key, allowed),
                        located.at(("facts", i, key), key=True))
    entities = doc.get("entities")
    if isinstance(entities, dict):
        efields = tuple(schema()["$defs"]["entity"]["properties"])
        for eid, raw in entities.items():
            if isinstance(raw, dict):
                for key in raw:
                    if key not in efields:
                        raise FactError(
                            f"unknown field {key!r} for an entity" + _did_you_mean(key, efields),
                            located.at(("entities", eid, key), key=True))
    errors = sorted(_validator().iter_errors(doc), key=lambda e: (
        located.at(tuple(e.absolute_path)).line, -len(e.absolute_path)))
    if errors:
        err = errors[0]
        best = jsonschema.exceptions.best_match([e for e in errors if
                                                 e.absolute_path == err.absolute_path]) or err
        raise FactError(_schema_message(best), located.at(tuple(best.absolute_path)))
    return _Parsed(display, doc, located)


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
    fields = {k: v for k, v in raw.items() if k not in COMMON_FIELDS}
    field_pos = {k: loc.at((*base, k)) for k in raw}
    fact = Fact(
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
    )
    _check_semantics(fact)
    return fact


def _check_semantics(fact: Fact) -> None:
    f = fact.fields
    if fact.kind == "quantity":
        lo, hi = f.get("min"), f.get("max")
        if lo is not None and hi is not None and lo > hi:
            raise FactError(f"'min' ({lo}) is above 'max' ({hi})", fact.where("min"))
        for name in ("cues", "about"):
            for term in f.get(name, ()):
                if not str(term).strip():
                    raise FactError(f"{name!r} holds an empty term", fact.where(name))
    for w in fact.exceptions:
        if not w.reason.strip():
            raise FactError("an exception needs a 'reason'", w.pos)


class _Resolver:
    """Turns entity references (ids or plain names) into entity ids."""

    def __init__(self, entities: dict[str, Entity]) -> None:
        self.entities = entities
        self.by_name: dict[str, str] = {}
        for e in entities.values():
            for n in (e.name, *e.aliases):
                self.by_name.setdefault(n.casefold(), e.id)

    def resolve(self, value: str, etype: str, pos: SourcePos) -> str:
        if value in self.entities:
            return value
        hit = self.by_name.get(value.casefold())
        if hit is not None:
            return hit
        looks_like_id = value == value.lower() and " " not in value
        if looks_like_id:
            raise FactError(f"unknown entity id {value!r}" +
                            _did_you_mean(value, self.entities), pos)
        eid = value
        self.entities[eid] = Entity(id=eid, name=value, type=etype, pos=pos, implicit=True)
        self.by_name[value.casefold()] = eid
        return eid


def _resolve_entities(fact: Fact, resolver: _Resolver) -> Fact:
    spec = ENTITY_FIELDS.get(fact.kind)
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
    return Fact(**{**fact.__dict__, "fields": fields})


def load_catalog(
    paths: Iterable[str | Path],
    *,
    display: Mapping[Path, str] | None = None,
    regex_timeout: float = 1.0,
) -> Catalog:
    """Load every fact file found under ``paths``: facts ready to check, or problems.

    A problem in one file never stops another file. ``display`` maps file paths
    to the names used in messages (default: the path as given).
    """
    files: dict[str, FactFile] = {}
    parsed: list[_Parsed] = []
    for path in discover_fact_files(paths):
        name = (display or {}).get(path, str(path))
        ff = files.setdefault(name, FactFile(name))
        try:
            parsed.append(_parse(path, name))
        except FactError as exc:
            ff.problems.append(exc.problem(name))

    # Entities: one namespace across files.
    entities: dict[str, Entity] = {}
    for p in parsed:
        for eid, raw in (p.doc.get("entities") or {}).items():
            e = _entity(eid, raw, p.located.at(("entities", eid), key=True))
            old = entities.get(eid)
            if old is None:
                entities[eid] = e
            elif (old.name, old.aliases, old.type, old.date) != (e.name, e.aliases, e.type,
                                                                 e.date):
                files[p.path].problems.append(Problem(
                    p.path, e.pos.line if e.pos else 0, e.pos.column if e.pos else 0,
                    f"entity {eid!r} is defined differently in {old.pos}"))

    # Facts: build, check ids, resolve entity references.
    resolver = _Resolver(entities)
    seen: dict[str, SourcePos] = {}
    built: list[tuple[str, Fact]] = []
    for p in parsed:
        ff = files[p.path]
        if ff.problems:
            continue
        file_facts: list[Fact] = []
        try:
            for i, raw in enumerate(p.doc.get("facts") or ()):
                fact = _build_fact(raw, i, p)
                if fact.id in seen:
                    raise FactError(f"duplicate fact id {fact.id!r}; it is also defined at "
                                    f"{seen[fact.id]}", fact.where("id"))
                seen[fact.id] = fact.where("id")
                file_facts.append(_resolve_entities(fact, resolver))
        except FactError as exc:
            ff.problems.append(exc.problem(p.path))
            continue
        built.extend((p.path, f) for f in file_facts)

    index = EntityIndex(entities)
    context = CompileContext(index, regex_timeout=regex_timeout,
                             facts=tuple(f for _, f in built))
    compiled: dict[str, list[LoadedFact]] = {}
    for path, fact in built:
        if files[path].problems:
            continue
        try:
            compiled.setdefault(path, []).append(LoadedFact(fact, compile_fact(fact, context)))
        except FactError as exc:
            files[path].problems.append(exc.problem(path))
    for path, ff in files.items():
        if not ff.problems:
            ff.facts = compiled.get(path, [])
    return Catalog(files, index)
