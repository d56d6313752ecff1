"""``pattern``: the escape hatch.

Patterns use the ``regex`` module's syntax, case-insensitive, on normalized
(folded) text, and run under a time limit. ``forbid`` matching in a window where
``unless_match`` does not is a contradiction; where ``unless_match`` also
matches, the claim is reported, not asserted (consistent). An article that
matches ``when`` (or any article, without ``when``) and never matches
``require`` contradicts the fact at the first ``when`` match (line 1 without
``when``); each ``require`` match is consistent evidence.

Decision where the fact-file format is silent: the *literal* characters of a pattern are
normalized like article text before it is compiled, since a pattern is matched
against normalized text and could otherwise never match what it spells out
(``Société Générale``, ``U\\.N\\. Security Council``, ``G-7``, ``’``, ``—``).
Accented letters are folded, curly quotes made straight, every dash made ``-``,
the dots of a capital-letter abbreviation dropped, and a hyphen between a letter
and a digit dropped. Regex syntax is left alone; a pattern whose rewritten form
does not compile is used as written.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..article import PreparedArticle
from ..errors import FactError
from ..model import Evidence, Fact, SourcePos
from ..text.normalize import normalize
from ..text.regex_literals import required_literals
from .base import EVERY_ARTICLE, CompileContext, Kind, Locate, Needs, decoder

FLAGS = regex.IGNORECASE | regex.FULLCASE | regex.VERSION0


_ABBREVIATION = regex.compile(r"(?<![\p{L}\p{N}\\\[])(?:\p{Lu}\\?\.){2,}(?![\p{L}\p{N}])")
_LETTER_HYPHEN_DIGIT = regex.compile(r"(?<=(?<!\\)\p{L})\\?-(?=\d)")


def _literal(ch: str) -> str:
    """A non-ASCII (or backtick) literal character as normalized text has it, escaped."""
    folded = normalize(ch, strip=False).folded
    if folded == ch:
        return ch
    return "".join(c if c.isalnum() else regex.escape(c) for c in folded)


def normalize_pattern(source: str) -> str:
    """Rewrite the literal characters of a pattern the way article text is normalized."""
    out: list[str] = []
    i = 0
    n = len(source)
    while i < n:
        ch = source[i]
        if ch == "\\" and i + 1 < n:
            nxt = source[i + 1]
            if nxt.isascii() and nxt != "`":
                out.append(source[i:i + 2])
            else:
                out.append(_literal(nxt))
            i += 2
            continue
        out.append(_literal(ch) if not ch.isascii() or ch == "`" else ch)
        i += 1
    text = "".join(out)
    text = _ABBREVIATION.sub(lambda m: m.group().replace("\\", "").replace(".", ""), text)
    return _LETTER_HYPHEN_DIGIT.sub("", text)


def compile_pattern(source: str, field: str, pos: SourcePos) -> regex.Pattern[str]:
    """Compile a fact's regex or raise a FactError that says where it broke."""
    try:
        written = regex.compile(source, FLAGS)
    except regex.error as exc:
        at: int | None = getattr(exc, "pos", None)
        where = f" at character {at + 1}" if at is not None else ""
        msg = str(exc).split(" at position")[0]
        raise FactError(f"{field!r} is not a valid regular expression{where}: {msg}",
                        pos) from None
    rewritten = normalize_pattern(source)
    if rewritten == source:
        return written
    try:
        return regex.compile(rewritten, FLAGS)
    except regex.error:
        return written


