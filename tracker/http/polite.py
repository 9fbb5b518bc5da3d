"""The live transport: timeouts, capped retries with backoff, and the per-host rate limit."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlsplit

from requests import PreparedRequest, Response
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .deadline import body_read
from .ratelimit import HostRateLimit

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class CappedRetry(Retry):
    """urllib3's Retry, but a server's Retry-After is never obeyed for longer than a cap,
    and a 429's Retry-After is passed to `on_too_many(host, seconds)` (the shared limit)."""

    max_retry_after: float = 60.0
    on_too_many: Callable[[str, float], None] | None = None

    def __init__(self, *args, max_retry_after: float | None = None,
                 on_too_many: Callable[[str, float], None] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if max_retry_after is not None:
            self.max_retry_after = max_retry_after
        self.on_too_many = on_too_many

    def new(self, **kwargs) -> "CappedRetry":
        retry = super().new(**kwargs)
        retry.max_retry_after = self.max_retry_after
        retry.on_too_many = self.on_too_many
        return retry

    def increment(self, method=None, url=None, response=None, error=None, _pool=None, _stacktrace=None):
        if response is not None and response.status == 429 and self.on_too_many and _pool is not None:
            seconds = self.get_retry_after(response)
            if seconds:
                self.on_too_many(_pool.host, seconds)
        return super().increment(method, url, response, error, _pool, _stacktrace)

    def parse_retry_after(self, retry_after: str) -> float:
        return min(super().parse_retry_after(retry_after), self.max_retry_after)


def build_retry(*, retries: int, backoff_factor: float, max_retry_after: float,
                on_too_many: Callable[[str, float], None] | None = None) -> CappedRetry:
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
        on_too_many=on_too_many,
    )


class PoliteHTTPAdapter(HTTPAdapter):
    """`deadline`: seconds a request may take in all, retries and body included."""

    def __init__(self, *, timeout: tuple[float, float], retry: Retry, limiter: HostRateLimit,
                 deadline: float) -> None:
        super().__init__(max_retries=retry)
        self.timeout = timeout
        self.limiter = limiter
        self.deadline = deadline

    def send(self, request: PreparedRequest, stream: bool = False, timeout=None, **kwargs) -> Response:
        self.limiter.wait(urlsplit(request.url or "").hostname or "")
        deadline = time.monotonic() + self.deadline
        response = super().send(request, stream=True, timeout=timeout or self.timeout, **kwargs)
        if not stream:
            body_read(response, deadline=deadline)
        return response
