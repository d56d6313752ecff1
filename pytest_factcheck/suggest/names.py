"""Names in prose, and when two spellings are one name.

Pure functions on strings (no article, no corpus):

* :func:`name_runs` finds the capitalized runs of a sentence that may name a
  person or a place (``Sergei Lavrov``, ``Bashar al-Assad``, ``Khan
  Sheikhoun``), with the honorific or title standing before them. A possessive
  is not part of the name (``Lavrov's`` is ``Lavrov``); a word in capitals
  (``VLADIMIR Putin``, a paper's drop capital) is read in title case.
* :func:`translit_key` folds the usual transliteration and typing variants
  (``y``/``i``, ``kh``/``h``, ``ou``/``u``, doubled letters) so that
  ``Sergey`` and ``Sergei`` fold alike;
* :func:`distance` is the Damerau-Levenshtein distance (a swap is one edit);
* :func:`near_word` says whether two spellings of one word are close enough,
  relative to their length, to be one word spelled two ways.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..entities import HONORIFICS, NOT_GIVEN_NAMES
from ..text.dates import MONTH_NAMES, WEEKDAYS

__all__ = [
    "NameRun",
    "distance",
    "name_runs",
    "near_word",
    "particle_free",
    "title_case",
    "translit_key",
]

# One word of a name: a capital and lower-case letters, with inner apostrophes
# or hyphens (O'Brien, Jean-Marc), after an optional lower-case particle
# (al-Assad, el-Sisi); or a word in capitals of four letters or more.
_WORD = (r"(?:(?:al|el|ad|ar|as|ash|bin|ibn|abu|abd)-)?(?:\p{Lu}')?\p{Lu}[\p{Ll}\p{M}]+"
         r"(?:\p{Lu}[\p{Ll}\p{M}]+)?"
         r"(?:['\-]\p{Lu}?[\p{Ll}\p{M}]{2,})*|\p{Lu}{4,}")
_RUN = regex.compile(rf"(?<![\p{{L}}\p{{N}}'\-.])(?:{_WORD})(?:[ ](?:{_WORD})){{0,5}}"
                     r"(?:(?P<poss>'s?(?![\p{L}\p{N}]))|(?!['\-]?[\p{L}\p{N}]))")
_HONORIFIC_BEFORE = regex.compile(
    rf"(?<![\p{{L}}])(?P<h>{'|'.join(HONORIFICS)})\.?[ ]$")

# Words that make a capitalized run a body, a place or a thing, not a person.
NOT_PERSON_WORDS = frozenset("""
    council nations union government ministry department office house party
    parliament assembly congress senate court army force forces navy police
    agency organisation organization committee commission state states republic
    kingdom university college school hospital street road square city county
    province region river sea ocean mountains island islands airport station
    bank company group corporation news times post guardian telegraph
    press service services front coalition alliance movement army brigade
    church mosque museum centre center institute foundation fund programme
    program summit conference meeting war revolution accord agreement treaty
    act bill day week east west north south northern southern eastern western
    middle gulf valley desert basin coast cup league championship games
    staff directorate headquarters command regime
    """.split())

_NOT_NAME = (NOT_GIVEN_NAMES | frozenset(m.casefold() for m in MONTH_NAMES)
             | frozenset(w.casefold() for w in WEEKDAYS))

# Titles a name may follow directly ("President Bashar al-Assad"): the head
# words of offices; modifiers before them (Foreign, Russian, US) ride along.
TITLE_HEADS = frozenset("""
    president premier minister secretary chancellor senator governor mayor
    ambassador envoy spokesman spokeswoman spokesperson commissioner chairman
    chairwoman director general admiral colonel commander chief leader king
    queen prince judge prosecutor representative counterpart
    """.split())


# Capitalized words that lead a name without being part of it.
_LEAD_WORDS = _NOT_NAME | TITLE_HEADS | frozenset(
    "foreign defence defense interior finance health justice home trade state".split())
_OPENER_SHAPE = regex.compile(r"(?:ing|ed|ly)$")
_OFFICE_OF = regex.compile(r"(?i:" + "|".join(sorted(TITLE_HEADS)) + r")\s+of\s+$")


def _at_sentence_start(text: str, pos: int, floor: int) -> bool:
    before = text[max(floor, pos - 3):pos].strip()
    return pos <= floor or before[-1:] in ("", ".", "!", "?", '"', "(")


@dataclass(frozen=True)
class NameRun:
    """A capitalized run read as a name, in the offsets of the text given.

    ``words`` are the name's words as written (title case for words in
    capitals), ``honorific`` the Mr/Dr... before it, ``lead`` the
    capitalized title words dropped from its front (``President``).
    """

    start: int
    end: int
    words: tuple[str, ...]
    honorific: str = ""
    lead: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(self.words)


def title_case(word: str) -> str:
    """``VLADIMIR`` -> ``Vladimir``; other words (and acronyms: ``US``) unchanged."""
    if len(word) >= 4 and word.isupper():
        return word[:1] + word[1:].lower()
    return word


def name_runs(text: str, start: int = 0, end: int | None = None) -> list[NameRun]:
    """The name-like capitalized runs of ``text[start:end]``.

    Leading words that are honorifics, titles, sentence openers, months or
    weekdays are dropped (``Mr``, ``President``, ``The``, ``On Tuesday``); a
    run left with no word, or whose words are all capitals, is no name.
    """
    out: list[NameRun] = []
    stop = len(text) if end is None else end
    for m in _RUN.finditer(text, start, stop):
        raw = m.group()
        if m.group("poss"):
            raw = raw[: len(raw) - len(m.group("poss"))]
        words = raw.split(" ")
        offsets = []
        pos = m.start()
        for w in words:
            offsets.append(pos)
            pos += len(w) + 1
        # Everything up to the last honorific, title or opener word is the
        # lead ("Russian President", "On Tuesday"), not the name.
        k = 0
        for j, w in enumerate(words):
            if w.casefold() in _LEAD_WORDS:
                k = j + 1
        lead = tuple(words[:k])
        rest = words[k:]
        if (not lead and len(rest) >= 3
                and _OFFICE_OF.search(text, max(start, m.start() - 40), m.start())):
            # "Mayor of Ashford Helen Ashworth": the place ends the title.
            lead, rest, k = (rest[0],), rest[1:], 1
        if (not lead and len(rest) > 1 and _OPENER_SHAPE.search(rest[0])
                and _at_sentence_start(text, m.start(), start)):
            rest = rest[1:]  # "Arriving", "Following", "Earlier" open the sentence
            k += 1
        if not rest or len(rest) > 4:
            continue
        joined = " ".join(rest)
        if joined.isupper():  # every word in capitals (each word holds a capital)
            continue
        s = offsets[k]
        e = s + len(joined)
        honorific = ""
        # An honorific ends with a space right before the name.
        h = (_HONORIFIC_BEFORE.search(text, max(0, s - 6), s) if s and text[s - 1] == " "
             else None)
        if h is not None:
            honorific = h.group("h")
        elif lead and lead[-1] in HONORIFICS:
            honorific = lead[-1]
        out.append(NameRun(s, e, tuple(map(title_case, rest)), honorific, lead))
    return out


def particle_free(word: str) -> str:
    """``al-Assad`` -> ``Assad``: the word without a leading particle."""
    head, sep, tail = word.partition("-")
    if sep and head.islower() and tail[:1].isupper():
        return tail
    return word


_FOLDS = (("kh", "h"), ("ph", "f"), ("ck", "k"), ("ou", "u"), ("oo", "u"), ("ee", "i"),
          ("iy", "i"), ("yi", "i"), ("y", "i"), ("w", "v"), ("'", ""), ("-", ""))

_DOUBLED = regex.compile(r"(.)\1+")


def translit_key(word: str) -> str:
    """A key equal for the usual transliterations of one word:
    ``Sergey``/``Sergei``, ``Mohammed``/``Mohamed``, ``Dmitry``/``Dmitri``."""
    out = word.casefold()
    for a, b in _FOLDS:
        out = out.replace(a, b)
    return _DOUBLED.sub(r"\1", out)


def distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment) between two words."""
    if a == b:
        return 0
    la, lb = len(a), len(b)
    prev2: list[int] = []
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        for j in range(1, lb + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[lb]


def near_word(a: str, b: str, *, given: bool = False) -> bool:
    """Are ``a`` and ``b`` one word spelled two ways?

    Never when they are equal, start with different letters, or are short
    (under five letters: ``Jon``/``Jan`` are two names). A transliteration
    variant (equal :func:`translit_key`) is; otherwise one edit for words of
    up to eight letters, two for longer ones, counted on the folded keys. A
    given name (``given``) admits only a transliteration or one edit in six
    letters or more (``Daniel``/``Danielle`` are two names).
    """
    la, lb = a.casefold(), b.casefold()
    if la == lb or la[:1] != lb[:1] or min(len(la), len(lb)) < 5:
        return False
    pa, pb = la.split("-"), lb.split("-")
    if len(pa) > 1 or len(pb) > 1:
        # A double-barrelled name: the same parts, one spelled two ways
        # (``Nowak-Wells`` is not ``Nowak-West``: Wells and West are two names).
        if len(pa) != len(pb):
            return False
        diff = [(x, y) for x, y in zip(pa, pb, strict=True) if x != y]
        return len(diff) == 1 and near_word(*diff[0], given=given)
    ka, kb = translit_key(la), translit_key(lb)
    if ka == kb:
        return True
    if given:
        return min(len(la), len(lb)) >= 6 and distance(la, lb) == 1 and len(la) == len(lb)
    allowed = 1 if max(len(ka), len(kb)) <= 8 else 2
    return distance(ka, kb) <= allowed
