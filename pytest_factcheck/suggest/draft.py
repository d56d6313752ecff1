"""The draft fact file: every candidate as a fact, with comments saying where it was seen.

The draft passes validation as written: ids are unique and well-formed,
every quantity fact has cues and a bound, every quote fact a known speaker
and enough words. Article text is untrusted, so every value is written as a
double-quoted YAML string with every character YAML could read as a line
break or refuse escaped (:func:`yaml_str`), and comments carry no line break
(:func:`comment`).

What the draft says:

* ``entities``: each person with the spellings and honorific forms seen as
  aliases (a bare surname is matched anyway);
* ``spelling``: each disputed name, the majority form preferred, the others
  avoided (counts in the claim);
* ``quantity``: each count group with ``about`` (the event words seen),
  ``cues`` (the cue words seen) and the range that meets every value seen
  (each value and where, in comments) -- a disputed count is also listed as
  a disagreement, for the editor to narrow;
* ``quote``: each quote with a known speaker, in its most used wording;
* ``role``: each person's titles seen.

With facts already written (:class:`Written`), a candidate they already
cover is left out.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from ..kinds.role import title_key
from ..text.numbers import fmt_number
from .candidates import CountSeen, Place, QuoteSeen
from .disagreements import (
    CountKey,
    Discovery,
    Person,
    conflict,
    count_groups,
    count_subject,
    hull,
    majority,
    slug,
    wordings,
)
from .written import Written

__all__ = ["comment", "draft_yaml", "yaml_str"]

MAX_PLACES = 5  # places listed in comments per candidate
MIN_QUOTE_WORDS = 6  # a drafted quote fact: at least this many words

# Characters YAML reads as line breaks or refuses in a stream, and bidi controls.
_UNSAFE = regex.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff"
                        r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _esc(m: regex.Match[str]) -> str:
    c = ord(m.group())
    if 0xD800 <= c <= 0xDFFF:
        return "\\ufffd"
    return f"\\u{c:04x}"


def yaml_str(text: str) -> str:
    """``text`` as a double-quoted YAML scalar that reads back as ``text``."""
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _UNSAFE.sub(_esc, body) + '"'


def comment(text: str) -> str:
    """``text`` safe after ``#``: one line, no control character."""
    return _UNSAFE.sub(" ", " ".join(text.split()))


def _list(values: Iterable[str]) -> str:
    return "[" + ", ".join(yaml_str(v) for v in values) + "]"


def _where(places: Sequence[Place]) -> str:
    lines = list(dict.fromkeys(p.short for p in places))
    shown = ", ".join(lines[:MAX_PLACES])
    more = len(lines) - MAX_PLACES
    return shown + (f" and {more} more" if more > 0 else "")


class _Ids:
    def __init__(self, taken: Iterable[str]) -> None:
        self.taken = set(taken)

    def new(self, base: str) -> str:
        base = slug(base)[:50].strip("-") or "fact"
        out, n = base, 2
        while out in self.taken:
            out, n = f"{base}-{n}", n + 1
        self.taken.add(out)
        return out


@dataclass
class _Out:
    lines: list[str]

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)


def _entities(out: _Out, people: Sequence[Person], written: Written) -> dict[str, str]:
    """Write the people not yet written; return person id -> entity id to use."""
    ids: dict[str, str] = {}
    new = []
    for p in people:
        known = written.entity_for(p.name, p.forms)
        if known:
            ids[p.id] = known
        else:
            ids[p.id] = p.id
            new.append(p)
    if not new:
        return ids
    out.add("entities:")
    for p in new:
        aliases = [f for f in p.forms if f.casefold() != p.name.casefold()]
        aliases += [f"{h} {p.name if h in _BEFORE_GIVEN else p.surname}" for h in p.honorifics]
        out.add(f"  # seen {_times(len(p.places))}: {comment(_where(p.places))}",
                f"  {p.id}:", f"    name: {yaml_str(p.name)}")
        if aliases:
            out.add(f"    aliases: {_list(dict.fromkeys(aliases))}")
    out.add("")
    return ids


_BEFORE_GIVEN = frozenset(("Sir", "Dame", "Lord"))  # Sir Malcolm Rifkind, not Sir Rifkind


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def _fmt(x: float) -> str:
    return fmt_number(x)


def _number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def _quantity(out: _Out, ids: _Ids, key: CountKey, seen: Sequence[CountSeen],
              written: Written) -> None:
    cls = key[0]
    subject = count_subject(key, seen)
    fid = ids.new(subject.split(": ", 1)[1] + " " + cls)
    # The event as tied to its place: "Dorking nightclub explosion", or the place.
    about = sorted({f"{' '.join(c.where)} {c.phrase}" if c.where_before else " ".join(c.where)
                    for c in seen})
    cues = sorted({c.cue for c in seen})
    if written.covers_count(cues, about):
        return
    lo, hi = hull(c.interval for c in seen)
    if lo is None and hi is None:
        return
    values = Counter(c.value for c in seen)
    spread = ", ".join(f"{v} ({n})" for v, n in values.most_common())
    span = (f"{_fmt(lo)} to {_fmt(hi)}" if lo is not None and hi is not None
            else f"at least {_fmt(lo)}" if lo is not None else f"at most {_fmt(hi or 0)}")
    where = " ".join(seen[0].where)
    what = f"the {cls} of the {key[1]}" + (f" ({where})" if where else "")
    claim = (f"Articles count {what} as {spread}: "
             f"this range ({span}) meets every one.")
    out.add(f"  # values seen: {comment(spread)}")
    for c in sorted(seen, key=lambda c: c.place)[:MAX_PLACES]:
        out.add(f"  #   {comment(c.value)} at {comment(c.place.short)}")
    out.add(f"  - id: {fid}", "    kind: quantity",
            f"    claim: {yaml_str(claim)}",
            f"    about: {_list(about)}", f"    cues: {_list(cues)}")
    if lo is not None:
        out.add(f"    min: {_number(lo)}")
    if hi is not None and not math.isinf(hi):
        out.add(f"    max: {_number(hi)}")
    out.add("")


