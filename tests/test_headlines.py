"""Headlines are checked: published front-matter values and the HTML head's titles."""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.article import prepare
from pytest_factcheck.articles import HEADLINE_KEYS, parse_article
from pytest_factcheck.engine import check_fact
from pytest_factcheck.loader import load_catalog

from .data.editors import line_col, region
from .factyaml import LAVROV_SPELLING

pytest_plugins = ["pytester"]

FACTS = """\
entities:
  lindqvist:
    name: Oskar Lindqvist
    aliases: [Mr Lindqvist]
facts:
  - id: ferry-toll
    kind: quantity
    claim: Forty-one people died when the ferry Corran Star sank.
    about: [Corran Star, ferry, sinking, sank]
    cues: [killed, dead, died, deaths, toll]
    min: 41
    max: 41
  - id: lindqvist-role
    kind: role
    entity: lindqvist
    roles: [Transport Minister]
    former: [Fisheries Minister]
""" + LAVROV_SPELLING

BODY = "The ferry Corran Star sank on Monday.\n"


@pytest.fixture(scope="module")
def catalog():  # type: ignore[no-untyped-def]
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "facts.yaml"
        p.write_text(FACTS, encoding="utf-8")
        cat = load_catalog([p])
    assert not cat.problems, cat.problems
    return cat


def found(catalog, source: str, name: str, status: str = "contradiction"):  # type: ignore[no-untyped-def]
    art = prepare(parse_article(source.encode(), name, "." + name.rsplit(".", 1)[1]))
    out = [f for lf in catalog.facts for f in check_fact(lf, [art]).findings]
    return sorted((f.fact_id, f.line, f.column, region(source, f))
                  for f in out if f.status == status)


def test_wrong_toll_in_front_matter_title_fails_end_to_end(pytester: pytest.Pytester) -> None:
    pytester.makefile(".yaml", **{"facts/house": FACTS})
    (pytester.path / "articles").mkdir()
    src = ("---\nauthor: Desk\ntitle: 'Corran Star sinking: 40 killed'\ndate: 2025-03-04\n"
           "---\n" + BODY)
    (pytester.path / "articles" / "ferry.md").write_text(src, encoding="utf-8")
    result = pytester.runpytest("--factcheck", "articles/", "--factcheck-report", "r.json")
    assert result.ret == 1
    result.stdout.fnmatch_lines(["*articles/ferry.md:3:*"])
    report = json.loads((pytester.path / "r.json").read_text(encoding="utf-8"))
    toll = next(f for f in report["facts"] if f["id"] == "ferry-toll")
    assert toll["outcome"] == "failed"
    bad = [x for x in toll["findings"] if x["status"] == "contradiction"]
    assert [(x["article"], x["line"], x["column"]) for x in bad] == [
        ("articles/ferry.md", *line_col(src, "40 killed"))]
    assert line_col(src, "40 killed") == (3, 30)


def test_misspelling_in_og_title_and_title_is_located(catalog) -> None:  # type: ignore[no-untyped-def]
    src = ("<html><head>\n<title>Sergey Lavrov in Moscow</title>\n"
           '<meta property="og:title" content="Talks: Sergey&nbsp;Lavrov &amp; Rex">\n'
           "<meta name='og:description' content='Sergey Lavrov speaks'/>\n"
           '<meta name="author" content="Sergey Lavrov">\n'
           "</head><body><p>Sergei Lavrov spoke.</p></body></html>\n")
    assert found(catalog, src, "a.html") == [
        ("lavrov-spelling", 2, 8, "Sergey Lavrov"),
        ("lavrov-spelling", 3, 43, "Sergey&nbsp;Lavrov"),
        ("lavrov-spelling", *line_col(src, "Sergey Lavrov speaks"), "Sergey Lavrov"),
    ]
    art = parse_article(src.encode(), "a.html", ".html")
    assert art.title == "Talks: Sergey\xa0Lavrov & Rex"  # metadata still kept


