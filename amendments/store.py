"""Services that write amendments, ping-pong items, their sponsors, divisions and votes.

Parsed dataclasses in, idempotent bulk upserts keyed on the sources' ids out: a re-scrape of
unchanged data writes nothing, and what a failed fetch did not bring is left as stored. One
transaction per stage (amendments, ping-pong items) or per bill (divisions). This is the one
place where the APIs' values are translated into ours.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.db import transaction

from bills.models import Bill, BillStage, Member
from tracker.events.models import ChangeEvent
from tracker.events.services import event_record
from tracker.sanitise import clean_html, html_to_text
from tracker.scraping.counts import StoreCounts
from tracker.scraping.loss_guard import BillRows
from tracker.scraping.models import ScrapeRun
from tracker.scraping.upsert import UpsertResult, bulk_upsert, unlisted_children_delete
from tracker.scraping.values import colour, text

from .models import (
    Amendment,
    AmendmentType,
    Decision,
    Division,
    GroupedAmendment,
    PingPongItem,
    SourceList,
    Sponsorship,
    Vote,
)
from .sources import amendments_parse as bills_api
from .sources.commons_votes_parse import CommonsDivision
from .sources.divisions import Division as ParsedDivision
from .sources.lords_votes_parse import LordsDivision

# Amendments


@dataclass(frozen=True)
class FetchedAmendments:
    """A stage's amendment list as read (`complete`: read to its end), with the detail of
    each amendment that could be fetched, by `amendmentId`."""

    url: str
    complete: bool
    listed: tuple[bills_api.AmendmentSearchItem, ...]
    details: Mapping[int, bills_api.AmendmentDetail]
    only: frozenset[int] | None = None  # store just these (their list entries changed); None: all


@transaction.atomic
def stage_amendments_store(*, bill_stage: BillStage, fetched: FetchedAmendments,
                           run: ScrapeRun | None = None) -> StoreCounts:
    """Store one stage's amendments and sponsors, recording new amendments and changed decisions."""
    was_read = SourceList.objects.filter(url=fetched.url).exists()
    rows, sponsors = {}, {}
    for position, listed in enumerate(fetched.listed):
        if fetched.only is not None and listed.amendment_id not in fetched.only:
            continue
        detail = fetched.details.get(listed.amendment_id)
        rows[listed.amendment_id] = _amendment_row(bill_stage, position, listed, detail)
        sponsors[listed.amendment_id] = (detail or listed).sponsors
    bill = bill_stage.bill
    result = bulk_upsert(Amendment, key="bills_api_id", rows=rows, guard=BillRows(bill.bills_api_id, "amendments", fetched.url))
    counts = result.counts + _sponsorships_store("amendment", {
        result.objects[amendment_id].pk: found for amendment_id, found in sponsors.items()}, bill=bill, url=fetched.url)
    if was_read:
        _tabled_record(bill_stage, [result.objects[k] for k in sorted(result.created_keys)], run)
    _decisions_record(bill_stage, result, run)
    return counts + _source_list_mark(fetched.url, SourceList.Kind.AMENDMENTS, bill_stage, fetched.complete, run)


def _amendment_row(bill_stage: BillStage, position: int, listed: bills_api.AmendmentSearchItem,
                   detail: bills_api.AmendmentDetail | None) -> dict:
    source = detail or listed
    row = {
        "bill_stage_id": bill_stage.pk,
        "list_position": position,
        "number": text(source.marshalled_list_text) or None,
        "amendment_type": text(source.amendment_type),
        "clause": source.clause,
        "schedule": source.schedule,
        "page_number": source.page_number,
        "line_number": source.line_number,
        "position": text(source.amendment_position),
        "summary": "\n".join(html_to_text(line) for line in listed.summary_text),
        "decision": source.decision,
        "decision_explanation_html": clean_html(source.decision_explanation),
    }
    if detail is not None:  # without it, the texts stored before stand
        explanatory = "".join(f"<p>{part}</p>" for part in (detail.explanatory_text_prefix, detail.explanatory_text)
                              if part)
        row.update(
            text_html=_lines_html(detail.amendment_lines),
            text_plain=_lines_text(detail.amendment_lines),
            new_clause_title=_new_clause_title(detail),
            explanatory_statement_html=clean_html(explanatory),
            explanatory_statement_plain=html_to_text(explanatory),
        )
    return row


def _lines_html(lines: Iterable[bills_api.AmendmentLine]) -> str:
    return clean_html("".join(f"<p>{line.text}</p>" for line in lines if line.text))


def _lines_text(lines: Iterable[bills_api.AmendmentLine]) -> str:
    return "\n".join(html_to_text(line.text) for line in lines if line.text)


_INSTRUCTIONS = ("to move the following", "to insert the following")


