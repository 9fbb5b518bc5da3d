"""Celery tasks: thin shells over the scrape pipeline. They take ids, never model instances,
and are safe to retry: scraping is idempotent and a bill lock keeps two runs apart."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings

from tracker.http.client import build_session
from tracker.scraping.pipeline import BILL_STEPS, STEPS, scrape, session_discover

from .models import Bill


@shared_task(name="bills.tasks.scrape_bill", acks_late=True, autoretry_for=(ConnectionError,),
             retry_backoff=True, max_retries=3)
def scrape_bill(bill_id: int, reference: bool = True) -> int:
    """Scrape one bill; returns the scrape run's id. With `reference` False it leaves out the
    bill and stage types, which the pass handing out the task has just read."""
    session, source = _source()
    return scrape(bill_ids=[bill_id], session=session, source=source, trigger="task",
                  steps=STEPS if reference else BILL_STEPS).pk


def bills_hand_out(bill_ids: list[int]) -> list:
    """Read the bill and stage types once, in a run of their own, then hand out one
    scrape_bill task per bill that leaves them out: a pass over 300 bills reads them once,
    not 300 times. Returns the tasks' results."""
    session, source = _source()
    scrape(bill_ids=[], session=session, source=source, trigger="task")
    return [scrape_bill.delay(bill_id, reference=False) for bill_id in bill_ids]


def _source() -> tuple:
    snapshot = settings.SCRAPE_SNAPSHOT_DIR or None
    return build_session(snapshot_dir=snapshot), f"snapshot {snapshot}" if snapshot else "live"


@shared_task(name="bills.tasks.scrape_tracked_bills")
def scrape_tracked_bills() -> list[int]:
    """The periodic task (beat schedule in settings): one scrape_bill task per bill, spread
    over however many workers consume the scrape queue. With SCRAPE_SESSION, the bills of that
    session the source changed since they were scraped, and TRACKED_BILL_IDS; without it,
    every tracked bill."""
    tracked = set(settings.TRACKED_BILL_IDS)
    if settings.SCRAPE_SESSION:
        session, source = _source()
        found = session_discover(session=session, source=source, session_id=settings.SCRAPE_SESSION).bill_ids
    else:
        found = Bill.objects.filter(is_tracked=True).values_list("bills_api_id", flat=True)
    bill_ids = sorted(tracked | set(found))
    if bill_ids:
        bills_hand_out(bill_ids)
    return bill_ids
