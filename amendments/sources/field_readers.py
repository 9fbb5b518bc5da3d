"""Field readers the amendment and division parsers share that neither `tracker.parsing` nor
the public readers of `bills.sources.bills_api_parse` provide."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from bills.sources.bills_api_parse import required_bool, required_str
from tracker.parsing import ParseError, as_list, parse_datetime

T = TypeVar("T")


def required_datetime(raw: Mapping[str, Any], key: str, *, where: str) -> dt.datetime:
    parsed = parse_datetime(required_str(raw, key, where=where), where=f"{where}.{key}")
    if parsed is None:
        raise ParseError(f"required field {key!r} is empty", where=where)
    return parsed


def optional_bool(raw: Mapping[str, Any], key: str, *, where: str) -> bool | None:
    return None if raw.get(key) is None else required_bool(raw, key, where=where)


def each_entry(
    raw: Mapping[str, Any], key: str, parse_one: Callable[[Any, str], T], *, where: str
) -> tuple[T, ...]:
    """Every entry of a nullable list field (null reads as none), parsed strictly: one bad
    entry fails the whole record, because a silently dropped sponsor or vote is a wrong fact."""
    entries = as_list(raw.get(key) or [], where=f"{where}.{key}")
    return tuple(parse_one(entry, f"{where}.{key}[{index}]") for index, entry in enumerate(entries))
