"""``spelling``: house style for names and terms.

Every occurrence of an ``avoid`` form, as whole words, is a contradiction that
suggests ``preferred``; every occurrence of ``preferred`` is consistent
evidence. Case is ignored, diacritics are not (this kind reads the ``surface``
view, where diacritics are kept); curly and straight apostrophes are equal.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

import regex

from ..article import PreparedArticle
from ..errors import FactError
from ..model import Evidence, Fact
from ..text.confusables import foreign_letters, skeleton_text
from ..text.normalize import normalize, normalize_phrase
from .base import CompileContext, Kind, Locate, Needs, decoder, empty_entries, listing

_APOSTROPHES = "['\u2018\u2019\u201b\u2032`\u00b4]"


# ASCII letter pairs that a single character case-folds to in full case
# folding (ß and ẞ to "ss", the ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ): only forms holding one
# of them can match differently with FULLCASE.
_FULL_FOLD_PAIRS = ("ss", "ff", "fi", "fl", "st")


def _form_pattern(forms: list[str]) -> regex.Pattern[str]:
    surfaces = tuple(normalize(f).surface for f in sorted(forms, key=len, reverse=True))
    return _compiled_forms(surfaces)


@functools.lru_cache(maxsize=4096)
def _compiled_forms(surfaces: tuple[str, ...]) -> regex.Pattern[str]:
    alts = ["".join(_APOSTROPHES if c in "'\u2019\u2018" else regex.escape(c) for c in surface)
            for surface in surfaces]
    # FULLCASE compiles ~6x slower; without it, forms of plain ASCII letters
    # with no pair above match exactly the same texts.
    full = any(not s.isascii() or any(p in s.casefold() for p in _FULL_FOLD_PAIRS)
               for s in surfaces)
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}\p{{M}}])(?:{'|'.join(alts)})(?![\p{{L}}\p{{N}}\p{{M}}])",
        regex.IGNORECASE | (regex.FULLCASE if full else 0),
    )


@dataclass(frozen=True)
class SpellingChecker:
    preferred: str
    avoid: regex.Pattern[str]
    good: regex.Pattern[str]
    terms: tuple[str, ...]
    timeout: float

    @cached_property
    def needs(self) -> Needs:
        return Needs.of(self.terms)

    def check(self, article: PreparedArticle) -> Iterator[Evidence]:
        text = article.surface
        good_spans = [m.span() for m in self.good.finditer(text, timeout=self.timeout)]
        for s, e in good_spans:
            yield Evidence(s, e, "consistent", "avoided-spelling",
                           f"uses the house spelling {self.preferred!r}")
        for m in self.avoid.finditer(text, timeout=self.timeout):
            if any(gs <= m.start() and m.end() <= ge for gs, ge in good_spans):
                continue
            yield Evidence(m.start(), m.end(), "contradiction", "avoided-spelling",
                           f"writes {m.group()!r}; house style is {self.preferred!r}")
        yield from self._look_alikes(article, good_spans)

    def _look_alikes(self, article: PreparedArticle, good_spans: list[tuple[int, int]]
                     ) -> Iterator[Evidence]:
        """An avoided or house form written with letters of another script."""
        text = article.surface
        # One skeleton per article, shared by every spelling fact (it was the
        # costliest step of a cold run when each fact made its own).
        if _SKELETON in article.cache:
            skeleton = article.cache[_SKELETON]
        else:
            skeleton = article.cache[_SKELETON] = skeleton_text(text)
        if skeleton is None:
            return
        found = [*self.avoid.finditer(skeleton, timeout=self.timeout),
                 *self.good.finditer(skeleton, timeout=self.timeout)]
        for m in sorted(found, key=lambda m: m.start()):
            s, e = m.span()
            written = text[s:e]
            if written == m.group() or (s, e) in good_spans:
                continue
            foreign = ", ".join(f.describe() for f in foreign_letters(written, m.group()))
            yield Evidence(s, e, "contradiction", "avoided-spelling",
                           f"writes {written!r} with {foreign} that looks like a Latin letter; "
                           f"house style is {self.preferred!r}")


_SKELETON = "spelling:skeleton"  # article.cache key


@dataclass(frozen=True)
class Spec:
    preferred: str
    avoid: tuple[str, ...]


def validate(fact: Fact, spec: Spec, at: Locate) -> list[FactError]:
    out = empty_entries(at, {"avoid": fact.fields.get("avoid", ())})
    for a in spec.avoid:
        if normalize(a).surface.casefold() == normalize(spec.preferred).surface.casefold():
            out.append(FactError(f"'avoid' lists the preferred form {a!r} itself",
                                 fact.where("avoid")))
            break
    return out


def compile(fact: Fact, spec: Spec, context: CompileContext) -> SpellingChecker:
    avoid = list(spec.avoid)
    terms = tuple({normalize_phrase(a).casefold() for a in [*avoid, spec.preferred]})
    return SpellingChecker(spec.preferred, _form_pattern(avoid), _form_pattern([spec.preferred]),
                           terms, context.regex_timeout)


def summary(fact: Fact, spec: Spec) -> str:
    return f"house style is {spec.preferred!r}, not {listing(spec.avoid)}"


KIND = Kind("spelling", decoder(Spec), compile, summary, validate)
