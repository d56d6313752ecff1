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

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..article import PreparedArticle
from ..corpus import Corpus
from ..loader import load_catalog
from ..model import Problem
from .candidates import read_article, read_quotes
from .disagreements import Discovery, discover, entity_index, people
from .draft import draft_yaml
from .written import Written, settle

__all__ = ["Suggestion", "discover_in", "suggest"]


@dataclass(frozen=True)
class Suggestion:
    discovery: Discovery
    problems: tuple[Problem, ...]  # articles or fact files that could not be read
    written: Written

    def draft(self) -> str:
        return draft_yaml(self.discovery, self.written)


def discover_in(articles: Sequence[PreparedArticle], written: Written | None = None
                ) -> Discovery:
    """The candidates and disagreements of prepared articles; with ``written``
    (the facts already written), each disagreement they settle is marked."""
    readings = [read_article(a) for a in articles]
    named = people(readings)
    index = entity_index(named.people)
    quotes = [q for a in articles for q in read_quotes(a, index)]
    found = discover(readings, quotes, named)
    if written is not None and written.facts:
        found = dataclasses.replace(found, disagreements=tuple(
            dataclasses.replace(d, covered=settle(d, written)) for d in found.disagreements))
    return found


def suggest(paths: Sequence[str | Path], *, facts: Sequence[str | Path] = (),
            rootdir: str | Path = ".") -> Suggestion:
    """Read every article below ``paths`` and find the candidates and disagreements;
    with ``facts``, mark the disagreements those facts settle."""
    problems: list[Problem] = []
    written = Written()
    if facts:
        catalog = load_catalog(list(facts))
        problems.extend(catalog.problems)
        written = Written.of(catalog)
    sel = Corpus(Path(rootdir)).load(list(paths))
    found = discover_in(sel.articles, written)
    return Suggestion(found, (*problems, *sel.problems), written)
