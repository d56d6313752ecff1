"""Paragraphs and sentences.

Paragraphs are found in the text as stored (they depend on line breaks, which
normalization collapses); sentences are found in a normalized paragraph.
"""

from __future__ import annotations

from itertools import pairwise

import regex

__all__ = ["ABBREVIATIONS", "paragraph_spans", "sentence_spans", "stands_alone"]

# A paragraph ends at a blank line, or at a line break that follows
# sentence-ending punctuation (optionally closed by quote marks or brackets).
_LB = r"(?>\r\n|\r|\n)"
_BREAK = regex.compile(
    rf"{_LB}(?:[^\S\r\n]*{_LB})+"
    rf"|(?<=[.?!:…][\"'\u201d\u2019\u00bb)\]]*[^\S\r\n]*){_LB}"
)


def paragraph_spans(text: str, short_lines: bool = False) -> list[tuple[int, int]]:
    """[start, end) of each non-blank paragraph of ``text``, outer space trimmed.

    ``short_lines`` (plain text, SPEC §3a): a short line without closing
    punctuation (a headline, a byline, a caption credit) is a paragraph of its
    own; see :func:`stands_alone` for what "short" means.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _BREAK.finditer(text):
        _add_trimmed(text, pos, m.start(), spans)
        pos = m.end()
    _add_trimmed(text, pos, len(text), spans)
    if not short_lines:
        return spans
    out: list[tuple[int, int]] = []
    for start, end in spans:
        out.extend(_split_short_lines(text, start, end))
    return out


_LINE = regex.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
SHORT_SHARE = 0.6  # a short line is shorter than this share of the block's longest line
SHORT_WORDS = 12  # ... and has at most this many words
# A block whose longest line is shorter than this shows no wrap width to measure
# against ("Bashar\nAssad spoke."): its lines are not split.
MIN_WRAP = 40
# A line ending in one of these runs on into the next line.
_RUNS_ON = frozenset("""a an the of to in on at for from by with and or but nor as that
which who whose than into about over under after before between""".split())
_TITLE_START = regex.compile(r"[\"'\u201c\u2018\u00ab(\[]*[\p{Lu}\p{N}]")
_LAST_WORD_RE = regex.compile(r"([\p{L}\p{N}']+)[^\p{L}\p{N}]*$")


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) of each line of ``text[start:end]``, line breaks excluded."""
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(text, start, end):
        if m.start() == m.end() and m.start() >= end:
            break
        line_end = m.start() + len(m.group().rstrip("\r\n"))
        out.append((m.start(), line_end))
        if m.end() >= end:
            break
    return out


def stands_alone(line: str, next_line: str, longest: int) -> bool:
    """Is ``line`` (followed by ``next_line`` in a block whose longest line has
    ``longest`` characters) a line of its own: a headline, a byline, a credit?

    It must be *short* -- at most :data:`SHORT_WORDS` words and shorter than
    :data:`SHORT_SHARE` of the longest line of its block, and that line must be
    at least :data:`MIN_WRAP` characters (else there is no wrap width to tell a
    line of its own from a wrapped one). A line of a
    hard-wrapped paragraph is cut within one word of the wrap width, so it
    stays near the longest line; only a line of its own falls well below it.
    It must also open like a title (a capital, a digit or an opening quote),
    not end with a word that runs on (``of``, ``and``, ``the``) or with a comma,
    hyphen or dash, and be followed by a line that opens with a capital, a
    digit or a quote (a wrapped sentence goes on in lower case).
    """
    stripped = line.strip()
    if not stripped or len(stripped.split()) > SHORT_WORDS:
        return False
    if longest < MIN_WRAP or len(stripped) >= SHORT_SHARE * longest:
        return False
    if not _TITLE_START.match(stripped) or not _TITLE_START.match(next_line.strip()):
        return False
    if stripped[-1] in ",;-\u2013\u2014/&([":
        return False
    last = _LAST_WORD_RE.search(stripped)
    return not (last and last.group(1).casefold() in _RUNS_ON)


def _split_short_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    lines = _lines(text, start, end)
    if len(lines) < 2:
        return [(start, end)]
    longest = max(e - s for s, e in lines)
    out: list[tuple[int, int]] = []
    pos = start
    for (s, e), (ns, ne) in pairwise(lines):
        if stands_alone(text[s:e], text[ns:ne], longest):
            _add_trimmed(text, pos, e, out)
            pos = ns
    _add_trimmed(text, pos, end, out)
    return out


def _add_trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))


# Words after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms mx dr st sr jr prof rev gen col lt maj capt cpt sgt cpl adm cmdr gov sen rep
    pres supt insp det fr hon rt messrs mme mlle no nos vs v etc inc ltd co corp bros dept est
    approx fig jan feb mar apr jun jul aug sep sept oct nov dec mt ft pp vol ed eds op cit al
    ave blvd rd""".split()
)

# A candidate boundary: terminal punctuation, optional closing marks, space,
# then something that can open a sentence.
_SENTENCE_END = regex.compile(
    r"(?<=[.?!…])[\"'\u201d\u2019\u00bb)\]]*(?=\s+[\"'\u201c\u2018\u00ab(\[]*[\p{Lu}\p{N}])"
)
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)[.]$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of a normalized paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        cut = m.end()
        punct_at = m.start() - 1
        if text[punct_at] == "." and _is_abbreviation(text, punct_at):
            continue
        _add_trimmed(text, start, cut, spans)
        start = cut
    _add_trimmed(text, start, len(text), spans)
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 20), dot + 1)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    return word.rstrip(".").casefold() in ABBREVIATIONS

