"""The clauses of a print no text exists for, built only from what the record shows of it.

A clause or schedule is put in the print entering a stage when an amendment that refers to
that print targets it ("clause 65") or is placed beside it ("After Clause 61"), or a speech
that refers to that print names it ("Clause 65 was helpfully added …", or the heading
"Clause 16: Preliminary market engagement"). `StagePlan.reference_print_stage` says which
print an amendment or speech refers to. The number is the one printed; the heading is
taken only from a "Clause N: Heading" debate heading, else left blank (not recorded); the
text is never filled in. Each version lists every piece of evidence for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .facts import AmendmentFacts, MentionFacts
from .identity import ProvisionRecord, number_order
from .stages import StagePlan

_NUMBERED_HEADING = re.compile(
    r"^\s*(?P<kind>clause|schedule)\s+(?P<number>\d+[A-Z]*)\s*[:\-–—]\s*(?P<heading>\S.*?)\s*$", re.IGNORECASE)


@dataclass
class _Found:
    headings: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


def reconstructed_provisions(
    *,
    print_stage_pk: int,
    plan: StagePlan,
    amendments: Iterable[AmendmentFacts],
    mentions: Iterable[MentionFacts],
    stage_names: Mapping[int, str],
) -> tuple[ProvisionRecord, ...]:
    """The provisions the record shows in the print entering `print_stage_pk`, in number order."""
    found: dict[tuple[str, str], _Found] = {}
    for amendment in amendments:
        if plan.reference_print_stage(amendment.stage_pk) != print_stage_pk:
            continue
        for kind, number, how in amendment.targets():
            entry = found.setdefault((kind, number), _Found())
            entry.evidence.append(f"{amendment.label} ({stage_names.get(amendment.stage_pk, 'stage')}) {how}")
    for mention in mentions:
        if mention.kind != "clause" or mention.stage_pk is None:
            continue
        if plan.reference_print_stage(mention.stage_pk) != print_stage_pk:
            continue
        number = mention.number.upper()
        entry = found.setdefault(("clause", number), _Found())
        heading = numbered_heading(mention.heading, kind="clause", number=number)
        if heading:
            entry.headings.append(heading)
            entry.evidence.append(f'{mention.describe(stage_names.get(mention.stage_pk, ""))}, under the heading '
                                  f'"{mention.heading}"')
        if not mention.in_heading:
            entry.evidence.append(f'{mention.describe(stage_names.get(mention.stage_pk, ""))}: "{mention.sentence}"')
    ordered = sorted(found.items(), key=lambda item: (item[0][0] != "clause", number_order(item[0][1])))
    return tuple(
        ProvisionRecord(
            kind=kind, slot=number, number=number, heading=entry.headings[0] if entry.headings else "",
            position=position, reconstructed=True, evidence="\n".join(dict.fromkeys(entry.evidence)),
        )
        for position, ((kind, number), entry) in enumerate(ordered)
    )


def numbered_heading(heading: str, *, kind: str, number: str) -> str:
    """The heading in a debate heading such as "Clause 16: Preliminary market engagement",
    when it names this provision; else ""."""
    match = _NUMBERED_HEADING.match(heading or "")
    if not match or match["kind"].lower() != kind or match["number"].upper() != number.upper():
        return ""
    return match["heading"]
