"""The queries the amendment, division and member pages need: each runs a fixed number of
them, however many amendments, sponsors and votes there are."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from bills.models import Bill, BillStage, House, Member, Party
from tracker.corrections.services import corrections_attach
from tracker.listing import Listing, listing
from tracker.scraping.selectors import bill_reconstructed

from .models import (
    Amendment,
    AmendmentType,
    Decision,
    Division,
    DivisionLink,
    GroupedAmendment,
    PingPongItem,
    SourceList,
    Sponsorship,
    Vote,
)
from .ping_pong_thread import Step, Thread, threads
from .store import decision_label

AMENDMENTS_PER_PAGE = 100


@dataclass(frozen=True)
class DecisionCount:
    value: str
    label: str
    count: int


def _decision_counts(rows: Iterable[tuple[str, int]]) -> list[DecisionCount]:
    """Counts per decision in the spec's order; values the spec does not list come last."""
    totals: dict[str, int] = defaultdict(int)
    for value, count in rows:
        totals[value] += count
    order = {value: index for index, value in enumerate(Decision.values)}
    return [DecisionCount(value, decision_label(value), totals[value])
            for value in sorted(totals, key=lambda v: (order.get(v, len(order)), v))]


def _sponsorships() -> QuerySet[Sponsorship]:
    return Sponsorship.objects.select_related("member__party").order_by("position")


# The bill's amendments page


@dataclass(frozen=True)
class AmendmentFilters:
    decision: str = ""
    sponsor: str = ""  # part of a sponsor's name
    party: int | None = None  # Members API party id of a sponsor
    q: str = ""  # words in the number, title, text or explanatory statement

    @property
    def active(self) -> bool:
        return bool(self.decision or self.sponsor or self.party is not None or self.q)


@dataclass(frozen=True)
class StageRow:
    """One stage in the amendments page's overview."""

    stage: BillStage
    amendments_read: bool  # the stage's amendment list was read to its end at least once
    ping_pong_read: bool
    amendment_counts: list[DecisionCount]
    ping_pong_counts: list[DecisionCount]

    @property
    def amendment_total(self) -> int:
        return sum(c.count for c in self.amendment_counts)

    @property
    def ping_pong_total(self) -> int:
        return sum(c.count for c in self.ping_pong_counts)


@dataclass(frozen=True)
class TargetGroup:
    label: str
    amendments: list[Amendment]


@dataclass(frozen=True)
class StageAmendments:
    stage: BillStage
    groups: list[TargetGroup]


@dataclass(frozen=True)
class StagePingPong:
    stage: BillStage
    items: list[PingPongItem]


@dataclass(frozen=True)
class BillAmendmentsPage:
    bill: Bill
    reconstructed: bool
    stages: list[StageRow]
    decision_counts: list[DecisionCount]
    page_obj: Page
    amendments_by_stage: list[StageAmendments]
    ping_pong_by_stage: list[StagePingPong]
    parties: list[Party]  # the parties of the bill's sponsors, for the party filter
    filters: AmendmentFilters = field(default_factory=AmendmentFilters)
    threads: list[Thread] = field(default_factory=list)  # each exchange between the Houses; none when filtered


_TARGET_RANK = Case(
    When(clause__isnull=False, then=Value(1)),
    When(schedule__isnull=False, then=Value(2)),
    When(amendment_type=AmendmentType.ADD_CLAUSE_OR_SCHEDULE, then=Value(3)),
    When(amendment_type=AmendmentType.EDIT_LONG_TITLE, then=Value(4)),
    default=Value(5),
    output_field=IntegerField(),
)


def target_label(amendment: Amendment) -> str:
    """The group an amendment is listed under: the clause or schedule it changes, or the new
    clauses and schedules."""
    if amendment.clause is not None:
        return f"Clause {amendment.clause}"
    if amendment.schedule is not None:
        return f"Schedule {amendment.schedule}"
    if amendment.amendment_type == AmendmentType.ADD_CLAUSE_OR_SCHEDULE:
        return "New clauses and schedules"
    if amendment.amendment_type == AmendmentType.EDIT_LONG_TITLE:
        return "Long title"
    return "Target not recorded"


