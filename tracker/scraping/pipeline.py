"""The ordered list of scrape steps, and the one function that runs them.

Order lives here and nowhere else. Each step is a service function in its app that takes
the run's context (and a bill id, for per-bill steps); the `scrape` command and the Celery
tasks both call `scrape()`, so they cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import requests
from django.utils.module_loading import import_string

from tracker.pagecache import versions_bump

from .locks import held
from .loss_guard import tally_start
from .models import ScrapeProblem, ScrapeRun
from .runs import RunRecorder, stale_runs_sweep


@dataclass(frozen=True)
class Step:
    name: str
    function: str  # dotted path, imported when the step runs
    per_bill: bool = True


STEPS: tuple[Step, ...] = (
    Step("bill types", "bills.scrape.bill_types_scrape", per_bill=False),
    Step("stage types", "bills.scrape.stage_types_scrape", per_bill=False),
    Step("bill", "bills.scrape.bill_scrape"),
    Step("amendments", "amendments.scrape.amendments_scrape"),
    Step("divisions", "amendments.scrape.divisions_scrape"),
    Step("hansard", "tracker.hansard.scrape.debates_scrape"),
    Step("clauses", "tracker.clauses.derive.clauses_derive"),
    Step("search", "tracker.search.index.search_documents_refresh"),
)
# For one bill's task in a pass that read the bill and stage types once before handing out tasks.
BILL_STEPS = tuple(step for step in STEPS if step.per_bill)


# Finds the bills the source changed since a time: (context, since) -> [bill id].
DISCOVER_UPDATED = "bills.scrape.bills_updated_since"
# Finds a session's bills worth scraping (the current session's for None): (context, session id) -> [bill id].
DISCOVER_SESSION = "bills.scrape.session_bills_changed"
CURRENT_SESSION = "current"


@dataclass
class ScrapeContext:
    session: requests.Session
    recorder: RunRecorder
    written_before_bill: int = 0

    def bill_started(self) -> None:
        self.written_before_bill = self.recorder.written
        tally_start()

    def wrote_for_bill(self) -> bool:
        """Whether this run has created or updated a row since the current bill's steps began:
        derivations read only stored rows, so without a write they would find what they left."""
        return self.recorder.written > self.written_before_bill


@contextmanager
def bill_lock(bill_id: int) -> Iterator[bool]:
    """True when this run may scrape the bill; False while another live run holds it."""
    with held(f"scrape:bill:{bill_id}") as acquired:
        yield acquired


def scrape(
    *,
    bill_ids: Iterable[int],
    session: requests.Session,
    source: str,
    reconstructed: bool = False,
    reconstructed_records: dict | None = None,
    trigger: str = "command",
    steps: tuple[Step, ...] = STEPS,
    updated_since: dt.datetime | None = None,
    session_id: int | str | None = None,
    on_step: Callable[[str], None] | None = None,
) -> ScrapeRun:
    """Run every step for every bill (and, with `updated_since`, every bill the source
    changed since then; with `session_id`, an id or CURRENT_SESSION, every bill of that
    session the source changed since it was scraped), recording counts and problems on one ScrapeRun.

    No exception ends the run: a step that fails is recorded and the next one runs. The run
    always ends in a final state; if the process is stopped, as "failed" on the way out, and
    if it is killed, by the stale-run sweep that every later run starts with."""
    stale_runs_sweep()
    bill_ids = list(bill_ids)
    recorder = RunRecorder.start(source=source, bill_ids=bill_ids, trigger=trigger, reconstructed=reconstructed,
                                 reconstructed_records=reconstructed_records)
    context = ScrapeContext(session=session, recorder=recorder)
    try:
        if updated_since is not None:
            recorder.step = "bills updated"
            with recorder.fetching():
                bill_ids += import_string(DISCOVER_UPDATED)(context, updated_since)
        if session_id is not None:
            recorder.step = "session bills"
            with recorder.fetching():
                bill_ids += _session_bills(context, session_id)
        bill_ids = list(dict.fromkeys(bill_ids))
        recorder.run.bill_ids = bill_ids
        for step in (s for s in steps if not s.per_bill):
            _run_step(context, step, on_step)
        if recorder.written:
            versions_bump()  # bill or stage types changed: the pages naming them
        for bill_id in bill_ids:
            with bill_lock(bill_id) as acquired:
                if not acquired:
                    recorder.step = "lock"
                    recorder.problem(ScrapeProblem.Kind.LOCKED, f"bill {bill_id} is being scraped by another run")
                    continue
                context.bill_started()
                for step in (s for s in steps if s.per_bill):
                    _run_step(context, step, on_step, bill_id)
                if context.wrote_for_bill():
                    versions_bump(bill_ids=[bill_id])  # its pages, and the pages listing bills
    except BaseException as stopped:  # interrupted (Ctrl-C, SIGTERM): say so before stopping
        recorder.abort(f"stopped: {type(stopped).__name__}: {stopped}", kind=ScrapeProblem.Kind.INTERRUPTED)
        raise
    return recorder.finish()


def session_discover(*, session: requests.Session, source: str, session_id: int | str,
                     trigger: str = "task") -> ScrapeRun:
    """A run that only finds the session's bills worth scraping (its bill_ids), for the
    periodic pass to hand out one task per bill."""
    recorder = RunRecorder.start(source=source, bill_ids=[], trigger=trigger)
    recorder.run.bill_ids = _session_bills(ScrapeContext(session=session, recorder=recorder), session_id)
    return recorder.finish()


def _session_bills(context: ScrapeContext, session_id: int | str) -> list[int]:
    context.recorder.step = "session bills"
    return import_string(DISCOVER_SESSION)(context, None if session_id == CURRENT_SESSION else int(session_id))


def _run_step(context: ScrapeContext, step: Step, on_step, *args) -> None:
    context.recorder.step = step.name
    context.recorder.beat()
    if on_step:
        on_step(f"{step.name} {args[0]}" if args else step.name)
    with context.recorder.fetching(url_hint=f"bill {args[0]}" if args else ""):
        import_string(step.function)(context, *args)


def per_bill_step_count(bill_count: int, steps: tuple[Step, ...] = STEPS) -> int:
    return sum(bill_count if step.per_bill else 1 for step in steps)
