"""Facts as they were known: a fact's versions over time, chosen by the article's date.

A fact may change over time: a toll of 58 on the first day is 70-100 later
(``history`` of a quantity), a title is held from one day until another (dated
titles of a role). A kind says how its fact reads over time with
:attr:`~.base.Kind.versions`: the fact's fields as they stood up to each
``until`` (oldest first; the last version, with no ``until``, is the value as
known now). Any fact may also carry ``from``/``until`` of its own: it then
checks only articles dated in that span.

:func:`compile_dated` compiles each version as a fact of its own, with the
kind's ordinary ``compile``, and wraps them in a :class:`DatedChecker`, which
holds each article to the version in force on the article's date (an undated
article to the current one). A contradiction whose words an earlier version
confirms at the same place is reason ``outdated``: the article states a value
that was right until it was revised. Every evidence of a dated fact says which
value the article was held to (``held_to``). A fact with no dates compiles
exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from ..article import PreparedArticle
from ..errors import FactError
from ..model import Evidence, Fact, SourcePos
from ..text.dates import Day, parse_day, tells_earlier_value
from .base import Checker, CompileContext, Kind, Needs

__all__ = ["OUTDATED", "DatedChecker", "Span", "Version", "compile_dated", "dated_problems",
           "fact_span", "history_versions", "span_problems", "versions_of"]

OUTDATED = "outdated"


@dataclass(frozen=True)
class Version:
    """The fact as it stood up to ``until`` (None: the value as known now).

    ``fields`` are the fact's kind fields for that time, ``label`` the value in
    an editor's words (``58-100``), ``note`` the editor's note on it.
    """

    until: Day | None
    fields: Mapping[str, Any]
    label: str
    note: str = ""


@dataclass(frozen=True)
class Span:
    """Days from ``start`` to ``until``, both included (None: no bound)."""

    start: Day | None = None
    until: Day | None = None

    @property
    def bounded(self) -> bool:
        return self.start is not None or self.until is not None

    def holds(self, day: Day | None) -> bool:
        """Is ``day`` in the span? An undated article is read as of now: it is in
        a span that has not ended."""
        if day is None:
            return self.until is None
        return ((self.start is None or self.start <= day)
                and (self.until is None or day <= self.until))

    def words(self) -> str:
        if self.start is not None and self.until is not None:
            return f"from {self.start.iso()} until {self.until.iso()}"
        if self.start is not None:
            return f"from {self.start.iso()}"
        return f"until {self.until.iso()}" if self.until is not None else "always"


def fact_span(fact: Fact) -> Span:
    """The fact's own ``from``/``until`` (validated: both read as days)."""
    return Span(parse_day(fact.valid_from), parse_day(fact.valid_until))


def _day_problem(value: Any, what: str, pos: SourcePos) -> FactError | None:
    if parse_day(str(value)) is None or not _is_plain_day(str(value)):
        return FactError(f"{what} must be a date written YYYY-MM-DD (such as 2017-04-05), "
                         f"not {value!r}", pos)
    return None


def _is_plain_day(text: str) -> bool:
    day = parse_day(text)
    return day is not None and text.strip() == day.iso()


def span_problems(start: Any, until: Any, at: Callable[[str], SourcePos],
                  whose: str = "") -> list[FactError]:
    """Problems of a ``from``/``until`` pair: each a day, ``from`` not after ``until``."""
    out: list[FactError] = []
    for name, value in (("from", start), ("until", until)):
        if value is not None and value != "":
            bad = _day_problem(value, f"{whose}{name!r}", at(name))
            if bad is not None:
                out.append(bad)
    if not out and start and until:
        a, b = parse_day(str(start)), parse_day(str(until))
        if a is not None and b is not None and a > b:
            out.append(FactError(f"{whose}'from' ({a.iso()}) is after 'until' ({b.iso()}): "
                                 "no article could be dated in that span", at("from")))
    return out


def dated_problems(kind: Kind[Any], fact: Fact, at: Callable[..., SourcePos]
                   ) -> list[FactError]:
    """What the schema cannot check of a fact's dates: its own ``from``/``until``
    and its ``history``."""
    out = span_problems(fact.valid_from or None, fact.valid_until or None,
                        lambda name: fact.where(name))
    if kind.history_fields and fact.fields.get("history"):
        out.extend(history_problems(fact, kind, kind.history_fields, at))
    return out


