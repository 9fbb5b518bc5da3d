"""Parse Hansard into frozen dataclasses: Hansard API debate documents and debate searches
(hansard-api.parliament.uk, spec openapi/hansard-api.json), and the plain-text captures of
Hansard pages and open-data records kept in the reference pack's hansard/ folder.

Pure functions: raw JSON (as loaded by `json.loads`) or text in, dataclasses out.

How the spec is read (it marks no field required):
- a debate needs its Overview's ExtId, Title, House and Date; a child debate its ExtId and
  Title; a contribution its Value. Everything else may be null, and a null list is empty.
- only items whose ItemType is "Contribution" are contributions. The spec does not list the
  other ItemType values, so other items are passed over rather than guessed at.
- DebateItem has no column field, so a contribution's column reference comes only from an
  open-data proceeding-contribution record (`parse_proceeding_contribution`).
- `House` and `Location` strings are kept as given.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from tracker.parsing import (
    Parsed,
    ParseError,
    as_list,
    as_mapping,
    listed,
    optional_datetime,
    optional_int,
    optional_str,
    parse_each,
    parse_each_in,
    required,
    required_datetime,
    required_str,
)

HANSARD_WEB = "https://hansard.parliament.uk"

# Hansard API debate documents


@dataclass(frozen=True)
class HansardContribution:
    """Mirrors the Hansard API DebateItem schema, for items whose ItemType is "Contribution".

    `order` counts the document's contributions from 1, reading each section's Items before
    its ChildDebates; `order_in_section` is the API's OrderInSection. `heading` is the title of
    the debate section the item stands in, `section_ext_id` that section's ExtId. `value` is
    the text as the API gives it: HTML, not yet sanitised.
    """

    order: int
    order_in_section: int | None
    item_id: int | None
    member_id: int | None
    attributed_to: str | None
    heading: str
    section_ext_id: str
    timecode: dt.datetime | None
    external_id: str | None
    value: str
    permalink: str


@dataclass(frozen=True)
class HansardDebate:
    """Mirrors the Hansard API Debate schema: its DebateOverview, with the contributions of
    the debate and of all its ChildDebates in document order."""

    ext_id: str
    title: str
    house: str
    sitting_date: dt.date
    location: str | None
    volume_no: int | None
    content_last_updated: dt.datetime | None
    permalink: str
    contributions: tuple[HansardContribution, ...]
    errors: tuple[ParseError, ...] = ()


@dataclass(frozen=True)
class _PlacedItem:
    """A raw contribution item with what its place in the document tells about it."""

    raw: Any
    order: int
    heading: str
    section_ext_id: str
    where: str


def title_slug(title: str) -> str:
    """The last part of a Hansard web address: "Procurement Bill [HL]" -> "ProcurementBill(HL)",
    "Business of the House" -> "BusinessOfTheHouse" (each word capitalised, spaces dropped,
    square brackets made round), as in the addresses the reference pack records."""
    words = title.replace("[", "(").replace("]", ")").split()
    return "".join(word[:1].upper() + word[1:] for word in words)


def debate_permalink(house: str, sitting_date: dt.date, ext_id: str, title: str) -> str:
    """hansard.parliament.uk/{House}/{YYYY-MM-DD}/debates/{GUID}/{TitleWithoutSpaces}."""
    return f"{HANSARD_WEB}/{house}/{sitting_date.isoformat()}/debates/{ext_id}/{title_slug(title)}"


def contribution_permalink(debate_link: str, external_id: str | None) -> str:
    """The debate's address with a `#contribution-{ExternalId}` fragment; without an
    ExternalId the best permanent link is the debate itself."""
    return f"{debate_link}#contribution-{external_id}" if external_id else debate_link


def parse_debate(raw: Any) -> HansardDebate:
    """A `GET /debates/debate/{debateSectionExtId}.json` response. A malformed contribution
    or child section is reported in `errors` and the rest still parse."""
    where = "Debate"
    debate = as_mapping(raw, where=where)
    overview, where_overview, ext_id, title = _section_identity(debate, where=where)
    house = required_str(overview, "House", where=where_overview)
    sitting_date = required_datetime(overview, "Date", where=where_overview).date()
    link = debate_permalink(house, sitting_date, ext_id, title)

    section_errors: list[ParseError] = []
    placed = list(
        _contribution_items(debate, title, ext_id, where, section_errors, itertools.count(1))
    )
    contributions = parse_each(
        placed, lambda item: _parse_contribution(item, link), where=f"{where}.contributions"
    )
    return HansardDebate(
        ext_id=ext_id,
        title=title,
        house=house,
        sitting_date=sitting_date,
        location=optional_str(overview, "Location", where=where_overview),
        volume_no=optional_int(overview, "VolumeNo", where=where_overview),
        content_last_updated=optional_datetime(
            overview, "ContentLastUpdated", where=where_overview
        ),
        permalink=link,
        contributions=contributions.items,
        errors=tuple(section_errors) + contributions.errors,
    )


def _contribution_items(
    section: Mapping[str, Any],
    heading: str,
    section_ext_id: str,
    where: str,
    errors: list[ParseError],
    counter: Iterator[int],
) -> Iterator[_PlacedItem]:
    """The section's Contribution items, then those of its ChildDebates, depth first."""
    for index, item in enumerate(_nullable_list(section, "Items", where=where)):
        if isinstance(item, Mapping) and item.get("ItemType") != "Contribution":
            continue
        yield _PlacedItem(item, next(counter), heading, section_ext_id, f"{where}.Items[{index}]")
    # Items is what we read, so a document without it fails; ChildDebates may be left out
    # (the bundled reconstruction does), which reads as a section without sub-sections.
    for index, child in enumerate(as_list(section.get("ChildDebates") or [], where=f"{where}.ChildDebates")):
        child_where = f"{where}.ChildDebates[{index}]"
        try:
            child = as_mapping(child, where=child_where)
            _, _, child_ext_id, child_title = _section_identity(child, where=child_where)
        except ParseError as error:
            errors.append(error)
            continue
        yield from _contribution_items(child, child_title, child_ext_id, child_where, errors, counter)


