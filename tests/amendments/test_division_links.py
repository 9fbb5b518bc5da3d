"""Reading which amendment, motion or clause a division decided, from its own words.

Real texts come from the captured votes responses; the others are made-up sentences
("Example Member", "Example Bill") in the standard parliamentary forms each rule reads.
"""

import json
from pathlib import Path
from typing import Any

import pytest

from amendments.division_links import (
    COMMONS_TITLE,
    LORDS_NOTES,
    DivisionReference,
    references_in_commons_title,
    references_in_lords_notes,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def load(api: str, name: str) -> Any:
    return json.loads((FIXTURES / api / name).read_text(encoding="utf-8"))


def commons_titles() -> dict[int, str]:
    raw = load("commons_votes", "commonsvotes_divisions_search.json")
    return {division["DivisionId"]: division["Title"] for division in raw}


def summary(references: tuple[DivisionReference, ...]) -> list[tuple]:
    return [(r.kind, r.number, r.clause, r.action, r.from_house, r.rule) for r in references]


# Real texts


def test_lords_division_3172_notes_name_amendment_51_leaving_out_clause_10():
    raw = load("lords_votes", "lordsvotes_divisions_search.json")

    (reference,) = references_in_lords_notes(raw[0]["amendmentMotionNotes"])

    assert reference == DivisionReference(
        kind="amendment",
        number="51",
        clause="10",
        action="leave out",
        rule="amendment_to_leave_out_clause",
        source=LORDS_NOTES,
        matched_text="amendment 51, to leave out clause 10",
    )


@pytest.mark.parametrize(
    ("division_id", "expected"),
    [
        (1852, [("amendment", "8", None, None, None, "amendment")]),
        (1864, [("amendment", "25", None, None, None, "amendment")]),
        (1867, [("new_clause", "20", None, None, None, "new_clause")]),
        (1870, [("amendment", "1", None, "disagree", "Lords", "disagree_with_amendment")]),
        (1871, [("amendment", "2", None, "disagree", "Lords", "disagree_with_amendment")]),
    ],
)
def test_commons_titles_that_name_what_was_decided(division_id, expected):
    references = references_in_commons_title(commons_titles()[division_id])

    assert summary(references) == expected
    assert {r.source for r in references} == {COMMONS_TITLE}


@pytest.mark.parametrize(
    "division_id",
    [
        1873,  # ...Bill: Second Reading
        1872,  # ...Bill: Reasoned Amendment to Second Reading (an amendment, but unnumbered)
        1869,  # Draft Windsor Framework (...) Regulations 2024
        1863,  # Budget Resolution No. 44:  Rates of alcohol duty
        1856,  # Budget Resolution No. 8: Capital gains tax (investors' relief)
    ],
)
def test_commons_titles_that_name_no_amendment_give_no_reference(division_id):
    assert references_in_commons_title(commons_titles()[division_id]) == ()


def test_every_real_commons_title_reads_without_error():
    found = {division_id: references_in_commons_title(title) for division_id, title in commons_titles().items()}

    assert sorted(division_id for division_id, references in found.items() if references) == [
        1850, 1851, 1852, 1864, 1865, 1866, 1867, 1870, 1871,
    ]  # fmt: skip


# Standard forms, one rule each


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "<p>Example Member moved Motion 102A. The House divided:</p>",
            [("motion", "102A", None, None, None, "motion")],
        ),
        ("<p>Example Member moved Motion A.</p>", [("motion", "A", None, None, None, "motion")]),
        ("<p>Example Member moved Amendment 102B.</p>", [("amendment", "102B", None, None, None, "amendment")]),
        (
            "<p>Example Member moved amendment 7,&nbsp;to leave out <em>clause</em> 3.</p>",
            [("amendment", "7", "3", "leave out", None, "amendment_to_leave_out_clause")],
        ),
        (
            "<p>That this House disagrees with Lords amendment 102B.</p>",
            [("amendment", "102B", None, "disagree", "Lords", "disagree_with_amendment")],
        ),
        (
            "<p>Example Member moved Motion 47A, and Amendment 47B in lieu.</p>",
            [("motion", "47A", None, None, None, "motion"), ("amendment", "47B", None, None, None, "amendment")],
        ),
    ],
)
def test_lords_notes_forms(text, expected):
    assert summary(references_in_lords_notes(text)) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Example Bill: new clause 1", [("new_clause", "1", None, None, None, "new_clause")]),
        ("Example Bill: New Clause NC10", [("new_clause", "10", None, None, None, "new_clause")]),
        ("Example Bill Report Stage: NC1", [("new_clause", "1", None, None, None, "nc_number")]),
        (
            "Example Bill Committee: Clause 65 stand part",
            [("clause", "65", None, "stand part", None, "clause_stand_part")],
        ),
        ("Example Bill: Commons Amendment 3", [("amendment", "3", None, None, "Commons", "amendment")]),
    ],
)
def test_commons_title_forms(title, expected):
    assert summary(references_in_commons_title(title)) == expected


def test_matched_text_is_the_words_the_rule_read():
    (reference,) = references_in_commons_title("Example Bill Committee:  Clause 65   stand part")

    assert reference.matched_text == "Clause 65 stand part"


# Negative cases


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "Example Bill: Third Reading",
        "Example Bill: motion to disagree",  # "to" is not a motion number
        "Example Bill: Motion to approve",
        "Amendments 19 to 23 made",  # a range, not one amendment
        "Example Bill: Reasoned Amendment",
        "Finance (No. 2) Bill: Third Reading",
        "Example Bill: Clause 65",  # no question named
        "Example Bill: amendment 5b",  # a number's letters are capitals
        "Example Bill: NC",
    ],
)
def test_texts_that_name_nothing_give_no_reference(text):
    assert references_in_lords_notes(text) == ()
    assert references_in_commons_title(text) == ()


def test_lords_notes_read_text_only_not_script():
    assert references_in_lords_notes("<script>Amendment 9</script><p>The House divided:</p>") == ()
