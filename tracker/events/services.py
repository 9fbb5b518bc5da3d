"""Recording change events. Callers run inside the store's transaction, so an event exists
exactly when the change it reports was stored, and so do the alert deliveries it owes (the
alerts app writes them on `event_recorded`, in the same transaction)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from .models import ChangeEvent
from .signals import event_recorded


@transaction.atomic
def event_record(*, kind: str, bill, summary: str, detail: dict, occurred_on: dt.date | None = None,
                 scrape_run=None, evidence_url: str = "", member=None, clause=None) -> ChangeEvent:
    event = ChangeEvent.objects.create(
        kind=kind, bill=bill, member=member, clause=clause, summary=summary, detail=detail,
        occurred_on=occurred_on, scrape_run=scrape_run, evidence_url=evidence_url,
    )
    event_recorded.send(sender=ChangeEvent, event=event)
    return event