def _new_clause_title(detail: bills_api.AmendmentDetail) -> str:
    """The heading of an inserted clause or schedule: its first printed line that is not the
    instruction to insert it."""
    if detail.amendment_type != AmendmentType.ADD_CLAUSE_OR_SCHEDULE:
        return ""
    for line in detail.amendment_lines:
        heading = html_to_text(line.text).strip("\"“”' ")
        if heading and not heading.lower().startswith(_INSTRUCTIONS):
            return heading
    return ""


# Ping-pong


@dataclass(frozen=True)
class FetchedPingPong:
    """A stage's ping-pong list as read, with the detail of each item that could be fetched."""

    url: str
    complete: bool
    listed: tuple[bills_api.PingPongItem[bills_api.PingPongSummary], ...]
    details: Mapping[int, bills_api.PingPongItem[bills_api.PingPongDetail]]
    only: frozenset[int] | None = None  # store just these (their list entries changed); None: all


def ping_pong_side(item: bills_api.PingPongItem):
    """The motion or the amendment: whichever side the item fills in."""
    return item.motion or item.amendment


@transaction.atomic
def stage_ping_pong_store(*, bill_stage: BillStage, fetched: FetchedPingPong,
                          run: ScrapeRun | None = None) -> StoreCounts:
    """Store one stage's motions and amendments between the Houses, the amendments each
    groups, and all their sponsors."""
    was_read = SourceList.objects.filter(url=fetched.url).exists()
    rows, sponsors, details = {}, {}, {}
    for position, listed in enumerate(fetched.listed):
        summary = ping_pong_side(listed)
        if fetched.only is not None and summary.id not in fetched.only:
            continue
        detail = fetched.details.get(summary.id)
        source = ping_pong_side(detail) if detail else summary
        rows[summary.id] = _ping_pong_row(bill_stage, position, source, detail is not None)
        sponsors[summary.id] = source.sponsors
        if detail:
            details[summary.id] = source
    bill = bill_stage.bill
    result = bulk_upsert(PingPongItem, key="bills_api_id", rows=rows, guard=BillRows(bill.bills_api_id, "ping-pong items", fetched.url))
    counts = result.counts + _sponsorships_store("ping_pong_item", {
        result.objects[item_id].pk: found for item_id, found in sponsors.items()}, bill=bill, url=fetched.url)
    counts += _grouped_amendments_store({result.objects[item_id]: detail for item_id, detail in details.items()}, run,
                                        bill=bill, url=fetched.url)
    if was_read:
        _tabled_record(bill_stage, [result.objects[k] for k in sorted(result.created_keys)], run)
    _decisions_record(bill_stage, result, run)
    return counts + _source_list_mark(fetched.url, SourceList.Kind.PING_PONG, bill_stage, fetched.complete, run)


def _ping_pong_row(bill_stage: BillStage, position: int, source: bills_api.PingPongSummary, is_detail: bool) -> dict:
    row = {
        "bill_stage_id": bill_stage.pk,
        "list_position": position,
        "type": source.type,
        "number": text(source.number) or None,
        "decision": source.decision,
        "decision_explanation_html": clean_html(source.decision_explanation),
        "summary_html": clean_html(source.summary),
    }
    if is_detail:  # without it, the texts stored before stand
        lines = [line for group in source.groups for line in group.text]
        amendment_lines = [line for group in source.groups for amendment in group.amendments for line in amendment.text]
        row.update(
            text_html=_lines_html(lines),
            text_plain="\n".join(part for part in (html_to_text(source.summary), _lines_text(lines),
                                                   _lines_text(amendment_lines)) if part),
        )
    return row


def _grouped_amendments_store(details: Mapping[PingPongItem, bills_api.PingPongDetail], run: ScrapeRun | None, *,
                              bill: Bill, url: str) -> StoreCounts:
    rows, sponsors = {}, {}
    for item, detail in details.items():
        for group_position, group in enumerate(detail.groups):
            for position, amendment in enumerate(group.amendments):
                key = (item.pk, group_position, position)
                rows[key] = {"number": text(amendment.number) or None, "decision": amendment.decision,
                             "text_html": _lines_html(amendment.text)}
                sponsors[key] = amendment.sponsors
    guard = BillRows(bill.bills_api_id, "amendments grouped in ping-pong", url)
    result = bulk_upsert(GroupedAmendment, key=("item_id", "group_position", "position"), rows=rows, guard=guard)
    trimmed = unlisted_children_delete(GroupedAmendment, parent="item", key_fields=("group_position", "position"),
                                       kept={item.pk: {key[1:] for key in rows if key[0] == item.pk}
                                             for item in details}, guard=guard)
    counts = result.counts + StoreCounts(updated=trimmed)
    counts += _sponsorships_store("grouped_amendment", {
        result.objects[key].pk: found for key, found in sponsors.items()}, bill=bill, url=url)
    for key, changed in result.changed_fields.items():
        if "decision" in changed:
            grouped = result.objects[key]
            item = next(item for item in details if item.pk == key[0])
            _decision_record(item.bill_stage, grouped, changed["decision"], run, evidence_url="")
    return counts


