"""Bills API parsers, on real captured responses and on hand-written spec-shaped documents.

The `spec_shaped_*` fixtures are synthetic (ids from 9000000, "Example Bill"): the pack holds
no captured /Bills, /Bills/{id} or /Bills/{id}/Stages response.
"""

import copy
import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from bills.sources.bills_api_parse import (
    Bill,
    BillSummary,
    parse_bill,
    parse_bill_list,
    parse_bill_publications,
    parse_bill_stages,
    parse_bill_types,
    parse_stage_references,
)
from tracker.parsing import ParseError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "bills_api"


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


# Real captured responses


def test_publications_of_bill_512():
    publications = parse_bill_publications(load("bills_bill_512_publications.json"))

    assert publications.bill_id == 512
    assert len(publications.publications) == 41
    assert publications.errors == ()
    act = publications.publications[0]
    assert act.id == 2756
    assert act.house == "Commons"
    assert act.title == "Constitutional Reform and Governance Act 2010 c.25"
    assert (act.publication_type.id, act.publication_type.name) == (6, "Act of Parliament")
    assert act.display_date == dt.datetime(2010, 4, 12)
    assert [(link.id, link.content_type) for link in act.links] == [
        (3145, "application/pdf"),
        (3146, "text/html"),
    ]
    assert act.links[0].url == "http://www.opsi.gov.uk/acts/acts2010/pdf/ukpga_20100025_en.pdf"
    assert act.files == ()


def test_publication_houses_are_kept_as_given():
    publications = parse_bill_publications(load("bills_bill_512_publications.json"))

    houses = [publication.house for publication in publications.publications]
    assert [houses.count(house) for house in ("Commons", "Lords", "Unassigned")] == [36, 3, 2]


def test_a_publication_without_house_or_date_is_kept():
    raw = load("bills_bill_512_publications.json")
    del raw["publications"][3]["displayDate"]
    del raw["publications"][3]["house"]

    publication = parse_bill_publications(raw).publications[3]

    assert (publication.id, publication.house, publication.display_date) == (2754, None, None)


def test_a_malformed_publication_fails_alone():
    raw = load("bills_bill_512_publications.json")
    raw["publications"][3]["displayDate"] = "8 April 2010"

    publications = parse_bill_publications(raw)

    assert len(publications.publications) == 40
    assert 2754 not in {publication.id for publication in publications.publications}
    [error] = publications.errors
    assert "publications[3]" in str(error) and "displayDate" in str(error)


def test_bill_types():
    page = parse_bill_types(load("bills_billtypes.json"))

    assert (page.total_results, page.items_per_page, page.items_received) == (9, 20, 9)
    assert page.errors == ()
    hybrid = page.items[0]
    assert (hybrid.id, hybrid.category, hybrid.name) == (4, "Hybrid", "Hybrid Bill")
    assert hybrid.description.startswith("Hybrid Bills mix the characteristics")
    assert {bill_type.id: bill_type.name for bill_type in page.items}[1] == "Government Bill"
    assert sorted(bill_type.id for bill_type in page.items) == list(range(1, 10))


def test_stage_references_first_page_says_more_exist():
    page = parse_stage_references(load("bills_stages_reference.json"))

    assert (page.total_results, page.items_per_page, page.items_received) == (48, 20, 20)
    first = page.items[0]
    assert (first.id, first.name, first.house) == (
        48,
        "Committee stage (re-committed clauses and schedules)",
        "Commons",
    )
    names = {stage.id: stage.name for stage in page.items}
    assert (names[6], names[7], names[10]) == ("1st reading", "2nd reading", "3rd reading")


# Hand-written, spec-shaped documents


def test_bill_that_became_an_act_across_two_sessions():
    bill = parse_bill(load("spec_shaped_bill.json"))

    assert isinstance(bill, BillSummary)
    assert (bill.bill_id, bill.short_title) == (9000001, "Example Bill")
    assert bill.former_short_title == "Example (Draft) Bill"
    assert bill.is_act is True and bill.is_defeated is False
    assert (bill.current_house, bill.originating_house) == ("Unassigned", "Commons")
    assert bill.introduced_session_id == 9000101
    assert bill.included_session_ids == (9000101, 9000102)
    assert bill.last_update == dt.datetime(2024, 1, 2, 3, 4, 5, 123456)
    assert bill.bill_withdrawn is None
    assert bill.summary == "<p>Example summary, with HTML as the API sends it.</p>"
    royal_assent = bill.current_stage
    assert (royal_assent.id, royal_assent.stage_id) == (9000403, 9000301)
    assert (royal_assent.description, royal_assent.house) == ("Royal Assent", "Unassigned")
    assert royal_assent.abbreviation is None
    assert royal_assent.stage_sittings[0].date == dt.datetime(2024, 1, 2)


def test_bill_sponsors_member_or_organisation():
    bill = parse_bill(load("spec_shaped_bill.json"))

    member_sponsor, organisation_sponsor = bill.sponsors
    assert member_sponsor.sort_order == 1 and member_sponsor.organisation is None
    assert member_sponsor.member.member_id == 9000501
    assert member_sponsor.member.party_colour == "A1B2C3"
    assert member_sponsor.member.house == "Commons"
    assert organisation_sponsor.member is None
    assert organisation_sponsor.organisation.name == "Example Department"
    assert (bill.promoters, bill.agent) == ((), None)


