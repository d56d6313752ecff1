"""Load-time limits on hostile fact files (issue #12).

A fact file is input from many hands; a value that would crash the matcher
(a 0.6 MB term), hang it, or match everywhere (a term that normalises to
nothing) is refused at load time with a located error, at the level of the
fact or entity that holds it (the other facts still run).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .errors import FactError
from .model import SourcePos
from .text.normalize import normalize_phrase

__all__ = ["MAX_FILE_CHARS", "MAX_PATTERN", "MAX_TERM", "MAX_TEXT", "term_errors"]

MAX_TERM = 1_000           # a name, alias, cue, avoided spelling, role, ...
MAX_PATTERN = 10_000       # a regular expression's source (forbid, require, when)
MAX_TEXT = 100_000         # prose: a quote's text and variants, a claim, a reason
MAX_FILE_CHARS = 5_000_000  # characters of every scalar reached, aliases expanded

PATTERN_FIELDS = frozenset({"forbid", "require", "when"})
TEXT_FIELDS = frozenset({"text", "variants", "claim", "reason"})
# Fields whose entries are matched as words: an entry that normalises to
# nothing would match everywhere.
TERM_FIELDS = frozenset({"name", "aliases", "cues", "about", "avoid", "preferred", "roles",
                         "former", "entity", "speaker", "event", "present", "absent",
                         "unless"})

At = Callable[..., SourcePos]


def _limit(field: str) -> tuple[int, str]:
    if field in PATTERN_FIELDS:
        return MAX_PATTERN, "a pattern"
    if field in TEXT_FIELDS:
        return MAX_TEXT, "a text"
    return MAX_TERM, "a term"


def _strings(value: Any, path: tuple[Any, ...]) -> Iterable[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for k, v in value.items():
            yield from _strings(v, (*path, k))
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            yield from _strings(v, (*path, i))


def term_errors(fields: Mapping[str, Any], at: At, *, regex_fields: Iterable[str] = ()
                ) -> list[FactError]:
    """Every over-long value and every term that normalises to nothing in ``fields``.

    ``at(*path)`` locates a value; ``regex_fields`` are also read as patterns
    (a pattern fact's ``unless``), so not checked as words.
    """
    regexes = PATTERN_FIELDS | set(regex_fields)
    out: list[FactError] = []
    for field, value in fields.items():
        limit, what = (MAX_PATTERN, "a pattern") if field in regexes else _limit(str(field))
        for path, s in _strings(value, (field,)):
            if len(s) > limit:
                out.append(FactError(
                    f"{field!r} holds a value of {len(s):,} characters, longer than {what} "
                    f"may be ({limit:,}); shorten it", at(*path)))
            elif (field in TERM_FIELDS and field not in regexes and s.strip()
                  and not normalize_phrase(s).strip()):
                out.append(FactError(
                    f"{field!r} holds {s!r}, which normalises to nothing (only invisible "
                    "or ignorable characters): it would match everywhere; remove it",
                    at(*path)))
    return out
