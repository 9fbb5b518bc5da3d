"""The one place that builds the requests.Session every scraper uses.

Live:     Conditional GET -> timeouts, retries with capped backoff, per-host rate limit.
Record:   the same live transport, every response also written to a snapshot directory.
Replay:   answers from a snapshot directory; nothing goes to the network.
"""

from __future__ import annotations

from pathlib import Path

import requests
from django.conf import settings
from django.core.cache import cache

from .conditional import ConditionalAdapter
from .polite import PoliteHTTPAdapter, build_retry
from .ratelimit import HostRateLimit
from .snapshot import SnapshotRecordingAdapter, SnapshotReplayAdapter


def host_rate_limit() -> HostRateLimit:
    """The per-host limit every scraping process shares (HTTP_RATE_LIMIT_STORAGE)."""
    return HostRateLimit(settings.HTTP_RATE_LIMIT_PER_SECOND, settings.HTTP_RATE_LIMIT_STORAGE,
                         namespace=settings.HTTP_RATE_LIMIT_NAMESPACE)


def live_adapter() -> PoliteHTTPAdapter:
    limiter = host_rate_limit()
    return PoliteHTTPAdapter(
        timeout=(settings.HTTP_CONNECT_TIMEOUT, settings.HTTP_READ_TIMEOUT),
        retry=build_retry(
            retries=settings.HTTP_RETRIES,
            backoff_factor=settings.HTTP_BACKOFF_FACTOR,
            max_retry_after=settings.HTTP_MAX_RETRY_AFTER,
            on_too_many=limiter.pause,
        ),
        limiter=limiter,
        deadline=settings.HTTP_REQUEST_DEADLINE,
    )


def build_session(*, snapshot_dir: str | Path | None = None, record_dir: str | Path | None = None) -> requests.Session:
    """A session for scraping: replaying `snapshot_dir`, recording into `record_dir`, or live."""
    if snapshot_dir and record_dir:
        raise ValueError("Replay and record cannot be combined: record from the live sources.")
    session = requests.Session()
    session.headers["User-Agent"] = settings.HTTP_USER_AGENT
    session.headers["Accept"] = "application/json, text/html;q=0.9, application/xml;q=0.8"
    if snapshot_dir:
        adapter = SnapshotReplayAdapter(snapshot_dir)
    elif record_dir:
        adapter = SnapshotRecordingAdapter(live_adapter(), record_dir)
    else:
        adapter = ConditionalAdapter(live_adapter(), cache)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
