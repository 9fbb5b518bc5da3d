"""One request rate per source host, shared by every worker that scrapes it.

`limits` counts request starts per host in a moving window: in Redis when the storage is a
redis:// URL (every worker process on every machine shares the count), in this process's
memory otherwise (the embedded default). A 429's Retry-After pauses the host for everyone
sharing the storage, not only the worker that was told.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from limits import RateLimitItem, RateLimitItemPerSecond
from limits.storage import Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter


def rate_item(per_second: float) -> RateLimitItem | None:
    """`per_second` as a limits item: 5 -> 5 per second, 0.5 -> 1 per 2 seconds; 0 -> no limit."""
    if per_second <= 0:
        return None
    if per_second >= 1:
        return RateLimitItemPerSecond(round(per_second), 1)
    return RateLimitItemPerSecond(1, round(1 / per_second))


class HostRateLimit:
    """At most the configured rate of request starts per host; callers wait their turn."""

    def __init__(self, per_second: float, storage: Storage | str = "memory://", *, namespace: str = "http",
                 clock: Callable[[], float] = time.time, sleep: Callable[[float], None] = time.sleep) -> None:
        self.item = rate_item(per_second)
        self.storage = storage_from_string(storage) if isinstance(storage, str) else storage
        self.limiter = MovingWindowRateLimiter(self.storage)
        self.namespace = namespace
        self._clock = clock
        self._sleep = sleep

    def wait(self, host: str) -> None:
        """Return when a request to `host` may start: after any pause, within the rate."""
        self._wait_out_pause(host)
        if self.item is None:
            return
        while not self.limiter.hit(self.item, self.namespace, host):
            reset_at = self.limiter.get_window_stats(self.item, self.namespace, host).reset_time
            self._sleep(max(reset_at - self._clock(), 0.01))

    def pause(self, host: str, seconds: float) -> None:
        """Hold every request to `host` back for `seconds` (a 429's Retry-After)."""
        if seconds <= 0:
            return
        key = self._pause_key(host)
        self.storage.clear(key)
        self.storage.incr(key, math.ceil(seconds))

    def _wait_out_pause(self, host: str) -> None:
        key = self._pause_key(host)
        if self.storage.get(key):
            self._sleep(max(self.storage.get_expiry(key) - self._clock(), 0.0))

    def _pause_key(self, host: str) -> str:
        return f"{self.namespace}/pause/{host}"