# Sponsors


_SPONSORSHIPS_OF = {"amendment": "amendment sponsorships", "ping_pong_item": "ping-pong sponsorships",
                    "grouped_amendment": "grouped amendment sponsorships"}


def _sponsorships_store(parent: str, sponsors: Mapping[int, Sequence[bills_api.AmendmentMember]], *,
                        bill: Bill, url: str) -> StoreCounts:
    """Sponsors of each parent (an amendment, ping-pong item or grouped amendment, by pk) in
    the API's order; names the source no longer lists are removed, unless that is most of the
    bill's (held back for an editor)."""
    member_pks = member_pks_for(s.member_id for found in sponsors.values() for s in found)
    rows = {
        (parent_pk, position): {
            "members_api_id": sponsor.member_id,
            "member_id": member_pks.get(sponsor.member_id),
            "name": text(sponsor.name),
            "party_name": text(sponsor.party),
            "party_colour": colour(sponsor.party_colour),
            "is_lead": sponsor.is_lead,
        }
        for parent_pk, found in sponsors.items()
        for position, sponsor in enumerate(found)
    }
    guard = BillRows(bill.bills_api_id, _SPONSORSHIPS_OF[parent], url)
    counts = bulk_upsert(Sponsorship, key=(f"{parent}_id", "position"), rows=rows, guard=guard).counts
    trimmed = unlisted_children_delete(Sponsorship, parent=parent, key_fields=("position",),
                                       kept={pk: {(position,) for position in range(len(found))}
                                             for pk, found in sponsors.items()}, guard=guard)
    return counts + StoreCounts(updated=trimmed)


def member_pks_for(members_api_ids: Iterable[int]) -> dict[int, int]:
    """Our primary keys of the members stored, by Members API id."""
    return dict(Member.objects.filter(members_api_id__in=set(members_api_ids)).values_list("members_api_id", "pk"))


# Divisions


@dataclass(frozen=True)
class FetchedDivisions:
    """One House's divisions on a bill: the search read (`complete`: to its end), filtered to
    those naming the bill, each read in full by id."""

    kind: str  # SourceList.Kind.COMMONS_DIVISIONS or LORDS_DIVISIONS
    url: str
    complete: bool
    divisions: tuple[CommonsDivision | LordsDivision, ...]
    digests: Mapping[str, str] = field(default_factory=dict)  # of each search entry naming the bill, by id
    found_by: Mapping[int, tuple[str, float]] = field(default_factory=dict)  # by division id, when not by its title


@transaction.atomic
def divisions_store(*, bill: Bill, fetched: Sequence[FetchedDivisions], run: ScrapeRun | None = None) -> StoreCounts:
    """Store a bill's divisions in both Houses and every recorded vote, in one transaction."""
    read_before = set(SourceList.objects.filter(url__in=[f.url for f in fetched]).values_list("url", flat=True))
    divisions = [(f, d) for f in fetched for d in f.divisions]
    result = bulk_upsert(Division, key=("source_id", "source"), rows={
        (d.division_id, _division_source(d)): _division_row(bill, d, f.found_by.get(d.division_id))
        for f, d in divisions}, guard=BillRows(bill.bills_api_id, "divisions"))
    member_pks = member_pks_for(v.member.member_id for _, d in divisions for v in d.votes)
    votes = bulk_upsert(Vote, key=("division_id", "members_api_id"), rows={
        (result.objects[(d.division_id, _division_source(d))].pk, v.member.member_id): {
            "member_id": member_pks.get(v.member.member_id),
            "name": text(v.member.name),
            "party_name": text(v.member.party),
            "party_colour": colour(v.member.party_colour),
            "lobby": v.vote.value,
            "is_teller": v.is_teller,
            "proxy_name": text(v.member.proxy_name),
        }
        for _, d in divisions for v in d.votes
    }, guard=BillRows(bill.bills_api_id, "votes"))
    counts = result.counts + votes.counts
    for found, parsed in divisions:
        key = (parsed.division_id, _division_source(parsed))
        if key in result.created_keys and found.url in read_before:
            _division_held_record(bill, result.objects[key], run)
    for found in fetched:
        counts += _source_list_mark(found.url, found.kind, None, found.complete, run, bill=bill)
    return counts


