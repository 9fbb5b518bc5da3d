"""Running Python in a fresh process with a chosen environment, as a deployment would."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO

CONFIG_VARIABLES = ("DATABASE_URL", "REDIS_URL", "DJANGO_ENV", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "EMAIL_BACKEND",
                    "BILLS_API_URL", "HANSARD_URL")


def clean_environment(**env: str) -> dict[str, str]:
    """This process's environment without the tracker's settings variables, plus `env`."""
    clean = {k: v for k, v in os.environ.items() if k not in CONFIG_VARIABLES}
    return {**clean, "DJANGO_SETTINGS_MODULE": "tracker.settings.base", **env}


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, env=clean_environment(**env),
                          capture_output=True, text=True, timeout=60)


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=clean_environment(**env),
                          capture_output=True, text=True, timeout=300)
