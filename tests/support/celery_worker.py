"""A real Celery worker process against the configured Redis, on a queue of its own."""

from __future__ import annotations

import subprocess
import sys
import uuid
from contextlib import contextmanager

from django.conf import settings

from tests.conftest import REPO
from tests.support.processes import clean_environment
from tracker.celery import app


@contextmanager
def celery_worker(queue: str | None = None, **env: str):
    """Start a worker consuming `queue` (by default a fresh one; pass the same name to start
    several workers on one queue); yield the queue name and the process; stop the worker."""
    queue = queue or f"test-{uuid.uuid4().hex[:12]}"
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "tracker", "worker", "--pool=solo", "-Q", queue,
         "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=WARNING"],
        cwd=REPO, env=clean_environment(REDIS_URL=settings.REDIS_URL, **env),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        yield queue, worker
    finally:
        app.conf.task_always_eager = eager
        worker.kill()
        worker.wait(timeout=30)
