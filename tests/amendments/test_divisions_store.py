"""Divisions on a bill: found by searching both votes APIs for the bill's name, read in full,
stored with every recorded vote, and linked to the amendment or motion they decided."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from amendments.bill_divisions import bill_divisions
from amendments.models import Amendment, Division, DivisionLink, Vote
from amendments.scrape import division_search_term, names_bill
from tests.amendments.example_responses import (
    amendment_item,
    amendment_responses,
    commons_division,
    division_search_urls,
    member,
    motion_detail,
    ping_pong_responses,
)
from tests.support.queries import data_writes
from tests.amendments.example_responses import scrape_example as run_scrape
from tests.support.snapshots import BILLS, COMMONS_VOTES, EMPTY_PAGE, LORDS_VOTES, MEMBERS, fixture_json
from tracker.events.models import ChangeEvent
from tracker.scraping.models import ScrapeRun

pytestmark = pytest.mark.django_db
COMMONS_SEARCH, LORDS_SEARCH = division_search_urls()
VOTERS = (9000581, 9000582, 9000583, 9000591, 9000592)


def with_division(*divisions: dict, lords=()) -> dict:
    """The searches answer with these divisions, each readable by id, and their voters."""
    responses = {COMMONS_SEARCH: list(divisions), LORDS_SEARCH: list(lords)}
    responses.update({f"{COMMONS_VOTES}/division/{d['DivisionId']}.json": d for d in divisions})
    responses.update({f"{LORDS_VOTES}/Divisions/{d['divisionId']}": d for d in lords})
    responses.update({f"{MEMBERS}/Members/{m}": member(m) for m in VOTERS})
    return responses


def example_division(division_id: int = 9000901, title: str = "Example Bill Report Stage: Amendment 1") -> dict:
    return commons_division(division_id, title, ayes=(9000581, 9000582), noes=(9000583,), aye_count=2, no_count=1)


def lords_division_without_lists() -> dict:
    """A Lords DivisionViewModel shaped like the real sample 3172, with counts but no lists."""
    division = fixture_json("lords_votes", "lordsvotes_divisions_search.json")[0]
    division.update(divisionId=9000902, title="Example Bill [HL]", number=None, contents=[], notContents=[],
                    contentTellers=[], notContentTellers=[], authoritativeContentCount=40,
                    authoritativeNotContentCount=30, sponsoringMemberId=None, date="2024-01-02T00:00:00",
                    amendmentMotionNotes="<p>Example Member moved Motion 1A. The House divided:</p>")
    return division


def test_the_search_term_and_which_titles_name_the_bill():
    assert division_search_term("Procurement Bill [HL]") == "Procurement Bill"
    assert division_search_term("Great British Energy Bill") == "Great British Energy Bill"
    assert names_bill("Procurement Bill [Lords]: Amendment 2 proposed.", "Procurement Bill")
    assert names_bill("Procurement Bill [HL]", "Procurement Bill")
    assert not names_bill("Defence Procurement Bill: Third Reading", "Procurement Bill")
    assert not names_bill("Procurement Bills Committee", "Procurement Bill")


def test_only_divisions_whose_title_names_the_bill_are_read_and_stored_with_their_votes(tmp_path):
    other_bill = fixture_json("commons_votes", "commonsvotes_division_1873.json")  # a real division on another bill
    responses = with_division(example_division())
    responses[COMMONS_SEARCH] = [other_bill, example_division()]
    run = run_scrape(tmp_path, responses, "divisions")

    assert run.status == ScrapeRun.Status.SUCCEEDED, list(run.problems.values_list("message", flat=True))
    assert run.missing == 0  # division 1873 was not asked for
    division = Division.objects.get()
    assert (division.source, division.source_id, division.house) == ("commons_votes", 9000901, "Commons")
    assert (division.for_count, division.against_count, division.number) == (2, 1, 9)
    assert division.date == dt.date(2024, 1, 2) and division.vote_lists_recorded
    votes = {(v.members_api_id, v.lobby, v.is_teller) for v in Vote.objects.all()}
    assert votes == {(9000581, "aye", False), (9000582, "aye", False), (9000583, "no", False),
                     (9000591, "aye", True), (9000592, "no", True)}
    assert Vote.objects.get(members_api_id=9000581).member.name_display_as == "Example Member 9000581"


def test_a_division_is_linked_to_the_amendment_its_title_names(tmp_path):
    responses = {**amendment_responses([amendment_item(9000301, "1", decision="NegativedOnDivision")]),
                 **with_division(example_division())}
    run_scrape(tmp_path, responses, "linked")

    link = DivisionLink.objects.get()
    assert (link.kind, link.number, link.amendment.bills_api_id) == ("amendment", "1", 9000301)
    assert link.method == "the Commons division's title, rule amendment; amendment 1 at a Commons stage"
    assert link.matched_text == "Amendment 1"
    assert Amendment.objects.get().decided_on == dt.date(2024, 1, 2)


def test_a_name_shared_by_amendments_at_two_stages_is_settled_by_the_stage_that_sat_that_day(tmp_path):
    division = commons_division(9000903, "Example Bill: Amendment 4", ayes=(9000581,), aye_count=1)
    division["Date"] = "2023-03-01T17:00:00"  # the day the Example Bill's 1st reading stage sat
    responses = {**amendment_responses([amendment_item(9000340, "4", stage=9000401)], stage=9000401),
                 **amendment_responses([amendment_item(9000341, "4")]), **with_division(division)}
    run_scrape(tmp_path, responses, "two stages")

    link = DivisionLink.objects.get()
    assert link.amendment.bills_api_id == 9000340
    assert link.method.endswith("amendment 4 at a Commons stage; its stage sat that day")


def test_a_name_that_matches_nothing_stored_is_kept_without_a_target(tmp_path):
    run_scrape(tmp_path, with_division(example_division(title="Example Bill: New Clause NC7")), "unmatched")
    link = DivisionLink.objects.get()
    assert (link.kind, link.number, link.target) == ("new_clause", "7", None)
    assert link.method.endswith("no new clause 7 stored at a Commons stage")


def with_lords_stage() -> dict:
    """The Example Bill's stages and a Lords stage (id 9000404) after them."""
    stages = copy.deepcopy(fixture_json("bills_api", "spec_shaped_bill_stages.json"))
    lords = dict(copy.deepcopy(stages["items"][1]), id=9000404, house="Lords", sortOrder=9, stageSittings=[])
    stages["items"].append(lords)
    stages["totalResults"] += 1
    return {f"{BILLS}/Bills/9000001/Stages?Skip=0&Take=20": stages,
            **{f"{BILLS}/Bills/9000001/Stages/9000404/{kind}?Skip=0&Take=20": EMPTY_PAGE
               for kind in ("Amendments", "PingPongItems")}}


