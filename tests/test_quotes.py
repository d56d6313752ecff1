"""Quoted spans (``text/quotes.py``) and their attribution (``quoting.py``)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.article import Article, PreparedArticle
from pytest_factcheck.articles import read_article
from pytest_factcheck.entities import EntityIndex
from pytest_factcheck.model import Entity
from pytest_factcheck.quoting import SpokenQuote, quote_spans, spoken_quotes
from pytest_factcheck.text.quotes import QuoteSpan, find_spans

from .conftest import SEEDS

ENTITIES = {
    "putin": Entity("putin", "Vladimir Putin",
                    ("Mr Putin", "President Putin", "the Russian President", "the Russian leader")),
    "lavrov": Entity("lavrov", "Sergei Lavrov", ("Sergey Lavrov",)),
    "johnson": Entity("johnson", "Boris Johnson", ("the Foreign Secretary",)),
    "tillerson": Entity("tillerson", "Rex Tillerson"),
    "alfano": Entity("alfano", "Angelino Alfano"),
    "gabriel": Entity("gabriel", "Sigmar Gabriel"),
    "mattarella": Entity("mattarella", "Sergio Mattarella"),
    "assad": Entity("assad", "Bashar al-Assad", ("Bashar Assad", "Assad")),
    "meyer": Entity("meyer", "Christopher Meyer"),
    "trump": Entity("trump", "Donald Trump"),
    "kremlin": Entity("kremlin", "the Kremlin", type="org"),
}
INDEX = EntityIndex(ENTITIES)


def prep(text: str) -> PreparedArticle:
    return PreparedArticle(Article.from_text(text))


def seed(prefix: str) -> PreparedArticle:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return PreparedArticle(read_article(path))


def spans_of(text: str) -> list[str]:
    a = prep(text)
    return [a.surface[s.start:s.end] for s in quote_spans(a)]


def inner(a: PreparedArticle, s: QuoteSpan) -> str:
    return a.surface[s.inner_start:s.inner_end]


def head(a: PreparedArticle, s: QuoteSpan, n: int) -> str:
    return a.surface[s.inner_start:min(s.inner_end, s.inner_start + n)]


def quotes(text: str | PreparedArticle) -> list[SpokenQuote]:
    a = prep(text) if isinstance(text, str) else text
    return list(spoken_quotes(a, INDEX))


def speakers(text: str | PreparedArticle) -> list[str | None]:
    """One entry per span: the speaker id, '?' for an unknown speaker, None if unreadable."""
    out: list[str | None] = []
    for sq in quotes(text):
        a = sq.attribution
        out.append(None if a is None else ("?" if not a.entities else "+".join(sorted(a.entities))))
    return out


def speaker_of(text: str, words: str) -> str | None:
    a = prep(text)
    for sq, who in zip(spoken_quotes(a, INDEX), speakers(a), strict=True):
        if words in a.surface[sq.span.start:sq.span.end]:
            return who
    raise AssertionError(f"no span with {words!r}")


# ---------------------------------------------------------------------------
# Spans
# ---------------------------------------------------------------------------
class TestSpans:
    def test_curly_double(self) -> None:
        assert spans_of("He said “no way” twice.") == ["“no way”"]

    def test_straight_double_from_context(self) -> None:
        assert spans_of('He called Assad a "tyrant"and left. She said "yes".') == [
            '"tyrant"', '"yes"']

    def test_single_curly_and_straight(self) -> None:
        assert spans_of("He called it ‘a farce’ and 'a sham'.") == ["‘a farce’", "'a sham'"]

    def test_guillemets(self) -> None:
        assert spans_of("Il a dit «non» hier.") == ["«non»"]

    def test_apostrophes_are_not_quote_marks(self) -> None:
        text = "Russia’s envoy said the students’ union, like the ’90s, won't last. don't"
        assert spans_of(text) == []

    def test_straight_apostrophes(self) -> None:
        assert spans_of("It's the '90s again, the students' union said.") == []

    def test_nested_quote_belongs_to_outer(self) -> None:
        a = prep("“He told me ‘never again’ and left,” she said.")
        (s,) = quote_spans(a)
        assert inner(a, s) == "He told me ‘never again’ and left,"
        assert [w.text for w in s.words] == ["he", "told", "me", "never", "again", "and", "left"]

    def test_nested_ranges_are_recorded(self) -> None:
        a = prep("“He told me ‘never again’ and ‘no more’,” she said. “Fine ‘ok.”")
        first, second = quote_spans(a)
        assert [a.surface[x:y] for x, y in first.nested] == ["‘never again’", "‘no more’"]
        assert [a.surface[x:y] for x, y in second.nested] == ["‘ok."]
        assert first.in_nested(a.surface.index("never"), a.surface.index("again") + 5)
        assert not first.in_nested(a.surface.index("never"), a.surface.index("and") + 3)

    def test_nested_straight_single_in_double(self) -> None:
        a = prep("\"He told Lavrov 'well, you don't even have the G7 supporting you'.\"")
        (s,) = quote_spans(a)
        assert s.end == len(a.surface)
        assert "don't" in [w.text for w in s.words]

    def test_open_quote_closes_at_paragraph_end(self) -> None:
        a = prep("“We will see.\n\n“It is over,” he said.")
        first, second = quote_spans(a)
        assert first.open_at_end and not second.open_at_end
        assert inner(a, first) == "We will see."
        assert first.paragraph == 0 and second.paragraph == 1

    def test_ellipsis_is_a_gap(self) -> None:
        a = prep("“A provocation is being prepared ... in other parts of Syria…now,” he said.")
        (s,) = quote_spans(a)
        assert [[w.text for w in p] for p in s.pieces] == [
            ["a", "provocation", "is", "being", "prepared"],
            ["in", "other", "parts", "of", "syria"], ["now"]]

    def test_editorial_insertion_is_skipped(self) -> None:
        a = prep("“US envoys to the [U.N.] Security Council were there,” he said.")
        (s,) = quote_spans(a)
        assert [[w.text for w in p] for p in s.pieces] == [
            ["us", "envoys", "to", "the"], ["security", "council", "were", "there"]]

    def test_words_are_folded(self) -> None:
        a = prep("“Russia’s Lavrov met the U.N. envoy in São Paulo,” he said.")
        (s,) = quote_spans(a)
        assert [w.text for w in s.words] == [
            "russia's", "lavrov", "met", "the", "un", "envoy", "in", "sao", "paulo"]

    def test_unbalanced_closing_single_mark_inside_double(self) -> None:
        # Seed 003: “which ... Russia’s interests’ longer term.”
        text = ("Hezbollah, “which we believe is not going to serve Russia’s interests’ "
                "longer term.”")
        assert spans_of(text) == [
            "“which we believe is not going to serve Russia’s interests’ longer term.”"]

    def test_dropped_opening_mark(self) -> None:
        a = prep("It is unclear whether Russia failed,” he said. “This does not matter.”")
        first, second = quote_spans(a)
        assert not first.opened and first.start == 0
        assert inner(a, first) == "It is unclear whether Russia failed,"
        assert inner(a, second) == "This does not matter."

    def test_stray_closing_mark_after_a_span_is_ignored(self) -> None:
        assert spans_of("He said “yes” and then” left.") == ["“yes”"]

    def test_lone_opening_mark_runs_to_paragraph_end_only(self) -> None:
        a = prep("He said “yes and left.\n\nNext paragraph here.")
        (s,) = quote_spans(a)
        assert s.open_at_end and s.end == a.paragraphs[0].end

    def test_reopened_quote_without_closing_mark(self) -> None:
        # A missing closing mark: the next opening mark starts a new span.
        a = prep("“We must act, he said. “It is time.”")
        assert [inner(a, s) for s in quote_spans(a)] == ["We must act, he said. ", "It is time."]

    def test_german_low_quotes(self) -> None:
        assert spans_of("Er sagte „nein“ gestern.") == ["„nein“"]

    def test_seed_spans(self) -> None:
        a = seed("003")
        texts = [inner(a, s) for s in quote_spans(a)]
        assert "We have seen it all already." in texts
        assert "war crime." in texts
        assert all(len(t) < 400 for t in texts)

    def test_cached(self) -> None:
        a = prep("“yes,” he said.")
        assert quote_spans(a) is quote_spans(a)


QUOTE_ALPHABET = st.sampled_from(
    [*"ab Z.,;:!?-()[]\n", '"', "'", "“", "”", "‘", "’", "«", "»", "„", "…", "...", " ",
     "\n\n", "Mr Putin", " said", " he", "Lavrov", "told", "'s"])


@settings(deadline=None)
@given(st.lists(QUOTE_ALPHABET, max_size=80).map("".join))
def test_spans_never_crash_and_stay_sane(text: str) -> None:
    a = prep(text)
    spans = quote_spans(a)
    last_end = -1
    for s in spans:
        assert 0 <= s.start <= s.inner_start <= s.inner_end <= s.end <= len(a.surface)
        assert s.start >= last_end
        last_end = s.end
        para = a.paragraphs[s.paragraph]
        assert para.start <= s.start and s.end <= para.end
        assert all(s.start < ns < ne <= s.end for ns, ne in s.nested)
        for piece in s.pieces:
            assert piece
            for w in piece:
                assert s.inner_start <= w.start < w.end <= s.inner_end
    for sq in spoken_quotes(a, INDEX):
        if sq.attribution is not None:
            assert sq.attribution.entities <= set(ENTITIES)


@settings(deadline=None)
@given(st.text(max_size=200))
def test_find_spans_on_any_text(text: str) -> None:
    spans = find_spans(text, text, 0, len(text))
    assert all(0 <= s.start <= s.end <= len(text) for s in spans)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


# ---------------------------------------------------------------------------
# Attribution
# ---------------------------------------------------------------------------
class TestAttributionForms:
    @pytest.mark.parametrize("text", [
        "“We have seen it all before,” Mr Putin said.",
        "“We have seen it all before,” Putin said on Tuesday.",
        "“We have seen it all before,” said Mr Putin.",
        "“We have seen it all before,” said Russian President Vladimir Putin in Moscow.",
        "Mr Putin said: “We have seen it all before.”",
        "Mr Putin said “we have seen it all before”.",
        "Mr Putin told reporters “We have seen it all before.”",
        "Mr Putin told the closing news conference: “We have seen it all before.”",
        "Mr Putin said in a statement: “We have seen it all before.”",
        "Mr Putin said on Tuesday that “we have seen it all before”.",
        "Mr Putin later said: “We have seen it all before.”",
        "Speaking in Moscow, Mr Putin said: “We have seen it all before.”",
        "“We have seen it all before,” according to Mr Putin.",
        "According to Mr Putin, “we have seen it all before.”",
        "“We have seen it all before,” the Russian leader told reporters.",
        "“Have we not seen it all before?” Mr Putin asked.",
        "“We have seen it all before,” Mr Putin, who was speaking in Moscow, said.",
        "Vladimir Putin, the Russian President, insisted: “We have seen it all before.”",
        "“We have seen it all before,” he said, Mr Putin having arrived late.",
        "When asked about Syria, Mr Putin warned: “We have seen it all before.”",
        "“Mr Lavrov is right. We have seen it all before,” Mr Putin said.",
        '"We have seen it all before", Mr Putin wrote.',
        "“We have seen it all before,” said Mr. Putin in Moscow.",
        "Mr. Putin said: “We have seen it all before.”",
    ])
    def test_putin(self, text: str) -> None:
        if text.startswith("“We have seen it all before,” he said, Mr Putin"):
            # The pronoun has nobody before it: unreadable, never a guess.
            assert speakers(text) == [None]
            return
        assert speakers(text) == ["putin"]

    def test_interrupted_quote_both_halves(self) -> None:
        text = ("“It reminds me of the events in 2003,” declared Mr Putin, “when US envoys "
                "were demonstrating chemical weapons.”")
        got = quotes(text)
        assert [q.attribution.entities for q in got if q.attribution] == [
            frozenset({"putin"}), frozenset({"putin"})]
        assert got[1].attribution is not None and got[1].attribution.via == "same-paragraph"

    def test_interrupted_quote_with_pronoun(self) -> None:
        text = ("Mr Putin spoke in Moscow.\n\n“It is a provocation,” he said, “and nobody "
                "believes it.”")
        assert speakers(text) == ["putin", "putin"]

    def test_alias_phrase(self) -> None:
        text = ('"They have a big strategic choice. Do they want to be part of the solution?" '
                "the Foreign Secretary told Sky News.")
        assert speakers(text) == ["johnson"]

    def test_org_entity_is_a_speaker(self) -> None:
        assert speakers("“We have seen it all before,” the Kremlin said.") == ["kremlin"]


class TestUnknownSpeakers:
    @pytest.mark.parametrize("text", [
        "“We have seen it all before,” a Kremlin spokesman said.",
        "“We have seen it all before,” said a spokesman for Mr Putin.",
        "A source close to Mr Putin said: “We have seen it all before.”",
        "Mr Putin's spokesman said: “We have seen it all before.”",
        "Donald Trump's spokesman said: “We have seen it all before.”",
        "Sean Spicer, Donald Trump’s spokesman, said: “We have seen it all before.”",
        "Mr Putin and Mr Lavrov said: “We have seen it all before.”",
        "“We have seen it all before,” the Tory said.",
    ])
    def test_unknown(self, text: str) -> None:
        assert speakers(text) == ["?"]

    @pytest.mark.parametrize("text", [
        # A name near a quote is never its speaker without a speech verb.
        "Mr Putin. “We have seen it all before.”",
        "Mr Johnson called Mr Putin's remark “an act of aggression”.",
        "Mr Johnson said Mr Putin had called the strikes “an act of aggression”.",
        "Mr Johnson said Mr Putin's view was that “we have seen it all before”.",
        "Gabriel said the United States had “sent a clear signal to the Assad regime”.",
        "Mr Putin branded Assad a “tyrant” and Mr Lavrov said nothing.",
        "“We have seen it all before.” Mr Putin said the rest was lies.",
        "“We have seen it all before” - Mr Putin.",
        # A name inside the quote is never its speaker.
        "“Mr Putin has seen it all before.”",
    ])
    def test_unreadable(self, text: str) -> None:
        assert speakers(text)[0] is None


class TestPronouns:
    def test_pronoun_reaches_previous_paragraph(self) -> None:
        text = ("Mr Putin arrived in Moscow on Tuesday.\n\n"
                "“We have seen it all before,” he said.")
        assert speakers(text) == ["putin"]

    def test_pronoun_skips_names_inside_quotes(self) -> None:
        text = ("Mr Putin spoke after the talks.\n\n"
                "“Mr Lavrov and Mr Johnson have seen it all before,” he said.")
        assert speakers(text) == ["putin"]

    def test_pronoun_not_beyond_previous_paragraph(self) -> None:
        text = ("Mr Putin arrived.\n\nThe weather was cold.\n\n"
                "“We have seen it all before,” he said.")
        assert speakers(text) == [None]

    def test_two_people_in_one_sentence_is_unreadable(self) -> None:
        # "Nearest person" would pick Mattarella; a reporter means Putin. Unsure: unreadable.
        text = ("Mr Putin met Sergio Mattarella in Moscow.\n\n"
                "“We have seen it all before,” he said.")
        assert speakers(text) == [None]

    def test_two_people_resolved_by_speech_verb_subject(self) -> None:
        text = ("Before meeting Mr Lavrov, Mr Tillerson said the regime would fall.\n\n"
                "“It is over,” he said.")
        assert speakers(text) == ["tillerson"]

    def test_pronoun_chain_through_reported_speech(self) -> None:
        text = ("Mr Johnson had gone into the meeting asking for sanctions.\n\n"
                "He insisted the option remained on the table.\n\n"
                "“It is wholly appropriate,” he said.")
        assert speakers(text) == ["johnson"]

    def test_pronoun_after_the_previous_quote_speaker(self) -> None:
        text = ("Mr Putin said: “We have seen it all before.\n\n"
                "“It is a provocation,” he added.")
        assert speakers(text) == ["putin", "putin"]

    def test_non_person_is_not_a_pronoun_antecedent(self) -> None:
        text = ("Mr Putin spoke as the Kremlin issued a statement.\n\n"
                "“We have seen it all before,” he said.")
        assert speakers(text) == ["putin"]


class TestParagraphs:
    def test_quote_running_over_paragraphs(self) -> None:
        text = ("Mr Tillerson said the regime would fall.\n\n"
                '"It is clear that the reign of the Assad family is coming to an end.\n\n'
                '"But the transition could be very important," he said.\n\n'
                '"Russia has aligned itself with the Assad regime.\n\n'
                '"Is that a long-term alliance that serves Russia\'s interest?\n\n'
                '"We want a future for Syria that is stable."')
        assert speakers(text) == ["tillerson"] * 5

    def test_open_quote_continues_even_if_another_person_is_named(self) -> None:
        text = ("Mr Putin said: “We have seen it all before.\n\n"
                "“Mr Lavrov knows it, and Mr Johnson knows it.")
        assert speakers(text) == ["putin", "putin"]

    def test_closed_quote_continues_only_without_another_person(self) -> None:
        base = "“We have seen it all before,” Mr Putin said.\n\n“It is a provocation.”"
        assert speakers(base) == ["putin", "putin"]
        assert speakers(base + " Mr Lavrov nodded.") == ["putin", None]

    def test_continuation_from_reported_speech(self) -> None:
        text = ("Mr Putin spoke first.\n\nMr Lavrov said the attack was staged.\n\n"
                "“We know who did it.”")
        assert speakers(text) == ["lavrov"]

    def test_no_speaker_to_continue(self) -> None:
        assert speakers("Mr Putin spoke in Moscow.\n\n“We know who did it.”") == [None]

    def test_paragraph_with_own_attribution_is_not_continued(self) -> None:
        text = ("Mr Putin said: “We have seen it all before.\n\n"
                "“It is nonsense,” Mr Johnson said.")
        assert speakers(text) == ["putin", "johnson"]

    def test_same_paragraph_follow_up(self) -> None:
        assert speakers("“It is a provocation,” Mr Putin said. The room fell silent. "
                        "“Nobody believes it.”") == ["putin", "putin"]
        assert speakers("“It is a provocation,” Mr Putin said. Mr Lavrov left the room. "
                        "“Nobody believes it.”") == ["putin", None]

    def test_quotes_of_other_people_in_the_same_paragraph(self) -> None:
        text = ("“It is a provocation,” Mr Putin said, but Mr Johnson replied: "
                "“It is a war crime.”")
        assert speakers(text) == ["putin", "johnson"]


class TestSeeds:
    def test_seed_000(self) -> None:
        a = seed("000")
        got = {head(a, q.span, 30): w for q, w in zip(quotes(a), speakers(a), strict=True)}
        assert got["It reminds me of the events in"] == "putin"
        assert got["when US envoys to the Security"] == "putin"
        assert got["They have a big strategic choi"] == "johnson"
        assert got["Of course, everybody understan"] == "johnson"
        assert got["What we all want to see is Rus"] == "johnson"
        assert got["We must have a dialogue with R"] == "alfano"
        assert got["When you watch babies and chil"] == "?"  # Sean Spicer: no entity
        assert got["reset"] is None

    def test_seed_001(self) -> None:
        a = seed("001")
        got = [(head(a, q.span, 20), w) for q, w in zip(quotes(a), speakers(a), strict=True)]
        assert ("It reminds me of the", "putin") in got
        assert ("We have seen it all ", "putin") in got
        assert ("All we can say is he", "meyer") in got
        assert ("We want to create a ", "tillerson") in got

    def test_seed_002(self) -> None:
        a = seed("002")
        got = [(head(a, q.span, 20), w) for q, w in zip(quotes(a), speakers(a), strict=True)]
        assert ("President Mattarella", "putin") in got
        assert ("We have information ", "putin") in got
        assert ("Did they know Assad ", "johnson") in got

    def test_seed_003(self) -> None:
        a = seed("003")
        got = [(head(a, q.span, 20), w) for q, w in zip(quotes(a), speakers(a), strict=True)]
        assert ("It reminds me of the", "putin") in got
        assert ("We have seen it all ", "putin") in got
        assert ("which we believe is ", "tillerson") in got
        assert ("We must not push Rus", "alfano") in got
        assert ("It is unclear whethe", "tillerson") in got
        assert ("sent a clear signal ", None) in got

    def test_cached_per_index(self) -> None:
        a = seed("003")
        assert spoken_quotes(a, INDEX) is spoken_quotes(a, INDEX)
        other = EntityIndex({})
        assert all(q.attribution is None or not q.attribution.entities
                   for q in spoken_quotes(a, other))
