"""Bills API requests for a stage's amendments and ping-pong items: URL building and paging
only. Returns raw JSON."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import requests

from bills.sources.bills_api_fetch import pages as bills_api_pages  # the Bills API's Skip/Take paging
from tracker.http.fetch import get_json


def amendments_url(*, base_url: str, bill_id: int, bill_stage_id: int) -> str:
    return f"{base_url}/Bills/{bill_id}/Stages/{bill_stage_id}/Amendments"


def ping_pong_url(*, base_url: str, bill_id: int, bill_stage_id: int) -> str:
    return f"{base_url}/Bills/{bill_id}/Stages/{bill_stage_id}/PingPongItems"


def amendment_pages(session: requests.Session, *, list_url: str) -> Iterator[dict]:
    """Pages of `amendments_url` or `ping_pong_url`, to the end."""
    return bills_api_pages(session, list_url)


def list_item(session: requests.Session, *, list_url: str, item_id: int) -> Any:
    """One amendment (by `amendmentId`) or ping-pong item (by `pingPongItemId`) of a list."""
    return get_json(session, f"{list_url}/{item_id}")
