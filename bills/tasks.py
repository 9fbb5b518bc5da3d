"""Celery tasks: thin shells over the scrape pipeline. They take ids, never model instances,
and are safe to retry: scraping is idempotent and a bill lock keeps two runs apart."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings

from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape, session_discover

from .models import Bill


@shared_task(name="bills.tasks.scrape_bill", acks_late=True, autoretry_for=(ConnectionError,),
             retry_backoff=True, max_retries=3)
def scrape_bill(bill_id: int) -> int:
    """Scrape one bill; returns the scrape run's id."""
    session, source = _source()
    return scrape(bill_ids=[bill_id], session=session, source=source, trigger="task").pk


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
    for bill_id in bill_ids:
        scrape_bill.delay(bill_id)
    return bill_ids
