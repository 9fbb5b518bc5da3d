"""The embedded default under page load: a real gunicorn serving a SQLite FILE database (no
Redis) takes subscribe forms while two scrapes write to that database at once. Every form is
answered without a 500, nobody sees "database is locked", and each accepted form is stored."""

from __future__ import annotations

import contextlib
import socket
import sqlite3
import subprocess
import sys
import time

import requests

from tests.conftest import REPO
from tests.support.processes import clean_environment

SNAPSHOTS = REPO / "tests/fixtures/snapshots"
COMMITTEE = SNAPSHOTS / "procurement-bill-2022-23-at-commons-committee"
REPORT = SNAPSHOTS / "procurement-bill-2022-23-at-commons-report"
FULL = REPO / "data/snapshots/procurement-bill-2022-23"
FORMS = 40  # bounded: the loop stops after this many forms, or when both scrapes have ended
PAGE, SUBSCRIBE = "/alerts/subscribe/bill/3159/", "/alerts/subscribe/"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _manage(env: dict, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "manage.py", *args], cwd=REPO, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _served(base: str, web: subprocess.Popen) -> None:
    for _ in range(300):  # bounded: gunicorn answers within a minute even on a loaded machine
        assert web.poll() is None, web.stderr.read()
        with contextlib.suppress(requests.ConnectionError):  # not listening yet: try again
            if requests.get(f"{base}/healthz", timeout=5).status_code == 200:
                return
        time.sleep(0.2)
    raise AssertionError("gunicorn did not answer /healthz")


def _subscribe(base: str, n: int) -> tuple[int, int]:
    """As a reader does: open the bill's alerts page, post its form. The two answers' statuses."""
    page = requests.get(f"{base}{PAGE}", timeout=60)
    posted = requests.post(f"{base}{SUBSCRIBE}", timeout=60, allow_redirects=False,
                           data={"email": f"reader{n}@example.org", "target_kind": "bill", "target_id": "3159"})
    return page.status_code, posted.status_code


def test_subscribe_forms_during_two_scrapes_on_a_sqlite_file_never_fail(tmp_path):
    database = tmp_path / "tracker.sqlite3"
    env = clean_environment(DATABASE_URL=f"sqlite:///{database}", LOCK_DIR=str(tmp_path / "locks"),
                            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
                            ALERTS_SUBSCRIBE_LIMIT_PER_IP="1000", ALERTS_SUBSCRIBE_LIMIT_PER_ADDRESS="1000")
    for args in (("migrate", "--noinput"), ("scrape", "--no-progress", "--snapshot", str(COMMITTEE))):
        done = _manage(env, *args)
        assert done.wait(timeout=600) == 0, done.stderr.read()
    port = _free_port()
    web = subprocess.Popen([sys.executable, "-m", "gunicorn", "tracker.wsgi:application", "--bind",
                            f"127.0.0.1:{port}", "--workers", "2", "--threads", "4"],
                           cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _served(base, web)
        scrapes = [_manage(env, "scrape", "--no-progress", "--snapshot", str(snapshot)) for snapshot in (REPORT, FULL)]
        answers = []
        while len(answers) < FORMS and (not answers or any(s.poll() is None for s in scrapes)):
            answers.append(_subscribe(base, len(answers)))
        outputs = [scrape.communicate(timeout=600) for scrape in scrapes]
    finally:
        web.terminate()
        _, served_log = web.communicate(timeout=60)

    assert answers and set(answers) == {(200, 302)}, answers  # every page shown, every form accepted
    for _, err in outputs:
        assert "Traceback" not in err and "database is locked" not in err, err
    assert "database is locked" not in served_log and "Traceback" not in served_log, served_log[-3000:]
    with sqlite3.connect(database) as db:
        readers = db.execute("SELECT COUNT(*) FROM alerts_subscriber WHERE email LIKE 'reader%'").fetchone()[0]
        runs = [status for (status,) in db.execute("SELECT status FROM scraping_scraperun ORDER BY id")]
    assert readers == len(answers)
    assert len(runs) == 3 and set(runs) <= {"succeeded", "partial"}
