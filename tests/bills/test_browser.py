"""A reader in a real browser: home page, search, the bill, its timeline."""

import pytest
from django.conf import settings

from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_search_procurement_from_the_home_page_and_open_the_bill_timeline(browser_page, live_server):
    scrape(bill_ids=[3159], session=build_session(snapshot_dir=settings.BUNDLED_SNAPSHOT_DIR), source="bundled")
    page = browser_page
    page.goto(live_server.url + "/")
    page.get_by_label("Find a bill").fill("procurement")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Procurement Bill [HL]").first.click()
    page.wait_for_load_state()
    assert page.title() == "Procurement Bill [HL] – Clause tracker"
    timeline = page.locator("ol.tracker-timeline")
    assert timeline.is_visible()
    assert timeline.locator("li.tracker-timeline__stage").count() == 14
    current = page.locator('[aria-current="step"]').inner_text()
    assert "Royal Assent" in current and "26 October 2023" in current
    assert not [m for m in page.console_messages if m.startswith("error")]
