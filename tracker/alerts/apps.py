from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "tracker.alerts"
    label = "alerts"
    verbose_name = "Email alerts and feeds"

    def ready(self) -> None:
        # Register the tasks in every process (web, scrape command, worker): queue.py
        # enqueues them by name.
        from . import tasks  # noqa: F401
        from .receivers import connect

        connect()
