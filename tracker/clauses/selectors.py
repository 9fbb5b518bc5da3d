"""The queries the clause pages need: a bill's clause table and matrix, and one clause's page.
Each runs a fixed number of queries, however many clauses and amendments the bill has."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone

from amendments.models import Sponsorship
from bills.models import Bill, BillStage, Sitting
from bills.whats_next import what_next
from tracker.corrections.services import corrections_attach
from tracker.hansard.models import Mention
from tracker.hansard.selectors import Speeches, speeches_in
from tracker.listing import Listing, listing
from tracker.scraping.selectors import latest_scraped

from .display import (
    STATUS_STYLES,
    PrintNumber,
    StatusStyle,
    VersionText,
    numbers_by_print,
    status_style,
    texts_with_differences,
)
from .how_we_know import LinkExplanation, link_explanations
from .ledger import Evidence, Ledger, ledger
from .marks import (
    ClauseMarks,
    clause_marks,
    clauses_marks,
    heading_marks,
    ledger_mentions,
    ledger_with_corrected_parties,
)
from .models import Clause, ClauseEvent, ClauseLink, ClauseSupport, ClauseVersion, Print
from .whats_next import ClauseNext, clause_next


@dataclass(frozen=True)
class MatrixCell:
    stage: BillStage
    styles: tuple[StatusStyle, ...]  # what happened to the clause at this stage, in order

    @property
    def last(self) -> StatusStyle | None:
        return self.styles[-1] if self.styles else None


@dataclass(frozen=True)
class MatrixRow:
    clause: Clause
    cells: list[MatrixCell]
    heading_corrected: dict = field(default_factory=dict)  # the heading, when an editor's correction gave it


@dataclass(frozen=True)
class ClauseRow:
    version: ClauseVersion  # with its clause
    status: StatusStyle | None  # the clause's current status
    kind_total: int  # clauses (or schedules) of this kind in the print, on every page
    heading_corrected: dict = field(default_factory=dict)  # the heading, when an editor's correction gave it


@dataclass(frozen=True)
class BillClausesPage:
    bill: Bill
    prints: list[Print]
    chosen: Print | None
    rows: Listing  # of ClauseRow: the chosen print's clauses and schedules
    stages: list[BillStage]
    matrix: Listing  # of MatrixRow
    legend: list[StatusStyle]
    reconstructed: bool


def bill_clauses_page(*, bills_api_id: int, query: Mapping[str, str], print_key: str | None = None
                      ) -> BillClausesPage:
    """The bill's clauses in one print (default: the latest with any recorded) and the
    clause-by-stage matrix, each 100 a page (`query`, see tracker/listing.py), with the corrections of
    the stages and headings shown. Ten queries,
    however many clauses and amendments."""
    bill = get_object_or_404(Bill, bills_api_id=bills_api_id)
    prints = list(Print.objects.filter(bill=bill).select_related("bill_stage", "publication")
                  .annotate(version_count=Count("versions")).order_by("position"))
    with_versions = [p for p in prints if p.version_count]
    chosen = next((p for p in prints if p.key == print_key), None) or (with_versions[-1] if with_versions else None)
    versions = ClauseVersion.objects.filter(print=chosen).select_related(
        "clause__status_stage", "clause__bill", "clause__proposed_by__bill_stage")
    kind_totals = dict(versions.order_by().values_list("kind").annotate(Count("pk"))) if chosen else {}
    page_versions = listing(versions.order_by("kind", "position") if chosen else [], query=query,
                            noun="clauses and schedules", anchor="table")
    stages = list(BillStage.objects.filter(bill=bill).order_by("sort_order", "bills_api_id"))
    clauses = (Clause.objects.filter(bill=bill, superseded_by=None)
               .select_related("bill", "proposed_by__bill_stage", "status_stage").order_by("position", "key"))
    matrix_clauses = listing(clauses, query=query, noun="clauses", param="matrix_page", anchor="matrix")
    proposals = [c.proposed_by for c in [*(v.clause for v in page_versions), *matrix_clauses] if c.proposed_by]
    corrections_attach([bill, *stages, *(v.clause.status_stage for v in page_versions if v.clause.status_stage),
                        *proposals, *([chosen.bill_stage] if chosen and chosen.bill_stage else [])])
    rows = replace(page_versions, items=[
        ClauseRow(v, status_style(v.clause.status), kind_totals[v.kind],
                  heading_marks(v.heading, [v.clause.proposed_by] if v.clause.proposed_by else []))
        for v in page_versions])
    matrix = replace(matrix_clauses, items=[_matrix_row(clause, stages) for clause in matrix_clauses])
    last_check = latest_scraped(bills_api_id=bill.bills_api_id)
    shown = {style.kind for row in matrix for cell in row.cells for style in cell.styles}
    return BillClausesPage(bill, prints, chosen, rows, stages, matrix,
                           [style for style in STATUS_STYLES.values() if style.kind in shown],
                           bool(last_check and last_check.run.reconstructed))


def _matrix_row(clause: Clause, stages: list[BillStage]) -> MatrixRow:
    """The clause's row of the matrix; its proposing amendment carries `.corrected`."""
    cells = [MatrixCell(stage, tuple(style for kind in clause.stage_marks.get(str(stage.pk), ())
                                     if (style := status_style(kind)))) for stage in stages]
    return MatrixRow(clause, cells, heading_marks(clause.heading, [clause.proposed_by] if clause.proposed_by else []))


