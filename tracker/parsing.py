"""Shared pieces for the pure parsers: one error type and the field readers they all use.

Parsers turn raw source documents into frozen dataclasses. They import neither Django
nor requests and never read the clock, so they can be tested on recorded responses alone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class ParseError(ValueError):
    """A source document (or one record in it) does not have the shape we rely on."""

    def __init__(self, message: str, *, where: str = "") -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.where = where


@dataclass(frozen=True)
class Parsed(Generic[T]):
    """The records of one document that parsed, and an error for each one that did not."""

    items: tuple[T, ...]
    errors: tuple[ParseError, ...] = ()


def parse_each(raw_items: Iterable[Any], parse_one: Callable[[Any], T], *, where: str) -> Parsed[T]:
    """Parse every record, keeping the good ones when some are malformed."""
    items: list[T] = []
    errors: list[ParseError] = []
    for index, raw in enumerate(raw_items):
        try:
            items.append(parse_one(raw))
        except ParseError as error:
            errors.append(ParseError(str(error), where=f"{where}[{index}]"))
    return Parsed(tuple(items), tuple(errors))


def as_mapping(raw: Any, *, where: str) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        raise ParseError(f"expected an object, got {type(raw).__name__}", where=where)
    return raw


def as_list(raw: Any, *, where: str) -> list[Any]:
    if not isinstance(raw, list):
        raise ParseError(f"expected a list, got {type(raw).__name__}", where=where)
    return raw


def required(raw: Mapping[str, Any], key: str, *, where: str) -> Any:
    """The value of a field the spec marks required; missing or null is a ParseError."""
    value = raw.get(key)
    if value is None:
        raise ParseError(f"required field {key!r} is missing", where=where)
    return value


def required_int(raw: Mapping[str, Any], key: str, *, where: str) -> int:
    value = required(raw, key, where=where)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParseError(f"field {key!r} should be an integer, got {value!r}", where=where)
    return value


_FRACTION = re.compile(r"\.(\d+)")


def parse_datetime(value: str | None, *, where: str = "") -> dt.datetime | None:
    """Parliament's timestamps: ISO 8601, usually without a zone (UK local time), with up
    to 7 fractional digits (`2021-05-04T10:42:08.0579851`), which Python only takes to 6."""
    if value is None or value == "":
        return None
    text = _FRACTION.sub(lambda m: "." + m.group(1)[:6].ljust(6, "0"), str(value))
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as error:
        raise ParseError(f"not a date-time: {value!r}", where=where) from error


def parse_date(value: str | None, *, where: str = "") -> dt.date | None:
    parsed = parse_datetime(value, where=where)
    return parsed.date() if parsed else None


# Field readers: a field the spec marks required (missing or null is a ParseError) or optional
# (null reads as None); either way a value of the wrong type is a ParseError.


def required_str(raw: Mapping[str, Any], key: str, *, where: str) -> str:
    value = required(raw, key, where=where)
    if not isinstance(value, str):
        raise ParseError(f"field {key!r} should be a string, got {value!r}", where=where)
    return value


def required_bool(raw: Mapping[str, Any], key: str, *, where: str) -> bool:
    value = required(raw, key, where=where)
    if not isinstance(value, bool):
        raise ParseError(f"field {key!r} should be true or false, got {value!r}", where=where)
    return value


def required_datetime(raw: Mapping[str, Any], key: str, *, where: str) -> dt.datetime:
    parsed = parse_datetime(required_str(raw, key, where=where), where=f"{where}.{key}")
    if parsed is None:
        raise ParseError(f"required field {key!r} is empty", where=where)
    return parsed


def optional_str(raw: Mapping[str, Any], key: str, *, where: str) -> str | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise ParseError(f"field {key!r} should be a string, got {value!r}", where=where)
    return value


def optional_int(raw: Mapping[str, Any], key: str, *, where: str) -> int | None:
    return None if raw.get(key) is None else required_int(raw, key, where=where)


def optional_bool(raw: Mapping[str, Any], key: str, *, where: str) -> bool | None:
    return None if raw.get(key) is None else required_bool(raw, key, where=where)


def optional_datetime(raw: Mapping[str, Any], key: str, *, where: str) -> dt.datetime | None:
    return parse_datetime(raw.get(key), where=f"{where}.{key}")


def optional_object(raw: Mapping[str, Any], key: str, parse: Callable[[Any], T]) -> T | None:
    value = raw.get(key)
    return None if value is None else parse(value)


def listed(raw: Mapping[str, Any], key: str, *, where: str) -> list[Any]:
    """A list field the spec promises (nullable there, so null reads as none). A missing key
    is a ParseError, not an empty list: a source that renamed `sponsors` has not taken every
    sponsor off, and reading it as empty would delete what is stored."""
    if key not in raw:
        raise ParseError(f"list field {key!r} is missing", where=where)
    return as_list(raw[key] or [], where=f"{where}.{key}")


def parse_each_in(raw: Mapping[str, Any], key: str, parse_one: Callable[[Any], T], *, where: str) -> Parsed[T]:
    """`parse_each` over a nullable list field: a bad entry fails alone."""
    entries = listed(raw, key, where=where)
    return parse_each(entries, parse_one, where=f"{where}.{key}")


def each_entry(raw: Mapping[str, Any], key: str, parse_one: Callable[[Any, str], T], *, where: str) -> tuple[T, ...]:
    """Every entry of a nullable list field (null reads as none), parsed strictly: one bad
    entry fails the whole record, because a silently dropped sponsor or vote is a wrong fact."""
    entries = listed(raw, key, where=where)
    return tuple(parse_one(entry, f"{where}.{key}[{index}]") for index, entry in enumerate(entries))
