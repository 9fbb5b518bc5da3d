"""What happens next to a clause: nothing more, when it is out of the bill or the bill's passage
is over; else the bill's next step by the procedure and what that step can do to a clause."""

from __future__ import annotations

from dataclasses import dataclass

from bills.whats_next import WhatNext

from .models import Clause
from .status import LEFT_OUT, NOT_ENACTED, NOT_INSERTED

OUT_OF_THE_BILL = {LEFT_OUT: "It was left out of the bill", NOT_ENACTED: "It was left out of the bill",
                   NOT_INSERTED: "It was never made part of the bill"}


@dataclass(frozen=True)
class ClauseNext:
    bill: WhatNext
    over: str  # "It was left out of the bill: nothing more will happen to it in this bill."; blank: it goes on

    @property
    def to_the_clause(self) -> str:
        return self.bill.step.to_a_clause if self.bill.step and not self.over else ""


def clause_next(*, clause: Clause, bill_next: WhatNext) -> ClauseNext:
    return ClauseNext(bill_next, clause_over(clause=clause, bill_finished=bill_next.finished))


def clause_over(*, clause: Clause, bill_finished: str) -> str:
    """Why nothing more will happen to the clause in this bill (it is out of it, or the bill's
    passage is over); blank: it can still change."""
    if clause.status in OUT_OF_THE_BILL:
        return f"{OUT_OF_THE_BILL[clause.status]}: nothing more will happen to it in this bill."
    if bill_finished:
        return f"The bill has {bill_finished}: nothing more will happen to this clause in this bill."
    return ""
