"""``role``: titles attached to people.

The *known titles* are all titles of all role facts of the run (``roles`` and
``former`` alike). A known title is **attached** to the fact's entity when it
stands right before one of the entity's names (``Italian Foreign Minister
Angelino Alfano``; a first name, initial or editorial bracket may come between:
``(Russian foreign minister Sergey) Lavrov``), or as an appositive right after
it (``Angelino Alfano, the Italian foreign minister,`` -- introduced by nothing,
``the``/``a``/``an`` or a possessive, and ending at a comma, full stop, dash,
``who`` or the end of the sentence). A title followed directly by a name
belongs to that name, never to the name before it. The longest known title at
a place counts.

Verdicts (decisions the fact-file docs leave open are marked *):

* A present-tense title is consistent when it is one of ``roles`` -- or, *, a
  shorter form of one (``Foreign Minister`` for ``Italian Foreign Minister``:
  naming less is not wrong). Otherwise it is a ``wrong-role`` contradiction;
  a title found only in ``former`` is reported as a past title used as a
  present one.
* A title after ``former``/``ex-``/``one-time``/``erstwhile`` is checked against
  ``former`` only (a shorter form counts too). *A current role called former
  (in ``roles``, not in ``former``) is wrong-role: it says the person no longer
  holds it. *After ``then``/``then-`` (a historical title) ``roles`` and
  ``former`` are both accepted.
* *Not judged (at most a note): a title with a qualifier the run does not know
  (``Deputy Foreign Minister``, ``German Foreign Minister`` when only
  ``Foreign Minister`` is known, ``future``, ``acting``); a title that goes on
  (``the foreign minister of Italy``, ``Secretary of State-designate``); a title
  before a comma and the name (``Italy's foreign minister, Angelino Alfano,``:
  consistent if right, otherwise a note, since a list reads the same); a title
  and name that together form one of the entity's declared aliases
  (``President Putin``) is never a contradiction; a ``former`` title used as a
  present one in a sentence that states a year before the article's (``In 2018
  Foreign Secretary Ann Lee ...``) is a note.
* *A title that ends its line after ``Name:``/``Name,`` (a list or table of
  ``Name: Title`` lines) is not attached to the name on the next line.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, Literal

import regex

from ..article import PreparedArticle, Sentence
from ..entities import EntityIndex, Mention
from ..errors import FactError
from ..model import Evidence, Fact
from ..text.dates import MONTH_NAMES, WEEKDAYS, Day, parse_day
from ..text.normalize import normalize_phrase
from ..text.phrases import (
    is_capitalized,
    is_possessive,
    nationality_like,
    phrase_pattern,
    tokens,
    wordset,
)
from .base import CompileContext, Kind, Locate, Needs, decoder, empty_entries, entity_in, listing
from .dated import Span, Version, span_problems

Tense = Literal["present", "former", "then"]

_FORMER = regex.compile(
    r"(?<![\p{L}\p{N}])(?P<w>former|ex|one-time|onetime|erstwhile|then|outgoing|departing|"
    r"retiring|previous|late)\s*-?\s*$",
    regex.IGNORECASE,
)
_STRICT_FORMER = frozenset(("former", "ex", "one-time", "onetime", "erstwhile"))
# "Former foreign secretary and Mayor of London Boris Johnson": "former" may
# reach over the coordination to the second title, or not; both are read.
_SHARED_FORMER = regex.compile(
    r"(?<![\p{L}\p{N}])(?:former|ex|one-time|onetime|erstwhile)\s*-?\s*[\p{L}\p{N}' .-]{1,60}?"
    r"\s(?:and|&)\s+$", regex.IGNORECASE)
QUALIFIERS = wordset("""
    deputy vice shadow junior assistant under associate acting interim future incoming
    prospective would-be designate aspiring potential putative self-styled alleged fake
    honorary parliamentary permanent principal senior chief lead co first second third
    fellow previous next""")
WEEKDAYS_MONTHS = frozenset(MONTH_NAMES) | WEEKDAYS
_ACRONYM = regex.compile(r"^[A-Z]{2,3}$")  # "US Secretary of State", "UK Trade Minister"
_APPOS_END = regex.compile(r"(?:\s*[,.;:!?)]|\s+-\s|\s*-\s*$|\s*$|\s+who(?![\p{L}]))")
# Between a name and an appositive title: ", " + introducer words.
_APPOS_LEAD = regex.compile(
    r"(?:\s*,|\s*\(|\s+-)\s*(?P<intro>(?:(?:the|a|an)\s+)?(?:[\p{L}\p{N}.]+(?:'s?)?(?:\s+|\s*-\s*))?)$",
    regex.IGNORECASE,
)


_CAREER = regex.compile(r"(?:(?:and|then|now|later|and\s+now|and\s+later|the|a|an)\s+)*",
                        regex.IGNORECASE)


def _skip_spaces(text: str, pos: int, limit: int) -> int:
    while pos < limit and text[pos] == " ":
        pos += 1
    return pos


def _looks_like_name(text: str, pos: int, limit: int) -> bool:
    """Does a capitalized word (a name, or a headline's word) start at ``pos``?"""
    toks = tokens(text, pos, min(limit, pos + 40))
    if not toks or toks[0].start != pos:
        return False
    first = toks[0]
    if not first.is_word or not is_capitalized(first.text):
        return False
    return first.lower not in ("the", "a", "an", "and", "who", "said", "says", "but")


INTRO_WORDS = wordset(
    "former ex ex- then one-time onetime erstwhile current new outgoing incumbent serving top"
)


def _intro_ok(intro: list[str]) -> bool:
    """Words between the comma and an appositive title: ``the``, ``Italy's``, ``former``."""
    for w in intro:
        lw = w.casefold().rstrip("-")
        if lw in ("the", "a", "an") or is_possessive(w) or lw in INTRO_WORDS:
            continue
        if lw in QUALIFIERS or is_capitalized(w):
            continue  # a qualifier: the title will be flagged as qualified
        return False
    return True


def title_key(title: str) -> str:
    """Comparison key of a title: normalized, case-folded, without a leading article."""
    key = " ".join(normalize_phrase(title).casefold().split())
    for art in ("the ", "a ", "an "):
        if key.startswith(art):
            key = key[len(art):]
    return key


# Words that make a different, lower office: dropping one is no shorter form of
# the title but another title ("Governor" is not "Deputy Governor").
RANKS = wordset("deputy vice assistant under associate junior shadow sub")


def _covers(longer: str, shorter: str) -> bool:
    """Is ``shorter`` the same as ``longer`` or a run of its words that keeps
    its rank (``Foreign Minister`` for ``Italian Foreign Minister``, but not
    ``Governor`` for ``Deputy Governor``)?"""
    if longer == shorter:
        return True
    lw, sw = longer.split(), shorter.split()
    n = len(sw)
    return any(lw[i:i + n] == sw and not any(w.rstrip("-") in RANKS for w in lw[:i])
               for i in range(len(lw) - n + 1))


@dataclass(frozen=True)
class Attached:
    """A known title read as attached to a name of the entity."""

    start: int
    end: int
    title: str  # as written (normalized text)
    key: str
    tense: Tense
    how: Literal["before", "appositive", "comma-before"]
    qualified: bool  # an unknown qualifier stands before the title
    alias: bool  # title + name form a declared alias


@dataclass(frozen=True)
class RoleChecker:
    entity_id: str
    name: str
    roles: tuple[str, ...]
    former: tuple[str, ...]
    titles: regex.Pattern[str]
    names: regex.Pattern[str]
    alias_keys: frozenset[str]
    name_words: frozenset[str]
    index: EntityIndex
    terms: tuple[str, ...]
    roles_shown: tuple[str, ...] = ()  # the titles as the fact file writes them
    former_shown: tuple[str, ...] = ()

    @cached_property
    def needs(self) -> Needs:
        return Needs.of(self.terms)

    # -- names ---------------------------------------------------------------
    def _name_spans(self, text: str, mentions: Iterable[Mention]) -> list[tuple[int, int]]:
        """Every span naming the entity, nested ones included (``President Putin``
        and the ``Putin`` in it), the longest per start."""
        best: dict[int, int] = {}
        for mention in mentions:
            if mention.entity != self.entity_id:
                continue
            best[mention.start] = max(mention.end, best.get(mention.start, mention.end))
            if " " not in mention.text:
                continue
            for m in self.names.finditer(text, mention.start + 1, mention.end, overlapped=True):
                if " " not in m.group() and not m.group()[:1].isupper():
                    continue  # a bare surname must be capitalized ("prices rose")
                s, e = m.span()
                best[s] = max(e, best.get(s, e))
        return sorted(best.items())

    # -- reading ------------------------------------------------------------
    def check(self, article: PreparedArticle) -> Iterator[Evidence]:
        text = article.folded
        mentions = self.index.mentions(article)
        spans = self._name_spans(text, mentions)
        if not spans:
            return
        by_sentence: dict[int, list[tuple[int, int]]] = {}
        for s, e in spans:
            sent = article.sentence_at(s)
            if sent is not None:
                by_sentence.setdefault(sent.index, []).append((s, e))
        for k, names in by_sentence.items():
            sent = article.sentences[k]
            seen: set[tuple[int, int]] = set()
            for att in self._attached(text, sent, names, mentions, article):
                if (att.start, att.end) in seen:
                    continue
                seen.add((att.start, att.end))
                ev = self._judge(att, _states_past_year(article, text, sent))
                if ev is not None:
                    yield ev

    def _attached(self, text: str, sent: Sentence, names: list[tuple[int, int]],
                  mentions: Iterable[Mention], article: PreparedArticle | None = None
                  ) -> Iterator[Attached]:
        other_starts = {m.start for m in mentions
                        if self.entity_id not in m.entities and sent.start <= m.start < sent.end}
        for m in self.titles.finditer(text, sent.start, sent.end):
            ts, te = m.span()
            if te < sent.end and text[te] not in " ,.;:!?)":
                continue  # the title runs on ("Secretary of State-designate", "minister's")
            tense = self._tense(text, sent, ts)
            qualified = tense == "present" and self._qualified(text, sent, ts)
            key = title_key(m.group())
            after = _skip_spaces(text, te, sent.end)
            # 1. Right before a name: that name owns it.
            if after > te:
                owner = self._name_at(text, te, names)
                if owner is not None and article is not None and _ends_a_list_line(
                        article, ts, owner[0]):
                    continue  # "Ann Lee: Defence Secretary\nHugh Grant: ...": a list
                if owner is not None:
                    alias = title_key(text[ts:owner[1]]) in self.alias_keys
                    yield Attached(ts, owner[1], m.group(), key, tense, "before", qualified,
                                   alias)
                    continue
                if after in other_starts or _looks_like_name(text, after, sent.end):
                    continue  # the title belongs to someone else
            # 2. An appositive right after a name: "Alfano, the Italian foreign minister,"
            end_m = _APPOS_END.match(text, te, sent.end)
            if end_m is None:
                continue  # "the foreign minister of Italy": a longer, unknown title
            if end_m.group().strip() in (",", "-"):
                nxt = _skip_spaces(text, end_m.end(), sent.end)
                career = _CAREER.match(text, nxt)
                if career is not None and self.titles.match(text, career.end()):
                    continue  # "Doe, home secretary, defence secretary and now chief whip"
                if nxt in other_starts or _looks_like_name(text, nxt, sent.end):
                    # "Italy's foreign minister, Angelino Alfano," -- or a list.
                    own = self._name_at(text, end_m.end(), names)
                    if own is not None and not self._after_any_name(text, ts, sent, names,
                                                                    mentions):
                        yield Attached(ts, own[1], m.group(), key, tense, "comma-before",
                                       qualified, False)
                    continue
            for ns, ne in names:
                if ne > ts:
                    break
                lead = _APPOS_LEAD.match(text[ne:ts])
                if lead is None or not _intro_ok(lead.group("intro").split()):
                    continue
                yield Attached(ns, te, m.group(), key, tense, "appositive", qualified, False)
                break

    @staticmethod
    def _after_any_name(text: str, ts: int, sent: Sentence, names: list[tuple[int, int]],
                        mentions: Iterable[Mention]) -> bool:
        """Is the title an appositive of a name before it (``Gabriel, the title, Y``)?"""
        ends = {e for _, e in names} | {m.end for m in mentions}
        if any(e <= ts and _APPOS_LEAD.match(text[e:ts]) for e in ends):
            return True
        before = tokens(text, sent.start, ts)
        k = len(before) - 1
        while k >= 0 and before[k].is_word and (
                before[k].lower in ("the", "a", "an") or is_possessive(before[k].text)):
            k -= 1
        return k >= 1 and before[k].text == "," and is_capitalized(before[k - 1].text)

    def _name_at(self, text: str, pos: int, names: list[tuple[int, int]]
                 ) -> tuple[int, int] | None:
        """A name of the entity right after ``pos`` (a given name or initial may come
        first, and an editorial bracket: ``Sergey) Lavrov``, ``Rex W. Tillerson``)."""
        for ns, ne in names:
            if ns < pos:
                continue
            if ns > pos + 40:
                break
            gap = text[pos:ns]
            if gap.strip() == "" and 0 < len(gap) <= 2:
                return ns, ne
            if gap[:1] != " ":
                continue
            parts = regex.sub(r"[\[\]().]", " ", gap).split()
            if 0 < len(parts) <= 2 and all(
                    p.casefold() in self.name_words or (len(p) == 1 and p.isupper())
                    for p in parts):
                return ns, ne
        return None

    @staticmethod
    def _tense(text: str, sent: Sentence, ts: int) -> Tense:
        m = _FORMER.search(text, max(sent.start, ts - 20), ts)
        if m is None:
            shared = _SHARED_FORMER.search(text, max(sent.start, ts - 80), ts)
            return "then" if shared is not None else "present"
        # An outgoing (departing, retiring) holder still holds the title on the
        # day but is about to lose it; "the late" names a past holder: roles and
        # former are both right, as after "then".
        return "former" if m.group("w").casefold() in _STRICT_FORMER else "then"

    @staticmethod
    def _qualified(text: str, sent: Sentence, ts: int) -> bool:
        """Does an unknown qualifier stand right before the title?"""
        before = tokens(text, sent.start, ts)
        if not before:
            return False
        prev = before[-1]
        if not prev.is_word:
            return False
        w = prev.lower
        if w in QUALIFIERS:
            return True
        if is_possessive(prev.text) or w in WEEKDAYS_MONTHS:
            return False
        if is_capitalized(prev.text):
            if len(before) == 1 or before[-2].text in ('"', "(", "["):
                # First word of the sentence: capitalized by position, unless it
                # looks like a nationality ("British Foreign Secretary ...").
                return nationality_like(prev.text) or _ACRONYM.match(prev.text) is not None
            return True
        return False

    # -- verdict ------------------------------------------------------------
    def _judge(self, att: Attached, dated: bool = False) -> Evidence | None:
        in_roles = any(_covers(r, att.key) for r in self.roles)
        in_former = any(_covers(r, att.key) for r in self.former)
        exact_role = att.key in self.roles
        title = att.title
        name = self.name
        if att.tense == "former":
            ok = in_former
        elif att.tense == "then":
            ok = in_roles or in_former
        else:
            ok = in_roles
        if att.qualified:
            if ok:
                return None
            return Evidence(att.start, att.end, "note", "wrong-role",
                            f"calls {name} {title!r} with a qualifier the facts do not "
                            "know; not judged")
        if ok:
            when = {"present": "", "former": "former ", "then": "then "}[att.tense]
            return Evidence(att.start, att.end, "consistent", "wrong-role",
                            f"calls {name} {when}{title!r}, as the fact says")
        if att.alias:
            return None
        if att.how == "comma-before":
            return Evidence(att.start, att.end, "note", "wrong-role",
                            f"{title!r} stands before a comma and {name}; a list reads the "
                            "same way, so it is not judged")
        current = self._list(self.roles_shown)
        past = self._list(self.former_shown)
        if att.tense == "former":
            if exact_role:
                msg = (f"calls {name} a former {title!r}, but that is a current role in the "
                       f"fact (current: {current}; former: {past})")
            else:
                msg = (f"calls {name} a former {title!r}, which is not among the fact's "
                       f"former titles ({past}; current: {current})")
        elif in_former and dated:
            return Evidence(att.start, att.end, "note", "wrong-role",
                            f"calls {name} {title!r}, a former title, in a sentence that "
                            "states a past year: the title may be of that time; not judged")
        elif in_former:
            msg = (f"calls {name} {title!r} as a present title; the fact has it only as a "
                   f"former one (current: {current})")
        else:
            given = (f"gives {name}'s title as {current}" if self.roles_shown
                     else f"gives {name} no current title")
            msg = (f"calls {name} {title!r}, but the fact {given}"
                   + (f" (former: {past})" if self.former_shown else ""))
        return Evidence(att.start, att.end, "contradiction", "wrong-role", msg)

    @staticmethod
    def _list(items: tuple[str, ...]) -> str:
        return ", ".join(repr(t) for t in items) if items else "none"


_YEAR = regex.compile(r"(?<![\p{L}\p{N}])(?:19|20)\d\d(?![\p{L}\p{N}])")


def _states_past_year(article: PreparedArticle, text: str, sent: Sentence) -> bool:
    """Does the sentence state a year before the article's (any year, when the
    article has no date): ``In 2018 Foreign Secretary Ann Lee ...``?"""
    published = _YEAR.search(article.article.date or "")
    return any(published is None or int(m.group()) < int(published.group())
               for m in _YEAR.finditer(text, sent.start, sent.end))


def _ends_a_list_line(article: PreparedArticle, ts: int, name_start: int) -> bool:
    """Does the title end its line, after a name and ``:``/``,``/``|``/``(``/a dash,
    with the name on the next line (a list or table of ``Name: Title`` lines)?"""
    raw = article.article.text
    s, _ = article.to_text(ts, ts)
    _, ns = article.to_text(ts, name_start)
    if "\n" not in raw[s:ns]:
        return False
    lead = raw[raw.rfind("\n", 0, s) + 1:s].rstrip()
    return bool(lead) and lead[-1] in ":,|(-\u2013\u2014"


def known_titles(facts: Iterable[Fact]) -> list[str]:
    """Every title of every role fact, ``roles`` and ``former`` alike."""
    out: list[str] = []
    for f in facts:
        if f.kind != "role":
            continue
        for name in ("roles", "former"):
            out.extend(title_of(t) for t in f.fields.get(name) or ())
    return out


def title_of(entry: Any) -> str:
    """The title of a ``roles`` entry: a title, or a dated ``{title, from, until}``."""
    return str(entry.get("title", "")) if isinstance(entry, Mapping) else str(entry)


# -- dated titles ----------------------------------------------------------------
def _dated_titles(fact: Fact) -> list[tuple[str, Day | None, Day | None]]:
    """``roles`` as (title, from, until); a title without dates has neither."""
    out = []
    for entry in fact.fields.get("roles") or ():
        if isinstance(entry, Mapping):
            out.append((title_of(entry), parse_day(str(entry.get("from") or "")),
                        parse_day(str(entry.get("until") or ""))))
        else:
            out.append((str(entry), None, None))
    return out


def versions(fact: Fact) -> tuple[Version, ...]:
    """The fact over time when some of its titles are dated: between two days
    where a title starts or ends, the titles held are its ``roles`` and those
    that ended are past titles (``former``), right only after ``former``/``ex-``.
    A title not yet held is neither. No dated title: no versions."""
    titles = _dated_titles(fact)
    ends = {b for _, _, b in titles if b is not None}
    ends |= {a.before() for _, a, _ in titles if a is not None}
    if not ends:
        return ()
    former = [str(t) for t in fact.fields.get("former") or ()]
    bounds = sorted(ends)
    out = []
    for until in [*bounds, None]:
        day = until if until is not None else bounds[-1].next()
        held = [t for t, a, b in titles if (a is None or a <= day) and (b is None or day <= b)]
        past = [t for t, a, b in titles if b is not None and b < day and t not in held]
        gone = list(dict.fromkeys([*former, *past]))
        fields = {**fact.fields, "roles": held, "former": gone}
        label = (listing(_shown(held)) if held else "no title") + (
            f" (former: {listing(_shown(gone))})" if gone else "")
        out.append(Version(until, fields, label))
    return tuple(out)


@functools.lru_cache(maxsize=16)
def _titles_pattern(titles: frozenset[str]) -> regex.Pattern[str] | None:
    """The pattern of every known title: the same for every role fact of a run."""
    return phrase_pattern(titles)


@dataclass(frozen=True)
class Spec:
    entity: str
    roles: tuple[str, ...]
    former: tuple[str, ...]


def _decode(fact: Fact) -> Spec:
    spec = _decode_fields(fact)
    return replace(spec, roles=tuple(title_of(t) for t in fact.fields.get("roles") or ()))


_decode_fields = decoder(Spec)


def validate(fact: Fact, spec: Spec, at: Locate) -> list[FactError]:
    out = empty_entries(at, {n: fact.fields.get(n, ()) for n in ("roles", "former")})
    for j, entry in enumerate(fact.fields.get("roles") or ()):
        if isinstance(entry, Mapping):
            out.extend(span_problems(entry.get("from"), entry.get("until"),
                                     functools.partial(at, "roles", j),
                                     f"the title {title_of(entry)!r}: "))
    for field_name, values in (("roles", spec.roles), ("former", spec.former)):
        for j, v in enumerate(values):
            if v.strip() and not title_key(v):
                out.append(FactError(f"{field_name!r} holds an empty title",
                                     at(field_name, j)))
    return out


def compile(fact: Fact, spec: Spec, context: CompileContext) -> RoleChecker:
    index = context.entities
    eid = spec.entity
    entity = entity_in(fact, "entity", eid, context)
    roles, former = list(spec.roles), list(spec.former)
    known: frozenset[str] = context.once(
        "role.titles", lambda: frozenset(known_titles(context.facts)))
    titles = _titles_pattern(known | {*roles, *former})
    names_re = index.pattern_for([eid])
    if titles is None or names_re is None:
        raise FactError(f"the entity {eid!r} has no name to look for", fact.where("entity"))
    alias_keys = frozenset(title_key(a) for a in entity.aliases)
    name_words = frozenset(w.casefold() for n in (entity.name, *entity.aliases)
                           for w in normalize_phrase(n).split())
    terms = tuple(sorted(set(index.forms(eid))))
    return RoleChecker(eid, entity.name, tuple(title_key(r) for r in roles),
                       tuple(title_key(r) for r in former), titles, names_re, alias_keys,
                       name_words, index, terms, _shown(roles), _shown(former))


def summary(fact: Fact, spec: Spec) -> str:
    former = f" (former: {listing(spec.former)})" if spec.former else ""
    titles = [t + (f" ({Span(a, b).words()})" if a or b else "")
              for t, a, b in _dated_titles(fact)]
    return f"{spec.entity}: {listing(titles)}{former}"


def _shown(titles: list[str]) -> tuple[str, ...]:
    """The titles as written, one per title key (``Trade Minister``/``trade minister``)."""
    seen: dict[str, str] = {}
    for t in titles:
        seen.setdefault(title_key(t), " ".join(str(t).split()))
    return tuple(seen.values())


KIND = Kind("role", _decode, compile, summary, validate, entity_fields={"entity": "person"},
            versions=versions, value_word="title")
