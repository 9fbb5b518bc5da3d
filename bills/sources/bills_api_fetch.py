"""Bills API requests: URL building and paging only. Returns raw JSON."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import requests

from tracker.http.fetch import get_json, iter_pages

PAGE_SIZE = 20  # the Bills API's own default page size (itemsPerPage in every sample)


def pages(session: requests.Session, url: str, params: dict[str, Any] | None = None) -> Iterator[dict]:
    """Skip/Take paging until totalResults is reached; a short page does not end it early."""
    return iter_pages(
        lambda skip: get_json(session, url, {**(params or {}), "Skip": skip, "Take": PAGE_SIZE}),
        items_of=lambda page: (page.get("items") or []) if isinstance(page, dict) else [],
        total_of=lambda page: page.get("totalResults") if isinstance(page, dict) else 0,
        page_size=PAGE_SIZE,
    )


def bill(session: requests.Session, *, base_url: str, bill_id: int) -> Any:
    return get_json(session, f"{base_url}/Bills/{bill_id}")


def bill_stage_pages(session: requests.Session, *, base_url: str, bill_id: int) -> Iterator[dict]:
    return pages(session, f"{base_url}/Bills/{bill_id}/Stages")


def publications(session: requests.Session, *, base_url: str, bill_id: int) -> Any:
    return get_json(session, f"{base_url}/Bills/{bill_id}/Publications")


def document_download_url(*, base_url: str, publication_id: int, document_id: int) -> str:
    """Where the Bills API serves a file of a publication (a PublicationDocument)."""
    return f"{base_url}/Publications/{publication_id}/Documents/{document_id}/Download"


def bill_type_pages(session: requests.Session, *, base_url: str) -> Iterator[dict]:
    return pages(session, f"{base_url}/BillTypes")


def stage_type_pages(session: requests.Session, *, base_url: str) -> Iterator[dict]:
    return pages(session, f"{base_url}/Stages")


def bills_by_last_update_pages(session: requests.Session, *, base_url: str) -> Iterator[dict]:
    """The bill list, most recently updated first: stop reading once bills are older than wanted."""
    return pages(session, f"{base_url}/Bills", {"SortOrder": "DateUpdatedDescending"})


def session_bill_pages(session: requests.Session, *, base_url: str, session_id: int) -> Iterator[dict]:
    """Every bill of a parliamentary session, most recently updated first."""
    return pages(session, f"{base_url}/Bills", {"Session": session_id, "SortOrder": "DateUpdatedDescending"})
