"""Write a bill's prints, clauses, versions, links, events and supports as derived, with
idempotent bulk upserts keyed on natural keys, deleting only derived rows no longer
produced (never an admin's link). A clause whose visible status changed records a change
event in the same transaction. Nothing is written when nothing changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from bills.models import Bill
from tracker.events.models import ChangeEvent
from tracker.events.services import event_record
from tracker.hansard.models import Mention
from tracker.scraping.counts import StoreCounts
from tracker.scraping.loss_guard import BillRows, loss_check
from tracker.scraping.models import ScrapeRun
from tracker.scraping.upsert import bulk_upsert

from .identity import ADMIN, Identity
from .ledger import Evidence, ledger
from .models import Clause, ClauseEvent, ClauseLink, ClauseSupport, ClauseVersion, Print
from .prints import PlannedPrint
from .status import NUMBERED, PING_PONG, EventRecord, current_status, stage_marks
from .supporters import SupportRecord


def clauses_store(*, bill: Bill, planned: Sequence[PlannedPrint], identity: Identity,
                  events: Mapping[str, Sequence[EventRecord]], supports: Sequence[SupportRecord],
                  titles: Mapping[str, str], amendment_pks: Mapping[str, int],
                  mention_clauses: Mapping[int, str | None], run: ScrapeRun | None = None) -> StoreCounts:
    """`titles`: clause key -> the title of the amendment that proposed it, for a clause with
    no recorded heading of its own; `amendment_pks`: amendment key ("amendment-<id>") -> pk;
    `mention_clauses`: Hansard clause mention pk -> the clause key it names (None: none)."""
    held_before = dict(((p, k, s), c) for c, p, k, s in ClauseVersion.objects.filter(print__bill=bill).values_list(
        "clause_id", "print_id", "kind", "slot"))
    prints = bulk_upsert(Print, key=("bill_id", "key"), rows={
        (bill.pk, p.key): {**_print_row(p), "position": position} for position, p in enumerate(planned)})
    counts = prints.counts + _surplus_delete(Print.objects.filter(bill=bill),
                                             keep=[o.pk for o in prints.objects.values()], guarded=bill)
    print_pk = {key: obj.pk for (_, key), obj in prints.objects.items()}

    before = {c.key: c for c in Clause.objects.filter(bill=bill)}
    clause_rows = _clause_rows(bill, identity, events, supports, titles)
    clauses = bulk_upsert(Clause, key=("bill_id", "key"), rows=clause_rows)
    counts += clauses.counts
    clause_pk = {key: obj.pk for (_, key), obj in clauses.objects.items()}

    versions = bulk_upsert(ClauseVersion, key=("print_id", "kind", "slot"), rows={
        (print_pk[print_key], kind, slot): _version_row(clause_pk[clause_key], record)
        for (print_key, kind, slot), (clause_key, record) in identity.versions.items()
    })
    counts += versions.counts + _surplus_delete(ClauseVersion.objects.filter(print__bill=bill),
                                                keep=[o.pk for o in versions.objects.values()], guarded=bill)
    version_pk = {key: obj.pk for key, obj in versions.objects.items()}

    counts += _links_store(bill, identity, print_pk, version_pk, amendment_pks)
    counts += _events_store(bill, events, clause_pk, print_pk)
    counts += _supports_store(bill, supports, clause_pk)
    counts += _mention_clauses_store(mention_clauses, clause_pk)
    counts += _departed_clauses(bill, [c for key, c in before.items() if key not in identity.clause_kinds],
                                held_before, {key: obj.clause_id for key, obj in versions.objects.items()})
    _status_changes_record(bill, before, clauses.objects, run)
    return counts


def _print_row(planned: PlannedPrint) -> dict:
    return {"label": planned.label, "source": planned.source, "publication_id": planned.publication_pk,
            "bill_stage_id": planned.stage_pk, "evidence_note": planned.evidence_note, "text_url": planned.text_url,
            "content_hash": planned.content_hash}


def _clause_rows(bill: Bill, identity: Identity, events: Mapping[str, Sequence[EventRecord]],
                 supports: Sequence[SupportRecord], titles: Mapping[str, str]) -> dict:
    latest: dict[str, tuple] = {}
    for (_, kind, _), (clause_key, record) in identity.versions.items():  # prints in order: the last wins
        number, heading = latest.get(clause_key, ("", ""))
        latest[clause_key] = (record.number or number, record.heading or heading)
    evidence: dict[str, list[Evidence]] = {}
    for support in supports:
        evidence.setdefault(support.clause_key, []).append(support_evidence(support))
    rows = {}
    for position, (clause_key, kind) in enumerate(identity.clause_kinds.items()):
        number, heading = latest.get(clause_key, ("", ""))
        history = events.get(clause_key, ())
        status = current_status(history)
        proposals = identity.proposals.get(clause_key, ())
        rows[(bill.pk, clause_key)] = {
            "kind": kind,
            "proposed_by_id": _amendment_pk(history, proposals[0]) if proposals else None,
            "superseded_by_id": None,
            "position": position,
            "label": f"{kind.capitalize()} {number}" if number else (
                f"New {kind}" if proposals else f"{kind.capitalize()} (number not recorded)"),
            "heading": heading or titles.get(clause_key, ""),
            "status": status.kind if status else "",
            "status_stage_id": status.stage_pk if status else None,
            "status_date": status.date if status else None,
            **_ledger_fields(ledger(evidence.get(clause_key, ()))),
            "stage_marks": stage_marks(history),
        }
    return rows


def support_evidence(support: SupportRecord) -> Evidence:
    person = support.person
    who = None if support.via == "decision" else str(
        person.members_api_id if person.members_api_id is not None else person.name)
    return Evidence(who, person.name, person.party_name, "", support.stance, support.via, support.date, support.note)


def _ledger_fields(found) -> dict:
    return {"supporters_count": len(found.supporting), "opponents_count": len(found.opposing),
            "ledger_summary": found.summary}


def _amendment_pk(history: Iterable[EventRecord], ref: str) -> int | None:
    return next((e.amendment_pk for e in history if e.evidence_key == f"tabled-{ref}"), None)


def _version_row(clause_pk: int, record) -> dict:
    return {
        "clause_id": clause_pk, "position": record.position, "number": record.number, "heading": record.heading,
        "part_number": record.part_number, "part_heading": record.part_heading,
        "chapter_number": record.chapter_number, "chapter_heading": record.chapter_heading,
        "text": record.text, "first_page": record.first_page, "first_line": record.first_line,
        "last_page": record.last_page, "last_line": record.last_line, "source_guid": record.guid or "",
        "reconstructed": record.reconstructed, "evidence": record.evidence,
    }


def _links_store(bill: Bill, identity: Identity, print_pk: Mapping[str, int], version_pk: Mapping[tuple, int],
                 amendment_pks: Mapping[str, int]) -> StoreCounts:
    rows = {}
    for link in identity.links:
        if link.method == ADMIN:
            continue  # an admin's row: already stored, never rewritten
        older_print, newer_print = print_pk[link.older_print], print_pk[link.newer_print]
        older = version_pk[(older_print, link.kind, link.older_slot)] if link.older_slot else None
        newer = version_pk[(newer_print, link.kind, link.newer_slot)] if link.newer_slot else None
        rows[(bill.pk, f"{older_print}:{newer_print}:{older or 0}:{newer or 0}")] = {
            "older_print_id": older_print, "newer_print_id": newer_print, "older_id": older, "newer_id": newer,
            "method": link.method, "confidence": link.confidence, "evidence": link.evidence,
            "amendment_id": amendment_pks.get(link.amendment_ref), "source_url": link.source_url,
            "quote": link.quote, "contribution_id": link.contribution_pk,
        }
    result = bulk_upsert(ClauseLink, key=("bill_id", "key"), rows=rows)
    derived = ClauseLink.objects.filter(bill=bill).exclude(method=ADMIN)
    return result.counts + _surplus_delete(derived, keep=[o.pk for o in result.objects.values()])


def _events_store(bill: Bill, events: Mapping[str, Sequence[EventRecord]], clause_pk: Mapping[str, int],
                  print_pk: Mapping[str, int]) -> StoreCounts:
    rows = {}
    for clause_key, history in events.items():
        for sequence, event in enumerate(history):
            rows[(clause_pk[clause_key], event.evidence_key)] = {
                "kind": event.kind, "sequence": sequence, "bill_stage_id": event.stage_pk, "date": event.date,
                "amendment_id": event.amendment_pk, "division_id": event.division_pk,
                "print_id": print_pk.get(event.print_key), "confidence": event.confidence, "note": event.note,
                "source_url": event.source_url, "quote": event.quote, "contribution_id": event.contribution_pk,
                "ping_pong_item_id": event.ping_pong_item_pk,
            }
    result = bulk_upsert(ClauseEvent, key=("clause_id", "evidence_key"), rows=rows)
    return result.counts + _surplus_delete(ClauseEvent.objects.filter(clause__bill=bill),
                                           keep=[o.pk for o in result.objects.values()])


def _supports_store(bill: Bill, supports: Sequence[SupportRecord], clause_pk: Mapping[str, int]) -> StoreCounts:
    rows = {
        (clause_pk[s.clause_key], s.key): {
            "stance": s.stance, "via": s.via, "member_id": s.person.member_pk,
            "members_api_id": s.person.members_api_id, "name": s.person.name,
            "party_name": s.person.party_name, "party_colour": s.person.party_colour,
            "amendment_id": s.amendment_pk, "division_id": s.division_pk, "contribution_id": s.contribution_pk,
            "source_url": s.source_url, "quote": s.quote, "note": s.note, "date": s.date,
            "method": s.method[:200], "account_entry_id": s.account_pk,
        }
        for s in supports
    }
    result = bulk_upsert(ClauseSupport, key=("clause_id", "key"), rows=rows)
    return result.counts + _surplus_delete(ClauseSupport.objects.filter(clause__bill=bill),
                                           keep=[o.pk for o in result.objects.values()])


def _departed_clauses(bill: Bill, departed: Sequence[Clause], held_before: Mapping[tuple, int],
                      held_now: Mapping[tuple, int]) -> StoreCounts:
    """A clause no longer derived: when another clause now holds a version it held, it was
    that clause all along (its address leads there); otherwise nothing shows it any more.
    `held_before` / `held_now`: (print pk, kind, slot) -> clause pk."""
    gone = {clause.pk: clause for clause in departed}
    if not gone:
        return StoreCounts()
    successor = {}
    for version, old_pk in held_before.items():
        if old_pk in gone and held_now.get(version) not in (None, old_pk):
            successor.setdefault(old_pk, held_now[version])
    counts = bulk_upsert(Clause, key=("bill_id", "key"), rows={
        (bill.pk, gone[pk].key): {"superseded_by_id": successor_pk} for pk, successor_pk in successor.items()}).counts
    orphans = [pk for pk, clause in gone.items() if pk not in successor and clause.superseded_by_id is None]
    loss_check(BillRows(bill.bills_api_id, "clauses"), action="removed", would_go=len(orphans),
               of=Clause.objects.filter(bill=bill).count())
    if orphans:
        Clause.objects.filter(pk__in=orphans).delete()
        counts += StoreCounts(updated=len(orphans))
    return counts


def _mention_clauses_store(mention_clauses: Mapping[int, str | None], clause_pk: Mapping[str, int]) -> StoreCounts:
    """Point each Hansard clause mention at the clause its number is in the print it refers to
    (the Hansard app stores the number as printed; which clause it is, is decided here)."""
    if not mention_clauses:
        return StoreCounts()
    return bulk_upsert(Mention, key="id", rows={
        pk: {"clause_id": clause_pk.get(key) if key else None} for pk, key in mention_clauses.items()}).counts


def _surplus_delete(queryset, *, keep: Iterable[int], guarded: Bill | None = None) -> StoreCounts:
    """Delete the rows of `queryset` not kept; no statement at all when there are none.
    `guarded`: the bill whose rows these are read from its prints (not recomputed summaries of
    other rows), so removing most of them is a large loss held back for an editor."""
    surplus = list(queryset.exclude(pk__in=list(keep)).values_list("pk", flat=True))
    if guarded is not None:
        loss_check(BillRows(guarded.bills_api_id, queryset.model._meta.verbose_name_plural), action="removed",
                   would_go=len(surplus), of=queryset.count())
    if surplus:
        queryset.model.objects.filter(pk__in=surplus).delete()
    return StoreCounts(updated=len(surplus))


def _status_changes_record(bill: Bill, before: Mapping[str, Clause], after: Mapping[tuple, Clause],
                           run: ScrapeRun | None) -> None:
    labels = dict(ClauseEvent.Kind.choices)
    for (_, key), clause in after.items():
        old = before.get(key)
        if old is None or not old.status or old.status == clause.status or clause.status in (NUMBERED, PING_PONG):
            continue
        new_label = labels.get(clause.status, "no status recorded")
        event_record(
            kind=ChangeEvent.Kind.CLAUSE_STATUS_CHANGED, bill=bill, clause=clause,
            summary=f"{bill.short_title}: {clause.label}{f' ({clause.heading})' if clause.heading else ''} — "
                    f"{new_label.lower()}",
            detail={"clause": key, "from": old.status, "to": clause.status,
                    "bill_stage_id": clause.status_stage_id, "date": clause.status_date.isoformat()
                    if clause.status_date else None},
            occurred_on=clause.status_date, scrape_run=run, evidence_url="",
        )
