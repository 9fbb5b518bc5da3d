"""Whole pages cached under versions the scrape bumps: a re-scrape that writes nothing keeps
every page warm; one that writes a bill's rows renders that bill's pages afresh; an editor's
change renders all afresh; a conditional GET is answered 304 without rendering; pages are gzipped."""

from __future__ import annotations

import gzip

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType

from bills.models import Bill
from tests.support.snapshots import example_bill_responses, write_snapshot
from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape

pytestmark = pytest.mark.django_db(transaction=True)  # editors' changes bump on commit

BILL_PAGE = "/bills/9000001/example-bill/"


def _scrape(tmp_path, name: str, **responses) -> None:
    snapshot = write_snapshot(tmp_path / name, example_bill_responses(**responses))
    scrape(bill_ids=[9000001], session=build_session(snapshot_dir=snapshot), source=name)


def _title(client) -> str:
    return client.get(BILL_PAGE).content.decode()


def test_a_rescrape_that_writes_nothing_keeps_the_page_and_its_etag(tmp_path, client):
    _scrape(tmp_path, "first")
    first = client.get(BILL_PAGE)
    assert first.status_code == 200 and first.has_header("ETag") and first.has_header("Last-Modified")
    _scrape(tmp_path, "again")
    again = client.get(BILL_PAGE, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert client.get(BILL_PAGE, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_the_cached_page_is_served_until_the_scrape_writes_the_bill(tmp_path, client):
    _scrape(tmp_path, "first")
    assert "Example Bill" in _title(client)
    Bill.objects.filter(bills_api_id=9000001).update(long_title="Changed behind the scrape's back")
    assert "Changed behind the scrape" not in _title(client)  # served from the cache: no version bump
    bill = example_bill_responses()["https://bills-api.parliament.uk/api/v1/Bills/9000001"]
    _scrape(tmp_path, "renamed", **{"https://bills-api.parliament.uk/api/v1/Bills/9000001":
                                    {**bill, "longTitle": "A Bill to test the page cache (synthetic)."}})
    assert "A Bill to test the page cache (synthetic)." in _title(client)


def test_an_editors_change_renders_every_page_afresh(tmp_path, client):
    _scrape(tmp_path, "first")
    etag = client.get(BILL_PAGE)["ETag"]
    bill = Bill.objects.get(bills_api_id=9000001)
    LogEntry.objects.create(user=User.objects.create_user("editor", is_staff=True), action_flag=CHANGE,
                            content_type=ContentType.objects.get_for_model(Bill), object_id=str(bill.pk),
                            object_repr=str(bill))
    assert client.get(BILL_PAGE, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_signed_in_editor_is_never_served_the_cached_page(tmp_path, client, admin_client):
    _scrape(tmp_path, "first")
    client.get(BILL_PAGE)
    Bill.objects.filter(bills_api_id=9000001).update(long_title="Seen by the editor at once")
    assert "Seen by the editor at once" in admin_client.get(BILL_PAGE).content.decode()


def test_pages_and_csv_are_gzipped_for_clients_that_accept_it(tmp_path, client):
    _scrape(tmp_path, "first")
    page = client.get(BILL_PAGE, HTTP_ACCEPT_ENCODING="gzip")
    assert page["Content-Encoding"] == "gzip" and b"Example Bill" in gzip.decompress(page.content)
    again = client.get(BILL_PAGE, HTTP_ACCEPT_ENCODING="gzip")  # from the cache, gzipped when it was kept
    assert again["Content-Encoding"] == "gzip" and gzip.decompress(again.content) == gzip.decompress(page.content)
    plain = client.get(BILL_PAGE)
    assert "Content-Encoding" not in plain and plain.content == gzip.decompress(page.content)
    assert "Accept-Encoding" in again["Vary"] and "Accept-Encoding" in plain["Vary"]
    export = client.get("/bills/9000001/example-bill/clauses.csv", HTTP_ACCEPT_ENCODING="gzip")
    assert export["Content-Encoding"] == "gzip"
    assert gzip.decompress(b"".join(export.streaming_content)).count(b"\n") >= 1  # at least its header row