def test_a_lords_division_with_counts_but_no_lists_is_stored_as_lists_not_recorded(tmp_path):
    lords_motion = motion_detail(9000401, "1A", stage=9000404)
    commons_motion = motion_detail(9000402, "1A")  # the same number at a Commons stage is not a candidate
    responses = {**with_lords_stage(), **ping_pong_responses([lords_motion], stage=9000404),
                 **ping_pong_responses([commons_motion]), **with_division(lords=[lords_division_without_lists()])}
    run_scrape(tmp_path, responses, "lords")

    division = Division.objects.get()
    assert (division.house, division.number, division.for_count, division.against_count) == ("Lords", None, 40, 30)
    assert division.vote_lists_recorded is False and division.votes.count() == 0
    link = division.links.get()
    assert (link.kind, link.ping_pong_item.bills_api_id) == ("motion", 9000401)
    assert link.method == "the Lords division's notes, rule motion; motion 1A at a Lords stage"


def test_a_second_run_writes_nothing_and_a_new_division_after_the_first_search_is_an_event(tmp_path):
    first = with_division(example_division())
    run_scrape(tmp_path, first, "first")
    with CaptureQueriesContext(connection) as queries:
        second = run_scrape(tmp_path, first, "second")
    assert second.wrote_nothing and data_writes(queries.captured_queries) == []
    assert ChangeEvent.objects.count() == 0

    run_scrape(tmp_path, with_division(example_division(), example_division(9000904, "Example Bill: Third Reading")),
               "third")
    event = ChangeEvent.objects.get()
    assert event.kind == ChangeEvent.Kind.DIVISION_HELD
    assert event.summary == "Example Bill: Commons division No. 9 on 2 January 2024: 2 to 1"
    assert event.detail["source_id"] == 9000904


PING_PONG_DAY_SEARCH = (f"{COMMONS_VOTES}/divisions.json/search?queryParameters.startDate=2024-01-02"
                        "&queryParameters.endDate=2024-01-02&queryParameters.skip=0&queryParameters.take=25")


def with_commons_ping_pong() -> dict:
    """A Commons stage considering Lords amendments (id 9000405), sitting on 2 January 2024, at which
    a motion disagrees with Lords Amendment 3J."""
    stages = copy.deepcopy(fixture_json("bills_api", "spec_shaped_bill_stages.json"))
    stages["items"].append(dict(copy.deepcopy(stages["items"][1]), id=9000405, stageId=12, sortOrder=9,
                                description="Consideration of Lords amendments", stageSittings=[
                                    {"id": 9000605, "stageId": 12, "billStageId": 9000405, "billId": 9000001,
                                     "date": "2024-01-02T00:00:00"}]))
    stages["totalResults"] += 1
    motion = motion_detail(9000411, "1", stage=9000405, grouped=[("3J", "Disagreed", ())])
    return {f"{BILLS}/Bills/9000001/Stages?Skip=0&Take=20": stages,
            f"{BILLS}/Bills/9000001/Stages/9000405/Amendments?Skip=0&Take=20": EMPTY_PAGE,
            **ping_pong_responses([motion], stage=9000405)}


def test_a_ping_pong_division_whose_title_does_not_name_the_bill_is_found_by_its_sitting_and_number(
        client, tmp_path):
    reasons = commons_division(9000921, "Motion to appoint a Reasons Committee in respect of Lords Amendment 3J",
                               ayes=(9000581,), noes=(9000582,), aye_count=1, no_count=1)
    reasons["Ayes"][0]["ProxyName"] = "Example Member 9000583"
    reasons["NoVoteRecorded"] = [dict(reasons["Noes"][0], MemberId=9000583, Name="Example Member 9000583")]
    other = commons_division(9000922, "Motion to appoint a Reasons Committee in respect of Lords Amendment 7B")
    responses = {**with_commons_ping_pong(), **with_division(), PING_PONG_DAY_SEARCH: [reasons, other],
                 f"{COMMONS_VOTES}/division/9000921.json": reasons}
    run_scrape(tmp_path, responses, "ping-pong")

    division = Division.objects.get()  # not the one on Lords Amendment 7B, which the bill's ping-pong lacks
    assert division.source_id == 9000921 and division.found_confidence == 0.8
    assert "2 January 2024" in division.found_by and "amendment 3J" in division.found_by
    assert division.links.get().grouped_amendment.number == "3J"
    html = client.get(division.get_absolute_url()).content.decode()
    assert "Found by the bill's ping-pong sitting that day." in html and "Confidence 0.80" in html
    assert "(proxy vote cast by Example Member 9000583)" in html
    assert "No vote recorded" in html and "Example Member 9000583 (Example Party)" in html
    assert division in [row.division for row in bill_divisions(bill=division.bill)]
