"""Which values a clause page shows rest on an editor's correction.

A clause is derived, never corrected itself: its heading, its numbers, its status and its
ledger are read from amendments, divisions, debates and mentions, and those are what editors
correct. So the page marks a derived value "Corrected" when a record it was read from carries
a correction of the field it was read from, with that correction's reason. The records' own
corrections (an amendment's number, a division's counts, a stance) are attached to them too,
for the marks beside the evidence. One query for the mentions, one for every correction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from django.db import models
from django.db.models import Q

from tracker.corrections.models import Override
from tracker.corrections.services import corrections_attach
from tracker.hansard.models import Mention

from .ledger import Ledger, Position, ledger
from .models import Clause, ClauseEvent, ClauseSupport

HEADING_FIELDS = {"new_clause_title", "heading"}  # an amendment's new clause, a debate heading "Clause 16: …"
NUMBER_FIELDS = {"position", "clause", "schedule", "number", "clause_number"}  # where it was placed or named
STATUS_FIELDS = {"decision", "decided_on", "amendment_type", "clause", "schedule", "for_count", "against_count"}


@dataclass(frozen=True)
class ClauseMarks:
    """{key: Override} per derived value, for includes/corrected_marks.html."""

    heading: dict[str, Override] = field(default_factory=dict)
    number: dict[str, Override] = field(default_factory=dict)
    status: dict[str, Override] = field(default_factory=dict)

    def by_value(self) -> list[tuple[str, Override]]:
        """("heading", the correction it rests on), … in the order the page shows them."""
        return [(value, override) for value, found in (("heading", self.heading), ("number", self.number),
                                                       ("status", self.status)) for override in found.values()]


def _present(objects: Iterable[models.Model | None]) -> list[models.Model]:
    return [obj for obj in objects if obj is not None]


def _overrides(objects: Iterable[models.Model], fields: set[str]) -> dict[str, Override]:
    return {f"{type(obj).__name__}-{obj.pk}-{name}": override for obj in objects
            for name, override in obj.corrected.items() if name in fields}


def heading_marks(heading: str, records: Iterable[models.Model]) -> dict[str, Override]:
    """Corrections of a heading the records gave (with `.corrected` attached), when the heading
    shown is the one the correction gave."""
    return {key: override for key, override in _overrides(records, HEADING_FIELDS).items()
            if heading and heading in str(override.value)}


def ledger_mentions(*, supports: Sequence[ClauseSupport]) -> list[Mention]:
    """The mentions the ledger's speech evidence was read from (a clause's reconstructed numbers are
    read from the same): each speech row gets `.mention`, None when none is stored. One query,
    none when the ledger cites no speech."""
    speeches = [row for row in supports if row.via == ClauseSupport.Via.SPEECH and row.contribution_id]
    if not speeches:
        return []
    wanted = Q(pk__in=[])
    for row in speeches:
        wanted |= Q(contribution_id=row.contribution_id, **(
            {"amendment_id": row.amendment_id} if row.amendment_id else {"clause_id": row.clause_id}))
    mentions = list(Mention.objects.filter(wanted).order_by("-confidence", "pk"))
    for row in speeches:
        row.mention = next((m for m in mentions if m.contribution_id == row.contribution_id and (
            m.amendment_id == row.amendment_id if row.amendment_id else m.clause_id == row.clause_id)), None)
    return mentions


def ledger_records(supports: Sequence[ClauseSupport]) -> list[models.Model]:
    """What a ledger shows beside each piece of evidence, for the marks: amendment, division,
    speech, the mention a stance was read from and the person's party."""
    return _present(item for row in supports for item in (
        row.amendment, row.division, row.contribution, getattr(row, "mention", None),
        getattr(row, "sponsorship", None), row.member.party if row.member else None))


def _corrected(record: models.Model | None, name: str) -> Override | None:
    return getattr(record, "corrected", {}).get(name)


def _signed_party(row: ClauseSupport | None) -> Override | None:
    """The correction of the party on the signature a ledger row was read from, if any."""
    return _corrected(getattr(row, "sponsorship", None), "party_name")


