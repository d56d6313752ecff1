"""The disagreements of a discovery as JSON and as a terminal table.

The JSON (``version`` 1)::

    {"version": 1,
     "articles": 4,
     "disagreements": [
       {"kind": "spelling", "subject": "Sergei Lavrov", "why": "...",
        "covered_by": "lavrov-spelling",            # only with --facts, when one does
        "variants": [
          {"value": "Sergei Lavrov", "count": 4,
           "places": [{"article": "a.txt", "line": 3, "column": 5, "excerpt": "..."}]},
          ...]}]}

A quote variant also has ``speaker`` (the name its attribution gives). The
table shows the same, most-disputed first; every piece of article text goes
through :func:`~pytest_factcheck.outputs.safe_text.neutralise`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..outputs.safe_text import neutralise
from .disagreements import Discovery

__all__ = ["VERSION", "report_json", "table"]

VERSION = 1
VALUE_WIDTH = 56
PLACES_SHOWN = 3
SHOWN = 40  # disagreements in the table (the JSON has them all)
VARIANTS_SHOWN = 6


def report_json(d: Discovery) -> dict[str, Any]:
    return {"version": VERSION, "articles": d.articles,
            "disagreements": [x.to_json() for x in d.disagreements]}


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _common_words(values: Iterable[str]) -> int:
    """How many leading words every value shares (a quote's wordings differ later)."""
    split = [v.casefold().split() for v in values]
    n = 0
    while split and all(len(w) > n for w in split) and len({w[n] for w in split}) == 1:
        n += 1
    return n


def table(d: Discovery, shown: int = SHOWN) -> list[str]:
    """The disagreements as terminal lines (already neutralised): the ``shown``
    most disputed, each with its :data:`VARIANTS_SHOWN` most used variants."""
    if not d.disagreements:
        return [f"factcheck suggest: no disagreement found in {d.articles} articles"]
    open_ = sum(1 for x in d.disagreements if not x.covered)
    n = len(d.disagreements)
    lines = [f"factcheck suggest: {n} disagreement{'' if n == 1 else 's'} in {d.articles} "
             f"articles ({open_} not settled by a written fact), most disputed first",
             f"{'#':>3}  {'kind':<8}  {'value':<{VALUE_WIDTH}}  {'uses':>4}  where"]
    for n, x in enumerate(d.disagreements[:shown], 1):
        settled = f"  [settled by {x.covered}]" if x.covered else ""
        lines.append(f"{n:>3}  {x.kind:<8}  {_cut(x.subject, 70)} -- {x.why}{settled}")
        skip = _common_words(v.value for v in x.variants) if x.kind == "quote" else 0
        for v in x.variants[:VARIANTS_SHOWN]:
            words = v.value.split()
            # A quote's wordings share their first words: show where they differ.
            text = (" ".join(words) if skip < 4 or skip >= len(words) - 1
                    else "... " + " ".join(words[skip - 2:]))
            value = (f"{v.speaker}: " if v.speaker else "") + text
            places = list(dict.fromkeys(p.short for p in v.places))
            where = ", ".join(places[:PLACES_SHOWN])
            if len(places) > PLACES_SHOWN:
                where += f" +{len(places) - PLACES_SHOWN}"
            lines.append(f"{'':>3}  {'':<8}  {_cut(value, VALUE_WIDTH):<{VALUE_WIDTH}}  "
                         f"{v.count:>4}  {where}")
        if len(x.variants) > VARIANTS_SHOWN:
            lines.append(f"{'':>3}  {'':<8}  ... {len(x.variants) - VARIANTS_SHOWN} more ways")
    if len(d.disagreements) > shown:
        lines.append(f"... and {len(d.disagreements) - shown} more disagreements "
                     "(--report writes them all)")
    return [neutralise(line) for line in lines]
