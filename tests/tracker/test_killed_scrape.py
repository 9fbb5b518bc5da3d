"""A scrape killed with SIGKILL in the middle of its run, on the embedded default (SQLite file,
file locks): the next pass marks the dead run failed (the stale-run sweep), finds the bill's
lock free at once, and scrapes the bill to the end."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from tests.conftest import REPO
from tests.support.processes import clean_environment

SNAPSHOT = REPO / "data/snapshots/procurement-bill-2022-23"
STALE_SECONDS = 1  # SCRAPE_STALE_SECONDS for this test: a run silent this long has died


def _rows(database, sql: str) -> list[tuple]:
    with sqlite3.connect(database, timeout=30) as db:
        return db.execute(sql).fetchall()


def test_a_killed_scrape_ends_failed_and_the_next_pass_scrapes_its_bill(tmp_path):
    database = tmp_path / "tracker.sqlite3"
    env = clean_environment(DATABASE_URL=f"sqlite:///{database}", LOCK_DIR=str(tmp_path / "locks"),
                            SCRAPE_STALE_SECONDS=str(STALE_SECONDS))
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput"], cwd=REPO, env=env, check=True,
                   capture_output=True, timeout=600)
    command = [sys.executable, "manage.py", "scrape", "--snapshot", str(SNAPSHOT), "--no-progress"]
    victim = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(6000):  # bounded: until the run is past its first steps (amendments stored)
        assert victim.poll() is None, "the scrape ended before it could be killed"
        if _rows(database, "SELECT name FROM sqlite_master WHERE name = 'amendments_amendment'") and _rows(
                database, "SELECT COUNT(*) FROM amendments_amendment")[0][0]:
            break
        time.sleep(0.05)
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(timeout=60)
    [(killed_run, status)] = _rows(database, "SELECT id, status FROM scraping_scraperun")
    assert status == "running"  # killed: nothing of the process could say otherwise

    time.sleep(STALE_SECONDS + 1)  # the dead run's last sign of life is now older than SCRAPE_STALE_SECONDS
    next_pass = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)

    assert "Traceback" not in next_pass.stderr, next_pass.stderr
    runs = dict(_rows(database, "SELECT id, status FROM scraping_scraperun"))
    assert runs[killed_run] == "failed"
    killed_kinds = {kind for (kind,) in _rows(
        database, f"SELECT kind FROM scraping_scrapeproblem WHERE run_id = {killed_run}")}
    assert killed_kinds - {"not_found"} == {"interrupted"}  # its end (and any 404 it met before it died)
    [new_run] = [run for run in runs if run != killed_run]
    assert runs[new_run] in ("succeeded", "partial")
    kinds = {kind for (kind,) in _rows(database, f"SELECT kind FROM scraping_scrapeproblem WHERE run_id = {new_run}")}
    assert "locked" not in kinds and kinds <= {"not_found"}
    assert _rows(database, f"SELECT bills_api_id FROM scraping_scrapedbill WHERE run_id = {new_run}") == [(3159,)]
    assert _rows(database, "SELECT COUNT(*) FROM amendments_amendment") == [(5,)]
