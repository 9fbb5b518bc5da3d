"""What every API operation shares with the pages: the page cache (so the same version gives
the `ETag`, `Last-Modified` and 304 answer) behind a per-client rate limit with a clear 429."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja.decorators import decorate_view

from tracker.alerts.ratelimit import rate_limit_exceeded
from tracker.client_address import client_ip
from tracker.pagecache import cached_bill_page, cached_page


def rate_limited(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """At most API_RATE_LIMIT requests per client address per API_RATE_WINDOW_SECONDS; then 429
    with `Retry-After` until the window ends."""
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        window = settings.API_RATE_WINDOW_SECONDS
        if rate_limit_exceeded(scope="api", key=client_ip(request), limit=settings.API_RATE_LIMIT,
                               window_seconds=window):
            response = HttpResponse(json.dumps({"detail": f"Too many requests: at most {settings.API_RATE_LIMIT} "
                                                          f"every {window} seconds from one address."}),
                                    status=429, content_type="application/json")
            response["Retry-After"] = str(window)
            return response
        return view(request, *args, **kwargs)

    return wrapper


def bill_resource(operation):
    """An operation on one bill (its `bills_api_id` path parameter), cached under the bill's
    page version, as the bill's pages are."""
    return decorate_view(cached_bill_page, rate_limited)(operation)


def resource(operation):
    """An operation not keyed on one bill, cached under the data version, as such pages are."""
    return decorate_view(cached_page, rate_limited)(operation)
