"""Reading a contribution (pure: no database): its texts, what it mentions in its words and
under its heading, the stance read for each, the names an attribution carries, and the text
cut into marked segments for the page. Sentences are from the bundled Procurement Bill
snapshot's bodies (words the account in data/reference/procurement-bill/facts.json and the pack's captures quote) unless marked
synthetic."""

from __future__ import annotations

import pytest

from tracker.hansard.highlight import Mark, Segment, paragraphs
from tracker.hansard.reading import contribution_texts, mentions_in, name_candidates, stance_of
from tracker.hansard.stance import Role

QUIN = "<p>Anything that is added to the Bill must be deliverable and workable</p><p>We are thinking through the Lords amendments</p>"
ALTON_47A = "I turn to Clause 65 and Amendment 47B in Motion 47A in my name."


def test_plain_text_keeps_paragraphs_apart_so_each_ends_its_sentence():
    cleaned, plain = contribution_texts(QUIN)
    assert plain == ("Anything that is added to the Bill must be deliverable and workable\n\n"
                     "We are thinking through the Lords amendments")
    assert cleaned == QUIN


def test_the_html_is_sanitised_and_the_text_has_no_markup():
    cleaned, plain = contribution_texts('<p onclick="x()">Synthetic <script>alert(1)</script><b>words</b></p>')
    assert cleaned == "<p>Synthetic <b>words</b></p>"
    assert plain == "Synthetic words"


def test_quin_names_no_numbered_amendment_motion_or_clause():
    assert mentions_in(contribution_texts(QUIN)[1], "Procurement Bill [Lords]") == ()


def test_mentions_in_the_words_carry_the_sentences_either_side():
    text = "My Lords, I begin by thanking the Minister. " + ALTON_47A + " As the Minister said, it would require a timeline."
    found = mentions_in(text, "Procurement Bill [HL]")
    assert [(f.mention.kind, f.mention.number) for f in found] == [("clause", "65"), ("amendment", "47B"), ("motion", "47A")]
    assert found[1].previous == "My Lords, I begin by thanking the Minister."
    assert found[1].following == "As the Minister said, it would require a timeline."
    reading, sentence = stance_of(found[2], Role.MOVER)
    assert (reading.stance, reading.rule, sentence) == ("neutral", "moves-or-tables", ALTON_47A)


def test_a_heading_names_what_the_contribution_is_about_unless_the_words_already_do():
    found = mentions_in("so admirable", "Amendment 449")
    assert [(f.mention.number, f.in_heading) for f in found] == [("449", True)]
    reading, sentence = stance_of(found[0], None)
    assert (reading.stance, reading.rule, sentence) == ("neutral", "no-rule", "Amendment 449")
    repeated = mentions_in("I have added my name to Amendment 449A.", "Amendment 449A")
    assert [(f.mention.number, f.in_heading) for f in repeated] == [("449A", False)]


def test_under_a_heading_the_first_sentence_naming_nothing_else_that_fires_a_rule_decides():
    text = "I oppose Amendment 450. I support this amendment. I cannot support that."  # synthetic
    heading_mention = [f for f in mentions_in(text, "Amendment 449") if f.in_heading][0]
    assert heading_mention.unnamed_sentences == ("I support this amendment.", "I cannot support that.")
    reading, sentence = stance_of(heading_mention, None)
    assert (reading.stance, reading.rule, sentence) == ("supports", "supports (under the heading)",
                                                        "I support this amendment.")


@pytest.mark.parametrize("attributed_to, names", [
    ("Baroness Neville-Rolfe", ("Baroness Neville-Rolfe",)),
    ("The Minister of State, Cabinet Office (Baroness Neville-Rolfe) (Con)",
     ("The Minister of State, Cabinet Office", "Baroness Neville-Rolfe")),
    ("Jeremy Quin (Con)", ("Jeremy Quin",)),
    ("Dame Eleanor  Laing", ("Dame Eleanor Laing",)),
    (None, ()),
])
def test_the_names_an_attribution_carries(attributed_to, names):
    assert name_candidates(attributed_to) == names


def test_marked_segments_cover_every_character_once_paragraph_by_paragraph():
    text = "Amendments 1 to 3 (synthetic).\n\nAnd Clause 9."
    marks = [Mark(11, 12, "/a/1", "one"), Mark(11, 17, None, "range"), Mark(16, 17, "/a/3", "three"),
             Mark(43, 44, None, "clause")]
    result = paragraphs(text, marks)
    assert result == [
        [Segment("Amendments "), Segment("1", marks[0]), Segment(" to "), Segment("3", marks[2]),
         Segment(" (synthetic).")],
        [Segment("And Clause "), Segment("9", marks[3]), Segment(".")],
    ]
    assert "\n\n".join("".join(s.text for s in p) for p in result) == text
