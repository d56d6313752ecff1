"""Which command-line paths are articles, which are fact files, which are tests.

``pytest --factcheck seeds/``, ``pytest --factcheck=seeds/`` and
``pytest seeds/ --factcheck`` must all check ``seeds/``. ``--factcheck`` takes
any number of paths, so in the first two forms the paths are its values; in
the third they are pytest's positional arguments. A positional path is taken
as articles when it is an article file or a folder that holds no Python test
files (``test_*.py``, ``*_test.py``, ``conftest.py``): such a folder has nothing
for pytest to collect. Everything else stays a test path for pytest.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .articles import ARTICLE_SUFFIXES

FACT_SUFFIXES = (".yaml", ".yml")
TEST_FILES = ("test_*.py", "*_test.py", "conftest.py")


@dataclass(frozen=True)
class CommandPaths:
    """The paths of one ``--factcheck`` run, sorted by what they are."""

    articles: tuple[str, ...] = ()
    fact_files: tuple[str, ...] = ()
    tests: tuple[str, ...] = ()


def is_fact_file(path: str) -> bool:
    return path.lower().endswith(FACT_SUFFIXES)


def holds_tests(folder: Path, patterns: Sequence[str] = TEST_FILES) -> bool:
    """True when a Python test file lies at or below ``folder`` (stops at the first)."""
    for _dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        if any(fnmatch.fnmatch(f, p) for f in filenames for p in patterns):
            return True
    return False


def _is_articles(arg: str, invocation_dir: Path) -> bool:
    if "::" in arg:
        return False
    path = invocation_dir / arg
    if Path(arg).suffix.lower() in ARTICLE_SUFFIXES:
        return True
    return path.is_dir() and not holds_tests(path)


def sort_paths(option_values: Iterable[str], positional: Iterable[str],
               invocation_dir: Path) -> CommandPaths:
    """Sort ``--factcheck`` values and positional arguments into articles, facts, tests."""
    articles: list[str] = []
    facts: list[str] = []
    tests: list[str] = []
    for value in option_values:
        (facts if is_fact_file(value) else articles).append(value)
    for arg in positional:
        if is_fact_file(arg) and "::" not in arg:
            facts.append(arg)
        elif _is_articles(arg, invocation_dir):
            articles.append(arg)
        else:
            tests.append(arg)
    return CommandPaths(tuple(articles), tuple(facts), tuple(tests))
