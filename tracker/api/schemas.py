"""The shapes of the API's answers (pydantic, so the OpenAPI document states them exactly).
Null always means the record does not say: never zero, never an empty string."""

from __future__ import annotations

import datetime as dt

from ninja import Schema
from pydantic import Field


class Links(Schema):
    self: str  # this resource in the API, absolute
    page: str  # the public page that shows it, absolute


class Error(Schema):
    detail: str


class Corrected(Schema):
    field: str  # the field's name in words: "long title"
    reason: str
    corrected_at: dt.datetime  # when an editor last set the correction


class ListPage(Schema):
    count: int
    page: int
    pages: int
    next: str | None
    previous: str | None


# Bills


class MemberRef(Schema):
    members_api_id: int | None
    name: str | None
    party: str | None
    api: str | None  # null: the member is not stored here
    page: str | None


class BillSummary(Schema):
    bills_api_id: int
    short_title: str
    long_title: str | None
    current_house: str | None
    current_stage: str | None
    is_act: bool
    last_sitting: dt.date | None
    corrected: list[Corrected]
    links: Links


class BillList(ListPage):
    results: list[BillSummary]


class Sitting(Schema):
    bills_api_id: int
    date: dt.date | None


class Stage(Schema):
    bills_api_id: int
    house: str
    description: str
    is_current: bool
    sittings: list[Sitting]


class DocumentLink(Schema):
    title: str | None
    url: str


class Publication(Schema):
    bills_api_id: int
    title: str
    house: str | None
    publication_type: str | None
    display_date: dt.datetime | None
    links: list[DocumentLink]


class NextStep(Schema):
    finished: str | None  # why nothing more will happen; null: the bill goes on
    house: str | None
    name: str | None
    condition: str | None
    sitting: dt.date | None


class BillResources(Schema):
    clauses: str
    amendments: str


class Bill(Schema):
    bills_api_id: int
    short_title: str
    former_short_title: str | None
    long_title: str | None
    bill_type: str | None
    session: str | None
    originating_house: str | None
    current_house: str | None
    current_stage: str | None
    is_act: bool
    act_name: str | None
    is_defeated: bool
    source_url: str | None  # on Parliament's website; null for a bill whose id the tracker made up
    sponsors: list[MemberRef]
    stages: list[Stage]
    publications: list[Publication]
    what_next: NextStep
    corrected: list[Corrected]
    links: Links
    resources: BillResources


# Clauses


class PrintRef(Schema):
    key: str
    label: str
    stage: str | None


class PrintNumber(Schema):
    print: str  # the print's key
    words: str  # "Clause 65", "Left out", "Proposed here, after Clause 61", "Not recorded"
    number: str | None  # as printed in this print; null: not in it, or not recorded
    recorded: bool


class ClauseVersion(Schema):
    print: str
    kind: str
    number: str | None
    heading: str | None
    text: str | None


class EvidenceLinks(Schema):
    amendment: str | None  # the amendment in the API
    division: str | None
    contribution: str | None  # the words in debate, on the tracker's debate page
    source: str | None  # the source cited, an address or a citation


class StatusEvent(Schema):
    kind: str
    label: str
    stage: str | None
    house: str | None
    date: dt.date | None
    note: str | None
    quote: str | None
    confidence: float | None
    evidence: EvidenceLinks


class LedgerEvidence(Schema):
    via: str  # sponsor, vote, speech, account or decision
    stance: str  # supports, opposes or spoke
    date: dt.date | None
    note: str | None
    quote: str | None
    evidence: EvidenceLinks


class LedgerPosition(Schema):
    member: MemberRef
    house: str | None
    verdict: str  # supports, opposes, conflicting or spoke
    conflict: str | None
    evidence: list[LedgerEvidence]


class PartyCount(Schema):
    house: str | None
    party: str | None
    supporting: int
    opposing: int


class Ledger(Schema):
    summary: str
    supporting: list[LedgerPosition]
    opposing: list[LedgerPosition]
    conflicting: list[LedgerPosition]
    spoke: list[LedgerPosition]
    decisions: list[LedgerEvidence]  # opposition the record shows naming no one (a committee's decision)
    by_party: list[PartyCount]


class ClauseLinks(Links):
    supporters_csv: str


class Clause(Schema):
    key: str  # stable within the bill: the clause's address
    kind: str
    label: str
    heading: str | None
    status: str | None
    status_stage: str | None
    status_date: dt.date | None
    proposed_by: str | None  # the amendment that inserted it, in the API
    numbers: list[PrintNumber]
    versions: list[ClauseVersion]
    history: list[StatusEvent]
    ledger: Ledger
    corrected: list[Corrected] = Field(description=(
        "A clause is read from other records, never corrected itself: its heading, number or status (`field`) "
        "where a record it was read from carries an editor's correction, with that correction's reason and time, "
        "as its page marks them."))
    links: ClauseLinks


class BillClauses(ListPage):
    bill: Links
    prints: list[PrintRef]
    results: list[Clause]


