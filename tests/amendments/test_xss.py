"""Scraped text is untrusted: a script tag and an onerror attribute fed through the whole
pipeline (replayed responses -> scrape -> store -> page) never reach a page as markup."""

from __future__ import annotations

import re

import pytest

from tests.amendments.example_responses import (
    amendment_detail,
    amendment_item,
    amendment_responses,
    commons_division,
    division_search_urls,
    member,
    motion_detail,
    ping_pong_responses,
    scrape_example,
    sponsor,
)
from tests.support.snapshots import COMMONS_VOTES, MEMBERS

pytestmark = pytest.mark.django_db
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE = f"Example {SCRIPT} text {IMG}"
MARKUP = re.compile(r"<script|<img|<[^>]*\sonerror", re.IGNORECASE)


def hostile_responses() -> dict:
    named = dict(sponsor(9000203, 1, True), name=HOSTILE, party=HOSTILE, partyColour=IMG)
    item = amendment_item(9000301, "1", sponsors=[named], explanation=HOSTILE, summary=[HOSTILE],
                          amendment_type="AddClauseOrSchedule")
    item["amendmentPosition"] = HOSTILE
    motion = motion_detail(9000401, "1A", grouped=[("1B", "Agreed", [named])], sponsors=[named])
    motion["motion"].update(summary=HOSTILE, decisionExplanation=HOSTILE)
    motion["motion"]["motionGroups"][0]["text"][0]["text"] = HOSTILE
    commons_search, lords_search = division_search_urls()
    division = commons_division(9000901, f"Example Bill: Amendment 1 {HOSTILE}", ayes=(9000581,), aye_count=1)
    division["Ayes"][0].update(Name=HOSTILE, Party=HOSTILE)
    return {
        **amendment_responses([item], details={9000301: amendment_detail(item, lines=(HOSTILE, HOSTILE),
                                                                         explanatory=HOSTILE)}),
        **ping_pong_responses([motion]),
        commons_search: [division], lords_search: [],
        f"{COMMONS_VOTES}/division/9000901.json": division,
        **{f"{MEMBERS}/Members/{m}": member(m) for m in (9000581, 9000591, 9000592)},
    }


def test_script_and_onerror_never_reach_a_page(tmp_path, client):
    run = scrape_example(tmp_path, hostile_responses(), "hostile")
    assert run.failed == 0, list(run.problems.values_list("message", flat=True))

    pages = ["/bills/9000001/example-bill/amendments/", "/amendments/9000301/", "/divisions/commons/9000901/"]
    for url in pages:
        html = client.get(url).content.decode()
        main = html[html.index("<main"):html.index("</main>")]  # the page's own script tag is in <head>
        assert "Example" in main and "text" in main, url  # the hostile text's harmless words are there
        assert not MARKUP.search(main), (url, MARKUP.search(main).group(0))
        assert "alert(1)</script>" not in html
    amendment_page = client.get("/amendments/9000301/").content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in amendment_page  # the sponsor's name, escaped as text
