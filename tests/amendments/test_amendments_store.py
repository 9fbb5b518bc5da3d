"""Scraping a stage's amendments and ping-pong items end to end from replayed spec-shaped
responses: what is stored, that a re-scrape writes nothing, change events, and that failures
are recorded without losing what was stored."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from amendments.models import Amendment, Decision, GroupedAmendment, PingPongItem, SourceList, Sponsorship
from amendments.sources.amendments_parse import AMENDMENT_DECISIONS
from tests.amendments.example_responses import (
    amendment_detail,
    amendment_item,
    amendment_responses,
    list_url,
    motion_detail,
    page,
    ping_pong_responses,
    sponsor,
)
from tests.support.queries import data_writes
from tests.amendments.example_responses import scrape_example as run_scrape
from tracker.events.models import ChangeEvent
from tracker.scraping.models import ScrapeProblem, ScrapeRun

pytestmark = pytest.mark.django_db

LEAD_AND_TWO = (sponsor(9000203, 1, True), sponsor(9000201, 2, False), sponsor(9000202, 3, False))


def three_amendments(decision: str = "Agreed") -> list[dict]:
    return [
        amendment_item(9000301, "1", decision=decision, sponsors=LEAD_AND_TWO, explanation="<p>Example reason</p>"),
        amendment_item(9000302, "NC1", decision="Withdrawn", clause=None, amendment_type="AddClauseOrSchedule"),
        amendment_item(9000303, None, decision="NotMoved", clause=2),
    ]


def test_stores_amendments_with_sponsors_in_order_the_lead_flag_texts_and_decisions(tmp_path):
    items = three_amendments()
    details = {9000302: amendment_detail(items[1], lines=("Example new clause heading", "(1) Example text.")),
               9000301: amendment_detail(items[0], explanatory="Example explanatory text")}
    run = run_scrape(tmp_path, amendment_responses(items, details=details), "first")

    assert run.status == ScrapeRun.Status.SUCCEEDED, list(run.problems.values_list("message", flat=True))
    first = Amendment.objects.get(bills_api_id=9000301)
    assert (first.number, first.clause, first.page_number, first.line_number) == ("1", 1, 1, 5)
    assert (first.decision, first.get_decision_display()) == ("Agreed", "Agreed to")
    assert first.decision_explanation_html == "<p>Example reason</p>"
    assert first.explanatory_statement_plain == "Member's explanatory statement Example explanatory text"
    sponsorships = list(first.sponsorships.select_related("member"))
    assert [(s.members_api_id, s.is_lead) for s in sponsorships] == [
        (9000203, True), (9000201, False), (9000202, False)]
    assert sponsorships[0].member.name_display_as == "Example Member 9000203"  # fetched from the Members API
    assert (sponsorships[0].party_name, sponsorships[0].party_colour) == ("Example Party", "1d5fa8")
    new_clause = Amendment.objects.get(bills_api_id=9000302)
    assert new_clause.new_clause_title == "Example new clause heading"
    assert new_clause.text_html == "<p>Example new clause heading</p><p>(1) Example text.</p>"
    assert Amendment.objects.get(bills_api_id=9000303).number is None  # not recorded, not ""
    assert list(Amendment.objects.values_list("bills_api_id", flat=True)) == [9000301, 9000302, 9000303]
    assert SourceList.objects.filter(url=list_url(), kind=SourceList.Kind.AMENDMENTS).exists()
    assert ChangeEvent.objects.count() == 0  # amendments seen for the first time are not news


def test_a_second_run_over_the_same_data_writes_no_row(tmp_path):
    responses = amendment_responses(three_amendments())
    first = run_scrape(tmp_path, responses, "first")
    with CaptureQueriesContext(connection) as queries:
        second = run_scrape(tmp_path, responses, "second")
    assert first.created > 0
    assert (second.created, second.updated, second.failed) == (0, 0, 0)
    assert second.wrote_nothing
    assert data_writes(queries.captured_queries) == []


def test_a_changed_decision_is_updated_and_recorded_once_as_an_event(tmp_path):
    run_scrape(tmp_path, amendment_responses(three_amendments("NoDecision")), "tabled")
    decided = run_scrape(tmp_path, amendment_responses(three_amendments("AgreedOnDivision")), "decided")
    again = run_scrape(tmp_path, amendment_responses(three_amendments("AgreedOnDivision")), "again")

    assert Amendment.objects.get(bills_api_id=9000301).decision == "AgreedOnDivision"
    event = ChangeEvent.objects.get()
    assert event.kind == ChangeEvent.Kind.DECISION_CHANGED
    assert event.summary == ("Example Bill: Amendment 1 at Commons 2nd reading – now “Agreed to on division”, "
                             "was “No decision recorded”")
    assert (event.detail["from"], event.detail["to"]) == ("NoDecision", "AgreedOnDivision")
    assert event.scrape_run == decided
    assert again.wrote_nothing


def test_an_amendment_tabled_after_the_list_was_first_read_is_an_event(tmp_path):
    items = three_amendments()
    run_scrape(tmp_path, amendment_responses(items[:2]), "first")
    run_scrape(tmp_path, amendment_responses(items), "second")

    event = ChangeEvent.objects.get()
    assert event.kind == ChangeEvent.Kind.AMENDMENT_TABLED
    assert event.summary == "Example Bill: Amendment (number not recorded) tabled at Commons 2nd reading"
    assert event.detail["bills_api_id"] == 9000303


def test_amendments_tabled_together_are_one_event_for_the_stage(tmp_path):
    items = [amendment_item(9000320 + n, str(n + 1)) for n in range(13)]
    run_scrape(tmp_path, amendment_responses(items[:1]), "first")
    run = run_scrape(tmp_path, amendment_responses(items), "second")

    event = ChangeEvent.objects.get()
    assert event.summary == "Example Bill: 12 new amendments tabled at Commons 2nd reading"
    assert event.scrape_run == run and event.detail["count"] == 12
    assert [item["number"] for item in event.detail["items"]] == [str(n) for n in range(2, 14)]


def test_a_list_failing_half_way_keeps_the_amendments_already_stored(tmp_path):
    items = [amendment_item(9000310 + n, str(n + 1)) for n in range(25)]
    pages = {f"{list_url()}?Skip=0&Take=20": page(items[:20], total=25),
             f"{list_url()}?Skip=20&Take=20": page(items[20:], total=25)}
    run_scrape(tmp_path, {**amendment_responses(items), **pages}, "whole")
    assert Amendment.objects.count() == 25

    changed = [dict(item, decision="Agreed") if n == 0 else item for n, item in enumerate(items)]
    broken = {f"{list_url()}?Skip=0&Take=20": page(changed[:20], total=25),
              f"{list_url()}?Skip=20&Take=20": (500, {"error": "down"})}
    run = run_scrape(tmp_path, {**amendment_responses(changed), **broken}, "half")

    assert run.status == ScrapeRun.Status.PARTIAL
    problem = run.problems.get()
    assert problem.kind == ScrapeProblem.Kind.FETCH_FAILED and "Skip=20" in problem.url
    assert Amendment.objects.count() == 25  # the second page's amendments are kept
    assert Amendment.objects.get(bills_api_id=9000310).decision == "Agreed"  # the first page was stored


def test_a_first_read_failing_half_way_stores_the_first_page_and_does_not_claim_the_list_read(tmp_path):
    items = [amendment_item(9000310 + n, str(n + 1)) for n in range(25)]
    run = run_scrape(tmp_path, {**amendment_responses(items[:20]),
                                f"{list_url()}?Skip=0&Take=20": page(items[:20], total=25)}, "half")
    assert run.missing == 1  # the second page is not in the snapshot
    assert Amendment.objects.count() == 20
    assert not SourceList.objects.filter(url=list_url()).exists()


def test_a_stage_the_source_does_not_know_is_recorded_missing_and_the_others_are_stored(tmp_path):
    other = [amendment_item(9000320, "7", stage=9000401)]
    run = run_scrape(tmp_path, {**amendment_responses(other, stage=9000401),
                                f"{list_url()}?Skip=0&Take=20": None}, "missing")
    assert run.status == ScrapeRun.Status.SUCCEEDED
    assert run.missing == 1
    assert run.problems.get().url == f"{list_url()}?Skip=0&Take=20"
    assert list(Amendment.objects.values_list("number", flat=True)) == ["7"]
    assert not SourceList.objects.filter(url=list_url()).exists()  # "not recorded", not "none"


def test_an_amendment_whose_detail_fails_keeps_the_text_stored_before(tmp_path):
    items = three_amendments()
    run_scrape(tmp_path, amendment_responses(items, details={9000301: amendment_detail(items[0], lines=("Kept",))}),
               "first")
    responses = amendment_responses([dict(items[0], decision="Disagreed"), *items[1:]])
    responses[f"{list_url()}/9000301"] = (500, {"error": "down"})
    run = run_scrape(tmp_path, responses, "second")

    assert run.problems.get().kind == ScrapeProblem.Kind.FETCH_FAILED
    amendment = Amendment.objects.get(bills_api_id=9000301)
    assert amendment.decision == "Disagreed"  # from the list
    assert amendment.text_html == "<p>Kept</p>"  # not blanked


def test_a_name_taken_off_an_amendment_is_removed_and_the_order_kept(tmp_path):
    items = three_amendments()
    run_scrape(tmp_path, amendment_responses(items), "three names")
    fewer = dict(items[0], sponsors=[LEAD_AND_TWO[0], dict(LEAD_AND_TWO[2], sortOrder=2)])
    run_scrape(tmp_path, amendment_responses([fewer, *items[1:]]), "two names")

    assert list(Sponsorship.objects.filter(amendment__bills_api_id=9000301).values_list("members_api_id", "position")
                ) == [(9000203, 0), (9000202, 1)]


def test_a_sponsor_list_that_does_not_say_who_leads_is_kept_as_not_recorded(tmp_path):
    item = amendment_item(9000330, "9", sponsors=(sponsor(9000204, 1, None), sponsor(9000205, 2, None)))
    run_scrape(tmp_path, amendment_responses([item]), "unled")
    assert list(Sponsorship.objects.values_list("is_lead", flat=True)) == [None, None]


def test_ping_pong_items_keep_their_grouped_amendments_and_sponsors(tmp_path):
    motion = motion_detail(9000401, "1A", grouped=[("1B", "Agreed", [sponsor(9000204, 1, True)])],
                           sponsors=[sponsor(9000204, 1, True)])
    responses = {**ping_pong_responses([motion]), **amendment_responses([], member_ids=[9000204])}
    run = run_scrape(tmp_path, responses, "ping-pong")

    assert run.status == ScrapeRun.Status.SUCCEEDED, list(run.problems.values_list("message", flat=True))
    item = PingPongItem.objects.get(bills_api_id=9000401)
    assert (item.type, item.number, item.decision) == ("Motion", "1A", "Agreed")
    assert item.text_html == "<p>Example motion text 1A</p>"
    grouped = GroupedAmendment.objects.get()
    assert (grouped.item, grouped.number, grouped.decision) == (item, "1B", "Agreed")
    assert list(grouped.sponsorships.values_list("members_api_id", "is_lead")) == [(9000204, True)]
    assert list(item.sponsorships.values_list("members_api_id", flat=True)) == [9000204]


def test_every_decision_the_spec_defines_has_its_own_readers_label():
    assert Decision.values == list(AMENDMENT_DECISIONS)
    labels = [label for _, label in Decision.choices]
    assert len(set(labels)) == len(labels) == 14
    assert dict(Decision.choices)["NoDecision"] == "No decision recorded"
    assert dict(Decision.choices)["NegativedOnDivision"] == "Negatived on division"
