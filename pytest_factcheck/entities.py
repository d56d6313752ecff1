"""Entities and where articles mention them.

A person matches its name, its aliases, the last word of its name, and that
word or the full name after an honorific (Mr, Mrs, Ms, Dr, Sir, Dame, Lord).
Other entities match their name and aliases only. A last word shared by two
people is kept only where it is an explicit alias.

One deliberate tightening of the documented matching (docs/fact-files.md): a
*bare* last word (``Putin``, not
``Mr Putin``) must start with a capital letter in the article, because matching
is otherwise case-blind and surnames are often common words (``Rose``, ``May``,
``Said``): ``prices rose`` is not a mention of Mark Rose.

A second one, for people who share a surname with someone the facts do not
know (a brother, a wife, a namesake): a bare last word right after a given name
that is not the entity's (``Jo Johnson`` when the entity is Boris Johnson,
``Philip May`` for Theresa May) names *someone else*. It is still reported as a
mention -- so that nobody's title or pronoun slides onto the wrong person --
but with no entity. Titles, honorifics, initials of the entity's given name,
function words (``Yesterday Johnson said``) and near spellings of the given
name (``Sergey`` for ``Sergei``) keep the mention.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher

import ahocorasick
import regex

from .article import PreparedArticle
from .model import Entity
from .text.dates import MONTH_NAMES
from .text.normalize import normalize_phrase

__all__ = ["HONORIFICS", "EntityIndex", "Mention"]

HONORIFICS = ("Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord")


# Capitalized words that may stand right before a bare surname without being a
# given name: honorifics, titles and ranks, and words that open sentences.
NOT_GIVEN_NAMES = frozenset("""
    mr mrs ms miss dr sir dame lord lady prof professor rev reverend president presidents
    premier prime minister ministers secretary secretaries chancellor senator sen rep
    representative congressman congresswoman governor gov mayor judge justice ambassador
    commissioner chairman chairwoman chair chief director inspector detective det supt
    superintendent officer constable sergeant sgt corporal private trooper captain capt
    colonel col lieutenant lt major maj general gen admiral adm commander cmdr marshal
    brigadier king queen prince princess pope bishop archbishop cardinal father sister
    brother rabbi imam sheikh emir sultan crown duke duchess earl baron baroness viscount
    count countess speaker leader councillor cllr deputy vice envoy coach manager boss
    striker midfielder defender goalkeeper keeper winger forward captain skipper umpire
    referee spokesman spokeswoman spokesperson dean provost principal headteacher agent
    doctor nurse candidate nominee challenger incumbent veteran rookie star legend
    author novelist actor actress singer rapper presenter host anchor chef pastor elder
    former ex then acting interim new outgoing incoming late young old
    the a an and or but nor so yet for if as at by in on of to up from with into onto
    over under after before since until when while where whereas though although because
    unlike like despite without within during against between among about across
    yesterday today tonight tomorrow now then meanwhile however instead also still even
    only just later earlier last next first finally both neither either all every each
    some many most few several no not this that these those there here it its his her
    their our my your we they he she i you who whom whose which what why how
    said says asked told added meanwhile indeed perhaps nonetheless nevertheless moreover
    furthermore separately elsewhere overall ultimately eventually initially afterwards
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    mp mps mep meps qc kc
    """.split())


_HONORIFIC_WORDS = frozenset(h.casefold() for h in HONORIFICS)
_CAP = r"\p{Lu}[\p{L}\p{M}'\-]*\.?"
_NAME_AFTER = regex.compile(rf"(?:\s*,\s*|\s)(?P<name>{_CAP}(?:\s{_CAP}){{0,3}})"
                            r"(?=\s*(?:[,.;:)]|$|\s-\s)|\s+\p{Ll})")
_NAME_BEFORE = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?P<name>{_CAP}(?:\s{_CAP}){{0,3}})\s*,\s*$")


_MONTHS = frozenset(MONTH_NAMES)
_MONTH_LEADS = frozenset("""in since until till by early late mid last next this during
    throughout from through""".split())


def _month_context(text: str, start: int, end: int) -> bool:
    """Is the capitalized month-like surname at ``start:end`` the month?"""
    if regex.match(r"\s+(?:\d|of\s+\d)", text[end:end + 10]):
        return True  # "May 3", "May 2019"
    if regex.search(r"\d(?:st|nd|rd|th)?\s+(?:of\s+)?$", text[max(0, start - 10):start]):
        return True  # "3 May", "3rd of May"
    if text[max(0, start - 4):start].casefold() == "mid-":
        return True
    before = _words_before(text, start, 1)
    return bool(before) and before[0].casefold() in _MONTH_LEADS


def _words_before(text: str, start: int, limit: int = 3) -> list[str]:
    """Up to ``limit`` words joined to ``start`` by single spaces, nearest first
    (punctuation other than an initial's dot, an apostrophe or a hyphen stops)."""
    out: list[str] = []
    pos = start
    while len(out) < limit and pos >= 2 and text[pos - 1] == " ":
        end = pos - 1
        k = end
        while k > 0 and (text[k - 1].isalnum() or _is_mark(text[k - 1]) or text[k - 1] in "'-."):
            k -= 1
        word = text[k:end]
        if not word[:1].isalpha():
            break
        out.append(word)
        pos = k
    return out


def _near_spelling(a: str, b: str) -> bool:
    """``Sergey``/``Sergei``, ``Mohamed``/``Mohammed``: one given name spelled two ways."""
    return a == b or (min(len(a), len(b)) >= 4 and SequenceMatcher(None, a, b).ratio() >= 0.8)


@dataclass(frozen=True, slots=True)
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
    return _compiled_boundary(tuple(sorted({f for f in forms if f}, key=lambda f: (-len(f), f))))


@functools.lru_cache(maxsize=4096)
def _compiled_boundary(alts: tuple[str, ...]) -> regex.Pattern[str] | None:
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
        # Given names (every word of the name and aliases but the last) of each
        # person, to tell "Jo Johnson" from Boris Johnson.
        self._given: dict[str, frozenset[str]] = {}
        for e in self.entities.values():
            if e.is_person:
                given: set[str] = set()
                for n in (e.name, *e.aliases):
                    given.update(w.rstrip(".") for w in normalize_phrase(n).casefold().split()[:-1])
                self._given[e.id] = frozenset(given - {""})
        # Descriptive aliases ("the prime minister", "the Russian leader"): they
        # do not contain the person's last name, and the same words describe
        # other people in other years.
        self._descriptive: set[tuple[str, str]] = set()
        for e in self.entities.values():
            if not e.is_person:
                continue
            last = normalize_phrase(e.name).casefold().split()[-1:]
            for a in e.aliases:
                key = normalize_phrase(a).casefold()
                if last and last[0] not in key.split():
                    self._descriptive.add((key, e.id))
        by_entity: dict[str, list[str]] = {}
        for key, form in table.items():
            for eid in form.entities:
                by_entity.setdefault(eid, []).append(key)
        self._forms_of = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_entity.items()}
        # The regex over every form is built only when needed (see _pattern).
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

    @functools.cached_property
    def _pattern(self) -> regex.Pattern[str] | None:
        """Every form, whole words: the mention finder for texts whose
        lower-casing changes their length (costly to compile; built on first use)."""
        return _boundary_pattern(self._table)

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
        low = text.lower()  # read once per article and entity table: not kept
        if self._automaton is not None and len(low) == len(text):
            spans = self._automaton_spans(low)
        elif self._pattern is not None:
            spans = [(m.start(), m.end(), m.group().casefold())
                     for m in self._pattern.finditer(text)]
        else:
            spans = []
        found: list[Mention] = []
        for start, end, form_key in spans:
            form = self._table.get(form_key)
            if form is None:
                continue
            if form.needs_capital and not text[start].isupper():
                continue
            entities = form.entities
            if form.needs_capital and form_key in _MONTHS and _month_context(text, start, end):
                entities = frozenset()  # "in May", "May 2019": the month, not Theresa May
            if form.needs_capital:
                entities = frozenset(e for e in entities
                                     if not self._other_given_name(text, start, e))
            if any((form_key, e) in self._descriptive for e in entities):
                entities = frozenset(e for e in entities
                                     if (form_key, e) not in self._descriptive
                                     or not self._describes_other(text, start, end, e))
            found.append(Mention(start, end, entities, text[start:end]))
        result = tuple(found)
        article.cache[key] = result
        return result

    def _describes_other(self, text: str, start: int, end: int, eid: str) -> bool:
        """Is the descriptive alias at ``start:end`` in apposition with the name of
        someone else (``the prime minister, Theresa May,``; ``Rishi Sunak, the
        prime minister``; ``the prime minister Rishi Sunak``)?"""
        after = _NAME_AFTER.match(text, end)
        if after is not None and self._other_name(after.group("name"), eid):
            return True
        before = _NAME_BEFORE.search(text, max(0, start - 80), start)
        return before is not None and self._other_name(before.group("name"), eid)

    def _other_name(self, name: str, eid: str) -> bool:
        """Does ``name`` (capitalized words) look like a person other than ``eid``?"""
        words = [w.rstrip(".") for w in name.split()]
        low = [w.casefold() for w in words]
        entity = self.entities.get(eid)
        own = set(self._given.get(eid, frozenset()))
        if entity is not None:
            own.update(normalize_phrase(entity.name).casefold().split())
        if any(w in own for w in low):
            return False  # "the prime minister, Mr White,"
        while low and low[0] in _HONORIFIC_WORDS:
            low = low[1:]
            if low:
                return True  # "the prime minister, Mr Sunak,"
        if not low or low[0] in NOT_GIVEN_NAMES:
            return False
        key = " ".join(low)
        form = self._table.get(key)
        if form is not None and eid not in form.entities:
            return True  # another known person
        return len(low) >= 2  # "Rishi Sunak"

    def _other_given_name(self, text: str, start: int, eid: str) -> bool:
        """Does a given name that is not ``eid``'s stand right before the bare
        surname at ``start`` (``Jo Johnson``, ``Philip May``, ``W. Rose``)?"""
        before = _words_before(text, start)
        if not before:
            return False
        near = before[0]
        core = near.rstrip(".")
        if not core[:1].isupper() or core.endswith("'") or core.casefold().endswith("'s"):
            return False  # "Britain's Johnson"
        if len(core) > 1 and core.isupper():
            return False  # "MP Johnson", "US Johnson"
        if any(part in NOT_GIVEN_NAMES for part in core.casefold().split("-")):
            return False  # "Prime Minister Johnson", "Yesterday Johnson said"
        given = self._given.get(eid, frozenset())
        for word in before:
            w = word.rstrip(".").casefold()
            if not word[:1].isupper():
                break
            if any(_near_spelling(w, g) for g in given):
                return False  # "Boris Johnson", "Rex W. Tillerson", "Sergey Lavrov"
        if len(core) == 1:
            # An initial: the entity's own ("B. Johnson") or another person's.
            return bool(given) and core.casefold() not in {g[:1] for g in given}
        return True

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
