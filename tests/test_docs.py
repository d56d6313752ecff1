"""The README and docs stand alone, and facts/ shows every field the schema has."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from .conftest import ROOT

SCHEMA = ROOT / "pytest_factcheck" / "schema" / "factfile.schema.json"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def schema_fields(node: Any) -> Iterator[str]:
    """Every property name the schema defines, at any depth."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                yield from value
            yield from schema_fields(value)
    elif isinstance(node, list):
        for value in node:
            yield from schema_fields(value)


def keys_used(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from keys_used(value)
    elif isinstance(node, list):
        for value in node:
            yield from keys_used(value)


def test_schema_fields_are_found_by_the_walker() -> None:
    fields = set(schema_fields(json.loads(SCHEMA.read_text(encoding="utf-8"))))
    assert {"window", "applies_to", "min_words", "similarity", "former", "when",
            "require", "exceptions", "reason", "date"} <= fields


def test_every_schema_field_has_an_example_in_facts() -> None:
    fields = set(schema_fields(json.loads(SCHEMA.read_text(encoding="utf-8"))))
    used: set[str] = set()
    for path in sorted((ROOT / "facts").rglob("*.y*ml")):
        used |= set(keys_used(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert sorted(fields - used) == []


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_docs_do_not_cite_a_spec_outside_the_repo(path: Any) -> None:
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\bSPEC\b|§", text)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_relative_links_in_docs_resolve(path: Any) -> None:
    text = path.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#:\s]+)(?:#[^)]*)?\)", text):
        assert (path.parent / target).exists(), f"{path.name}: broken link {target}"
