"""Members API requests. Returns raw JSON."""

from typing import Any

import requests

from tracker.http.fetch import get_json


def member(session: requests.Session, *, base_url: str, member_id: int) -> Any:
    return get_json(session, f"{base_url}/Members/{member_id}")
