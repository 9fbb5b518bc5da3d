"""The shared session against a real HTTP server on 127.0.0.1: retries, backoff,
Retry-After, timeouts, dropped connections, rate limit, User-Agent, conditional GET."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.support.http_server import Reply, ScriptedServer
from tracker.http.client import build_session
from tracker.http.conditional import NOT_MODIFIED_HEADER
from tracker.http.fetch import FetchError, get_json

RETRIES = 3


@pytest.fixture
def http_settings(settings):
    settings.HTTP_RETRIES = RETRIES
    settings.HTTP_BACKOFF_FACTOR = 0.01
    settings.HTTP_MAX_RETRY_AFTER = 0.6
    settings.HTTP_READ_TIMEOUT = 0.3
    settings.HTTP_CONNECT_TIMEOUT = 0.5
    settings.HTTP_RATE_LIMIT_PER_SECOND = 0
    cache.clear()
    return settings


@pytest.fixture
def server():
    with ScriptedServer() as running:
        yield running


def test_retries_server_errors_then_succeeds(http_settings, server):
    server.script["/bills"] = [Reply(500), Reply(503), Reply(200, b'{"ok": true}')]
    assert get_json(build_session(), f"{server.url}/bills") == {"ok": True}
    assert len(server.seen["/bills"]) == 3


def test_gives_up_after_the_configured_retries_with_a_clear_error(http_settings, server):
    server.script["/down"] = [Reply(500, b"boom")]
    with pytest.raises(FetchError) as raised:
        get_json(build_session(), f"{server.url}/down")
    assert len(server.seen["/down"]) == RETRIES + 1
    assert "/down" in str(raised.value) and raised.value.url.endswith("/down")


def test_waits_as_long_as_retry_after_says(http_settings, server):
    server.script["/busy"] = [Reply(429, b"slow down", {"Retry-After": "1"}), Reply(200, b"[]")]
    http_settings.HTTP_MAX_RETRY_AFTER = 5
    assert get_json(build_session(), f"{server.url}/busy") == []
    first, second = server.seen["/busy"]
    assert second.at - first.at >= 0.95


def test_caps_a_long_retry_after(http_settings, server):
    server.script["/busy"] = [Reply(429, b"", {"Retry-After": "3600"}), Reply(200, b"[]")]
    assert get_json(build_session(), f"{server.url}/busy") == []
    first, second = server.seen["/busy"]
    assert second.at - first.at < 5  # capped at HTTP_MAX_RETRY_AFTER (0.6 s), not an hour


def test_does_not_retry_a_404(http_settings, server):
    with pytest.raises(FetchError) as raised:
        get_json(build_session(), f"{server.url}/missing")
    assert raised.value.not_found
    assert len(server.seen["/missing"]) == 1


def test_slow_responses_time_out_and_are_retried(http_settings, server):
    server.script["/slow"] = [Reply(delay=1.0), Reply(delay=1.0), Reply(200, b'"finally"')]
    assert get_json(build_session(), f"{server.url}/slow") == "finally"
    assert len(server.seen["/slow"]) == 3


def test_dropped_connections_are_retried_then_reported(http_settings, server):
    server.script["/drop"] = [Reply(drop=True)]
    with pytest.raises(FetchError, match="connection failed|gave up"):
        get_json(build_session(), f"{server.url}/drop")
    assert len(server.seen["/drop"]) == RETRIES + 1


def test_rate_limit_holds_requests_to_one_host_within_the_rate(http_settings, server):
    http_settings.HTTP_RATE_LIMIT_PER_SECOND = 10
    server.script["/page"] = [Reply(200, b"[]")]
    session = build_session()
    for _ in range(12):
        get_json(session, f"{server.url}/page")
    starts = [seen.at for seen in server.seen["/page"]]
    assert starts[-1] - starts[0] >= 0.95  # 12 requests at 10 a second: the 11th waits for the window


def test_sends_a_descriptive_user_agent(http_settings, server):
    server.script["/ua"] = [Reply(200, b"[]")]
    get_json(build_session(), f"{server.url}/ua")
    assert server.seen["/ua"][0].headers["User-Agent"].startswith("clause-tracker/")


def test_conditional_get_reuses_the_stored_body_on_304(http_settings, server):
    def etag_reply(headers: dict) -> Reply:
        if headers.get("If-None-Match") == '"v1"':
            return Reply(304, b"", {"ETag": '"v1"'})
        return Reply(200, b'{"title": "Example"}', {"Content-Type": "application/json", "ETag": '"v1"'})

    server.script["/doc"] = etag_reply
    session = build_session()
    first = session.get(f"{server.url}/doc")
    second = session.get(f"{server.url}/doc")
    assert second.status_code == 200 and second.json() == {"title": "Example"}
    assert NOT_MODIFIED_HEADER not in first.headers
    assert second.headers[NOT_MODIFIED_HEADER] == "1"
    assert server.seen["/doc"][1].headers["If-None-Match"] == '"v1"'


def test_non_json_body_is_a_clear_error(http_settings, server):
    server.script["/html"] = [Reply(200, b"<html>maintenance</html>", {"Content-Type": "text/html"})]
    with pytest.raises(FetchError, match="not JSON"):
        get_json(build_session(), f"{server.url}/html")
