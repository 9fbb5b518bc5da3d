"""The transactional outbox: deliveries written with the event, claimed by one worker at a
time, sent and marked one by one, never twice, and given back when a worker stops."""

from __future__ import annotations

import datetime as dt
import smtplib
import threading
import time

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.db import connection as db_connection
from django.utils import timezone

from tests.factories import SubscriberFactory, SubscriptionFactory
from tests.support.smtp_sink import SmtpSink
from tracker.alerts import sending
from tracker.alerts.models import Delivery, OutboxItem, Subscriber, Subscription
from tracker.alerts.outbox import outbox_claim, outbox_mark, outbox_release
from tracker.events.models import ChangeEvent
from tracker.events.services import event_record

pytestmark = pytest.mark.django_db
PENDING, SENT = OutboxItem.Status.PENDING, OutboxItem.Status.SENT
LEASE = dt.timedelta(minutes=5)


def claim(batch_size=10, lease=LEASE):
    return outbox_claim(rows=Delivery.objects.all(), batch_size=batch_size, lease=lease, max_attempts=10)


@pytest.fixture
def pending(bill):
    """Five confirmed subscribers and the deliveries one event owes them, not yet sent."""
    SubscriptionFactory.create_batch(5, bill=bill)
    with transaction.atomic():
        event_record(kind=ChangeEvent.Kind.STAGE_CHANGED, bill=bill, summary="Example Bill: moved to Commons Report stage",
                     detail={})
    return list(Delivery.objects.order_by("pk"))


def test_the_event_and_its_deliveries_are_written_in_one_transaction(bill):
    SubscriptionFactory.create_batch(3, bill=bill)
    with pytest.raises(RuntimeError), transaction.atomic():
        event_record(kind=ChangeEvent.Kind.STAGE_CHANGED, bill=bill, summary="s", detail={})
        assert Delivery.objects.count() == 3
        raise RuntimeError("the store failed after recording the event")
    assert not ChangeEvent.objects.exists() and not Delivery.objects.exists()


def test_only_confirmed_subscriptions_to_the_event_s_targets_get_a_delivery(bill, member):
    confirmed = SubscriptionFactory(bill=bill)
    SubscriptionFactory(bill=bill, status=Subscription.Status.PENDING)
    SubscriptionFactory(bill=bill, status=Subscription.Status.UNSUBSCRIBED)
    SubscriptionFactory()  # another bill
    member_follower = SubscriptionFactory(target_kind="member", bill=None, member=member)
    event_record(kind=ChangeEvent.Kind.STAGE_CHANGED, bill=bill, summary="s", detail={})
    assert list(Delivery.objects.values_list("subscription", flat=True)) == [confirmed.pk]
    event_record(kind=ChangeEvent.Kind.HANSARD_MENTION, bill=bill, member=member, summary="s", detail={})
    assert set(Delivery.objects.values_list("subscription", flat=True)) == {confirmed.pk, member_follower.pk}


def test_a_subscriber_following_the_bill_and_the_member_gets_one_delivery(bill, member):
    follower = SubscriberFactory()
    SubscriptionFactory(subscriber=follower, bill=bill)
    SubscriptionFactory(subscriber=follower, target_kind="member", bill=None, member=member)
    event_record(kind=ChangeEvent.Kind.HANSARD_MENTION, bill=bill, member=member, summary="s", detail={})
    assert Delivery.objects.count() == 1


def test_a_delivery_is_unique_per_subscription_and_event(pending):
    first = pending[0]
    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(subscription=first.subscription, event=first.event, channel=first.channel)


def test_a_subscription_names_exactly_one_target(bill, member):
    with pytest.raises(IntegrityError), transaction.atomic():
        SubscriptionFactory(target_kind="member", bill=bill, member=member)
    with pytest.raises(IntegrityError), transaction.atomic():
        SubscriptionFactory(target_kind="member", bill=bill, member=None)


def test_two_claims_never_share_a_row(pending):
    first, second, third = claim(batch_size=3), claim(batch_size=3), claim(batch_size=3)
    assert first.ids == [d.pk for d in pending[:3]]
    assert second.ids == [d.pk for d in pending[3:]]
    assert third.ids == []
    assert set(Delivery.objects.values_list("attempts", flat=True)) == {1}


def test_a_lapsed_lease_makes_rows_claimable_again_and_the_old_claim_cannot_mark_them(pending):
    dead = claim(lease=dt.timedelta(seconds=-1))  # the worker died; its lease has run out
    successor = claim()
    assert successor.ids == dead.ids
    first = dead.ids[0]
    assert outbox_mark(model=Delivery, claim=dead, statuses={first: SENT}) == set()
    assert outbox_mark(model=Delivery, claim=successor, statuses={first: SENT}) == {first}
    assert outbox_mark(model=Delivery, claim=successor, statuses={first: SENT}) == set()  # once only
    assert Delivery.objects.get(pk=first).attempts == 2


def test_one_write_records_an_outcome_and_the_next_sending_each_only_under_its_own_claim(pending):
    held = claim(batch_size=2)
    sent, sending = held.ids
    Delivery.objects.filter(pk=sending).update(claim_token=None)  # taken from this claim meanwhile
    assert outbox_mark(model=Delivery, claim=held, statuses={sent: SENT, sending: "sending"}) == {sent}
    assert outbox_mark(model=Delivery, claim=held, statuses={}) == set()
    assert Delivery.objects.filter(pk=sent, status=SENT, sent_at__isnull=False, claimed_until=None).exists()
    assert Delivery.objects.get(pk=sending).status == "pending"

    both = claim(batch_size=2)
    refused, next_one = both.ids
    assert outbox_mark(model=Delivery, claim=both, statuses={refused: "failed", next_one: "sending"}) == {
        refused, next_one}
    assert Delivery.objects.get(pk=refused).status == "failed"
    assert Delivery.objects.filter(pk=next_one, status="sending", sent_at=None, claimed_until=both.until).exists()


