"""The web container's healthcheck, exactly as docker-compose.yml states it, passes against
gunicorn with the production settings the compose file gives (https redirect on)."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.request

from tests.conftest import REPO
from tests.support.processes import clean_environment

PORT = "8114"


def healthcheck_code() -> str:
    compose = (REPO / "docker-compose.yml").read_text()
    start = compose.index("\n  web:")
    web = compose[start:re.compile(r"\n  [\w-]+:\n").search(compose, start + 1).start()]
    test = re.search(r'test: \["CMD", "python", "-c", "(.*)"\]', web).group(1)
    return test.replace("127.0.0.1:8000", f"127.0.0.1:{PORT}")


def test_the_compose_healthcheck_passes_with_the_https_redirect_on(tmp_path):
    env = clean_environment(DJANGO_ENV="production", SECRET_KEY="x" * 60, ALLOWED_HOSTS="tracker.example.org",
                            DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", SECURE_SSL_REDIRECT="true")
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "tracker.wsgi:application", "--bind",
                               f"127.0.0.1:{PORT}", "--workers", "1"], cwd=REPO, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/", timeout=1)
            except urllib.error.HTTPError:
                break  # answering (400: not an allowed host)
            except OSError:
                time.sleep(0.1)
        check = subprocess.run([sys.executable, "-c", healthcheck_code()], env=env, capture_output=True, text=True,
                               timeout=30)
        assert check.returncode == 0, check.stderr
        redirected = subprocess.run([sys.executable, "-c", healthcheck_code().replace("/healthz", "/")], env=env,
                                    capture_output=True, text=True, timeout=30)
        assert redirected.returncode != 0  # every other page still goes to https
    finally:
        server.terminate()
        server.wait(timeout=10)
