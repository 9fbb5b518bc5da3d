import json

import pytest

from tests.support.processes import run_python


@pytest.mark.django_db
def test_healthz_reports_the_database_and_no_redis_when_not_configured(client, settings):
    settings.REDIS_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "redis": "not configured"}


@pytest.mark.django_db
def test_healthz_is_503_when_redis_is_configured_but_down(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["redis"].startswith("error: ConnectionError")
    assert response.json()["database"] == "ok"


@pytest.mark.redis
@pytest.mark.django_db
def test_healthz_reports_redis_ok_when_it_is_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["redis"] == "ok"


def test_healthz_is_503_when_the_database_is_down():
    """In a separate process whose database is a PostgreSQL nobody listens for."""
    result = run_python(
        "import django; django.setup(); from django.test import Client; "
        "r = Client().get('/healthz'); print(r.status_code); print(r.content.decode())",
        DATABASE_URL="postgres://postgres@127.0.0.1:1/none", ALLOWED_HOSTS="testserver",
    )
    status, body = result.stdout.splitlines()[:2]
    assert status == "503", result.stderr
    assert json.loads(body)["database"].startswith("error: OperationalError")
