"""Conditional GET: send the validators of the last response; on 304 answer from the store.

A response served this way carries the header `X-Tracker-Not-Modified: 1`, so a scraper
can skip re-parsing a document the source says has not changed.
"""

from __future__ import annotations

from typing import Any, Protocol

from requests import PreparedRequest, Response
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

NOT_MODIFIED_HEADER = "X-Tracker-Not-Modified"
_KEPT_HEADERS = ("Content-Type", "ETag", "Last-Modified")


class Store(Protocol):
    def get(self, key: str, default: Any = None) -> Any: ...
    def set(self, key: str, value: Any, timeout: int | None = None) -> None: ...


class ConditionalAdapter(BaseAdapter):
    def __init__(self, inner: BaseAdapter, store: Store, *, keep_seconds: int = 30 * 24 * 3600) -> None:
        super().__init__()
        self.inner = inner
        self.store = store
        self.keep_seconds = keep_seconds

    def send(self, request: PreparedRequest, **kwargs) -> Response:
        if request.method != "GET":
            return self.inner.send(request, **kwargs)
        key = f"http-validators:{request.url}"
        cached = self.store.get(key)
        if cached:
            if cached.get("ETag"):
                request.headers["If-None-Match"] = cached["ETag"]
            if cached.get("Last-Modified"):
                request.headers["If-Modified-Since"] = cached["Last-Modified"]
        response = self.inner.send(request, **kwargs)
        if response.status_code == 304 and cached:
            return self._from_store(response, cached)
        if response.status_code == 200 and ("ETag" in response.headers or "Last-Modified" in response.headers):
            entry = {name: response.headers[name] for name in _KEPT_HEADERS if name in response.headers}
            entry["body"] = response.content
            self.store.set(key, entry, self.keep_seconds)
        return response

    @staticmethod
    def _from_store(response: Response, cached: dict) -> Response:
        response.status_code = 200
        response._content = cached["body"]
        headers = {name: cached[name] for name in _KEPT_HEADERS if name in cached}
        headers[NOT_MODIFIED_HEADER] = "1"
        response.headers = CaseInsensitiveDict(headers)
        return response

    def close(self) -> None:
        self.inner.close()
