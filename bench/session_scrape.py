"""Benchmark scraping a whole synthetic session through the loopback stand-in: the first pass,
a pass over every bill with nothing changed, and the hourly session pass with nothing changed.

    .venv/bin/python bench/session_scrape.py [--bills 10 --bills 100] [--amendments 40] [--latency 0.02]

Each size runs in a process of its own on a throwaway SQLite database under /tmp: bench/session.py
writes the session, bench/standin.py serves it on 127.0.0.1 with `--latency` seconds per
response, and the real `scrape()` reads it over HTTP through the live session of
tracker/http/client.py (rate limit off: the stand-in is ours). Prints one table; the floor
of each pass is the first pass of the same size in the same run. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def one_size(bills: int, amendments: int, latency: float) -> dict:
    from bench._django import configure_django
    from bench.session import SESSION_ID, bill_id_of, write_session
    from bench.standin import StandIn

    with tempfile.TemporaryDirectory(prefix="bench-session-") as directory, \
            StandIn(write_session(Path(directory) / "session", bills=bills, amendments=amendments),
                    latency=latency) as stand_in:
        configure_django(Path(directory) / "bench.sqlite3", HTTP_RATE_LIMIT_PER_SECOND="0",
                         **stand_in.source_settings())
        from tracker.http.client import build_session
        from tracker.scraping.pipeline import scrape

        def timed(**kwargs) -> dict:
            before, started = stand_in.requests, time.perf_counter()
            run = scrape(session=build_session(), source="bench stand-in", **kwargs)
            return {"seconds": time.perf_counter() - started, "requests": stand_in.requests - before,
                    "written": run.created + run.updated, "failed": run.failed, "bills": len(run.bill_ids)}

        every_bill = [bill_id_of(i) for i in range(bills)]
        return {"bills": bills, "amendments": amendments, "first": timed(bill_ids=every_bill),
                "no-op, every bill": timed(bill_ids=every_bill),
                "no-op, session pass": timed(bill_ids=[], session_id=SESSION_ID)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bills", type=int, action="append", help="bills in the session (repeatable; default 10)")
    parser.add_argument("--amendments", type=int, default=40, help="amendments per bill")
    parser.add_argument("--latency", type=float, default=0.02, help="seconds per stand-in response")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one:
        print(json.dumps(one_size(arguments.one, arguments.amendments, arguments.latency)))
        return
    print(f"Session scrape through the loopback stand-in: {arguments.amendments} amendments a bill, "
          f"{arguments.latency * 1000:.0f} ms a response, 1 process, SQLite")
    print(f"{'bills':>5}  {'pass':<20} {'seconds':>8} {'x first':>8} {'requests':>9} {'req/bill':>8} "
          f"{'rows written':>12} {'failed':>6}")
    for bills in arguments.bills or [10]:
        result = json.loads(subprocess.run(
            [sys.executable, __file__, "--one", str(bills), "--amendments", str(arguments.amendments),
             "--latency", str(arguments.latency)], check=True, capture_output=True, text=True).stdout)
        floor = result["first"]["seconds"]
        for name in ("first", "no-op, every bill", "no-op, session pass"):
            found = result[name]
            print(f"{bills:>5}  {name:<20} {found['seconds']:>8.2f} {found['seconds'] / floor:>7.2f}x "
                  f"{found['requests']:>9} {found['requests'] / bills:>8.1f} {found['written']:>12} "
                  f"{found['failed']:>6}")


if __name__ == "__main__":
    main()
