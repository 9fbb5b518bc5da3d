"""What the pages need to know about the scrapes behind them."""

from __future__ import annotations

from django.db.models import Exists, OuterRef

from .models import ScrapedBill


def latest_scraped(*, bills_api_id: int, wrote_rows: bool | None = None) -> ScrapedBill | None:
    """The latest run that read the bill (that changed it, with wrote_rows=True)."""
    runs = ScrapedBill.objects.filter(bills_api_id=bills_api_id)
    if wrote_rows is not None:
        runs = runs.filter(wrote_rows=wrote_rows)
    # Run ids grow with their start, and a run reads a bill once: the newest is the first entry
    # of the (bills_api_id, -run) index.
    return runs.select_related("run").order_by("-run_id").first()


def bill_reconstructed(*, bills_api_id: int) -> bool:
    """Whether the latest scrape of the bill replayed a reconstructed snapshot."""
    latest = latest_scraped(bills_api_id=bills_api_id)
    return bool(latest and latest.run.reconstructed)


def all_reconstructed_records() -> dict:
    """`reconstructed_records` of every bill at once (record ids are unique across snapshots):
    what a page links to for a record with a made-up id. One query, reading only the replays of
    reconstructed snapshots (the partial index of them) and, for each, whether a later run read
    the bill: months of hourly live runs are never read."""
    later = ScrapedBill.objects.filter(bills_api_id=OuterRef("bills_api_id"), run_id__gt=OuterRef("run_id"))
    latest = ScrapedBill.objects.filter(run__reconstructed=True).exclude(Exists(later)).select_related("run")
    return {key: record for scraped in latest for key, record in scraped.run.reconstructed_records.items()}


def reconstructed_records(*, bills_api_id: int) -> dict:
    """For a bill whose latest scrape replayed a reconstructed snapshot: per record id (a made-up
    id, a debate's ExtId, or "<debate ExtId>/contribution-<n>"), what the snapshot's manifest
    says of it: "record", "account", "sources" [{"name", "url"}] (link to these, not to
    Parliament's website, for a made-up id), and where given "session_name", "column_reference"
    or "sitting". Empty for a bill scraped live."""
    latest = latest_scraped(bills_api_id=bills_api_id)
    return latest.run.reconstructed_records if latest and latest.run.reconstructed else {}
