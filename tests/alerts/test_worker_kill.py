"""Exactly once under a worker kill: a real Celery worker (Redis broker, PostgreSQL outbox
with SKIP LOCKED claims, Django's SMTP backend) sends 2,000 alerts to a real SMTP server on
127.0.0.1, is killed with SIGKILL in the middle of a batch, and two fresh workers finish.

How the test proves "exactly one message per delivery at the sink": the sink keeps every
message it accepts and the test compares their Message-IDs (each delivery's own id) with
the deliveries. The kill comes from the sink itself, while the worker waits for the answer
to message N's DATA: N is not accepted, so the sender never learns it arrived. At that
moment messages 1..N-1 were accepted and, because the sender marks each one sent (an
autocommitted UPDATE) before it starts the next, all of them are marked; the rest of the
dead worker's batch is still pending under its lease. So the sink must end with every
delivery exactly once: none of 1..N-1 again (a duplicate would show as a repeated
Message-ID), and N and the rest of the batch once the lease runs out and a new worker
claims them (a loss would show as a missing one). The second test aims the kill at
the worst moment instead, after the sink accepted a message and before its mark-sent write:
that one message is sent twice, with the same Message-ID, which no sender can rule out
(sending.py explains), and nothing else is; on the default lease, with the sweep at beat's
default pace, the rest of the dead worker's batch is sent within a minute of its last word,
as the deliveries' own recorded times show.
"""

from __future__ import annotations

import time
from contextlib import ExitStack

import pytest
from django.conf import settings as django_settings
from django.db import connection

from tests.factories import BillFactory
from tests.support.celery_worker import celery_worker
from tests.support.smtp_sink import SmtpSink
from tracker.alerts import tasks
from tracker.alerts.models import Delivery, OutboxItem, Subscriber, Subscription
from tracker.events.models import ChangeEvent
from tracker.events.services import event_record

DELIVERIES = 2_000
BATCH = 250
KILL_AT = 620  # in the third batch (501-750): 619 sent and marked, 131 still claimed by the dead worker
LEASE_SECONDS = 8  # the first test's lease, short so the dead worker's rows come back soon (renewed every 2 s)


