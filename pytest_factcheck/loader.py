"""Loading and validating fact files.

YAML is only ever loaded safely: nodes are composed by PyYAML's ``SafeLoader``
and turned into plain values here (text, numbers, true/false, lists, mappings;
any other tag, ``!!python/...`` included, is refused), keeping each value's
line and column so every error names the file, line and column. Values are
reached again through aliases at most :data:`MAX_REPEATS` times in a file,
which stops alias bombs ("billion laughs") before they cost time or memory.

Structure and types are checked against the JSON Schema shipped in
``schema/factfile.schema.json`` (the same file editors point their editor at);
the checks a schema cannot express (``min`` above ``max``, a quote shorter
than ``min_words``, duplicate ids, entity references, regexes) are done after
it. Every problem of a file is reported (up to :data:`MAX_PROBLEMS`), in file
order; a file with a problem contributes no facts, and never stops another file.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import regex
import yaml

from . import kinds
from .entities import EntityIndex
from .errors import FactError
from .errors import did_you_mean as _did_you_mean
from .errors import guess as _guess
from .files import is_inside, walk_files
from .kinds import Checker, CompileContext, compile_fact
from .limits import MAX_FILE_CHARS, term_errors
from .model import Entity, Fact, Problem, SourcePos, Waiver
from .text.lines import line_col

__all__ = ["Catalog", "FactFile", "LoadedFact", "discover_fact_files", "load_catalog",
           "parse_yaml", "schema", "validate_document"]

MAX_NODES = 1_000_000        # values built from one file
MAX_REPEATS = 10_000         # values reached again through aliases: stops alias bombs
MAX_DEPTH = 64               # nesting of lists and mappings
MAX_FILE_BYTES = 8 * 2**20   # a fact file larger than this is refused unread
MAX_PROBLEMS = 20            # problems reported per file

KINDS = kinds.names()

_STD = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(_STD + t for t in ("str", "int", "float", "bool", "null", "timestamp"))


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_STD):] if tag.startswith(_STD) else tag


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
    """Turns composed YAML nodes into plain values, refusing anything unsafe."""

    def __init__(self, located: Located) -> None:
        self.located = located
        self.count = 0
        self.repeats = 0
        self.chars = 0  # characters of every scalar reached, aliases expanded
        self.seen: set[int] = set()  # the composed nodes stay alive: ids are stable
        self.constructor = yaml.SafeLoader(stream="")

    def pos(self, node: yaml.Node) -> SourcePos:
        m = node.start_mark
        return SourcePos(self.located.file, m.line + 1, m.column + 1)

    def build(self, node: yaml.Node, path: tuple[Any, ...], depth: int = 0) -> Any:
        if id(node) in self.seen:  # reached again through an alias
            self.repeats += 1
            if self.repeats > MAX_REPEATS:
                raise FactError(
                    f"aliases (*name) repeat anchored values (&name) more than "
                    f"{MAX_REPEATS:,} times: an alias bomb? Write the values out instead",
                    self.pos(node))
        else:
            self.seen.add(id(node))
        self.count += 1
        if self.count > MAX_NODES:
            raise FactError(f"the document has more than {MAX_NODES:,} values; split it "
                            "into several files", self.pos(node))
        if depth > MAX_DEPTH:
            raise FactError(f"lists and mappings are nested more than {MAX_DEPTH} deep",
                            self.pos(node))
        self.located.value_pos.setdefault(path, self.pos(node))
        if isinstance(node, yaml.MappingNode):
            if node.tag != _STD + "map":
                raise self._bad_tag(node)
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _STD + "seq":
                raise self._bad_tag(node)
            return [self.build(v, (*path, i), depth + 1) for i, v in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode):
            self.chars += len(node.value)
            if self.chars > MAX_FILE_CHARS:
                raise FactError(
                    f"the values of this file add up to more than {MAX_FILE_CHARS:,} "
                    "characters (counting every value an alias (*name) repeats): an alias "
                    "bomb? Write the values out, or split the file", self.pos(node))
            return self._scalar(node)
        raise FactError("unexpected YAML node", self.pos(node))  # pragma: no cover

    def _bad_tag(self, node: yaml.Node) -> FactError:
        return FactError(
            f"the tag {_short_tag(node.tag)!r} is not allowed: fact files hold only text, "
            "numbers, true/false, lists and mappings (YAML is loaded safely)", self.pos(node))

    def _mapping(self, node: yaml.MappingNode, path: tuple[Any, ...], depth: int
                 ) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for knode, vnode in node.value:
            if knode.tag == _STD + "merge":
                raise FactError("merge keys (<<) are not supported in fact files; write "
                                "the fields out", self.pos(knode))
            if knode.tag not in _PLAIN_TAGS | {_STD + "map", _STD + "seq"}:
                raise self._bad_tag(knode)
            if not isinstance(knode, yaml.ScalarNode):
                raise FactError("a key must be a plain word, not a list or mapping",
                                self.pos(knode))
            self.count += 1
            # The key as written: `yes:` is the field "yes", not true.
            key = str(knode.value)
            if key in out:
                raise FactError(f"{key!r} appears twice in this mapping", self.pos(knode))
            self.located.key_pos[(*path, key)] = self.pos(knode)
            out[key] = self.build(vnode, (*path, key), depth + 1)
        return out

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _PLAIN_TAGS:
            raise self._bad_tag(node)
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            raise FactError(f"cannot read the value {node.value!r} ({exc})",
                            self.pos(node)) from None
        if isinstance(value, _dt.date | _dt.datetime):
            return value.isoformat()
        if isinstance(value, float) and math.isnan(value):
            raise FactError("'.nan' (not a number) is not allowed", self.pos(node))
        return value


# What PyYAML says, and what an editor should read. Matched on the start of the
# parser's problem text; ``True`` in the second slot: point at where the
# construct opened (context mark), not where the parser gave up.
_YAML_HINTS: tuple[tuple[str, str, bool], ...] = (
    ("mapping values are not allowed",
     "a ':' here starts a key where none can be — put a value that contains ': ' in "
     "quotes, or check the indentation of this line", False),
    ("expected <block end>",
     "this line's indentation does not match the lines above it", False),
    ("found undefined alias",
     "an alias (*name) refers to an anchor (&name) that is not defined", False),
    ("but found another document",
     "a fact file holds one YAML document; remove the second '---'", False),
    ("found unexpected end of stream",
     "a quoted value is opened here and never closed", True),
    ("expected ',' or ']'",
     "a list opened with '[' here is never closed with ']'", True),
    ("expected ',' or '}'",
     "a mapping opened with '{' here is never closed with '}'", True),
    ("found character '\\t' that cannot start any token",
     "a tab is used here; YAML needs spaces", False),
    ("found character",
     "a value cannot start with this character; put the value in quotes", False),
    ("could not find expected ':'",
     "this line is not 'key: value' (missing ':'?)", False),
    ("found duplicate anchor", "an anchor (&name) is defined twice", False),
)


def _yaml_error(exc: yaml.MarkedYAMLError, file: str) -> FactError:
    problem = exc.problem or "invalid YAML"
    words, use_context = problem, False
    for start, hint, ctx in _YAML_HINTS:
        if problem.startswith(start):
            words, use_context = f"{hint} [YAML: {problem}]", ctx
            break
    else:
        if exc.context:
            words = f"{problem} ({exc.context})"
    mark = (exc.context_mark if use_context and exc.context_mark else
            exc.problem_mark or exc.context_mark)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return FactError(f"YAML syntax error: {words}", SourcePos(file, line, col))


_CLOADER: Any = getattr(yaml, "CSafeLoader", None)


def _compose(text: str) -> Any:
    """The YAML node tree of ``text``: libyaml's parser when available (about
    10x faster), the pure-Python one for anything it rejects or that the two
    could read differently (characters the Python reader refuses), so errors
    are always worded and placed by the pure-Python loader."""
    if _CLOADER is not None and yaml.reader.Reader.NON_PRINTABLE.search(text) is None:
        try:
            return yaml.compose(text, Loader=_CLOADER)
        except (yaml.YAMLError, RecursionError):
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def parse_yaml(text: str, file: str) -> tuple[Any, Located]:
    """Parse one YAML document safely, keeping positions. Raises FactError."""
    located = Located(file)
    if "\t" in text:
        for lineno, line in enumerate(regex.split(r"\r\n|\r|\n", text), 1):
            indent = line[: len(line) - len(line.lstrip(" \t"))]
            if "\t" in indent:
                raise FactError(
                    "a tab is used for indentation; YAML needs spaces",
                    SourcePos(file, lineno, indent.index("\t") + 1),
                )
    try:
        node = _compose(text)
        if node is None:
            return {}, located
        return _Builder(located).build(node, ()), located
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, file) from None
    except yaml.reader.ReaderError as exc:
        line, col = line_col(text, exc.position)
        what = (f"the character #x{exc.character:04x} is not allowed in YAML"
                if isinstance(exc.character, int) else str(exc.reason))
        raise FactError(f"YAML error: {what}", SourcePos(file, line, col)) from None
    except yaml.YAMLError as exc:
        raise FactError(f"YAML error: {exc}", SourcePos(file, 1, 1)) from None
    except RecursionError:
        raise FactError("lists and mappings are nested too deeply",
                        SourcePos(file, 1, 1)) from None


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


@cache
def common_fields() -> tuple[str, ...]:
    """Fields every fact may have."""
    return tuple(schema()["$defs"]["fact"]["properties"])


@cache
def kind_fields(kind: str) -> tuple[str, ...]:
    """Fields of one kind (besides the common fields)."""
    props = schema()["$defs"].get(f"{kind}-fact", {}).get("properties", {})
    return tuple(props)


def _missing(err: jsonschema.ValidationError) -> str:
    return err.message.split("'")[1] if "'" in err.message else "?"


def _needs(err: jsonschema.ValidationError) -> set[str]:
    """The fields whose absence a ``required``/``anyOf`` error is about."""
    if err.validator == "required":
        return {_missing(err)}
    if err.validator == "anyOf":
        return {r for s in err.validator_value for r in s.get("required", ())}
    return set()


_TYPE_WORDS = {"string": "text", "number": "a number", "integer": "a whole number",
               "array": "a list", "object": "a mapping", "boolean": "true or false",
               "null": "empty"}


def _describe_value(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (YAML reads yes/no/on/off/true/false that way)"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {short!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing (the value is empty)"
    return type(value).__name__


def _describe_path(path: Sequence[Any]) -> str:
    """Name the thing at ``path`` the way an editor would."""
    p = list(path)
    if not p:
        return "the file"
    if p[0] == "facts" and len(p) == 2:
        return "each entry of 'facts'"
    if p[0] == "entities" and len(p) == 2:
        return f"entity {p[1]!r}"
    if len(p) >= 2 and p[-2] == "exceptions" and isinstance(p[-1], int):
        return "each entry of 'exceptions'"
    if isinstance(p[-1], int):
        return f"each entry of {p[-2]!r}" if len(p) >= 2 else "each entry"
    return repr(p[-1])


def _kind_of(path: Sequence[Any], doc: Any) -> str | None:
    if len(path) >= 2 and path[0] == "facts" and isinstance(doc, dict):
        facts = doc.get("facts")
        if isinstance(facts, list) and isinstance(path[1], int) and path[1] < len(facts):
            raw = facts[path[1]]
            if isinstance(raw, dict) and isinstance(raw.get("kind"), str):
                return raw["kind"]
    return None


def _schema_problem(err: jsonschema.ValidationError, doc: Any, located: Located
                    ) -> tuple[str, SourcePos]:
    """An editor's message and a position for one schema error."""
    path = list(err.absolute_path)
    where = _describe_path(path)
    pos = located.at(path)
    v = err.validator
    inst = err.instance
    if v == "type":
        want = err.validator_value
        wants = [want] if isinstance(want, str) else list(want)
        if "string" in wants:
            wants = ["string"]  # a number is accepted as a term, but ask for text
        words = " or ".join(_TYPE_WORDS.get(w, w) for w in wants)
        msg = f"{where} must be {words}, not {_describe_value(inst)}"
        if "string" in wants and isinstance(inst, bool | int | float):
            msg += "; put it in quotes"
        if where == "each entry of 'facts'":
            msg += ": write each fact as '- id: ...' with its fields below it"
        return msg, pos
    if v == "required":
        missing = _missing(err)
        if len(path) == 2 and path[0] == "facts":
            kind = inst.get("kind") if isinstance(inst, dict) else None
            need = list(err.validator_value)
            what = f"a {kind} fact" if isinstance(kind, str) and kind in KINDS else "a fact"
            return (f"missing required field {missing!r}: {what} needs "
                    + ", ".join(repr(n) for n in need)), pos
        if len(path) >= 2 and path[-2] == "exceptions":
            if missing == "reason":
                return ("this exception has no 'reason': say why the article may differ "
                        "from the fact"), pos
            return "this exception has no 'article' (a path glob)", pos
        return f"missing required field {missing!r} in {where}", pos
    if v in ("additionalProperties", "unevaluatedProperties") and isinstance(inst, dict):
        allowed = list(err.schema.get("properties", {}))
        extra = [k for k in inst if k not in allowed]
        key = extra[0] if extra else "?"
        if not path:
            return (f"unknown top-level key {key!r}" + _did_you_mean(key, allowed)
                    + "; a fact file has 'entities' and 'facts'"), located.at([key], key=True)
        owner = ("an entity" if path[0] == "entities" and len(path) == 2 else
                 "an exception" if "exceptions" in path else where)
        guess = _did_you_mean(key, allowed)
        return (f"unknown field {key!r} for {owner}"
                + (guess or "; allowed: " + ", ".join(allowed))), located.at([*path, key],
                                                                             key=True)
    if v == "enum":
        choices = ", ".join(map(str, err.validator_value))
        return (f"{where} is {inst!r}; it must be one of: {choices}"
                + _did_you_mean(str(inst), map(str, err.validator_value))), pos
    if v in ("minItems", "minLength"):
        if v == "minItems":
            return f"{where} must not be an empty list", pos
        return f"{where} must not be empty", pos
    if v == "pattern":
        if path and path[-1] == "id":
            return (f"fact id {inst!r} may only use lower-case letters, digits and "
                    "hyphens, starting with a letter or digit"), pos
        if len(path) >= 2 and path[-2] == "tags":
            return (f"tag {inst!r} must work as a pytest marker: letters, digits and "
                    "underscores, not starting with a digit"), pos
        return f"{where}: {inst!r} is not allowed here", pos
    if v == "propertyNames":
        return (f"entity id {inst!r} may only use lower-case letters, digits and hyphens",
                located.at([*path, inst], key=True))
    if v == "anyOf":
        opts = [sorted(s.get("required", [])) for s in err.validator_value]
        flat = [o[0] for o in opts if len(o) == 1]
        if flat and len(flat) == len(opts):
            kind = _kind_of(path, doc)
            what = f"a {kind} fact" if kind else "this"
            return f"{what} needs at least one of: " + ", ".join(map(repr, flat)), pos
    if v in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        sign = {"minimum": "at least", "exclusiveMinimum": "above",
                "maximum": "at most", "exclusiveMaximum": "below"}[v]
        return f"{where} must be {sign} {err.validator_value}, not {inst!r}", pos
    return f"{where}: {err.message}", pos


