"""The fact-file schema, and what its errors say to an editor.

Structure and types are checked against the JSON Schema shipped in
``schema/factfile.schema.json`` (the same file editors point their editor at).
Each schema error becomes one located message in an editor's words, with "did
you mean" for misspelled kinds and fields.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from . import kinds
from .errors import FactError
from .errors import did_you_mean as _did_you_mean
from .errors import guess as _guess
from .factyaml import Located
from .model import SourcePos

__all__ = ["common_fields", "kind_fields", "schema", "validate_document"]

KINDS = kinds.names()

# ---------------------------------------------------------------------------
# Schema validation
# ---------------------------------------------------------------------------
@cache
def schema() -> dict[str, Any]:
    """The JSON Schema for fact files that ships with the package."""
    data = resources.files("pytest_factcheck").joinpath("schema/factfile.schema.json")
    loaded: dict[str, Any] = json.loads(data.read_text(encoding="utf-8"))
    return loaded


@cache
def _validator() -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(schema())
    validator: jsonschema.protocols.Validator = cls(schema())
    return validator


@cache
def common_fields() -> tuple[str, ...]:
    """Fields every fact may have."""
    return tuple(schema()["$defs"]["fact"]["properties"])


@cache
def kind_fields(kind: str) -> tuple[str, ...]:
    """Fields of one kind (besides the common fields)."""
    props = schema()["$defs"].get(f"{kind}-fact", {}).get("properties", {})
    return tuple(props)


def _value(err: jsonschema.ValidationError) -> Any:
    """The schema value an error is about (``required``'s list, ``enum``'s choices)."""
    return err.validator_value


def _schema_of(err: jsonschema.ValidationError) -> Mapping[str, Any]:
    """The schema part an error was raised by (a mapping for every keyword we read)."""
    return err.schema if isinstance(err.schema, Mapping) else {}


def _missing(err: jsonschema.ValidationError) -> str:
    return err.message.split("'")[1] if "'" in err.message else "?"


def _needs(err: jsonschema.ValidationError) -> set[str]:
    """The fields whose absence a ``required``/``anyOf`` error is about."""
    if err.validator == "required":
        return {_missing(err)}
    if err.validator == "anyOf":
        return {r for s in _value(err) for r in s.get("required", ())}
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
        want = _value(err)
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
            need = list(_value(err))
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
        allowed = list(_schema_of(err).get("properties", {}))
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
        choices = ", ".join(map(str, _value(err)))
        return (f"{where} is {inst!r}; it must be one of: {choices}"
                + _did_you_mean(str(inst), map(str, _value(err)))), pos
    if v in ("minItems", "minLength"):
        if v == "minItems":
            return f"{where} must not be an empty list", pos
        return f"{where} must not be empty", pos
    if v == "pattern":
        if path and path[-1] == "id":
            return (f"fact id {inst!r} may only use lower-case letters, digits and "
                    "hyphens, starting with a letter or digit"), pos
        if path and path[-1] in ("from", "until"):
            return (f"{path[-1]!r} must be a date written YYYY-MM-DD (such as 2017-04-05), "
                    f"not {inst!r}"), pos
        if len(path) >= 2 and path[-2] == "tags":
            return (f"tag {inst!r} must work as a pytest marker: letters, digits and "
                    "underscores, not starting with a digit"), pos
        return f"{where}: {inst!r} is not allowed here", pos
    if v == "propertyNames":
        return (f"entity id {inst!r} may only use lower-case letters, digits and hyphens",
                located.at([*path, inst], key=True))
    if v == "anyOf":
        opts = [sorted(s.get("required", [])) for s in _value(err)]
        flat = [o[0] for o in opts if len(o) == 1]
        if flat and len(flat) == len(opts):
            kind = _kind_of(path, doc)
            what = f"a {kind} fact" if kind else "this"
            return f"{what} needs at least one of: " + ", ".join(map(repr, flat)), pos
    if v in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        sign = {"minimum": "at least", "exclusiveMinimum": "above",
                "maximum": "at most", "exclusiveMaximum": "below"}[v]
        return f"{where} must be {sign} {_value(err)}, not {inst!r}", pos
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
        if len(path) == 2 and path[0] == "facts" and _needs(err) & meant.get(int(path[1]), set()):
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
