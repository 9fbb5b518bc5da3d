"""Amendment, motion and clause mentions, on real sentences from the Procurement Bill debates.

Sources: the account of the bill ("MD": data/reference/procurement-bill/facts.json), and the pack's hansard/ captures
(copied byte for byte into tests/fixtures/hansard/). Sentences marked "constructed" are ours.
"""

from pathlib import Path

import pytest

from tracker.hansard.mentions import find_mentions, split_sentences
from tracker.hansard.sources.hansard_api_parse import split_capture

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "hansard"


def capture(name: str) -> str:
    return split_capture((FIXTURES / name).read_text(encoding="utf-8")).text


def found(text: str) -> list[tuple[str, str]]:
    return [(m.kind, m.marshalled_list_text) for m in find_mentions(text)]


# (sentence, mentions as (kind, marshalled list text)); the comment names the source.
REAL_SENTENCES = [
    # Alton, 11 Sep 2023 (MD; hansard/2023-09-11_…_lord-alton.txt)
    ("I turn to Clause 65 and Amendment 47B in Motion 47A in my name.",
     [("clause", "65"), ("amendment", "47B"), ("motion", "47A")]),
    # Loughton, Commons 2R, 9 Jan 2023 (MD)
    ("Clause 65 was helpfully added by the noble Lord Alton and a cross-party alliance in the other House …",
     [("clause", "65")]),
    # Blencathra, Lords Report, 30 Nov 2022 (MD): the amendment has no number in the words
    ("I rise to speak to the cross-party amendment in my name, alongside those of the noble Lords, "
     "Lord Alton, Lord Coaker and Lord Fox … even if we lose the vote in this House tonight …", []),
    # Neville-Rolfe, 11 Sep 2023 (hansard/2023-09-11_…_parallelparliament.txt)
    ("My Lords, in moving this Motion I will speak to Amendments 1, 4, 5, 81 and 82.",
     [("amendment", "1"), ("amendment", "4"), ("amendment", "5"), ("amendment", "81"), ("amendment", "82")]),
    ("That the House do agree with the Commons in their Amendment 1.", [("amendment", "1")]),
    ("1: Clause 2, page 2, line 13, leave out “including the NHS”", [("clause", "2")]),
    # Third Reading, 13 Dec 2022 (hansard/2022-12-13_lords_third-reading_hansard.txt)
    ("Clause 110, page 72, line 35, leave out “11([subsection removed])” and insert “1(4)”",
     [("clause", "110")]),
    ("My Lords, I will move a minor technical amendment to Clause 110 in my name.", [("clause", "110")]),
    # Commons Report, 13 Jun 2023 (hansard/2023-06-13_…_streetguide.txt; …_votes-and-proceedings.txt)
    ("New clause 1—Removal from the procurement supply chain of physical surveillance equipment produced by "
     "companies subject to the National Intelligence Law of the People’s Republic of China",
     [("amendment", "NC1")]),
    ("This new clause includes the NHS under this Act and procurement by NHS England under the Health and "
     "Care Act 2022.", []),
    ("“(1) Omit sections 79 and 80 of the Health and Care Act 2022.", []),
    ("New Clause NC15—(Alex Burghart)—brought up, read the first and second time, and added to the Bill.",
     [("amendment", "NC15")]),
    ("Amendment 2 proposed.—(Angela Rayner.)", [("amendment", "2")]),
    ("Bill read the first time; to be read a second time on Friday 24 November, and to be printed (Bill 323).",
     []),
    # Ping-pong (MD)
    ("That this House disagrees with Lords amendment 102B", [("amendment", "102B")]),
    ("Lord Hunt of Kings Heath's forced organ harvesting amendment (Motion 102A / Amendment 102B) was "
     "agreed by 156 to 151.", [("motion", "102A"), ("amendment", "102B")]),
    ("The Lords agreed Motion A, \"That this House do not insist on its Amendment 102B … Reason 102C\".",
     [("motion", "A"), ("amendment", "102B")]),
    # Loughton at Report (MD): "his new clause" names no number
    ("My right hon. Friend the Member for Chingford and Woodford Green [Iain Duncan Smith] has rather let "
     "the cat out of the bag by saying that he will not press his new clause to a vote", []),
    # Constructed
    ("I support Amendment 449 in the name of the noble Lord, Lord Hunt of Kings Heath, and Amendment 449A",
     [("amendment", "449"), ("amendment", "449A")]),
    ("Government NC15 was debated with NC1.", [("amendment", "NC15"), ("amendment", "NC1")]),
    ("I oppose the Question that clause 65 stand part of the Bill.", [("clause", "65")]),
    ("The Standing Order No. 83A(7) applied; Division No. 252 followed.", []),
]


@pytest.mark.parametrize("sentence, expected", REAL_SENTENCES, ids=[s[:40] for s, _ in REAL_SENTENCES])
def test_mentions_in_real_and_constructed_sentences(sentence, expected):
    assert found(sentence) == expected


