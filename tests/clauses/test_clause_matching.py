"""match_prints on the real Social Housing (Regulation) Bill [HL] print pair, and on constructed
prints built from Provision dataclasses (placeholder wording, not any real bill)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bills.text.lawmaker_parse import Division, Provision, parse_print
from tracker.clauses.matching import (
    AMENDMENT,
    INSERT,
    LEAVE_OUT,
    MATCH_THRESHOLD,
    SIMILARITY,
    SOURCE_ID,
    AgreedChange,
    match_prints,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bill_text"


@pytest.fixture(scope="module")
def social_housing_prints():
    return tuple(
        parse_print((FIXTURES / name).read_bytes())
        for name in (
            "lawmaker_social-housing-regulation-bill_commons_brought-from-lords.xml",
            "lawmaker_social-housing-regulation-bill_commons_as-amended-in-committee.xml",
        )
    )


def _arrows(links) -> list[tuple[str | None, str | None]]:
    return [(l.older.label if l.older else None, l.newer.label if l.newer else None) for l in links]


def test_real_prints_linked_by_guid(social_housing_prints):
    links = match_prints(*social_housing_prints)
    linked = [l for l in links if l.older and l.newer]
    assert {l.method for l in linked} == {SOURCE_ID}
    assert sum(1 for l in linked if l.kind == "clause") == 43
    assert sum(1 for l in linked if l.kind == "schedule") == 5
    assert [(l.older.label, l.older.heading) for l in links if l.newer is None] == [
        ("Clause 24", "Standards relating to energy demand")
    ]
    assert not [l for l in links if l.older is None]


def test_real_prints_linked_without_guids_agree_with_the_guids(social_housing_prints):
    links = match_prints(*social_housing_prints, use_source_ids=False)
    linked = [l for l in links if l.older and l.newer]
    assert {l.method for l in links} == {SIMILARITY}
    assert len(linked) == 48
    assert all(l.older.guid == l.newer.guid for l in linked)
    assert ("Clause 25", "Clause 24") in _arrows(linked)
    assert ("Clause 44", "Clause 43") in _arrows(linked)  # short title, cut from 342 to 66 characters
    assert [l.older.label for l in links if l.newer is None] == ["Clause 24"]
    assert not [l for l in links if l.older is None]


# Constructed prints.

WORDING = {
    "objectives": "The regulator must publish a statement of its objectives and review that statement "
                  "at least once in every period of three years beginning with the day it is first published.",
    "fees": "The regulator may charge a registered person a fee for the performance of any of its functions "
            "and may set different fees for different descriptions of person.",
    "inspections": "An inspector may at any reasonable time enter premises occupied by a registered person "
                   "for the purpose of carrying out an inspection under this Part.",
    "reports": "The Secretary of State must lay before Parliament a report on the operation of this Act "
               "before the end of the period of two years beginning with the day on which it is passed.",
    "penalties": "A person who fails without reasonable excuse to comply with a notice under this section "
                 "commits an offence and is liable on summary conviction to a fine.",
    "appeals": "A registered person may appeal to the tribunal against a decision of the regulator to "
               "refuse an application or to impose a condition on a registration.",
}


def _clause(
    number: int, topic: str, *, heading: str | None = None, kind: str = "clause",
    guid: str | None = None, part: Division | None = None, text: str | None = None,
) -> Provision:
    return Provision(
        kind=kind, number=str(number), heading=heading or topic.capitalize(),
        text=WORDING[topic] if text is None else text, guid=guid, part=part,
    )


def _numbered(*topics: str) -> list[Provision]:
    return [_clause(n, topic) for n, topic in enumerate(topics, start=1)]


def test_an_inserted_clause_shifts_the_numbers_after_it():
    older = _numbered("objectives", "fees", "reports", "penalties")
    newer = _numbered("objectives", "fees", "inspections", "reports", "penalties")
    links = match_prints(older, newer)
    assert _arrows(links) == [
        ("Clause 1", "Clause 1"), ("Clause 2", "Clause 2"), ("Clause 3", "Clause 4"),
        ("Clause 4", "Clause 5"), (None, "Clause 3"),
    ]
    assert links[-1].method == SIMILARITY


def test_an_agreed_new_clause_is_reported_as_inserted_by_amendment():
    older = _numbered("objectives", "fees")
    newer = _numbered("objectives", "inspections", "fees")
    change = AgreedChange(INSERT, heading="Inspections")
    (inserted,) = [l for l in match_prints(older, newer, agreed_changes=[change]) if l.older is None]
    assert (inserted.newer.label, inserted.method, inserted.confidence) == ("Clause 2", AMENDMENT, 1.0)


def test_a_removed_clause_shifts_the_numbers_after_it():
    older = _numbered("objectives", "fees", "inspections", "reports", "penalties")
    newer = _numbered("objectives", "fees", "reports", "penalties")
    links = match_prints(older, newer)
    assert _arrows(links) == [
        ("Clause 1", "Clause 1"), ("Clause 2", "Clause 2"), ("Clause 3", None),
        ("Clause 4", "Clause 3"), ("Clause 5", "Clause 4"),
    ]
    assert links[2].method == SIMILARITY


def test_an_agreed_leave_out_is_reported_by_amendment():
    older = _numbered("objectives", "fees", "inspections")
    newer = _numbered("objectives", "fees")
    links = match_prints(older, newer, agreed_changes=[AgreedChange(LEAVE_OUT, number="3")])
    assert (links[2].older.label, links[2].newer, links[2].method, links[2].confidence) == (
        "Clause 3", None, AMENDMENT, 1.0)


def test_a_new_heading_over_the_same_text_is_the_same_clause():
    older = _numbered("objectives", "fees")
    newer = [_clause(1, "objectives"), _clause(2, "fees", heading="Charging for regulatory work")]
    fees = match_prints(older, newer)[1]
    assert (fees.older.heading, fees.newer.heading) == ("Fees", "Charging for regulatory work")
    assert MATCH_THRESHOLD <= fees.confidence < 1


def test_a_clause_moved_to_another_part_is_followed():
    part_1, part_2 = Division("1", "Registration"), Division("2", "Enforcement")
    older = [_clause(1, "fees", part=part_1), _clause(2, "appeals", part=part_1),
             _clause(3, "inspections", part=part_2), _clause(4, "penalties", part=part_2)]
    newer = [_clause(1, "fees", part=part_1), _clause(2, "inspections", part=part_2),
             _clause(3, "penalties", part=part_2), _clause(4, "appeals", part=part_2)]
    links = match_prints(older, newer)
    assert ("Clause 2", "Clause 4") in _arrows(links)
    assert all(l.older.heading == l.newer.heading for l in links)


def test_two_clauses_merged_one_links_the_other_is_left_out_with_a_hint():
    older = _numbered("fees", "penalties", "reports")
    merged = _clause(1, "fees", text=WORDING["fees"] + " " + WORDING["penalties"])
    newer = [merged, _clause(2, "reports")]
    fees, penalties, reports = match_prints(older, newer)
    assert (fees.older.heading, fees.newer) == ("Fees", merged)
    assert (penalties.older.heading, penalties.newer) == ("Penalties", None)
    assert penalties.possibly_merged_into == merged
    assert penalties.confidence < MATCH_THRESHOLD
    assert reports.possibly_merged_into is None and reports.newer.label == "Clause 2"


def test_without_source_ids_guids_are_ignored():
    older = [_clause(1, "fees", guid="_a"), _clause(2, "appeals", guid="_b")]
    newer = [_clause(1, "fees", guid="_b"), _clause(2, "appeals", guid="_a")]  # misleading GUIDs
    assert _arrows(match_prints(older, newer)) == [("Clause 1", "Clause 2"), ("Clause 2", "Clause 1")]
    assert {l.method for l in match_prints(older, newer)} == {SOURCE_ID}
    assert _arrows(match_prints(older, newer, use_source_ids=False)) == [
        ("Clause 1", "Clause 1"), ("Clause 2", "Clause 2")]


def test_one_to_one_identical_clauses_cannot_share_a_successor_the_nearer_one_takes_it():
    older = [_clause(1, "fees"), _clause(2, "fees")]
    newer = [_clause(1, "appeals"), _clause(2, "fees")]
    assert _arrows(match_prints(older, newer)) == [
        ("Clause 1", None), ("Clause 2", "Clause 2"), (None, "Clause 1")]


def test_clauses_and_schedules_are_matched_within_their_own_kind():
    older = [_clause(1, "fees", kind="schedule")]
    newer = [_clause(1, "fees")]
    assert _arrows(match_prints(older, newer)) == [(None, "Clause 1"), ("Schedule 1", None)]
