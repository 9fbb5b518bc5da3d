"""One ledger per clause: each person once, with every piece of evidence behind their
position, the decisions that name no one, and a summary line saying what the counts are made of.

Pure. A person's position is their evidence's verdict: only "for" evidence supports, only
"against" opposes, both is a conflict (said in words: "spoke against, then voted for"), and
evidence that reads no side ("spoke on it") is counted for neither. A decision whose members
are not recorded (a committee leaving the clause out 8 to 5) is opposition the record shows:
the summary never says "0 opposing" when one exists, and says "no opposition recorded"
when nothing shows any.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

SUPPORTS, OPPOSES, SPOKE, CONFLICTING = "supports", "opposes", "spoke", "conflicting"
SPONSOR, VOTE, SPEECH, ACCOUNT, DECISION = "sponsor", "vote", "speech", "account", "decision"

# How the summary and the conflicts name each kind of evidence, for and against.
_FOR = {SPONSOR: "signed the amendment", VOTE: "voted for it", SPEECH: "spoke for it",
        ACCOUNT: "recorded for it in a cited account"}
_AGAINST = {SPONSOR: "signed an amendment to leave it out", VOTE: "voted against it",
            SPEECH: "spoke against it", ACCOUNT: "recorded against it in a cited account"}
_VERB = {SPONSOR: "signed", VOTE: "voted", SPEECH: "spoke", ACCOUNT: "was recorded"}


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence about one person (or, for a decision, about no one)."""

    who: str | None  # the person's key (Members API id, else name); None: a decision naming no one
    name: str
    party: str  # blank: not recorded
    house: str  # blank: not recorded
    stance: str  # supports, opposes or spoke
    via: str
    date: dt.date | None
    note: str = ""
    row: Any = None  # what the page links from (a ClauseSupport), when there is one


@dataclass(frozen=True)
class Position:
    who: str
    name: str
    party: str
    house: str
    verdict: str  # supports, opposes, conflicting or spoke
    evidence: tuple[Evidence, ...]
    conflict: str = ""  # "spoke against, then voted for" when the evidence conflicts
    party_corrected: Any = None  # the editor's correction (an Override) that gave the party's name, if one did

    @property
    def row(self) -> Any:
        return next((e.row for e in self.evidence if e.row is not None), None)


@dataclass(frozen=True)
class LedgerEntry:
    """One person in the ledger's list, under the heading of their group ("Supporting (604)")."""

    group: str
    position: Position


@dataclass(frozen=True)
class PartyCount:
    house: str
    party: str
    supporting: int
    opposing: int
    party_corrected: Any = None  # a correction (an Override) that gave the party's name to someone counted here


@dataclass(frozen=True)
class Ledger:
    supporting: list[Position] = field(default_factory=list)
    opposing: list[Position] = field(default_factory=list)
    conflicting: list[Position] = field(default_factory=list)
    spoke: list[Position] = field(default_factory=list)
    decisions: list[Evidence] = field(default_factory=list)  # opposition the record shows, naming no one
    by_party: list[PartyCount] = field(default_factory=list)
    summary: str = ""

    @property
    def groups(self) -> list[tuple[str, list[Position]]]:
        return [("Supporting", self.supporting), ("Opposing", self.opposing),
                ("Conflicting evidence", self.conflicting), ("Spoke on it, no side recorded", self.spoke)]

    @property
    def evidence(self) -> list[Evidence]:
        """Every piece of evidence: each person's, then the decisions that name no one."""
        return [item for _, positions in self.groups for position in positions for item in position.evidence
                ] + list(self.decisions)

    @property
    def entries(self) -> list[LedgerEntry]:
        """Every person, group by group, as one list (what the clause page shows 100 at a time)."""
        return [LedgerEntry(f"{title} ({len(positions)})", position)
                for title, positions in self.groups for position in positions]

    @property
    def is_empty(self) -> bool:
        return not (self.supporting or self.opposing or self.conflicting or self.spoke or self.decisions)


