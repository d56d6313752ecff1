"""``attendance``: who was at which meeting.

A sentence that names a ``present``/``absent`` person and the ``event`` (its
name or aliases only) *places* the person when the prose links the two
explicitly:

* **linked wording** -- ``PERSON ... attended ... EVENT`` with at most five words
  between the person and the wording and between the wording and the event.
  The person must be the wording's subject: the words between them may only be
  adverbs and auxiliaries (``also``, ``had``, ``on Tuesday``), an appositive
  (``Alfano, the Italian foreign minister, who hosted``) or other people joined
  by ``and``/commas (``Tillerson and Johnson attended``); a person right after
  a preposition (``standing in for Grant``, ``a spokesman for Grant``) is an
  object, never the subject. Anything else
  (``Putin said``, ``Putin met Johnson, who``, ``would``, ``to``, ``not``) breaks
  the link.
* **passive** -- ``EVENT, (which was) hosted/attended/chaired/addressed by PERSON``.
* **relative** -- ``EVENT, which PERSON did not attend``.
* **opening phrase** -- a sentence that opens with ``At`` or presence wording and
  the event and goes on with the person as its subject (``At the G-7 meeting,
  Tillerson said``; ``Arriving at a summit in Lucca, Italy, Mr Johnson ...``).
* **intransitive relative** -- ``PERSON, who did not attend, ...`` in a sentence
  that names the event.

Presence wording: attend, host, chair, join, address, was at, arrive at, speak
at, fly from, leave (inflected). Absence wording: did not / never / failed to
attend, skipped, missed, was absent (missing) from, stayed away from,
boycotted, was not at, was not invited to. Absence wording, ``joined``,
``addressed`` and the prepositional wordings must take the event itself as
their object (``missed the opening session of the G7 meeting`` is not an
absence); other verbs may reach it through a short phrase (``hosted ministers
at the G-7 gathering``) unless a word in between turns it into another
occasion (``before``, ``after``, ``outside``, ``against`` ...).

Nobody is placed by: a sentence that states another date than the event's
``date`` (or another year, or ``next year``/``last year``); an event named as
``the next``/``the previous``/``every`` one; an article dated before the event;
a question; wording inside quotation marks; future or intention (``would not
attend``, ``is expected to attend``, ``said he would``). A reading in a hedged
sentence (``denied``, ``reportedly``, ``whether``, ``if``) or inside someone's
reported claim (``Johnson said Lavrov attended``, ``Lavrov attended, officials
said``) is only a note.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

import regex

from ...article import PreparedArticle, Sentence
from ...entities import EntityIndex, Mention
from ...errors import FactError
from ...model import Entity, Evidence, Fact
from ...quoting import quote_spans
from ...text.dates import Day, parse_day
from ...text.normalize import normalize_phrase
from ...text.phrases import (
    TokenRun,
    phrase_pattern,
    tokens,
)
from ..base import CompileContext, Kind, Needs, decoder, entity_in, listing
from .readers import (
    REMOTE,
    Reading,
    _hedged,
    _intransitive,
    _linked,
    _opener,
    _passive,
    _relative,
    _reported,
    _Sentence,
    cue_matches,
    is_title_case,
    joined_person,
    neither_nor,
    quoted_in,
)
from .vocabulary import (
    NO_DAY,
    Polarity,
    states_other_date,
)

__all__ = ["KIND", "AttendanceChecker", "Day", "Spec", "compile", "parse_day",
           "states_other_date", "summary"]


# --------------------------------------------------------------------------
# The checker
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceChecker:
    fact_id: str
    event: Entity
    event_pattern: regex.Pattern[str]
    day: Day | None
    present: frozenset[str]
    absent: frozenset[str]
    names: dict[str, str]
    index: EntityIndex
    not_people: frozenset[str]
    terms: tuple[str, ...]

    @cached_property
    def needs(self) -> Needs:
        return Needs.of(self.terms)

    def _sentences(self, article: PreparedArticle) -> Iterator[_Sentence]:
        text = article.folded
        events = [Mention(m.start(), m.end(), frozenset((self.event.id,)), m.group())
                  for m in self.event_pattern.finditer(text)]
        if not events:
            return
        tracked = self.present | self.absent
        mentions = [m for m in self.index.mentions(article)
                    if not (m.entities & self.not_people)]
        people = [m for m in mentions if m.entity in tracked]
        if not people:
            return
        spans = quote_spans(article)
        for s in _sentences_with(article.sentences, events):
            evs = [e for e in events if s.start <= e.start < s.end]
            ppl = [p for p in people if s.start <= p.start < s.end]
            if not ppl:
                continue
            if any(p.start < e.end and e.start < p.end for p in ppl for e in evs):
                ppl = [p for p in ppl if not any(p.start < e.end and e.start < p.end
                                                 for e in evs)]
            run = _sentence_tokens(article, s)
            yield _Sentence(text, s.start, s.end, evs, ppl,
                            [m for m in mentions if s.start <= m.start < s.end],
                            quoted_in(spans, s.start, s.end), is_title_case(run.items),
                            run)

    def check(self, article: PreparedArticle) -> Iterator[Evidence]:
        if self.day is not None:
            published = parse_day(article.article.date)
            if published is not None and (published.year, published.month, published.day) < (
                    self.day.year, self.day.month, self.day.day):
                return
        for sent in self._sentences(article):
            if sent.text[sent.start:sent.end].rstrip(" \"')]").endswith("?"):
                continue
            if self.day is not None and states_other_date(sent.text, sent.start, sent.end,
                                                          self.day):
                continue
            if self.day is None and states_other_date(sent.text, sent.start, sent.end,
                                                      NO_DAY):
                # The event has no date in the facts and the sentence states one
                # ("who had attended the G7 meeting in 2014"): it may be another
                # occasion, so no reading here is a contradiction.
                for ev in self._judge(sent):
                    if ev.status == "contradiction":
                        ev = Evidence(ev.start, ev.end, "note", ev.reason,
                                      f"{ev.message}; but the sentence states a date and the "
                                      "event has none in the facts: another occasion?")
                    yield ev
                continue
            yield from self._judge(sent)

    def _judge(self, sent: _Sentence) -> Iterator[Evidence]:
        cues = cue_matches(sent)
        readings: list[Reading] = []
        for reader in (_linked, _passive, _relative, _intransitive, neither_nor,
                       joined_person):
            readings.extend(reader(sent, cues))
        readings.extend(_opener(sent, cues))
        if not readings:
            return
        by_person: dict[str, list[Reading]] = {}
        for r in readings:
            # One verdict per person and sentence: "Merz, the German chancellor,
            # attended" reads Merz twice (name and alias).
            by_person.setdefault(r.person.entity or str(r.person.start), []).append(r)
        hedged = _hedged(sent)
        remote = REMOTE.search(sent.text, sent.start, sent.end) is not None
        for group in by_person.values():
            polarities = {r.polarity for r in group}
            first = min(group, key=lambda r: (r.start, r.end))
            eid = first.person.entity or ""
            name = self.names.get(eid, eid)
            if len(polarities) > 1:
                yield Evidence(first.start, first.end, "note", "placed-at",
                               f"reads {name} both at and away from {self.event.name}; "
                               "not judged")
                continue
            yield self._evidence(first, name, eid, hedged or _reported(sent, first),
                                 remote and first.polarity == "at")

    def _evidence(self, r: Reading, name: str, eid: str, hedged: bool,
                  remote: bool = False) -> Evidence:
        event = self.event.name
        where = "at" if r.polarity == "at" else "away from"
        reason = "placed-at" if r.polarity == "at" else "placed-away"
        said = f"places {name} {where} {event} ({r.wording!r})"
        if r.how == "neither":
            # Kept a note because an earlier decision (tests/test_attendance.py::
            # test_but_and_neither) pins "Neither A nor B attended" to no verdict.
            return Evidence(r.start, r.end, "note", reason,
                            f"{said} ('neither ... nor'); not judged")
        if remote:
            return Evidence(r.start, r.end, "note", reason,
                            f"{said}, but the sentence says they took part remotely (by "
                            "video or phone); not judged")
        if hedged:
            return Evidence(r.start, r.end, "note", reason,
                            f"{said}, but the sentence is hedged or reports someone's "
                            "claim; not judged")
        expected: Polarity = "at" if eid in self.present else "away"
        if r.polarity == expected:
            listed = "present" if expected == "at" else "absent"
            return Evidence(r.start, r.end, "consistent", reason,
                            f"{said}; the fact lists {name} as {listed}")
        listed = "absent" if r.polarity == "at" else "present"
        return Evidence(r.start, r.end, "contradiction", reason,
                        f"{said}; the fact lists {name} as {listed}")


def _sentence_tokens(article: PreparedArticle, sentence: Sentence) -> TokenRun:
    """The tokens of a sentence. Not cached: only sentences naming the fact's
    event and one of its people are read, which other facts rarely share, and
    keeping them cost more memory than any other per-article reading."""
    return TokenRun(tokens(article.folded, sentence.start, sentence.end))


def _sentences_with(sentences: Sequence[Sentence], events: list[Mention]) -> list[Sentence]:
    starts = {e.start for e in events}
    return [s for s in sentences if any(s.start <= p < s.end for p in starts)]


@dataclass(frozen=True)
class Spec:
    event: str
    present: tuple[str, ...]
    absent: tuple[str, ...]


def _events_of_run(facts: Sequence[Fact]) -> frozenset[str]:
    """Entities used as events by any attendance fact of the run: never people,
    whatever their declared type."""
    return frozenset(str(f.fields["event"]) for f in facts
                     if f.kind == "attendance" and f.fields.get("event"))


def compile(fact: Fact, spec: Spec, context: CompileContext) -> AttendanceChecker:
    index = context.entities
    event_id = spec.event
    event = entity_in(fact, "event", event_id, context, "event")
    present, absent = frozenset(spec.present), frozenset(spec.absent)
    both = sorted(present & absent)
    if both:
        raise FactError(f"{both[0]!r} is listed both as present and as absent",
                        fact.where("absent"))
    if event_id in present | absent:
        raise FactError(f"the event {event_id!r} is also listed as a person",
                        fact.where("present" if event_id in present else "absent"))
    pattern = phrase_pattern((event.name, *event.aliases))
    if pattern is None:
        raise FactError(f"the event {event_id!r} has no name to look for", fact.where("event"))
    day = parse_day(event.date)
    if event.date and day is None:
        raise FactError(f"the date of event {event_id!r} is not YYYY-MM-DD: {event.date!r}",
                        event.pos or fact.where("event"))
    run_events: frozenset[str] = context.once("attendance.events",
                                              lambda: _events_of_run(context.facts))
    names = {}
    for pid in present | absent:
        ent = index.get(pid)
        names[pid] = ent.name if ent is not None else pid
    terms = tuple(sorted({normalize_phrase(n).casefold() for n in (event.name, *event.aliases)}
                         - {""}))
    return AttendanceChecker(fact.id, event, pattern, day, present, absent, names, index,
                             run_events | {event_id}, terms)


def summary(fact: Fact, spec: Spec) -> str:
    parts = [f"at {spec.event}:"]
    if spec.present:
        parts.append(f"present {listing(spec.present)}")
    if spec.absent:
        parts.append(f"absent {listing(spec.absent)}")
    return " ".join(parts)


KIND = Kind("attendance", decoder(Spec), compile, summary,
            entity_fields={"event": "event", "present": "person", "absent": "person"})
