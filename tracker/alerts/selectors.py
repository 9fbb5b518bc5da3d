"""The reads alerts need: a feed's events, a bill's next sitting, a subscriber's manage page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from bills.models import Bill, Sitting
from bills.whats_next import bill_over
from tracker.clauses.models import Clause
from tracker.clauses.whats_next import clause_over
from tracker.events.models import ChangeEvent

from .models import Subscriber, Subscription

FEED_LENGTH = 50


def target_events(*, target_kind: str, target: models.Model, limit: int = FEED_LENGTH) -> QuerySet[ChangeEvent]:
    """The newest events about one target: what its feed lists and its subscribers were sent."""
    return (ChangeEvent.objects.filter(**{target_kind: target}).select_related("bill", "member", "clause__bill")
            .order_by("-detected_at", "-pk")[:limit])


@dataclass(frozen=True)
class NextSitting:
    name: str
    house: str
    date: dt.date


def bill_next_sitting(*, bill: Bill, today: dt.date) -> NextSitting | None:
    """The bill's first sitting after today, as the source lists it."""
    sitting = (Sitting.objects.filter(bill_stage__bill=bill, date__gt=today).select_related("bill_stage")
               .order_by("date", "bills_api_id").first())
    if sitting is None:
        return None
    return NextSitting(name=sitting.bill_stage.description, house=sitting.bill_stage.house, date=sitting.date)


def target_over(*, target: models.Model | None) -> str:
    """Why alerts on this target will have nothing more to tell of it in its bill (a clause left
    out, a bill whose passage is over); blank when it can still change. Said when someone subscribes."""
    if isinstance(target, Clause):
        return clause_over(clause=target, bill_finished=bill_over(target.bill))
    if isinstance(target, Bill) and (over := bill_over(target)):
        return f"The bill has {over}: nothing more will happen to it."
    return ""


@dataclass(frozen=True)
class ManagePage:
    subscriber: Subscriber
    subscriptions: list[Subscription]


def manage_page(*, subscriber_id: int) -> ManagePage:
    subscriber = get_object_or_404(Subscriber, pk=subscriber_id)
    subscriptions = list(
        subscriber.subscriptions.filter(status=Subscription.Status.CONFIRMED)
        .select_related("bill", "member").order_by("target_kind", "pk")
    )
    return ManagePage(subscriber=subscriber, subscriptions=subscriptions)


def subscription_awaiting(*, subscription_id: int) -> Subscription | None:
    """The subscription a confirmation link names, unless it has been stopped."""
    return (Subscription.objects.exclude(status=Subscription.Status.UNSUBSCRIBED)
            .select_related("bill", "member").filter(pk=subscription_id).first())


def unsubscribe_scope(*, subscriber_id: int, subscription_id: int | None) -> QuerySet[Subscription]:
    """What an unsubscribe link stops: one subscription, or all of the subscriber's."""
    subscriptions = Subscription.objects.filter(subscriber_id=subscriber_id).exclude(
        status=Subscription.Status.UNSUBSCRIBED).select_related("bill", "member").order_by("target_kind", "pk")
    return subscriptions if subscription_id is None else subscriptions.filter(pk=subscription_id)
