"""An analyst in Chromium: the search box in the header at desktop and phone widths, typing
"surveillance", and opening Clause 65 from the results."""

from __future__ import annotations

import pytest

from tests.site.test_pages_on_a_phone import wider_than_the_screen
from tests.support.axe import axe_violations
from tests.test_public_pages_crawl import demo  # noqa: F401  (a fixture)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [1280, 390])
def test_an_analyst_searches_from_the_header_and_opens_clause_65(demo, browser_page, live_server, width):  # noqa: F811
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/bills/3159/procurement-bill-hl/")
    box = page.get_by_role("search", name="Site search").get_by_label("Search bills, clauses, amendments, divisions, members and speeches")
    assert box.is_visible() and box.bounding_box()["width"] >= 150
    box.fill("surveillance")
    box.press("Enter")
    page.wait_for_url("**/search/?q=surveillance")
    main = page.locator("main")
    assert "11 results for surveillance" in main.inner_text()
    assert page.get_by_role("link", name="Speeches (6)").is_visible()
    assert main.locator("mark").first.inner_text() == "surveillance"
    assert wider_than_the_screen(page) == []
    assert axe_violations(page) == []
    page.get_by_role("link", name="Clause 65: Timeline for removal of suppliers").click()
    page.wait_for_url("**/clauses/amendment-9006001/")
    assert "Clause 65" in page.locator("h1").inner_text()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_header_box_fits_a_320_px_screen(demo, browser_page, live_server):  # noqa: F811
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 700})
    for path in ("/", "/search/?q=" + "x" * 400):
        page.goto(live_server.url + path)
        assert wider_than_the_screen(page) == [], path
        assert page.get_by_role("search", name="Site search").get_by_role("button", name="Search").is_visible()
