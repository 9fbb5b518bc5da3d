"""Services that write bills, stages, sittings, publications, sponsors and members.

Every function takes parsed dataclasses and writes them with idempotent bulk upserts keyed
on Parliament's ids, so a re-scrape of unchanged data writes nothing. This is the one place
where the APIs' values are translated into ours.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from tracker.events.models import ChangeEvent
from tracker.events.services import event_record
from tracker.sanitise import clean_html
from tracker.scraping.counts import StoreCounts
from tracker.scraping.models import ScrapeRun
from tracker.scraping.loss_guard import BillRows
from tracker.scraping.upsert import bulk_upsert
from tracker.scraping.values import colour, text, uk_aware, uk_date

from .models import Bill, BillSponsor, BillStage, BillType, Member, Party, Publication, Session, Sitting, StageType
from .sources import bills_api_parse as bills_api
from .sources import members_api_parse as members_api

ACT_PUBLICATION_TYPE = "Act of Parliament"


def bill_types_store(bill_types: Iterable[bills_api.BillType]) -> StoreCounts:
    rows = {t.id: {"category": t.category, "name": text(t.name), "description": clean_html(t.description)}
            for t in bill_types}
    return bulk_upsert(BillType, key="bills_api_id", rows=rows).counts


def stage_types_store(stage_types: Iterable[bills_api.StageReference]) -> StoreCounts:
    rows = {t.id: {"name": text(t.name), "house": t.house} for t in stage_types}
    return bulk_upsert(StageType, key="bills_api_id", rows=rows).counts


def members_store(members: Iterable[members_api.Member]) -> StoreCounts:
    members = list(members)
    parties = {m.latest_party.id: m.latest_party for m in members if m.latest_party}
    party_result = bulk_upsert(Party, key="members_api_id", rows={
        party.id: {
            "name": text(party.name),
            "abbreviation": text(party.abbreviation),
            "background_colour": colour(party.background_colour),
            "foreground_colour": colour(party.foreground_colour),
        }
        for party in parties.values()
    })
    rows = {}
    for member in members:
        membership = member.latest_house_membership
        status = membership.membership_status if membership else None
        rows[member.id] = {
            "name_display_as": text(member.name_display_as) or text(member.name_list_as),
            "name_list_as": text(member.name_list_as),
            "name_full_title": text(member.name_full_title),
            "party_id": party_result.objects[member.latest_party.id].pk if member.latest_party else None,
            "house": text(members_api.house_name(membership.house)) if membership else "",
            "membership_from": text(membership.membership_from) if membership else "",
            "is_current": members_api.sits_now(membership, now=timezone.now()) if membership else None,
            "membership_status": "" if not status or status.status_is_active else text(status.status_description),
            "thumbnail_url": text(member.thumbnail_url),
        }
    return party_result.counts + bulk_upsert(Member, key="members_api_id", rows=rows).counts


@dataclass(frozen=True)
class FetchedBill:
    """Everything read about one bill. `stages` holds what was read of the stage list
    (`stages_complete` false: it failed part way, or at once); `publications` is None when it could
    not be fetched. What could not be read is left as stored (and the Act's name with it)."""

    bill: bills_api.Bill
    stages: tuple[bills_api.StageSummary, ...]
    publications: tuple[bills_api.BillPublication, ...] | None
    stages_complete: bool = True


@transaction.atomic
def bill_store(fetched: FetchedBill, *, run: ScrapeRun | None = None) -> StoreCounts:
    """Store one bill and everything under it in one transaction, recording stage changes."""
    source = fetched.bill
    fetched_stages = _stages_known(fetched)
    session_ids = {source.introduced_session_id, *source.included_session_ids} | {s.session_id for s in fetched_stages}
    sessions = bulk_upsert(Session, key="bills_api_id", rows={
        i: _session_row(i, run) for i in session_ids if i is not None})
    stage_types = _stage_types_ensure(fetched_stages)
    previous = Bill.objects.filter(bills_api_id=source.bill_id).select_related("current_stage").first()

    bill_result = bulk_upsert(Bill, key="bills_api_id", rows={source.bill_id: _bill_row(fetched)})
    bill = bill_result.objects[source.bill_id]
    counts = sessions.counts + stage_types.counts + bill_result.counts
    counts += _sessions_link(bill, [sessions.objects[i] for i in source.included_session_ids])

    stages = bulk_upsert(BillStage, key="bills_api_id", rows={
        s.id: {
            "bill_id": bill.pk,
            "stage_type_id": stage_types.objects[s.stage_id].pk,
            "session_api_id": s.session_id,
            "description": text(s.description),
            "abbreviation": text(s.abbreviation),
            "house": s.house,
            "sort_order": s.sort_order,
        }
        for s in fetched_stages
    })
    sittings = bulk_upsert(Sitting, key="bills_api_id", rows={
        sitting.id: {"bill_stage_id": stages.objects[s.id].pk, "date": uk_date(sitting.date)}
        for s in fetched_stages for sitting in s.stage_sittings
    })
    counts += stages.counts + sittings.counts + _current_stage_store(bill, source, bill_result)
    counts += _sponsors_store(bill, source.sponsors)
    if fetched.publications is not None:
        counts += _publications_store(bill, fetched.publications)
    if previous is not None:
        _stage_change_record(previous, bill, run)
        _new_sittings_record(bill, sittings, run)
    return counts


def _session_row(session_id: int, run: ScrapeRun | None) -> dict:
    """The Bills API gives a session's id only; a reconstructed snapshot's manifest may give
    its name ("2022-23"), cited."""
    records = run.reconstructed_records if run is not None and run.reconstructed else {}
    name = (records.get(str(session_id)) or {}).get("session_name")
    return {"name": text(name)} if name else {}


def _stages_known(fetched: FetchedBill) -> tuple[bills_api.StageSummary, ...]:
    """The stage list; when it could not be read to its end, with the current stage (and its
    sittings) that /Bills/{id} carries, so a failed /Stages never loses what the bill itself says."""
    current = fetched.bill.current_stage
    if fetched.stages_complete or current is None or current.id in {stage.id for stage in fetched.stages}:
        return fetched.stages
    return (*fetched.stages, current)


def _stage_types_ensure(stages: Iterable[bills_api.StageSummary]):
    """Stage types the bill's stages name, created when missing. Existing ones are left to
    the /Stages reference list, whose names would otherwise flip-flop with descriptions."""
    wanted = {s.stage_id: {"name": text(s.description), "house": s.house} for s in stages}
    known = set(StageType.objects.filter(bills_api_id__in=wanted).values_list("bills_api_id", flat=True))
    result = bulk_upsert(StageType, key="bills_api_id", rows={i: row for i, row in wanted.items() if i not in known})
    result.objects.update(StageType.objects.in_bulk(known, field_name="bills_api_id"))
    return result


def _bill_row(fetched: FetchedBill) -> dict:
    source = fetched.bill
    row = {
        "short_title": text(source.short_title),
        "former_short_title": text(source.former_short_title),
        "long_title": text(source.long_title),
        "summary": clean_html(source.summary),
        "bill_type_id": BillType.objects.filter(bills_api_id=source.bill_type_id).values_list("pk", flat=True).first(),
        "introduced_session_id": Session.objects.get(bills_api_id=source.introduced_session_id).pk,
        "originating_house": source.originating_house,
        "current_house": source.current_house,
        "is_act": source.is_act,
        "is_defeated": source.is_defeated,
        "withdrawn_at": uk_aware(source.bill_withdrawn),
        "source_last_update": uk_aware(source.last_update),
    }
    if fetched.publications is not None:
        acts = [p for p in fetched.publications if p.publication_type and p.publication_type.name == ACT_PUBLICATION_TYPE]
        row["act_name"] = text(acts[-1].title) if acts else ""
    return row


def _sessions_link(bill: Bill, sessions: list[Session]) -> StoreCounts:
    """Add the sessions the bill is not yet linked to (`add` alone would write every time)."""
    linked = set(bill.sessions.values_list("pk", flat=True))
    missing = [session for session in sessions if session.pk not in linked]
    bill.sessions.add(*missing)
    return StoreCounts(created=len(missing))


def _current_stage_store(bill: Bill, source: bills_api.Bill, bill_result) -> StoreCounts:
    """Point the bill at its current stage, when that stage is stored (it may not be, if
    the stage list could not be fetched: then the stored current stage stands). Written
    through the override step like every stored field, so an editor's correction holds."""
    current_id = BillStage.objects.filter(
        bill=bill, bills_api_id=source.current_stage.id if source.current_stage else None
    ).values_list("pk", flat=True).first() or bill.current_stage_id
    result = bulk_upsert(Bill, key="bills_api_id", rows={bill.bills_api_id: {"current_stage_id": current_id}})
    bill.current_stage_id = result.objects[bill.bills_api_id].current_stage_id
    if not result.counts.updated:
        return StoreCounts()
    already_counted = bill.bills_api_id in bill_result.created_keys or bill.bills_api_id in bill_result.changed_fields
    return StoreCounts() if already_counted else StoreCounts(updated=1)


def _sponsors_store(bill: Bill, sponsors: Iterable[bills_api.Sponsor]) -> StoreCounts:
    sponsors = list(sponsors)
    member_pks = dict(Member.objects.filter(
        members_api_id__in=[s.member.member_id for s in sponsors if s.member]
    ).values_list("members_api_id", "pk"))
    rows = {}
    for sponsor in sponsors:
        member, organisation = sponsor.member, sponsor.organisation
        rows[(bill.pk, sponsor.sort_order)] = {
            "member_id": member_pks.get(member.member_id) if member else None,
            "members_api_id": member.member_id if member else None,
            "member_name": text(member.name) if member else "",
            "party_name": text(member.party) if member else "",
            "party_colour": colour(member.party_colour) if member else "",
            "member_from": text(member.member_from) if member else "",
            "member_house": text(member.house) if member else "",
            "organisation_name": text(organisation.name) if organisation else "",
            "organisation_url": text(organisation.url) if organisation else "",
        }
    return bulk_upsert(BillSponsor, key=("bill_id", "sort_order"), rows=rows, guard=BillRows(
        bill.bills_api_id, "bill sponsors")).counts


def _publications_store(bill: Bill, publications: Iterable[bills_api.BillPublication]) -> StoreCounts:
    rows = {
        p.id: {
            "bill_id": bill.pk,
            "title": text(p.title),
            "house": text(p.house),
            "publication_type_api_id": p.publication_type.id if p.publication_type else None,
            "publication_type": text(p.publication_type.name) if p.publication_type else "",
            "display_date": uk_aware(p.display_date),
            "links": [{"title": text(link.title), "url": text(link.url), "content_type": text(link.content_type)}
                      for link in p.links],
            "files": [{"id": f.id, "filename": text(f.filename), "content_type": text(f.content_type)}
                      for f in p.files],
        }
        for p in publications
    }
    return bulk_upsert(Publication, key="bills_api_id", rows=rows, guard=BillRows(
        bill.bills_api_id, "publications")).counts


def _stage_change_record(previous: Bill, bill: Bill, run: ScrapeRun | None) -> None:
    if previous.current_stage_id == bill.current_stage_id or bill.current_stage_id is None:
        return
    stage = BillStage.objects.select_related("stage_type").get(pk=bill.current_stage_id)
    first_sitting = stage.sittings.exclude(date=None).order_by("date").first()
    kind = ChangeEvent.Kind.ROYAL_ASSENT if bill.is_act and not previous.is_act else ChangeEvent.Kind.STAGE_CHANGED
    where = f"{stage.house} " if stage.house in ("Commons", "Lords") else ""
    event_record(
        kind=kind,
        bill=bill,
        summary=f"{bill.short_title}: moved to {where}{stage.description}",
        detail={
            "from_stage": str(previous.current_stage) if previous.current_stage else None,
            "from_bill_stage_id": previous.current_stage.bills_api_id if previous.current_stage else None,
            "to_stage": str(stage),
            "to_bill_stage_id": stage.bills_api_id,
        },
        occurred_on=first_sitting.date if first_sitting else None,
        scrape_run=run,
        evidence_url=bill.source_url,
    )


def _new_sittings_record(bill: Bill, sittings, run: ScrapeRun | None) -> None:
    today = timezone.localdate()
    for key in sorted(sittings.created_keys):
        sitting = sittings.objects[key]
        if sitting.date and sitting.date > today:
            stage = BillStage.objects.get(pk=sitting.bill_stage_id)
            event_record(
                kind=ChangeEvent.Kind.SITTING_SCHEDULED,
                bill=bill,
                summary=f"{bill.short_title}: {stage.description} ({stage.house}) scheduled for {sitting.date:%-d %B %Y}",
                detail={"bill_stage_id": stage.bills_api_id, "sitting_id": sitting.bills_api_id,
                        "date": sitting.date.isoformat()},
                occurred_on=sitting.date,
                scrape_run=run,
                evidence_url=bill.source_url,
            )
