"""No public page scrolls sideways on a phone: every page type of the loaded demo, in Chromium at
320, 390 and 1280 px. A wide table scrolls inside its own region instead (static/css/responsive.css)."""

from __future__ import annotations

import re

import pytest

from tests.test_public_pages_crawl import crawl, demo  # noqa: F401  (demo is a fixture)

WIDTHS = (320, 390, 1280)


def page_types(paths) -> dict[str, str]:
    """One address per kind of page: ids, GUIDs and slugs folded away."""
    kinds: dict[str, str] = {}
    for path in sorted(paths):
        kind = re.sub(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f-]{27}", "GUID", path.split("?")[0])
        kind = re.sub(r"\d+", "N", kind)
        kind = re.sub(r"/[a-z0-9]+(-[a-z0-9]+)+/", "/SLUG/", kind)
        kinds.setdefault(kind, path)
    return kinds


def wider_than_the_screen(page) -> list[str]:
    """The elements that stick out past the right edge, outside any scrolling region of their own."""
    return page.evaluate("""() => {
      const scrolls = e => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX);
      const out = [];
      for (const e of document.body.querySelectorAll('*')) {
        if (e.getBoundingClientRect().right <= innerWidth + 0.5) continue;
        let a = e.parentElement;
        while (a && a !== document.body && !scrolls(a)) a = a.parentElement;
        if (!a || a === document.body) out.push(e.tagName.toLowerCase() + '.' + e.className);
      }
      return out.slice(0, 5);
    }""")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_no_page_scrolls_sideways_at_320_390_or_1280_px(client, demo, browser_page, live_server):  # noqa: F811
    kinds = page_types(path for path, page in crawl(client).items() if page.links)
    assert len(kinds) >= 15, sorted(kinds)
    assert {"/bills/", "/bills/N/SLUG/clauses/", "/bills/N/SLUG/amendments/", "/bills/N/SLUG/debates/",
            "/divisions/commons/N/", "/bills/members/N/SLUG/"} <= set(kinds)
    page = browser_page
    too_wide = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for path in kinds.values():
            page.goto(live_server.url + path)
            scroll_width, inner_width = page.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
            if scroll_width > inner_width:
                too_wide.append((width, path, scroll_width, wider_than_the_screen(page)))
    assert too_wide == [], "\n".join(map(str, too_wide))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_wide_table_scrolls_in_its_own_region_with_its_first_column_in_view(demo, browser_page, live_server):  # noqa: F811
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(live_server.url + "/bills/3159/procurement-bill-hl/debates/")
    region = page.get_by_role("region", name="Debates on the bill")
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")
    first_date = region.locator("tbody tr td").first
    left_before = first_date.bounding_box()["x"]
    region.evaluate("e => e.scrollLeft = e.scrollWidth")
    assert region.evaluate("e => e.scrollLeft") > 0
    assert first_date.bounding_box()["x"] == left_before  # held in place while the rest moves
    matrix = page.goto(live_server.url + "/bills/3159/procurement-bill-hl/clauses/")
    assert matrix.ok
    box = page.locator(".tracker-matrix")
    assert box.evaluate("e => e.scrollWidth > e.clientWidth")  # the matrix scrolls in its box, the page does not
    assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
