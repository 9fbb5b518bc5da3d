"""Issue 15's walk, as an analyst does it in Chromium: "surveillance" typed in the header box,
Clause 65 opened from the results, its ledger downloaded as CSV, and the same clause fetched
from the API by the link on the page: the three tell the same people."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.test_public_pages_crawl import demo  # noqa: F401  (a fixture)

CLAUSE_65 = "Clause 65: Timeline for removal of suppliers"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_search_open_clause_65_download_its_ledger_and_fetch_it_from_the_api(demo, browser_page, live_server):  # noqa: F811
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/")
    box = page.get_by_role("search", name="Site search").get_by_role("searchbox")
    box.fill("surveillance")
    box.press("Enter")
    page.get_by_role("link", name=CLAUSE_65).click()
    page.wait_for_url("**/clauses/amendment-9006001/")

    with page.expect_download() as download:
        page.get_by_role("link", name="Its ledger as CSV").click()
    ledger_csv = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8-sig").read())))
    decided = [row for row in ledger_csv if row["Evidence"].startswith("Decided by the committee or House")]
    csv_people = {(row["Name"], row["Position"]) for row in ledger_csv if row not in decided}

    page.get_by_role("link", name="This page as JSON").click()
    clause = json.loads(page.locator("body").inner_text())
    api_people = {(p["member"]["name"], p["verdict"])
                  for group in ("supporting", "opposing", "conflicting", "spoke") for p in clause["ledger"][group]}

    assert (clause["label"], clause["heading"]) == ("Clause 65", "Timeline for removal of suppliers")
    assert clause["links"]["page"] == live_server.url + "/bills/3159/procurement-bill-hl/clauses/amendment-9006001/"
    assert ("Lord Alton of Liverpool", "supports") in csv_people
    assert csv_people == api_people
    assert ("Baroness Neville-Rolfe", "opposes") in csv_people
    # the committee's 8 to 5 removal, which names no one, is in both
    assert len(decided) == len(clause["ledger"]["decisions"]) == 1
    assert "eight votes against five" in decided[0]["Note"]
