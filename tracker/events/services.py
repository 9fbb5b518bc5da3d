"""Recording change events. Callers run inside the store's transaction, so an event exists
exactly when the change it reports was stored, and so do the alert deliveries it owes."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from tracker.alerts.services import deliveries_create

from .models import ChangeEvent


@transaction.atomic
def event_record(*, kind: str, bill, summary: str, detail: dict, occurred_on: dt.date | None = None,
                 scrape_run=None, evidence_url: str = "", member=None, clause=None) -> ChangeEvent:
    event = ChangeEvent.objects.create(
        kind=kind, bill=bill, member=member, clause=clause, summary=summary[:500], detail=detail,
        occurred_on=occurred_on, scrape_run=scrape_run, evidence_url=evidence_url,
    )
    deliveries_create(event=event)  # the transactional outbox: one row per subscriber, same transaction
    return event
