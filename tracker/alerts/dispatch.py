"""Enqueueing alert tasks once the transaction that made work for them has committed.

Tasks are looked up by name, so the services that enqueue them need not import tasks.py
(which imports them). ALERTS_TASK_QUEUE routes alert mail to a queue of its own when set.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from tracker.celery import app

DELIVERIES_SEND = "alerts.deliveries_send"
CONFIRMATION_SEND = "alerts.confirmation_send"


def enqueue(task_name: str, *args) -> None:
    app.tasks[task_name].apply_async(args=args, queue=settings.ALERTS_TASK_QUEUE or None)


def enqueue_on_commit(task_name: str, *args) -> None:
    """After commit, so the worker sees the rows; robust, so a broker outage cannot undo or
    break the caller's work (the beat sweep sends what is left pending)."""
    transaction.on_commit(lambda: enqueue(task_name, *args), robust=True)
