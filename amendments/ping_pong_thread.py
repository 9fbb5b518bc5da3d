"""The ping-pong thread of each Lords (or Commons) amendment: every motion and amendment between
the Houses that names it, in the order the stages sat, ending in the outcome the record gives.

Pure: the bill's ping-pong steps in stage order in; threads out. A step belongs to the thread of
the amendment number it carries ("47A" and "47B" are moves in the exchange over Amendment 47),
or, for a motion whose number does not say (Commons "That this House disagrees with Lords
amendment 102B", Lords "Motion A … Amendment 102B … Reason 102C"), of the numbers its words name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

_BASE = re.compile(r"^(\d+)[A-Z]*$")
_NAMED = re.compile(r"(?i:\bamendments?|\breasons?)\s+(\d+)[A-Z]*\b")
_DECIDED = {"Agreed", "AgreedOnDivision", "Disagreed", "NegativedOnDivision", "Withdrawn", "NotMoved"}


@dataclass(frozen=True)
class Step:
    house: str
    stage: str  # the stage's description; blank: not recorded
    label: str  # "Motion 47A (Amendment 47B)"
    number: str | None
    words: str  # the item's summary and text, plain
    decision: str  # the API's value
    decision_label: str
    row: Any = None  # what the page links to


@dataclass(frozen=True)
class Thread:
    amendment: str  # "47": the amendment the exchange is about
    steps: tuple[Step, ...]

    @property
    def outcome(self) -> str:
        last = self.steps[-1]
        if last.decision not in _DECIDED:
            return f"not recorded: the last step ({last.label}, {last.house}) has no decision recorded"
        return f"{last.label} {last.decision_label.lower()} ({last.house})"


def threads(steps: Iterable[Step]) -> list[Thread]:
    by_base: dict[str, list[Step]] = {}
    for step in steps:
        for base in _bases(step):
            by_base.setdefault(base, []).append(step)
    return [Thread(base, tuple(found)) for base, found in sorted(by_base.items(), key=lambda kv: int(kv[0]))]


def _bases(step: Step) -> list[str]:
    own = _BASE.match(step.number or "")
    if own:
        return [own.group(1)]
    return list(dict.fromkeys(_NAMED.findall(step.words)))
