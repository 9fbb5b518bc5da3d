"""The per-host rate limit shared by every scrape worker: two limiters on one storage stand for
two worker processes (the Redis storage is the real shared one; memory:// is the embedded default)."""

from __future__ import annotations

import os
import threading
import time

import pytest
from django.core.cache import cache

from limits.storage import storage_from_string

from tests.support.http_server import Reply, ScriptedServer
from tracker.http.client import build_session
from tracker.http.fetch import get_json
from tracker.http.ratelimit import HostRateLimit, rate_item


@pytest.fixture(params=[pytest.param("memory", id="memory"), pytest.param("redis", id="redis", marks=pytest.mark.redis)])
def shared_storage(request):
    return storage_from_string("memory://" if request.param == "memory" else os.environ["REDIS_URL"])


class Sleeps(list):
    """Records each wait asked for, and waits it."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)
        time.sleep(seconds)


def test_rates_become_limits_items():
    assert (rate_item(5).amount, rate_item(5).get_expiry()) == (5, 1)
    assert (rate_item(0.5).amount, rate_item(0.5).get_expiry()) == (1, 2)
    assert rate_item(0) is None


def test_two_workers_share_one_budget_per_host(shared_storage):
    namespace = f"test-{os.getpid()}-{time.monotonic_ns()}"
    first, second = Sleeps(), Sleeps()
    worker_a = HostRateLimit(2, shared_storage, namespace=namespace, sleep=first)
    worker_b = HostRateLimit(2, shared_storage, namespace=namespace, sleep=second)
    worker_a.wait("bills-api.example")
    worker_a.wait("bills-api.example")
    worker_b.wait("members-api.example")  # another host has its own budget
    assert first == [] and second == []
    worker_b.wait("bills-api.example")  # the third request to the host in a second waits
    assert second and sum(second) > 0


def test_a_pause_holds_every_worker_back(shared_storage):
    namespace = f"test-{os.getpid()}-{time.monotonic_ns()}"
    waited = Sleeps()
    told = HostRateLimit(0, shared_storage, namespace=namespace)
    other = HostRateLimit(0, shared_storage, namespace=namespace, sleep=waited)
    other.wait("bills-api.example")
    assert waited == []
    told.pause("bills-api.example", 1)
    other.wait("members-api.example")
    assert waited == []
    other.wait("bills-api.example")
    assert len(waited) == 1 and 0 < waited[0] <= 1.0


def test_a_429_pauses_the_host_for_other_workers(settings):
    settings.HTTP_RETRIES = 2
    settings.HTTP_BACKOFF_FACTOR = 0
    settings.HTTP_MAX_RETRY_AFTER = 5
    settings.HTTP_RATE_LIMIT_PER_SECOND = 0
    settings.HTTP_RATE_LIMIT_STORAGE = "memory://"
    settings.HTTP_RATE_LIMIT_NAMESPACE = f"test-{os.getpid()}-{time.monotonic_ns()}"
    cache.clear()
    with ScriptedServer() as server:
        server.script["/busy"] = [Reply(429, b"", {"Retry-After": "2"}), Reply(200, b"[]")]
        session = build_session()
        limiter = session.get_adapter(server.url).inner.limiter
        told = threading.Thread(target=get_json, args=(session, f"{server.url}/busy"))
        told.start()
        while not server.seen["/busy"]:
            time.sleep(0.01)
        time.sleep(0.2)  # the worker told to wait is waiting now
        waited = Sleeps()
        other_worker = HostRateLimit(0, limiter.storage, namespace=limiter.namespace, sleep=waited)
        other_worker.wait("127.0.0.1")
        told.join()
    assert len(waited) == 1 and waited[0] > 0
    assert len(server.seen["/busy"]) == 2
