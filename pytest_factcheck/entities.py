"""Entities and where articles mention them.

A person matches its name, its aliases, the last word of its name, and that
word or the full name after an honorific (Mr, Mrs, Ms, Dr, Sir, Dame, Lord).
Other entities match their name and aliases only. A last word shared by two
people is kept only where it is an explicit alias.

One deliberate tightening of the SPEC: a *bare* last word (``Putin``, not
``Mr Putin``) must start with a capital letter in the article, because matching
is otherwise case-blind and surnames are often common words (``Rose``, ``May``,
``Said``): ``prices rose`` is not a mention of Mark Rose.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import ahocorasick
import regex

from .article import PreparedArticle
from .model import Entity
from .text.normalize import normalize_phrase

__all__ = ["HONORIFICS", "EntityIndex", "Mention"]

HONORIFICS = ("Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord")


@dataclass(frozen=True)
class Mention:
    """A place where an article names one (or, if ambiguous, several) entities."""

    start: int
    end: int
    entities: frozenset[str]
    text: str

    @property
    def entity(self) -> str | None:
        """The entity named, or None when the form is shared by several."""
        return next(iter(self.entities)) if len(self.entities) == 1 else None


@dataclass(frozen=True)
class _Form:
    entities: frozenset[str]
    needs_capital: bool


def _boundary_pattern(forms: Iterable[str]) -> regex.Pattern[str] | None:
    alts = sorted({f for f in forms if f}, key=lambda f: (-len(f), f))
    if not alts:
        return None
    body = "|".join(regex.escape(f) for f in alts)
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE
    )


def _is_mark(ch: str) -> bool:
    return not ch.isascii() and unicodedata.category(ch).startswith("M")


class EntityIndex:
    """All entities of a run, the forms that name them, and a mention finder."""

    def __init__(self, entities: Mapping[str, Entity]) -> None:
        self.entities: dict[str, Entity] = dict(entities)
        forms: dict[str, set[str]] = {}
        bare: dict[str, set[str]] = {}
        explicit: set[tuple[str, str]] = set()
        self._forms_of: dict[str, tuple[str, ...]] = {}

        def add(form: str, eid: str, table: dict[str, set[str]]) -> None:
            key = normalize_phrase(form).casefold()
            if key:
                table.setdefault(key, set()).add(eid)

        for e in self.entities.values():
            add(e.name, e.id, forms)
            for a in e.aliases:
                add(a, e.id, forms)
                explicit.add((normalize_phrase(a).casefold(), e.id))
            if e.is_person:
                parts = e.name.split()
                for h in HONORIFICS:
                    add(f"{h} {e.name}", e.id, forms)
                    add(f"{h}. {e.name}", e.id, forms)
                if len(parts) > 1:
                    add(parts[-1], e.id, bare)
                    for h in HONORIFICS:
                        add(f"{h} {parts[-1]}", e.id, bare)
                        add(f"{h}. {parts[-1]}", e.id, bare)
        table: dict[str, _Form] = {}
        for key, ids in forms.items():
            table[key] = _Form(frozenset(ids), False)
        for key, ids in bare.items():
            if key in table:
                continue
            if len(ids) > 1:
                # Shared last word: only explicit aliases keep it.
                ids = {i for i in ids if (key, i) in explicit}
                if not ids:
                    continue
            capital = " " not in key  # a bare last word
            table[key] = _Form(frozenset(ids), capital)
        self._table = table
        by_entity: dict[str, list[str]] = {}
        for key, form in table.items():
            for eid in form.entities:
                by_entity.setdefault(eid, []).append(key)
        self._forms_of = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_entity.items()}
        self._pattern = _boundary_pattern(table)
        # Mentions are found with an Aho-Corasick automaton over the lower-cased
        # text: linear in the text whatever the number of forms. Keys are
        # lower-cased (length-preserving for almost all text); the regex above
        # is the fallback when lower-casing changes a text's length.
        self._lower_table: dict[str, str] = {}
        for key in table:
            self._lower_table.setdefault(key.lower(), key)
        self._automaton: ahocorasick.Automaton | None = None
        if self._lower_table:
            automaton = ahocorasick.Automaton()
            for low in self._lower_table:
                automaton.add_word(low, low)
            automaton.make_automaton()
            self._automaton = automaton

    # -- lookups ------------------------------------------------------------
    def get(self, eid: str) -> Entity | None:
        return self.entities.get(eid)

    def forms(self, eid: str) -> tuple[str, ...]:
        """Casefolded normalized forms that name entity ``eid``."""
        return self._forms_of.get(eid, ())

    def is_person(self, eid: str) -> bool:
        e = self.entities.get(eid)
        return e is not None and e.is_person

    def pattern_for(self, eids: Iterable[str]) -> regex.Pattern[str] | None:
        """A pattern matching any form of the given entities (whole words)."""
        forms: list[str] = []
        for eid in eids:
            forms.extend(self.forms(eid))
        return _boundary_pattern(forms)

    # -- mentions -----------------------------------------------------------
    def mentions(self, article: PreparedArticle) -> tuple[Mention, ...]:
        """Every mention of a known entity in the article (cached per article)."""
        key = ("mentions", id(self))
        cached = article.cache.get(key)
        if cached is not None:
            return cached
        text = article.folded
        low = article.cache.get("lower")
        if low is None:
            low = article.cache["lower"] = text.lower()
        if self._automaton is not None and len(low) == len(text):
            spans = self._automaton_spans(low)
        elif self._pattern is not None:
            spans = [(m.start(), m.end(), m.group().casefold())
                     for m in self._pattern.finditer(text)]
        else:
            spans = []
        found: list[Mention] = []
        for start, end, key in spans:
            form = self._table.get(key)
            if form is None:
                continue
            if form.needs_capital and not text[start].isupper():
                continue
            found.append(Mention(start, end, form.entities, text[start:end]))
        result = tuple(found)
        article.cache[key] = result
        return result

    def _automaton_spans(self, low: str) -> list[tuple[int, int, str]]:
        """Leftmost-longest whole-word matches of the forms in lower-cased text."""
        assert self._automaton is not None
        hits = []
        n = len(low)
        for last, form in self._automaton.iter(low):
            start = last - len(form) + 1
            end = last + 1
            if start > 0 and (low[start - 1].isalnum() or _is_mark(low[start - 1])):
                continue
            if end < n and (low[end].isalnum() or _is_mark(low[end])):
                continue
            hits.append((start, end, form))
        hits.sort(key=lambda h: (h[0], -h[1]))
        out: list[tuple[int, int, str]] = []
        pos = 0
        for start, end, form in hits:
            if start >= pos:
                out.append((start, end, self._lower_table[form]))
                pos = end
        return out

    def mentions_of(self, article: PreparedArticle, eid: str) -> tuple[Mention, ...]:
        return tuple(m for m in self.mentions(article) if eid in m.entities)
