"""The bundled Procurement Bill [HL] snapshot (reconstructed from data/reference/procurement-bill/facts.json) through
the real scrapers and pages: its amendments, sponsors, ping-pong motions and divisions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from amendments.models import Amendment, Division, DivisionLink, PingPongItem
from tests.amendments.example_responses import AMENDMENT_STEPS
from tests.support.queries import data_writes
from tests.conftest import REPO
from tracker.http.client import build_session
from tracker.scraping.models import ScrapeRun
from tracker.scraping.pipeline import scrape

pytestmark = pytest.mark.django_db
SNAPSHOT = REPO / "data/snapshots/procurement-bill-2022-23"
AMENDMENTS_PAGE = "/bills/3159/procurement-bill-hl/amendments/"


def scrape_bundled(name: str = "bundled") -> ScrapeRun:
    return scrape(bill_ids=[3159], session=build_session(snapshot_dir=SNAPSHOT), source=name, reconstructed=True,
                  steps=AMENDMENT_STEPS)


@pytest.fixture
def scraped() -> ScrapeRun:
    return scrape_bundled()


def names(amendment: Amendment) -> list[tuple[str, bool | None]]:
    return [(s.name, s.is_lead) for s in amendment.sponsorships.all()]


def test_the_scrape_succeeds_and_stages_the_record_is_silent_about_are_missing_not_empty(scraped):
    assert scraped.status == ScrapeRun.Status.SUCCEEDED, list(scraped.problems.values_list("message", flat=True))
    assert scraped.failed == 0 and scraped.missing > 0
    assert scraped.problems.filter(step="amendments", url__contains="/Stages/9003001/Amendments").exists()


def test_the_alton_new_clause_at_lords_report_with_its_four_names_in_order(scraped):
    clause = Amendment.objects.get(new_clause_title="Timeline for removal of suppliers")
    assert (clause.bill_stage.house, clause.bill_stage.description) == ("Lords", "Report stage")
    assert (clause.amendment_type, clause.position, clause.number) == ("AddClauseOrSchedule", "After Clause 61", None)
    assert names(clause) == [("Lord Alton of Liverpool", True), ("Lord Blencathra", False), ("Lord Fox", False),
                             ("Lord Coaker", False)]
    assert clause.decision == "Agreed"
    assert "(2) The Secretary of State must lay the timeline before Parliament." in clause.text_plain


def test_grand_committee_amendments_449_and_449a_with_their_sponsors(scraped):
    by_number = {a.number: a for a in Amendment.objects.filter(number__in=["449", "449A"])}
    assert (by_number["449"].bill_stage.description, by_number["449A"].bill_stage.description) == (
        "Committee stage", "Committee stage")
    assert names(by_number["449"]) == [("Lord Hunt of Kings Heath", True)]
    assert names(by_number["449A"]) == [("Lord Berkeley", None), ("Lord Clement-Jones", None)]  # lead not recorded


def test_the_lords_division_on_motion_102a_amendment_102b_is_156_to_151_and_linked_to_both(scraped):
    division = Division.objects.get(house="Lords")
    assert (division.for_count, division.against_count, division.date) == (156, 151, dt.date(2023, 9, 11))
    assert division.number is None and division.vote_lists_recorded is False
    links = {(link.kind, link.number): link for link in DivisionLink.objects.filter(division=division)}
    assert set(links) == {("motion", "102A"), ("amendment", "102B")}
    motion = links[("motion", "102A")].ping_pong_item
    assert (motion.bills_api_id, motion.bill_stage.description) == (9007002, "Consideration of Commons amendments")
    assert links[("amendment", "102B")].grouped_amendment.item == motion
    assert PingPongItem.objects.get(bills_api_id=9007002).decided_on == dt.date(2023, 9, 11)


def test_commons_divisions_252_and_253_name_amendments_the_snapshot_does_not_hold(scraped):
    divisions = {d.number: d for d in Division.objects.filter(house="Commons")}
    assert {n: (d.for_count, d.against_count) for n, d in divisions.items()} == {252: (231, 282), 253: (230, 280)}
    assert {(link.division.number, link.kind, link.number, link.target) for link in DivisionLink.objects.filter(
        division__house="Commons")} == {(252, "new_clause", "10", None), (253, "amendment", "2", None)}
    tellers = divisions[252].votes.filter(is_teller=True).order_by("lobby", "name")
    assert [(v.name, v.lobby) for v in tellers] == [("Gerald Jones", "aye"), ("Mary Glindon", "aye"),
                                                   ("Jacob Young", "no"), ("Ruth Edwards", "no")]


def test_a_second_scrape_of_the_snapshot_writes_no_row(scraped):
    with CaptureQueriesContext(connection) as queries:
        again = scrape_bundled("again")
    assert again.wrote_nothing
    assert data_writes(queries.captured_queries) == []


def test_the_amendment_page_shows_sponsors_with_parties_and_an_unrecorded_number(scraped, client):
    clause = Amendment.objects.get(new_clause_title="Timeline for removal of suppliers")
    html = client.get(f"/amendments/{clause.bills_api_id}/").content.decode()
    assert "Amendment <span class=\"tracker-not-recorded\">(number not recorded)</span>" in html
    assert "Reconstructed data" in html
    lead, supporters = html.split("Lead sponsor")[1].split("Supporters")
    assert "Lord Alton of Liverpool" in lead and "Crossbench" in lead and 'fill="#c0c0c0"' in lead
    assert supporters.index("Lord Blencathra") < supporters.index("Lord Fox") < supporters.index("Lord Coaker")
    assert "Liberal Democrat" in supporters and "Labour" in supporters
    assert "After Clause 61" in html and "Agreed to" in html


def test_the_amendments_page_lists_every_stage_and_shows_unrecorded_numbers(scraped, client):
    html = client.get(AMENDMENTS_PAGE).content.decode()
    assert html.count("(number not recorded)") >= 2  # the Alton clause and the Public Bill Committee amendment
    assert "Amendment 449A" in html and "Motion 47A" in html and "Motion 102A" in html
    assert "New clauses and schedules" in html and "Clause 65" in html


def test_the_lords_division_page_says_vote_list_not_recorded_never_nobody(scraped, client):
    html = client.get("/divisions/lords/9008001/").content.decode()
    assert "Vote list not recorded" in html
    assert "156" in html and "151" in html
    assert "Motion 102A" in html and "rule motion" in html
    assert "Votes by party" not in html and "Members recorded voting" not in html
