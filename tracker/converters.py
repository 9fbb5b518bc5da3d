"""URL converters that validate ids before they reach the database: a value out of range,
too long or of the wrong shape matches no route (404) instead of failing in a query."""

from __future__ import annotations

from django.urls import register_converter

MAX_ID = 2**31 - 1  # the largest value an IntegerField holds on PostgreSQL


class SourceIdConverter:
    """A source's numeric id (Bills API, Members API, votes APIs)."""

    regex = "[0-9]{1,10}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError(f"{value} is larger than any stored id")
        return number

    def to_url(self, value: int) -> str:
        return str(value)


class ExtIdConverter:
    """A Hansard ExtId: a GUID, in capitals or not."""

    regex = "[0-9A-Za-z-]{1,64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class HouseConverter:
    regex = "[a-z]{1,16}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(SourceIdConverter, "id")
register_converter(ExtIdConverter, "ext_id")
register_converter(HouseConverter, "house")
