"""The Celery app. With no REDIS_URL the settings make every task run in-process."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings.base")

app = Celery("tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="tracker.ping")
def ping() -> str:
    """A task with no side effects, used by /healthz-style checks and the worker test."""
    return "pong"
