"""The facts already written (``factcheck suggest --facts PATH``): what they cover.

A candidate they cover is not suggested again, and a disagreement they
settle is marked with the fact's id:

* a **spelling** disagreement is settled by a spelling fact whose preferred
  or avoided forms include one of its variants;
* a **quantity** one by a quantity fact sharing a cue and an ``about`` term
  (or with no ``about``);
* a **quote** one by a quote fact sharing an anchor (five words) with it;
* a **role** one by a role fact of the person.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..catalog import Catalog
from ..kinds.quote import DEFAULT_MIN_WORDS
from ..model import Fact
from ..text.normalize import normalize_phrase
from ..text.quotes import quote_words
from .disagreements import Disagreement

__all__ = ["Written", "settle"]


def _key(text: str) -> str:
    return " ".join(normalize_phrase(str(text)).casefold().split())


def _runs(words: Sequence[str], n: int = DEFAULT_MIN_WORDS) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


@dataclass(frozen=True)
class Written:
    """The facts of a catalog, read for what they cover (empty: nothing written)."""

    facts: tuple[Fact, ...] = ()
    entity_forms: dict[str, str] = field(default_factory=dict)  # form key -> entity id

    @classmethod
    def of(cls, catalog: Catalog) -> Written:
        forms: dict[str, str] = {}
        for e in catalog.entities.entities.values():
            for f in (e.name, *e.aliases):
                forms.setdefault(_key(f), e.id)
        return cls(tuple(lf.fact for lf in catalog.facts), forms)

    @property
    def fact_ids(self) -> set[str]:
        return {f.id for f in self.facts}

    def _of(self, kind: str) -> list[Fact]:
        return [f for f in self.facts if f.kind == kind]

    def entity_for(self, name: str, forms: Iterable[str]) -> str:
        for f in (name, *forms):
            got = self.entity_forms.get(_key(f))
            if got:
                return got
        return ""

    def spelling_for(self, values: Iterable[str]) -> str:
        keys = {_key(v) for v in values}
        for f in self._of("spelling"):
            forms = {_key(f.fields.get("preferred", ""))}
            forms |= {_key(a) for a in f.fields.get("avoid", ())}
            if forms & keys:
                return f.id
        return ""

    def count_for(self, cues: Iterable[str], about: Iterable[str]) -> str:
        cue_keys, about_keys = {_key(c) for c in cues}, {_key(a) for a in about}
        for f in self._of("quantity"):
            fc = {_key(c) for c in f.fields.get("cues", ())}
            fa = {_key(a) for a in f.fields.get("about", ())}
            if fc & cue_keys and (not fa or fa & about_keys
                                  or any(a in b or b in a for a in fa for b in about_keys)):
                return f.id
        return ""

    def covers_count(self, cues: Iterable[str], about: Iterable[str]) -> bool:
        return bool(self.count_for(cues, about))

    def quote_for(self, words: Sequence[str]) -> str:
        runs = _runs(words)
        for f in self._of("quote"):
            for t in (f.fields.get("text", ""), *f.fields.get("variants", ())):
                if runs & _runs([w.text for w in quote_words(normalize_phrase(str(t)))]):
                    return f.id
        return ""

    def covers_quote(self, words: Sequence[str]) -> bool:
        return bool(self.quote_for(words))

    def role_for(self, entity: str) -> str:
        return next((f.id for f in self._of("role") if f.fields.get("entity") == entity), "")

    def covers_role(self, entity: str) -> bool:
        return bool(self.role_for(entity))


def settle(dis: Disagreement, written: Written) -> str:
    """The id of the written fact that settles ``dis`` ("" when none does)."""
    if dis.kind == "spelling":
        return written.spelling_for(v.value for v in dis.variants)
    if dis.kind == "quantity":
        return written.count_for(dis.cues, dis.about)
    if dis.kind == "quote":
        return written.quote_for(dis.words)
    if dis.kind == "role":
        entity = written.entity_for(dis.subject, dis.forms)
        return written.role_for(entity) if entity else ""
    return ""
