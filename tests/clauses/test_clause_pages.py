"""The clause pages run a fixed number of queries, whatever the bill's size: the same at
400 clauses and 6,000 amendments as at 10 (synthetic bills from tests/factories.py); and the
text of a clause is escaped, with only our own markup for its changes."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from amendments.models import Amendment, Division, PingPongItem
from bills.models import Bill, BillStage, Member
from tests.bills.test_views import MAX_BILL_PAGE_QUERIES
from tests.factories import bill_with_clause_amendments
from tracker.clauses.derive import bill_clauses_derive
from tracker.clauses.display import text_diff
from tracker.clauses.models import Clause, ClauseVersion
from tracker.hansard.models import Contribution, Mention

pytestmark = pytest.mark.django_db
# Each with one more the first time a process reads the content types the corrections are keyed on
# (a test run alone, or after one that emptied the database, starts cold).
MAX_CLAUSES_PAGE_QUERIES = 11  # two of them each list's count (tracker/listing.py), one the corrections shown
MAX_CLAUSE_PAGE_QUERIES = 11  # with the editors' corrections of what the page shows: one query


def pages(bill) -> dict[str, str]:
    busiest = max(Clause.objects.filter(bill=bill), key=lambda c: (c.events.count(), c.supports.count()))
    return {"clauses": f"/bills/{bill.bills_api_id}/{bill.slug}/clauses/",
            "clause": busiest.get_absolute_url(),
            "new clause": Clause.objects.get(bill=bill, key__startswith="amendment-").get_absolute_url()}


def query_counts(client, bill) -> dict[str, int]:
    counts = {}
    for name, url in pages(bill).items():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[name] = len(queries.captured_queries)
    return counts


def test_the_clause_pages_run_as_many_queries_at_400_clauses_as_at_10(client):
    small = bill_with_clause_amendments(clauses=10, amendments=40)
    big = bill_with_clause_amendments(clauses=400, amendments=6000)
    for bill in (small, big):
        bill_clauses_derive(bill=bill)
    assert ClauseVersion.objects.filter(print__bill=big, print__key__endswith=str(
        big.stages.get(description="Report stage").bills_api_id)).count() == 400 + 1  # and the new clause
    # The corrections' content types are read once per process, then cached: not a query per page.
    ContentType.objects.get_for_models(Bill, BillStage, Amendment, Division, PingPongItem, Contribution, Member,
                                       Mention)
    small_counts, big_counts = query_counts(client, small), query_counts(client, big)
    assert small_counts == big_counts
    assert big_counts["clauses"] <= MAX_CLAUSES_PAGE_QUERIES
    assert max(big_counts["clause"], big_counts["new clause"]) <= MAX_CLAUSE_PAGE_QUERIES
    html = client.get(pages(big)["clauses"]).content.decode()
    assert html.count('class="govuk-table__row"') == 2 * (100 + 1)  # a page of each table, with its header


def test_the_bill_page_links_to_its_clauses_without_a_query_more(client, django_assert_max_num_queries):
    bill = bill_with_clause_amendments(clauses=400, amendments=600)
    bill_clauses_derive(bill=bill)
    with django_assert_max_num_queries(MAX_BILL_PAGE_QUERIES):
        html = client.get(bill.get_absolute_url()).content.decode()
    assert f'href="/bills/{bill.bills_api_id}/{bill.slug}/clauses/"' in html


def test_changed_words_are_escaped_and_marked_up():
    marked = text_diff("The Secretary of State must publish <b>a</b> timeline.",
                       "The Secretary of State may publish <script>x</script> timeline.")
    assert "<del>must</del> <ins>may</ins>" in marked
    assert "<script>" not in marked and "&lt;script&gt;x&lt;/script&gt;" in marked
    assert "&lt;b&gt;a&lt;/b&gt;" in marked