def versions_of(kind: Kind[Any], fact: Fact) -> tuple[Version, ...]:
    """The fact's versions over time (oldest first), or () for a fact without dates."""
    if kind.versions is not None:
        got: tuple[Version, ...] = kind.versions(fact)
        if got:
            return got
    if kind.history_fields and fact.fields.get("history"):
        label = kind.value_label or (lambda fields: kind.describe(replace(fact, fields=fields)))
        return history_versions(fact, kind.history_fields, label)
    return ()


# -- history: earlier values of a fact ----------------------------------------
def history_versions(fact: Fact, value_fields: Sequence[str],
                     label: Callable[[Mapping[str, Any]], str]) -> tuple[Version, ...]:
    """The versions of a fact with a ``history`` (oldest first, then the current value).

    Each entry holds its own ``value_fields`` (a bound it does not give is
    open), its ``until`` and an optional ``note``; the other fields are the
    fact's. No history: no versions.
    """
    raw = fact.fields.get("history") or ()
    if not raw:
        return ()
    base = {k: v for k, v in fact.fields.items() if k != "history"}
    out: list[Version] = []
    for entry in raw:
        if not isinstance(entry, Mapping):
            continue
        own = {k: v for k, v in base.items() if k not in value_fields}
        own.update({k: entry[k] for k in value_fields if entry.get(k) is not None})
        out.append(Version(parse_day(str(entry.get("until"))), own, label(own),
                           str(entry.get("note") or "")))
    out.append(Version(None, base, label(base)))
    return tuple(out)


def history_problems(fact: Fact, kind: Kind[Any], value_fields: Sequence[str],
                     at: Callable[..., SourcePos]) -> list[FactError]:
    """Problems of a ``history``: each ``until`` a day, in order, each entry a valid
    value of its own (its problems located at the entry)."""
    raw = fact.fields.get("history") or ()
    out: list[FactError] = []
    last: Day | None = None
    base = {k: v for k, v in fact.fields.items() if k not in ("history", *value_fields)}
    known = {p.message for p in kind.problems(fact, at)}
    for j, entry in enumerate(raw):
        if not isinstance(entry, Mapping):
            continue
        here = at("history", j)
        bad = _day_problem(entry.get("until"), "'until' of a history entry", at("history", j,
                                                                               "until"))
        if bad is not None:
            out.append(bad)
        else:
            day = parse_day(str(entry["until"]))
            assert day is not None
            if last is not None and day <= last:
                out.append(FactError(
                    f"history entries must be oldest first: 'until' {day.iso()} is not after "
                    f"the entry before it ({last.iso()})", at("history", j, "until")))
            last = day
        if not any(entry.get(k) is not None for k in value_fields):
            out.append(FactError("a history entry needs " + " or ".join(
                repr(k) for k in value_fields), here))
            continue
        own = {**base, **{k: entry[k] for k in value_fields if entry.get(k) is not None}}
        version = replace(fact, fields=own, field_pos={})
        for problem in kind.problems(version, lambda *_, here=here: here):
            if problem.message not in known:  # the fact's own problems are reported once
                out.append(FactError(f"history entry: {problem.message}", here))
    return out


# -- checking ------------------------------------------------------------------
def _merged(needs: Iterable[Needs]) -> Needs:
    every = list(dict.fromkeys(needs))
    if len(every) == 1:
        return every[0]
    terms: list[str] = []
    for n in every:
        if n.terms is None:
            return Needs(None)
        terms.extend(n.terms)
    return Needs(tuple(sorted(set(terms))))


