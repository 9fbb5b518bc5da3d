"""Settings read from the environment: each case starts a fresh Python process, as a
deployment would, so nothing cached in this one can hide a wrong default."""

from __future__ import annotations

import json

import pytest
from django.conf import settings as test_settings

from tests.support.processes import run_manage, run_python

SHOW = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'engine': s.DATABASES['default']['ENGINE'], 'name': str(s.DATABASES['default']['NAME']), "
    "'cache': s.CACHES['default']['BACKEND'], 'broker': s.CELERY_BROKER_URL, 'eager': s.CELERY_TASK_ALWAYS_EAGER, "
    "'email': s.EMAIL_BACKEND, 'mail_dir': s.EMAIL_FILE_PATH, 'bills': s.BILLS_API_URL, 'hansard': s.HANSARD_URL}))"
)
def settings_with(**env: str) -> dict:
    result = run_python(SHOW, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_embedded_default_is_sqlite_in_process_tasks_and_mail_to_files():
    shown = settings_with()
    assert shown["engine"] == "django.db.backends.sqlite3"
    assert shown["name"].endswith("var/tracker.sqlite3")
    assert shown["cache"].endswith("LocMemCache")
    assert shown["eager"] is True
    assert shown["email"].endswith("filebased.EmailBackend")
    assert shown["mail_dir"].endswith("var/mail")
    assert shown["bills"] == "https://bills-api.parliament.uk/api/v1"
    assert shown["hansard"] == "https://hansard.parliament.uk"


def test_database_and_redis_urls_switch_to_postgresql_and_redis():
    shown = settings_with(DATABASE_URL="postgres://postgres@127.0.0.1:5432/tracker", REDIS_URL="redis://127.0.0.1:6379/0",
                          BILLS_API_URL="http://127.0.0.1:9/bills")
    assert shown["engine"] == "django.db.backends.postgresql"
    assert shown["cache"].endswith("RedisCache")
    assert shown["broker"] == "redis://127.0.0.1:6379/0"
    assert shown["eager"] is False
    assert shown["bills"] == "http://127.0.0.1:9/bills"


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python("import django; django.setup()", DJANGO_ENV="production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_passes_check_deploy_with_no_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", DJANGO_ENV="production",
                        SECRET_KEY="a-long-random-production-secret-key-0123456789-abcdefghij",
                        ALLOWED_HOSTS="tracker.example.org")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.postgres
def test_suite_runs_on_postgresql_when_configured():
    assert test_settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
