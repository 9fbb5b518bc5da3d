"""Django set up for a benchmark: the embedded default on a throwaway SQLite database."""

from __future__ import annotations

import os
from pathlib import Path


def configure_django(database: Path, **settings: str) -> None:
    """SQLite at `database`, tasks in-process, DEBUG off, and `settings` as environment
    variables (e.g. the email backend); then migrate."""
    for name in ("REDIS_URL", "EMAIL_FILE_PATH", "DJANGO_ENV"):
        os.environ.pop(name, None)
    os.environ.update(DJANGO_SETTINGS_MODULE="tracker.settings.base", DATABASE_URL=f"sqlite:///{database}",
                      DEBUG="false", LOG_LEVEL="ERROR", **settings)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