def _section_identity(
    section: Mapping[str, Any], *, where: str
) -> tuple[Mapping[str, Any], str, str, str]:
    """A debate section's Overview, where it stands, and its ExtId and Title."""
    where_overview = f"{where}.Overview"
    overview = as_mapping(required(section, "Overview", where=where), where=where_overview)
    ext_id = required_str(overview, "ExtId", where=where_overview)
    return overview, where_overview, ext_id, required_str(overview, "Title", where=where_overview)


def _nullable_list(raw: Mapping[str, Any], key: str, *, where: str) -> list[Any]:
    return listed(raw, key, where=where)


def _parse_contribution(placed: _PlacedItem, debate_link: str) -> HansardContribution:
    where = placed.where
    item = as_mapping(placed.raw, where=where)
    external_id = optional_str(item, "ExternalId", where=where)
    return HansardContribution(
        order=placed.order,
        order_in_section=optional_int(item, "OrderInSection", where=where),
        item_id=optional_int(item, "ItemId", where=where),
        member_id=optional_int(item, "MemberId", where=where),
        attributed_to=optional_str(item, "AttributedTo", where=where),
        heading=placed.heading,
        section_ext_id=placed.section_ext_id,
        timecode=optional_datetime(item, "Timecode", where=where),
        external_id=external_id,
        value=required_str(item, "Value", where=where),
        permalink=contribution_permalink(debate_link, external_id),
    )


# Hansard API debate search


@dataclass(frozen=True)
class DebateSearchResult:
    """Mirrors the Hansard API SearchDebateItem schema: one debate section that matched."""

    debate_section_ext_id: str
    title: str
    house: str
    sitting_date: dt.date
    debate_section: str | None
    rank: int | None


@dataclass(frozen=True)
class DebateSearchPage:
    """Mirrors the Hansard API QueryResult[SearchDebateItem] schema."""

    results: tuple[DebateSearchResult, ...]
    total_result_count: int | None
    errors: tuple[ParseError, ...] = ()


def parse_debate_search(raw: Any) -> DebateSearchPage:
    """A `GET /search/debates.json` response. The spec types that response only as
    "object"; we read it as QueryResult[SearchDebateItem], the type of its sibling debate
    searches (debatebycolumn, committeedebates)."""
    where = "QueryResult[SearchDebateItem]"
    page = as_mapping(raw, where=where)
    results = parse_each_in(page, "Results", parse_search_debate_item, where=where)
    return DebateSearchPage(
        results=results.items,
        total_result_count=optional_int(page, "TotalResultCount", where=where),
        errors=results.errors,
    )


def parse_search_debate_item(raw: Any) -> DebateSearchResult:
    where = "SearchDebateItem"
    item = as_mapping(raw, where=where)
    return DebateSearchResult(
        debate_section_ext_id=required_str(item, "DebateSectionExtId", where=where),
        title=required_str(item, "Title", where=where),
        house=required_str(item, "House", where=where),
        sitting_date=required_datetime(item, "SittingDate", where=where).date(),
        debate_section=optional_str(item, "DebateSection", where=where),
        rank=optional_int(item, "Rank", where=where),
    )