@dataclass(frozen=True)
class TimelineEvent:
    event: ClauseEvent
    style: StatusStyle | None


@dataclass(frozen=True)
class ClausePage:
    clause: Clause
    bill: Bill
    status: StatusStyle | None
    numbers: list[PrintNumber]
    texts: list[VersionText]
    events: list[TimelineEvent]
    ledger: Ledger
    people: Listing  # of LedgerEntry: the ledger's people, 100 a page
    next: ClauseNext
    reconstructed: bool
    how_we_know: list[LinkExplanation]
    marks: ClauseMarks  # which of its values rest on an editor's correction


def clause_ledger(*, clause: Clause) -> Ledger:
    """Who supports and opposes the clause, each person once with all their evidence: the one
    answer the clause page, the amendment page, the supporters CSV and the alerts give. One query."""
    return clause_ledgers(clauses=[clause])[clause.pk]


def clause_ledgers(*, clauses: list[Clause]) -> dict[int, Ledger]:
    """`clause_ledger` of several clauses at once, by clause pk. One query. A signature's row gets
    `.sponsorship`, the signature it was read from (its id only), for the marks of its corrections."""
    evidence: dict[int, list[Evidence]] = {clause.pk: [] for clause in clauses}
    signature = Sponsorship.objects.filter(amendment=OuterRef("amendment"), members_api_id=OuterRef("members_api_id"))
    for support in ClauseSupport.objects.filter(clause__in=clauses).select_related(
            "member__party", "amendment", "division", "contribution__debate", "account_entry").annotate(
            sponsorship_pk=Subquery(signature.values("pk")[:1])).order_by("pk"):
        signed = support.via == ClauseSupport.Via.SPONSOR and support.sponsorship_pk
        support.sponsorship = Sponsorship(pk=support.sponsorship_pk) if signed else None
        evidence[support.clause_id].append(_support_evidence(support))
    return {pk: ledger(items) for pk, items in evidence.items()}


def ping_pong_items_naming(*, clauses: list[Clause]) -> set[int]:
    """The pks of the motions and amendments between the Houses named with one of these clauses in
    debate (their ping-pong events). One query."""
    return set(ClauseEvent.objects.filter(clause__in=clauses, ping_pong_item__isnull=False)
               .values_list("ping_pong_item_id", flat=True))


def _support_evidence(support: ClauseSupport) -> Evidence:
    member = support.member
    who = None if support.via == ClauseSupport.Via.DECISION else str(
        support.members_api_id if support.members_api_id is not None else support.name)
    return Evidence(who, support.name or (member.name_display_as if member else ""), support.party_name,
                    member.house if member else "", support.stance, support.via, support.date, support.note, support)


@dataclass(frozen=True)
class ClauseHistory:
    """A clause's record across the bill: its number in every print, its versions, its status
    timeline with the evidence for each step, and its ledger."""

    numbers: list[PrintNumber]
    versions: list[ClauseVersion]  # in print order
    events: list[TimelineEvent]
    ledger: Ledger


