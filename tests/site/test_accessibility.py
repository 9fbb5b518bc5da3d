"""No accessibility violation axe-core can find, at desktop and phone widths, on the pages people
use most. Adding a page to the check is one line in PAGES."""

from __future__ import annotations

import pytest
from django.urls import Resolver404, resolve

from tests.support.axe import axe_violations
from tests.test_public_pages_crawl import demo  # noqa: F401  (a fixture)

PAGES = [
    "/",
    "/bills/",
    "/bills/3159/procurement-bill-hl/",
    "/bills/3159/procurement-bill-hl/clauses/",
    "/bills/3159/procurement-bill-hl/clauses/amendment-9006001/",
    "/bills/9160001/social-housing-regulation-bill-hl/clauses/publication-9160201-clause-1/",
    "/bills/3159/procurement-bill-hl/amendments/",
    "/amendments/9006002/",
    "/divisions/commons/9008002/",
    "/bills/3159/procurement-bill-hl/debates/",
    "/bills/members/9000006/lord-true/",
    "/alerts/subscribe/bill/3159/",
    "/search/?q=surveillance",
    # Checked once they exist (they are being built on other branches).
    "/search/?q=procurement",
    "/api/v1/docs",
]
WIDTHS = (1280, 390)


def served(path: str) -> bool:
    try:
        resolve(path.split("?")[0])
    except Resolver404:
        return False
    return True


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_main_pages_have_no_accessibility_violations_at_1280_and_390_px(demo, browser_page, live_server):  # noqa: F811
    page = browser_page
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for path in filter(served, PAGES):
            response = page.goto(live_server.url + path)
            page.wait_for_selector("main")  # a page drawn by script after a fetch (the API docs) is checked drawn
            assert response.ok, path
            found += [f"{width}px {path}: {v}" for v in axe_violations(page)]
    assert found == [], "\n".join(found)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_axe_finds_a_violation_when_there_is_one(demo, browser_page, live_server):  # noqa: F811
    page = browser_page
    page.goto(live_server.url + "/bills/")
    page.evaluate("document.querySelector('main img, main input').removeAttribute('id')")
    assert any(v.startswith("label") for v in axe_violations(page))