def _division_source(division: ParsedDivision) -> str:
    return Division.Source.LORDS_VOTES if isinstance(division, LordsDivision) else Division.Source.COMMONS_VOTES


def _division_row(bill: Bill, division: CommonsDivision | LordsDivision, found_by: tuple[str, float] | None) -> dict:
    lords = isinstance(division, LordsDivision)
    return {
        "bill_id": bill.pk,
        "house": division.house,
        "date": division.date.date(),
        "number": division.number,
        "title": text(division.title),
        "for_count": division.authoritative_content_count if lords else division.aye_count,
        "against_count": division.authoritative_not_content_count if lords else division.no_count,
        "vote_lists_recorded": any(not vote.is_teller for vote in division.votes),
        "notes_html": clean_html(division.amendment_motion_notes) if lords else "",
        "is_government_win": division.is_government_win if lords else None,
        "no_vote_recorded": [] if lords else [
            {"members_api_id": m.member_id, "name": text(m.name), "party_name": text(m.party)}
            for m in division.no_vote_recorded],
        "found_by": found_by[0] if found_by else "",
        "found_confidence": found_by[1] if found_by else None,
    }


# Source lists and change events


def _source_list_mark(url: str, kind: str, bill_stage: BillStage | None, complete: bool, run: ScrapeRun | None,
                      *, bill: Bill | None = None) -> StoreCounts:
    """Remember that a list was read to its end once (never rewritten afterwards)."""
    if not complete or SourceList.objects.filter(url=url).exists():
        return StoreCounts()
    SourceList.objects.create(url=url, kind=kind, bill=bill or bill_stage.bill, bill_stage=bill_stage,
                              first_read_run=run)
    return StoreCounts(created=1)


def _stage_words(bill_stage: BillStage) -> str:
    where = f"{bill_stage.house} " if bill_stage.house in ("Commons", "Lords") else ""
    return f"{where}{bill_stage.description or 'stage (name not recorded)'}"


def _tabled_record(bill_stage: BillStage, items: Sequence[Amendment | PingPongItem], run: ScrapeRun | None) -> None:
    """One change event for what a scrape found newly tabled at a stage, however many items."""
    if not items:
        return
    bill = bill_stage.bill
    what = str(items[0]) if len(items) == 1 else f"{len(items)} new {items[0]._meta.verbose_name_plural}"
    event_record(
        kind=ChangeEvent.Kind.AMENDMENT_TABLED,
        bill=bill,
        summary=f"{bill.short_title}: {what} tabled at {_stage_words(bill_stage)}",
        detail={"model": items[0]._meta.model_name, "bill_stage_id": bill_stage.bills_api_id, "count": len(items),
                "bills_api_id": items[0].bills_api_id, "number": items[0].number,
                "items": [{"bills_api_id": item.bills_api_id, "number": item.number} for item in items]},
        scrape_run=run,
        evidence_url=getattr(items[0], "source_url", bill.source_url) if len(items) == 1 else bill.source_url,
    )


def _decisions_record(bill_stage: BillStage, result: UpsertResult, run: ScrapeRun | None) -> None:
    for key, changed in result.changed_fields.items():
        if "decision" in changed:
            item = result.objects[key]
            _decision_record(bill_stage, item, changed["decision"], run,
                             evidence_url=getattr(item, "source_url", bill_stage.bill.source_url))


def _decision_record(bill_stage: BillStage, item, change: tuple[str, str], run: ScrapeRun | None, *,
                     evidence_url: str) -> None:
    before, after = change
    bill = bill_stage.bill
    event_record(
        kind=ChangeEvent.Kind.DECISION_CHANGED,
        bill=bill,
        summary=f"{bill.short_title}: {item} at {_stage_words(bill_stage)} – now “{decision_label(after)}”, "
                f"was “{decision_label(before)}”",
        detail={"model": item._meta.model_name, "pk": item.pk, "number": item.number,
                "bill_stage_id": bill_stage.bills_api_id, "from": before, "to": after},
        scrape_run=run,
        evidence_url=evidence_url or bill.source_url,
    )


def decision_label(value: str) -> str:
    """The reader's words for a decision; a value the spec does not list is shown as it comes."""
    return Decision(value).label if value in Decision.values else value


def _division_held_record(bill: Bill, division: Division, run: ScrapeRun | None) -> None:
    counts = (f": {division.for_count} to {division.against_count}"
              if division.for_count is not None and division.against_count is not None else "")
    event_record(
        kind=ChangeEvent.Kind.DIVISION_HELD,
        bill=bill,
        summary=f"{bill.short_title}: {division}{counts}",
        detail={"source": division.source, "source_id": division.source_id, "title": division.title},
        occurred_on=division.date,
        scrape_run=run,
        evidence_url=division.source_url,
    )
