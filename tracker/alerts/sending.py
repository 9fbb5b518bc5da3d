"""Sending what the outbox holds: claim a batch, send each email through Django's email
backend over one connection per batch, outside any transaction, marking each one "sending"
before its SMTP call and "sent" once the server has accepted it, in the same write that marks
the next one "sending" (one write per email).

The guarantee: nothing is lost, and a worker that dies costs at most one duplicate, which
carries the same Message-ID (the row's id) so mail clients can fold it. A row is sent only
under a live claim (outbox.py), renewed while the batch runs, and marked sent by that
claim's token before the next message starts. A thread renews the lease every quarter lease
while the batch runs (however long one SMTP call takes); a worker whose renewals fail stops
sending from the batch with half its lease left. A worker that dies leaves its rows pending and
at most one "sending"; the lease runs out and the next sweep (beat, every
ALERTS_SWEEP_SECONDS) claims them all, resending the "sending" one because the server may
have accepted it before the worker died. No design can close that window: it lies between
the server's acceptance and the mark-sent write.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from .emails import Addressed, EventEmails, confirmation_email, digest_email
from .models import Delivery, Digest, OutboxItem, Subscription
from .outbox import Claim, LeaseKeeper, outbox_claim, outbox_mark, outbox_release

logger = logging.getLogger(__name__)
Status = OutboxItem.Status
CONFIRMED = Subscription.Status.CONFIRMED


def _claim(rows: QuerySet) -> Claim:
    return outbox_claim(rows=rows, batch_size=settings.ALERTS_SEND_BATCH_SIZE,
                        lease=dt.timedelta(seconds=settings.ALERTS_CLAIM_LEASE_SECONDS),
                        max_attempts=settings.ALERTS_MAX_ATTEMPTS)


Mark = Callable[[Claim, dict[int, str]], set[int]]


def _send(connection: BaseEmailBackend, addressed: Addressed) -> None:
    """Through Django's backend; or, on its SMTP connection, the email's prebuilt bytes with
    this recipient's parts patched in (the same email, without building a MIME tree per
    recipient: that was most of the cost of a fan-out)."""
    if isinstance(connection, SmtpBackend) and connection.connection and (wire := addressed.wire()):
        connection.connection.sendmail(wire.sender, wire.recipients, wire.content)
    else:
        connection.send_messages([addressed.email()])


def _send_claimed(claim: Claim, model: type[OutboxItem], messages: Iterable[tuple[int, Addressed | None]],
                  mark: Mark) -> int:
    """Send each (row id, message) of the claim over one connection; a None message cancels
    its row. Each email's outcome is written with the next one's "sending", in one statement
    (the last one's when the batch ends). Returns how many were sent."""
    sent = 0
    lease = dt.timedelta(seconds=settings.ALERTS_CLAIM_LEASE_SECONDS)
    outcomes: dict[int, str] = {}  # not yet written
    try:
        with LeaseKeeper(rows=model.objects.all(), claim=claim, lease=lease) as keeper, get_connection() as connection:
            for pk, message in messages:
                if message is None:
                    outcomes[pk] = Status.CANCELLED
                    continue
                if keeper.claim.time_left() < lease / 2:  # renewals are failing: stop before the lease can lapse
                    logger.warning("alerts: the lease is not being renewed; the rest of the batch goes to the next claim")
                    break
                marked = mark(claim, {**outcomes, pk: Status.SENDING})
                sent += _sent_count(model, outcomes, marked)
                outcomes = {}
                if pk not in marked:
                    logger.error("alerts: the claim on %s %s was lost before sending", model.__name__, pk)
                    break
                try:
                    _send(connection, message)
                except smtplib.SMTPRecipientsRefused:
                    outcomes[pk] = Status.FAILED
                    continue
                outcomes[pk] = Status.SENT
    finally:
        try:
            sent += _sent_count(model, outcomes, mark(claim, outcomes))
        finally:
            outbox_release(rows=model.objects.all(), claim=claim)
    return sent


def _sent_count(model: type[OutboxItem], outcomes: dict[int, str], marked: set[int]) -> int:
    """How many of `outcomes` were emails sent and recorded as sent; an email sent whose
    record failed (its claim was lost meanwhile) is logged."""
    count = 0
    for pk, status in outcomes.items():
        if status != Status.SENT:
            continue
        if pk in marked:
            count += 1
        else:
            logger.error("alerts: %s %s was sent after its claim was lost", model.__name__, pk)
    return count


def _drain(rows: QuerySet, send_batch: Callable[[Claim], int]) -> int:
    sent = 0
    while (claim := _claim(rows)).ids:
        sent += send_batch(claim)
    return sent


def deliveries_send() -> int:
    """Send every pending instant delivery, batch by batch; returns how many were sent."""
    return _drain(Delivery.objects.filter(channel=Delivery.Channel.INSTANT), _deliveries_batch_send)


def _deliveries_batch_send(claim: Claim) -> int:
    deliveries = Delivery.objects.filter(pk__in=claim.ids).select_related("subscription__subscriber").order_by("pk")
    emails = EventEmails()
    messages = ((d.pk, emails.instant(d) if d.subscription.status == CONFIRMED else None) for d in deliveries)
    return _send_claimed(claim, Delivery, messages, _delivery_mark)


def _delivery_mark(claim: Claim, statuses: dict[int, str]) -> set[int]:
    return outbox_mark(model=Delivery, claim=claim, statuses=statuses)


def digests_send() -> int:
    """Send every prepared digest; returns how many were sent."""
    return _drain(Digest.objects.all(), _digests_batch_send)


def _digests_batch_send(claim: Claim) -> int:
    digests = Digest.objects.filter(pk__in=claim.ids).select_related("subscriber").order_by("pk")
    gathered = Delivery.objects.filter(digest__in=claim.ids, status=Status.PENDING)
    gathered.exclude(subscription__status=CONFIRMED).update(status=Status.CANCELLED)
    by_digest: dict[int, list[Delivery]] = {}
    for delivery in gathered.select_related("subscription").order_by(
            "subscription__target_kind", "subscription_id", "event__detected_at", "pk"):
        by_digest.setdefault(delivery.digest_id, []).append(delivery)
    emails = EventEmails()
    messages = ((d.pk, digest_email(digest=d, deliveries=by_digest[d.pk], emails=emails) if d.pk in by_digest
                 else None) for d in digests)
    return _send_claimed(claim, Digest, messages, _digest_mark)


@transaction.atomic
def _digest_mark(claim: Claim, statuses: dict[int, str]) -> set[int]:
    """A digest's changes share its fate, in the same transaction: sent with it, or not."""
    marked = outbox_mark(model=Digest, claim=claim, statuses=statuses)
    for status in {statuses[pk] for pk in marked} - {Status.SENDING}:
        Delivery.objects.filter(digest_id__in=[pk for pk in marked if statuses[pk] == status],
                                status=Status.PENDING).update(
            status=status, sent_at=timezone.now() if status == Status.SENT else None)
    return marked


def confirmation_send(*, subscription_id: int) -> bool:
    """The confirmation email (not an outbox row: a lost one is asked for again by
    subscribing again). False if the request is gone or unsubscribed."""
    subscription = (Subscription.objects.exclude(status=Subscription.Status.UNSUBSCRIBED)
                    .select_related("subscriber", "bill", "member").filter(pk=subscription_id).first())
    if subscription is None:
        return False
    confirmation_email(subscription=subscription).send()
    return True