@dataclass(frozen=True)
class PatternChecker:
    window: str
    forbid: regex.Pattern[str] | None
    unless_match: regex.Pattern[str] | None
    when: regex.Pattern[str] | None
    require: regex.Pattern[str] | None
    timeout: float
    terms: tuple[str, ...] = ()
    unless_source: str = ""  # ``unless_match`` as the fact file writes it
    needs: Needs = EVERY_ARTICLE

    def check(self, article: PreparedArticle) -> Iterator[Evidence]:
        text = article.folded
        t = self.timeout
        if self.forbid is not None:
            for m in self.forbid.finditer(text, timeout=t):
                if m.end() == m.start():
                    continue
                win = article.window_at(self.window, m.start())
                reported = (
                    self.unless_match is not None and win is not None
                    and self.unless_match.search(text, win.start, win.end, timeout=t) is not None
                )
                if reported:
                    yield Evidence(m.start(), m.end(), "consistent", "forbidden",
                                   f"{m.group()!r} is reported as a claim, not asserted")
                else:
                    yield Evidence(m.start(), m.end(), "contradiction", "forbidden",
                                   f"asserts {m.group()!r}, which the fact forbids"
                                   + self._not_reported())
        if self.require is not None:
            anchor = None
            if self.when is not None:
                anchor = self.when.search(text, timeout=t)
                if anchor is None:
                    return
            found = False
            for m in self.require.finditer(text, timeout=t):
                if m.end() == m.start():
                    continue
                found = True
                yield Evidence(m.start(), m.end(), "consistent", "missing-required",
                               f"has the required wording {m.group()!r}")
            if not found:
                s, e = (anchor.span() if anchor is not None else (0, 0))
                what = (f"mentions {anchor.group()!r}" if anchor is not None
                        else "never has")
                yield Evidence(s, e, "contradiction", "missing-required",
                               f"{what} but never matches the required pattern "
                               f"{self.require.pattern!r}" if anchor is not None else
                               f"{what} the required pattern {self.require.pattern!r}")


    def _not_reported(self) -> str:
        """Why a forbidden match is asserted: nothing in its window reports it."""
        if self.unless_match is None:
            return ""
        return (f"; nothing in the {self.window} reports it as a claim (no match for "
                f"unless_match {self.unless_source!r})")


_FIELDS = ("forbid", "unless_match", "when", "require")


@dataclass(frozen=True)
class Spec:
    """The four patterns as the fact file writes them ("" when absent)."""

    forbid: str
    unless_match: str
    when: str
    require: str


def validate(fact: Fact, spec: Spec, at: Locate) -> list[FactError]:
    out: list[FactError] = []
    if spec.unless_match and not spec.forbid:
        out.append(FactError("'unless_match' needs a 'forbid' pattern",
                             fact.where("unless_match")))
    if spec.when and not spec.require:
        out.append(FactError("'when' needs a 'require' pattern", fact.where("when")))
    return out


def needs_of(forbid: regex.Pattern[str] | None, when: regex.Pattern[str] | None,
             require: regex.Pattern[str] | None) -> Needs:
    """The literals one of which an article must hold: those of every ``forbid``
    match, or (with ``require``) of a ``when`` match; a ``require`` without
    ``when`` speaks about every article."""
    wanted = [] if forbid is None else [forbid]
    if require is not None:
        if when is None:
            return EVERY_ARTICLE
        wanted.append(when)
    found: set[str] = set()
    for compiled in wanted:
        lits = required_literals(compiled.pattern)
        if lits is None:
            return EVERY_ARTICLE
        found.update(lits)
    return Needs.of(sorted(found))


def compile(fact: Fact, spec: Spec, context: CompileContext) -> PatternChecker:
    pats = {name: compile_pattern(getattr(spec, name), name, fact.where(name))
            for name in _FIELDS if getattr(spec, name)}
    forbid, when, require = pats.get("forbid"), pats.get("when"), pats.get("require")
    return PatternChecker(fact.window, forbid, pats.get("unless_match"), when, require,
                          context.regex_timeout, unless_source=spec.unless_match,
                          needs=needs_of(forbid, when, require))


def summary(fact: Fact, spec: Spec) -> str:
    if spec.forbid:
        return f"never asserts /{spec.forbid}/"
    return f"must match /{spec.require}/" + (f" when /{spec.when}/" if spec.when else "")


KIND = Kind("pattern", decoder(Spec), compile, summary, validate, user_patterns=True)
