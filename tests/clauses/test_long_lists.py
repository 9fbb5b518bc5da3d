"""The long lists (the clause table, the clause-by-stage matrix, a clause's ledger, a member's votes
and sponsorships) show 100 a page with links to the rest and "Show all", on a large generated bill,
in as many queries as on a small one."""

from __future__ import annotations

import re

import pytest

from amendments.models import Sponsorship, Vote
from tests.amendments.test_views import MAX_QUERIES
from tests.clauses.test_clause_pages import MAX_CLAUSE_PAGE_QUERIES, MAX_CLAUSES_PAGE_QUERIES
from tests.factories import (
    DivisionFactory,
    MemberFactory,
    NewClauseAmendmentFactory,
    bill_with_clause_amendments,
)
from tracker.clauses.derive import bill_clauses_derive
from tracker.clauses.models import Clause

pytestmark = pytest.mark.django_db
MAX_MEMBER_PAGE_QUERIES = 12
SUPPORTERS = 150
MAX_AMENDMENT_PAGE_QUERIES = MAX_QUERIES["amendment"]


def rows(html: str, section: str) -> list[str]:
    """The row labels of one table: the print's (links to clause pages) or the matrix's."""
    start = html.index('id="table"') if section == "table" else html.index('id="matrix"')
    end = html.index('id="matrix"') if section == "table" else len(html)
    cell = r'<td class="govuk-table__cell tracker-nowrap"><a class="govuk-link" href="[^"]+">([^<]+)' \
        if section == "table" else r'<th scope="row" class="govuk-table__header"><a class="govuk-link" href="[^"]+">([^<]+)'
    return re.findall(cell, html[start:end])


@pytest.fixture
def big_bill():
    bill = bill_with_clause_amendments(clauses=250, amendments=500)
    lead = NewClauseAmendmentFactory(bill_stage=bill.stages.get(description="Committee stage"))
    members = MemberFactory.create_batch(SUPPORTERS)
    Sponsorship.objects.bulk_create(Sponsorship(amendment=lead, position=n, member=member, is_lead=n == 0,
                                                members_api_id=member.members_api_id, name=member.name_display_as)
                                    for n, member in enumerate(members))
    bill_clauses_derive(bill=bill)
    return bill


def get(client, url: str, most: int, django_assert_max_num_queries) -> str:
    with django_assert_max_num_queries(most):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_clause_table_and_matrix_show_100_a_page_and_all_on_request(client, big_bill, django_assert_max_num_queries):
    url = f"/bills/{big_bill.bills_api_id}/{big_bill.slug}/clauses/"
    first = get(client, url, MAX_CLAUSES_PAGE_QUERIES, django_assert_max_num_queries)
    assert len(rows(first, "table")) == 100 and len(rows(first, "matrix")) == 100
    assert "Clauses and schedules 1 to 100 of 252." in first  # 250, and the two new clauses
    clauses = Clause.objects.filter(bill=big_bill, superseded_by=None).count()
    assert clauses > 300 and f"Clauses 1 to 100 of {clauses}." in first
    assert rows(first, "table")[0] == "Clause 1" and rows(first, "matrix")[0] == "Clause 1"
    assert 'href="?page=2#table"' in first and 'href="?matrix_page=2#matrix" rel="next"' in first
    assert 'href="?all=1#table">Show all 252 clauses and schedules</a>' in first

    third = get(client, url + "?page=3&matrix_page=2", MAX_CLAUSES_PAGE_QUERIES, django_assert_max_num_queries)
    assert len(rows(third, "table")) == 52 and rows(third, "table")[0] == "Clause 201"
    assert rows(third, "matrix")[0] == "Clause 101"
    assert 'href="?matrix_page=2&amp;page=2#table" rel="prev"' in third  # the other list keeps its page

    whole = get(client, url + "?all=1", MAX_CLAUSES_PAGE_QUERIES, django_assert_max_num_queries)
    assert len(rows(whole, "table")) == 252 and len(rows(whole, "matrix")) == clauses
    assert "All 252 clauses and schedules." in whole and 'href="?page=1#table">Show 100 a page</a>' in whole


