"""Reading what was typed, and marking it in a snippet: pure functions, no database."""

from __future__ import annotations

import pytest

from tracker.search.highlight import snippet
from tracker.search.query import MAX_LENGTH, QueryTooLong, query_parse


def test_words_and_quoted_phrases_are_read_operators_and_punctuation_dropped():
    query = query_parse('surveillance "supply  chain" 47B -x OR NEAR(a, b) *:&|!')
    assert query.phrases == (("surveillance",), ("supply", "chain"), ("47B",), ("x",), ("OR",), ("NEAR",), ("a",),
                             ("b",))
    assert str(query) == 'surveillance "supply chain" 47B x OR NEAR a b'


def test_an_unclosed_quote_runs_to_the_end_and_empty_quotes_are_nothing():
    assert query_parse('Clause "supply chain').phrases == (("Clause",), ("supply", "chain"))
    assert not query_parse('"" " ; \x00 \t')


def test_welsh_letters_are_letters():
    assert query_parse("Gŵyl ŷd").phrases == (("Gŵyl",), ("ŷd",))


def test_input_past_the_limit_is_refused_not_cut():
    query_parse("a" * MAX_LENGTH)
    with pytest.raises(QueryTooLong):
        query_parse("a" * (MAX_LENGTH + 1))


def test_the_snippet_escapes_scraped_text_and_marks_only_the_matching_words():
    text = 'Amendment <script>alert("surveillance")</script> on surveillance & <b>CCTV</b>'
    marked = snippet(text, ["surveillance"])
    assert "<script>" not in marked and "<b>" not in marked
    assert marked == ("Amendment &lt;script&gt;alert(&quot;<mark>surveillance</mark>&quot;)&lt;/script&gt; on "
                      "<mark>surveillance</mark> &amp; &lt;b&gt;CCTV&lt;/b&gt;")


def test_the_snippet_marks_other_forms_of_a_word_and_starts_near_the_first_match():
    text = " ".join(["word"] * 50) + " the suppliers were removed"
    marked = snippet(text, ["supplier"])
    assert marked.startswith("…") and "<mark>suppliers</mark>" in marked
    assert snippet("Gŵyl Dewi", ["gŵyl"]) == "<mark>Gŵyl</mark> Dewi"


def test_a_text_with_no_match_gives_its_start():
    assert snippet("Timeline for removal of suppliers", ["zzz"]) == "Timeline for removal of suppliers"
