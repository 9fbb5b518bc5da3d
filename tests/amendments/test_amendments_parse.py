"""Bills API amendment and ping-pong parsers, on hand-written spec-shaped documents.

The pack holds no captured amendment or ping-pong response, so every fixture here is
synthetic (ids from 9000000, "Example Member", "Example Bill") and asserts shape, not facts.
"""

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from amendments.sources.amendments_parse import (
    AMENDMENT_DECISIONS,
    parse_amendment_detail,
    parse_amendment_search_item,
    parse_amendment_search_result,
    parse_ping_pong_detail_item,
    parse_ping_pong_search_result,
    parse_ping_pong_summary_item,
)
from tracker.parsing import ParseError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "bills_api_amendments"


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def first_search_item() -> dict[str, Any]:
    return copy.deepcopy(load("spec_shaped_amendment_search_result.json")["items"][0])


# Amendment lists


def test_search_result_page_keeps_good_items_and_reports_the_one_missing_amendment_id():
    page = parse_amendment_search_result(load("spec_shaped_amendment_search_result.json"))

    assert [item.id for item in page.items] == [9000101, 9000102, 9000104]
    assert (page.total_results, page.items_per_page) == (24, 20)
    assert len(page.errors) == 1
    assert "items[2]" in str(page.errors[0])
    assert "'amendmentId'" in str(page.errors[0])


def test_search_item_fields():
    item = parse_amendment_search_result(load("spec_shaped_amendment_search_result.json")).items[0]

    assert (item.bill_id, item.bill_stage_id, item.amendment_id) == (9000000, 9000010, 9000301)
    assert item.decision == "Agreed"
    assert item.decision_explanation == "<p>Example decision explanation</p>"
    assert item.amendment_type == "EditBillBody"
    assert (item.clause, item.schedule, item.page_number, item.line_number) == (1, None, 1, 5)
    assert item.marshalled_list_text == "1"
    assert item.summary_text == ("Example summary, first line", "Example summary, second line")


def test_sponsors_keep_the_api_order_and_the_lead_flag():
    item = parse_amendment_search_result(load("spec_shaped_amendment_search_result.json")).items[0]

    assert [(s.member_id, s.sort_order, s.is_lead) for s in item.sponsors] == [
        (9000203, 1, True),
        (9000201, 2, False),
        (9000202, 3, False),
    ]
    lead = item.sponsors[0]
    assert (lead.name, lead.party, lead.party_colour, lead.house) == (
        "Example Member Three",
        "Example Party",
        "000000",
        "Commons",
    )
    assert item.sponsors[1].party is None


def test_null_lists_read_as_empty_and_null_numbers_stay_null():
    item = parse_amendment_search_result(load("spec_shaped_amendment_search_result.json")).items[1]

    assert item.sponsors == ()
    assert item.summary_text == ()
    assert (item.clause, item.page_number, item.line_number) == (None, None, None)
    assert item.marshalled_list_text == "NC1"


def test_decision_not_in_the_spec_is_kept_as_data():
    raw = first_search_item()
    raw["decision"] = "ExampleDecisionNotInSpec"

    assert parse_amendment_search_item(raw).decision == "ExampleDecisionNotInSpec"


def test_unknown_extra_fields_are_ignored():
    raw = first_search_item()
    raw["exampleFieldNotInSpec"] = {"anything": 1}
    raw["sponsors"][0]["exampleFieldNotInSpec"] = "x"

    assert parse_amendment_search_item(raw) == parse_amendment_search_item(first_search_item())


@pytest.mark.parametrize(
    ("field", "value"),
    [("decision", None), ("billStageId", "9000010"), ("amendmentType", 3), ("clause", "1")],
)
def test_missing_or_ill_typed_field_is_a_parse_error(field, value):
    raw = first_search_item()
    raw[field] = value

    with pytest.raises(ParseError, match=field):
        parse_amendment_search_item(raw)


def test_a_malformed_sponsor_fails_its_amendment_rather_than_vanishing():
    raw = first_search_item()
    raw["sponsors"][1]["isLead"] = "yes"

    with pytest.raises(ParseError, match=r"sponsors\[1\].*'isLead'"):
        parse_amendment_search_item(raw)


def test_absent_lead_flag_and_type_read_as_not_given():
    raw = first_search_item()
    del raw["sponsors"][1]["isLead"]
    del raw["amendmentType"]

    item = parse_amendment_search_item(raw)

    assert [s.is_lead for s in item.sponsors] == [True, None, False]
    assert item.amendment_type is None


