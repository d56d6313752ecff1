"""YAML with positions: fact files read safely, every value keeping its line and column.

YAML is only ever loaded safely: nodes are composed by PyYAML's ``SafeLoader``
and turned into plain values here (text, numbers, true/false, lists, mappings;
any other tag, ``!!python/...`` included, is refused), keeping each value's
line and column so every error names the file, line and column. Values are
reached again through aliases at most :data:`MAX_REPEATS` times in a file, and
the characters of every value reached are counted, which stops alias bombs
("billion laughs") before they cost time or memory.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Sequence
from typing import Any

import regex
import yaml

from .errors import FactError
from .limits import MAX_FILE_CHARS
from .model import SourcePos
from .text.lines import line_col

__all__ = ["Located", "parse_yaml"]

MAX_NODES = 1_000_000        # values built from one file
MAX_REPEATS = 10_000         # values reached again through aliases: stops alias bombs
MAX_DEPTH = 64               # nesting of lists and mappings

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
