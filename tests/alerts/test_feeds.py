"""The Atom feeds: one per bill and per member, well-formed Atom that a feed reader parses,
listing the same change events the emails report, newest first."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree

import feedparser
import pytest

from tests.factories import BillFactory
from tracker.events.models import ChangeEvent
from tracker.events.services import event_record

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def events(bill, member):
    other_bill = BillFactory(short_title="Example Other Bill")
    recorded = [
        event_record(kind=ChangeEvent.Kind.STAGE_CHANGED, bill=bill, summary="Example Bill: moved to Commons 2nd reading",
                     detail={}, occurred_on=dt.date(2024, 1, 2), evidence_url=bill.source_url),
        event_record(kind=ChangeEvent.Kind.HANSARD_MENTION, bill=other_bill, member=member,
                     summary="Example Other Bill: Example Member spoke on Clause 1", detail={}),
        event_record(kind=ChangeEvent.Kind.ROYAL_ASSENT, bill=bill, summary="Example Bill: moved to Royal Assent",
                     detail={}),
    ]
    return recorded


def fetch(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return response.content


def test_the_bill_feed_is_atom_with_the_bill_s_events_newest_first(client, bill, member):
    events(bill, member)
    body = fetch(client, f"/alerts/feeds/bill/{bill.bills_api_id}.atom")
    feed = feedparser.parse(body)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Example Bill: changes on the clause tracker"
    assert feed.feed.link == "http://testserver/bills/9000001/example-bill/"
    assert [entry.title for entry in feed.entries] == ["Example Bill: moved to Royal Assent",
                                                       "Example Bill: moved to Commons 2nd reading"]
    assert all(entry.link == "http://testserver/bills/9000001/example-bill/" for entry in feed.entries)
    assert "In Parliament: 2 January 2024" in feed.entries[1].summary
    assert len({entry.id for entry in feed.entries}) == 2


def test_the_member_feed_lists_the_events_about_the_member(client, bill, member):
    events(bill, member)
    feed = feedparser.parse(fetch(client, f"/alerts/feeds/member/{member.members_api_id}.atom"))
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["Example Other Bill: Example Member spoke on Clause 1"]


def test_every_feed_and_entry_has_what_atom_requires(client, bill, member):
    """RFC 4287: feed and entries each have exactly one id, title and updated; the feed names
    an author or every entry does; the feed links to itself."""
    events(bill, member)
    root = ElementTree.fromstring(fetch(client, f"/alerts/feeds/bill/{bill.bills_api_id}.atom"))
    assert root.tag == f"{ATOM}feed"
    for element in (root, *root.findall(f"{ATOM}entry")):
        for required in ("id", "title", "updated"):
            assert len(element.findall(f"{ATOM}{required}")) == 1, (element.tag, required)
    self_links = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert [link.get("href") for link in self_links] == ["http://testserver/alerts/feeds/bill/9000001.atom"]
    assert root.find(f"{ATOM}author/{ATOM}name").text == "Clause tracker"
    ids = [element.text for element in root.iter(f"{ATOM}id")]
    assert all(value.startswith(("tag:", "http")) for value in ids)


def test_an_empty_feed_is_still_valid_and_an_unknown_target_is_404(client, bill):
    feed = feedparser.parse(fetch(client, f"/alerts/feeds/bill/{bill.bills_api_id}.atom"))
    assert not feed.bozo and feed.entries == []
    assert client.get("/alerts/feeds/bill/9999999.atom").status_code == 404
    assert client.get("/alerts/feeds/planet/1.atom").status_code == 404