def clause_histories(*, bill: Bill, clauses: list[Clause]) -> dict[int, ClauseHistory]:
    """`ClauseHistory` of each of the bill's `clauses` (with `proposed_by__bill_stage`), by clause
    pk: what the clause page and the API's clauses show. Four queries, however many clauses."""
    prints = list(Print.objects.filter(bill=bill).select_related("bill_stage").order_by("position"))
    versions: dict[int, list[ClauseVersion]] = {clause.pk: [] for clause in clauses}
    for version in ClauseVersion.objects.filter(clause__in=clauses).select_related("print__bill_stage").order_by(
            "clause", "print__position"):
        versions[version.clause_id].append(version)
    events: dict[int, list[ClauseEvent]] = {clause.pk: [] for clause in clauses}
    for event in ClauseEvent.objects.filter(clause__in=clauses).select_related(
            "bill_stage", "amendment", "division", "ping_pong_item", "print", "contribution__member",
            "contribution__debate").order_by(
            "clause", "sequence"):
        events[event.clause_id].append(event)
    ledgers = clause_ledgers(clauses=clauses)
    return {clause.pk: ClauseHistory(
        numbers=numbers_by_print(clause, prints, versions[clause.pk], events[clause.pk]),
        versions=versions[clause.pk],
        events=[TimelineEvent(event, status_style(event.kind)) for event in events[clause.pk]],
        ledger=ledgers[clause.pk],
    ) for clause in clauses}


def clause_histories_marks(*, clauses: list[Clause], histories: Mapping[int, ClauseHistory]
                           ) -> dict[int, ClauseMarks]:
    """Which of each clause's values rest on an editor's correction, as its page marks them, by clause
    pk (for the API's clause list). Two queries, however many clauses."""
    supports = {clause.pk: [item.row for item in histories[clause.pk].ledger.evidence] for clause in clauses}
    mentions = ledger_mentions(supports=[row for rows in supports.values() for row in rows])
    return clauses_marks(clauses=[(clause, [item.event for item in histories[clause.pk].events], supports[clause.pk])
                                  for clause in clauses], mentions=mentions)


def clause_page(*, bills_api_id: int, key: str, query: Mapping[str, str], today: dt.date | None = None
                ) -> ClausePage | Clause:
    """A clause's page, its ledger's people 100 a page (`query`, see tracker/listing.py); or, for a
    clause later found to be another, the clause it is (its address then leads there). A fixed
    number of queries."""
    today = today or timezone.localdate()
    clause = get_object_or_404(
        Clause.objects.select_related("bill", "superseded_by__bill", "proposed_by__bill_stage", "status_stage"),
        bill__bills_api_id=bills_api_id, key=key)
    if clause.superseded_by_id:
        return clause.superseded_by
    history = clause_histories(bill=clause.bill, clauses=[clause])[clause.pk]
    events = [timeline.event for timeline in history.events]
    links = ClauseLink.objects.filter(Q(older__clause=clause) | Q(newer__clause=clause)).select_related(
        "older_print", "newer_print", "older", "newer")
    stages = list(BillStage.objects.filter(bill=clause.bill).prefetch_related(
        Prefetch("sittings", queryset=Sitting.objects.order_by("date"))).order_by("sort_order", "bills_api_id"))
    bill_next = what_next(bill=clause.bill, stages=stages, today=today)
    last_check = latest_scraped(bills_api_id=clause.bill.bills_api_id)
    supports = [item.row for item in history.ledger.evidence]
    mentions = ledger_mentions(supports=supports)
    marks = clause_marks(clause=clause, events=events, supports=supports, mentions=mentions)
    supporters = ledger_with_corrected_parties(history.ledger)
    return ClausePage(
        clause=clause, bill=clause.bill, status=status_style(clause.status),
        numbers=history.numbers, texts=texts_with_differences(history.versions), events=history.events,
        ledger=supporters, people=listing(supporters.entries, query=query, noun="people", anchor="supporters"),
        next=clause_next(clause=clause, bill_next=bill_next),
        reconstructed=bool(last_check and last_check.run.reconstructed),
        how_we_know=link_explanations(links),
        marks=marks,
    )


def speeches_on_clause(*, clause: Clause) -> Speeches:
    """What was said in debate on the clause, by the stance the words show."""
    return speeches_in(Mention.objects.filter(clause=clause))