def _sponsor_filter(parent: str, bill: Bill, filters: AmendmentFilters) -> Q:
    """Items with a sponsor matching the sponsor and party filters (the same sponsor for both).
    The sponsorships are the bill's own, so the filter reads what the bill holds, not every
    sponsorship in the database."""
    if not filters.sponsor and filters.party is None:
        return Q()
    sponsors = Sponsorship.objects.filter(**{parent: OuterRef("pk"), f"{parent}__bill_stage__bill": bill})
    if filters.sponsor:
        sponsors = sponsors.filter(Q(name__icontains=filters.sponsor)
                                   | Q(member__name_display_as__icontains=filters.sponsor))
    if filters.party is not None:
        sponsors = sponsors.filter(member__party__members_api_id=filters.party)
    return Q(Exists(sponsors))


def _amendment_filter(bill: Bill, filters: AmendmentFilters) -> Q:
    found = _sponsor_filter("amendment", bill, filters)
    if filters.decision:
        found &= Q(decision=filters.decision)
    if filters.q:
        found &= (Q(number__iexact=filters.q) | Q(new_clause_title__icontains=filters.q)
                  | Q(summary__icontains=filters.q) | Q(text_plain__icontains=filters.q)
                  | Q(explanatory_statement_plain__icontains=filters.q) | Q(position__icontains=filters.q))
    return found


def _ping_pong_filter(bill: Bill, filters: AmendmentFilters) -> Q:
    found = _sponsor_filter("ping_pong_item", bill, filters)
    if filters.decision:
        found &= Q(decision=filters.decision)
    if filters.q:
        found &= (Q(number__iexact=filters.q) | Q(text_plain__icontains=filters.q)
                  | Q(summary_html__icontains=filters.q))
    return found


def bill_amendments_page(*, bills_api_id: int, filters: AmendmentFilters, page_number: str | int | None = None,
                         per_page: int = AMENDMENTS_PER_PAGE) -> BillAmendmentsPage:
    bill = get_object_or_404(Bill, bills_api_id=bills_api_id)
    stages = list(BillStage.objects.filter(bill=bill).order_by("sort_order", "bills_api_id"))
    read = set(SourceList.objects.filter(bill=bill).exclude(bill_stage=None).values_list("bill_stage_id", "kind"))
    amendment_counts = _counts_by_stage(Amendment.objects.filter(bill_stage__bill=bill))
    ping_pong_counts = _counts_by_stage(PingPongItem.objects.filter(bill_stage__bill=bill))
    stage_rows = [
        StageRow(stage, (stage.pk, SourceList.Kind.AMENDMENTS) in read, (stage.pk, SourceList.Kind.PING_PONG) in read,
                 amendment_counts.get(stage.pk, []), ping_pong_counts.get(stage.pk, []))
        for stage in stages
    ]
    amendments = (
        Amendment.objects.filter(Q(bill_stage__bill=bill) & _amendment_filter(bill, filters))
        .select_related("bill_stage")
        .annotate(target_rank=_TARGET_RANK)
        .order_by("bill_stage__sort_order", "bill_stage__bills_api_id", "target_rank", "clause", "schedule",
                  "list_position")
        .prefetch_related(Prefetch("sponsorships", queryset=_sponsorships()))
    )
    page_obj = Paginator(amendments, per_page).get_page(page_number)
    items = list(
        PingPongItem.objects.filter(Q(bill_stage__bill=bill) & _ping_pong_filter(bill, filters))
        .select_related("bill_stage")
        .order_by("bill_stage__sort_order", "bill_stage__bills_api_id", "list_position")
        .prefetch_related(
            Prefetch("sponsorships", queryset=_sponsorships()),
            Prefetch("grouped_amendments", queryset=GroupedAmendment.objects.prefetch_related(
                Prefetch("sponsorships", queryset=_sponsorships()))),
        )
    )
    parties = list(Party.objects.filter(pk__in=_bill_sponsor_parties(bill)).order_by("name"))
    shown = [*page_obj.object_list, *items]
    grouped = [g for item in items for g in item.grouped_amendments.all()]
    sponsorships = [s for row in (*shown, *grouped) for s in row.sponsorships.all()]
    corrections_attach([bill, *stages, *shown, *grouped, *sponsorships, *_sponsors(sponsorships),
                        *(item.bill_stage for item in items)])  # the exchanges name each motion's stage
    listed = {stage.pk: stage for stage in stages}  # with their corrections: each section heads with its stage
    return BillAmendmentsPage(
        bill=bill,
        reconstructed=bill_reconstructed(bills_api_id=bill.bills_api_id),
        stages=stage_rows,
        decision_counts=_decision_counts(
            (c.value, c.count) for row in stage_rows for c in (*row.amendment_counts, *row.ping_pong_counts)),
        page_obj=page_obj,
        amendments_by_stage=[
            StageAmendments(listed[stage.pk], [TargetGroup(label, list(found))
                                               for label, found in groupby(rows, target_label)])
            for stage, rows in groupby(page_obj.object_list, key=lambda amendment: amendment.bill_stage)
        ],
        ping_pong_by_stage=[StagePingPong(listed[stage.pk], list(rows))
                            for stage, rows in groupby(items, key=lambda item: item.bill_stage)],
        parties=parties,
        filters=filters,
        threads=[] if filters.active else _threads_of(items),
    )