def ledger(evidence: Iterable[Evidence]) -> Ledger:
    by_person: dict[str, list[Evidence]] = {}
    decisions = []
    for item in evidence:
        if item.who is None:
            decisions.append(item)
        else:
            by_person.setdefault(item.who, []).append(item)
    positions = [_position(who, items) for who, items in by_person.items()]
    positions.sort(key=lambda p: (p.house or "~", p.party or "~", p.name))
    groups = {verdict: [p for p in positions if p.verdict == verdict]
              for verdict in (SUPPORTS, OPPOSES, CONFLICTING, SPOKE)}
    decisions.sort(key=_when)
    return Ledger(groups[SUPPORTS], groups[OPPOSES], groups[CONFLICTING], groups[SPOKE], decisions,
                  _by_party(positions), _summary(groups, decisions))


def _position(who: str, items: list[Evidence]) -> Position:
    items = sorted(items, key=_when)
    sides = {e.stance for e in items} - {SPOKE}
    verdict = sides.pop() if len(sides) == 1 else (CONFLICTING if sides else SPOKE)
    first = next((e for e in items if e.party), items[0])
    house = next((e.house for e in items if e.house), "")
    conflict = _conflict(items) if verdict == CONFLICTING else ""
    return Position(who, items[0].name, first.party, house, verdict, tuple(items), conflict)


def _when(item: Evidence) -> tuple:
    return (item.date is None, item.date or dt.date.min)


def _conflict(items: Sequence[Evidence]) -> str:
    """Each change of side in date order: "spoke against, then voted for"."""
    steps: list[str] = []
    for item in items:
        if item.stance == SPOKE:
            continue
        step = f"{_VERB.get(item.via, 'was recorded')} {'for' if item.stance == SUPPORTS else 'against'}"
        if not steps or steps[-1] != step:
            steps.append(step)
    undated = any(e.date is None and e.stance != SPOKE for e in items)
    return ", then ".join(steps) + (" (some of it undated)" if undated else "")


def _by_party(positions: Iterable[Position]) -> list[PartyCount]:
    tally: dict[tuple[str, str], list[int]] = {}
    for position in positions:
        counts_ = tally.setdefault((position.house, position.party), [0, 0])
        if position.verdict == SUPPORTS:
            counts_[0] += 1
        elif position.verdict == OPPOSES:
            counts_[1] += 1
    return [PartyCount(house, party, s, o) for (house, party), (s, o) in sorted(
        tally.items(), key=lambda kv: (kv[0][0] or "~", -sum(kv[1]), kv[0][1] or "~")) if s or o]


def _made_of(people: Iterable[Position], words: dict[str, str]) -> str:
    kinds = Counter(via for p in people for via in {e.via for e in p.evidence if e.stance != SPOKE})
    order = list(_FOR)
    return ", ".join(f"{n} {words[via]}" for via, n in sorted(kinds.items(), key=lambda kv: (-kv[1], order.index(kv[0])))
                     if via in words)


def _named(people: Sequence[Position], words: dict[str, str]) -> str:
    """Few people are named with what they did ("Baroness Neville-Rolfe, recorded against it in a
    cited account"); more are counted by kind of evidence."""
    if len(people) > 3:
        return _made_of(people, words)
    return ", ".join(f"{p.name} ({_made_of([p], words).removeprefix('1 ')})" for p in people)


def _summary(groups: dict[str, list[Position]], decisions: Sequence[Evidence]) -> str:
    parts = []
    supporting, opposing = groups[SUPPORTS], groups[OPPOSES]
    if supporting:
        parts.append(f"{len(supporting)} supporting: {_made_of(supporting, _FOR)}")
    else:
        parts.append("no support recorded")
    against = []
    if opposing:
        against.append(f"{len(opposing)} opposing: {_named(opposing, _AGAINST)}")
    against += [d.note for d in decisions]
    parts.append("; ".join(against) if against else "no opposition recorded")
    if groups[CONFLICTING]:
        parts.append(f"{len(groups[CONFLICTING])} with conflicting evidence")
    if groups[SPOKE]:
        parts.append(f"{len(groups[SPOKE])} spoke on it without a side recorded")
    return "; ".join(parts)