def test_number_is_as_printed_and_span_points_at_it():
    text = "I turn to Clause 65 and Amendment 47B in Motion 47A in my name."

    for mention in find_mentions(text):
        assert text[mention.span[0] : mention.span[1]] == mention.number
        assert mention.sentence == text


def test_new_clause_number_is_printed_bare_and_listed_with_nc():
    (mention,) = find_mentions("New clause 1—Removal from the procurement supply chain")

    assert (mention.number, mention.new_clause, mention.marshalled_list_text) == ("1", True, "NC1")


def test_a_range_fills_in_the_numbers_it_does_not_print():
    text = "Amendments 19 to 23 made."  # Votes and Proceedings, 13 Jun 2023

    mentions = find_mentions(text)

    assert [m.number for m in mentions] == ["19", "20", "21", "22", "23"]
    assert [m.from_range for m in mentions] == [False, True, True, True, False]
    assert {text[m.span[0] : m.span[1]] for m in mentions if m.from_range} == {"19 to 23"}


def test_the_votes_and_proceedings_range_of_made_amendments_is_whole():
    text = capture("2023-06-13_commons_report_votes-and-proceedings.txt")

    made = [m.number for m in find_mentions(text) if m.sentence == "Amendments 24 to 58 made."]

    assert made == [str(n) for n in range(24, 59)]


def test_stand_part_is_marked():
    (mention,) = find_mentions("That clause 65 stand part of the Bill.")  # constructed

    assert (mention.kind, mention.number, mention.stand_part) == ("clause", "65", True)


def test_motion_i_is_the_pronoun_not_a_motion():
    mentions = find_mentions("My Lords, in moving this Motion I will speak to Amendments 1, 4, 5, 81 and 82.")

    assert "motion" not in {m.kind for m in mentions}


def test_mentions_in_the_alton_record_keep_their_sentences():
    text = capture("2023-09-11_lords_commons-amendments_proceeding-contribution_lord-alton.txt")

    mentions = [(m.kind, m.number, m.sentence) for m in find_mentions(text)]

    hunt = (
        "In parenthesis, before I begin—and because I will not weary the House with a second speech later, "
        "even if the opportunity is there—I would like to say how much I support what the noble Lord, "
        "Lord Hunt of King’s Heath, is trying to achieve with Motion 102A and Amendment 102B."
    )
    turn = "I turn to Clause 65 and Amendment 47B in Motion 47A in my name."
    assert mentions == [
        ("motion", "102A", hunt),
        ("amendment", "102B", hunt),
        ("clause", "65", turn),
        ("amendment", "47B", turn),
        ("motion", "47A", turn),
    ]


# Sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        # MD, Loughton: "hon. Friend" does not end a sentence
        ("My right hon. Friend the Member for Chingford and Woodford Green [Iain Duncan Smith] has rather let "
         "the cat out of the bag. He added more.",
         ["My right hon. Friend the Member for Chingford and Woodford Green [Iain Duncan Smith] has rather "
          "let the cat out of the bag.", "He added more."]),
        # Votes and Proceedings: "No. 252" and the bracketed proposer
        ("Division No. 252\n\nAyes: 231", ["Division No. 252", "Ayes: 231"]),
        ("Amendment 2 proposed.—(Angela Rayner.)\n\nQuestion put.", ["Amendment 2 proposed.—(Angela Rayner.)",
                                                                  "Question put."]),
        # constructed: a stop inside brackets, and a stop that ends a name and a sentence
        ("Amendment 449 proposed.—(Lord Hunt of Kings Heath.) Question put.",
         ["Amendment 449 proposed.—(Lord Hunt of Kings Heath.)", "Question put."]),
        ("I support the amendment of the noble Lord, Lord Hunt of Kings Heath. It is modest.",
         ["I support the amendment of the noble Lord, Lord Hunt of Kings Heath.", "It is modest."]),
        # MD, Blencathra: an ellipsis leaves words out; it does not end the sentence
        ("Lord Coaker and Lord Fox … even if we lose the vote in this House tonight …",
         ["Lord Coaker and Lord Fox … even if we lose the vote in this House tonight …"]),
        # MD, the Act's citation
        ("Procurement Act 2023, 2023 c. 54, with Royal Assent on 26 October 2023.",
         ["Procurement Act 2023, 2023 c. 54, with Royal Assent on 26 October 2023."]),
    ],
)
def test_sentences_split_where_sentences_end(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_a_paragraph_broken_mid_sentence_is_one_sentence():
    text = capture("2023-09-11_lords_commons-amendments_proceeding-contribution_lord-alton.txt")

    joined = [s.text for s in split_sentences(text) if "those of her officials" in s.text]

    assert joined[0].startswith("I did say that I would like to start my remarks")


def test_sentence_spans_point_into_the_text():
    text = "My Lords, I begin by thanking the Minister. I will come back to that in a few moments."

    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