def test_bill_list_summary_matches_the_bill_detail():
    bill = parse_bill(load("spec_shaped_bill.json"))
    page = parse_bill_list(load("spec_shaped_bills.json"))

    summary_of_bill = BillSummary(
        **{field.name: getattr(bill, field.name) for field in dataclasses.fields(BillSummary)}
    )
    assert page.items[0] == summary_of_bill
    assert not isinstance(page.items[0], Bill)


def test_bill_list_page():
    page = parse_bill_list(load("spec_shaped_bills.json"))

    assert (page.total_results, page.items_per_page, page.items_received) == (2, 20, 2)
    withdrawn = page.items[1]
    assert (withdrawn.bill_id, withdrawn.current_house) == (9000002, "Lords")
    assert withdrawn.bill_withdrawn == dt.datetime(2024, 2, 3, 10, 0)
    assert withdrawn.last_update == dt.datetime(2024, 2, 3, 10, 11, 12, 500000)
    assert withdrawn.current_stage.stage_sittings == ()


def test_stages_page():
    page = parse_bill_stages(load("spec_shaped_bill_stages.json"))

    assert (page.total_results, page.items_received) == (3, 3)
    assert [(stage.id, stage.stage_id) for stage in page.items] == [
        (9000401, 6),
        (9000402, 7),
        (9000403, 9000301),
    ]
    assert [stage.abbreviation for stage in page.items] == ["1R", "2R", None]
    assert [stage.session_id for stage in page.items] == [9000101, 9000102, 9000102]
    first_sitting = page.items[0].stage_sittings[0]
    assert (first_sitting.id, first_sitting.bill_stage_id, first_sitting.stage_id) == (
        9000601,
        9000401,
        6,
    )
    assert first_sitting.bill_id == 9000001
    assert first_sitting.date == dt.datetime(2023, 3, 1)


def test_sitting_without_a_date():
    page = parse_bill_stages(load("spec_shaped_bill_stages.json"))

    [sitting] = page.items[1].stage_sittings
    assert sitting.id == 9000602
    assert sitting.date is None


def test_short_stages_page_whose_total_says_more_exist():
    page = parse_bill_stages(load("spec_shaped_bill_stages_short_page.json"))

    assert (page.total_results, page.items_per_page, page.items_received) == (25, 20, 2)
    assert [stage.house for stage in page.items] == ["Lords", "Lords"]
    # One stage sends `stageSittings: []`, the other `null`: both read as no sittings.
    assert [stage.stage_sittings for stage in page.items] == [(), ()]


# Tolerance and errors


def test_unknown_fields_are_ignored():
    raw = load("spec_shaped_bill.json")
    extended = copy.deepcopy(raw)
    extended["aFieldAddedLater"] = {"anything": 1}
    extended["currentStage"]["anotherNewField"] = "x"
    extended["currentStage"]["stageSittings"][0]["yetAnother"] = None
    extended["sponsors"][0]["member"]["newMemberField"] = True

    assert parse_bill(extended) == parse_bill(raw)


def test_bill_without_bill_id_fails_alone_in_the_list():
    raw = load("spec_shaped_bills.json")
    del raw["items"][0]["billId"]

    page = parse_bill_list(raw)

    assert [bill.bill_id for bill in page.items] == [9000002]
    [error] = page.errors
    assert "items[0]" in str(error) and "billId" in str(error)
    assert page.items_received == 2


@pytest.mark.parametrize("field", ["id", "stageId", "sessionId", "house", "sortOrder"])
def test_stage_without_a_required_field_fails_alone_in_the_page(field):
    raw = load("spec_shaped_bill_stages.json")
    del raw["items"][1][field]

    page = parse_bill_stages(raw)

    assert [stage.id for stage in page.items] == [9000401, 9000403]
    [error] = page.errors
    assert "items[1]" in str(error) and f"'{field}'" in str(error)
    assert page.items_received == 3


def test_malformed_sitting_fails_its_stage():
    raw = load("spec_shaped_bill_stages.json")
    del raw["items"][0]["stageSittings"][0]["billStageId"]

    page = parse_bill_stages(raw)

    assert [stage.id for stage in page.items] == [9000402, 9000403]
    [error] = page.errors
    assert "items[0]" in str(error) and "billStageId" in str(error)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("billId", None),
        ("billId", "9000001"),
        ("isAct", "true"),
        ("currentHouse", None),
        ("lastUpdate", "not a date"),
        ("includedSessionIds", [9000101, "9000102"]),
    ],
)
def test_missing_or_ill_typed_required_field_on_a_bill(field, value):
    raw = load("spec_shaped_bill.json")
    raw[field] = value

    with pytest.raises(ParseError, match=field):
        parse_bill(raw)


def test_page_without_total_results_is_an_error():
    raw = load("spec_shaped_bill_stages.json")
    del raw["totalResults"]

    with pytest.raises(ParseError, match="totalResults"):
        parse_bill_stages(raw)


def test_a_bill_without_last_update_is_still_read():
    raw = load("spec_shaped_bill.json")
    del raw["lastUpdate"]
    assert parse_bill(raw).last_update is None