def test_a_clause_ledger_shows_100_people_a_page_and_all_on_request(client, big_bill, django_assert_max_num_queries):
    clause = Clause.objects.get(bill=big_bill, proposed_by__sponsorships__position=SUPPORTERS - 1)
    first = get(client, clause.get_absolute_url(), MAX_CLAUSE_PAGE_QUERIES, django_assert_max_num_queries)
    assert "Supporting (150)" in first and "People 1 to 100 of 150." in first
    assert first.count('class="tracker-ledger__person"') == 100
    assert 'href="?all=1#supporters">Show all 150 people</a>' in first

    second = get(client, clause.get_absolute_url() + "?page=2", MAX_CLAUSE_PAGE_QUERIES, django_assert_max_num_queries)
    assert second.count('class="tracker-ledger__person"') == 50 and "People 101 to 150 of 150." in second

    whole = get(client, clause.get_absolute_url() + "?all=1", MAX_CLAUSE_PAGE_QUERIES, django_assert_max_num_queries)
    assert whole.count('class="tracker-ledger__person"') == 150
    shown = set(re.findall(r">(Example Member \d+)</a>", whole))
    assert shown == set(Sponsorship.objects.filter(amendment=clause.proposed_by).values_list("name", flat=True))


def test_a_members_votes_and_sponsorships_show_100_a_page(client, big_bill, django_assert_max_num_queries):
    member = MemberFactory()
    amendments = list(big_bill.stages.get(description="Report stage").amendments.order_by("pk")[:130])
    Sponsorship.objects.bulk_create(Sponsorship(amendment=amendment, position=9, member=member, is_lead=True,
                                                members_api_id=member.members_api_id, name=member.name_display_as)
                                    for amendment in amendments)
    divisions = DivisionFactory.create_batch(120, bill=big_bill)
    Vote.objects.bulk_create(Vote(division=division, member=member, members_api_id=member.members_api_id,
                                  name=member.name_display_as, lobby=Vote.Lobby.AYE) for division in divisions)
    url = member.get_absolute_url()
    first = get(client, url, MAX_MEMBER_PAGE_QUERIES, django_assert_max_num_queries)
    assert "Amendments and motions led 1 to 100 of 130." in first and "Votes 1 to 100 of 120." in first
    votes = first[first.index('id="votes"'):]
    assert votes.count("/divisions/") == 100
    assert 'href="?votes_page=2#votes"' in votes and 'href="?all=1#votes">Show all 120 votes</a>' in votes

    second = get(client, url + "?votes_page=2&led_page=2", MAX_MEMBER_PAGE_QUERIES, django_assert_max_num_queries)
    assert "Votes 101 to 120 of 120." in second and "Amendments and motions led 101 to 130 of 130." in second
    assert second[second.index('id="votes"'):].count("/divisions/") == 20

    whole = get(client, url + "?all=1", MAX_MEMBER_PAGE_QUERIES, django_assert_max_num_queries)
    assert whole[whole.index('id="votes"'):].count("/divisions/") == 120
    assert "All 130 amendments and motions led." in whole


def test_an_amendment_page_shows_its_clause_s_ledger_100_people_a_page(client, big_bill, django_assert_max_num_queries):
    lead = Clause.objects.get(bill=big_bill, proposed_by__sponsorships__position=SUPPORTERS - 1).proposed_by
    url = lead.get_absolute_url()
    first = get(client, url, MAX_AMENDMENT_PAGE_QUERIES, django_assert_max_num_queries)
    assert first.count('class="tracker-ledger__person"') == 100 and "People 1 to 100 of 150." in first
    assert 'href="?people=2#supporters" rel="next"' in first and 'href="?all=1#supporters">Show all 150 people</a>' in first

    second = get(client, url + "?people=2", MAX_AMENDMENT_PAGE_QUERIES, django_assert_max_num_queries)
    assert second.count('class="tracker-ledger__person"') == 50 and "People 101 to 150 of 150." in second

    whole = get(client, url + "?all=1", MAX_AMENDMENT_PAGE_QUERIES, django_assert_max_num_queries)
    assert whole.count('class="tracker-ledger__person"') == 150
