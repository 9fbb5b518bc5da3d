"""Commons Votes and Lords Votes API requests: division search (bare arrays without a total,
so paging stops at a short page) and one division by id. Returns raw JSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import requests

from tracker.http.fetch import get_json, iter_pages

PAGE_SIZE = 25  # both votes APIs' default `take`


def commons_search_url(*, base_url: str) -> str:
    return f"{base_url}/divisions.json/search"


def lords_search_url(*, base_url: str) -> str:
    return f"{base_url}/Divisions/search"


def commons_division_search_pages(session: requests.Session, *, base_url: str, search_term: str | None = None,
                                  on: dt.date | None = None) -> Iterator[list]:
    """By words in the title, or (`on`) every division of one day."""
    day = {"queryParameters.startDate": on.isoformat(), "queryParameters.endDate": on.isoformat()} if on else {}
    words = {"queryParameters.searchTerm": search_term} if search_term else {}
    return _search_pages(session, commons_search_url(base_url=base_url), lambda skip: {
        **words, **day, "queryParameters.skip": skip, "queryParameters.take": PAGE_SIZE})


def lords_division_search_pages(session: requests.Session, *, base_url: str, search_term: str | None = None,
                                on: dt.date | None = None) -> Iterator[list]:
    """By words in the title, or (`on`) every division of one day."""
    day = {"StartDate": on.isoformat(), "EndDate": on.isoformat()} if on else {}
    words = {"SearchTerm": search_term} if search_term else {}
    return _search_pages(session, lords_search_url(base_url=base_url), lambda skip: {
        **words, **day, "skip": skip, "take": PAGE_SIZE})


def commons_division(session: requests.Session, *, base_url: str, division_id: int) -> Any:
    return get_json(session, f"{base_url}/division/{division_id}.json")


def lords_division(session: requests.Session, *, base_url: str, division_id: int) -> Any:
    return get_json(session, f"{base_url}/Divisions/{division_id}")


def _search_pages(session: requests.Session, url: str, params_for: Callable[[int], dict]) -> Iterator[list]:
    return iter_pages(
        lambda skip: get_json(session, url, params_for(skip)),
        items_of=lambda page: page if isinstance(page, list) else [],
        total_of=lambda page: None,
        page_size=PAGE_SIZE,
    )
