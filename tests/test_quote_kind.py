"""The ``quote`` fact kind: anchors, altered quotes, misattribution."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.article import Article, PreparedArticle
from pytest_factcheck.articles import read_article
from pytest_factcheck.entities import EntityIndex
from pytest_factcheck.errors import FactError
from pytest_factcheck.kinds import CompileContext
from pytest_factcheck.kinds.quote import KIND, QuoteChecker, align, word_diff
from pytest_factcheck.loader import load_catalog
from pytest_factcheck.model import Entity, Evidence, Fact, SourcePos

from .conftest import SEEDS
from .kindkit import check_fact

ENTITIES = {
    "putin": Entity("putin", "Vladimir Putin",
                    ("Mr Putin", "President Putin", "the Russian President", "the Russian leader")),
    "lavrov": Entity("lavrov", "Sergei Lavrov", ("Sergey Lavrov",)),
    "johnson": Entity("johnson", "Boris Johnson", ("the Foreign Secretary",)),
    "alfano": Entity("alfano", "Angelino Alfano"),
    "mattarella": Entity("mattarella", "Sergio Mattarella"),
    "tillerson": Entity("tillerson", "Rex Tillerson"),
}
INDEX = EntityIndex(ENTITIES)

PUTIN_2003 = ("It reminds me of the events in 2003 when US envoys to the Security Council "
              "were demonstrating what they said were chemical weapons found in Iraq.")
SPEC_VARIANT = "this reminds me strongly of the events in 2003"


def checker(speaker: str = "putin", text: str = PUTIN_2003, **fields: Any) -> QuoteChecker:
    fact = Fact(id="q", kind="quote", pos=SourcePos("facts/q.yaml", 3),
                fields={"speaker": speaker, "text": text, **fields},
                field_pos={"text": SourcePos("facts/q.yaml", 5, 5)})
    return KIND.build(fact, CompileContext(INDEX))


def split_words(text: str) -> list[str]:
    return text.split()


def prep(text: str) -> PreparedArticle:
    return PreparedArticle(Article.from_text(text))


def seed(prefix: str) -> PreparedArticle:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return PreparedArticle(read_article(path))


def check(ch: QuoteChecker, text: str | PreparedArticle) -> list[Evidence]:
    a = prep(text) if isinstance(text, str) else text
    return list(ch.check(a))


def statuses(ch: QuoteChecker, text: str | PreparedArticle) -> list[tuple[str, str]]:
    return [(e.status, e.reason) for e in check(ch, text)]


def contradictions(ch: QuoteChecker, text: str | PreparedArticle) -> list[Evidence]:
    return [e for e in check(ch, text) if e.status == "contradiction"]


EXACT = ("consistent", "altered-quote")
ALTERED = ("contradiction", "altered-quote")
MISATTRIBUTED = ("contradiction", "misattribution")
NOTE = ("note", "altered-quote")


# ---------------------------------------------------------------------------
# The SPEC example on the four seeds
# ---------------------------------------------------------------------------
class TestSpecExampleOnSeeds:
    ch = checker(variants=[SPEC_VARIANT], min_words=5)

    @pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
    def test_every_seed_quotes_putin_consistently(self, prefix: str) -> None:
        got = check(self.ch, seed(prefix))
        assert got, "every seed quotes the 2003 remark"
        assert all(e.status == "consistent" for e in got)
        assert all("Vladimir Putin" in e.message for e in got)

    def test_seed_002_matches_the_variant(self) -> None:
        (ev,) = check(self.ch, seed("002"))
        assert "variant 1" in ev.message
        a = seed("002")
        assert a.folded[ev.start:ev.end] == "this reminds me strongly of the events in 2003"

    def test_seed_002_without_the_variant_is_an_altered_quote(self) -> None:
        (ev,) = check(checker(), seed("002"))
        assert (ev.status, ev.reason) == ALTERED
        assert "+ strongly" in ev.detail.splitlines()

    def test_seed_000_interrupted_quote_gives_two_consistent_findings(self) -> None:
        got = check(self.ch, seed("000"))
        assert [(e.status, "inverted" in e.message or "same-paragraph" in e.message)
                for e in got] == [("consistent", True), ("consistent", True)]

    def test_terms(self) -> None:
        terms = self.ch.terms
        assert terms and all(t == t.casefold() for t in terms)
        for prefix in ("000", "001", "002", "003"):
            assert any(t in seed(prefix).folded_lower for t in terms)
        assert not any(t in prep("Nothing about any remark here.").folded_lower for t in terms)


class TestAlreadyVersusBefore:
    """Seeds 001 and 003 end the remark "We have seen it all already."; seed 000
    has "We have seen it all before." A fact that records "already" finds seed
    000 altering Putin's words: an altered quote (a one-word change at the end
    of both the quote and the fact, similarity far above 0.8)."""

    ch = checker(text=PUTIN_2003 + " We have seen it all already.")

    def test_seed_000_is_an_altered_quote(self) -> None:
        got = contradictions(self.ch, seed("000"))
        assert [(e.status, e.reason) for e in got] == [ALTERED]
        ev = got[0]
        assert ev.detail.splitlines()[1:] == ["- already", "+ before"]
        assert "[-already-] {+before+}" in ev.detail.splitlines()[0]
        assert "Vladimir Putin" in ev.message
        assert seed("000").folded[ev.start:ev.end].endswith("We have seen it all before")

    @pytest.mark.parametrize("prefix", ["001", "003"])
    def test_seeds_001_and_003_are_exact(self, prefix: str) -> None:
        got = check(self.ch, seed(prefix))
        assert [(e.status, e.reason) for e in got] == [EXACT, EXACT]

    def test_seed_002_only_quotes_the_start(self) -> None:
        ch = checker(text=PUTIN_2003 + " We have seen it all already.", variants=[SPEC_VARIANT])
        assert statuses(ch, seed("002")) == [EXACT]


# ---------------------------------------------------------------------------
# Anchors and regions
# ---------------------------------------------------------------------------
class TestWhatCountsAsQuoting:
    def test_span_may_say_more_than_the_fact(self) -> None:
        text = ("“The military campaign was launched and it reminds me of the events in 2003 "
                "when US envoys to the Security Council were demonstrating what they said were "
                "chemical weapons found in Iraq, and we all know how that ended,” Mr Putin said.")
        assert statuses(checker(), text) == [EXACT]

    def test_span_may_quote_only_part_of_the_fact(self) -> None:
        text = ("Mr Putin said it recalled how “US envoys to the Security Council were "
                "demonstrating”.")
        assert statuses(checker(), text) == [EXACT]

    def test_partial_quote_with_a_changed_last_word(self) -> None:
        ch = checker(text="We have seen it all already, and we will not be fooled again.")
        text = "Mr Putin said: “We have seen it all before, and we will not be fooled again.”"
        assert statuses(ch, text) == [ALTERED]

    def test_fewer_than_min_words_is_not_a_quote(self) -> None:
        assert check(checker(), "Mr Putin recalled “the events in 2003”.") == []

    def test_min_words_is_configurable(self) -> None:
        assert statuses(checker(min_words=3), "Mr Putin recalled “the events in 2003”.") == [EXACT]

    def test_no_anchor_is_some_other_quote(self) -> None:
        assert check(checker(), "“We must have a dialogue with Russia,” Mr Putin said.") == []

    def test_case_and_punctuation_are_ignored(self) -> None:
        text = ("“IT reminds me of the events in 2003 — when U.S. envoys to the Security "
                "Council were demonstrating what they said were chemical weapons, found in "
                "Iraq!” Mr Putin said.")
        assert statuses(checker(), text) == [EXACT]

    def test_ellipsis_pieces_in_order(self) -> None:
        text = ("“It reminds me of the events in 2003 ... what they said were chemical weapons "
                "found in Iraq,” Mr Putin said.")
        assert statuses(checker(), text) == [EXACT]

    def test_ellipsis_pieces_out_of_order_only_count_where_in_order(self) -> None:
        text = ("“What they said were chemical weapons found in Iraq ... it reminds me of the "
                "events in 2003,” Mr Putin said.")
        got = check(checker(), text)
        assert [(e.status, e.reason) for e in got] == [EXACT]

    def test_editorial_insertion(self) -> None:
        text = ("“It reminds me of the events in 2003 when US envoys to the [U.N.] Security "
                "Council were demonstrating what they said were chemical weapons found in "
                "Iraq,” Putin told reporters.")
        assert statuses(checker(), text) == [EXACT]

    def test_insertion_replacing_a_word_is_not_an_alteration(self) -> None:
        ch = checker(text="It reminds me of the events in 2003 and of what happened then.")
        text = "“[This] reminds me of the events in 2003 and of what happened then,” Putin said."
        assert statuses(ch, text) == [EXACT]


class TestAlteredQuotes:
    def test_changed_word_in_the_middle(self) -> None:
        text = ("“It reminds me of the events in 2003 when US diplomats at the Security Council "
                "were demonstrating what they said were chemical weapons found in Iraq,” "
                "Mr Putin said.")
        (ev,) = check(checker(), text)
        assert (ev.status, ev.reason) == ALTERED
        lines = ev.detail.splitlines()
        assert "- envoys to" in lines and "+ diplomats at" in lines
        assert "[-envoys to-] {+diplomats at+}" in lines[0]

    def test_added_word(self) -> None:
        text = ("“It reminds me of the events in 2003 when US envoys to the Security Council "
                "were proudly demonstrating what they said were chemical weapons found in Iraq,” "
                "Mr Putin said.")
        (ev,) = check(checker(), text)
        assert (ev.status, ev.reason) == ALTERED
        assert "+ proudly" in ev.detail.splitlines()

    def test_dropped_word(self) -> None:
        text = ("“It reminds me of the events in 2003 when US envoys to the Security Council "
                "were demonstrating what they said were weapons found in Iraq,” Mr Putin said.")
        (ev,) = check(checker(), text)
        assert (ev.status, ev.reason) == ALTERED
        assert "- chemical" in ev.detail.splitlines()

    def test_changed_first_word_at_the_start_of_both(self) -> None:
        text = ("“This reminds me of the events in 2003 when US envoys to the Security "
                "Council were demonstrating,” Mr Putin said.")
        (ev,) = check(checker(), text)
        assert (ev.status, ev.reason) == ALTERED
        assert ev.detail.splitlines()[1:] == ["- It", "+ This"]

    def test_heavy_rewording_is_not_an_alteration_claim(self) -> None:
        # Shares an anchor, then diverges for good: the span quotes the anchor
        # exactly and goes on with its own words (a different quote).
        text = ("“It reminds me of the events in 2003, but this time nobody will believe any "
                "of it at all,” Mr Putin said.")
        assert statuses(checker(), text) == [EXACT]

    def test_similarity_threshold(self) -> None:
        ch = checker(text="We will never accept sanctions against our people.", similarity=0.95)
        text = "“We will never accept sanctions against our citizens,” Mr Putin said."
        # 7 of 8 words: similarity 0.875 < 0.95, so the change is not taken in.
        assert statuses(ch, text) == [EXACT]
        assert statuses(checker(text="We will never accept sanctions against our people."),
                        text) == [ALTERED]

    def test_closest_wording_judges(self) -> None:
        ch = checker(text="We will never accept sanctions against our people.",
                     variants=["we will never accept sanctions against our citizens"])
        text = "“We will never accept sanctions against our citizens,” Mr Putin said."
        assert statuses(ch, text) == [EXACT]

    def test_altered_with_unknown_speaker_is_a_note(self) -> None:
        text = ("“It reminds me of the events in 2003 when US diplomats at the Security Council "
                "were demonstrating,” a Kremlin spokesman said.")
        assert statuses(checker(), text) == [NOTE]

    def test_altered_without_speaker_is_a_note(self) -> None:
        text = ("The remark was “it reminds me of the events in 2003 when US diplomats at the "
                "Security Council were demonstrating”.")
        assert statuses(checker(), text) == [NOTE]


class TestMisattribution:
    def test_other_known_entity(self) -> None:
        text = ("“It reminds me of the events in 2003 when US envoys to the Security Council "
                "were demonstrating,” Mr Lavrov said.")
        (ev,) = check(checker(), text)
        assert (ev.status, ev.reason) == MISATTRIBUTED
        assert "Sergei Lavrov" in ev.message and "Vladimir Putin" in ev.message

    def test_misattribution_through_a_pronoun(self) -> None:
        text = ("Mr Lavrov spoke after the talks.\n\n“It reminds me of the events in 2003 when "
                "US envoys to the Security Council were demonstrating,” he said.")
        assert statuses(checker(), text) == [MISATTRIBUTED]

    def test_misattribution_with_an_altered_quote_is_one_finding(self) -> None:
        text = ("“This reminds me of the events in 2003 when US envoys to the Security "
                "Council were demonstrating,” Mr Lavrov said.")
        (ev,) = check(checker(), text)
        assert (ev.status, ev.reason) == MISATTRIBUTED
        assert "altered" in ev.message and "+ This" in ev.detail

    @pytest.mark.parametrize("text", [
        # A name that merely stands near a quote.
        "Mr Lavrov listened. “It reminds me of the events in 2003 when US envoys to the "
        "Security Council were demonstrating.”",
        # The name is inside the quote.
        "“Mr Lavrov, it reminds me of the events in 2003 when US envoys to the Security "
        "Council were demonstrating.”",
        # An unknown speaker.
        "“It reminds me of the events in 2003 when US envoys to the Security Council were "
        "demonstrating,” a Kremlin source said.",
        # Two people in the sentence before the pronoun: unreadable.
        "Mr Putin met Mr Lavrov in Moscow.\n\n“It reminds me of the events in 2003 when US "
        "envoys to the Security Council were demonstrating,” he said.",
        # The quote of another person sits in the same paragraph.
        "Mr Lavrov said it was “a provocation”, and Mr Putin said: “It reminds me of the "
        "events in 2003 when US envoys to the Security Council were demonstrating.”",
        # Reported speech holding a quote: who said the quoted words is unclear.
        "Mr Lavrov said Mr Putin had called it “the events in 2003 when US envoys to the "
        "Security Council were demonstrating”.",
    ])
    def test_not_a_misattribution(self, text: str) -> None:
        assert contradictions(checker(), text) == []

    def test_quote_within_a_quote_is_not_given_to_the_outer_speaker(self) -> None:
        text = ("“Mr Putin tells everyone ‘it reminds me of the events in 2003 when US envoys "
                "to the Security Council were demonstrating’, and nobody believes him,” "
                "Mr Johnson said.")
        assert statuses(checker(), text) == [EXACT]
        altered = text.replace("envoys to", "diplomats at")
        assert statuses(checker(), altered) == [NOTE]

    def test_multi_paragraph_quote_keeps_its_speaker(self) -> None:
        ch = checker(speaker="putin", text="Nobody in Moscow believes that chemical weapons "
                     "were used by the Syrian army.")
        text = ("Mr Putin said: “We have seen it all before.\n\n"
                "“Nobody in Moscow believes that chemical weapons were used by the Syrian army. "
                "Mr Johnson knows it.")
        assert statuses(ch, text) == [EXACT]
        other = checker(speaker="johnson", text="Nobody in Moscow believes that chemical "
                        "weapons were used by the Syrian army.")
        assert statuses(other, text) == [MISATTRIBUTED]

    def test_seed_lavrov_fact_is_a_misattribution_everywhere(self) -> None:
        ch = checker(speaker="lavrov", variants=[SPEC_VARIANT])
        for prefix in ("000", "001", "002", "003"):
            got = check(ch, seed(prefix))
            assert got and {(e.status, e.reason) for e in got} == {MISATTRIBUTED}


class TestCleanArticles:
    """Realistic copy that must not raise a contradiction."""

    ALFANO = "We must have a dialogue with Russia and we must not push Russia into a corner."

    @pytest.mark.parametrize("prefix", ["000", "001", "003"])
    def test_alfano_split_or_whole(self, prefix: str) -> None:
        got = check(checker(speaker="alfano", text=self.ALFANO), seed(prefix))
        assert got and all(e.status == "consistent" for e in got)

    def test_quotes_of_other_people_around(self) -> None:
        text = ("“We have no evidence for that,” the Foreign Secretary said.\n\n"
                "Mr Putin, speaking alongside Sergio Mattarella, said: “It reminds me of the "
                "events in 2003 when US envoys to the Security Council were demonstrating what "
                "they said were chemical weapons found in Iraq.”\n\n"
                "“That is nonsense,” Mr Johnson said.")
        assert statuses(checker(), text) == [EXACT]


# ---------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------
def test_align_returns_none_without_anchor() -> None:
    assert align([["a", "b", "c"]], ["x", "y", "z"], min_words=2) is None


def test_align_region_stops_where_the_fact_ends() -> None:
    al = align([["one", "two", "three", "four", "five", "six", "seven"]],
               ["zero", "one", "two", "three", "four", "five"], min_words=3)
    assert al is not None and al.exact
    (r,) = al.regions
    assert (r.s_lo, r.s_hi, r.t_lo, r.t_hi) == (0, 5, 1, 6)


def test_word_diff_format() -> None:
    d = word_diff(split_words("we have seen it all already"),
                  split_words("we have seen it all before"))
    assert d.splitlines() == ["we have seen it all [-already-] {+before+}",
                              "- already", "+ before"]


def test_word_diff_elides_long_equal_runs() -> None:
    fact = split_words("one two three four five six seven eight nine ten")
    art = split_words("one two three four five six seven eight nine eleven")
    assert d_first(word_diff(fact, art)) == "... seven eight nine [-ten-] {+eleven+}"


def d_first(diff: str) -> str:
    return diff.splitlines()[0]


def test_text_shorter_than_min_words_is_a_fact_error() -> None:
    with pytest.raises(FactError) as exc:
        checker(text="Fake news!")
    assert "min_words" in str(exc.value)
    assert checker(text="Fake news!", min_words=2).terms


@settings(deadline=None)
@given(st.lists(st.sampled_from(split_words("alpha beta gamma delta eps zeta eta theta iota")),
                min_size=5, max_size=30),
       st.integers(min_value=1, max_value=5))
def test_terms_cover_every_anchor(words: list[str], n: int) -> None:
    ch = checker(text=" ".join(words), min_words=n)
    for k in range(len(words) - n + 1):
        assert any(t in " ".join(words[k:k + n]) for t in ch.terms)


@settings(deadline=None)
@given(st.lists(st.sampled_from(split_words("we have seen it all before already the events in 2003 "
                                "... [x] , .")), max_size=40))
def test_alignment_never_crashes_and_stays_in_range(words: list[str]) -> None:
    ch = checker(text=PUTIN_2003 + " We have seen it all already.", min_words=2)
    text = "“" + " ".join(words) + ",” Mr Putin said."
    for ev in check(ch, text):
        assert ev.status in ("consistent", "contradiction", "note")
        assert ev.start < ev.end


# ---------------------------------------------------------------------------
# Through the loader and engine
# ---------------------------------------------------------------------------
FACT_FILE = """\
entities:
  putin:
    name: Vladimir Putin
    aliases: [Mr Putin, President Putin, the Russian President, the Russian leader]
