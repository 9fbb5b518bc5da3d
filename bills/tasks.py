"""Celery tasks: thin shells over the scrape pipeline. They take ids, never model instances,
and are safe to retry: scraping is idempotent and a bill lock keeps two runs apart."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings

from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape

from .models import Bill


@shared_task(name="bills.tasks.scrape_bill", acks_late=True, autoretry_for=(ConnectionError,),
             retry_backoff=True, max_retries=3)
def scrape_bill(bill_id: int) -> int:
    """Scrape one bill; returns the scrape run's id."""
    snapshot = settings.SCRAPE_SNAPSHOT_DIR or None
    run = scrape(bill_ids=[bill_id], session=build_session(snapshot_dir=snapshot),
                 source=f"snapshot {snapshot}" if snapshot else "live", trigger="task")
    return run.pk


@shared_task(name="bills.tasks.scrape_tracked_bills")
def scrape_tracked_bills() -> list[int]:
    """The periodic task (beat schedule in settings): one scrape_bill task per tracked bill."""
    bill_ids = sorted(set(settings.TRACKED_BILL_IDS)
                      | set(Bill.objects.filter(is_tracked=True).values_list("bills_api_id", flat=True)))
    for bill_id in bill_ids:
        scrape_bill.delay(bill_id)
    return bill_ids
