"""Fetching through the shared session: errors that say what failed, and paging."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import requests


class FetchError(Exception):
    """A request that did not give a usable response, with the URL that failed."""

    def __init__(self, url: str, message: str, *, status: int | None = None) -> None:
        super().__init__(f"{message} ({url})")
        self.url = url
        self.status = status

    @property
    def not_found(self) -> bool:
        return self.status == 404


def get_response(session: requests.Session, url: str, params: dict[str, Any] | None = None) -> requests.Response:
    try:
        response = session.get(url, params=params)
    except requests.exceptions.RetryError as error:
        raise FetchError(url, f"gave up after retries: {error}") from error
    except requests.exceptions.Timeout as error:
        raise FetchError(url, "timed out") from error
    except requests.exceptions.ConnectionError as error:
        raise FetchError(url, f"connection failed: {error}") from error
    except requests.exceptions.RequestException as error:  # a broken body, a bad redirect, ...
        raise FetchError(url, f"request failed: {error}") from error
    if response.status_code != 200:
        raise FetchError(response.url, f"HTTP {response.status_code}", status=response.status_code)
    return response


def get_json(session: requests.Session, url: str, params: dict[str, Any] | None = None) -> Any:
    response = get_response(session, url, params)
    try:
        return response.json()
    except (ValueError, json.JSONDecodeError) as error:
        raise FetchError(response.url, f"response is not JSON: {error}", status=response.status_code) from error


def iter_pages(
    fetch_page: Callable[[int], Any],
    *,
    items_of: Callable[[Any], list],
    total_of: Callable[[Any], int | None],
    page_size: int,
) -> Iterator[Any]:
    """Yield raw pages, asking for the next with skip advanced by the items received.

    With a total, stop once skip reaches it (a short page does not end paging early);
    without one, stop at a short or empty page. An empty page always stops, so a source
    that over-reports its total cannot loop forever.
    """
    skip = 0
    while True:
        page = fetch_page(skip)
        yield page
        received = len(items_of(page))
        skip += received
        total = total_of(page)
        if received == 0 or (skip >= total if total is not None else received < page_size):
            return
