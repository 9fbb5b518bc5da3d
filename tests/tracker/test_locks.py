"""Locks that die with their holder (tracker/scraping/locks.py), and two scrapes at once on
the embedded default (SQLite, no Redis): they queue or skip, and neither crashes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.support.processes import clean_environment
from tracker.scraping.locks import FileLock, RedisLock

SNAPSHOT = REPO / "data/snapshots/procurement-bill-2022-23"
HOLD = """
import sys, time
from pathlib import Path
import redis
from tracker.scraping.locks import FileLock, RedisLock
lock = (FileLock("bill-1", directory=Path(sys.argv[1])) if sys.argv[2] == "file"
        else RedisLock("{name}", ttl=float(sys.argv[3]), client=redis.Redis.from_url(sys.argv[1])))
assert lock.acquire()
print("held", flush=True)
time.sleep(120)
"""


def holder(*args: str, name: str = "") -> subprocess.Popen:
    """A process that takes the lock, says so, and keeps it until killed."""
    process = subprocess.Popen([sys.executable, "-c", HOLD.replace("{name}", name), *args], cwd=REPO,
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "held"
    return process


def killed(process: subprocess.Popen) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


def test_a_file_lock_is_free_the_moment_its_holder_is_killed(tmp_path):
    process = holder(str(tmp_path), "file")
    assert not FileLock("bill-1", directory=tmp_path).acquire()
    killed(process)
    assert FileLock("bill-1", directory=tmp_path).acquire()


@pytest.mark.redis
def test_a_redis_lock_holds_while_its_holder_lives_and_lapses_within_its_ttl_when_killed(settings):
    import redis
    client = redis.Redis.from_url(settings.REDIS_URL)
    name = f"test-lock-{os.getpid()}"
    client.delete(name)
    ttl = 1.0
    process = holder(settings.REDIS_URL, "redis", str(ttl), name=name)
    time.sleep(3 * ttl)  # three TTLs: only renewal keeps it held
    assert not RedisLock(name, ttl=ttl, client=client).acquire()
    killed(process)
    lapsed = RedisLock(name, ttl=ttl, client=client)
    for _ in range(100):
        if lapsed.acquire():
            break
        time.sleep(0.1)
    else:
        pytest.fail("the killed holder's lock did not lapse")
    lapsed.release()


def test_two_scrapes_at_once_on_sqlite_without_redis_queue_or_skip_and_neither_crashes(tmp_path):
    database = tmp_path / "tracker.sqlite3"
    env = clean_environment(DATABASE_URL=f"sqlite:///{database}", LOCK_DIR=str(tmp_path / "locks"))
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput"], cwd=REPO, env=env, check=True,
                   capture_output=True, timeout=300)
    command = [sys.executable, "manage.py", "scrape", "--snapshot", str(SNAPSHOT), "--no-progress"]
    scrapes = [subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True) for _ in range(2)]
    outputs = [scrape.communicate(timeout=300) for scrape in scrapes]
    for _, err in outputs:
        assert "Traceback" not in err and "database is locked" not in err, err
    with sqlite3.connect(database) as db:
        runs = db.execute("SELECT id, status FROM scraping_scraperun ORDER BY id").fetchall()
        problems = {kind for (kind,) in db.execute("SELECT DISTINCT kind FROM scraping_scrapeproblem "
                                                   "WHERE kind NOT IN ('not_found')")}
        amendments = db.execute("SELECT COUNT(*) FROM amendments_amendment").fetchone()[0]
    assert len(runs) == 2 and {status for _, status in runs} <= {"succeeded", "partial"}
    assert problems <= {"locked"}  # the second either queued behind the first or skipped the bill
    assert amendments == 5