def test_amendment_decisions_are_the_fourteen_values_of_the_2025_spec():
    assert len(AMENDMENT_DECISIONS) == 14
    assert AMENDMENT_DECISIONS[:5] == ("NoDecision", "Withdrawn", "Disagreed", "NotMoved", "Agreed")
    assert AMENDMENT_DECISIONS[-2:] == ("NegativedOnDivision", "AgreedOnDivision")


# Amendment detail


def test_amendment_detail():
    detail = parse_amendment_detail(load("spec_shaped_amendment_detail.json"))

    assert (detail.id, detail.amendment_id, detail.decision) == (9000101, 9000301, "Agreed")
    assert [(s.member_id, s.is_lead, s.member_page) for s in detail.sponsors] == [
        (9000203, True, "https://example.invalid/member")
    ]
    assert [(line.text, line.indentation, line.hanging_indentation, line.is_image, line.image_type)
            for line in detail.amendment_lines] == [
        ("Example line one", 0, None, False, None),
        (None, 2, "(a)", True, "png"),
    ]  # fmt: skip
    assert detail.explanatory_text_prefix == "Member's explanatory statement"
    assert detail.explanatory_text == "<p>Example explanatory text</p>"
    assert detail.amendment_note is None
    assert detail.amendment_location == "Example location"
    assert detail.main_header == "Example Bill"


def test_amendment_detail_line_without_indentation_is_a_parse_error():
    raw = load("spec_shaped_amendment_detail.json")
    del raw["amendmentLines"][0]["indentation"]

    with pytest.raises(ParseError, match=r"amendmentLines\[0\].*'indentation'"):
        parse_amendment_detail(raw)


# Ping-pong


def test_ping_pong_page_reads_each_side_and_rejects_an_item_with_both_filled():
    page = parse_ping_pong_search_result(load("spec_shaped_ping_pong_items.json"))

    motion_item, amendment_item = page.items
    assert (motion_item.type, motion_item.amendment) == ("Motion", None)
    motion = motion_item.motion
    assert (motion.id, motion.number, motion.decision, motion.summary) == (
        9000401,
        "1A",
        "Agreed",
        "Example motion summary",
    )
    assert [(s.member_id, s.house, s.is_lead) for s in motion.sponsors] == [(9000204, "Lords", True)]
    assert (amendment_item.type, amendment_item.motion) == ("Amendment", None)
    assert (amendment_item.amendment.number, amendment_item.amendment.decision) == ("1B", "Disagreed")
    assert amendment_item.amendment.sponsors == ()
    assert len(page.errors) == 1
    assert "items[2]" in str(page.errors[0])
    assert "exactly one" in str(page.errors[0])
    assert page.total_results == 3


def test_ping_pong_item_with_neither_side_is_a_parse_error():
    with pytest.raises(ParseError, match="exactly one"):
        parse_ping_pong_summary_item({"type": "Motion", "amendment": None, "motion": None})


def test_ping_pong_item_whose_type_names_the_other_side_is_a_parse_error():
    raw = load("spec_shaped_ping_pong_items.json")["items"][0]
    raw["type"] = "Amendment"

    with pytest.raises(ParseError, match="type is 'Amendment' but 'motion' is filled in"):
        parse_ping_pong_summary_item(raw)


def test_ping_pong_motion_detail_keeps_its_groups():
    item = parse_ping_pong_detail_item(load("spec_shaped_ping_pong_item_detail.json"))

    assert item.amendment is None
    (group,) = item.motion.groups
    assert group.sort_order == 1
    assert [line.text for line in group.text] == ["Example motion text"]
    (amendment,) = group.amendments
    assert (amendment.number, amendment.decision, amendment.sort_order) == ("1B", "Agreed", 1)
    assert [line.text for line in amendment.text] == ["Example amendment text"]
    assert [(s.member_id, s.is_lead) for s in amendment.sponsors] == [(9000204, True)]


def test_ping_pong_amendment_detail_reads_amendment_groups():
    motion_detail = load("spec_shaped_ping_pong_item_detail.json")["motion"]
    amendment_detail = {**motion_detail, "type": "Amendment", "number": "1B"}
    amendment_detail["amendmentGroups"] = amendment_detail.pop("motionGroups")

    item = parse_ping_pong_detail_item({"type": "Amendment", "amendment": amendment_detail, "motion": None})

    assert item.motion is None
    assert [len(group.amendments) for group in item.amendment.groups] == [1]
