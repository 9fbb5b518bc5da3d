"""How the API answers as HTTP: 400 for a malformed value, 404 for what is not stored, an ETag
from the pages' cache version with 304 for an unchanged resource, 429 with Retry-After for a
client over the limit, and a fixed number of queries per request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tracker.pagecache import versions_bump

from .conftest import PROCUREMENT

pytestmark = pytest.mark.django_db
CLAUSE_65 = "/api/v1/bills/3159/clauses/amendment-9006001"


@pytest.mark.parametrize("url", [
    "/api/v1/bills/abc", "/api/v1/bills/0", "/api/v1/bills/99999999999", "/api/v1/bills/-1",
    "/api/v1/bills?page=0", "/api/v1/bills?per_page=101", "/api/v1/bills?house=Mars", "/api/v1/bills?act=maybe",
    "/api/v1/bills?q=" + "x" * 201, "/api/v1/bills/3159/clauses/a%20b", "/api/v1/divisions/senate/1",
    "/api/v1/bills/3159/amendments?decision=Invented", "/api/v1/members/1.5",
])
def test_a_malformed_value_is_400_with_what_was_wrong(client, url):
    response = client.get(url)
    assert response.status_code == 400, url
    assert response.json()["detail"]


@pytest.mark.parametrize("url", [
    "/api/v1/bills/1", "/api/v1/bills/1/clauses", "/api/v1/bills/3159/clauses/clause-999", "/api/v1/amendments/1",
    "/api/v1/divisions/commons/1", "/api/v1/divisions/lords/9008002", "/api/v1/members/1", "/api/v1/bills/1/amendments",
])
def test_what_is_not_stored_is_404(client, procurement_bill, url):
    response = client.get(url)
    assert response.status_code == 404, url
    assert response.json() == {"detail": "Not Found"}


def test_an_unchanged_resource_is_answered_304_and_a_new_scrape_changes_the_etag(client, procurement_bill):
    first = client.get(CLAUSE_65)
    etag = first["ETag"]
    assert first.status_code == 200 and etag and first["Last-Modified"]
    again = client.get(CLAUSE_65, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert client.get("/api/v1/bills/3159/clauses", HTTP_IF_NONE_MATCH=etag).status_code == 200  # another resource

    versions_bump(bill_ids=[PROCUREMENT])  # what the scrape does when it writes a row of the bill
    changed = client.get(CLAUSE_65, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert changed.json()["label"] == "Clause 65"


def test_the_etag_follows_the_same_version_as_the_pages(client, procurement_bill):
    page_etag = client.get("/bills/3159/procurement-bill-hl/")["ETag"]
    api_etag = client.get("/api/v1/bills/3159")["ETag"]
    versions_bump(bill_ids=[9999999], data=False)  # another bill's write changes neither
    assert client.get("/bills/3159/procurement-bill-hl/")["ETag"] == page_etag
    assert client.get("/api/v1/bills/3159")["ETag"] == api_etag
    versions_bump(edits=True)  # an editor's correction changes both
    assert client.get("/bills/3159/procurement-bill-hl/")["ETag"] != page_etag
    assert client.get("/api/v1/bills/3159")["ETag"] != api_etag


def test_a_client_over_the_limit_gets_429_with_retry_after_and_others_do_not(client, settings):
    settings.API_RATE_LIMIT = 3
    settings.API_RATE_WINDOW_SECONDS = 60
    answers = [client.get("/api/v1/bills", REMOTE_ADDR="192.0.2.10").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    refused = client.get("/api/v1/bills/3159", REMOTE_ADDR="192.0.2.10")
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    assert "Too many requests" in refused.json()["detail"]
    assert client.get("/api/v1/bills", REMOTE_ADDR="192.0.2.11").status_code == 200


@pytest.mark.parametrize(("url", "most"), [
    ("/api/v1/bills", 3),
    ("/api/v1/bills/3159", 8),
    ("/api/v1/bills/3159/clauses", 14),  # the page's selector: the corrections it shows, each kind's total; and
    # each clause's marks: the mentions its ledger cites, the corrections of what it is read from
    (CLAUSE_65, 11),  # the page's selector: the corrections of what it shows, and the mentions its ledger cites
    ("/api/v1/bills/3159/amendments", 17),
    ("/api/v1/amendments/9006001", 10),  # its clauses' threads: the motions named with them, the bill's threads
    ("/api/v1/divisions/commons/9008002", 5),
    ("/api/v1/members/9000001", 9),  # the member page's selector, every list whole
])
def test_each_resource_runs_a_fixed_number_of_queries(client, procurement_bill, django_assert_max_num_queries, url,
                                                       most):
    with django_assert_max_num_queries(most):
        assert client.get(url).status_code == 200


def test_49_clauses_take_no_more_queries_than_3(client, both_bills):
    """The Social Housing Bill's 49 clauses, each with its prints, history and ledger, in the
    same number of queries as the Procurement Bill's three."""
    with CaptureQueriesContext(connection) as three:
        assert len(client.get("/api/v1/bills/3159/clauses").json()["results"]) == 3
    with CaptureQueriesContext(connection) as forty_nine:
        assert len(client.get("/api/v1/bills/9160001/clauses?per_page=100").json()["results"]) == 49
    # Fewer, not equal: no ledger of the 49 cites a speech, so the mentions go unread.
    assert len(forty_nine.captured_queries) <= len(three.captured_queries)
