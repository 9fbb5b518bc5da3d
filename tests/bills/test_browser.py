"""A reader in a real browser: home page, search, the bill, its timeline."""

import pytest

from tests.support.snapshots import example_bill_responses, write_snapshot
from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_search_from_the_home_page_and_open_the_bill_timeline(browser_page, live_server, tmp_path):
    snapshot = write_snapshot(tmp_path / "snap", example_bill_responses())
    scrape(bill_ids=[9000001], session=build_session(snapshot_dir=snapshot), source="test")
    page = browser_page
    page.goto(live_server.url + "/")
    page.get_by_label("Find a bill").fill("example")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Example Bill").first.click()
    assert page.title() == "Example Bill – Clause tracker"
    timeline = page.locator("ol.tracker-timeline")
    assert timeline.is_visible()
    assert timeline.locator("li.tracker-timeline__stage").count() == 3
    assert page.locator('[aria-current="step"]').inner_text().count("Royal Assent") == 1
    assert not [m for m in page.console_messages if m.startswith("error")]
