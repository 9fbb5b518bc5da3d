"""The amendments, amendment, division and member pages: filters, what they say where the
record is silent, and a number of queries that does not grow with amendments, sponsors and votes."""

from __future__ import annotations

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from amendments import selectors
from amendments.models import Amendment, Decision, DivisionLink, Sponsorship, Vote
from bills.models import Bill
from tests.amendments.test_procurement_bill import AMENDMENTS_PAGE, scrape_bundled
from tests.factories import (
    AmendmentFactory,
    BillFactory,
    BillStageFactory,
    DivisionFactory,
    MemberFactory,
    PartyFactory,
    PingPongItemFactory,
)

pytestmark = pytest.mark.django_db

# As measured, at 10 amendments and at 1,000 (5,000 sponsorships, 600 votes) alike.
# amendments and division: with the editors' corrections (one query, and the content types' first lookup)
MAX_QUERIES = {"amendments": 17, "amendment": 10, "division": 7, "member": 7, "summary": 3}


def amendment_numbers(html: str) -> list[str]:
    return [part.split("<")[0] for part in html.split('class="govuk-link tracker-amendment__number"')[1:]]


# Filters, on the bundled Procurement Bill snapshot


@pytest.fixture
def procurement(db):
    scrape_bundled()


@pytest.mark.parametrize(("query", "shown", "hidden"), [
    ("decision=Agreed", ["Timeline for removal of suppliers", "Motion A"], ["Amendment 449", "Motion 47A"]),
    ("sponsor=berkeley", ["Amendment 449A"], ["Amendment 449<", "Timeline for removal of suppliers"]),
    ("party=6", ["Timeline for removal of suppliers", "Motion 47A"], ["Amendment 449A", "Motion 102A"]),  # Crossbench
    ("q=timeline", ["Timeline for removal of suppliers"], ["Amendment 449A", "Motion 102A"]),
    ("q=449a", ["Amendment 449A"], ["Amendment 449<"]),
])
def test_the_amendments_page_filters_by_decision_sponsor_party_and_text(procurement, client, query, shown, hidden):
    html = client.get(f"{AMENDMENTS_PAGE}?{query}").content.decode()
    listing = html[html.index('id="amendments"'):]
    for text in shown:
        assert text in listing
    for text in hidden:
        assert text not in listing


def test_the_amendments_page_counts_decisions_and_says_which_lists_are_not_recorded(procurement, client):
    html = client.get(AMENDMENTS_PAGE).content.decode()
    counts = html[html.index("<h2 class=\"govuk-heading-m\">Decisions</h2>"):html.index("By stage")]
    # Agreed: the Alton clause and Motion A; no decision: 449, 449A, NC1, Motion 47A and Amendment 47B's motion.
    assert '?decision=Agreed"><span class="tracker-decision-counts__count">2</span> agreed to' in counts
    assert '<span class="tracker-decision-counts__count">4</span> no decision recorded' in counts
    first_reading = html[html.index("1st reading"):html.index("</tr>", html.index("1st reading"))]
    assert first_reading.count("Not recorded") == 2  # neither list was answered for that stage


def test_a_wrong_slug_redirects_and_unknown_ids_are_404(procurement, client):
    assert client.get("/bills/3159/wrong/amendments/").headers["Location"] == AMENDMENTS_PAGE
    assert client.get("/amendments/424242/").status_code == 404
    assert client.get("/divisions/lords/424242/").status_code == 404
    assert client.get("/divisions/elsewhere/9008001/").status_code == 404


# Query counts on generated data


