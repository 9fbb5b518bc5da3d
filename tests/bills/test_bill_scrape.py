"""Scraping a bill end to end from replayed responses: what is stored, that a second run
writes nothing, and that failures are recorded without losing what was stored."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bills.models import Bill, BillSponsor, BillStage, Member, Publication, Sitting
from tests.support.queries import data_writes
from tests.support.snapshots import BILLS, example_bill_responses, fixture_json, write_snapshot
from tracker.events.models import ChangeEvent
from tracker.http.client import build_session
from tracker.scraping.models import ScrapeProblem, ScrapeRun
from tracker.scraping.pipeline import scrape

pytestmark = pytest.mark.django_db
STAGES = f"{BILLS}/Bills/9000001/Stages?Skip=0&Take=20"


def run_scrape(tmp_path, responses, name="snap") -> ScrapeRun:
    directory = write_snapshot(tmp_path / name, responses)
    return scrape(bill_ids=[9000001], session=build_session(snapshot_dir=directory), source=name)


def test_stores_the_bill_its_stages_sittings_sponsors_publications_and_members(tmp_path):
    run = run_scrape(tmp_path, example_bill_responses())
    assert run.status == ScrapeRun.Status.SUCCEEDED, list(run.problems.values_list("message", flat=True))
    bill = Bill.objects.get(bills_api_id=9000001)
    assert bill.short_title == "Example Bill"
    assert bill.is_act and bill.act_name == "Example Act 2024 c. 1"
    assert bill.bill_type.name == "Government Bill"
    assert bill.current_stage.description == "Royal Assent"
    assert bill.source_last_update == dt.datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=dt.timezone.utc)
    assert list(BillStage.objects.filter(bill=bill).values_list("description", "house")) == [
        ("1st reading", "Commons"), ("2nd reading", "Commons"), ("Royal Assent", "Unassigned")]
    assert Sitting.objects.filter(bill_stage__bill=bill).count() == 3
    sponsors = list(BillSponsor.objects.filter(bill=bill))
    assert sponsors[0].member == Member.objects.get(members_api_id=9000501)
    assert sponsors[0].member.membership_from == "Example Constituency"
    assert (sponsors[1].member, sponsors[1].organisation_name) == (None, "Example Department")
    assert Publication.objects.get(bills_api_id=9000801).publication_type == "Act of Parliament"


def test_a_second_run_over_the_same_data_writes_no_row(tmp_path):
    responses = example_bill_responses()
    first = run_scrape(tmp_path, responses, "first")
    with CaptureQueriesContext(connection) as queries:
        second = run_scrape(tmp_path, responses, "second")
    assert first.created > 0
    assert (second.created, second.updated, second.failed) == (0, 0, 0)
    assert second.unchanged > 0  # members and known stage types are not even re-read
    assert second.wrote_nothing
    assert data_writes(queries.captured_queries) == []


def test_pages_to_the_end_when_a_page_is_short(tmp_path):
    short_page = fixture_json("bills_api", "spec_shaped_bill_stages_short_page.json")  # 2 items of 25
    rest = copy.deepcopy(fixture_json("bills_api", "spec_shaped_bill_stages.json"))
    rest["totalResults"] = 25
    run_scrape(tmp_path, example_bill_responses(**{
        STAGES: short_page,
        f"{BILLS}/Bills/9000001/Stages?Skip=2&Take=20": rest,
    }))
    assert BillStage.objects.count() == 5


def test_a_failed_fetch_mid_bill_keeps_what_was_stored(tmp_path):
    run_scrape(tmp_path, example_bill_responses(), "first")
    run = run_scrape(tmp_path, example_bill_responses(**{STAGES: (500, {"error": "down"})}), "second")
    assert run.status == ScrapeRun.Status.PARTIAL
    problem = run.problems.get()
    assert problem.kind == ScrapeProblem.Kind.FETCH_FAILED and problem.url.startswith(f"{BILLS}/Bills/9000001/Stages")
    assert BillStage.objects.count() == 3
    assert Bill.objects.get().current_stage.description == "Royal Assent"


def test_a_404_endpoint_is_recorded_and_skipped_and_the_rest_stored(tmp_path):
    run = run_scrape(tmp_path, example_bill_responses(**{f"{BILLS}/Bills/9000001/Publications": None}))
    assert run.status == ScrapeRun.Status.SUCCEEDED
    assert run.missing == 1
    assert run.problems.get().kind == ScrapeProblem.Kind.NOT_FOUND
    assert BillStage.objects.count() == 3
    assert Bill.objects.get().act_name == ""


def test_a_member_the_members_api_lacks_is_recorded_and_the_sponsor_kept_by_name(tmp_path):
    run = run_scrape(tmp_path, example_bill_responses(**{"https://members-api.parliament.uk/api/Members/9000501": None}))
    assert run.missing == 1
    sponsor = BillSponsor.objects.get(sort_order=1)
    assert (sponsor.member, sponsor.member_name, sponsor.members_api_id) == (None, "Example Member", 9000501)


def test_a_record_missing_a_required_field_is_a_recorded_error_and_the_others_are_stored(tmp_path):
    stages = copy.deepcopy(fixture_json("bills_api", "spec_shaped_bill_stages.json"))
    del stages["items"][1]["id"]
    run = run_scrape(tmp_path, example_bill_responses(**{STAGES: stages}))
    assert run.status == ScrapeRun.Status.PARTIAL
    problem = run.problems.get()
    assert problem.kind == ScrapeProblem.Kind.PARSE_ERROR and "'id'" in problem.message
    assert list(BillStage.objects.values_list("description", flat=True)) == ["1st reading", "Royal Assent"]


def test_a_malformed_bill_document_is_recorded_and_nothing_stored_is_lost(tmp_path):
    run_scrape(tmp_path, example_bill_responses(), "first")
    run = run_scrape(tmp_path, example_bill_responses(**{f"{BILLS}/Bills/9000001": ["not", "a", "bill"]}), "second")
    assert run.problems.get().kind == ScrapeProblem.Kind.PARSE_ERROR
    assert Bill.objects.get().short_title == "Example Bill"


def _bill_at(stage_index: int) -> dict:
    bill = copy.deepcopy(fixture_json("bills_api", "spec_shaped_bill.json"))
    stage = fixture_json("bills_api", "spec_shaped_bill_stages.json")["items"][stage_index]
    bill.update(currentStage=stage, isAct=False, currentHouse="Commons")
    return bill


def test_a_stage_change_is_recorded_once_as_an_event(tmp_path):
    run_scrape(tmp_path, example_bill_responses(**{f"{BILLS}/Bills/9000001": _bill_at(0)}), "at-1r")
    assert ChangeEvent.objects.count() == 0  # a bill seen for the first time has not "moved"
    moved = run_scrape(tmp_path, example_bill_responses(**{f"{BILLS}/Bills/9000001": _bill_at(1)}), "at-2r")
    again = run_scrape(tmp_path, example_bill_responses(**{f"{BILLS}/Bills/9000001": _bill_at(1)}), "at-2r-again")
    event = ChangeEvent.objects.get()
    assert event.kind == ChangeEvent.Kind.STAGE_CHANGED
    assert event.summary == "Example Bill: moved to Commons 2nd reading"
    assert event.detail["from_bill_stage_id"] == 9000401 and event.detail["to_bill_stage_id"] == 9000402
    assert event.scrape_run == moved
    assert again.wrote_nothing


def test_a_failed_stage_list_on_the_first_scrape_keeps_the_current_stage_the_bill_carries(client, tmp_path):
    run_scrape(tmp_path, example_bill_responses(**{
        STAGES: (500, {"error": "down"}), "https://members-api.parliament.uk/api/Members/9000501": None}))

    bill = Bill.objects.get()
    assert bill.current_stage.description == "Royal Assent"
    assert list(Sitting.objects.filter(bill_stage=bill.current_stage).values_list("date", flat=True)) == [
        dt.date(2024, 1, 2)]
    page = client.get(bill.get_absolute_url()).content.decode()
    where = page[page.index("Where it is now"):page.index("Started in")]
    assert "Royal Assent" in where and "not recorded" not in where
    in_charge = page[page.index("In charge"):page.index("What happens next")]
    assert "Example Member (Example Party), Example Constituency" in in_charge


def _member(**membership) -> dict:
    member = copy.deepcopy(fixture_json("members_api", "spec_shaped_member.json"))
    member["value"]["latestHouseMembership"].update(membership)
    return member


@pytest.mark.parametrize(("membership", "shown"), [
    ({"membershipStatus": {"statusIsActive": False, "statusDescription": "Leave of Absence", "statusNotes": None,
                           "statusId": None, "status": 1, "statusStartDate": "2023-01-01T00:00:00"}},
     "Current member (leave of absence)"),
    ({"membershipEndDate": "2024-05-30T00:00:00", "membershipEndReason": "Dissolution",
      "membershipStatus": {"statusIsActive": False, "statusDescription": "Former", "statusNotes": None,
                           "statusId": None, "status": None, "statusStartDate": None}}, "Former member"),
    ({}, "Current member</dd>"),
])
def test_a_member_on_leave_of_absence_is_not_a_former_member(client, tmp_path, membership, shown):
    run_scrape(tmp_path, example_bill_responses(**{
        "https://members-api.parliament.uk/api/Members/9000501": _member(**membership)}))

    page = client.get(Member.objects.get(members_api_id=9000501).get_absolute_url()).content.decode()
    status = page[page.index("Status</dt>"):]
    assert shown in status[:status.index("</div>")]
