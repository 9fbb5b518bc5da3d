"""The fault-injecting stand-in for Parliament's APIs: a real HTTP server on 127.0.0.1 serving
the bundled Procurement Bill snapshot, each reply passed through a test's fault."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.cache import cache

from tests.conftest import REPO
from tests.support.http_server import Reply, ScriptedServer, serve_snapshot
from tracker.http.client import build_session
from tracker.scraping.models import ScrapeRun
from tracker.scraping.pipeline import scrape

SNAPSHOT = REPO / "data/snapshots/procurement-bill-2022-23"


@pytest.fixture
def stand_in(settings, db):
    """`stand_in(fault)` scrapes the Procurement Bill (3159) from the stand-in; returns the run."""
    settings.HTTP_RETRIES = 1
    settings.HTTP_BACKOFF_FACTOR = 0
    settings.HTTP_READ_TIMEOUT = 1.0
    settings.HTTP_REQUEST_DEADLINE = 1.5
    settings.HTTP_RATE_LIMIT_PER_SECOND = 0
    cache.clear()
    with ScriptedServer() as server:
        def run(fault: Callable[[str, Reply], Reply] = lambda url, reply: reply) -> ScrapeRun:
            serve_snapshot(server, SNAPSHOT, settings, fault)
            return scrape(bill_ids=[3159], session=build_session(), source="stand-in", trigger="test")
        yield run