def validate_document(doc: Any, located: Located) -> list[FactError]:
    """Every problem of one parsed fact file that the JSON Schema (and the
    "unknown field" rule it implies) can find, as located errors in file order."""
    return sorted(_validate(doc, located).values(), key=_order)


def _validate(doc: Any, located: Located) -> dict[tuple[Any, ...], FactError]:
    """Schema problems by the path of the value they are about."""
    if not isinstance(doc, dict):
        return {(): FactError(
            "a fact file must be a mapping with 'entities' and/or 'facts', not "
            f"{_describe_value(doc)}", located.at(()))}
    found: dict[tuple[Any, ...], FactError] = {}
    meant: dict[int, set[str]] = {}  # fact index -> fields its unknown fields stand for
    # Kinds and fields of facts, with "did you mean": the schema can only say
    # "unevaluated property", and says it about every field of a broken fact.
    facts = doc.get("facts")
    if isinstance(facts, list):
        for i, raw in enumerate(facts):
            if not isinstance(raw, dict):
                continue
            kind = raw.get("kind")
            if isinstance(kind, str) and kind not in KINDS:
                found[("facts", i, "kind")] = FactError(
                    f"unknown kind {kind!r}" + _did_you_mean(kind, KINDS)
                    + "; the kinds are " + ", ".join(KINDS), located.at(("facts", i, "kind")))
                continue
            if kind not in KINDS:
                continue
            allowed = common_fields() + kind_fields(kind)
            for key in raw:
                if key not in allowed:
                    guess = _guess(key, allowed)
                    if guess:
                        meant.setdefault(i, set()).add(guess)
                    found[("facts", i, key, "<key>")] = FactError(
                        f"unknown field {key!r} for a {kind} fact"
                        + (f" (did you mean {guess!r}?)" if guess else
                           f"; a {kind} fact has: " + ", ".join(kind_fields(kind))
                           + " (and the common fields " + ", ".join(common_fields()) + ")"),
                        located.at(("facts", i, key), key=True))
    by_path: dict[tuple[Any, ...], list[jsonschema.ValidationError]] = {}
    for err in _validator().iter_errors(doc):
        if err.validator == "unevaluatedProperties":
            continue  # reported above as unknown fields
        path = tuple(err.absolute_path)
        if len(path) == 2 and path[0] == "facts" and _needs(err) & meant.get(path[1], set()):
            continue  # `speker:` is reported; "missing 'speaker'" would say it twice
        by_path.setdefault(tuple(err.absolute_path), []).append(err)
    for path, errs in by_path.items():
        if path in found:
            continue
        best = jsonschema.exceptions.best_match(errs) or errs[0]
        msg, pos = _schema_problem(best, doc, located)
        found[path] = FactError(msg, pos)
    return found


