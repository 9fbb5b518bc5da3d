"""Benchmark the scrape pipeline: the bundled Procurement Bill snapshot replayed into a fresh
database, twice.

    .venv/bin/python bench/scrape.py

Runs the real `scrape()` (every step of tracker.scraping.pipeline.STEPS) with a replay session
from tracker.http.client.build_session, on the embedded default (SQLite, tasks in-process) in a
throwaway database under /tmp. The first run loads the bill; the second replays the same data
and should write no row. For each run it prints the total time, the counts the ScrapeRun
recorded, and the time of each step (from one on_step call to the next; the last step runs
until scrape() returns, so it includes closing the run record). The step functions are
imported before the first run, so import time is not counted; SQL statements are captured
(CaptureQueriesContext), which costs a few microseconds each; the replay adapter reads each
body from disk, so fetch time here is file reading and JSON decoding, with no network.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench._django import configure_django  # noqa: E402

SNAPSHOT = REPO / "data" / "snapshots" / "procurement-bill-2022-23"
COUNTS = ("created", "updated", "unchanged", "failed", "missing")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-scrape-") as directory:
        configure_django(Path(directory) / "bench.sqlite3")
        _import_steps()
        first, second = _timed_scrape(), _timed_scrape()
    print(f"snapshot: {SNAPSHOT.relative_to(REPO)}")
    print(f"{'':<22} {'first load':>12} {'second run':>12}")
    print(f"{'total':<22} {first.seconds:>10.2f} s {second.seconds:>10.2f} s")
    for name in COUNTS:
        print(f"{'rows ' + name:<22} {getattr(first.run, name):>12,} {getattr(second.run, name):>12,}")
    print(f"{'problems recorded':<22} {first.run.problems.count():>12} {second.run.problems.count():>12}")
    print(f"{'SQL statements':<22} {first.statements:>12,} {second.statements:>12,}")
    print(f"{'SQL data writes':<22} {first.data_writes:>12,} {second.data_writes:>12,}")
    print(f"{'status':<22} {first.run.status:>12} {second.run.status:>12}")
    print("per step (ms):")
    for (step, first_seconds), (_, second_seconds) in zip(first.steps, second.steps, strict=True):
        print(f"  {step:<20} {first_seconds * 1000:>12.1f} {second_seconds * 1000:>12.1f}")


def _import_steps() -> None:
    from django.utils.module_loading import import_string

    from tracker.scraping.pipeline import STEPS

    for step in STEPS:
        import_string(step.function)


class TimedScrape:
    """One scrape() run: its ScrapeRun, its total seconds, (step label, seconds) per step, and
    the SQL statements it ran, of which data writes (INSERT/UPDATE/DELETE outside the
    scrape-run tables, as tests/bills/test_bill_scrape.py counts them)."""

    def __init__(self) -> None:
        self.run = None
        self.seconds = 0.0
        self.statements = 0
        self.data_writes = 0
        self.steps: list[tuple[str, float]] = []
        self._label = ""
        self._since = 0.0

    def on_step(self, label: str) -> None:
        self._close_step()
        self._label, self._since = label, time.perf_counter()

    def finish(self, run, started: float, queries: list[dict]) -> None:
        self._close_step()
        self.run, self.seconds = run, time.perf_counter() - started
        self.statements = len(queries)
        self.data_writes = sum(1 for q in queries if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")
                               and "scraping_" not in q["sql"])

    def _close_step(self) -> None:
        if self._label:
            self.steps.append((self._label, time.perf_counter() - self._since))


def _timed_scrape() -> TimedScrape:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tracker.http.client import build_session
    from tracker.http.snapshot import read_manifest
    from tracker.scraping.pipeline import scrape

    timed = TimedScrape()
    manifest = read_manifest(SNAPSHOT)
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        run = scrape(bill_ids=manifest["bills"], session=build_session(snapshot_dir=SNAPSHOT),
                     source=f"snapshot {SNAPSHOT}", reconstructed=bool(manifest.get("reconstructed")),
                     trigger="benchmark", on_step=timed.on_step)
    timed.finish(run, started, queries.captured_queries)
    return timed


if __name__ == "__main__":
    main()
