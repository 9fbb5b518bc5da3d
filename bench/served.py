"""Every page of the large synthetic bill served by gunicorn, against /healthz under the same
gunicorn: throughput on repeat hits (the page cache warm), cold render time, gzipped size.

    .venv/bin/python bench/served.py [--seconds 3] [--clients 4] [--redis-url redis://127.0.0.1:6379/15]

Builds the large bill of bench/pages.py (400 clauses, 6,000 amendments, 5,000 sponsorships, three
divisions of 600 votes) on a throwaway SQLite database, then starts gunicorn (2 sync workers,
DEBUG off, production's persistent connections) with the page cache in Redis (flushed first:
give a database of your own) and, for /healthz and then each page, keeps `--clients` keep-alive
connections asking for it for `--seconds`, gzip accepted. "cold" is one request right after
the cache was flushed: the page rendered from the database. Prints one JSON object; the floor
of every ratio is /healthz measured in the same run. Asserts nothing.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

WORKERS = 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="seconds of repeat hits per page")
    parser.add_argument("--clients", type=int, default=4, help="keep-alive connections at once")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/15")
    arguments = parser.parse_args()
    print(json.dumps(serve_and_measure(arguments)))


def serve_and_measure(arguments) -> dict:
    import redis

    from bench._django import configure_django
    from bench.pages import LARGE, bill_pages

    with tempfile.TemporaryDirectory(prefix="bench-served-") as directory:
        configure_django(Path(directory) / "bench.sqlite3")
        pages = {"healthz": "/healthz", "home": "/", "bill list": "/bills/", **bill_pages(LARGE)}
        cache = redis.Redis.from_url(arguments.redis_url)
        with gunicorn(directory, arguments.redis_url) as port:
            found = {}
            for name, url in pages.items():
                cache.flushdb()
                cold_seconds, body = _timed_get(port, url)
                found[name] = {"url": url, "cold_ms": cold_seconds * 1000, "gzip_kb": len(body) / 1000,
                               "per_second": _throughput(port, url, arguments.seconds, arguments.clients)}
        floor = found["healthz"]["per_second"]
        for measured in found.values():
            measured["x_healthz"] = measured["per_second"] / floor
        return {"workers": WORKERS, "clients": arguments.clients, "seconds": arguments.seconds, "pages": found}


class gunicorn:  # noqa: N801 (used as a context manager, like open)
    """gunicorn serving the tracker on a free loopback port, stopped on exit."""

    def __init__(self, directory: str, redis_url: str) -> None:
        self.port = _free_port()
        environment = {**os.environ, "REDIS_URL": redis_url, "CONN_MAX_AGE": "600", "ALLOWED_HOSTS": "127.0.0.1"}
        self.process = subprocess.Popen(
            [str(Path(sys.executable).with_name("gunicorn")), "tracker.wsgi:application", f"--workers={WORKERS}",
             f"--bind=127.0.0.1:{self.port}", "--log-level=warning"],
            cwd=REPO, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def __enter__(self) -> int:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                _timed_get(self.port, "/healthz")
                return self.port
            except OSError:
                time.sleep(0.2)
        raise SystemExit("gunicorn did not answer within a minute")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _timed_get(port: int, url: str, connection: http.client.HTTPConnection | None = None) -> tuple[float, bytes]:
    own = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    started = time.perf_counter()
    own.request("GET", url, headers={"Accept-Encoding": "gzip", "Host": "127.0.0.1"})
    response = own.getresponse()
    body = response.read()
    seconds = time.perf_counter() - started
    if response.status != 200:
        raise SystemExit(f"{url} answered {response.status}")
    if connection is None:
        own.close()
    return seconds, body


def _throughput(port: int, url: str, seconds: float, clients: int) -> float:
    """Requests a second that `clients` keep-alive connections get for `url` in `seconds`."""
    counts = [0] * clients
    stop = time.monotonic() + seconds

    def client(n: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < stop:
            _timed_get(port, url, connection)
            counts[n] += 1
        connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.perf_counter() - started)


if __name__ == "__main__":
    main()
