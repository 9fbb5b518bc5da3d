"""The daily digest: one email per subscriber per day listing all their changes, grouped by
what they follow; none for a subscriber with no change; never twice."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.core import mail

from tests.factories import BillFactory, SubscriberFactory, SubscriptionFactory
from tracker.alerts import sending, services, tasks
from tracker.alerts.models import Delivery, Digest, OutboxItem, Subscriber, Subscription
from tracker.events.models import ChangeEvent

pytestmark = pytest.mark.django_db
DAILY = Subscriber.Frequency.DAILY
TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def daily(bill, member):
    """A daily subscriber following the Example Bill and the Example Member."""
    subscriber = SubscriberFactory(email="daily@example.org", frequency=DAILY)
    SubscriptionFactory(subscriber=subscriber, bill=bill)
    SubscriptionFactory(subscriber=subscriber, target_kind="member", bill=None, member=member)
    return subscriber


def send_digests(day: dt.date = TODAY) -> int:
    services.digests_prepare(digest_date=day)
    return sending.digests_send()


def test_one_email_per_subscriber_listing_all_their_changes_grouped_by_what_they_follow(daily, bill, member, record):
    quiet = SubscriberFactory(email="quiet@example.org", frequency=DAILY)
    SubscriptionFactory(subscriber=quiet, bill=BillFactory(short_title="Example Quiet Bill"))
    SubscriptionFactory(bill=bill, subscriber__email="instant@example.org")
    other_bill = BillFactory(short_title="Example Other Bill")
    record(bill=bill, summary="Example Bill: moved to Commons Committee stage")
    record(bill=bill, summary="Example Bill: moved to Commons Report stage")
    record(bill=other_bill, member=member, kind=ChangeEvent.Kind.HANSARD_MENTION,
           summary="Example Other Bill: Example Member spoke on Clause 1")
    assert [m.to for m in mail.outbox] == [["instant@example.org"]] * 2  # instant ones went at once

    mail.outbox.clear()
    assert send_digests() == 1
    [digest] = mail.outbox
    assert digest.to == ["daily@example.org"]
    assert digest.subject == "Clause tracker daily digest, 23 November 2026: 3 changes"
    text = digest.body
    bill_section, member_section = text.index("== Example Bill =="), text.index("== Example Member ==")
    committee, report = (text.index("Example Bill: moved to Commons Committee stage"),
                         text.index("Example Bill: moved to Commons Report stage"))
    mention = text.index("Example Other Bill: Example Member spoke on Clause 1")
    assert bill_section < committee < report < member_section < mention
    html = digest.alternatives[0][0]
    assert "<h2>Example Bill</h2>" in html and "<h2>Example Member</h2>" in html
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert not Digest.objects.filter(subscriber=quiet).exists()
    assert set(Delivery.objects.filter(channel="digest").values_list("status", flat=True)) == {OutboxItem.Status.SENT}


def test_a_second_run_the_same_day_sends_nothing_and_later_changes_wait_for_the_next_day(daily, bill, record):
    record(bill=bill, summary="Example Bill: moved to Commons Committee stage")
    assert send_digests() == 1
    assert send_digests() == 0
    record(bill=bill, summary="Example Bill: moved to Commons Report stage")
    assert send_digests() == 0
    assert send_digests(TODAY + dt.timedelta(days=1)) == 1
    assert [m.subject for m in mail.outbox] == ["Clause tracker daily digest, 23 November 2026: 1 change",
                                                "Clause tracker daily digest, 24 November 2026: 1 change"]
    assert "Commons Report stage" in mail.outbox[1].body and "Committee" not in mail.outbox[1].body


def test_no_digest_for_changes_to_what_the_subscriber_has_since_stopped_following(daily, bill, record):
    record(bill=bill, summary="Example Bill: moved to Commons Committee stage")
    Subscription.objects.filter(subscriber=daily).update(status=Subscription.Status.UNSUBSCRIBED)
    assert send_digests() == 0
    assert not mail.outbox
    assert Delivery.objects.get().status == OutboxItem.Status.CANCELLED


def test_the_daily_task_is_scheduled_and_sends_the_digests(daily, bill, record):
    entry = settings.CELERY_BEAT_SCHEDULE["alerts-daily-digest"]
    assert entry["task"] == tasks.digests_send.name
    assert entry["schedule"].hour == {settings.ALERTS_DIGEST_HOUR}
    record(bill=bill)
    assert tasks.digests_send.delay().get() == 1
    assert len(mail.outbox) == 1