def _database_url() -> str:
    """The test database pytest-django created, for the worker processes."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def _subscribed_bill(count: int = DELIVERIES):
    bill = BillFactory(short_title="Example Bill")
    subscribers = Subscriber.objects.bulk_create(
        [Subscriber(email=f"subscriber{n}@example.org") for n in range(count)])
    Subscription.objects.bulk_create([Subscription(subscriber=s, target_kind="bill", bill=bill,
                                                   status=Subscription.Status.CONFIRMED) for s in subscribers])
    return bill


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_batch_neither_loses_nor_repeats_a_delivery(settings):
    bill = _subscribed_bill()
    dead_worker = {}

    def kill_the_worker_during_message(envelope) -> bool:
        if sink.count + 1 == KILL_AT and "killed" not in dead_worker:
            dead_worker["killed"] = dead_worker["process"].kill() or dead_worker["process"].wait(timeout=30)
            return False  # never accepted: the dead worker's N is still owed
        return True

    with SmtpSink(before_accept=kill_the_worker_during_message) as sink:
        worker_env = _worker_env(sink)
        with celery_worker(**worker_env) as (queue, worker):
            dead_worker["process"] = worker
            settings.ALERTS_TASK_QUEUE = queue
            # As bill_store does: the event, and its 2,000 deliveries, in one transaction;
            # the send task is enqueued when it commits.
            event_record(kind=ChangeEvent.Kind.STAGE_CHANGED, bill=bill,
                         summary="Example Bill: moved to Commons Report stage", detail={})
            assert Delivery.objects.count() == DELIVERIES
            # Generous: on a loaded CI machine 619 messages can take minutes; what is asserted
            # is what was sent, never how fast.
            _wait_until(lambda: "killed" in dead_worker, timeout=600,  # killed and reaped by the sink's thread
                        waiting_for=lambda: f"the kill at message {KILL_AT}; the sink has {sink.count}")
        assert dead_worker["killed"] == -9  # SIGKILL
        sent_before_kill = Delivery.objects.filter(status=OutboxItem.Status.SENT).count()
        assert sent_before_kill == sink.count == KILL_AT - 1

        with ExitStack() as workers:
            for _ in range(2):  # two workers at once, on the same queue
                workers.enter_context(celery_worker(queue=queue, **worker_env))
            deadline = time.monotonic() + 600
            while sink.count < DELIVERIES and time.monotonic() < deadline:
                tasks.deliveries_send.apply_async(queue=queue)  # what beat does every minute
                time.sleep(1)
            assert tasks.deliveries_send.apply_async(queue=queue).get(timeout=60) == 0  # nothing left to send

    message_ids = sink.message_ids()
    assert len(message_ids) == DELIVERIES
    assert sorted(message_ids) == sorted(d.message_id for d in Delivery.objects.all())
    assert set(Delivery.objects.values_list("status", flat=True)) == {OutboxItem.Status.SENT}
    # The rest of the dead worker's batch came back when its lease ran out and was claimed again.
    attempts = list(Delivery.objects.order_by("pk").values_list("attempts", flat=True))
    assert min(attempts[KILL_AT - 1:3 * BATCH]) >= 2


WORST_KILLS_DELIVERIES = 1_000


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_after_the_server_accepted_a_message_costs_at_most_one_duplicate(settings):
    """The worst moment: the sink has message N, the worker has not heard so and has not
    marked it sent. Nothing is lost; N comes twice with one Message-ID; on the default lease
    (ALERTS_CLAIM_LEASE_SECONDS) and sweep (ALERTS_SWEEP_SECONDS), the rest of the dead
    worker's batch is sent within a minute of the last delivery the dead worker marked sent."""
    bill = _subscribed_bill(WORST_KILLS_DELIVERIES)
    dead_worker = {}

    def kill_the_worker_once_the_sink_has_it(envelope) -> None:
        if sink.count == KILL_AT and "killed" not in dead_worker:
            dead_worker["message_id"] = sink.message_ids()[-1]
            dead_worker["killed"] = dead_worker["process"].kill() or dead_worker["process"].wait(timeout=30)

    with SmtpSink(after_accept=kill_the_worker_once_the_sink_has_it) as sink:
        worker_env = _worker_env(sink, lease=None)  # the default lease
        with celery_worker(**worker_env) as (queue, worker):
            dead_worker["process"] = worker
            settings.ALERTS_TASK_QUEUE = queue
            event_record(kind=ChangeEvent.Kind.STAGE_CHANGED, bill=bill,
                         summary="Example Bill: moved to Commons Report stage", detail={})
            _wait_until(lambda: "killed" in dead_worker, timeout=600,  # killed and reaped by the sink's thread
                        waiting_for=lambda: f"the kill after message {KILL_AT}; the sink has {sink.count}")
        assert dead_worker["killed"] == -9
        sending = Delivery.objects.get(status=OutboxItem.Status.SENDING)  # N, which the sink has
        dead_batch = list(Delivery.objects.filter(claim_token=sending.claim_token).values_list("pk", flat=True))
        last_word = max(Delivery.objects.exclude(sent_at=None).values_list("sent_at", flat=True))

        with celery_worker(queue=queue, **worker_env):
            # Generous, for a loaded machine: what is asserted is the deliveries' own recorded times.
            deadline = time.monotonic() + 600
            while sink.count < WORST_KILLS_DELIVERIES + 1 and time.monotonic() < deadline:
                tasks.deliveries_send.apply_async(queue=queue)  # what beat does every ALERTS_SWEEP_SECONDS
                time.sleep(django_settings.ALERTS_SWEEP_SECONDS)

    message_ids = sink.message_ids()
    assert sorted(set(message_ids)) == sorted(d.message_id for d in Delivery.objects.all())  # none lost
    duplicates = [mid for mid in set(message_ids) if message_ids.count(mid) > 1]
    assert duplicates == [dead_worker["message_id"]] and message_ids.count(duplicates[0]) == 2
    assert set(Delivery.objects.values_list("status", flat=True)) == {OutboxItem.Status.SENT}
    assert len(dead_batch) > 1 and sending.pk in dead_batch
    recovered = max(Delivery.objects.filter(pk__in=dead_batch).values_list("sent_at", flat=True))
    assert (recovered - last_word).total_seconds() < 60


def _worker_env(sink, *, lease: int | None = LEASE_SECONDS) -> dict[str, str]:
    """The workers' settings; `lease` None leaves ALERTS_CLAIM_LEASE_SECONDS at its default."""
    return {
        "DATABASE_URL": _database_url(),
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(sink.port),
        "EMAIL_TIMEOUT": "2",
        "ALERTS_SEND_BATCH_SIZE": str(BATCH),
        **({"ALERTS_CLAIM_LEASE_SECONDS": str(lease)} if lease else {}),
    }


def _wait_until(condition, *, timeout: float, waiting_for) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {waiting_for()}"
        time.sleep(0.1)
