"""What comes next for a bill by the standard procedure, and what that stage can do to a clause.

Pure: a small model of a public bill's passage, starting in either House: first, second
reading, committee, report and third reading in the House it started in, the same in the other
House, then consideration of amendments ("ping-pong": the first House considers the second's
amendments, and the Houses take turns on what one of them still disagrees with) until both agree,
then Royal Assent. Stages are read from the Bills API's words (a stage's description, its House);
a stage the model does not know (a programme motion, a money resolution) leaves the bill where
its last known stage put it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

COMMONS, LORDS = "Commons", "Lords"
FIRST, SECOND, COMMITTEE, REPORT, THIRD, PING_PONG, ROYAL_ASSENT = (
    "first", "second", "committee", "report", "third", "ping_pong", "royal_assent")
READINGS = (FIRST, SECOND, COMMITTEE, REPORT, THIRD)

_NAMES = {FIRST: "1st reading", SECOND: "2nd reading", COMMITTEE: "Committee stage", REPORT: "Report stage",
          THIRD: "3rd reading", ROYAL_ASSENT: "Royal Assent"}
_TO_A_CLAUSE = {
    FIRST: "1st reading is a formality: no debate, and no clause can be changed at it.",
    SECOND: "2nd reading debates the bill's general principles: no clause can be amended at it.",
    COMMITTEE: ("Committee stage goes through the bill clause by clause: this clause can be amended, or left out "
                "(by an amendment, or by a vote that it not stand part), and new clauses can be added."),
    REPORT: "Report stage: this clause can still be amended or left out, and new clauses added.",
    (THIRD, LORDS): "3rd reading in the Lords: amendments are still possible, usually to tidy the bill up.",
    (THIRD, COMMONS): "3rd reading in the Commons: no amendment is possible, only a vote on the bill as a whole.",
    PING_PONG: ("Consideration of amendments: only the amendments on which the Houses disagree are considered, so "
                "this clause can change only if one of them (or an amendment in lieu) touches it."),
    ROYAL_ASSENT: "Royal Assent: the bill becomes an Act with this clause as it then stands; it cannot change.",
}


@dataclass(frozen=True)
class Stage:
    """A stage as the source names it: its description (None: not recorded) and its House."""

    name: str | None
    house: str


@dataclass(frozen=True)
class NextStep:
    kind: str
    house: str  # Commons, Lords, or "" for Royal Assent
    name: str  # e.g. "Consideration of Lords amendments"
    condition: str = ""  # when it happens only on a condition: "if the Lords made amendments; otherwise Royal Assent"

    @property
    def to_a_clause(self) -> str:
        return _TO_A_CLAUSE.get((self.kind, self.house)) or _TO_A_CLAUSE[self.kind]


def other_house(house: str) -> str:
    return LORDS if house == COMMONS else COMMONS


def stage_kind(stage: Stage, *, both_third_readings_past: bool = False) -> str | None:
    """The model's step a stage is, or None when the model does not know it. A stage the source
    does not name, after both Houses' third readings, is a round of ping-pong."""
    name = (stage.name or "").lower()
    if "royal assent" in name:
        return ROYAL_ASSENT
    if "consideration of" in name or "message" in name or "reason" in name or "ping" in name:
        return PING_PONG
    if not name:
        return PING_PONG if both_third_readings_past and stage.house in (COMMONS, LORDS) else None
    for kind, words in ((FIRST, "1st reading"), (SECOND, "2nd reading"), (THIRD, "3rd reading"),
                        (REPORT, "report"), (COMMITTEE, "committee")):
        if words in name:
            return kind
    return None


def next_step(*, started_in: str, stages_so_far: Sequence[Stage]) -> NextStep | None:
    """The step after the last stage the model knows among `stages_so_far` (the bill's stages in
    order, up to and including its current one); None when the bill has reached Royal Assent."""
    place: tuple[str, str] | None = None
    thirds: set[str] = set()
    for stage in stages_so_far:
        kind = stage_kind(stage, both_third_readings_past=len(thirds) == 2)
        if kind is not None:
            place = (kind, stage.house)
        if kind == THIRD:
            thirds.add(stage.house)
    if place is None:
        return _reading(FIRST, started_in)
    kind, house = place
    if kind == ROYAL_ASSENT:
        return None
    if kind == PING_PONG:
        return _consideration(other_house(house), condition=f"if the {house} still disagrees; otherwise Royal Assent")
    if kind != THIRD:
        return _reading(READINGS[READINGS.index(kind) + 1], house)
    if house == started_in:
        return _reading(FIRST, other_house(house))
    return _consideration(started_in, condition=f"if the {house} made amendments; otherwise Royal Assent")


def _reading(kind: str, house: str) -> NextStep:
    return NextStep(kind, house, _NAMES[kind])


def _consideration(house: str, *, condition: str) -> NextStep:
    """The House `house` considers what the other House amended or insisted on."""
    return NextStep(PING_PONG, house, f"Consideration of {other_house(house)} amendments", condition)
