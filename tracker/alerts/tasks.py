"""Celery tasks: shells over sending.py and services.py, safe to retry and to run on several
workers at once (the outbox claim keeps them apart). acks_late: a task whose worker dies is
delivered again by the broker; its rows come back anyway when their lease runs out."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from . import sending, services
from .dispatch import CONFIRMATION_SEND, DELIVERIES_SEND

# SMTP errors are OSErrors: a server that is down or refusing is retried with backoff.
RETRY = {"acks_late": True, "autoretry_for": (OSError,), "retry_backoff": True, "max_retries": 5}


@shared_task(name=DELIVERIES_SEND, **RETRY)
def deliveries_send() -> int:
    """Send the pending instant alerts. Enqueued when an event commits, and every minute by
    beat, which also picks up rows a dead worker's lease gave back."""
    return sending.deliveries_send()


@shared_task(name="alerts.digests_send", **RETRY)
def digests_send() -> int:
    """Once a day (beat): gather and send the daily digests."""
    services.digests_prepare(digest_date=timezone.localdate())
    return sending.digests_send()


@shared_task(name=CONFIRMATION_SEND, **RETRY)
def confirmation_send(subscription_id: int) -> bool:
    return sending.confirmation_send(subscription_id=subscription_id)


@shared_task(name="alerts.subscriptions_expire")
def subscriptions_expire() -> int:
    """Once a day (beat): forget subscription requests never confirmed."""
    return services.subscriptions_expire()
