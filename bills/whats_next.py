"""What happens next to a stored bill: the procedure's next step (bills.procedure) with its
sitting date when the source lists one, or why nothing more will happen to it.

No queries of its own: it reads the bill's stages and their sittings as the caller loaded them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from . import procedure
from .models import Bill, BillStage


@dataclass(frozen=True)
class WhatNext:
    finished: str  # why nothing more will happen to the bill ("completed its passage"); blank: it goes on
    step: procedure.NextStep | None
    sitting: dt.date | None  # the next step's sitting, when the source lists one
    current_sitting: dt.date | None  # a later sitting of the stage the bill is at now


def what_next(*, bill: Bill, stages: Sequence[BillStage], today: dt.date) -> WhatNext:
    """`stages`: the bill's stages in order, with their sittings prefetched."""
    if over := bill_over(bill):
        return WhatNext(over, None, None, None)
    at = next((i for i, stage in enumerate(stages) if stage.pk == bill.current_stage_id), None)
    so_far = stages[:at + 1] if at is not None else stages
    step = procedure.next_step(started_in=bill.originating_house,
                               stages_so_far=[procedure.Stage(s.description or None, s.house) for s in so_far])
    if step is None:
        return WhatNext("completed its passage", None, None, None)
    later = stages[at + 1:] if at is not None else ()
    return WhatNext("", step, _step_sitting(step, so_far, later, today),
                    _first_after(stages[at], today) if at is not None else None)


def bill_over(bill: Bill) -> str:
    """Why nothing more will happen to the bill, from what the source says of it; blank: it goes on."""
    return ("completed its passage" if bill.is_act else "been withdrawn" if bill.withdrawn_at
            else "been defeated" if bill.is_defeated else "")


def _step_sitting(step: procedure.NextStep, so_far: Sequence[BillStage], later: Sequence[BillStage],
                  today: dt.date) -> dt.date | None:
    """The first sitting after today of a stored later stage that is the next step."""
    thirds = {s.house for s in so_far if procedure.stage_kind(procedure.Stage(s.description or None, s.house))
              == procedure.THIRD}
    for stage in later:
        kind = procedure.stage_kind(procedure.Stage(stage.description or None, stage.house),
                                    both_third_readings_past=len(thirds) == 2)
        if kind == step.kind and (stage.house == step.house or not step.house):
            return _first_after(stage, today)
    return None


def _first_after(stage: BillStage, today: dt.date) -> dt.date | None:
    return min((s.date for s in stage.sittings.all() if s.date and s.date > today), default=None)
