"""Django set up for a benchmark: the embedded default on a throwaway SQLite database, or a
PostgreSQL database given by its URL (created when missing, emptied first: give one of its own)."""

from __future__ import annotations

import os
from contextlib import closing
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
        _database_create(connection.settings_dict)
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    call_command("migrate", verbosity=0)


def _database_create(database: dict) -> None:
    """Create the PostgreSQL database `database` names, unless it exists."""
    import psycopg2
    from psycopg2 import sql

    maintenance = psycopg2.connect(dbname="postgres", user=database["USER"], password=database["PASSWORD"],
                                   host=database["HOST"], port=database["PORT"] or 5432)
    maintenance.autocommit = True  # CREATE DATABASE refuses a transaction, which `with maintenance` would open
    with closing(maintenance), maintenance.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database["NAME"]])
        if cursor.fetchone() is None:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database["NAME"])))
