"""Parse Bills API responses (bills-api.parliament.uk/api/v1) into frozen dataclasses.

Pure functions: raw JSON (as loaded by `json.loads`) in, dataclasses out.

The spec (openapi/bills-api.json) lists no required fields, so we read it this way:
- a scalar the spec does not mark nullable is required (missing, null or ill-typed is a
  ParseError for the record that holds it);
- an object field (a `$ref`) may be null: the spec never marks one nullable, yet a sponsor's
  `member` is null when the sponsor is an organisation, and private-bill fields such as
  `agent` are empty on public bills;
- a null array reads as an empty tuple.
Enum strings (`House`, `BillTypeCategory`) are kept as given, so a value added by the API
later is data, not an error. A malformed record nested inside another (a sitting inside a
stage) fails the record that holds it; a malformed item of a page or list fails only itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from tracker.parsing import (
    ParseError,
    as_list,
    as_mapping,
    listed,
    optional_datetime,
    optional_object,
    optional_str,
    parse_each_in,
    required_bool,
    required_int,
    required_str,
)

T = TypeVar("T")


def _tuple_of(
    raw: Mapping[str, Any], key: str, parse: Callable[[Any], T], *, where: str
) -> tuple[T, ...]:
    """A nullable array of nested records, every one of which must parse."""
    return tuple(parse(item) for item in listed(raw, key, where=where))


def _int_tuple(raw: Mapping[str, Any], key: str, *, where: str) -> tuple[int, ...]:
    values = listed(raw, key, where=where)
    if not all(isinstance(value, int) and not isinstance(value, bool) for value in values):
        raise ParseError(f"field {key!r} should hold integers, got {values!r}", where=where)
    return tuple(values)


# Stages and sittings


@dataclass(frozen=True)
class BillStageSitting:
    """Mirrors the Bills API BillStageSitting schema: one day on which a stage sat."""

    id: int
    stage_id: int
    bill_stage_id: int
    bill_id: int
    date: dt.datetime | None


@dataclass(frozen=True)
class StageSummary:
    """Mirrors the Bills API StageSummary schema.

    `id` is this bill's stage (the `billStageId` of the amendment and ping-pong paths);
    `stage_id` is the stage type (a `StageReference.id`, e.g. 6 = 1st reading in the Commons).
    """

    id: int
    stage_id: int
    session_id: int
    description: str | None
    abbreviation: str | None
    house: str
    stage_sittings: tuple[BillStageSitting, ...]
    sort_order: int


def parse_bill_stage_sitting(raw: Any) -> BillStageSitting:
    where = "BillStageSitting"
    raw = as_mapping(raw, where=where)
    return BillStageSitting(
        id=required_int(raw, "id", where=where),
        stage_id=required_int(raw, "stageId", where=where),
        bill_stage_id=required_int(raw, "billStageId", where=where),
        bill_id=required_int(raw, "billId", where=where),
        date=optional_datetime(raw, "date", where=where),
    )


def parse_stage_summary(raw: Any) -> StageSummary:
    where = "StageSummary"
    raw = as_mapping(raw, where=where)
    return StageSummary(
        id=required_int(raw, "id", where=where),
        stage_id=required_int(raw, "stageId", where=where),
        session_id=required_int(raw, "sessionId", where=where),
        description=optional_str(raw, "description", where=where),
        abbreviation=optional_str(raw, "abbreviation", where=where),
        house=required_str(raw, "house", where=where),
        stage_sittings=_tuple_of(raw, "stageSittings", parse_bill_stage_sitting, where=where),
        sort_order=required_int(raw, "sortOrder", where=where),
    )


# Bills


@dataclass(frozen=True)
class SponsorMember:
    """Mirrors the Bills API Member schema (the member inside a Sponsor)."""

    member_id: int
    name: str | None
    party: str | None
    party_colour: str | None  # hex without '#', case as given
    house: str
    member_photo: str | None
    member_page: str | None
    member_from: str | None


@dataclass(frozen=True)
class Organisation:
    """Mirrors the Bills API Organisation schema (a sponsoring organisation)."""

    name: str | None
    url: str | None


@dataclass(frozen=True)
class Sponsor:
    """Mirrors the Bills API Sponsor schema: a member, an organisation, or both."""

    member: SponsorMember | None
    organisation: Organisation | None
    sort_order: int


@dataclass(frozen=True)
class Promoter:
    """Mirrors the Bills API Promoter schema (private bills)."""

    organisation_name: str | None
    organisation_url: str | None


@dataclass(frozen=True)
class BillAgent:
    """Mirrors the Bills API BillAgent schema (private bills)."""

    name: str | None
    address: str | None
    phone_no: str | None
    email: str | None
    website: str | None


@dataclass(frozen=True)
class BillSummary:
    """Mirrors the Bills API BillSummary schema: one bill of the GET /Bills list."""

    bill_id: int
    short_title: str | None
    former_short_title: str | None
    current_house: str  # "Unassigned" once the bill is an Act
    originating_house: str
    last_update: dt.datetime | None  # metadata only: a bill without it is still read
    bill_withdrawn: dt.datetime | None
    is_defeated: bool
    bill_type_id: int
    introduced_session_id: int
    included_session_ids: tuple[int, ...]
    is_act: bool
    current_stage: StageSummary | None


@dataclass(frozen=True)
class Bill(BillSummary):
    """Mirrors the Bills API Bill schema (GET /Bills/{billId}): a BillSummary and more."""

    long_title: str | None
    summary: str | None  # may contain HTML
    sponsors: tuple[Sponsor, ...]
    promoters: tuple[Promoter, ...]
    petitioning_period: str | None
    petition_information: str | None
    agent: BillAgent | None


def _parse_sponsor_member(raw: Any) -> SponsorMember:
    where = "Sponsor.member"
    raw = as_mapping(raw, where=where)
    return SponsorMember(
        member_id=required_int(raw, "memberId", where=where),
        name=optional_str(raw, "name", where=where),
        party=optional_str(raw, "party", where=where),
        party_colour=optional_str(raw, "partyColour", where=where),
        house=required_str(raw, "house", where=where),
        member_photo=optional_str(raw, "memberPhoto", where=where),
        member_page=optional_str(raw, "memberPage", where=where),
        member_from=optional_str(raw, "memberFrom", where=where),
    )


def _parse_organisation(raw: Any) -> Organisation:
    where = "Sponsor.organisation"
    raw = as_mapping(raw, where=where)
    return Organisation(
        name=optional_str(raw, "name", where=where), url=optional_str(raw, "url", where=where)
    )


def _parse_sponsor(raw: Any) -> Sponsor:
    where = "Sponsor"
    raw = as_mapping(raw, where=where)
    return Sponsor(
        member=optional_object(raw, "member", _parse_sponsor_member),
        organisation=optional_object(raw, "organisation", _parse_organisation),
        sort_order=required_int(raw, "sortOrder", where=where),
    )


def _parse_promoter(raw: Any) -> Promoter:
    where = "Promoter"
    raw = as_mapping(raw, where=where)
    return Promoter(
        organisation_name=optional_str(raw, "organisationName", where=where),
        organisation_url=optional_str(raw, "organisationUrl", where=where),
    )


def _parse_agent(raw: Any) -> BillAgent:
    where = "BillAgent"
    raw = as_mapping(raw, where=where)
    return BillAgent(
        name=optional_str(raw, "name", where=where),
        address=optional_str(raw, "address", where=where),
        phone_no=optional_str(raw, "phoneNo", where=where),
        email=optional_str(raw, "email", where=where),
        website=optional_str(raw, "website", where=where),
    )


def _bill_summary_fields(raw: Mapping[str, Any], *, where: str) -> dict[str, Any]:
    return {
        "bill_id": required_int(raw, "billId", where=where),
        "short_title": optional_str(raw, "shortTitle", where=where),
        "former_short_title": optional_str(raw, "formerShortTitle", where=where),
        "current_house": required_str(raw, "currentHouse", where=where),
        "originating_house": required_str(raw, "originatingHouse", where=where),
        "last_update": optional_datetime(raw, "lastUpdate", where=where),
        "bill_withdrawn": optional_datetime(raw, "billWithdrawn", where=where),
        "is_defeated": required_bool(raw, "isDefeated", where=where),
        "bill_type_id": required_int(raw, "billTypeId", where=where),
        "introduced_session_id": required_int(raw, "introducedSessionId", where=where),
        "included_session_ids": _int_tuple(raw, "includedSessionIds", where=where),
        "is_act": required_bool(raw, "isAct", where=where),
        "current_stage": optional_object(raw, "currentStage", parse_stage_summary),
    }


def parse_bill_summary(raw: Any) -> BillSummary:
    where = "BillSummary"
    return BillSummary(**_bill_summary_fields(as_mapping(raw, where=where), where=where))


def parse_bill(raw: Any) -> Bill:
    """GET /Bills/{billId}."""
    where = "Bill"
    raw = as_mapping(raw, where=where)
    return Bill(
        **_bill_summary_fields(raw, where=where),
        long_title=optional_str(raw, "longTitle", where=where),
        summary=optional_str(raw, "summary", where=where),
        sponsors=_tuple_of(raw, "sponsors", _parse_sponsor, where=where),
        promoters=_tuple_of(raw, "promoters", _parse_promoter, where=where),
        petitioning_period=optional_str(raw, "petitioningPeriod", where=where),
        petition_information=optional_str(raw, "petitionInformation", where=where),
        agent=optional_object(raw, "agent", _parse_agent),
    )


# Reference lists


@dataclass(frozen=True)
class StageReference:
    """Mirrors the Bills API StageReference schema: one stage type from GET /Stages."""

    id: int
    name: str | None
    house: str


@dataclass(frozen=True)
class BillType:
    """Mirrors the Bills API BillType schema: one bill type from GET /BillTypes."""

    id: int
    category: str  # Public, Private or Hybrid
    name: str | None
    description: str | None  # HTML


def parse_stage_reference(raw: Any) -> StageReference:
    where = "StageReference"
    raw = as_mapping(raw, where=where)
    return StageReference(
        id=required_int(raw, "id", where=where),
        name=optional_str(raw, "name", where=where),
        house=required_str(raw, "house", where=where),
    )


def parse_bill_type(raw: Any) -> BillType:
    where = "BillType"
    raw = as_mapping(raw, where=where)
    return BillType(
        id=required_int(raw, "id", where=where),
        category=required_str(raw, "category", where=where),
        name=optional_str(raw, "name", where=where),
        description=optional_str(raw, "description", where=where),
    )


# Publications


@dataclass(frozen=True)
class PublicationType:
    """Mirrors the Bills API PublicationType schema."""

    id: int
    name: str | None
    description: str | None


@dataclass(frozen=True)
class PublicationLink:
    """Mirrors the Bills API PublicationLink schema: a document hosted elsewhere."""

    id: int
    title: str | None
    url: str | None
    content_type: str | None


@dataclass(frozen=True)
class PublicationDocument:
    """Mirrors the Bills API PublicationDocument schema: a file the Bills API serves."""

    id: int
    filename: str | None
    content_type: str | None
    content_length: int


@dataclass(frozen=True)
class BillPublication:
    """Mirrors the Bills API BillPublication schema."""

    id: int
    house: str | None  # a publication with no House or date is still worth listing
    title: str | None
    publication_type: PublicationType | None
    display_date: dt.datetime | None
    links: tuple[PublicationLink, ...]
    files: tuple[PublicationDocument, ...]


@dataclass(frozen=True)
class BillPublicationList:
    """Mirrors the Bills API BillPublicationList schema (GET /Bills/{billId}/Publications).

    Not paged. `errors` holds one ParseError per publication that did not parse.
    """

    bill_id: int
    publications: tuple[BillPublication, ...]
    errors: tuple[ParseError, ...]


def _parse_publication_type(raw: Any) -> PublicationType:
    where = "PublicationType"
    raw = as_mapping(raw, where=where)
    return PublicationType(
        id=required_int(raw, "id", where=where),
        name=optional_str(raw, "name", where=where),
        description=optional_str(raw, "description", where=where),
    )


def _parse_publication_link(raw: Any) -> PublicationLink:
    where = "PublicationLink"
    raw = as_mapping(raw, where=where)
    return PublicationLink(
        id=required_int(raw, "id", where=where),
        title=optional_str(raw, "title", where=where),
        url=optional_str(raw, "url", where=where),
        content_type=optional_str(raw, "contentType", where=where),
    )


def _parse_publication_document(raw: Any) -> PublicationDocument:
    where = "PublicationDocument"
    raw = as_mapping(raw, where=where)
    return PublicationDocument(
        id=required_int(raw, "id", where=where),
        filename=optional_str(raw, "filename", where=where),
        content_type=optional_str(raw, "contentType", where=where),
        content_length=required_int(raw, "contentLength", where=where),
    )


def parse_bill_publication(raw: Any) -> BillPublication:
    where = "BillPublication"
    raw = as_mapping(raw, where=where)
    return BillPublication(
        id=required_int(raw, "id", where=where),
        house=optional_str(raw, "house", where=where),
        title=optional_str(raw, "title", where=where),
        publication_type=optional_object(raw, "publicationType", _parse_publication_type),
        display_date=optional_datetime(raw, "displayDate", where=where),
        links=_tuple_of(raw, "links", _parse_publication_link, where=where),
        files=_tuple_of(raw, "files", _parse_publication_document, where=where),
    )


def parse_bill_publications(raw: Any) -> BillPublicationList:
    """GET /Bills/{billId}/Publications."""
    where = "BillPublicationList"
    raw = as_mapping(raw, where=where)
    parsed = parse_each_in(raw, "publications", parse_bill_publication, where=where)
    return BillPublicationList(
        bill_id=required_int(raw, "billId", where=where),
        publications=parsed.items,
        errors=parsed.errors,
    )


# Pages


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a Bills API search result: mirrors the `*SearchResult` schemas
    ({items, totalResults, itemsPerPage}).

    `errors` holds one ParseError per item that did not parse; the good items are kept.
    """

    items: tuple[T, ...]
    errors: tuple[ParseError, ...]
    total_results: int
    items_per_page: int

    @property
    def items_received(self) -> int:
        """How many items the page carried, parsed or not: what the next `Skip` adds.

        Paging must use this and `total_results`, never `len(items)` alone."""
        return len(self.items) + len(self.errors)