def test_misspelling_in_markdown_headline_keys(catalog) -> None:  # type: ignore[no-untyped-def]
    src = ("---\nheadline: Sergey Lavrov arrives\ndek: 'Sergey Lavrov''s visit'\n"
           "author: Sergey Lavrov\ntags: [Sergey Lavrov]\ndate: 2017-04-12\n"
           "slug: sergey-lavrov\n---\nSergei Lavrov arrived.\n")
    # author, tags, date and slug are metadata: never checked.
    assert found(catalog, src, "a.md") == [
        ("lavrov-spelling", 2, 11, "Sergey Lavrov"),
        ("lavrov-spelling", 3, 7, "Sergey Lavrov"),
    ]


def test_quoted_yaml_values_with_escapes(catalog) -> None:  # type: ignore[no-untyped-def]
    src = ('---\ntitle: "\\"Sergey\\u0020Lavrov\\" \\t visits"\n'
           "summary: 'It''s Sergey Lavrov'\n---\nBody.\n")
    art = parse_article(src.encode(), "a.md", ".md")
    assert art.meta["title"] == '"Sergey Lavrov" \t visits'
    assert found(catalog, src, "a.md") == [
        ("lavrov-spelling", 2, 11, "Sergey\\u0020Lavrov"),
        ("lavrov-spelling", *line_col(src, "Sergey Lavrov'\n"), "Sergey Lavrov"),
    ]


def test_block_scalar_headline(catalog) -> None:  # type: ignore[no-untyped-def]
    src = "---\ndescription: >-\n  Talks with Sergey\n  Lavrov end\n---\nBody.\n"
    assert found(catalog, src, "a.md") == [
        ("lavrov-spelling", 3, 14, "Sergey\n  Lavrov")]


def test_non_string_and_nested_values_stay_metadata(catalog) -> None:  # type: ignore[no-untyped-def]
    src = "---\ntitle: 41\nsummary: [Sergey Lavrov]\nmeta:\n  title: Sergey Lavrov\n---\nB.\n"
    assert found(catalog, src, "a.md") == []


def test_headline_does_not_merge_with_body(catalog) -> None:  # type: ignore[no-untyped-def]
    # A role title ending the headline never attaches to the name opening the body.
    md = "---\ntitle: Interview with the Fisheries Minister\n---\nOskar Lindqvist said no.\n"
    assert found(catalog, md, "a.md") == []
    html = ("<html><head><title>Interview with the Fisheries Minister</title></head>"
            "<body>Oskar Lindqvist said no.</body></html>")
    assert found(catalog, html, "a.html") == []
    og = ('<meta property="og:title" content="Interview with the Fisheries Minister">'
          "Oskar Lindqvist said no.")
    assert found(catalog, og, "a.html") == []
    # ... and two headline keys on consecutive lines do not merge either.
    md2 = "---\ntitle: Talks with Sergey\nsubtitle: Lavrov in Moscow\n---\nBody.\n"
    assert found(catalog, md2, "a.md") == []
    # Control: in one paragraph the former title is a contradiction.
    body = "Interview with the Fisheries Minister Oskar Lindqvist.\n"
    assert [f[0] for f in found(catalog, body, "a.txt")] == ["lindqvist-role"]


_safe = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(headline=_safe, key=st.sampled_from(sorted(HEADLINE_KEYS)),
       style=st.sampled_from(["plain", "single", "double"]))
def test_headline_locations_slice_the_file_back(headline: str, key: str, style: str) -> None:
    value = {"plain": headline, "single": "'" + headline.replace("'", "''") + "'",
             "double": json.dumps(headline)}[style]
    src = f"---\nauthor: A\n{key}: {value}\n---\nBody text.\n"
    try:
        loaded = yaml.safe_load(src.split("---\n")[1])
    except yaml.YAMLError:
        loaded = None
    art = prepare(parse_article(src.encode(), "a.md", ".md"))
    lo = src.index(f"{key}: ") + len(key) + 2
    hi = src.index("\n", lo)  # the value as stored, quotes included
    in_front = []
    for p in art.paragraphs:
        s, e = art.to_source(p.start, p.end)
        if s >= src.index("\n---\n") + 1:
            assert src[s:e] == "Body text."
            continue
        in_front.append(src[s:e])
        # A headline paragraph lies inside the stored value, never elsewhere.
        assert lo <= s < e <= hi
    if in_front and style == "plain":
        assert in_front == [src[lo:hi].strip()] or len(in_front) == 1
    if in_front:
        assert isinstance(loaded, dict) and isinstance(loaded.get(key), str)