def _quote(out: _Out, ids: _Ids, group: Sequence[QuoteSeen], entity: dict[str, str],
           names: dict[str, str], written: Written) -> None:
    speakers = Counter(q.speaker for q in group if q.speaker)
    if not speakers:
        return
    speaker = majority(q.speaker for q in group if q.speaker)
    if speaker not in entity:
        return
    said = [q for q in group if q.speaker == speaker]
    best = wordings(said, names)[0].value
    main = max((q for q in said if q.text == best), key=lambda q: q.place)
    text = main.text
    if len(main.words) < MIN_QUOTE_WORDS or written.covers_quote(main.words):
        return
    name = names[speaker]
    others = sorted({names.get(q.speaker, q.speaker) for q in group} - {name, ""})
    claim = f"{name} said this ({len(said)} of {len(group)} spans)." + (
        f" Also given to {', '.join(others)}: check who said it." if others else "")
    out.add(f"  # quoted {_times(len(group))}: {comment(_where(sorted(q.place for q in group)))}")
    out.add(f"  - id: {ids.new(name + ' ' + ' '.join(main.words[:5]))}", "    kind: quote",
            f"    claim: {yaml_str(claim)}",
            f"    speaker: {entity[speaker]}", f"    text: {yaml_str(text)}", "")


def _role(out: _Out, ids: _Ids, person: Person, titles: Sequence[str], places: Sequence[Place],
          entity: str, written: Written) -> None:
    if written.covers_role(entity):
        return
    shown = list(dict.fromkeys(titles))
    out.add(f"  # titles seen: {comment(_where(places))}",
            f"  - id: {ids.new(person.name + ' role')}", "    kind: role",
            f"    claim: {yaml_str(f'{person.name} is called ' + '; '.join(shown) + '.')}",
            f"    entity: {entity}", f"    roles: {_list(shown)}", "")


def draft_yaml(d: Discovery, written: Written | None = None) -> str:
    """The draft fact file of a discovery (facts in ``written`` left out)."""
    written = written or Written()
    out = _Out(["# Draft facts suggested by `factcheck suggest` from what the articles say.",
                "# Every fact states what was seen, not what is true: an editor must",
                "# verify each one (and narrow each range) before keeping it.", ""])
    entity = _entities(out, d.people, written)
    ids = _Ids(written.fact_ids)
    names = {p.id: p.name for p in d.people}
    out.add("facts:")
    start = len(out.lines)
    surnames = Counter(p.surname.casefold() for p in d.people)
    disputed = {x.person for x in d.disagreements if x.kind == "role" and not x.covered}
    for dis in d.disagreements:
        if dis.kind != "spelling" or dis.covered:
            continue
        preferred = dis.variants[0].value
        avoid = [v.value for v in dis.variants[1:]]
        avoid += _bare_surnames(preferred, avoid, surnames)
        counts = ", ".join(f"{v.value} ({v.count})" for v in dis.variants)
        tie = len(dis.variants) > 1 and dis.variants[0].count == dis.variants[1].count
        claim = f"Articles write {counts}; " + (
            "no form is in the majority: choose the preferred one." if tie
            else "the majority form is preferred.")
        for v in dis.variants:
            out.add(f"  #   {comment(v.value)}: {comment(_where(v.places))}")
        out.add(f"  - id: {ids.new(preferred + ' spelling')}", "    kind: spelling",
                f"    claim: {yaml_str(claim)}",
                f"    preferred: {yaml_str(preferred)}", f"    avoid: {_list(avoid)}", "")
    for key, seen in count_groups(d.counts).items():
        _quantity(out, ids, key, seen, written)
    grouped = {id(q) for g in d.quote_groups for q in g}
    singles = [(q,) for q in d.quotes if id(q) not in grouped]
    for group in [*d.quote_groups, *singles]:
        _quote(out, ids, group, entity, names, written)
    for p in d.people:
        seen_titles = d.titles.get(p.id, ())
        if seen_titles:
            by_key: dict[str, str] = {}
            for t in seen_titles:
                by_key.setdefault(title_key(t.title), t.title)
            titles = list(by_key.values())
            if p.id in disputed:
                # A disputed title: keep the majority office and what agrees with it.
                main = majority(title_key(t.title) for t in seen_titles)
                titles = [t for t in titles if not conflict(t, by_key[main])]
            _role(out, ids, p, titles, sorted(t.place for t in seen_titles), entity[p.id],
                  written)
    if len(out.lines) == start:
        out.lines[-1] = "facts: []"
    return "\n".join(out.lines).rstrip("\n") + "\n"


def _bare_surnames(preferred: str, avoid: Sequence[str], surnames: Counter[str]) -> list[str]:
    """The variant surname alone (``Konoshenkov`` for ``Igor Konoshenkov``), when
    only the surname differs and the variant is nobody's surname."""
    want = preferred.split()
    out = []
    for a in avoid:
        got = a.split()
        if (len(got) == len(want) > 1 and got[:-1] == want[:-1]
                and got[-1].casefold() != want[-1].casefold()
                and surnames[got[-1].casefold()] == 0):
            out.append(got[-1])
    return out
