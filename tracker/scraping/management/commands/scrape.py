"""`manage.py scrape`: fetch, parse and store the tracked bills, live or from a snapshot."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_date, parse_datetime
from tqdm import tqdm

from tracker.http.client import build_session
from tracker.http.snapshot import read_manifest
from tracker.scraping.models import ScrapeRun
from tracker.scraping.pipeline import CURRENT_SESSION, per_bill_step_count, scrape


class Command(BaseCommand):
    help = "Scrape bills from the UK Parliament sources (live, or replayed from a snapshot)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--bill", type=int, action="append", dest="bills", metavar="ID",
                            help="Bills API id of a bill to scrape (repeatable). Default: the snapshot's bills "
                                 "(its manifest's), else the tracked bills.")
        source = parser.add_mutually_exclusive_group()
        source.add_argument("--snapshot", metavar="DIR", help="Replay responses from this snapshot directory.")
        source.add_argument("--record", metavar="DIR", help="Scrape live and record every response here.")
        parser.add_argument("--updated-since", nargs="?", const="last", metavar="DATE",
                            help="Also scrape every bill the source updated since DATE (ISO 8601), "
                                 "or, with no DATE, since the last scrape run started.")
        parser.add_argument("--session", nargs="?", const=CURRENT_SESSION, metavar="ID", dest="session_id",
                            help="Also scrape every bill of this session (the current one with no ID) that the "
                                 "source changed since it was last scraped cleanly.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, bills=None, snapshot=None, record=None, updated_since=None, session_id=None,
               no_progress=False, **options) -> None:
        if snapshot and not (Path(snapshot) / "index.jsonl").is_file():
            raise CommandError(f"{snapshot} is not a snapshot directory (no index.jsonl).")
        since = self._since(updated_since)
        if session_id not in (None, CURRENT_SESSION) and not session_id.isdigit():
            raise CommandError(f"--session: {session_id!r} is not a session id.")
        discovering = since is not None or session_id is not None
        default = (read_manifest(snapshot).get("bills") if snapshot else None) or settings.TRACKED_BILL_IDS
        bill_ids = bills or ([] if discovering else default)
        session = build_session(snapshot_dir=snapshot, record_dir=record)
        source = f"snapshot {snapshot}" if snapshot else f"live, recording to {record}" if record else "live"
        manifest = read_manifest(snapshot) if snapshot else {}
        with tqdm(total=None if discovering else per_bill_step_count(len(bill_ids)), disable=no_progress, unit="step",
                  file=self.stderr._out) as bar:
            def on_step(label: str) -> None:
                bar.set_description(label)
                bar.update(1)

            run = scrape(bill_ids=bill_ids, session=session, source=source, on_step=on_step, updated_since=since,
                         session_id=session_id,
                         reconstructed=bool(manifest.get("reconstructed")),
                         reconstructed_records=manifest.get("reconstructed_records") or {})
        self._report(run)

    @staticmethod
    def _since(value: str | None) -> dt.datetime | None:
        if value is None:
            return None
        if value == "last":
            last = ScrapeRun.objects.exclude(status=ScrapeRun.Status.RUNNING).order_by("-started_at").first()
            if last is None:
                raise CommandError("--updated-since needs a date: there is no earlier scrape run to start from.")
            return last.started_at
        parsed = parse_datetime(value) or (dt.datetime.combine(parse_date(value), dt.time()) if parse_date(value) else None)
        if parsed is None:
            raise CommandError(f"--updated-since: {value!r} is not an ISO 8601 date or date-time.")
        return parsed

    def _report(self, run: ScrapeRun) -> None:
        summary = (f"Scrape {run.pk} {run.get_status_display().lower()}: {run.created} created, "
                   f"{run.updated} updated, {run.unchanged} unchanged, {run.failed} failed, "
                   f"{run.missing} not found at the source.")
        if run.wrote_nothing:
            summary += " Nothing new: no rows written."
        for problem in run.problems.all():
            self.stderr.write(f"  {problem.get_kind_display()} [{problem.step}] {problem.message}")
        if run.status == ScrapeRun.Status.SUCCEEDED:
            self.stdout.write(self.style.SUCCESS(summary))
        else:
            self.stdout.write(self.style.WARNING(summary))
            raise CommandError("Some records could not be scraped; see the problems above "
                               f"and scrape run {run.pk} in the admin.", returncode=1)
