"""From a scrape that sees a change to the email in the subscriber's inbox: what the email
says, one email per change, none for a re-scrape that changes nothing, and an email for
every kind of change event there is."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from bills.models import Bill, BillStage, Sitting
from tests.factories import BillStageFactory, SubscriptionFactory
from tests.support.snapshots import BILLS, example_bill_responses, fixture_json, write_snapshot
from tracker.alerts.models import Delivery
from tracker.events.models import ChangeEvent
from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape

pytestmark = pytest.mark.django_db
ADDRESS = "campaigner@example.org"
BILL_URL = f"{BILLS}/Bills/9000001"
STAGES_URL = f"{BILLS}/Bills/9000001/Stages?Skip=0&Take=20"


@pytest.fixture
def scrape_example(tmp_path, django_capture_on_commit_callbacks):
    """Scrape the synthetic Example Bill (9000001) as the APIs would answer `responses`,
    running what the commits enqueue (the alert sends) as the embedded default does."""

    def run(name: str, **overrides):
        directory = write_snapshot(tmp_path / name, example_bill_responses(**overrides))
        with django_capture_on_commit_callbacks(execute=True):
            return scrape(bill_ids=[9000001], session=build_session(snapshot_dir=directory), source=name)

    return run


def bill_at(stage_index: int) -> dict:
    bill = copy.deepcopy(fixture_json("bills_api", "spec_shaped_bill.json"))
    stage = fixture_json("bills_api", "spec_shaped_bill_stages.json")["items"][stage_index]
    bill.update(currentStage=stage, isAct=False, currentHouse="Commons")
    return bill


def stages_with_second_reading_on(date: dt.date) -> dict:
    stages = copy.deepcopy(fixture_json("bills_api", "spec_shaped_bill_stages.json"))
    stages["items"][1]["stageSittings"][0]["date"] = f"{date.isoformat()}T00:00:00"
    return stages


@pytest.fixture
def follower(scrape_example):
    """The Example Bill as first seen at its 1st reading, followed by a confirmed subscriber."""
    scrape_example("at-1r", **{BILL_URL: bill_at(0)})
    return SubscriptionFactory(bill=Bill.objects.get(bills_api_id=9000001), subscriber__email=ADDRESS)


def test_a_stage_change_sends_one_email_and_a_rescrape_with_no_change_sends_none(follower, scrape_example):
    scrape_example("at-2r", **{BILL_URL: bill_at(1)})
    [message] = mail.outbox
    assert message.subject == "Example Bill: moved to Commons 2nd reading"
    again = scrape_example("at-2r-again", **{BILL_URL: bill_at(1)})
    assert again.wrote_nothing
    assert len(mail.outbox) == 1
    assert Delivery.objects.count() == ChangeEvent.objects.count() == 1


def test_the_email_says_what_changed_when_what_is_next_and_links_to_the_page_source_and_settings(
        follower, scrape_example, settings):
    next_sitting = timezone.localdate() + dt.timedelta(days=30)
    scrape_example("at-2r", **{BILL_URL: bill_at(1), STAGES_URL: stages_with_second_reading_on(next_sitting)})
    stage_change = next(m for m in mail.outbox if m.subject == "Example Bill: moved to Commons 2nd reading")
    text, (html, mimetype) = stage_change.body, stage_change.alternatives[0]
    assert mimetype == "text/html"
    expected = [
        "What changed: Moved to a new stage. Before: 1st reading (Commons). Now: 2nd reading (Commons).",
        f"What is next: 2nd reading (Commons) on {next_sitting:%A %-d %B %Y}",
        f"On the tracker: {settings.SITE_URL}/bills/9000001/example-bill/",
        f"When: {next_sitting:%-d %B %Y}",
    ]
    for line in expected:
        assert line in text
    assert "parliament.uk/bills/9000001" not in text + html  # never a Parliament link from a made-up id
    assert f'href="{settings.SITE_URL}/bills/9000001/example-bill/"' in html
    assert "/alerts/manage/" in text and "/alerts/manage/" in html
    assert "/alerts/unsubscribe/" in text and "/alerts/unsubscribe/" in html
    delivery = Delivery.objects.get(event__kind=ChangeEvent.Kind.STAGE_CHANGED)
    assert stage_change.extra_headers["Message-ID"] == f"<alerts-delivery-{delivery.pk}@127.0.0.1>"


def test_a_newly_scheduled_sitting_sends_its_own_email(follower, scrape_example):
    next_sitting = timezone.localdate() + dt.timedelta(days=30)
    stages = copy.deepcopy(fixture_json("bills_api", "spec_shaped_bill_stages.json"))
    stages["items"][1]["stageSittings"].append({"id": 9000604, "stageId": 7, "billStageId": 9000402, "billId": 9000001,
                                                "date": f"{next_sitting.isoformat()}T00:00:00"})  # a new sitting
    scrape_example("at-1r-with-2r-scheduled", **{BILL_URL: bill_at(0), STAGES_URL: stages})
    assert [m.subject for m in mail.outbox] == [
        f"Example Bill: 2nd reading (Commons) scheduled for {next_sitting:%-d %B %Y}"]


def test_royal_assent_sends_an_email(follower, scrape_example):
    scrape_example("act", **{BILL_URL: fixture_json("bills_api", "spec_shaped_bill.json")})
    assert [m.subject for m in mail.outbox] == ["Example Bill: moved to Royal Assent"]
    assert ChangeEvent.objects.get().kind == ChangeEvent.Kind.ROYAL_ASSENT
    [message] = mail.outbox
    assert "What is next: nothing more: the bill has completed its passage" in message.body
    assert "no future sitting" not in message.body.lower()
    assert "Nothing more: the bill has completed its passage." in message.alternatives[0][0]


@pytest.mark.parametrize("kind", ChangeEvent.Kind.values)
def test_every_kind_of_change_event_reaches_its_subscribers(kind, bill, member, record):
    SubscriptionFactory(bill=bill, subscriber__email="bill-follower@example.org")
    SubscriptionFactory(target_kind="member", bill=None, member=member, subscriber__email="member-follower@example.org")
    stage = BillStageFactory(bill=bill, description="Report stage")
    Sitting.objects.create(bills_api_id=9_000_900, bill_stage=stage, date=timezone.localdate() + dt.timedelta(days=3))
    summary = f"Example Bill: a {ChangeEvent.Kind(kind).label.lower()} <b>event</b>"
    record(bill=bill, member=member, kind=kind, summary=summary, occurred_on=dt.date(2024, 1, 2))
    assert sorted(m.to[0] for m in mail.outbox) == ["bill-follower@example.org", "member-follower@example.org"]
    for message in mail.outbox:
        assert message.subject == summary
        assert "When: 2 January 2024" in message.body and "What is next: Report stage (Commons) on" in message.body
        html = message.alternatives[0][0]
        assert "&lt;b&gt;event&lt;/b&gt;" in html and "<b>event</b>" not in html  # escaped in HTML
    assert BillStage.objects.count() == 1
