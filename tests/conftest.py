"""Suite-wide fixtures, and the rule for tests that need PostgreSQL, Redis or a browser:
skipped with a reason when the service is absent, failed instead under
TRACKER_REQUIRE_SERVICES=1 (as in .ci/run), so CI cannot quietly skip them."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from django.conf import settings

pytest_plugins = ["tests.support.browser"]

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"


def _port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def _missing(marker: str) -> str | None:
    """Why a test with this marker cannot run here, or None if it can."""
    if marker == "postgres" and not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return "needs PostgreSQL: DATABASE_URL does not point at it"
    if marker in ("redis", "celery_worker"):
        if not settings.REDIS_URL:
            return "needs Redis: REDIS_URL is not set"
    if marker == "browser" and not os.access(CHROMIUM, os.X_OK):
        return f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium)"
    return None


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker in ("postgres", "redis", "browser", "celery_worker"):
        if item.get_closest_marker(marker) and (reason := _missing(marker)):
            if os.environ.get("TRACKER_REQUIRE_SERVICES") == "1":
                pytest.fail(f"required service missing under TRACKER_REQUIRE_SERVICES=1: {reason}")
            pytest.skip(reason)


@pytest.fixture(autouse=True)
def fresh_page_versions():
    """Each test starts with every cached page out of reach: tests build their records
    directly, without the scrape that would bump the versions (tracker/pagecache.py)."""
    from tracker.pagecache import versions_bump

    versions_bump(edits=True)


@pytest.fixture
def editor(client, db):
    """A staff member of the editor group, signed in on `client`."""
    from django.contrib.auth.models import Group, User

    from tracker.corrections.permissions import EDITOR_GROUP

    user = User.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR_GROUP))
    client.force_login(user)
    return user