def bill_with(amendments: int, sponsors_each: int = 5, voters: int = 6) -> tuple[Bill, Amendment, object]:
    """A bill with `amendments` amendments of `sponsors_each` names each, ten motions, and a
    division on its first amendment with `voters` recorded votes."""
    bill = BillFactory()
    stage = BillStageFactory(bill=bill)
    parties = [PartyFactory() for _ in range(5)]
    members = [MemberFactory(party=parties[n % 5]) for n in range(50)]
    made = Amendment.objects.bulk_create(AmendmentFactory.build_batch(amendments, bill_stage=stage))
    Sponsorship.objects.bulk_create([
        Sponsorship(amendment=amendment, position=p, member=members[(n + p) % 50],
                    members_api_id=members[(n + p) % 50].members_api_id, name=f"Example Member {n}", is_lead=p == 0)
        for n, amendment in enumerate(made) for p in range(sponsors_each)])
    for item in PingPongItemFactory.create_batch(10, bill_stage=stage):
        Sponsorship.objects.create(ping_pong_item=item, position=0, member=members[0],
                                   members_api_id=members[0].members_api_id, is_lead=True)
    division = DivisionFactory(bill=bill)
    DivisionLink.objects.create(division=division, kind="amendment", number=made[0].number, amendment=made[0],
                                method="test")
    Vote.objects.bulk_create([
        Vote(division=division, member=members[n % 50], members_api_id=9_900_000 + n, name=f"Example Member {n}",
             lobby=Vote.Lobby.AYE if n % 3 else Vote.Lobby.NO, is_teller=n < 2) for n in range(voters)])
    return bill, made[0], division


def queries_for(fetch) -> int:
    with CaptureQueriesContext(connection) as captured:
        fetch()
    return len(captured)


def page_queries(client, bill: Bill, amendment: Amendment, division) -> dict[str, int]:
    member = amendment.sponsorships.first().member
    return {
        "amendments": queries_for(lambda: client.get(f"/bills/{bill.bills_api_id}/{bill.slug}/amendments/")),
        "amendment": queries_for(lambda: client.get(amendment.get_absolute_url())),
        "division": queries_for(lambda: client.get(division.get_absolute_url())),
        "member": queries_for(lambda: render_to_string("amendments/_member_activity.html", {
            "activity": selectors.member_activity(member=member, query={})})),
        "summary": queries_for(lambda: render_to_string("amendments/_bill_summary.html", {
            "summary": selectors.bill_amendment_summary(bill=bill)})),
    }


def test_pages_run_the_same_queries_for_10_amendments_as_for_1000_with_5000_sponsorships(
        client, django_assert_max_num_queries):
    small = page_queries(client, *bill_with(10, voters=6))
    large_bill = bill_with(1000, voters=600)
    assert Sponsorship.objects.filter(amendment__bill_stage__bill=large_bill[0]).count() == 5000
    large = page_queries(client, *large_bill)
    # An empty list on the member page reads no page of rows, so only the ceiling is the same there.
    assert {**large, "member": 0} == {**small, "member": 0}
    for name, most in MAX_QUERIES.items():
        assert large[name] <= most, name
    with django_assert_max_num_queries(MAX_QUERIES["amendments"]):
        response = client.get(f"/bills/{large_bill[0].bills_api_id}/{large_bill[0].slug}/amendments/?page=10")
    assert response.status_code == 200 and response.context["page_obj"].number == 10


def test_the_amendment_page_shows_the_division_chart_and_vote_list_by_party(client):
    bill, amendment, division = bill_with(3, voters=12)
    html = client.get(amendment.get_absolute_url()).content.decode()
    assert "Members recorded voting, by party (tellers not included)" in html
    assert html.count("tracker-bar tracker-bar--for") >= 5
    assert "Tellers: <a" in html and "Vote list not recorded" not in html


def test_the_member_activity_include_lists_led_supported_and_votes(client):
    bill, amendment, division = bill_with(3, voters=3)
    lead = amendment.sponsorships.get(position=0).member
    html = render_to_string("amendments/_member_activity.html", {"activity": selectors.member_activity(member=lead, query={})})
    led = html[html.index("Led"):html.index("Supported")]
    assert f'href="/amendments/{amendment.bills_api_id}/"' in led
    votes = html[html.index('id="votes"'):]
    assert division.get_absolute_url() in votes and "On <a" in votes


def test_the_bill_summary_include_counts_decisions_and_links_to_the_amendments_page():
    bill = BillFactory()
    stage = BillStageFactory(bill=bill)
    AmendmentFactory.create_batch(3, bill_stage=stage, decision=Decision.AGREED)
    AmendmentFactory(bill_stage=stage, decision="ExampleDecisionNotInSpec")
    html = render_to_string("amendments/_bill_summary.html", {"summary": selectors.bill_amendment_summary(bill=bill)})
    assert "4 amendments" in html
    assert '<span class="tracker-decision-counts__count">3</span> agreed to' in html
    assert "exampledecisionnotinspec" in html  # a value the spec does not list is shown as it comes
    assert f'href="/bills/{bill.bills_api_id}/{bill.slug}/amendments/"' in html
