"""Each named rule of text/numbers.EXCLUSIONS is live: its example is not read as a
count, and with that rule taken out the same words are read as one."""

from __future__ import annotations

import pytest

from pytest_factcheck.text import numbers
from pytest_factcheck.text.numbers import EXCLUSIONS, find_numbers

# rule name -> (sentence, the number's text in it)
EXAMPLES = {
    "joined before": ("The last train left at 16:05 yesterday.", "05"),
    "joined after": ("The six-year war displaced the region.", "six"),
    "capitalized number word": ("She presented the programme on BBC Two last night.", "Two"),
    "age after a name": ("Abdel Youssef, 29, lost his wife in the attack.", "29"),
    "money or a share": ("The council lost 5 million dollars on the scheme.", "5 million"),
    "time of day": ("The blast came at 4 pm near the market.", "4"),
    "day of the month": ("The meeting opened on 4 April in the capital.", "4"),
    "label": ("The dispute turned on Article 5 of the treaty.", "5"),
    "name of a number": ("Leaders of the Group of 7 met in Lucca.", "7"),
    "ratio": ("Officials said one in five homes was damaged.", "five"),
    "pronoun one": ("It was one of the deadliest attacks in years.", "one"),
    "article at the end": ("Thousands fled, and a hundred and a half stayed.", "a"),
}


def _read(sentence: str, number: str) -> bool:
    start = sentence.index(number)
    return any(e.value_start <= start < e.value_end or e.start <= start < e.end
               for e in find_numbers(sentence))


def test_every_rule_has_an_example() -> None:
    assert {name for name, _ in EXCLUSIONS} <= set(EXAMPLES) | {"article at the end"}


@pytest.mark.parametrize("name", [n for n, _ in EXCLUSIONS if n != "article at the end"])
def test_the_rule_excludes_its_example_and_only_it_does(name: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    sentence, number = EXAMPLES[name]
    assert not _read(sentence, number), f"{name}: {number!r} was read as a count"
    monkeypatch.setattr(numbers, "EXCLUSIONS", tuple(r for r in EXCLUSIONS if r[0] != name))
    assert _read(sentence, number), f"{name}: without the rule, {number!r} is still not read"
