"""Which stages of a bill have a print of their own, what each print is called, and which
print a stage's amendments and debates refer to when they say "Clause 65".

Pure: stage facts in, a StagePlan out. The rules, each from how a bill goes through
Parliament:

- A print is the text entering an amending stage: a stage at which the record holds
  amendments or ping-pong items, or for which a print was published. Readings never amend
  (their description says "1st reading" / "2nd reading"), so the text entering the next
  amending stage is the one read.
- The bill's passage has three parts: the first House, the second House, and "between the
  Houses" (every stage once the bill has come back to the first House, and Royal Assent).
- A print is "As introduced" when only readings come before its stage, and "As brought
  from the <first House>" when its stage is the second House's first non-reading stage;
  otherwise "As it stood entering <stage> (<House>)".
- A stage's amendments and debates refer to: the print brought from the first House, at a
  stage between the Houses (what the Houses exchange is numbered against the bill the second
  House received: Lord Alton's "Clause 65" on 11 September 2023); else its own print (an
  amending stage); else the print of the next stage (a reading, when the next non-reading
  stage is that amending stage, in the same part of the passage). Otherwise none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

FIRST_HOUSE, SECOND_HOUSE, BETWEEN_HOUSES = "first House", "second House", "between the Houses"
_READING = re.compile(r"^\s*(1st|2nd|first|second)\s+reading\b", re.IGNORECASE)
_HOUSES = ("Commons", "Lords")


@dataclass(frozen=True)
class StageFacts:
    """What the clause work needs to know of one bill stage (a BillStage)."""

    pk: int
    house: str
    description: str
    has_print: bool  # a print enters it: amendments or ping-pong items are stored for it, or one was published for it
    first_sitting: dt.date | None = None
    last_sitting: dt.date | None = None

    @property
    def is_reading(self) -> bool:
        return bool(_READING.match(self.description or ""))


@dataclass(frozen=True)
class StagePlan:
    stages: tuple[StageFacts, ...]
    passage: dict[int, str]  # stage pk -> FIRST_HOUSE, SECOND_HOUSE or BETWEEN_HOUSES
    first_house: str
    amending: tuple[int, ...]  # stage pks with a print entering them, in order

    def label(self, stage_pk: int) -> str:
        """How to name the print entering this stage."""
        stage = self._stage(stage_pk)
        before = self._before(stage_pk)
        in_passage = [s for s in before if self.passage[s.pk] == self.passage[stage_pk]]
        if self.passage[stage_pk] == FIRST_HOUSE and all(s.is_reading for s in before):
            return "As introduced"
        if self.passage[stage_pk] == SECOND_HOUSE and all(s.is_reading for s in in_passage):
            return f"As brought from the {self.first_house}"
        where = f" ({stage.house})" if stage.house in _HOUSES else ""
        return f"As it stood entering {stage.description or 'a stage (name not recorded)'}{where}"

    def reference_print_stage(self, stage_pk: int) -> int | None:
        """The stage whose print this stage's clause numbers refer to (see the module docstring)."""
        if self.passage.get(stage_pk) == BETWEEN_HOUSES:
            return self.brought_from_stage()
        if stage_pk in self.amending:
            return stage_pk
        stage = self._stage(stage_pk)
        if not stage.is_reading:
            return None
        following = self._after(stage_pk)
        nxt = next((s for s in following if not s.is_reading), None)
        if nxt is None or nxt.pk not in self.amending or self.passage[nxt.pk] != self.passage[stage_pk]:
            return None
        return nxt.pk

    def brought_from_stage(self) -> int | None:
        """The amending stage whose print is the bill as brought from the first House."""
        second = [s for s in self.stages if self.passage[s.pk] == SECOND_HOUSE]
        nxt = next((s for s in second if not s.is_reading), None)
        return nxt.pk if nxt is not None and nxt.pk in self.amending else None

    def _stage(self, stage_pk: int) -> StageFacts:
        return next(s for s in self.stages if s.pk == stage_pk)

    def _before(self, stage_pk: int) -> list[StageFacts]:
        index = [s.pk for s in self.stages].index(stage_pk)
        return list(self.stages[:index])

    def _after(self, stage_pk: int) -> list[StageFacts]:
        index = [s.pk for s in self.stages].index(stage_pk)
        return list(self.stages[index + 1:])


def stage_plan(stages: Sequence[StageFacts], *, originating_house: str) -> StagePlan:
    """Classify the stages (given in the bill's order) by part of the passage."""
    first_house = originating_house if originating_house in _HOUSES else next(
        (s.house for s in stages if s.house in _HOUSES), "Commons")
    passage: dict[int, str] = {}
    part = FIRST_HOUSE
    for stage in stages:
        if part == FIRST_HOUSE and stage.house in _HOUSES and stage.house != first_house:
            part = SECOND_HOUSE
        elif part == SECOND_HOUSE and stage.house != _other(first_house):
            part = BETWEEN_HOUSES
        passage[stage.pk] = part
    amending = tuple(s.pk for s in stages if s.has_print)
    return StagePlan(tuple(stages), passage, first_house, amending)


def _other(house: str) -> str:
    return "Lords" if house == "Commons" else "Commons"
