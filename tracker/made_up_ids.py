"""Ids the tracker made up (a reconstructed snapshot gives them where Parliament's are not
recorded: 9000000 and above, and Hansard GUIDs of zeros ending in such a number). A link to a
Parliament website is never built from one."""

from __future__ import annotations

import re

MADE_UP_FROM = 9_000_000
_MADE_UP_GUID = re.compile(r"^0{8}-0{4}-0{4}-0{4}-(\d{12})$")


def is_made_up(value: int | str | None) -> bool:
    if value is None:
        return False
    text = str(value)
    if text.isdigit():
        return int(text) >= MADE_UP_FROM
    guid = _MADE_UP_GUID.match(text)
    return bool(guid) and int(guid.group(1)) >= MADE_UP_FROM


def unless_made_up(url: str, *ids: int | str | None) -> str:
    """`url`, or blank when it is built from a made-up id."""
    return "" if any(is_made_up(value) for value in ids) else url