def _sponsors(sponsorships: Iterable[Sponsorship]) -> list:
    """The members named on sponsorships and their parties: what a sponsor list shows besides the names as given."""
    members = [s.member for s in sponsorships if s.member]
    return [*members, *(member.party for member in members if member.party)]


def _counts_by_stage(items: QuerySet) -> dict[int, list[DecisionCount]]:
    rows: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for stage_pk, decision, count in items.values_list("bill_stage_id", "decision").annotate(n=Count("pk")).order_by():
        rows[stage_pk].append((decision, count))
    return {stage_pk: _decision_counts(found) for stage_pk, found in rows.items()}


def _bill_sponsor_parties(bill: Bill) -> QuerySet:
    """The party ids of the bill's sponsors, as one subquery that starts from the bill's own
    items (a union of three index lookups, not an OR over every sponsorship)."""
    def of(parent: str) -> QuerySet:
        return (Sponsorship.objects.filter(**{parent: bill}, member__party__isnull=False)
                .order_by().values_list("member__party_id", flat=True))
    return of("amendment__bill_stage__bill").union(of("ping_pong_item__bill_stage__bill"),
                                                  of("grouped_amendment__item__bill_stage__bill"))


def _bill_sponsorships(bill: Bill) -> QuerySet[Sponsorship]:
    return Sponsorship.objects.filter(Q(amendment__bill_stage__bill=bill) | Q(ping_pong_item__bill_stage__bill=bill)
                                      | Q(grouped_amendment__item__bill_stage__bill=bill))


# Divisions


@dataclass(frozen=True)
class PartyVotes:
    """One party's votes in a division, with bar widths for includes/vote_bars.html."""

    party: str  # empty: not recorded
    colour: str
    for_votes: list[Vote]
    against_votes: list[Vote]
    for_width_class: str = ""
    against_width_class: str = ""

    @property
    def for_count(self) -> int:
        return len(self.for_votes)

    @property
    def against_count(self) -> int:
        return len(self.against_votes)


@dataclass(frozen=True)
class DivisionVotes:
    division: Division
    for_tellers: list[Vote]
    against_tellers: list[Vote]
    parties: list[PartyVotes]  # members recorded voting, tellers not included; largest party first
    links: list[DivisionLink]


def vote_party(vote: Vote) -> tuple[str, str]:
    """The party a vote is counted under: as the votes API gave it at the time, else the
    member's party now; empty when neither is recorded."""
    if vote.party_name:
        return vote.party_name, vote.party_colour
    party = vote.member.party if vote.member else None
    return (party.name, party.background_colour) if party else ("", "")


def _bar_class(count: int, largest: int) -> str:
    step = round(20 * count / largest) * 5 if largest else 0
    return f"tracker-bar--w{step}"


