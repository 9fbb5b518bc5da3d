"""The debate-evidence rule: what a speech in the second House says a clause number is.

A new clause agreed in the first House appears in the bill the second House receives, but no
record gives its new number. Members of the second House sometimes say it: "Clause 65 was
helpfully added by the noble Lord Alton and a cross-party alliance in the other House"
(Tim Loughton, Commons Second Reading, 9 January 2023). The rule, in full:

  A sentence spoken in the second House names "Clause N" as added or inserted by someone
  "in the other House" (or "other place"); the words after "by" name a member (their name
  without a territorial "of …", e.g. "Lord Alton" for Lord Alton of Liverpool) who led
  exactly one new clause agreed in the first House. Then that new clause is Clause N of the
  print the speech refers to (StagePlan.reference_print_stage).

Every placement carries the sentence, the speaker and the link to the contribution, and a
confidence below 1 (RULE_CONFIDENCE), so a reader can judge it and an admin can overrule it.
Anything the rule cannot settle (two members named, a member who led two agreed clauses)
places nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .facts import AmendmentFacts, MentionFacts, Person
from .stages import FIRST_HOUSE, SECOND_HOUSE, StagePlan

RULE_CONFIDENCE = 0.8  # a rule over a speaker's words: shown as such, never as certain

_ADDED_BY = re.compile(
    r"\bclause\s+(?P<number>\d+[A-Z]*)\s+(?:was|were|has\s+been|had\s+been)\s+(?:\w+\s+){0,2}?"
    r"(?:added|inserted)\b.*?\bby\s+(?P<who>.+)",
    re.IGNORECASE,
)
_OTHER_HOUSE = re.compile(r"\bother\s+(?:house|place)\b", re.IGNORECASE)
_WHO_ENDS = re.compile(r"\s+and\s+|,|;|…|\.\.\.|\s+in\s+the\s+other\b|\.\s|\.$", re.IGNORECASE)
_TERRITORIAL = re.compile(r"\s+of\s+.*$")


@dataclass(frozen=True)
class DebatePlacement:
    """A new clause placed at a number in a print by what was said in debate."""

    amendment: AmendmentFacts
    mention: MentionFacts
    print_stage_pk: int
    number: str
    confidence: float
    evidence: str


def debate_placements(
    *,
    plan: StagePlan,
    amendments: Iterable[AmendmentFacts],
    mentions: Iterable[MentionFacts],
    stage_names: Mapping[int, str],
) -> tuple[DebatePlacement, ...]:
    """Every placement the rule makes over the bill's clause mentions (at most one per
    new clause and print: the first in debate order)."""
    led: dict[int, list[AmendmentFacts]] = defaultdict(list)
    for amendment in amendments:
        if (amendment.is_new_provision and amendment.is_agreed and amendment.lead
                and amendment.lead.members_api_id is not None
                and plan.passage.get(amendment.stage_pk) == FIRST_HOUSE):
            led[amendment.lead.members_api_id].append(amendment)
    found: dict[tuple[str, int], DebatePlacement] = {}
    for mention in mentions:
        placed = _placement(mention, plan, led, stage_names)
        if placed is not None:
            found.setdefault((placed.amendment.ref, placed.print_stage_pk), placed)
    return tuple(found.values())


def _placement(mention: MentionFacts, plan: StagePlan, led: Mapping[int, list[AmendmentFacts]],
               stage_names: Mapping[int, str]) -> DebatePlacement | None:
    if mention.kind != "clause" or mention.in_heading or mention.stage_pk is None:
        return None
    if plan.passage.get(mention.stage_pk) != SECOND_HOUSE or not _OTHER_HOUSE.search(mention.sentence):
        return None
    match = _ADDED_BY.search(mention.sentence)
    if not match or match["number"].upper() != mention.number.upper():
        return None
    who = _WHO_ENDS.split(match["who"], maxsplit=1)[0]
    named = [amendments for amendments in led.values() if names_person(who, amendments[0].lead)]
    print_stage = plan.reference_print_stage(mention.stage_pk)
    if len(named) != 1 or len(named[0]) != 1 or print_stage is None:
        return None
    amendment = named[0][0]
    evidence = (f'{mention.describe(stage_names.get(mention.stage_pk, ""))} said Clause {match["number"].upper()} '
                f'was added by "{who.strip()}" in the other House; {amendment.lead.name} led exactly one new clause '
                f'agreed in the {plan.first_house}, "{amendment.title or "title not recorded"}" '
                f"({stage_names.get(amendment.stage_pk, 'stage')}, {amendment.label}): that clause is Clause "
                f"{match['number'].upper()} of the print the speech refers to.")
    return DebatePlacement(amendment, mention, print_stage, match["number"].upper(), RULE_CONFIDENCE, evidence)


def names_person(words: str, person: Person) -> bool:
    """Do these words name the person: their name, less any territorial "of …", as whole words?"""
    core = _TERRITORIAL.sub("", person.name).strip()
    if not core:
        return False
    return re.search(rf"(?<!\w){re.escape(core)}(?!\w)", words, re.IGNORECASE) is not None