# Hansard web addresses


@dataclass(frozen=True)
class DebateAddress:
    """Mirrors a hansard.parliament.uk debate address:
    /{House}/{YYYY-MM-DD}/debates/{GUID}/{TitleWithoutSpaces}. Parts are kept as written."""

    house: str
    sitting_date: dt.date
    ext_id: str
    slug: str


_DEBATE_PATH = re.compile(
    r"^/(?P<house>[A-Za-z]+)/(?P<date>\d{4}-\d{2}-\d{2})"
    r"/debates/(?P<ext_id>[0-9A-Fa-f-]{36})/(?P<slug>[^/]+)$"
)


def parse_debate_address(url: str) -> DebateAddress:
    parts = urlsplit(url)
    match = _DEBATE_PATH.match(parts.path) if parts.hostname == "hansard.parliament.uk" else None
    if match is None:
        raise ParseError(f"not a Hansard debate address: {url!r}", where="DebateAddress")
    return DebateAddress(
        house=match["house"],
        sitting_date=dt.date.fromisoformat(match["date"]),
        ext_id=match["ext_id"],
        slug=match["slug"],
    )


# The reference pack's plain-text captures


@dataclass(frozen=True)
class StoredCapture:
    """Mirrors the layout of a capture file in the reference pack's hansard/ folder: its
    stored address, its completeness note, and the stored text as returned."""

    stored_address: str
    completeness: str
    text: str


_CAPTURE_HEADER = re.compile(
    r"\AStored address: (?P<address>\S+)\nCompleteness: (?P<completeness>.+?)\n"
    r"--- stored text as returned \(unchanged\) ---\n",
    re.S,
)


def split_capture(file_text: str) -> StoredCapture:
    match = _CAPTURE_HEADER.match(file_text)
    if match is None:
        raise ParseError("no capture header", where="StoredCapture")
    return StoredCapture(
        stored_address=match["address"],
        completeness=match["completeness"],
        text=file_text[match.end() :],
    )


@dataclass(frozen=True)
class HansardPageHeading:
    """Mirrors the heading of a hansard.parliament.uk debate page: its title and the line
    "Volume 826: debated on Tuesday 13 December 2022"."""

    title: str
    volume_no: int
    sitting_date: dt.date


_VOLUME_LINE = re.compile(r"^Volume (\d+): debated on \w+ (\d{1,2} \w+ \d{4})$", re.M)


def parse_hansard_page_heading(text: str) -> HansardPageHeading:
    match = _VOLUME_LINE.search(text)
    if match is None:
        raise ParseError("no 'Volume N: debated on …' line", where="HansardPageHeading")
    preceding = [line.strip() for line in text[: match.start()].splitlines() if line.strip()]
    if not preceding:
        raise ParseError("no title above the volume line", where="HansardPageHeading")
    return HansardPageHeading(
        title=preceding[-1],
        volume_no=int(match[1]),
        sitting_date=_long_date(match[2], where="HansardPageHeading"),
    )


@dataclass(frozen=True)
class ProceedingContribution:
    """Mirrors a UK Parliament open-data "proceeding contribution" record as the Parliament
    search prototype shows it. `reference` is "<volume> c<column>" (e.g. "825 c1830");
    metadata a partial capture does not reach is None."""

    debate_title: str
    member_name: str
    member_party: str | None
    house: str
    sitting_date: dt.date
    occurred_during: str
    text: str
    reference: str | None
    volume_no: int | None
    columns: str | None
    session: str | None
    chamber: str | None
    uri: str | None


_RECORD_HEADER = re.compile(
    r"Proceeding contribution from\s+(?P<member>.+?)\s+\((?P<party>[^)]*)\)\s+"
    r"in the House of (?P<house>Lords|Commons) on \w+, (?P<date>\d{1,2} \w+ \d{4})\.\s+"
    r"It occurred during (?P<during>[^\n]+?)\.[ \t]*$",
    re.M,
)
_RECORD_BANNER = "UK Parliament / Open data"
_RECORD_LABELS = ("Type", "Reference", "Session", "Chamber / Committee", "Subjects",
                  "Timestamp", "URI", "In Indexing", "In Solr")
_REFERENCE = re.compile(r"^(?P<volume>\d+)\s+cc?(?P<columns>\S+)$")


