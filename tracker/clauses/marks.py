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
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Q

from tracker.corrections.models import Override
from tracker.corrections.services import corrections_attach
from tracker.hansard.models import Mention

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
    speech and the mention a stance was read from."""
    return _present(item for row in supports for item in (
        row.amendment, row.division, row.contribution, getattr(row, "mention", None)))


def clause_marks(*, clause: Clause, events: Sequence[ClauseEvent], supports: Sequence[ClauseSupport],
                 mentions: Sequence[Mention]) -> ClauseMarks:
    """Attach `.corrected` to every record the page shows beside the clause (the proposing
    amendment, the stages, each event's and each ledger row's evidence, the mentions) and say which of the
    clause's own values rest on a correction. One query."""
    proposal = _present([clause.proposed_by])
    decided = _present(item for event in events for item in (event.amendment, event.division, event.ping_pong_item))
    shown = _present([clause.bill, clause.status_stage, *(item for event in events for item in (
        event.bill_stage, event.contribution, event.contribution.member if event.contribution_id else None))])
    ledger = ledger_records(supports)
    corrections_attach([*proposal, *decided, *shown, *ledger, *mentions])
    return ClauseMarks(
        heading=heading_marks(clause.heading, [*proposal, *decided, *shown, *ledger]),
        number=_overrides([*proposal, *(m for m in mentions if m.clause_id == clause.pk)], NUMBER_FIELDS),
        status=_overrides([*proposal, *decided], STATUS_FIELDS),
    )
