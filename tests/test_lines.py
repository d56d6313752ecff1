"""text/lines.py: offsets and (line, column) agree both ways, on any text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from pytest_factcheck.text.lines import Lines, line_col

TEXT = st.lists(st.sampled_from(["a", "é", " ", "\n", "\r", "\r\n", "\ufeff", "😀"]),
                max_size=40).map("".join)


@given(TEXT, st.data())
def test_offset_of_line_col_is_the_offset(text: str, data: st.DataObject) -> None:
    lines = Lines(text)
    offset = data.draw(st.integers(0, len(text)))
    in_crlf = 0 < offset < len(text) and text[offset - 1:offset + 1] == "\r\n"
    at_bom = offset == 0 and text.startswith("\ufeff")
    line, col = lines.line_col(offset)
    assert line >= 1 and col >= 1
    if not in_crlf and not at_bom:
        assert lines.offset(line, col) == offset
    breaks = re.findall(r"\r\n|\r|\n", text[:offset])
    assert line == 1 + len(breaks) - (1 if in_crlf else 0)


@given(TEXT, st.integers(-3, 80), st.integers(-3, 80))
def test_any_line_and_column_map_into_the_text(text: str, line: int, col: int) -> None:
    assert 0 <= Lines(text).offset(line, col) <= len(text)


def test_examples() -> None:
    text = "one\r\ntwo\rthree\nfour"
    assert line_col(text, 0) == (1, 1)
    assert line_col(text, text.index("two")) == (2, 1)
    assert line_col(text, text.index("three") + 2) == (3, 3)
    assert line_col(text, text.index("four")) == (4, 1)
    assert line_col("\ufeffab", 2) == (1, 2)  # the byte-order mark is no column