def parse_proceeding_contribution(text: str) -> ProceedingContribution:
    """The record's text comes either before its title line (whole records) or after its
    "Proceeding contribution from …" sentence (the banner layout); both are handled."""
    where = "ProceedingContribution"
    header = _RECORD_HEADER.search(text)
    if header is None:
        raise ParseError("no 'Proceeding contribution from …' line", where=where)
    before = [line.strip() for line in text[: header.start()].splitlines()]
    before = [line for line in before if line and line != _RECORD_BANNER]
    if not before:
        raise ParseError("no debate title above the record header", where=where)
    after = text[header.end() :].splitlines()
    metadata = _record_metadata(after)
    first_label = next((i for i, line in enumerate(after) if line.strip() in _RECORD_LABELS), len(after))
    spoken = "\n".join(before[:-1]) or "\n".join(after[:first_label])
    if not spoken.strip():
        raise ParseError("no contribution text", where=where)
    reference = metadata.get("Reference")
    parts = _REFERENCE.match(reference) if reference else None
    return ProceedingContribution(
        debate_title=before[-1],
        member_name=header["member"],
        member_party=header["party"] or None,
        house=header["house"],
        sitting_date=_long_date(header["date"], where=where),
        occurred_during=header["during"],
        text=spoken.strip(),
        reference=reference,
        volume_no=int(parts["volume"]) if parts else None,
        columns=parts["columns"] if parts else None,
        session=metadata.get("Session"),
        chamber=metadata.get("Chamber / Committee"),
        uri=metadata.get("URI"),
    )


def _record_metadata(lines: list[str]) -> dict[str, str]:
    """Each metadata label stands on its own line with its value on the next."""
    stripped = [line.strip() for line in lines]
    return {
        label: stripped[index + 1]
        for index, label in enumerate(stripped[:-1])
        if label in _RECORD_LABELS and stripped[index + 1]
    }


@dataclass(frozen=True)
class VotesAndProceedingsDivision:
    """Mirrors a division block of the House of Commons Votes and Proceedings:
    "Division No. N" / "Ayes: N (Tellers: …)" / "Noes: N (Tellers: …)", with the question
    put before it and the result line after it when the text gives them."""

    number: int
    ayes: int
    aye_tellers: tuple[str, ...]
    noes: int
    no_tellers: tuple[str, ...]
    question: str | None
    result: str | None


_DIVISION_LINE = re.compile(r"^Division No\. (\d+)$")
_COUNT_LINE = re.compile(r"^(?P<lobby>Ayes|Noes): (?P<count>\d+) \(Tellers: (?P<tellers>[^)]*)\)$")


def parse_votes_and_proceedings_divisions(text: str) -> Parsed[VotesAndProceedingsDivision]:
    """Every division block in the text; a block the capture cuts short is reported alone."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    blocks = [index for index, line in enumerate(lines) if _DIVISION_LINE.match(line)]
    bounds = list(zip([0, *blocks], blocks))  # each block, from the line after the one before
    return parse_each(
        bounds, lambda bound: _division_block(lines, *bound), where="VotesAndProceedings"
    )


def _division_block(lines: list[str], since: int, index: int) -> VotesAndProceedingsDivision:
    """The block at `index`; its question is the last "Question put" line since `since`."""
    number = int(_DIVISION_LINE.match(lines[index])[1])
    where = f"Division No. {number}"
    counts = [_COUNT_LINE.match(line) for line in lines[index + 1 : index + 3]]
    if len(counts) < 2 or not all(counts) or [c["lobby"] for c in counts] != ["Ayes", "Noes"]:
        raise ParseError("expected an Ayes line and a Noes line", where=where)
    ayes, noes = counts
    question = next(
        (line for line in reversed(lines[since:index]) if line.startswith("Question put")), None
    )
    following = lines[index + 3] if index + 3 < len(lines) else None
    return VotesAndProceedingsDivision(
        number=number,
        ayes=int(ayes["count"]),
        aye_tellers=_tellers(ayes["tellers"]),
        noes=int(noes["count"]),
        no_tellers=_tellers(noes["tellers"]),
        question=question,
        result=following if following and following.startswith("Question") else None,
    )


def _tellers(names: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in re.split(r",|\band\b", names) if name.strip())


def _long_date(text: str, *, where: str) -> dt.date:
    """ "30 November 2022" (English month names, as every capture prints them)."""
    try:
        return dt.datetime.strptime(text, "%d %B %Y").date()
    except ValueError as error:
        raise ParseError(f"not a date: {text!r}", where=where) from error
