"""A Lords amendment's exchange between the Houses reads as one thread, in order, to its outcome."""

from __future__ import annotations

import html
import re

import pytest
from django.conf import settings

from amendments.ping_pong_thread import Step, threads
from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape

pytestmark = pytest.mark.django_db


def step(house, number, words="", decision="NoDecision", label=None):
    return Step(house, "", label or f"Motion {number}", number, words, decision,
                "Agreed to" if decision == "Agreed" else "No decision recorded")


def test_moves_on_one_amendment_are_one_thread_in_order_and_motions_join_by_the_numbers_they_name():
    found = threads([step("Lords", "47A"), step("Lords", "102A"),
                     step("Commons", None, "That this House disagrees with Lords amendment 102B"),
                     step("Lords", "A", "That this House do not insist on its Amendment 102B … Reason 102C",
                          decision="Agreed")])

    assert [(t.amendment, [s.label for s in t.steps]) for t in found] == [
        ("47", ["Motion 47A"]), ("102", ["Motion 102A", "Motion None", "Motion A"])]
    assert found[0].outcome.startswith("not recorded")
    assert found[1].outcome == "Motion A agreed to (Lords)"


def test_the_amendments_page_shows_each_thread_of_the_procurement_bill(client):
    scrape(bill_ids=[3159], session=build_session(snapshot_dir=settings.BUNDLED_SNAPSHOT_DIR), source="bundled",
           reconstructed=True)
    page = client.get("/bills/3159/procurement-bill-hl/amendments/").content.decode()
    part = page[page.index('id="ping-pong-threads"'):page.index('id="ping-pong"')]
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", part)).split()).replace(" :", ":")

    hunt = text[text.index("Amendment 102"):]
    assert hunt.index("Lords, Consideration of Commons amendments: Motion 102A (Amendment 102B)") \
        < hunt.index("Commons, Consideration of Lords message: Motion (number not recorded) (Amendment 102B)") \
        < hunt.index("Lords: Motion A") < hunt.index("Outcome: Motion A agreed to (Lords)")
    alton = text[text.index("Amendment 47"):text.index("Amendment 102")]
    assert "Motion 47A (Amendment 47B)" in alton and "Outcome: not recorded" in alton
