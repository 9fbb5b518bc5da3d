"""Every division stored for a bill, whether or not it is linked to an amendment: each with
its result and its party split, tellers counted apart from votes. Two queries, whatever the
number of divisions and votes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count

from bills.models import Bill

from .models import Division, Vote

_FOR = {Vote.Lobby.AYE, Vote.Lobby.CONTENT}


@dataclass(frozen=True)
class PartySplit:
    party: str  # blank: not recorded
    voted_for: int
    voted_against: int
    tellers_for: int
    tellers_against: int


@dataclass(frozen=True)
class BillDivision:
    division: Division
    parties: list[PartySplit]  # empty: the source gives no vote list

    @property
    def result(self) -> str:
        division = self.division
        if division.for_count is None or division.against_count is None:
            return "result not recorded"
        if division.for_count == division.against_count:
            return f"tied, {division.for_count} to {division.against_count}"
        side = division.for_label if division.for_count > division.against_count else division.against_label
        return f"{side} won, {division.for_count} to {division.against_count}"


def bill_divisions(*, bill: Bill) -> list[BillDivision]:
    divisions = list(Division.objects.filter(bill=bill).order_by("date", "house", "number", "source_id"))
    tally: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))
    for division_id, party, lobby, is_teller, n in (
            Vote.objects.filter(division__bill=bill).values_list("division_id", "party_name", "lobby", "is_teller")
            .annotate(n=Count("pk")).order_by()):
        tally[division_id][party][(2 if is_teller else 0) + (0 if lobby in _FOR else 1)] += n
    return [BillDivision(division, [PartySplit(party, *counts) for party, counts in sorted(
        tally[division.pk].items(), key=lambda kv: (-sum(kv[1]), kv[0] or "~"))]) for division in divisions]
