"""What the clause work reads from the record, as plain frozen dataclasses.

`records.py` fills them from the database (amendments, sponsors, votes, Hansard mentions);
the rules in `reconstruct`, `debate_rule`, `identity`, `status` and `supporters` are pure
functions over them, so each can be tested without a database.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_TARGET_POSITION = re.compile(r"\b(?P<where>before|after)\s+(?P<kind>clause|schedule)\s+(?P<number>\d+[A-Z]*)\b",
                              re.IGNORECASE)

AGREED = frozenset({"Agreed", "AgreedOnDivision"})
NOT_AGREED = frozenset({"Disagreed", "NegativedOnDivision", "Withdrawn", "WithdrawnBeforeDebate", "NotMoved",
                        "NotSelected", "NotCalled", "Preempted"})


@dataclass(frozen=True)
class Person:
    """A member as the evidence names them, with the party it gives (blank: not recorded)."""

    members_api_id: int | None
    member_pk: int | None
    name: str
    party_name: str = ""
    party_colour: str = ""


@dataclass(frozen=True)
class AmendmentFacts:
    """An amendment (amendments.Amendment) with the fields the clause rules read."""

    pk: int
    bills_api_id: int
    stage_pk: int
    number: str | None
    amendment_type: str  # the API's AmendmentType; blank: not recorded
    clause: int | None
    schedule: int | None
    position: str  # amendmentPosition, e.g. "After Clause 61"
    title: str  # the heading of the clause or schedule it inserts
    text: str
    decision: str  # the API's AmendmentDecision
    decision_label: str  # how pages name it, e.g. "Agreed to on division"
    decided_on: dt.date | None
    explanation: str = ""  # decisionExplanation, plain text
    division_pk: int | None = None  # the division that decided it, when one is linked
    sponsors: tuple[Person, ...] = ()
    lead: Person | None = None

    @property
    def ref(self) -> str:
        return f"amendment-{self.bills_api_id}"

    @property
    def label(self) -> str:
        return f"Amendment {self.number}" if self.number else "An amendment (number not recorded)"

    @property
    def is_new_provision(self) -> bool:
        return self.amendment_type == "AddClauseOrSchedule"

    @property
    def is_agreed(self) -> bool:
        return self.decision in AGREED

    @property
    def new_kind(self) -> str:
        """For a new provision: a schedule when its position or title says so, else a clause."""
        return "schedule" if "schedule" in self.position.casefold() else "clause"

    def targets(self, *, with_positions: bool = True) -> tuple[tuple[str, str, str], ...]:
        """(kind, number, how it names it) for each provision the amendment targets and, with
        positions, each it is placed beside ("After Clause 61")."""
        found = []
        if self.clause is not None:
            found.append(("clause", str(self.clause), f"targets clause {self.clause}"))
        if self.schedule is not None:
            found.append(("schedule", str(self.schedule), f"targets schedule {self.schedule}"))
        for match in _TARGET_POSITION.finditer(self.position if with_positions else ""):
            found.append((match["kind"].lower(), match["number"].upper(), f'is placed "{match.group(0)}"'))
        return tuple(found)


@dataclass(frozen=True)
class VoteFacts:
    """A member's vote in a division linked to an amendment (amendments.Vote + DivisionLink)."""

    division_pk: int
    amendment_pk: int
    house: str
    date: dt.date
    voted_for: bool  # aye or content
    person: Person


@dataclass(frozen=True)
class ClauseVoteFacts:
    """A member's vote in a division on a "clause N stand part" question (amendments.Vote +
    a DivisionLink of kind "clause"), with the stage that sat in its House that day (None:
    not exactly one)."""

    division_pk: int
    stage_pk: int | None
    number: str  # the clause number as the division's text gives it
    house: str
    date: dt.date
    voted_for: bool  # aye or content: that the clause stand part
    person: Person


@dataclass(frozen=True)
class MentionFacts:
    """A numbered clause or amendment named in a Hansard contribution (tracker.hansard.Mention)."""

    contribution_pk: int
    stage_pk: int | None
    house: str
    date: dt.date
    url: str
    heading: str  # the heading the contribution stands under
    kind: str  # "clause", "amendment" or "motion"
    number: str
    sentence: str
    stance: str  # "supports", "opposes" or "neutral"
    stance_rule: str
    confidence: float
    in_heading: bool
    amendment_pk: int | None
    person: Person
    pk: int | None = None  # the Mention row

    def describe(self, stage_name: str = "") -> str:
        where = f" ({stage_name})" if stage_name else ""
        return f"{self.person.name}, {self.date:%-d %B %Y}{where}"


@dataclass(frozen=True)
class AccountFacts:
    """An editor's entry (bills.AccountEntry): what a cited account records of someone's stance
    on a clause. `said_on` None: the account gives no date."""

    pk: int
    clause_key: str
    person: Person
    stance: str  # "supports", "opposes" or "spoke"
    quote: str
    said_on: dt.date | None
    citation: str
    reason: str


@dataclass(frozen=True)
class PingPongMentionFacts:
    """A ping-pong motion named in the same sentence as a clause (a Hansard motion mention
    matched to amendments.PingPongItem), with what the record gives of the motion."""

    contribution_pk: int
    sentence: str
    url: str
    date: dt.date
    item_pk: int
    stage_pk: int
    label: str  # "Motion 47A (Amendment 47B)"
    movers: tuple[str, ...]
    decision_label: str  # "" when the outcome is not recorded