def _division_votes(division: Division, votes: Sequence[Vote], links: list[DivisionLink]) -> DivisionVotes:
    by_party: dict[tuple[str, str], tuple[list[Vote], list[Vote]]] = defaultdict(lambda: ([], []))
    for vote in votes:
        if not vote.is_teller or division.house == House.LORDS:  # Lords tellers are listed among the voters
            by_party[vote_party(vote)][0 if vote.is_for else 1].append(vote)
    largest = max((len(side) for sides in by_party.values() for side in sides), default=0)
    parties = sorted(
        (PartyVotes(party, colour, for_votes, against_votes, _bar_class(len(for_votes), largest),
                    _bar_class(len(against_votes), largest))
         for (party, colour), (for_votes, against_votes) in by_party.items()),
        key=lambda p: (-(p.for_count + p.against_count), p.party or "~"),
    )
    tellers = [vote for vote in votes if vote.is_teller]
    return DivisionVotes(
        division=division,
        for_tellers=[vote for vote in tellers if vote.is_for],
        against_tellers=[vote for vote in tellers if not vote.is_for],
        parties=parties,
        links=links,
    )


def _votes() -> QuerySet[Vote]:
    return Vote.objects.select_related("member__party").order_by("name", "members_api_id")


def _links() -> QuerySet[DivisionLink]:
    return DivisionLink.objects.select_related(
        "amendment__bill_stage__bill", "ping_pong_item__bill_stage__bill", "grouped_amendment__item__bill_stage__bill")


@dataclass(frozen=True)
class DivisionPage:
    votes: DivisionVotes
    reconstructed: bool

    @property
    def division(self) -> Division:
        return self.votes.division


def division_page(*, house: str, source_id: int) -> DivisionPage:
    """`house` as in the URL: "commons" or "lords"."""
    source = {"commons": Division.Source.COMMONS_VOTES, "lords": Division.Source.LORDS_VOTES}.get(house)
    division = get_object_or_404(Division.objects.select_related("bill"), source=source, source_id=source_id)
    votes = list(_votes().filter(division=division))
    links = list(_links().filter(division=division))
    corrections_attach([division, division.bill, *votes, *links, *(vote.member for vote in votes if vote.member),
                        *(record for link in links if link.target for record in (link.target, link.target.bill_stage))])
    return DivisionPage(_division_votes(division, votes, links), bill_reconstructed(bills_api_id=division.bill.bills_api_id))


# The amendment page


@dataclass(frozen=True)
class AmendmentPage:
    amendment: Amendment
    lead: list[Sponsorship]
    supporters: list[Sponsorship]  # everyone not marked lead, in order
    lead_recorded: bool  # False: the record does not say who leads
    divisions: list[DivisionVotes]
    reconstructed: bool


def amendment_page(*, bills_api_id: int, marked: bool = True) -> AmendmentPage:
    """The amendment with its sponsors and divisions; with their editors' corrections unless not
    `marked` (a page showing more reads them all at once, with `amendment_page_records`)."""
    amendment = get_object_or_404(
        Amendment.objects.select_related("bill_stage__bill", "bill_stage__stage_type"), bills_api_id=bills_api_id)
    sponsorships = list(_sponsorships().filter(amendment=amendment))
    links = list(_links().filter(amendment=amendment).select_related("division").order_by("division__date", "pk"))
    votes: dict[int, list[Vote]] = defaultdict(list)
    for vote in _votes().filter(division__in=[link.division_id for link in links]):
        votes[vote.division_id].append(vote)
    divisions = {link.division_id: link.division for link in links}
    page = AmendmentPage(
        amendment=amendment,
        lead=[s for s in sponsorships if s.is_lead],
        supporters=[s for s in sponsorships if not s.is_lead],
        lead_recorded=any(s.is_lead is not None for s in sponsorships),
        divisions=[_division_votes(division, votes[pk], [link for link in links if link.division_id == pk])
                   for pk, division in divisions.items()],
        reconstructed=bill_reconstructed(bills_api_id=amendment.bill_stage.bill.bills_api_id),
    )
    if marked:
        corrections_attach(amendment_page_records(page))
    return page


