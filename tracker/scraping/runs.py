"""The scrape-run record, kept up to date while a run goes on."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from contextlib import contextmanager

from django.conf import settings
from django.utils import timezone

from tracker.http.fetch import FetchError
from tracker.parsing import ParseError

from .counts import StoreCounts
from .loss_guard import LargeLoss, held_back_record
from .models import ScrapeProblem, ScrapeRun

logger = logging.getLogger(__name__)


class RunRecorder:
    """Collects counts and problems for one ScrapeRun; each problem is saved as it happens."""

    def __init__(self, run: ScrapeRun) -> None:
        self.run = run
        self.step = ""

    @classmethod
    def start(cls, *, source: str, bill_ids: Iterable[int], trigger: str, reconstructed: bool = False,
              reconstructed_records: dict | None = None) -> "RunRecorder":
        return cls(ScrapeRun.objects.create(source=source, bill_ids=list(bill_ids), trigger=trigger,
                                            reconstructed=reconstructed,
                                            reconstructed_records=reconstructed_records or {},
                                            heartbeat_at=timezone.now()))

    def beat(self) -> None:
        """A sign of life, so the stale-run sweep leaves this run alone."""
        self.run.heartbeat_at = timezone.now()
        ScrapeRun.objects.filter(pk=self.run.pk).update(heartbeat_at=self.run.heartbeat_at)

    def add(self, counts: StoreCounts) -> None:
        self.run.created += counts.created
        self.run.updated += counts.updated
        self.run.unchanged += counts.unchanged
        self.run.failed += counts.failed

    @property
    def written(self) -> int:
        """Rows created or updated so far."""
        return self.run.created + self.run.updated

    def problem(self, kind: str, message: str, *, url: str = "") -> None:
        if kind == ScrapeProblem.Kind.NOT_FOUND:
            self.run.missing += 1
        else:
            self.run.failed += 1
        logger.warning("%s [%s] %s %s", kind, self.step, message, url)
        ScrapeProblem.objects.create(run=self.run, kind=kind, step=self.step, url=url, message=message)

    def fetch_failed(self, error: FetchError) -> None:
        kind = ScrapeProblem.Kind.NOT_FOUND if error.not_found else ScrapeProblem.Kind.FETCH_FAILED
        self.problem(kind, str(error), url=error.url)

    def parse_errors(self, errors: Iterable[ParseError], *, url: str) -> None:
        for error in errors:
            self.problem(ScrapeProblem.Kind.PARSE_ERROR, str(error), url=url)

    @contextmanager
    def fetching(self, *, url_hint: str = ""):
        """Record a failed fetch, an unreadable document, a large loss held back or a record
        that could not be stored (an integrity error, a database lock) and let the run go on.

        The caller's block is abandoned, so nothing half-read reaches the store; a store that
        failed rolled its own transaction back."""
        try:
            yield
        except FetchError as error:
            self.fetch_failed(error)
        except ParseError as error:
            self.parse_errors([error], url=url_hint)
        except LargeLoss as loss:
            self.loss_held_back(loss, url_hint=url_hint)
        except Exception as error:  # noqa: BLE001 (one record's failure must not end the run)
            logger.exception("could not store %s", url_hint)
            self.problem(ScrapeProblem.Kind.STORE_FAILED, f"{type(error).__name__}: {error}", url=url_hint)

    def loss_held_back(self, loss: LargeLoss, *, url_hint: str = "") -> None:
        """A store step stopped by the guard on large losses: its rows kept, editors asked."""
        held_back_record(loss, run=self.run)
        self.problem(ScrapeProblem.Kind.LARGE_LOSS, str(loss), url=loss.guarded.url or url_hint)

    def finish(self) -> ScrapeRun:
        run = self.run
        run.finished_at = timezone.now()
        if run.failed:
            run.status = ScrapeRun.Status.PARTIAL
        else:
            run.status = ScrapeRun.Status.SUCCEEDED
        run.save()
        return run

    def abort(self, reason: str, *, kind: str = ScrapeProblem.Kind.FETCH_FAILED) -> ScrapeRun:
        self.problem(kind, reason)
        self.run.status = ScrapeRun.Status.FAILED
        self.run.finished_at = timezone.now()
        self.run.save()
        return self.run


def stale_runs_sweep(*, now: dt.datetime | None = None) -> int:
    """Mark failed the runs still "running" whose process gave no sign of life for
    SCRAPE_STALE_SECONDS (it was killed): every run ends in a final state."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(seconds=settings.SCRAPE_STALE_SECONDS)
    stale = list(ScrapeRun.objects.filter(status=ScrapeRun.Status.RUNNING, heartbeat_at__lt=cutoff))
    for run in stale:
        RunRecorder(run).abort(f"no sign of life since {run.heartbeat_at:%Y-%m-%d %H:%M:%S %Z}: the process "
                               "running it stopped", kind=ScrapeProblem.Kind.INTERRUPTED)
    return len(stale)
