"""Speed work must not change results: equivalences behind the fast paths."""

from __future__ import annotations

import regex
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.factyaml import _compose
from pytest_factcheck.kinds.quote import _rarity_cost, _terms, _wording
from pytest_factcheck.kinds.spelling import _FULL_FOLD_PAIRS, _compiled_forms

from .test_quote_kind import checker


def test_quote_terms_prefer_rare_words() -> None:
    w = _wording("There is no question that the Ashford warehouse fire was avoidable", 5)
    terms = _terms([w], 5)
    assert "ashford" in terms
    assert not {"the", "that", "is", "no", "there", "was"} & set(terms)


def test_rarity_cost_orders_words() -> None:
    assert _rarity_cost("the", "the", False) == 1.0
    assert _rarity_cost("warehouse", "warehouse", False) < _rarity_cost("fire", "fire", False)
    assert _rarity_cost("ashford", "Ashford", False) < _rarity_cost("ashford", "ashford", False)


@settings(deadline=None)
@given(st.lists(st.sampled_from("the a of Tring said warehouse we it Ødegaard".split()),
                min_size=5, max_size=30),
       st.integers(min_value=1, max_value=5))
def test_term_groups_are_the_anchors(words: list[str], n: int) -> None:
    ch = checker(text=" ".join(words), min_words=n)
    groups = ch.term_groups
    for k in range(len(words) - n + 1):
        anchor = {w.casefold() for w in words[k:k + n]}
        assert tuple(sorted(anchor)) in groups
        # every anchor holds a term: an article with an anchor is a candidate
        assert anchor & set(ch.terms)


_ALPHABET = list("abcdeghijkmnoprtuvwxyzAKS '-.") + list("ßẞﬀﬁﬂﬃﬄﬅﬆıİſKÅσς\u0307\u0301é")


@settings(deadline=None)
@given(st.text(alphabet="abcdeghijkmnoprtuvwxyzAKS", min_size=1, max_size=6),
       st.text(alphabet=_ALPHABET, max_size=30))
def test_spelling_without_fullcase_is_equivalent(form: str, text: str) -> None:
    if any(p in form.casefold() for p in _FULL_FOLD_PAIRS):
        return
    fast = _compiled_forms((form,))
    assert not fast.flags & regex.FULLCASE
    full = regex.compile(fast.pattern, fast.flags | regex.FULLCASE)
    text = text.replace("~", form)
    for t in (text, f"{text} {form}", f"{form}{text}"):
        assert [m.span() for m in fast.finditer(t)] == [m.span() for m in full.finditer(t)]


def test_spelling_keeps_fullcase_where_it_matters() -> None:
    assert _compiled_forms(("Strasse",)).search("Straße")
    assert _compiled_forms(("Ødegaard",)).flags & regex.FULLCASE


def _marks(node: yaml.Node, out: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    out.append((type(node).__name__, node.tag, node.start_mark.line, node.start_mark.column,
                node.end_mark.line, node.end_mark.column,
                node.value if isinstance(node, yaml.ScalarNode) else None))
    if isinstance(node, yaml.SequenceNode):
        for c in node.value:
            _marks(c, out)
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            _marks(k, out)
            _marks(v, out)
    return out


DOCS = [
    "facts:\n  - id: a\n    kind: spelling\n    preferred: 'Zoë Ødegaard'\n    avoid: [x, y]\n",
    "a: |\n  Ødegaard\n  x\nb: >-\n  é\n",
    "\ufeffa: 1\r\nb: [😀, 'it''s', \"\\u00e9\"]\r\n",
    "entities:\n  p1: {name: Kılıç, aliases: [K]}\n# ç\n",
]


def test_libyaml_composition_gives_the_same_nodes_and_positions() -> None:
    for doc in DOCS:
        assert _marks(_compose(doc), []) == _marks(yaml.compose(doc, Loader=yaml.SafeLoader), [])
