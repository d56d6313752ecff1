"""The HTML report's disagreements panel (``--factcheck-html --factcheck-suggest``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .data.cdp import Browser, wait_until

pytest_plugins = ["pytester"]

FACTS = """\
facts:
  - id: lavrov-spelling
    kind: spelling
    claim: The house spelling is Sergei Lavrov.
    preferred: Sergei Lavrov
    avoid: [Sergey Lavrov]
"""

MORNING = """\
Moscow denies the market strike

Igor Konashenkov, the defence ministry spokesman, said the strike was carried out by \
other aircraft. Russian Foreign Minister Sergei Lavrov said Moscow wanted an inquiry.

"It was a provocation prepared well in advance by the <b>rebels</b>, who wanted the world \
to blame Syria for the attack," Mr Konashenkov said.
"""

EVENING = """\
Kremlin rejects the claims

"It was a provocation prepared well in advance by the militants, who wanted the world to \
blame Syria for the attack," said Igor Konashenkov, the ministry's spokesman. Sergey Lavrov, \
Russia's foreign minister, called the claims absurd.
"""


def page_data(page: Path) -> dict[str, Any]:
    text = page.read_text("utf-8")
    start = text.index('<script type="application/json" id="factcheck-data">') + 52
    return json.loads(text[start:text.index("</script>", start)])  # type: ignore[no-any-return]


@pytest.fixture
def suggest_page(pytester: pytest.Pytester) -> Path:
    pytester.makefile(".yaml", **{"facts/house": FACTS})
    pytester.makefile(".txt", **{"articles/morning": MORNING, "articles/evening": EVENING})
    result = pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", "--factcheck", "articles/", "--facts", "facts",
        "--factcheck-html", "out/report.html", "--factcheck-suggest")
    assert result.ret == 1  # Sergey Lavrov contradicts the house spelling
    result.stdout.fnmatch_lines(["*HTML report written to out/report.html*"])
    return pytester.path / "out" / "report.html"


def test_the_page_carries_the_disagreements_and_what_settles_them(suggest_page: Path) -> None:
    data = page_data(suggest_page)["suggest"]
    assert data["articles"] == 2
    by = {(d["kind"], d["subject"]): d for d in data["disagreements"]}
    assert by[("spelling", "Sergei Lavrov")]["covered_by"] == "lavrov-spelling"
    quote = next(d for (k, _), d in by.items() if k == "quote")
    assert "covered_by" not in quote
    assert {v["speaker"] for v in quote["variants"]} == {"Igor Konashenkov"}


def test_without_the_option_there_is_no_panel(pytester: pytest.Pytester) -> None:
    pytester.makefile(".txt", **{"articles/morning": MORNING})
    pytester.makefile(".yaml", **{"facts/house": FACTS})
    pytester.runpytest_subprocess("-p", "no:cacheprovider", "--factcheck", "articles/",
                                  "--facts", "facts", "--factcheck-html", "out/r.html")
    assert "suggest" not in page_data(pytester.path / "out" / "r.html")


def test_the_option_alone_is_a_usage_error(pytester: pytest.Pytester) -> None:
    pytester.makefile(".txt", **{"articles/morning": MORNING})
    pytester.makefile(".yaml", **{"facts/house": FACTS})
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--factcheck", "articles/",
                                           "--facts", "facts", "--factcheck-suggest")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--factcheck-suggest adds a panel*--factcheck-html*"])




def test_the_panel_shows_the_disagreements_as_text(browser: Browser, suggest_page: Path) -> None:
    browser.open(suggest_page)
    assert wait_until(browser, "document.body.dataset.ready === 'true'")
    assert browser.console_errors() == []
    assert browser.evaluate("document.getElementById('suggest-view').hidden") is False
    rows = browser.evaluate("[...document.querySelectorAll('#suggest tbody tr')]"
                            ".map(tr => [tr.dataset.kind, tr.classList.contains('covered')])")
    assert ["spelling", True] in rows and ["quote", False] in rows
    text = browser.evaluate("document.getElementById('suggest').textContent")
    assert "settled by lavrov-spelling" in text and "Sergey Lavrov" in text
    assert "<b>rebels</b>" in text  # untrusted article text is shown as text, never as markup
    assert browser.evaluate("document.querySelectorAll('#suggest b').length") == 0
