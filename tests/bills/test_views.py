"""The bill pages as a reader sees them, on bills stored through the real scrape."""

from __future__ import annotations

import copy

import pytest

from tests.support.snapshots import BILLS, example_bill_responses, fixture_json, write_snapshot
from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape

pytestmark = pytest.mark.django_db
MAX_BILL_PAGE_QUERIES = 17  # with the divisions list (its divisions and their party splits) and the journey's links


def scrape_example(tmp_path, **overrides):
    snapshot = write_snapshot(tmp_path / "snap", example_bill_responses(**overrides))
    return scrape(bill_ids=[9000001], session=build_session(snapshot_dir=snapshot), source="test")


def many_stages(count: int, sittings_each: int) -> dict:
    """A stages page with `count` stages of `sittings_each` sittings: synthetic ids from 9100000."""
    template = fixture_json("bills_api", "spec_shaped_bill_stages.json")["items"][1]
    items = []
    for n in range(count):
        stage = copy.deepcopy(template)
        stage.update(id=9100000 + n, sortOrder=n, stageSittings=[
            {"id": 9200000 + n * sittings_each + k, "stageId": stage["stageId"], "billStageId": 9100000 + n,
             "billId": 9000001, "date": f"2020-{1 + k % 12:02d}-{1 + n % 28:02d}T00:00:00"}
            for k in range(sittings_each)])
        items.append(stage)
    return {"items": items, "totalResults": count, "itemsPerPage": count}


def test_bill_page_shows_the_journey_sponsors_act_and_source(client, tmp_path):
    scrape_example(tmp_path)
    response = client.get("/bills/9000001/example-bill/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Example Bill – Clause tracker</title>" in html
    journey = html[html.index('<ol class="tracker-timeline"'):html.index('id="publications"')]
    assert journey.index("1st reading") < journey.index("2nd reading") < journey.index("Royal Assent")
    assert "2 January 2024" in journey  # the Royal Assent sitting
    assert "Became the Example Act 2024 c. 1" in html
    assert "Example Member" in html and "Example Department" in html
    assert "parliament.uk/bills/9000001" not in html  # its id is made up: no Parliament link built from it
    assert 'aria-current="step"' in html  # the current stage is marked for screen readers


def test_bill_page_redirects_a_wrong_slug_and_404s_an_unknown_bill(client, tmp_path):
    scrape_example(tmp_path)
    assert client.get("/bills/9000001/wrong/").headers["Location"] == "/bills/9000001/example-bill/"
    assert client.get("/bills/9000001/").status_code == 301
    assert client.get("/bills/424242/example-bill/").status_code == 404


def test_bill_page_queries_do_not_grow_with_stages_and_sittings(client, tmp_path, django_assert_max_num_queries):
    scrape_example(tmp_path)
    with django_assert_max_num_queries(MAX_BILL_PAGE_QUERIES):
        small = client.get("/bills/9000001/example-bill/")
    scrape_example(tmp_path / "big", **{f"{BILLS}/Bills/9000001/Stages?Skip=0&Take=20": many_stages(300, 4)})
    with django_assert_max_num_queries(MAX_BILL_PAGE_QUERIES):
        big = client.get("/bills/9000001/example-bill/")
    assert small.status_code == big.status_code == 200
    assert big.content.decode().count('class="tracker-timeline__sitting"') == 3 + 300 * 4


def test_bill_list_searches_filters_and_paginates(client, tmp_path):
    scrape_example(tmp_path)
    assert "Example Bill" in client.get("/bills/", {"q": "example"}).content.decode()
    assert "No bills match" in client.get("/bills/", {"q": "procurement"}).content.decode()
    assert "Example Bill" in client.get("/bills/", {"act": "yes", "house": "Unassigned"}).content.decode()
    assert "No bills match" in client.get("/bills/", {"act": "no"}).content.decode()
    assert client.get("/bills/", {"session": "not-a-number", "page": "999"}).status_code == 200


def test_home_page_leads_with_recently_moved_bills(client, tmp_path):
    scrape_example(tmp_path)
    html = client.get("/").content.decode()
    assert "Bills that moved most recently" in html
    assert 'href="/bills/9000001/example-bill/"' in html


def test_a_bills_last_update_is_never_labelled_a_sitting(client, tmp_path):
    stages = copy.deepcopy(fixture_json("bills_api", "spec_shaped_bill_stages.json"))
    for stage in stages["items"]:
        stage["stageSittings"] = []
    scrape_example(tmp_path, **{f"{BILLS}/Bills/9000001/Stages?Skip=0&Take=20": stages})

    for page in ("/", "/bills/"):
        html = client.get(page).content.decode()
        assert "last sitting" not in html and "updated by the source 2 Jan" in html, page


def test_member_page_shows_party_house_constituency_and_bills(client, tmp_path):
    scrape_example(tmp_path)
    html = client.get("/bills/members/9000501/example-member/").content.decode()
    assert "Example Constituency" in html and "House of Commons" in html
    assert "Example Bill" in html
    assert client.get("/bills/members/1/nobody/").status_code == 404