def test_released_rows_are_claimable_at_once(pending):
    held = claim(batch_size=2)
    assert outbox_release(rows=Delivery.objects.all(), claim=held) == 2
    assert claim(batch_size=2).ids == held.ids


def test_sending_marks_each_delivery_sent_and_a_retried_task_sends_nothing_again(pending):
    assert sending.deliveries_send() == 5
    assert len(mail.outbox) == 5
    assert set(Delivery.objects.values_list("status", flat=True)) == {SENT}
    assert sending.deliveries_send() == 0
    assert len(mail.outbox) == 5
    assert sorted(m.extra_headers["Message-ID"] for m in mail.outbox) == sorted(d.message_id for d in pending)


def test_batches_use_one_connection_each(pending, settings, monkeypatch):
    settings.ALERTS_SEND_BATCH_SIZE = 2
    opened = []
    real = sending.get_connection
    monkeypatch.setattr(sending, "get_connection", lambda: opened.append(1) or real())
    assert sending.deliveries_send() == 5
    assert len(opened) == 3


def test_a_mail_server_failure_mid_batch_keeps_the_rest_pending_and_claimable(pending, monkeypatch):
    from django.core.mail.backends.locmem import EmailBackend
    real_send = EmailBackend.send_messages

    def fail_on_third(self, messages):
        if len(mail.outbox) == 2:
            raise smtplib.SMTPServerDisconnected("connection lost")
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", fail_on_third)
    with pytest.raises(smtplib.SMTPServerDisconnected):
        sending.deliveries_send()
    rows = list(Delivery.objects.order_by("pk").values_list("status", "claim_token"))
    # The third was handed over when the connection broke: the server may have it, so it stays "sending".
    assert [status for status, _ in rows] == [SENT, SENT, OutboxItem.Status.SENDING, PENDING, PENDING]
    assert [token for _, token in rows[2:]] == [None] * 3  # given back at once, not at the lease's end
    monkeypatch.setattr(EmailBackend, "send_messages", real_send)
    assert sending.deliveries_send() == 3
    assert len(mail.outbox) == 5 and len({m.to[0] for m in mail.outbox}) == 5


def test_a_refused_address_is_marked_failed_and_the_batch_goes_on(pending, monkeypatch):
    from django.core.mail.backends.locmem import EmailBackend
    real_send = EmailBackend.send_messages
    refused = pending[1].subscription.subscriber.email

    def refuse(self, messages):
        if messages[0].to == [refused]:
            raise smtplib.SMTPRecipientsRefused({refused: (550, b"no such user")})
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    assert sending.deliveries_send() == 4
    assert Delivery.objects.get(pk=pending[1].pk).status == OutboxItem.Status.FAILED


def test_a_delivery_whose_subscriber_unsubscribed_before_sending_is_cancelled(pending):
    Subscription.objects.filter(pk=pending[0].subscription_id).update(status=Subscription.Status.UNSUBSCRIBED)
    assert sending.deliveries_send() == 4
    assert Delivery.objects.get(pk=pending[0].pk).status == OutboxItem.Status.CANCELLED


@pytest.mark.django_db(transaction=True)
def test_a_batch_slower_than_its_lease_keeps_its_claim_while_the_worker_lives(bill, settings):
    """The lease says the worker is alive, not how long an SMTP call may take: renewed from a
    thread of its own, a 4 s lease outlives three sends of 2 s each."""
    SubscriptionFactory.create_batch(3, bill=bill)
    settings.ALERTS_CLAIM_LEASE_SECONDS = 4
    leases = []

    def read_lease() -> None:
        leases.append(list(Delivery.objects.filter(status=OutboxItem.Status.SENDING).values_list(
            "claimed_until", flat=True)))
        db_connection.close()  # this thread's own

    def slow_server(envelope) -> bool:
        time.sleep(2)
        reader = threading.Thread(target=read_lease)  # the sink's own thread runs an asyncio loop
        reader.start()
        reader.join()
        return True

    with SmtpSink(before_accept=slow_server) as sink:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
        started = timezone.now()
        event_record(kind=ChangeEvent.Kind.STAGE_CHANGED, bill=bill, summary="Example Bill: moved to Commons Report stage",
                     detail={})  # sends on commit (tasks run in-process)

    assert sink.count == 3 and len(set(sink.message_ids())) == 3
    assert set(Delivery.objects.values_list("status", "attempts")) == {(SENT, 1)}
    [[third_lease]] = leases[2:]  # the third message, more than one lease after the claim
    assert third_lease > started + dt.timedelta(seconds=4)


def test_daily_subscribers_get_digest_deliveries_and_no_instant_email(bill, record):
    SubscriptionFactory(bill=bill, subscriber__frequency=Subscriber.Frequency.DAILY)
    record(bill=bill)
    assert Delivery.objects.get().channel == Delivery.Channel.DIGEST
    assert not mail.outbox


def test_enqueueing_happens_after_commit(bill, django_capture_on_commit_callbacks):
    SubscriptionFactory(bill=bill)
    with django_capture_on_commit_callbacks() as callbacks:
        event_record(kind=ChangeEvent.Kind.STAGE_CHANGED, bill=bill, summary="s", detail={})
        assert not mail.outbox
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1
    assert Delivery.objects.get().status == SENT


@pytest.mark.postgres
def test_on_postgresql_a_claim_skips_rows_another_worker_has_locked(pending):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        held = claim(batch_size=3)
    [lock] = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")][:1]
    assert lock.endswith("FOR UPDATE SKIP LOCKED") and "LIMIT 3" in lock
    assert len(held.ids) == 3