def amendment_page_records(page: AmendmentPage) -> list:
    """What the amendment page shows that an editor may have corrected: the amendment, its stage and bill,
    its sponsors, and each division with its votes and voters."""
    amendment, sponsorships = page.amendment, [*page.lead, *page.supporters]
    votes = [vote for division in page.divisions for vote in (
        *division.for_tellers, *division.against_tellers,
        *(vote for party in division.parties for vote in (*party.for_votes, *party.against_votes)))]
    return [amendment, amendment.bill_stage, amendment.bill_stage.bill, *sponsorships, *_sponsors(sponsorships),
            *(division.division for division in page.divisions), *votes, *(vote.member for vote in votes if vote.member)]


# Includes for the bill and member pages


@dataclass(frozen=True)
class BillAmendmentSummary:
    """For templates/amendments/_bill_summary.html."""

    bill: Bill
    amendment_total: int
    ping_pong_total: int
    division_total: int
    decision_counts: list[DecisionCount]


def bill_amendment_summary(*, bill: Bill) -> BillAmendmentSummary:
    amendments = list(Amendment.objects.filter(bill_stage__bill=bill).values_list("decision")
                      .annotate(n=Count("pk")).order_by())
    items = list(PingPongItem.objects.filter(bill_stage__bill=bill).values_list("decision")
                 .annotate(n=Count("pk")).order_by())
    return BillAmendmentSummary(
        bill=bill,
        amendment_total=sum(n for _, n in amendments),
        ping_pong_total=sum(n for _, n in items),
        division_total=Division.objects.filter(bill=bill).count(),
        decision_counts=_decision_counts([*amendments, *items]),
    )


@dataclass(frozen=True)
class MemberActivity:
    """For templates/amendments/_member_activity.html: each list 100 a page (tracker/listing.py)."""

    member: Member
    led: Listing  # of Sponsorship
    supported: Listing  # of Sponsorship: names not marked lead (including where the record does not say)
    votes: Listing  # of Vote: in divisions on tracked bills, newest first


def member_activity(*, member: Member, query: Mapping[str, str]) -> MemberActivity:
    """Six queries (a count and a page of each list), however many the member has."""
    sponsorships = Sponsorship.objects.filter(member=member).select_related(
        "amendment__bill_stage__bill", "ping_pong_item__bill_stage__bill",
        "grouped_amendment__item__bill_stage__bill").order_by("pk")
    votes = (Vote.objects.filter(member=member, division__bill__is_tracked=True)
             .select_related("division__bill")
             .prefetch_related(Prefetch("division__links", queryset=_links()))
             .order_by("-division__date", "-division__source_id"))
    return MemberActivity(
        member=member,
        led=listing(sponsorships.filter(is_lead=True), query=query, noun="amendments and motions led",
                    param="led_page", anchor="led"),
        supported=listing(sponsorships.exclude(is_lead=True), query=query, noun="amendments and motions supported",
                          param="supported_page", anchor="supported"),
        votes=listing(votes, query=query, noun="votes", param="votes_page", anchor="votes"),
    )


def ping_pong_threads(*, bill: Bill) -> list[Thread]:
    """Each amendment's exchange between the Houses, in the order the stages sat. Two queries."""
    items = (PingPongItem.objects.filter(bill_stage__bill=bill).select_related("bill_stage")
             .prefetch_related("grouped_amendments").order_by("bill_stage__sort_order", "list_position"))
    return _threads_of(items)


def _threads_of(items: Iterable[PingPongItem]) -> list[Thread]:
    """The threads of every ping-pong item of a bill, given in stage order, grouped amendments prefetched."""
    return threads(Step(item.bill_stage.house, item.bill_stage.description, _step_label(item), item.number,
                        item.text_plain, item.decision, item.get_decision_display(), item)
                   for item in items)


def _step_label(item: PingPongItem) -> str:
    grouped = ", ".join(f"Amendment {a.number}" for a in item.grouped_amendments.all() if a.number)
    number = item.number or "(number not recorded)"
    return f"{item.get_type_display()} {number}" + (f" ({grouped})" if grouped else "")
