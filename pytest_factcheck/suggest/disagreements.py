"""The reduce step of discovery: people, counts, quotes and titles across a corpus,
and where articles disagree.

:func:`discover` takes every article's :class:`~.candidates.Readings` and
returns a :class:`Discovery`: the people (one :class:`Person` per name,
spelling variants folded in), the count, quote and title candidates, and the
:class:`Disagreement` list, most-disputed first.

Precision comes first; each rule needs explicit evidence:

* **spelling**: two full names that differ in one word. A surname differs by
  a transliteration or a small edit relative to its length (the given name
  is the same: ``Igor Konashenkov``/``Igor Konoshenkov``), or by a particle
  (``al-Assad``/``Assad``); a given name by a transliteration or one edit in
  six letters or more (``Sergei``/``Sergey``; not ``Anna``/``John``: two
  people who share a surname). A surname written alone after an honorific
  (``Mr Konoshenkov``) is a variant only of the one person whose surname it
  nearly is, and never when it is itself another person's surname.
* **quantity**: counts of one cue class (dead, injured, ...) tied near one
  event word with the same first modifier (``chemical attack``), whose
  ranges do not all meet: ``89`` and ``87`` disagree, ``89`` and ``at least
  80`` do not.
* **quote**: quoted spans that share a run of five words (the quote kind's
  anchor) and whose alignment shows words changed, added or dropped, or
  that two known people are said to have said.
* **role**: two titles of one person for the same office word whose other
  words name different offices (``Foreign Minister``/``Defence Minister``,
  ``President``/``Vice President``); a nationality, possessive or ``of``
  country (``Russian``, ``Italy's``, ``of Russia``) and a shorter form of
  the title (``Foreign Minister`` for ``Italian Foreign Minister``) are no
  conflict.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..entities import EntityIndex
from ..kinds.quote import align, strict_similarity
from ..kinds.role import _covers, title_key
from ..model import Entity
from ..text.numbers import Interval
from ..text.phrases import nationality_like
from .candidates import CountSeen, NameSeen, Place, QuoteSeen, Readings, TitleSeen
from .names import NOT_PERSON_WORDS, TITLE_HEADS, near_word, particle_free

__all__ = ["Disagreement", "Discovery", "Person", "Variant", "discover", "entity_index",
           "majority", "people", "slug", "wordings"]

ANCHOR = 5  # words of a shared run that make two quotes one quote (the quote kind's default)
SIMILARITY = 0.8  # the quote kind's default: below it, two spans are two quotes


@dataclass(frozen=True)
class Variant:
    """One way the corpus gives a disputed thing, how often, and where."""

    value: str
    count: int
    places: tuple[Place, ...]
    speaker: str = ""  # quote: the speaker's name ("" when unread)

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"value": self.value, "count": self.count,
                                  "places": [p.to_json() for p in self.places]}
        if self.speaker:
            out["speaker"] = self.speaker
        return out


@dataclass(frozen=True)
class Disagreement:
    """Articles giving one thing several ways. ``covered`` names the written
    fact that already settles it ("" when none does)."""

    kind: str  # spelling | quantity | quote | role
    subject: str
    variants: tuple[Variant, ...]
    why: str
    covered: str = ""
    # What settles it, for ``--facts`` (see :mod:`.written`): the count's cues
    # and event words, the quote's words, the person's id and forms.
    cues: tuple[str, ...] = ()
    about: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    person: str = ""
    forms: tuple[str, ...] = ()

    @property
    def dispute(self) -> tuple[int, int]:
        """How disputed: the number of ways, then the uses of the minority ways."""
        counts = sorted((v.count for v in self.variants), reverse=True)
        return len(counts), sum(counts[1:])

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"kind": self.kind, "subject": self.subject,
                                  "why": self.why,
                                  "variants": [v.to_json() for v in self.variants]}
        if self.covered:
            out["covered_by"] = self.covered
        return out


@dataclass(frozen=True)
class Person:
    """One person: the majority spelling of the full name, every full form
    seen (variants included), the honorifics seen with the surname."""

    id: str
    name: str
    forms: tuple[str, ...]
    honorifics: tuple[str, ...]
    surname: str
    places: tuple[Place, ...]

    @property
    def count(self) -> int:
        return len(self.places)


@dataclass(frozen=True)
class Discovery:
    people: tuple[Person, ...]
    counts: tuple[CountSeen, ...]
    quotes: tuple[QuoteSeen, ...]
    quote_groups: tuple[tuple[QuoteSeen, ...], ...]  # spans that are one quote
    titles: dict[str, tuple[TitleSeen, ...]]  # person id -> titles
    disagreements: tuple[Disagreement, ...]
    articles: int


# -- helpers ---------------------------------------------------------------------------
def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")
    return s[:60].strip("-") or "x"


def majority(values: Iterable[str]) -> str:
    """The most frequent value; a tie goes to the first in sorted order (so the
    result never depends on the order articles were read in)."""
    uses = Counter(values)
    top = max(uses.values())
    return min(v for v, n in uses.items() if n == top)


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _variants(values: Iterable[tuple[str, Place]], speaker: dict[str, str] | None = None
              ) -> tuple[Variant, ...]:
    """Group (value, place) pairs by value (case ignored), most used first."""
    by: dict[str, list[tuple[str, Place]]] = defaultdict(list)
    for v, p in values:
        by[v.casefold()].append((v, p))
    out = []
    for key, seen in by.items():
        # The most used way of writing it; a tie goes to the first in corpus order.
        uses = Counter(v for v, _ in seen)
        top = max(uses.values())
        shown = min((p, v) for v, p in seen if uses[v] == top)[1]
        places = tuple(sorted({p for _, p in seen}))
        out.append(Variant(shown, len(seen), places, (speaker or {}).get(key, "")))
    return tuple(sorted(out, key=lambda v: (-v.count, v.value)))


# -- names -----------------------------------------------------------------------------
def same_name(a: Sequence[str], b: Sequence[str]) -> bool:
    """Are two full names (words, title case) one name spelled two ways?"""
    if len(a) != len(b) or len(a) < 2:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x.casefold() != y.casefold()]
    if len(diff) != 1:
        return False
    i = diff[0]
    x, y = a[i], b[i]
    if i == len(a) - 1:
        return (particle_free(x).casefold() == particle_free(y).casefold()
                or near_word(particle_free(x), particle_free(y)))
    return near_word(x, y, given=True)


def _full_forms(readings: Sequence[Readings]) -> dict[tuple[str, ...], list[NameSeen]]:
    out: dict[tuple[str, ...], list[NameSeen]] = defaultdict(list)
    for r in readings:
        for n in r.names:
            if len(n.words) >= 2:
                out[tuple(w.casefold() for w in n.words)].append(n)
    return out


def _name_clusters(forms: dict[tuple[str, ...], list[NameSeen]]) -> _Union:
    union = _Union()
    blocks: dict[tuple[object, ...], list[tuple[str, ...]]] = defaultdict(list)
    for key in forms:
        union.find(" ".join(key))
        for i, w in enumerate(key):
            rest = (*key[:i], "*", *key[i + 1:])
            blocks[(len(key), i, rest, particle_free(w)[:1])].append(key)
    for members in blocks.values():
        if len(members) < 2 or len(members) > 50:
            continue
        for j, a in enumerate(members):
            for b in members[j + 1:]:
                if same_name(forms[a][0].words, forms[b][0].words):
                    union.join(" ".join(a), " ".join(b))
    return union


def _is_person(seen: Sequence[NameSeen], alone: Sequence[NameSeen]) -> bool:
    words = {w.casefold() for n in seen for w in n.words}
    if words & NOT_PERSON_WORDS or any(len(n.words) > 3 for n in seen):
        return False
    return any(n.person for n in seen) or any(n.honorific for n in alone)


@dataclass(frozen=True)
class _Names:
    people: tuple[Person, ...]
    disagreements: tuple[Disagreement, ...]
    by_form: dict[tuple[str, ...], str]  # casefolded words -> person id


def people(readings: Sequence[Readings]) -> _Names:
    """The people of a corpus, and its spelling disagreements."""
    forms = _full_forms(readings)
    union = _name_clusters(forms)
    clusters: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in forms:
        clusters[union.find(" ".join(key))].append(key)
    alone: dict[str, list[NameSeen]] = defaultdict(list)
    for r in readings:
        for n in r.names:
            if len(n.words) == 1:
                alone[particle_free(n.words[0]).casefold()].append(n)
    by_letter: dict[str, list[tuple[str, list[NameSeen]]]] = defaultdict(list)
    for other, sightings in alone.items():
        if any(n.honorific for n in sightings):
            by_letter[other[:1]].append((other, sightings))
    # Surnames of full names: the people a bare surname may name.
    surnames: dict[str, set[str]] = defaultdict(set)
    for root, keys in clusters.items():
        for k in keys:
            surnames[particle_free(k[-1])].add(root)
    found: list[Person] = []
    disagreements: list[Disagreement] = []
    by_form: dict[tuple[str, ...], str] = {}
    used_ids: set[str] = set()
    for _root, keys in sorted(clusters.items()):
        seen = [n for k in keys for n in forms[k]]
        own_surnames = {particle_free(k[-1]) for k in keys}
        bare = [n for s in own_surnames if len(surnames[s]) == 1 for n in alone.get(s, ())]
        # A bare surname after an honorific that nearly spells this person's
        # surname, and nobody else's.
        odd: list[NameSeen] = []
        for s in own_surnames:
            if len(surnames[s]) != 1:
                continue
            for other, sightings in by_letter.get(s[:1], ()):
                if (other in surnames or other[:1] != s[:1] or other in own_surnames
                        or not any(n.honorific for n in sightings)
                        or not near_word(other, s)):
                    continue
                rivals = [x for x in surnames if x[:1] == other[:1] and near_word(other, x)]
                if len(rivals) == 1:
                    odd.extend(n for n in sightings if n.honorific)
        if not _is_person(seen, bare + odd):
            if len(keys) > 1:
                disagreements.append(_spelling(seen, []))
            continue
        d = _spelling(seen, odd) if len(keys) > 1 or odd else None
        name = (d.variants[0].value if d is not None
                else majority(" ".join(n.words) for n in seen))
        pid = slug(name)
        while pid in used_ids:
            pid += "-x"
        used_ids.add(pid)
        if d is not None:
            disagreements.append(d)
        shown_forms = tuple(sorted({" ".join(n.words) for n in seen}))
        honorifics = tuple(sorted({n.honorific for n in [*seen, *bare] if n.honorific}))
        places = tuple(sorted({n.place for n in [*seen, *bare]}))
        found.append(Person(pid, name, shown_forms, honorifics,
                            particle_free(name.split()[-1]), places))
        for k in keys:
            by_form[k] = pid
        for s in own_surnames:
            if len(surnames[s]) == 1:
                by_form[(s,)] = pid
    return _Names(tuple(found), tuple(disagreements), by_form)


def _spelling(seen: Sequence[NameSeen], odd: Sequence[NameSeen]) -> Disagreement:
    variants = _variants([(" ".join(n.words), n.place) for n in seen]
                         + [(n.words[0], n.place) for n in odd])
    return Disagreement("spelling", variants[0].value, variants,
                        "one name written several ways (a transliteration, a small edit "
                        "or a particle)")


def entity_index(found: Sequence[Person]) -> EntityIndex:
    """The people as the run's entities (what the quote reader needs)."""
    ents = {}
    for p in found:
        aliases = tuple(f for f in p.forms if f.casefold() != p.name.casefold())
        ents[p.id] = Entity(p.id, p.name, aliases)
    return EntityIndex(ents)