# Amendments and divisions


class Sponsor(Schema):
    member: MemberRef
    is_lead: bool | None  # null: the record does not say who leads


class DivisionSummary(Schema):
    house: str
    source_id: int
    number: int | None
    date: dt.date
    title: str | None
    for_label: str  # Ayes, or Contents in the Lords
    against_label: str
    for_count: int | None
    against_count: int | None
    links: Links


class ClauseLedger(Schema):
    clause: Links
    label: str
    ledger: Ledger


class ThreadStep(Schema):
    house: str
    stage: str | None
    label: str
    decision_label: str
    ping_pong_item: int  # its bills_api_id, as in the bill's amendments' ping_pong_items


class Thread(Schema):
    amendment: str  # "47": the amendment the exchange between the Houses is about
    steps: list[ThreadStep]
    outcome: str


class Amendment(Schema):
    bills_api_id: int
    number: str | None
    bill: Links
    stage: str
    house: str
    amendment_type: str | None
    target: str
    position: str | None
    new_clause_title: str | None
    summary: str | None
    text: str | None
    explanatory_statement: str | None
    decision: str
    decision_label: str
    decided_on: dt.date | None
    sponsors: list[Sponsor]
    divisions: list[DivisionSummary]
    clause_ledgers: list[ClauseLedger]  # who supports and opposes each clause it inserts, changes or leaves out
    threads: list[Thread] = Field(description=(
        "Each exchange between the Houses over a clause it inserts, changes or leaves out (a motion or "
        "amendment between the Houses named with the clause in debate), in order to its outcome, as in the "
        "bill's amendments. Empty: no exchange recorded over its clauses."))
    source_url: str | None  # null for an amendment whose id the tracker made up
    corrected: list[Corrected]
    links: Links


class AmendmentRow(Schema):
    bills_api_id: int
    number: str | None
    stage: str
    house: str
    target: str
    decision: str
    decision_label: str
    sponsors: list[Sponsor]
    links: Links


class GroupedAmendment(Schema):
    number: str | None
    decision: str
    sponsors: list[Sponsor]


class PingPongItem(Schema):
    bills_api_id: int
    type: str  # Motion or Amendment
    number: str | None
    stage: str
    house: str
    text: str | None
    decision: str
    decision_label: str
    sponsors: list[Sponsor]
    grouped_amendments: list[GroupedAmendment]
    page: str


class AmendmentsLinks(Links):
    csv: str


class BillAmendments(ListPage):
    bill: Links
    results: list[AmendmentRow]  # this page of the bill's amendments matching the filters
    ping_pong_items: list[PingPongItem]  # every motion and amendment between the Houses matching the filters
    threads: list[Thread]  # each exchange in order to its outcome (only when no filter is set, as on the page)
    links: AmendmentsLinks


class Vote(Schema):
    member: MemberRef
    lobby: str  # Aye/No, Content/Not content, as the source gives it
    is_teller: bool
    proxy_name: str | None


class DivisionLinkOut(Schema):
    kind: str
    number: str  # as printed in the division's text
    amendment: str | None  # the amendment in the API
    page: str | None
    method: str


class DivisionLinks(Links):
    csv: str


class Division(DivisionSummary):
    bill: Links
    vote_lists_recorded: bool
    is_government_win: bool | None
    notes_html: str | None
    found_by: str | None
    votes: list[Vote]
    decides: list[DivisionLinkOut]
    source_url: str | None
    corrected: list[Corrected]
    links: DivisionLinks


# Members


class MemberAmendment(Schema):
    number: str | None
    bill: str
    stage: str
    is_lead: bool | None
    page: str
    api: str | None  # null for a motion between the Houses (see its bill's amendments)


class MemberVote(Schema):
    division: DivisionSummary
    bill: str
    lobby: str
    is_teller: bool


class Contribution(Schema):
    debate: str
    date: dt.date
    house: str
    column_reference: str | None
    text: str | None
    page: str


class Member(Schema):
    members_api_id: int
    name: str
    party: str | None
    house: str | None
    membership_from: str | None  # constituency, or peerage
    is_current: bool | None
    sponsored_bills: list[Links]
    amendments: list[MemberAmendment]
    votes: list[MemberVote]
    contributions: list[Contribution]  # the most recent on tracked bills
    contributions_total: int
    corrected: list[Corrected]
    links: Links


# Search


class SearchLinks(Schema):
    page: str  # the public page of the result, absolute
    api: str | None  # its resource here; null for a speech or a motion between the Houses


class SearchResult(Schema):
    type: str  # bill, clause, amendment, division, member or speech
    id: str  # the thing's own id: a Parliament id, or its address's key ("3159/clause-65")
    title: str
    context: str
    snippet_html: str  # the matched words, HTML-escaped, each match in <mark>
    links: SearchLinks


class SearchResults(ListPage):
    query: str  # the words and "quoted phrases" searched for, as read
    type: str | None
    counts: dict[str, int]  # matches of every type, whatever the type filter
    results: list[SearchResult]
