"""The bundled Procurement Bill snapshot, loaded through the real scrape, as the pages show it.
Every fact asserted here is in data/reference/procurement-bill/facts.json."""

from __future__ import annotations

import pytest
from django.conf import settings

from tracker.http.client import build_session
from tracker.scraping.models import ScrapeRun
from tracker.scraping.pipeline import scrape

pytestmark = pytest.mark.django_db
BILL_PAGE = "/bills/3159/procurement-bill-hl/"


@pytest.fixture
def procurement_bill():
    run = scrape(bill_ids=[3159], session=build_session(snapshot_dir=settings.BUNDLED_SNAPSHOT_DIR),
                 source="bundled snapshot", reconstructed=True)
    assert run.status == ScrapeRun.Status.SUCCEEDED, list(run.problems.values_list("message", flat=True))
    return run


def journey(html: str) -> str:
    return html[html.index('<ol class="tracker-timeline"'):html.index('id="publications"')]


def test_bill_page_shows_both_houses_stages_in_order_with_their_dates(client, procurement_bill):
    html = client.get(BILL_PAGE).content.decode()
    stages = journey(html)
    in_order = ["11 May 2022", "25 May 2022", "6 July 2022", "18 July 2022", "24 October 2022", "28 November 2022",
                "30 November 2022", "13 December 2022", "14 December 2022", "9 January 2023", "21 February 2023",
                "13 June 2023", "11 September 2023", "13 September 2023", "25 October 2023", "26 October 2023"]
    positions = [stages.index(date) for date in in_order]
    assert positions == sorted(positions)
    assert stages.count("tracker-house--lords") == 7 and stages.count("tracker-house--commons") == 6


def test_bill_page_shows_royal_assent_and_the_act(client, procurement_bill):
    html = client.get(BILL_PAGE).content.decode()
    current = journey(html).split('aria-current="step"')[1]
    assert "Royal Assent" in current and "26 October 2023" in current
    assert "Became the Procurement Act 2023" in html
    assert "Cabinet Office" in html and "Lord True" in html


def test_bill_page_says_the_data_was_reconstructed(client, procurement_bill):
    assert "Reconstructed data" in client.get(BILL_PAGE).content.decode()


def test_what_the_record_does_not_give_is_shown_as_not_recorded(client, procurement_bill):
    stages = journey(client.get(BILL_PAGE).content.decode())
    assert "Stage name not recorded" in stages  # the Lords stage of 25 October 2023


def test_the_commons_considered_the_lords_message_on_13_september_2023(client, procurement_bill):
    """The sitting the Votes and Proceedings of that day record (the account could only infer it)."""
    stages = journey(client.get(BILL_PAGE).content.decode())
    consideration_of_message = stages[stages.index("Consideration of Lords message"):]
    assert consideration_of_message.index("13 September 2023") < consideration_of_message.index("25 October 2023")
    assert "No sitting dates recorded" not in consideration_of_message[:consideration_of_message.index("25 October")]


def test_a_second_load_of_the_snapshot_writes_nothing(procurement_bill):
    again = scrape(bill_ids=[3159], session=build_session(snapshot_dir=settings.BUNDLED_SNAPSHOT_DIR),
                   source="bundled snapshot")
    assert again.wrote_nothing
