"""Parse the Bills API's amendment and ping-pong documents into frozen dataclasses.

Shapes follow the 2025 spec (`openapi/bills-api.json` in the reference pack). No amendment
or ping-pong response has been captured, so the tests use spec-shaped documents only.
`decision` keeps the API's string: a value the spec does not list is data, not an error.
The spec marks no field required. Fields we cannot do without (ids, `decision`, `house`,
`sortOrder`) still fail their record when missing; `amendmentType` and `isLead` read as None
when absent, which is how a response says the record does not give them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from bills.sources.bills_api_parse import Page, parse_page
from tracker.parsing import (
    ParseError,
    as_mapping,
    each_entry,
    optional_bool,
    optional_int,
    optional_str,
    required_bool,
    required_int,
    required_str,
)

T = TypeVar("T")

AMENDMENT_DECISIONS: tuple[str, ...] = (
    "NoDecision",
    "Withdrawn",
    "Disagreed",
    "NotMoved",
    "Agreed",
    "QuestionProposed",
    "NotSelected",
    "WithdrawnBeforeDebate",
    "StoodPart",
    "NotStoodPart",
    "Preempted",
    "NotCalled",
    "NegativedOnDivision",
    "AgreedOnDivision",
)
"""The AmendmentDecision values of the 2025 Bills API spec, in the spec's order."""


@dataclass(frozen=True, kw_only=True)
class AmendmentMember:
    """Mirrors the Bills API AmendmentMember schema: a sponsor of an amendment or motion."""

    member_id: int
    name: str | None
    party: str | None
    party_colour: str | None  # hex without '#'
    house: str
    member_photo: str | None
    member_page: str | None
    member_from: str | None
    sort_order: int
    is_lead: bool | None  # None: the record does not say who leads


@dataclass(frozen=True, kw_only=True)
class AmendmentLine:
    """Mirrors the Bills API AmendmentLine schema: one printed line of an amendment or motion."""

    text: str | None
    indentation: int
    hanging_indentation: str | None
    is_image: bool
    image_type: str | None


@dataclass(frozen=True, kw_only=True)
class DecidedItem:
    """The fields shared by the Bills API AmendmentSearchItem, AmendmentDetail, MotionSummary,
    MotionDetail, PingPongAmendmentSummary and PingPongAmendmentDetail schemas."""

    id: int
    bill_id: int
    bill_stage_id: int
    status_indicator: str | None
    decision: str
    decision_explanation: str | None  # may contain HTML
    sponsors: tuple[AmendmentMember, ...]  # in the API's order


@dataclass(frozen=True, kw_only=True)
class Amendment(DecidedItem):
    """The fields shared by the Bills API AmendmentSearchItem and AmendmentDetail schemas."""

    amendment_id: int
    amendment_type: str | None  # None: not given
    clause: int | None
    schedule: int | None
    page_number: int | None
    line_number: int | None
    amendment_position: str | None
    marshalled_list_text: str | None  # the number as printed, e.g. "1" or "NC7"


@dataclass(frozen=True, kw_only=True)
class AmendmentSearchItem(Amendment):
    """Mirrors the Bills API AmendmentSearchItem schema (one entry of a stage's amendment list)."""

    summary_text: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class AmendmentDetail(Amendment):
    """Mirrors the Bills API AmendmentDetail schema (one amendment with its printed text)."""

    amendment_lines: tuple[AmendmentLine, ...]
    explanatory_text_prefix: str | None
    explanatory_text: str | None
    amendment_note: str | None
    amendment_location: str | None
    main_header: str | None


@dataclass(frozen=True, kw_only=True)
class PingPongAmendment:
    """Mirrors the Bills API PingPongAmendment schema: an amendment printed within a group."""

    number: str | None
    decision: str
    sort_order: int
    text: tuple[AmendmentLine, ...]
    sponsors: tuple[AmendmentMember, ...]


@dataclass(frozen=True, kw_only=True)
class PingPongGroup:
    """Mirrors the Bills API MotionGroup and AmendmentGroup schemas, which have the same fields."""

    text: tuple[AmendmentLine, ...]
    amendments: tuple[PingPongAmendment, ...]
    sort_order: int