# -- counts ----------------------------------------------------------------------------
CountKey = tuple[str, str, tuple[str, ...]]  # cue class, event, place


def _place_key(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(w.casefold() for w in words)


def placed_counts(readings: Sequence[Readings]) -> tuple[CountSeen, ...]:
    """Every count tied to a place: its own (``the Dorking fire``, ``the attack
    on Khan Sheikhoun``), or, for a count whose sentence names none, the one
    place the corpus ties that event to, when its article names that place
    (or a spelling variant of it). Other counts say which event they count too
    vaguely to be compared, and are left out."""
    places: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for r in readings:
        for c in r.counts:
            if c.where:
                places[c.event].add(tuple(c.where))
    out = []
    for r in readings:
        named = {tuple(n.words) for n in r.names if len(n.words) > 1}
        named |= {tuple(n.words) for n in r.names}
        for c in r.counts:
            if c.where:
                out.append(c)
                continue
            only = places.get(c.event, set())
            if len(only) != 1:
                continue
            (where,) = only
            if any(_place_key(n) == _place_key(where) or same_name(n, where) for n in named):
                out.append(dataclasses.replace(c, where=where))
    return tuple(out)


def count_groups(counts: Sequence[CountSeen]) -> dict[CountKey, list[CountSeen]]:
    groups: dict[CountKey, list[CountSeen]] = defaultdict(list)
    for c in counts:
        groups[(c.cue_class, c.event, _place_key(c.where))].append(c)
    return dict(sorted(groups.items()))


def count_subject(key: CountKey, seen: Sequence[CountSeen]) -> str:
    cls, event, _ = key
    where = majority(" ".join(c.where) for c in seen)
    return f"{cls}: {event} ({where})" if where else f"{cls}: {event}"


def _count_disagreements(counts: Sequence[CountSeen]) -> list[Disagreement]:
    out = []
    for key, seen in count_groups(counts).items():
        intervals = list({c.interval for c in seen})
        if all(a.meets(b) for i, a in enumerate(intervals) for b in intervals[i + 1:]):
            continue
        out.append(Disagreement("quantity", count_subject(key, seen),
                                _variants((c.value, c.place) for c in seen),
                                "one count given values that cannot all be true",
                                cues=tuple(sorted({c.cue for c in seen})),
                                about=tuple(sorted({c.phrase for c in seen}
                                                   | {" ".join(c.where) for c in seen}))))
    return out


def hull(intervals: Iterable[Interval]) -> tuple[float | None, float | None]:
    """The smallest range meeting every interval: (min, max), None for no bound."""
    ivs = list(intervals)
    lo = min(i.lo for i in ivs)
    hi = max(i.hi for i in ivs)
    return (lo if lo > 0 else None, None if hi == float("inf") else hi)


# -- quotes ----------------------------------------------------------------------------
MAX_POSTING = 400  # a run shared by more distinct wordings than this is a stock phrase
CANDIDATES = 8  # earlier wordings a wording is compared with


def quote_groups(quotes: Sequence[QuoteSeen]) -> list[list[QuoteSeen]]:
    """Quotes that are one quote, grouped (transitively): two spans are one
    quote when they share an anchor of :data:`ANCHOR` words and align as the
    same words, or as an altered quote given to the same person (or to
    nobody): see :func:`relation`. Spans that only share a phrase
    ("we will do everything we can") are two, and so are two similar quotes
    of two people."""
    distinct: dict[tuple[tuple[str, ...], ...], list[QuoteSeen]] = defaultdict(list)
    for q in quotes:
        distinct[q.pieces].append(q)
    # The most used wordings first: each later one is compared with the few
    # earlier ones it shares most anchors with (a popular quote's alterations
    # meet the popular wording, not each other), so the work stays linear.
    nodes = sorted(distinct, key=lambda k: (-len(distinct[k]), distinct[k][0].place))
    postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    union = _Union()
    n_grams: list[int] = []
    for i, pieces in enumerate(nodes):
        union.find(str(i))
        runs = {p[j:j + ANCHOR] for p in pieces for j in range(len(p) - ANCHOR + 1)}
        shared: Counter[int] = Counter()
        for run in runs:
            ids = postings[run]
            if len(ids) <= MAX_POSTING:
                shared.update(ids)
            ids.append(i)
        grams = len(runs)
        joined = 0
        for j, n in sorted(shared.items(), key=lambda t: (-t[1], t[0]))[:CANDIDATES]:
            # Quoting the same words, or with a word changed in every few,
            # leaves at least an eighth of the shorter span's anchors shared.
            if n * 8 < min(grams, n_grams[j]) or union.find(str(i)) == union.find(str(j)):
                continue
            a, b = distinct[pieces][0], distinct[nodes[j]][0]
            how = relation(a, b)
            if how == "same" or (how == "altered"
                                 and _compatible(distinct[pieces], distinct[nodes[j]])):
                union.join(str(i), str(j))
                joined += 1
                if joined >= 2:
                    break
        n_grams.append(grams)
    groups: dict[str, list[QuoteSeen]] = defaultdict(list)
    for i, pieces in enumerate(nodes):
        groups[union.find(str(i))].extend(distinct[pieces])
    return [g for g in groups.values() if len(g) > 1]


def relation(a: QuoteSeen, b: QuoteSeen) -> str:
    """``same`` (the same words where they overlap), ``altered`` (words
    changed, added or dropped; similarity at least :data:`SIMILARITY`), or ""
    (two quotes): the shorter span aligned with the longer, as the quote kind
    aligns a span with a fact."""
    if _contained(a.words, b.words) or _contained(b.words, a.words):
        return "same"
    if len(a.words) > len(b.words):
        a, b = b, a
    al = align(a.pieces, b.words, min_words=ANCHOR, threshold=SIMILARITY)
    if al is None:
        return ""
    sim = strict_similarity(al, [len(p) for p in a.pieces], len(b.words))
    if al.exact and sim >= 1:
        return "same"
    return "altered" if SIMILARITY <= sim < 1 and not al.exact else ""


def _compatible(a: Sequence[QuoteSeen], b: Sequence[QuoteSeen]) -> bool:
    """Could two sets of spans be one person's words (no two different known speakers)?"""
    known = {q.speaker for q in (*a, *b) if q.speaker}
    return len(known) <= 1


def _contained(small: Sequence[str], big: Sequence[str]) -> bool:
    """Is ``small`` a run of consecutive words of ``big``?"""
    return len(small) <= len(big) and f" {' '.join(small)} " in f" {' '.join(big)} "


def wordings(group: Sequence[QuoteSeen], names: dict[str, str]) -> tuple[Variant, ...]:
    """The group's wordings: spans quoting the same words (one may be a part
    of another) are one wording, shown by its longest span, with its speaker."""
    same: dict[tuple[object, ...], list[QuoteSeen]] = defaultdict(list)
    for q in group:
        same[(q.pieces, q.speaker)].append(q)
    keys = list(same)
    union = _Union()
    for i, ka in enumerate(keys):
        union.find(str(i))
        a = same[ka][0]
        for j in range(i):
            b = same[keys[j]][0]
            if a.speaker == b.speaker and union.find(str(i)) != union.find(str(j)) \
                    and relation(a, b) == "same":
                union.join(str(i), str(j))
    classes: dict[str, list[QuoteSeen]] = defaultdict(list)
    for i, k in enumerate(keys):
        classes[union.find(str(i))].extend(same[k])
    out = []
    for members in classes.values():
        longest = max(members, key=lambda q: (len(q.words), q.text))
        speaker = next((q.speaker for q in members if q.speaker), "")
        out.append(Variant(longest.text, len(members), tuple(sorted({q.place for q in members})),
                           names.get(speaker, speaker)))
    return tuple(sorted(out, key=lambda v: (-v.count, -len(v.value), v.value)))


def _speakers(group: Sequence[QuoteSeen]) -> set[str]:
    """The people the articles give one wording to: in each article the first
    attribution counts (a later span giving the same words to another person
    is someone repeating them, as the quote kind reads it)."""
    first: dict[str, str] = {}
    for q in sorted(group, key=lambda q: q.place):
        if q.speaker:
            first.setdefault(q.place.article, q.speaker)
    return set(first.values())


def _disputed_speakers(group: Sequence[QuoteSeen]) -> bool:
    """Do articles give the same words (not merely similar ones) to two people?"""
    same: dict[tuple[tuple[str, ...], ...], list[QuoteSeen]] = defaultdict(list)
    for q in group:
        same[q.pieces].append(q)
    keys = list(same)
    union = _Union()
    for i, ka in enumerate(keys):
        union.find(str(i))
        for j in range(i):
            if union.find(str(i)) != union.find(str(j)) and relation(
                    same[ka][0], same[keys[j]][0]) == "same":
                union.join(str(i), str(j))
    classes: dict[str, list[QuoteSeen]] = defaultdict(list)
    for i, k in enumerate(keys):
        classes[union.find(str(i))].extend(same[k])
    return any(len(_speakers(c)) > 1 for c in classes.values())


def _quote_disagreements(groups: Sequence[Sequence[QuoteSeen]],
                         names: dict[str, str]) -> list[Disagreement]:
    out = []
    for g in groups:
        two_people = _disputed_speakers(g)
        reps = list({q.pieces: q for q in g}.values())
        changed = any(relation(a, b) == "altered" and _compatible([a], [b])
                      for k, a in enumerate(reps) for b in reps[k + 1:])
        if not changed and not two_people:
            continue
        variants = wordings(g, names)
        if len(variants) < 2:
            continue
        why = ("one quote given to different people" if two_people
               else "one quote in different wordings")
        words = variants[0].value.split()
        subject = " ".join(words[:12]) + ("..." if len(words) > 12 else "")
        main = max(g, key=lambda q: len(q.words))
        out.append(Disagreement("quote", subject, variants, why, words=main.words))
    return out


# -- titles ----------------------------------------------------------------------------
OFFICE_TAILS = frozenset("""state defence defense foreign affairs health justice interior
    finance treasury commerce labor labour homeland security education energy transport
    transportation agriculture trade the and environment culture""".split())


def office(title: str) -> str:
    """The office a title names, without nationality, possessive or ``of`` country:
    ``Russian Foreign Minister`` and ``foreign minister of Russia`` are both
    ``foreign minister``."""
    words = title.split()
    kept: list[str] = []
    k = 0
    while k < len(words):
        w = words[k]
        low = w.casefold()
        if low == "of":
            tail = words[k + 1:]
            if tail and all(t.casefold() in OFFICE_TAILS for t in tail):
                kept.extend(t.casefold() for t in words[k:])
            break
        if low.endswith("'s") or low in ("the", "a", "an"):
            k += 1
            continue
        if w[:1].isupper() and (nationality_like(low) or (w.isupper() and len(w) <= 3)):
            k += 1
            continue
        kept.append(low)
        k += 1
    return title_key(" ".join(kept))


def _head(off: str) -> str:
    heads = [w for w in off.split() if w in TITLE_HEADS]
    return heads[-1] if heads else ""


def where_of(title: str) -> tuple[str, str]:
    """Where a title's office is, as it says it: (nationality words before the
    office, the place after ``of``): ``Italian Foreign Minister`` -> ("italian",
    ""), ``Mayor of Ashford`` -> ("", "ashford"). An office's own ``of`` words
    (``Secretary of State``) are no place."""
    words = title.split()
    nat = " ".join(w.casefold() for w in words
                   if w[:1].isupper() and nationality_like(w.casefold())
                   and w.casefold() not in TITLE_HEADS)
    place = ""
    if "of" in (w.casefold() for w in words):
        k = [w.casefold() for w in words].index("of")
        tail = words[k + 1:]
        if tail and not all(t.casefold() in OFFICE_TAILS for t in tail):
            place = " ".join(t.casefold() for t in tail if t.casefold() != "the")
    return nat, place


def conflict(a: str, b: str) -> bool:
    """Do two titles of one person name different offices of the same kind, or
    the same office in two places said the same way (``Italian``/``German
    Foreign Minister``, ``Mayor of Ashford``/``Mayor of Redhill``)?"""
    oa, ob = office(a), office(b)
    if not oa or not ob or _head(oa) != _head(ob) or not _head(oa):
        return False
    if oa == ob or _covers(oa, ob) or _covers(ob, oa):
        (na, pa), (nb, pb) = where_of(a), where_of(b)
        return bool(na and nb and na != nb) or bool(pa and pb and pa != pb)
    return True


def _titles_by_person(readings: Sequence[Readings], by_form: dict[tuple[str, ...], str]
                      ) -> dict[str, tuple[TitleSeen, ...]]:
    out: dict[str, list[TitleSeen]] = defaultdict(list)
    for r in readings:
        for t in r.titles:
            key = tuple(w.casefold() for w in t.name)
            if len(key) == 1:
                key = (particle_free(key[0]),)
            pid = by_form.get(key)
            if pid is not None:
                out[pid].append(t)
    return {k: tuple(v) for k, v in sorted(out.items())}


def _role_disagreements(titles: dict[str, tuple[TitleSeen, ...]],
                        found: dict[str, Person]) -> list[Disagreement]:
    out = []
    for pid, seen in titles.items():
        keys = list({title_key(t.title): t.title for t in seen}.values())
        if not any(conflict(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]):
            continue
        out.append(Disagreement("role", found[pid].name,
                                _variants((t.title, t.place) for t in seen),
                                "one person given titles of different offices",
                                person=pid, forms=found[pid].forms))
    return out


# -- all ---------------------------------------------------------------------------------
def discover(readings: Sequence[Readings], quotes: Sequence[QuoteSeen], named: _Names
             ) -> Discovery:
    """Every disagreement, most-disputed first (then by kind and subject)."""
    counts = placed_counts(readings)
    found = {p.id: p for p in named.people}
    titles = _titles_by_person(readings, named.by_form)
    groups = quote_groups(quotes)
    dis = [*named.disagreements, *_count_disagreements(counts),
           *_quote_disagreements(groups, {p.id: p.name for p in named.people}),
           *_role_disagreements(titles, found)]
    dis.sort(key=lambda d: (-d.dispute[0], -d.dispute[1], d.kind, d.subject))
    return Discovery(named.people, counts, tuple(quotes), tuple(tuple(g) for g in groups),
                     titles, tuple(dis), len(readings))