@dataclass(frozen=True)
class DatedChecker:
    """Each article held to the version of the fact in force on its date."""

    versions: tuple[Version, ...]
    checkers: tuple[Checker, ...]
    span: Span
    word: str = "value"  # what a version is: "figure", "title"

    @cached_property
    def needs(self) -> Needs:
        return _merged(c.needs for c in self.checkers)

    def version_at(self, day: Day | None) -> int:
        """The version in force on ``day`` (an undated article: the current one)."""
        if day is not None:
            for i, v in enumerate(self.versions):
                if v.until is None or day <= v.until:
                    return i
        return len(self.versions) - 1

    def held_to(self, i: int, day: Day | None) -> str:
        v = self.versions[i]
        note = f" ({v.note})" if v.note else ""
        if day is None:
            return f"undated: held to the value as known now; the fact allows {v.label}"
        return f"as of {day.iso()} the fact allows {v.label}{note}"

    def check(self, article: PreparedArticle) -> Iterator[Evidence]:
        dating = article.article.dating
        day = dating.day
        if dating.note:  # a date the article states but the checker cannot read
            where = f" (line {dating.line})" if dating.line else ""
            yield Evidence(0, 0, "note", "note", f"{dating.note}{where}")
        if not self.span.holds(day):
            return
        i = self.version_at(day)
        held = self.held_to(i, day)
        earlier: dict[int, frozenset[tuple[int, int]]] = {}
        for ev in self.checkers[i].check(article):
            if ev.status == "contradiction" and i > 0:
                ev = self._outdated(ev, i, article, earlier)
            if ev.status == "contradiction" and i + 1 < len(self.versions):
                ev = self._premature(ev, i, article, earlier)
            yield replace(ev, held_to=held)

    def _confirmed(self, j: int, article: PreparedArticle,
                   memo: dict[int, frozenset[tuple[int, int]]]) -> frozenset[tuple[int, int]]:
        if j not in memo:
            memo[j] = frozenset((e.start, e.end) for e in self.checkers[j].check(article)
                                if e.status == "consistent")
        return memo[j]

    def _outdated(self, ev: Evidence, i: int, article: PreparedArticle,
                  memo: dict[int, frozenset[tuple[int, int]]]) -> Evidence:
        """``ev`` as ``outdated`` if an earlier version confirms the same words."""
        for j in range(i - 1, -1, -1):
            if (ev.start, ev.end) in self._confirmed(j, article, memo):
                was = self.versions[j]
                assert was.until is not None
                head = ev.message.split(";")[0]
                note = f" ({was.note})" if was.note else ""
                said = (f"{head}, the {self.word} until {was.until.spoken()}{note}; "
                        f"since then {self.versions[i].label}")
                sentence = article.sentence_at(ev.start)
                told = tells_earlier_value(article.folded, sentence.start, sentence.end
                                           ) if sentence is not None else ""
                if told:  # "initially put at 58": the story recounts how it began
                    return Evidence(ev.start, ev.end, "note", OUTDATED,
                                    f"{said}; the sentence tells it as an earlier one "
                                    f"({told!r}), so it is not judged", ev.detail)
                return Evidence(ev.start, ev.end, "contradiction", OUTDATED, said, ev.detail)
        return ev

    def _premature(self, ev: Evidence, i: int, article: PreparedArticle,
                   memo: dict[int, frozenset[tuple[int, int]]]) -> Evidence:
        """``ev`` saying when the value it states came to hold, if a later version
        confirms the same words (a title used before it was held)."""
        for j in range(i + 1, len(self.versions)):
            if (ev.start, ev.end) in self._confirmed(j, article, memo):
                since = self.versions[j - 1].until
                assert since is not None
                head = ev.message.split(";")[0].split(", but ")[0]
                return replace(ev, message=f"{head}: right only from {since.next().spoken()}; "
                               f"until then the fact allows {self.versions[i].label}")
        return ev


def compile_dated(kind: Kind[Any], fact: Fact, context: CompileContext) -> Checker:
    """The fact's checker: the kind's own for a fact without dates, else a
    :class:`DatedChecker` over its versions."""
    versions = versions_of(kind, fact)
    span = fact_span(fact)
    if not versions and not span.bounded:
        return kind.checker(fact, context)
    if not versions:
        label = (kind.value_label(fact.fields) if kind.value_label is not None
                 else kind.describe(fact))
        versions = (Version(None, fact.fields, label),)
    checkers = tuple(kind.checker(replace(fact, fields=dict(v.fields)), context)
                     for v in versions)
    return DatedChecker(tuple(versions), checkers, span, kind.value_word)