@dataclass(frozen=True, kw_only=True)
class PingPongSummary(DecidedItem):
    """Mirrors the Bills API MotionSummary and PingPongAmendmentSummary schemas, which have
    the same fields."""

    type: str
    number: str | None  # as printed, e.g. "102A"
    summary: str | None


@dataclass(frozen=True, kw_only=True)
class PingPongDetail(PingPongSummary):
    """Mirrors the Bills API MotionDetail and PingPongAmendmentDetail schemas; `groups` holds
    their `motionGroups` or `amendmentGroups`."""

    groups: tuple[PingPongGroup, ...]


@dataclass(frozen=True, kw_only=True)
class PingPongItem(Generic[T]):
    """Mirrors the Bills API AmendmentSummaryMotionSummaryPingPongItem and
    AmendmentDetailMotionDetailPingPongItem schemas: exactly one side is filled in."""

    type: str
    amendment: T | None
    motion: T | None


def parse_amendment_search_result(raw: Any) -> Page[AmendmentSearchItem]:
    """`GET /Bills/{billId}/Stages/{billStageId}/Amendments`."""
    return parse_page(raw, parse_amendment_search_item, where="AmendmentSearchItemSearchResult")


def parse_amendment_search_item(raw: Any) -> AmendmentSearchItem:
    where = "AmendmentSearchItem"
    raw = as_mapping(raw, where=where)
    summary_text = each_entry(raw, "summaryText", _text_entry, where=where)
    return AmendmentSearchItem(**_amendment_fields(raw, where=where), summary_text=summary_text)


def parse_amendment_detail(raw: Any) -> AmendmentDetail:
    """`GET /Bills/{billId}/Stages/{billStageId}/Amendments/{amendmentId}`."""
    where = "AmendmentDetail"
    raw = as_mapping(raw, where=where)
    return AmendmentDetail(
        **_amendment_fields(raw, where=where),
        amendment_lines=each_entry(raw, "amendmentLines", _amendment_line, where=where),
        explanatory_text_prefix=optional_str(raw, "explanatoryTextPrefix", where=where),
        explanatory_text=optional_str(raw, "explanatoryText", where=where),
        amendment_note=optional_str(raw, "amendmentNote", where=where),
        amendment_location=optional_str(raw, "amendmentLocation", where=where),
        main_header=optional_str(raw, "mainHeader", where=where),
    )


def parse_ping_pong_search_result(raw: Any) -> Page[PingPongItem[PingPongSummary]]:
    """`GET /Bills/{billId}/Stages/{billStageId}/PingPongItems`."""
    return parse_page(
        raw, parse_ping_pong_summary_item, where="AmendmentSummaryMotionSummaryPingPongItemSearchResult"
    )


def parse_ping_pong_summary_item(raw: Any) -> PingPongItem[PingPongSummary]:
    return _ping_pong_item(raw, _ping_pong_summary, where="AmendmentSummaryMotionSummaryPingPongItem")


def parse_ping_pong_detail_item(raw: Any) -> PingPongItem[PingPongDetail]:
    """`GET /Bills/{billId}/Stages/{billStageId}/PingPongItems/{pingPongItemId}`."""
    return _ping_pong_item(raw, _ping_pong_detail, where="AmendmentDetailMotionDetailPingPongItem")


_PING_PONG_SIDES = {"amendment": "Amendment", "motion": "Motion"}  # field name -> PingpongItemType


def _ping_pong_item(
    raw: Any, parse_side: Callable[[Mapping[str, Any], str, str], T], *, where: str
) -> PingPongItem[T]:
    raw = as_mapping(raw, where=where)
    item_type = required_str(raw, "type", where=where)
    filled = [side for side in _PING_PONG_SIDES if raw.get(side) is not None]
    if len(filled) != 1:
        raise ParseError(f"exactly one of 'amendment' and 'motion' should be filled, got {filled}", where=where)
    side = filled[0]
    if item_type in _PING_PONG_SIDES.values() and item_type != _PING_PONG_SIDES[side]:
        raise ParseError(f"type is {item_type!r} but {side!r} is filled in", where=where)
    side_where = f"{where}.{side}"
    parsed = parse_side(as_mapping(raw[side], where=side_where), side, side_where)
    return PingPongItem(
        type=item_type,
        amendment=parsed if side == "amendment" else None,
        motion=parsed if side == "motion" else None,
    )