def parse_page(raw: Any, parse_item: Callable[[Any], T], *, where: str) -> Page[T]:
    """Any Bills API `{items, totalResults, itemsPerPage}` wrapper."""
    raw = as_mapping(raw, where=where)
    parsed = parse_each_in(raw, "items", parse_item, where=where)
    return Page(
        items=parsed.items,
        errors=parsed.errors,
        total_results=required_int(raw, "totalResults", where=where),
        items_per_page=required_int(raw, "itemsPerPage", where=where),
    )


def parse_bill_list(raw: Any) -> Page[BillSummary]:
    """GET /Bills (BillSummarySearchResult)."""
    return parse_page(raw, parse_bill_summary, where="BillSummarySearchResult")


def parse_bill_stages(raw: Any) -> Page[StageSummary]:
    """GET /Bills/{billId}/Stages (StageSummarySearchResult)."""
    return parse_page(raw, parse_stage_summary, where="StageSummarySearchResult")


def parse_stage_references(raw: Any) -> Page[StageReference]:
    """GET /Stages (StageReferenceSearchResult)."""
    return parse_page(raw, parse_stage_reference, where="StageReferenceSearchResult")


def parse_bill_types(raw: Any) -> Page[BillType]:
    """GET /BillTypes (BillTypeSearchResult)."""
    return parse_page(raw, parse_bill_type, where="BillTypeSearchResult")
