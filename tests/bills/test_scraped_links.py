"""Only http and https URLs from a source become links: a `javascript:` URL in a sponsor's
organisation or a publication's link is shown as text."""

from __future__ import annotations

import copy

import pytest

from tests.support.snapshots import BILLS, example_bill_responses, fixture_json, write_snapshot
from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape

pytestmark = pytest.mark.django_db
HOSTILE = "javascript:alert(document.cookie)"


def test_a_javascript_url_from_the_source_is_not_rendered_as_a_link(tmp_path, client):
    bill = copy.deepcopy(fixture_json("bills_api", "spec_shaped_bill.json"))
    bill["sponsors"][1]["organisation"]["url"] = HOSTILE
    responses = example_bill_responses(**{f"{BILLS}/Bills/9000001": bill})
    publications = copy.deepcopy(responses[f"{BILLS}/Bills/9000001/Publications"])
    publications["publications"][0]["links"] = [
        {"id": 9000802, "title": "Example print", "url": HOSTILE, "contentType": "text/html"},
        {"id": 9000803, "title": "Example web print", "url": "https://example.org/print", "contentType": "text/html"}]
    responses[f"{BILLS}/Bills/9000001/Publications"] = publications
    snapshot = write_snapshot(tmp_path / "s", responses)
    scrape(bill_ids=[9000001], session=build_session(snapshot_dir=snapshot), source="test")

    page = client.get("/bills/9000001/example-bill/").content.decode()

    assert "javascript:" not in page
    assert "Example Department" in page and "Example print" in page
    assert 'href="https://example.org/print"' in page