def _ping_pong_summary(raw: Mapping[str, Any], side: str, where: str) -> PingPongSummary:
    return PingPongSummary(**_ping_pong_summary_fields(raw, where=where))


def _ping_pong_detail(raw: Mapping[str, Any], side: str, where: str) -> PingPongDetail:
    groups = each_entry(raw, f"{side}Groups", _ping_pong_group, where=where)
    return PingPongDetail(**_ping_pong_summary_fields(raw, where=where), groups=groups)


def _ping_pong_summary_fields(raw: Mapping[str, Any], *, where: str) -> dict[str, Any]:
    return {
        **_decided_item_fields(raw, where=where),
        "type": required_str(raw, "type", where=where),
        "number": optional_str(raw, "number", where=where),
        "summary": optional_str(raw, "summary", where=where),
    }


def _ping_pong_group(raw: Any, where: str) -> PingPongGroup:
    raw = as_mapping(raw, where=where)
    return PingPongGroup(
        text=each_entry(raw, "text", _amendment_line, where=where),
        amendments=each_entry(raw, "amendments", _ping_pong_amendment, where=where),
        sort_order=required_int(raw, "sortOrder", where=where),
    )


def _ping_pong_amendment(raw: Any, where: str) -> PingPongAmendment:
    raw = as_mapping(raw, where=where)
    return PingPongAmendment(
        number=optional_str(raw, "number", where=where),
        decision=required_str(raw, "decision", where=where),
        sort_order=required_int(raw, "sortOrder", where=where),
        text=each_entry(raw, "text", _amendment_line, where=where),
        sponsors=each_entry(raw, "sponsors", _amendment_member, where=where),
    )


def _amendment_fields(raw: Mapping[str, Any], *, where: str) -> dict[str, Any]:
    return {
        **_decided_item_fields(raw, where=where),
        "amendment_id": required_int(raw, "amendmentId", where=where),
        "amendment_type": optional_str(raw, "amendmentType", where=where),
        "clause": optional_int(raw, "clause", where=where),
        "schedule": optional_int(raw, "schedule", where=where),
        "page_number": optional_int(raw, "pageNumber", where=where),
        "line_number": optional_int(raw, "lineNumber", where=where),
        "amendment_position": optional_str(raw, "amendmentPosition", where=where),
        "marshalled_list_text": optional_str(raw, "marshalledListText", where=where),
    }


def _decided_item_fields(raw: Mapping[str, Any], *, where: str) -> dict[str, Any]:
    return {
        "id": required_int(raw, "id", where=where),
        "bill_id": required_int(raw, "billId", where=where),
        "bill_stage_id": required_int(raw, "billStageId", where=where),
        "status_indicator": optional_str(raw, "statusIndicator", where=where),
        "decision": required_str(raw, "decision", where=where),
        "decision_explanation": optional_str(raw, "decisionExplanation", where=where),
        "sponsors": each_entry(raw, "sponsors", _amendment_member, where=where),
    }


def _amendment_member(raw: Any, where: str) -> AmendmentMember:
    raw = as_mapping(raw, where=where)
    return AmendmentMember(
        member_id=required_int(raw, "memberId", where=where),
        name=optional_str(raw, "name", where=where),
        party=optional_str(raw, "party", where=where),
        party_colour=optional_str(raw, "partyColour", where=where),
        house=required_str(raw, "house", where=where),
        member_photo=optional_str(raw, "memberPhoto", where=where),
        member_page=optional_str(raw, "memberPage", where=where),
        member_from=optional_str(raw, "memberFrom", where=where),
        sort_order=required_int(raw, "sortOrder", where=where),
        is_lead=optional_bool(raw, "isLead", where=where),
    )


def _amendment_line(raw: Any, where: str) -> AmendmentLine:
    raw = as_mapping(raw, where=where)
    return AmendmentLine(
        text=optional_str(raw, "text", where=where),
        indentation=required_int(raw, "indentation", where=where),
        hanging_indentation=optional_str(raw, "hangingIndentation", where=where),
        is_image=required_bool(raw, "isImage", where=where),
        image_type=optional_str(raw, "imageType", where=where),
    )


def _text_entry(raw: Any, where: str) -> str:
    if not isinstance(raw, str):
        raise ParseError(f"expected a string, got {raw!r}", where=where)
    return raw
