"""Scrape passes over a synthetic session with real Celery workers against Redis and PostgreSQL:
the first pass, then a pass with nothing changed, with 2 workers and then with 1.

    .venv/bin/python bench/workers.py --bills 100 [--amendments 80] [--latency 0.02]
        [--database-url postgres://postgres@127.0.0.1:5432/tracker_bench] [--redis-url redis://127.0.0.1:6379/15]

bench/session.py writes the session, bench/standin.py serves it on 127.0.0.1 with `--latency`
seconds per response, the database is emptied and migrated (give one of its own) and the Redis
database flushed (give one of your own). Each pass reads the bill and stage types once and
enqueues one `scrape_bill` task per bill on a queue of its own, as beat's hourly task does
(`bills_hand_out`), and waits for every result; the workers are
`celery worker --pool=solo` processes started here (one task at a time each) and stopped after.
Rate limit off: the stand-in is ours. Prints one JSON object: per pass its seconds, requests,
rows written and failed, and each pass's workers' peak resident memory (VmHWM). Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

QUEUE = "bench-scrape"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bills", type=int, default=100)
    parser.add_argument("--amendments", type=int, default=80, help="amendments per bill")
    parser.add_argument("--latency", type=float, default=0.02, help="seconds per stand-in response")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/tracker_bench")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/15")
    parser.add_argument("--one-worker", action="store_true", help="also the no-op pass with 1 worker")
    arguments = parser.parse_args()
    print(json.dumps(passes(arguments)))


def passes(arguments) -> dict:
    from bench._django import configure_django
    from bench.session import bill_id_of, write_session
    from bench.standin import StandIn

    with tempfile.TemporaryDirectory(prefix="bench-workers-") as directory, \
            StandIn(write_session(Path(directory) / "session", bills=arguments.bills,
                                  amendments=arguments.amendments), latency=arguments.latency) as stand_in:
        import redis

        redis.Redis.from_url(arguments.redis_url).flushdb()
        configure_django(arguments.database_url, REDIS_URL=arguments.redis_url, HTTP_RATE_LIMIT_PER_SECOND="0",
                         SCRAPE_TASK_QUEUE=QUEUE, LOCK_DIR=str(Path(directory) / "locks"),
                         CONN_MAX_AGE="600",  # as docker-compose.yml: a worker keeps its connection
                         **stand_in.source_settings())
        bill_ids = [bill_id_of(i) for i in range(arguments.bills)]
        found = {"bills": arguments.bills, "amendments": arguments.amendments, "latency": arguments.latency}
        with workers(2) as running:
            found["first"] = one_pass(bill_ids, stand_in, running)
            found["no-op"] = one_pass(bill_ids, stand_in, running)
        if arguments.one_worker:
            with workers(1) as running:
                found["no-op, 1 worker"] = one_pass(bill_ids, stand_in, running)
        return found


@contextmanager
def workers(count: int):
    """`count` Celery workers consuming the bench queue, started now and stopped on exit."""
    from tracker.celery import app

    started = [subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "tracker", "worker", "--pool=solo", f"--queues={QUEUE}",
         f"--hostname=bench{n}@%h", "--without-gossip", "--without-mingle", "--loglevel=WARNING"],
        cwd=REPO, env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for n in range(count)]
    try:
        deadline = time.monotonic() + 120
        while len(app.control.ping(timeout=1.0)) < count:
            if time.monotonic() > deadline:
                raise SystemExit(f"{count} Celery workers did not answer within 2 minutes")
        yield started
    finally:
        for process in started:
            process.send_signal(signal.SIGTERM)
        for process in started:
            process.wait(timeout=60)


def one_pass(bill_ids: list[int], stand_in, running: list[subprocess.Popen]) -> dict:
    """As beat's hourly task: the bill and stage types read once, then one scrape_bill task per
    bill on the queue, until every one is done."""
    from django.db.models import Sum

    from bills.tasks import bills_hand_out
    from tracker.scraping.models import ScrapeRun

    before, started = stand_in.requests, time.perf_counter()
    results = bills_hand_out(bill_ids)
    run_ids = [result.get(timeout=3600) for result in results]
    seconds = time.perf_counter() - started
    totals = ScrapeRun.objects.filter(pk__in=run_ids).aggregate(created=Sum("created"), updated=Sum("updated"),
                                                                  failed=Sum("failed"))
    return {"seconds": seconds, "requests": stand_in.requests - before, "workers": len(running),
            "written": (totals["created"] or 0) + (totals["updated"] or 0), "failed": totals["failed"] or 0,
            "peak_mb": max(_peak_mb(process.pid) for process in running)}


def _peak_mb(pid: int) -> float:
    """The process's peak resident memory so far (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


if __name__ == "__main__":
    main()