facts:
  - id: putin-2003-remark
    kind: quote
    speaker: putin
    text: >-
      It reminds me of the events in 2003 when US envoys to the Security Council
      were demonstrating what they said were chemical weapons found in Iraq. We have
      seen it all already.
    variants: ["this reminds me strongly of the events in 2003"]
    min_words: 5
  - id: lavrov-remark
    kind: quote
    speaker: Sergei Lavrov
    text: It reminds me of the events in 2003 when US envoys to the Security Council
"""


def test_yaml_fact_through_the_engine(tmp_path: Path) -> None:
    (tmp_path / "quotes.yaml").write_text(FACT_FILE, encoding="utf-8")
    catalog = load_catalog([tmp_path])
    assert not catalog.problems
    articles = [PreparedArticle(read_article(p)) for p in sorted(SEEDS.glob("*.txt"))]
    by_id = {lf.fact.id: check_fact(lf, articles) for lf in catalog.facts}
    remark = by_id["putin-2003-remark"]
    assert remark.outcome == "failed"
    (bad,) = remark.contradictions
    assert bad.article.endswith("000_0ca5e19bbdfdb48e.txt")
    assert bad.reason == "altered-quote" and "+ before" in bad.detail
    assert "We have seen it all before" in bad.matched
    lavrov = by_id["lavrov-remark"]
    # Sergei Lavrov is a plain name here (no entity entry): every seed gives
    # the words to Putin, a known entity: misattributions.
    assert lavrov.outcome == "failed"
    assert {f.reason for f in lavrov.contradictions} == {"misattribution"}
