"""Django set up for a benchmark: the embedded default on a throwaway SQLite database, or a
PostgreSQL database given by its URL (emptied first: give one of its own)."""

from __future__ import annotations

import os
from pathlib import Path


def configure_django(database: Path | str, **settings: str) -> None:
    """SQLite at `database` (a path) or the PostgreSQL database `database` (a postgres:// URL,
    every table dropped first), tasks in-process unless `settings` give REDIS_URL, DEBUG off, and
    `settings` as environment variables (e.g. the email backend); then migrate."""
    for name in ("REDIS_URL", "EMAIL_FILE_PATH", "DJANGO_ENV"):
        os.environ.pop(name, None)
    url = database if isinstance(database, str) else f"sqlite:///{database}"
    os.environ.update(DJANGO_SETTINGS_MODULE="tracker.settings.base", DATABASE_URL=url,
                      DEBUG="false", LOG_LEVEL="ERROR", **settings)
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    call_command("migrate", verbosity=0)
