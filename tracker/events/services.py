"""Recording change events. Callers run inside the store's transaction, so an event exists
exactly when the change it reports was stored."""

from __future__ import annotations

import datetime as dt

from .models import ChangeEvent


def event_record(*, kind: str, bill, summary: str, detail: dict, occurred_on: dt.date | None = None,
                 scrape_run=None, evidence_url: str = "", member=None) -> ChangeEvent:
    return ChangeEvent.objects.create(
        kind=kind, bill=bill, member=member, summary=summary[:500], detail=detail,
        occurred_on=occurred_on, scrape_run=scrape_run, evidence_url=evidence_url,
    )
