"""Services that write alert data: subscribing, confirming, unsubscribing, choosing how
often to hear, expiring unconfirmed requests, and fanning an event out to deliveries."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from tracker.events.models import ChangeEvent

from .dispatch import CONFIRMATION_SEND, DELIVERIES_SEND, enqueue_on_commit
from .models import Delivery, Digest, OutboxItem, Subscriber, Subscription
from .selectors import unsubscribe_scope
from .targets import subscriptions_matching

Status = Subscription.Status


@transaction.atomic
def subscription_request(*, email: str, target_kind: str, target: models.Model) -> None:
    """Ask `email` to confirm alerts on `target`.

    Whatever state the address is in (new, pending, confirmed, unsubscribed) the caller
    learns nothing, and at most one email per address and target goes out per
    ALERTS_CONFIRMATION_RESEND_SECONDS: the stamp is set by a conditional UPDATE, so two
    requests at once cannot both win."""
    subscriber, _ = Subscriber.objects.get_or_create(email=email)
    subscription, _ = Subscription.objects.get_or_create(subscriber=subscriber, target_kind=target_kind,
                                                         **{target_kind: target})
    now = timezone.now()
    resend_after = now - dt.timedelta(seconds=settings.ALERTS_CONFIRMATION_RESEND_SECONDS)
    due = Subscription.objects.filter(Q(confirmation_sent_at__isnull=True) | Q(confirmation_sent_at__lte=resend_after),
                                      pk=subscription.pk)
    changes = {"confirmation_sent_at": now}
    if subscription.status != Status.CONFIRMED:
        changes.update(status=Status.PENDING, requested_at=now)
    if due.update(**changes):
        enqueue_on_commit(CONFIRMATION_SEND, subscription.pk)


def subscription_confirm(*, subscription_id: int) -> Subscription | None:
    """Confirm a pending subscription (again: a no-op). None when there is nothing to
    confirm: the request expired and was removed, or the address unsubscribed since."""
    Subscription.objects.filter(pk=subscription_id, status=Status.PENDING).update(
        status=Status.CONFIRMED, confirmed_at=timezone.now())
    return (Subscription.objects.filter(pk=subscription_id, status=Status.CONFIRMED)
            .select_related("subscriber").first())


def subscriptions_unsubscribe(*, subscriber_id: int, subscription_id: int | None = None) -> int:
    """Stop one subscription, or all of a subscriber's. Deliveries not yet sent are cancelled
    by the sender when it reaches them."""
    return unsubscribe_scope(subscriber_id=subscriber_id, subscription_id=subscription_id).update(
        status=Status.UNSUBSCRIBED, unsubscribed_at=timezone.now())


def subscriber_frequency_set(*, subscriber_id: int, frequency: str) -> None:
    """Changes to come follow the new choice; deliveries already made keep their channel."""
    Subscriber.objects.filter(pk=subscriber_id).update(frequency=frequency)


@transaction.atomic
def subscriptions_expire(*, now: dt.datetime | None = None) -> int:
    """Delete requests never confirmed in time, and addresses left with nothing to follow."""
    cutoff = (now or timezone.now()) - dt.timedelta(hours=settings.ALERTS_CONFIRM_MAX_AGE_HOURS)
    expired, _ = Subscription.objects.filter(status=Status.PENDING, requested_at__lt=cutoff).delete()
    Subscriber.objects.filter(subscriptions=None).delete()
    return expired


def deliveries_create(*, event: ChangeEvent) -> int:
    """The outbox write, in the transaction that records `event`: one delivery per subscriber
    following any target of the event (a subscriber following both the bill and a member
    it names still gets one email), instant or for the digest as the subscriber chose."""
    matches = (Subscription.objects.filter(subscriptions_matching(event), status=Status.CONFIRMED)
               .order_by("subscriber_id", "pk").values_list("pk", "subscriber_id", "subscriber__frequency"))
    deliveries, seen = [], set()
    for subscription_id, subscriber_id, frequency in matches.iterator(chunk_size=2000):
        if subscriber_id in seen:
            continue
        seen.add(subscriber_id)
        channel = Delivery.Channel.DIGEST if frequency == Subscriber.Frequency.DAILY else Delivery.Channel.INSTANT
        deliveries.append(Delivery(subscription_id=subscription_id, event=event, channel=channel))
    Delivery.objects.bulk_create(deliveries, batch_size=1000)
    if any(d.channel == Delivery.Channel.INSTANT for d in deliveries):
        enqueue_on_commit(DELIVERIES_SEND)
    return len(deliveries)


def digests_prepare(*, digest_date: dt.date) -> int:
    """Gather each daily subscriber's waiting changes into that day's digest. A subscriber
    with no change gets no digest; one whose digest for the day is already out keeps the
    rest for the next day's. Returns how many digests took changes."""
    waiting = Delivery.objects.filter(channel=Delivery.Channel.DIGEST, status=OutboxItem.Status.PENDING, digest=None)
    prepared = 0
    for subscriber_id in list(waiting.values_list("subscription__subscriber_id", flat=True).distinct()):
        with transaction.atomic():
            digest, _ = Digest.objects.get_or_create(subscriber_id=subscriber_id, digest_date=digest_date)
            if digest.status == OutboxItem.Status.PENDING:
                prepared += waiting.filter(subscription__subscriber_id=subscriber_id).update(digest=digest) > 0
    return prepared
