"""Hansard API requests: the debate search for one House on one sitting day, and one debate
document. URL building and paging only; returns raw JSON, or a debate's raw bytes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import requests

from tracker.http.conditional import NOT_MODIFIED_HEADER
from tracker.http.fetch import get_json, get_response, iter_pages

PAGE_SIZE = 20


def debate_search_url(*, base_url: str) -> str:
    return f"{base_url}/search/debates.json"


def debate_url(*, base_url: str, ext_id: str) -> str:
    return f"{base_url}/debates/debate/{ext_id}.json"


def debate_search_params(*, house: str, sitting_date: dt.date, search_term: str, skip: int = 0) -> dict[str, Any]:
    day = sitting_date.isoformat()
    return {
        "queryParameters.house": house,
        "queryParameters.startDate": day,
        "queryParameters.endDate": day,
        "queryParameters.searchTerm": search_term,
        "queryParameters.skip": skip,
        "queryParameters.take": PAGE_SIZE,
    }


def debate_search_pages(
    session: requests.Session, *, base_url: str, house: str, sitting_date: dt.date, search_term: str
) -> Iterator[Any]:
    """Pages of debate sections in `house` on `sitting_date` matching `search_term`. Paging
    follows TotalResultCount when the page gives it, else stops at a short page."""
    return iter_pages(
        lambda skip: get_json(session, debate_search_url(base_url=base_url), debate_search_params(
            house=house, sitting_date=sitting_date, search_term=search_term, skip=skip)),
        items_of=_results,
        total_of=_total,
        page_size=PAGE_SIZE,
    )


def _results(page: Any) -> list:
    results = page.get("Results") if isinstance(page, dict) else None
    return results if isinstance(results, list) else []


def _total(page: Any) -> int | None:
    total = page.get("TotalResultCount") if isinstance(page, dict) else None
    return total if isinstance(total, int) else None


@dataclass(frozen=True)
class DebateDocument:
    """A debate as fetched: its bytes (for the content hash) and whether the HTTP layer
    answered from its store because the source said the document had not changed."""

    url: str
    content: bytes
    not_modified: bool


def debate(session: requests.Session, *, base_url: str, ext_id: str) -> DebateDocument:
    response = get_response(session, debate_url(base_url=base_url, ext_id=ext_id))
    return DebateDocument(response.url, response.content, response.headers.get(NOT_MODIFIED_HEADER) == "1")