def _party_correction(position: Position, renamed: dict[str, Override]) -> Position:
    """The position, with the correction that gave its party's name: of a signature it was read
    from, or of the party's own name."""
    signed = (_signed_party(item.row) for item in position.evidence)
    override = next((o for o in signed if o is not None and str(o.value) == position.party), None)
    return replace(position, party_corrected=override or renamed.get(position.party))


def ledger_with_corrected_parties(found: Ledger) -> Ledger:
    """The ledger with each party an editor renamed under its corrected name, and each person and
    row of the party table whose party's name an editor gave (a party renamed, a signature's party
    corrected) carrying that correction. Renaming a party recomputes nothing, so the evidence
    still names it as read: it is renamed here, before the people are counted by party, so one
    party stays one row. The rows' records carry `.corrected` (`ledger_records`)."""
    rows = [item.row for item in found.evidence if item.row is not None]
    parties = {row.member.party for row in rows if row.member and _corrected(row.member.party, "name")}
    if not parties and not any(_signed_party(row) for row in rows):
        return found
    source_names = {str(party.corrected["name"].source_value): party.name for party in parties}
    rebuilt = ledger(replace(item, party=source_names.get(item.party, item.party)) for item in found.evidence)
    renamed = {party.name: party.corrected["name"] for party in parties}
    groups = {name: [_party_correction(position, renamed) for position in getattr(rebuilt, name)]
              for name in ("supporting", "opposing", "conflicting", "spoke")}
    people = [position for positions in groups.values() for position in positions if position.party_corrected]
    return replace(rebuilt, **groups, by_party=[replace(row, party_corrected=next(
        (p.party_corrected for p in people if (p.house, p.party) == (row.house, row.party)), None))
        for row in rebuilt.by_party])


def clause_marks(*, clause: Clause, events: Sequence[ClauseEvent], supports: Sequence[ClauseSupport],
                 mentions: Sequence[Mention]) -> ClauseMarks:
    """Attach `.corrected` to every record the page shows beside the clause (the proposing
    amendment, the stages, each event's and each ledger row's evidence, the mentions) and say which of the
    clause's own values rest on a correction. One query."""
    return clauses_marks(clauses=[(clause, events, supports)], mentions=mentions)[clause.pk]


def clauses_marks(*, clauses: Sequence[tuple[Clause, Sequence[ClauseEvent], Sequence[ClauseSupport]]],
                  mentions: Sequence[Mention]) -> dict[int, ClauseMarks]:
    """`clause_marks` of several clauses at once (each with its events and ledger rows), by clause pk.
    One query."""
    records = {clause.pk: _records(clause, events, supports) for clause, events, supports in clauses}
    corrections_attach([*(record for found in records.values() for part in found for record in part), *mentions])
    return {clause.pk: _marks(clause, records[clause.pk], mentions) for clause, _, _ in clauses}


class _Records(NamedTuple):
    """What the page shows beside a clause, by where it shows it."""

    proposal: list[models.Model]  # the amendment proposing it
    decided: list[models.Model]  # what decided each step of its history
    shown: list[models.Model]  # the bill, stages (the proposal's too), speeches and speakers
    ledger: list[models.Model]  # the ledger's evidence


def _records(clause: Clause, events: Sequence[ClauseEvent], supports: Sequence[ClauseSupport]) -> _Records:
    return _Records(
        proposal=_present([clause.proposed_by]),
        decided=_present(item for event in events for item in (event.amendment, event.division, event.ping_pong_item)),
        shown=_present([clause.bill, clause.status_stage, clause.proposed_by and clause.proposed_by.bill_stage, *(
            item for event in events for item in (
                event.bill_stage, event.contribution, event.contribution.member if event.contribution_id else None))]),
        ledger=ledger_records(supports))


def _marks(clause: Clause, records: _Records, mentions: Sequence[Mention]) -> ClauseMarks:
    return ClauseMarks(
        heading=heading_marks(clause.heading, [*records.proposal, *records.decided, *records.shown, *records.ledger]),
        number=_overrides([*records.proposal, *(m for m in mentions if m.clause_id == clause.pk)], NUMBER_FIELDS),
        status=_overrides([*records.proposal, *records.decided], STATUS_FIELDS),
    )
