"""A reader in a real browser: home page, search, the bill, its timeline."""

import pytest
from django.conf import settings

from tracker.http.client import build_session
from tracker.http.snapshot import read_manifest
from tracker.scraping.pipeline import scrape


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_search_procurement_from_the_home_page_and_open_the_bill_timeline(browser_page, live_server):
    scrape(bill_ids=[3159], session=build_session(snapshot_dir=settings.BUNDLED_SNAPSHOT_DIR), source="bundled")
    page = browser_page
    page.goto(live_server.url + "/")
    page.get_by_label("Find a bill").fill("procurement")
    page.get_by_role("button", name="Find bills").click()
    page.get_by_role("link", name="Procurement Bill [HL]").first.click()
    page.wait_for_load_state()
    assert page.title() == "Procurement Bill [HL] – Clause tracker"
    timeline = page.locator("ol.tracker-timeline")
    assert timeline.is_visible()
    assert timeline.locator("li.tracker-timeline__stage").count() == 14
    current = page.locator('[aria-current="step"]').inner_text()
    assert "Royal Assent" in current and "26 October 2023" in current
    assert not [m for m in page.console_messages if m.startswith("error")]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_from_the_home_page_to_a_renumbered_clause_whose_words_changed_in_committee(browser_page, live_server):
    social_housing = settings.BASE_DIR / "data/snapshots/social-housing-regulation-bill-2022-23"
    for snapshot in (settings.BUNDLED_SNAPSHOT_DIR, social_housing):
        scrape(bill_ids=read_manifest(snapshot)["bills"], session=build_session(snapshot_dir=snapshot),
               source="bundled")
    page = browser_page
    page.goto(live_server.url + "/")
    assert page.get_by_role("link", name="Procurement Bill [HL]").is_visible()
    page.get_by_role("link", name="Social Housing (Regulation) Bill [HL]").click()
    page.get_by_role("link", name="Clauses of the bill, print by print").click()
    page.get_by_label("Print").select_option(label="As amended in Public Bill Committee")
    page.get_by_role("button", name="Show").click()
    page.get_by_role("region", name="Clauses (43)").get_by_role("link", name="Clause 27", exact=True).click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Clause 27"
    numbers = page.locator("ol.tracker-print-numbers li")
    assert [numbers.nth(i).inner_text().splitlines() for i in range(numbers.count())] == [
        ["As brought from the Lords", "Clause 28"], ["As amended in Public Bill Committee", "Clause 27"]]
    diff = page.locator("p.tracker-diff")
    assert diff.is_visible()
    added, taken_out = diff.locator("ins"), diff.locator("del")
    assert added.count() > 0 and taken_out.count() > 0
    assert added.first.evaluate("e => getComputedStyle(e).textDecorationLine") == "underline"
    assert taken_out.first.evaluate("e => getComputedStyle(e).textDecorationLine") == "line-through"
    assert "in a place" in added.first.inner_text()
    page.get_by_text("How we know", exact=True).click()
    how = page.locator("#how-we-know").inner_text()
    assert "same LawMaker GUID" in how and "the text matcher links the same two versions" in how
    assert not [m for m in page.console_messages if m.startswith("error")]
