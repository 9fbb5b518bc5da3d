"""`make bench`: one table of every figure issue 17 asks for, each beside the floor it is measured
against in the same run, and whether it meets its target.

    .venv/bin/python bench/run.py [--quick] [--readme]
        [--database-url postgres://postgres@127.0.0.1:5432/tracker_bench] [--redis-url redis://127.0.0.1:6379/15]

Runs, each in a process of its own: bench/workers.py at 10, 100 and 300 bills (first pass and
no-op pass with 2 Celery workers; at 100 bills and more also the no-op pass with 1 worker: the
worker comparison is made at 100 bills or more, so the workers' fixed start-up cost does not
dominate), bench/served.py (every page under gunicorn against /healthz) and
bench/alerts_fanout.py (against a plain smtplib loop). `--quick`: 5 and 20 bills, 1 second of
hits a page, 2,000 subscribers. `--readme` also writes the table, with the machine and the date,
into bench/README.md between its `bench:start` and `bench:end` marks. Needs PostgreSQL and Redis
(the databases given are emptied: give ones of your own). Asserts nothing: it prints.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
AMENDMENTS = 80  # a bill's amendments: about 333 in a real session (100,000 over 300 bills); fewer keeps the run short
LATENCY = 0.02  # seconds per stand-in response


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a short version")
    parser.add_argument("--readme", action="store_true", help="write the table into bench/README.md")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/tracker_bench")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/15")
    arguments = parser.parse_args()
    services = ["--database-url", arguments.database_url, "--redis-url", arguments.redis_url]
    started = time.monotonic()
    sizes = (5, 20) if arguments.quick else (10, 100, 300)
    scrapes = [_run("workers.py", "--bills", str(bills), "--amendments", str(AMENDMENTS), "--latency", str(LATENCY),
                    *services, *(["--one-worker"] if bills == sizes[1] else []))
               for bills in sizes]
    served = _run("served.py", "--seconds", "1" if arguments.quick else "3", "--redis-url", arguments.redis_url)
    fanout = _run("alerts_fanout.py", "--json", "--subscribers", "2000" if arguments.quick else "10000")
    rows = _scrape_rows(scrapes) + _page_rows(served) + _fanout_rows(fanout)
    table = _markdown(rows)
    heading = (f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by `bench/run.py"
               f"{' --quick' if arguments.quick else ''}` in {(time.monotonic() - started) / 60:.1f} min on "
               f"{_machine()}. Synthetic session: {AMENDMENTS} amendments a bill, {LATENCY * 1000:.0f} ms a "
               "response from the stand-in, rate limit off; Celery workers `--pool=solo` on Redis and PostgreSQL; "
               f"gunicorn {served['workers']} sync workers, {served['clients']} keep-alive clients, "
               f"{served['seconds']:.0f} s of hits a page.")
    print(heading + "\n\n" + table)
    if arguments.readme:
        _readme_write(heading + "\n\n" + table)


def _run(script: str, *args: str) -> dict:
    finished = subprocess.run([sys.executable, str(REPO / "bench" / script), *args], cwd=REPO, check=True,
                              capture_output=True, text=True)
    return json.loads(finished.stdout.strip().splitlines()[-1])


def _row(measure: str, figure: str, floor: str, ratio: str, target: str, met: bool | None) -> tuple:
    return (measure, figure, floor, ratio, target, "" if met is None else ("yes" if met else "**no**"))


def _scrape_rows(scrapes: list[dict]) -> list[tuple]:
    rows = []
    for found in scrapes:
        bills, first, noop = found["bills"], found["first"], found["no-op"]
        rows.append(_row(f"{bills} bills: first pass, 2 workers", f"{first['seconds']:.1f} s, "
                         f"{first['requests']:,} requests, {first['written']:,} rows written, {first['failed']} failed",
                         "", "", "", None))
        ratio = noop["seconds"] / first["seconds"]
        rows.append(_row(f"{bills} bills: no-op pass, 2 workers", f"{noop['seconds']:.1f} s, {noop['requests']:,} "
                         f"requests ({noop['requests'] / bills:.1f} a bill), {noop['written']} rows written",
                         f"first pass {first['seconds']:.1f} s", f"{ratio:.2f}x",
                         "<= 0.2x, 0 rows" + (", < 10 min" if bills >= 300 else ""),
                         ratio <= 0.2 and noop["written"] == 0 and (bills < 300 or noop["seconds"] < 600)))
        if "no-op, 1 worker" in found:
            one = found["no-op, 1 worker"]
            speedup = one["seconds"] / noop["seconds"]
            rows.append(_row(f"{bills} bills: no-op pass, 2 workers against 1", f"{noop['seconds']:.1f} s",
                             f"1 worker {one['seconds']:.1f} s", f"{speedup:.2f}x throughput", ">= 1.7x"
                             + ("" if bills >= 100 else " (at >= 100 bills)"), speedup >= 1.7 if bills >= 100 else None))
    small, large = scrapes[0], scrapes[-2] if len(scrapes) > 2 else scrapes[-1]
    growth = large["bills"] / small["bills"]
    ratio = large["first"]["peak_mb"] / small["first"]["peak_mb"]
    rows.append(_row(f"peak worker memory, first pass: {large['bills']} bills against {small['bills']}",
                     f"{large['first']['peak_mb']:.0f} MB", f"{small['first']['peak_mb']:.0f} MB", f"{ratio:.2f}x",
                     f"<= 1.5x at {growth:.0f}x the data", ratio <= 1.5))
    return rows


def _page_rows(served: dict) -> list[tuple]:
    floor = served["pages"]["healthz"]["per_second"]
    return [_row(f"page `{name}`: repeat hits", f"{page['per_second']:.0f}/s; cold {page['cold_ms']:.0f} ms; "
                 f"{page['gzip_kb']:.1f} kB gzipped", f"/healthz {floor:.0f}/s", f"{page['x_healthz']:.2f}x",
                 ">= 0.5x, <= 100 kB", page["x_healthz"] >= 0.5 and page["gzip_kb"] <= 100)
            for name, page in served["pages"].items() if name != "healthz"]


def _fanout_rows(fanout: dict) -> list[tuple]:
    ratio = fanout["tracker_seconds"] / fanout["smtplib_seconds"]
    return [_row(f"alert fan-out, {fanout['subscribers']:,} subscribers",
                 f"{fanout['tracker_seconds']:.1f} s", f"smtplib loop {fanout['smtplib_seconds']:.1f} s",
                 f"{ratio:.2f}x", "<= 2x", ratio <= 2)]


def _markdown(rows: list[tuple]) -> str:
    lines = ["| measure | figure | floor (same run) | ratio | target | met |", "|---|---|---|---|---|---|"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def _machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    load = " / ".join(f"{value:.1f}" for value in os.getloadavg())
    return (f"{os.cpu_count()} x {cpu}, Python {platform.python_version()}, load average {load} at the end "
            "(a machine shared with other work)")


def _readme_write(text: str) -> None:
    readme = REPO / "bench" / "README.md"
    content = readme.read_text(encoding="utf-8")
    replaced = re.sub(r"(<!-- bench:start -->\n).*?(\n<!-- bench:end -->)", lambda m: m.group(1) + text + m.group(2),
                      content, flags=re.S)
    readme.write_text(replaced, encoding="utf-8")


if __name__ == "__main__":
    main()
