"""Link each division of a bill to the amendment, motion or clause question it decided.

The votes APIs carry no amendment id: a division names what it decided in its own words
(Lords `amendmentMotionNotes`, the Commons title), read by `division_links`. Each name is
matched against the amendments and ping-pong items stored for the bill at stages of the
division's House; when several share the number, the stage that sat on the division's day,
then a decision "on division", then being an item in its own right (not a copy printed
within a motion) choose between them. Every link records how it was made, and a
name that matches nothing stored (or several things) is kept without a target. Idempotent.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db import transaction

from bills.models import Bill, BillStage, Sitting
from tracker.scraping.counts import StoreCounts
from tracker.scraping.upsert import bulk_upsert

from .division_links import DivisionReference, references_in_commons_title, references_in_lords_notes
from .models import Amendment, AmendmentType, Decision, Division, DivisionLink, GroupedAmendment, PingPongItem

ON_DIVISION = {Decision.AGREED_ON_DIVISION, Decision.NEGATIVED_ON_DIVISION}


@dataclass(frozen=True)
class _Candidate:
    """Something a division may have decided: an amendment, ping-pong item or grouped amendment."""

    target: Amendment | PingPongItem | GroupedAmendment
    field: str  # the DivisionLink field that points at it
    stage: BillStage
    decision: str


@transaction.atomic
def division_links_derive(*, bill: Bill) -> StoreCounts:
    """(Re)link every stored division of the bill; set `decided_on` on what each decided."""
    candidates = amendment_candidates(bill)
    sat_on = _sitting_days(bill)
    rows, decided = {}, {}
    for division in Division.objects.filter(bill=bill):
        for reference in _references(division):
            key = (division.pk, reference.kind, reference.number)
            if key in rows:
                continue
            chosen, how = _choose(reference, division, candidates, sat_on)
            rows[key] = {
                "amendment_id": None, "ping_pong_item_id": None, "grouped_amendment_id": None,
                "method": f"{reference.source}, rule {reference.rule}; {how}",
                "matched_text": reference.matched_text,
            }
            if chosen:
                rows[key][f"{chosen.field}_id"] = chosen.target.pk
                if chosen.field != "grouped_amendment":
                    dates = decided.setdefault(type(chosen.target), {})
                    dates[chosen.target.bills_api_id] = {"decided_on": division.date}
    counts = bulk_upsert(DivisionLink, key=("division_id", "kind", "number"), rows=rows).counts
    for model, dates in decided.items():
        counts += bulk_upsert(model, key="bills_api_id", rows=dates).counts
    return counts


def _references(division: Division) -> Sequence[DivisionReference]:
    if division.source == Division.Source.LORDS_VOTES:
        return references_in_lords_notes(division.notes_html)
    return references_in_commons_title(division.title)


def amendment_candidates(bill: Bill) -> dict[tuple[str, str], list[_Candidate]]:
    """What each (kind, number) a division may name could be, across the bill's stages."""
    found: dict[tuple[str, str], list[_Candidate]] = defaultdict(list)
    for amendment in Amendment.objects.filter(bill_stage__bill=bill).exclude(number=None).select_related("bill_stage"):
        number = amendment.number.upper()
        if amendment.amendment_type == AmendmentType.ADD_CLAUSE_OR_SCHEDULE and number.startswith("NC"):
            found[("new_clause", number.removeprefix("NC"))].append(_candidate(amendment, "amendment"))
        found[("amendment", number)].append(_candidate(amendment, "amendment"))
    for item in PingPongItem.objects.filter(bill_stage__bill=bill).exclude(number=None).select_related("bill_stage"):
        kind = "motion" if item.type == PingPongItem.Type.MOTION else "amendment"
        found[(kind, item.number.upper())].append(_candidate(item, "ping_pong_item"))
    grouped = GroupedAmendment.objects.filter(item__bill_stage__bill=bill).exclude(number=None)
    for amendment in grouped.select_related("item__bill_stage"):
        found[("amendment", amendment.number.upper())].append(
            _Candidate(amendment, "grouped_amendment", amendment.item.bill_stage, amendment.decision))
    return found


def _candidate(target: Amendment | PingPongItem, field: str) -> _Candidate:
    return _Candidate(target, field, target.bill_stage, target.decision)


def _sitting_days(bill: Bill) -> dict[int, set[dt.date]]:
    days: dict[int, set[dt.date]] = defaultdict(set)
    for stage_pk, date in Sitting.objects.filter(bill_stage__bill=bill).exclude(date=None).values_list(
            "bill_stage_id", "date"):
        days[stage_pk].add(date)
    return days


_Narrowing = tuple[str, Callable[[_Candidate], bool]]


def _choose(reference: DivisionReference, division: Division, candidates, sat_on) -> tuple[_Candidate | None, str]:
    """The one stored item the reference names, and how it was chosen (or why none was)."""
    if reference.kind == "clause":
        return None, "a clause question: no amendment or motion to link"
    named = f"{reference.kind.replace('_', ' ')} {reference.number}"
    pool = [candidate for candidate in candidates.get((reference.kind, reference.number.upper()), ())
            if candidate.stage.house == division.house]
    if not pool:
        return None, f"no {named} stored at a {division.house} stage"
    how = [f"{named} at a {division.house} stage"]
    narrowings: list[_Narrowing] = [
        ("its stage sat that day", lambda c: division.date in sat_on.get(c.stage.pk, ())),
        ("its decision was on a division", lambda c: c.decision in ON_DIVISION),
        ("listed in its own right, not only within a motion", lambda c: c.field != "grouped_amendment"),
    ]
    for words, keep in narrowings:
        if len(pool) == 1:
            break
        narrowed = [c for c in pool if keep(c)]
        if narrowed:
            pool, how = narrowed, [*how, words]
    if len(pool) > 1:
        return None, "; ".join([*how, f"{len(pool)} candidates, none chosen"])
    return pool[0], "; ".join(how)
