"""Discovery: the facts and disagreements nobody has written yet (``factcheck suggest``).

Pytest-free, on the same article reading as a check:

* :mod:`.candidates` -- what one article says (names, titles, counts, quotes):
  the map over articles;
* :mod:`.disagreements` -- people, candidates and disagreements across the
  corpus: the reduce;
* :mod:`.draft` -- a fact file of the candidates, with comments saying where
  each was seen;
* :mod:`.report` -- the disagreements as JSON and as a terminal table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..corpus import Corpus
from ..model import Problem
from .candidates import read_article, read_quotes
from .disagreements import Discovery, discover, entity_index, people

__all__ = ["Suggestion", "suggest"]


@dataclass(frozen=True)
class Suggestion:
    discovery: Discovery
    problems: tuple[Problem, ...]


def suggest(paths: Sequence[str | Path], *, rootdir: str | Path = ".") -> Suggestion:
    """Read every article below ``paths`` and find the candidates and disagreements."""
    sel = Corpus(Path(rootdir)).load(list(paths))
    articles = sel.articles
    readings = [read_article(a) for a in articles]
    named = people(readings)
    index = entity_index(named.people)
    quotes = [q for a in articles for q in read_quotes(a, index)]
    return Suggestion(discover(readings, quotes, named), tuple(sel.problems))
