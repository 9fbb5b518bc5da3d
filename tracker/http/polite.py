"""The live transport: timeouts, capped retries with backoff, and a per-host rate limit."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from urllib.parse import urlsplit

from requests import PreparedRequest, Response
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .deadline import body_read

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class CappedRetry(Retry):
    """urllib3's Retry, but a server's Retry-After is never obeyed for longer than a cap."""

    max_retry_after: float = 60.0

    def __init__(self, *args, max_retry_after: float | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if max_retry_after is not None:
            self.max_retry_after = max_retry_after

    def new(self, **kwargs) -> "CappedRetry":
        retry = super().new(**kwargs)
        retry.max_retry_after = self.max_retry_after
        return retry

    def parse_retry_after(self, retry_after: str) -> float:
        return min(super().parse_retry_after(retry_after), self.max_retry_after)


def build_retry(*, retries: int, backoff_factor: float, max_retry_after: float) -> CappedRetry:
    return CappedRetry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        backoff_factor=backoff_factor,
        backoff_max=max_retry_after,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET", "HEAD"}),
        respect_retry_after_header=True,
        raise_on_status=False,
        max_retry_after=max_retry_after,
    )


class HostRateLimiter:
    """At most `per_second` request starts per host; callers wait their turn."""

    def __init__(self, per_second: float, *, clock=time.monotonic, sleep=time.sleep) -> None:
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self._next_start: dict[str, float] = defaultdict(float)
        self._lock = threading.Lock()
        self._clock = clock
        self._sleep = sleep

    def wait(self, host: str) -> None:
        if not self.interval:
            return
        with self._lock:
            now = self._clock()
            start = max(now, self._next_start[host])
            self._next_start[host] = start + self.interval
        if start > now:
            self._sleep(start - now)


class PoliteHTTPAdapter(HTTPAdapter):
    """`deadline`: seconds a request may take in all, retries and body included."""

    def __init__(self, *, timeout: tuple[float, float], retry: Retry, limiter: HostRateLimiter,
                 deadline: float) -> None:
        super().__init__(max_retries=retry)
        self.timeout = timeout
        self.limiter = limiter
        self.deadline = deadline

    def send(self, request: PreparedRequest, stream: bool = False, timeout=None, **kwargs) -> Response:
        self.limiter.wait(urlsplit(request.url or "").netloc)
        deadline = time.monotonic() + self.deadline
        response = super().send(request, stream=True, timeout=timeout or self.timeout, **kwargs)
        if not stream:
            body_read(response, deadline=deadline)
        return response
