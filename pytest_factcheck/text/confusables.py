"""Look-alike letters from another script inside a Latin word (UTS #39).

``Sеrgey`` with a Cyrillic ``е`` reads as ``Sergey`` but matches nothing. A
*mixed-script word* (Latin letters together with letters of another script) is
mapped to its skeleton: every foreign letter that Unicode's confusables data
(``confusables.txt``, shipped by the ``confusable-homoglyphs`` package) lists as
looking like one Latin letter becomes that letter. Each mapping is one
character to one character, so the skeleton text has the offsets of the text.
Latin letters, accents included, are never mapped (``Sergéi`` stays itself),
and a word written wholly in one script (a Cyrillic word) is left alone.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import regex

__all__ = ["Foreign", "foreign_letters", "skeleton", "skeleton_text"]

# A word holding a Latin letter and a letter of another script (marks allowed).
_MIXED = regex.compile(
    r"(?<![\p{L}\p{M}])(?=[\p{L}\p{M}]*\p{Latin})(?=[\p{L}\p{M}]*[^\P{L}\p{Latin}])"
    r"[\p{L}\p{M}]+"
)
_NON_LATIN_LETTER = regex.compile(r"[^\P{L}\p{Latin}]")


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    data = json.loads(files("confusable_homoglyphs").joinpath("confusables.json")
                      .read_text(encoding="utf-8"))
    table: dict[int, str] = {}
    for ch, glyphs in data.items():
        if len(ch) != 1 or not _NON_LATIN_LETTER.fullmatch(ch):
            continue
        for g in glyphs:
            c = g["c"]
            if len(c) == 1 and c.isascii() and c.isalpha():
                table[ord(ch)] = c
                break
    return table


@lru_cache(maxsize=16)
def skeleton_text(text: str) -> str | None:
    """``text`` with the look-alikes of its mixed-script words made Latin, or
    ``None`` when nothing changes (always so for ASCII text)."""
    return skeleton(text)


def skeleton(text: str) -> str | None:
    """:func:`skeleton_text` without the cache (for text seen once)."""
    if text.isascii():
        return None
    changed = False

    def repl(m: regex.Match[str]) -> str:
        nonlocal changed
        word = m.group()
        out = word.translate(_table())
        if out != word:
            changed = True
        return out

    out = _MIXED.sub(repl, text)
    return out if changed else None


@dataclass(frozen=True)
class Foreign:
    char: str
    script: str

    def describe(self) -> str:
        return f"a {self.script} {self.char} (U+{ord(self.char):04X})"


def foreign_letters(original: str, skeleton: str) -> tuple[Foreign, ...]:
    """The look-alike letters of ``original`` that its skeleton replaced."""
    seen: dict[str, Foreign] = {}
    for a, b in zip(original, skeleton, strict=True):
        if a != b and a not in seen:
            name = unicodedata.name(a, "")
            script = name.split(" ")[0].capitalize() if name else "foreign"
            seen[a] = Foreign(a, script)
    return tuple(seen.values())
