"""What the pages need to know about the scrapes behind them."""

from __future__ import annotations

from .models import ScrapedBill


def latest_scraped(*, bills_api_id: int, wrote_rows: bool | None = None) -> ScrapedBill | None:
    """The latest run that read the bill (that changed it, with wrote_rows=True)."""
    runs = ScrapedBill.objects.filter(bills_api_id=bills_api_id)
    if wrote_rows is not None:
        runs = runs.filter(wrote_rows=wrote_rows)
    return runs.select_related("run").order_by("-run__started_at", "-pk").first()


def bill_reconstructed(*, bills_api_id: int) -> bool:
    """Whether the latest scrape of the bill replayed a reconstructed snapshot."""
    latest = latest_scraped(bills_api_id=bills_api_id)
    return bool(latest and latest.run.reconstructed)
