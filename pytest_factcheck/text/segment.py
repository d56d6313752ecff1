"""Paragraphs and sentences.

Paragraphs are found in the text as stored (they depend on line breaks, which
normalization collapses); sentences are found in a normalized paragraph.
"""

from __future__ import annotations

import regex

__all__ = ["ABBREVIATIONS", "paragraph_spans", "sentence_spans"]

# A paragraph ends at a blank line, or at a line break that follows
# sentence-ending punctuation (optionally closed by quote marks or brackets).
_LB = r"(?>\r\n|\r|\n)"
_BREAK = regex.compile(
    rf"{_LB}(?:[^\S\r\n]*{_LB})+"
    rf"|(?<=[.?!:…][\"'\u201d\u2019\u00bb)\]]*[^\S\r\n]*){_LB}"
)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each non-blank paragraph of ``text``, outer space trimmed."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _BREAK.finditer(text):
        _add_trimmed(text, pos, m.start(), spans)
        pos = m.end()
    _add_trimmed(text, pos, len(text), spans)
    return spans


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

