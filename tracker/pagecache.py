"""Public pages cached whole, under a version that changes only when what they show changes.

Every page is keyed on versions kept in the cache:
- a bill's pages (any address with `bills_api_id`): the bill's version, bumped by the scrape
  when it writes a row of that bill;
- every other public page (home, bill list, members, divisions, debates): the data version,
  bumped by the scrape when it writes anything;
- all of them: the edit version, bumped when an editor corrects a record.
A re-scrape that writes nothing bumps nothing, so every cached page stays warm. The same
versions give each page its `ETag` and `Last-Modified`, so a conditional GET is answered 304
before anything is read or rendered. The JSON API can key its own responses on `page_version`.

Requests that carry a session cookie (editors, staff) bypass the cache: their pages can differ.
A page is kept as its bytes and, apart, gzipped once: a repeat hit neither renders nor
compresses, and reads from the cache only the bytes its client takes (public pages carry no
secret, so the fixed compression gives BREACH nothing to find).
"""

from __future__ import annotations

import functools
import hashlib
import re
import time
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.text import compress_string

PAGE_SECONDS = 7 * 24 * 3600  # unread pages fall out; a version change makes them unreachable at once
_EDITS, _DATA = "page-version:edits", "page-version:data"
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def _bill_key(bills_api_id: int) -> str:
    return f"page-version:bill:{bills_api_id}"


def versions_bump(*, bill_ids: Iterable[int] = (), data: bool = True, edits: bool = False) -> None:
    """After a write: the bills' pages (and, with `data`, every page not keyed on a bill; with
    `edits`, every page) are rendered afresh on their next request."""
    now = str(time.time_ns())
    keys = [_bill_key(bill_id) for bill_id in bill_ids] + [_DATA] * data + [_EDITS] * edits
    cache.set_many(dict.fromkeys(keys, now), timeout=None)


def page_version(bills_api_id: int | None = None) -> str:
    """The version of a bill's pages (or, with None, of the pages not keyed on a bill): the
    nanosecond time of the latest write they read, with the edit version."""
    keys = [_EDITS, _bill_key(bills_api_id) if bills_api_id is not None else _DATA]
    found = cache.get_many(keys)
    missing = {key: str(time.time_ns()) for key in keys if key not in found}
    if missing:  # first request since the cache was emptied: start the versions now
        for key, value in missing.items():
            cache.add(key, value, timeout=None)
        found = cache.get_many(keys)
    return "-".join(found.get(key, "0") for key in keys)


def cached_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A public GET view not keyed on a bill, served from the cache under the data version."""
    return _cached(view, lambda kwargs: None)


def cached_bill_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A public GET view of one bill (its `bills_api_id` argument), served from the cache
    under the bill's version."""
    return _cached(view, lambda kwargs: kwargs["bills_api_id"])


def _cached(view: Callable[..., HttpResponse], bill_of: Callable[[dict], int | None]) -> Callable[..., HttpResponse]:
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return view(request, *args, **kwargs)
        version = page_version(bill_of(kwargs))
        digest = hashlib.sha1(f"{version}|{request.get_full_path()}".encode()).hexdigest()[:24]
        etag = f'"{digest}"'
        last_modified = max(int(part) for part in version.split("-")) // 1_000_000_000
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if not_modified is not None:
            return _validated(not_modified, etag, last_modified)
        gzipped = bool(_ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
        stored = cache.get(f"page:{'gz' if gzipped else 'plain'}:{digest}")  # only the bytes this client takes
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            if gzipped:
                response["Content-Encoding"] = "gzip"  # GZipMiddleware leaves it as it is
            patch_vary_headers(response, ("Accept-Encoding",))
            return _validated(response, etag, last_modified)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            kept = [(name, value) for name, value in response.items()
                    if name.lower() in ("content-type", "content-disposition", "content-language")]
            cache.set_many({f"page:plain:{digest}": (response.status_code, kept, response.content),
                            f"page:gz:{digest}": (response.status_code, kept, compress_string(response.content))},
                           PAGE_SECONDS)
            _validated(response, etag, last_modified)
        return response

    return wrapper


# Saving any of these is an editor's change: every page is rendered afresh. (Admin saves
# write a LogEntry; corrections and their conflicts are also written outside the admin.)
EDIT_MODELS = ("admin.LogEntry", "corrections.Override", "corrections.Conflict")


def _edited(sender, **kwargs) -> None:
    transaction.on_commit(lambda: versions_bump(data=False, edits=True))


def connect() -> None:
    for model in EDIT_MODELS:
        post_save.connect(_edited, sender=model, dispatch_uid=f"pagecache-save-{model}")
        post_delete.connect(_edited, sender=model, dispatch_uid=f"pagecache-delete-{model}")


def _validated(response: HttpResponse, etag: str, last_modified: int) -> HttpResponse:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, no_cache=True)  # keep it, but ask each time (304s are cheap)
    patch_vary_headers(response, ("Cookie",))
    return response