def _order(err: FactError) -> tuple[int, int]:
    return (err.pos.line, err.pos.column) if err.pos else (0, 0)


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
        return _compile(fact, self.context)


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
            parsed.fact_errors if where == "facts" else parsed.entity_errors)  # type: ignore[assignment]
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


def _compile(fact: Fact, context: CompileContext) -> Checker:
    """Compile one fact; any failure becomes a located FactError."""
    try:
        return compile_fact(fact, context)
    except FactError:
        raise
    except Exception as exc:  # a bug in a kind must not take the run down
        raise FactError(f"internal error while preparing this fact ({type(exc).__name__}: "
                        f"{exc}); please report it", fact.pos) from None


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
    files: dict[str, FactFile] = {}
    errors: dict[str, list[FactError]] = {}  # file-level problems
    # Problems of single facts and entities: (file, label) -> (id, kind, pos, errors)
    item_errors: dict[tuple[str, str], tuple[str, str, SourcePos, list[FactError]]] = {}
    parsed: list[_Parsed] = []
    unread: list[str] = []  # files whose entities could not be read
    for path in discover_fact_files(paths):
        name = (display or {}).get(path, str(path))
        files.setdefault(name, FactFile(name))
        got, errs = _parse(path, name)
        errors.setdefault(name, []).extend(errs)
        if got is not None:
            parsed.append(got)
        else:
            unread.append(name)
    hint = (f" (note: {', '.join(unread)} could not be read)" if unread else "")

    def disable(file: str, label: str, fid: str, kind: str, pos: SourcePos,
                errs: Iterable[FactError]) -> None:
        item_errors.setdefault((file, label), (fid, kind, pos, []))[3].extend(errs)

    # Entities: one namespace across files. A broken definition is left out.
    entities: dict[str, Entity] = {}
    explicit_type: set[str] = set()
    broken_entities: dict[str, SourcePos] = {}
    for p in parsed:
        for eid, raw in (p.doc.get("entities") or {}).items():
            pos = p.located.at(("entities", eid), key=True)
            if eid in p.entity_errors:
                broken_entities.setdefault(eid, pos)
                disable(p.path, f"entity:{eid}", f"entity:{eid}", "entity", pos,
                        p.entity_errors[eid])
                continue
            too_big = term_errors(raw, lambda *path, eid=eid, p=p: p.located.at(
                ("entities", eid, *path)))
            if too_big:
                broken_entities.setdefault(eid, pos)
                disable(p.path, f"entity:{eid}", f"entity:{eid}", "entity", pos, too_big)
                continue
            e = _entity(eid, raw, pos)
            old = entities.get(eid)
            if old is None:
                entities[eid] = e
                if "type" in raw:
                    explicit_type.add(eid)
            elif (old.name, old.aliases, old.type, old.date) != (e.name, e.aliases, e.type,
                                                                 e.date):
                diff = [n for n in ("name", "aliases", "type", "date")
                        if getattr(old, n) != getattr(e, n)]
                errors[p.path].append(FactError(
                    f"entity {eid!r} is also defined at {old.pos}, and the two definitions "
                    f"differ in {', '.join(repr(d) for d in diff)}; define it once, or make "
                    "both the same", e.pos))

    # Facts: build, check, resolve entity references. Every problem is collected,
    # and disables only its fact.
    resolver = _Resolver(entities, explicit_type, hint, broken_entities)
    seen: dict[str, SourcePos] = {}
    built: list[tuple[str, Fact]] = []
    for p in parsed:
        for i, raw in enumerate(p.doc.get("facts") or ()):
            fid, kind = _fact_label(raw, i)
            label = f"facts[{i}]"
            if i in p.fact_errors:
                if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                    seen.setdefault(raw["id"], p.located.at(("facts", i, "id")))
                disable(p.path, label, fid, kind, p.located.at(("facts", i)),
                        p.fact_errors[i])
                continue
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
                disable(p.path, label, fid, kind, fact.pos, fact_errors)
            else:
                built.append((p.path, fact))

    index = EntityIndex(entities)
    context = CompileContext(index, regex_timeout=regex_timeout,
                             facts=tuple(f for _, f in built))
    compiled: dict[str, list[LoadedFact]] = {}
    for fname, fact in built:
        try:
            checker = _compile(fact, context)
        except FactError as exc:
            disable(fname, f"facts[{fact.pos}]", fact.id, fact.kind, fact.pos, [exc])
            continue
        compiled.setdefault(fname, []).append(LoadedFact(fact, checker))
    broken: dict[str, list[BrokenFact]] = {}
    for (fname, _), (fid, kind, pos, errs) in item_errors.items():
        broken.setdefault(fname, []).append(
            BrokenFact(fid, kind, pos, tuple(_problems(errs, fname))))
    for fname, ff in files.items():
        mine = sorted(broken.get(fname, []), key=lambda b: (b.pos.line, b.pos.column))
        if errors[fname]:  # a file-level problem stops the whole file
            ff.problems = _problems(
                [*errors[fname], *(FactError(q.message, SourcePos(q.file, q.line, q.column))
                                  for b in mine for q in b.problems)], fname)
        else:
            ff.facts = compiled.get(fname, [])
            ff.broken = mine
    return Catalog(files, index, CompileInputs(entities, context.facts, regex_timeout))
