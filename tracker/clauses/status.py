"""Each clause's history as dated events with their evidence, and its current status.

Pure: the identities (`identity.Identity`), the prints, the stages and the amendments in;
EventRecords out. The events and what shows each:

- introduced: a version in the print "As introduced" (the print).
- numbered: its number in a later print, when that is first known or changes (the print,
  and the link that followed it there: e.g. the debate evidence for "Clause 65").
- tabled as a new clause, then inserted / not inserted: the amendment that proposed it and
  its decision (agreed / agreed on division; disagreed, negatived, withdrawn, not moved,
  not selected, not called, pre-empted). Inserted again after being left out: restored.
- amended: an agreed amendment to its text (type EditBillBody) targeting it.
- stood part / left out: decision StoodPart / NotStoodPart on an amendment targeting it, or
  an agreed amendment of type DeleteClauseOrSchedule targeting it.
- not enacted: the bill became an Act and the clause's last status is "left out".
- agreed by both Houses: the bill passed both Houses (a Royal Assent stage exists, or it
  became an Act) and the clause is in the last print before Royal Assent, not left out
  since (the print, at the stage before Royal Assent, dated its last sitting). A clause the
  last print does not show (a reconstructed print shows only what the record names) gets
  nothing: its presence is not recorded. A clause found in the Act's text was agreed too.
- enacted: the bill became an Act and the clause was agreed by both Houses: "as section N"
  where the Act's text is held and the clause was followed into it (the Act print); when
  no text of the Act is held, with the section number not recorded. Where the Act's text
  is held, a clause not found in it is not called enacted.
An amendment targets "clause N" of the print its stage refers to (`StagePlan.reference_print_stage`).
Any other decision (no decision, question proposed) adds nothing.

The current status is the last event other than "numbered" (or "ping_pong": ping_pong.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .facts import NOT_AGREED, AmendmentFacts, ClauseVoteFacts, MentionFacts
from .identity import DEBATE_EVIDENCE, Identity, ProvisionRecord, VersionLink
from .stages import StageFacts

INTRODUCED, TABLED, INSERTED, NOT_INSERTED, NUMBERED = "introduced", "tabled", "inserted", "not_inserted", "numbered"
AMENDED, STOOD_PART, LEFT_OUT, RESTORED, NOT_ENACTED = "amended", "stood_part", "left_out", "restored", "not_enacted"
AGREED_BY_BOTH_HOUSES, ENACTED = "agreed_both", "enacted"
PING_PONG = "ping_pong"  # named in a ping-pong motion (ping_pong.py): history, never a status
LEAVE_OUT_TYPE, EDIT_TYPE = "DeleteClauseOrSchedule", "EditBillBody"

_PRINT_PHASE, _TABLED_PHASE, _DECISION_PHASE = 0, 1, 2
_ROYAL_ASSENT = re.compile(r"^\s*royal\s+assent\b", re.IGNORECASE)


@dataclass(frozen=True)
class PrintFacts:
    """A print as the status rules need it (a bills.Print)."""

    key: str
    stage_pk: int | None
    label: str
    is_act: bool = False
    complete: bool = False  # a LawMaker text


@dataclass(frozen=True)
class EventRecord:
    clause_key: str
    kind: str
    evidence_key: str
    stage_pk: int | None
    date: dt.date | None
    order: tuple
    print_key: str = ""
    amendment_pk: int | None = None
    division_pk: int | None = None
    confidence: float | None = None
    note: str = ""
    source_url: str = ""
    quote: str = ""
    contribution_pk: int | None = None
    ping_pong_item_pk: int | None = None


@dataclass(frozen=True)
class ClauseTarget:
    """An amendment naming a clause as it stands: to leave it out, to amend it, or on whether
    it stands part."""

    clause_key: str
    amendment: AmendmentFacts
    role: str  # "leave out", "amend", "stand part" or "other"


def clause_numbers(identity: Identity) -> dict[tuple[str, str, str], str]:
    """(print key, kind, number) -> clause key, for every numbered version."""
    return {(print_key, kind, record.number): clause_key
            for (print_key, kind, _), (clause_key, record) in identity.versions.items() if record.number}


def amendment_targets(identity: Identity, amendments: Iterable[AmendmentFacts],
                      reference_print: Mapping[int, str]) -> list[ClauseTarget]:
    numbers = clause_numbers(identity)
    found = []
    for amendment in amendments:
        print_key = reference_print.get(amendment.stage_pk)
        for kind, number, _ in amendment.targets(with_positions=False):
            clause_key = numbers.get((print_key, kind, number))
            if clause_key:
                found.append(ClauseTarget(clause_key, amendment, _role(amendment)))
    return found


def mentioned_clauses(identity: Identity, mentions: Iterable[MentionFacts],
                      reference_print: Mapping[int, str]) -> list[tuple[str, MentionFacts]]:
    """Clause mentions resolved to the clause that number is in the print they refer to."""
    return _resolved(identity, [m for m in mentions if m.kind == "clause"], reference_print)


def clause_question_votes(identity: Identity, votes: Iterable[ClauseVoteFacts],
                          reference_print: Mapping[int, str]) -> list[tuple[str, ClauseVoteFacts]]:
    """Votes on "clause N stand part" resolved to the clause N is in the print in force at the
    division's stage; a vote whose stage or clause is not recorded resolves to nothing."""
    return _resolved(identity, votes, reference_print)


def _resolved(identity: Identity, items: Iterable, reference_print: Mapping[int, str]) -> list[tuple[str, object]]:
    """(clause key, item) for each item (with `stage_pk` and `number`) naming a clause of the
    print its stage refers to."""
    numbers = clause_numbers(identity)
    found = []
    for item in items:
        if item.stage_pk is not None:
            clause_key = numbers.get((reference_print.get(item.stage_pk), "clause", item.number.upper()))
            if clause_key:
                found.append((clause_key, item))
    return found


def _role(amendment: AmendmentFacts) -> str:
    if amendment.decision in ("StoodPart", "NotStoodPart"):
        return "stand part"
    return {LEAVE_OUT_TYPE: "leave out", EDIT_TYPE: "amend"}.get(amendment.amendment_type, "other")


def clause_events(
    *,
    identity: Identity,
    prints: Sequence[PrintFacts],
    stages: Sequence[StageFacts],
    amendments: Sequence[AmendmentFacts],
    targets: Sequence[ClauseTarget],
    stage_names: Mapping[int, str],
    act_name: str | None,
) -> dict[str, list[EventRecord]]:
    """Every clause's events, in order. `act_name` is None unless the bill became an Act."""
    stage_index = {stage.pk: index for index, stage in enumerate(stages)}
    events: dict[str, list[EventRecord]] = defaultdict(list)
    for record in _print_events(identity, prints, stages, stage_index):
        events[record.clause_key].append(record)
    for record in _text_change_events(identity, prints, stage_index):
        events[record.clause_key].append(record)
    by_ref = {amendment.ref: amendment for amendment in amendments}
    for clause_key, refs in identity.proposals.items():
        for ref in refs:
            events[clause_key] += _proposal_events(clause_key, by_ref[ref], stage_index)
    for target in targets:
        event = _target_event(target, stage_index)
        if event is not None:
            events[target.clause_key].append(event)
    act = next((p for p in prints if p.is_act), None)
    passage = _passage(identity, prints, stages, act if act_name else None)
    ordered = {}
    for clause_key in identity.clause_kinds:
        history = _restorations(sorted(events.get(clause_key, []), key=lambda e: e.order))
        last = current_status(history)
        if act_name and act is not None and last and last.kind == LEFT_OUT:
            history.append(_not_enacted(clause_key, last, act, stages, stage_index, stage_names, act_name,
                                        identity.clause_kinds[clause_key]))
        elif passage is not None:
            history += _passage_events(clause_key, identity, passage, last, stage_names, act_name)
        ordered[clause_key] = history
    return ordered


def current_status(events: Sequence[EventRecord]) -> EventRecord | None:
    return next((event for event in reversed(events) if event.kind not in (NUMBERED, PING_PONG)), None)


def stage_marks(events: Iterable[EventRecord]) -> dict[str, list[str]]:
    """{bill stage pk (as text, for JSON): [event kinds]}: what the clause-by-stage matrix shows."""
    marks: dict[str, list[str]] = defaultdict(list)
    for event in events:
        if event.kind not in (NUMBERED, PING_PONG) and event.stage_pk is not None \
                and event.kind not in marks[str(event.stage_pk)]:
            marks[str(event.stage_pk)].append(event.kind)
    return dict(marks)


def _print_events(identity: Identity, prints: Sequence[PrintFacts], stages: Sequence[StageFacts],
                  stage_index: Mapping[int, int]) -> Iterable[EventRecord]:
    arrived_by = {(link.newer_print, link.kind, link.newer_slot): link for link in identity.links if link.newer_slot}
    last_number: dict[str, str] = {}
    for print_index, bill_print in enumerate(prints):
        for (print_key, kind, slot), (clause_key, record) in identity.versions.items():
            if print_key != bill_print.key:
                continue
            order = (stage_index.get(bill_print.stage_pk, len(stage_index)), _PRINT_PHASE, print_index)
            if print_index == 0 and bill_print.label == "As introduced" and stages:
                first = stages[0]
                yield EventRecord(clause_key, INTRODUCED, f"print-{print_key}", first.pk, first.first_sitting,
                                  (0, _PRINT_PHASE, 0), print_key,
                                  note=f"{_label(kind, record.number)} of the bill as introduced.")
            elif record.number and last_number.get(clause_key) != record.number:
                link = arrived_by.get((print_key, kind, slot))
                yield _numbered(clause_key, kind, record.number, bill_print, order, link)
            if record.number:
                last_number[clause_key] = record.number


def _numbered(clause_key: str, kind: str, number: str, bill_print: PrintFacts, order: tuple,
              link: VersionLink | None) -> EventRecord:
    rests_on_words = link is not None and link.method == DEBATE_EVIDENCE
    return EventRecord(
        clause_key, NUMBERED, f"print-{bill_print.key}", bill_print.stage_pk, None, order, bill_print.key,
        confidence=link.confidence if rests_on_words else None,
        note=f'{_label(kind, number)} in the print "{bill_print.label}"'
             + (", as said in debate" if rests_on_words else "") + ".",
        source_url=link.source_url if rests_on_words else "",
        quote=link.quote if rests_on_words else "",
        contribution_pk=link.contribution_pk if rests_on_words else None,
    )


def _text_change_events(identity: Identity, prints: Sequence[PrintFacts],
                        stage_index: Mapping[int, int]) -> Iterable[EventRecord]:
    """Between two complete texts, a clause gone from the newer one was left out, and one new
    in it was inserted, at the stage the older one entered; unless an amendment already says
    so (its events tell it) or the clause was proposed as a new clause."""
    by_key = {p.key: p for p in prints}
    for link in identity.links:
        older, newer = by_key[link.older_print], by_key[link.newer_print]
        if not (older.complete and newer.complete) or link.amendment_ref or (link.older_slot is None) == (
                link.newer_slot is None):
            continue
        kind, slot, print_key = ((LEFT_OUT, link.older_slot, older.key) if link.newer_slot is None
                                 else (INSERTED, link.newer_slot, newer.key))
        clause_key, record = identity.versions[(print_key, link.kind, slot)]
        if kind == INSERTED and identity.proposals.get(clause_key):
            continue
        words = "is not in" if kind == LEFT_OUT else "is new in"
        yield EventRecord(
            clause_key, kind, f"{kind}-{newer.key}", older.stage_pk, None,
            (stage_index.get(older.stage_pk, len(stage_index)), _DECISION_PHASE, 0), newer.key,
            confidence=link.confidence if link.confidence < 1 else None,
            note=f'{_label(link.kind, record.number)} {words} the print "{newer.label}".',  # how: "How we know"
        )


def _proposal_events(clause_key: str, amendment: AmendmentFacts, stage_index: Mapping[int, int]) -> list[EventRecord]:
    index = stage_index.get(amendment.stage_pk, len(stage_index))
    names = ", ".join(f"{p.name} (lead)" if amendment.lead == p else p.name for p in amendment.sponsors)
    title = f' "{amendment.title}"' if amendment.title else ""
    where = f", {amendment.position}" if amendment.position else ""
    tabled = EventRecord(
        clause_key, TABLED, f"tabled-{amendment.ref}", amendment.stage_pk, None, (index, _TABLED_PHASE, amendment.pk),
        amendment_pk=amendment.pk,
        note=f"{amendment.label} proposed the new {amendment.new_kind}{title}{where}"
             + (f", in the names of {names}" if names else ", sponsors not recorded") + ".",
    )
    if amendment.is_agreed:
        kind = INSERTED
    elif amendment.decision in NOT_AGREED:
        kind = NOT_INSERTED
    else:
        return [tabled]
    return [tabled, _decided(clause_key, kind, amendment, index)]


def _target_event(target: ClauseTarget, stage_index: Mapping[int, int]) -> EventRecord | None:
    amendment = target.amendment
    if amendment.decision == "StoodPart":
        kind = STOOD_PART
    elif amendment.decision == "NotStoodPart" or (target.role == "leave out" and amendment.is_agreed):
        kind = LEFT_OUT
    elif target.role == "amend" and amendment.is_agreed:
        kind = AMENDED
    else:
        return None
    return _decided(target.clause_key, kind, amendment, stage_index.get(amendment.stage_pk, len(stage_index)))


def _decided(clause_key: str, kind: str, amendment: AmendmentFacts, index: int) -> EventRecord:
    explanation = f" ({amendment.explanation.rstrip('.')})" if amendment.explanation else ""
    return EventRecord(
        clause_key, kind, amendment.ref, amendment.stage_pk, amendment.decided_on,
        (index, _DECISION_PHASE, amendment.pk), amendment_pk=amendment.pk, division_pk=amendment.division_pk,
        note=f"{amendment.label}: {amendment.decision_label.lower()}{explanation}.",
    )


def _restorations(history: list[EventRecord]) -> list[EventRecord]:
    """An insertion after the clause was left out is its restoration."""
    result: list[EventRecord] = []
    for event in history:
        last = current_status(result)
        if event.kind == INSERTED and last is not None and last.kind == LEFT_OUT:
            event = EventRecord(**{**event.__dict__, "kind": RESTORED})
        result.append(event)
    return result


def _not_enacted(clause_key: str, left_out: EventRecord, act: PrintFacts, stages: Sequence[StageFacts],
                 stage_index: Mapping[int, int], stage_names: Mapping[int, str], act_name: str,
                 kind: str) -> EventRecord:
    stage = next((s for s in stages if s.pk == act.stage_pk), None)
    where = stage_names.get(left_out.stage_pk, "a stage") if left_out.stage_pk else "a stage"
    return EventRecord(
        clause_key, NOT_ENACTED, "act", act.stage_pk, stage.first_sitting if stage else None,
        (stage_index.get(act.stage_pk, len(stage_index)), _DECISION_PHASE + 1, 0), act.key,
        note=f"The bill became the {act_name}; this {kind} was left out ({where}) and not restored, "
             "so it is not in the Act.",
    )


@dataclass(frozen=True)
class _Passage:
    """How the bill passed both Houses: its last print before Royal Assent, the last stage of
    the second House (the stage before Royal Assent), and the Act print (None: not an Act)."""

    final_print: PrintFacts
    final_versions: Mapping[str, ProvisionRecord]  # clause key -> its version in the final print
    act_versions: Mapping[str, ProvisionRecord]  # clause key -> its version in the Act's text
    agreed_stage: StageFacts
    agreed_index: int
    assent_stage: StageFacts | None
    act: PrintFacts | None


def _passage(identity: Identity, prints: Sequence[PrintFacts], stages: Sequence[StageFacts],
             act: PrintFacts | None) -> _Passage | None:
    """None unless the bill passed both Houses: a Royal Assent stage exists, or it is an Act."""
    assent = next((i for i, s in enumerate(stages) if _ROYAL_ASSENT.match(s.description or "")), None)
    if assent is None and act is not None:
        assent = next((i for i, s in enumerate(stages) if s.pk == act.stage_pk), len(stages))
    final = next((p for p in reversed(prints) if not p.is_act), None)
    if not assent or final is None:
        return None
    versions: dict[str, dict[str, ProvisionRecord]] = defaultdict(dict)
    for (print_key, _, _), (clause_key, record) in identity.versions.items():
        versions[print_key][clause_key] = record
    return _Passage(final, versions[final.key], versions[act.key] if act else {}, stages[assent - 1], assent - 1,
                    stages[assent] if assent < len(stages) else None, act)


def _passage_events(clause_key: str, identity: Identity, passage: _Passage, last: EventRecord | None,
                    stage_names: Mapping[int, str], act_name: str | None) -> list[EventRecord]:
    """"Agreed by both Houses", then "enacted", for a clause the record shows in the bill as passed."""
    final, in_act = passage.final_versions.get(clause_key), passage.act_versions.get(clause_key)
    still_in = final is not None and (last is None or last.kind not in (LEFT_OUT, NOT_INSERTED))
    if not (still_in or in_act):
        return []
    kind = identity.clause_kinds[clause_key]
    stage, where = passage.agreed_stage, stage_names.get(passage.agreed_stage.pk, "the last stage")
    shown = (f'{_label(kind, final.number) if final.number else f"This {kind}"} is in the print '
             f'"{passage.final_print.label}", the last before Royal Assent, and was not left out after it'
             if still_in else f"This {kind} is in the text of the Act")
    found = [EventRecord(  # the Act print is the evidence when the last print does not show it
        clause_key, AGREED_BY_BOTH_HOUSES, "agreed-both", stage.pk, stage.last_sitting or stage.first_sitting,
        (passage.agreed_index, _DECISION_PHASE + 1, 0), passage.final_print.key if still_in else passage.act.key,
        note=f"{shown}; the bill completed its passage through both Houses ({where}).")]
    if act_name and passage.act is not None and (in_act or not passage.act.complete):
        found.append(_enacted(clause_key, kind, passage, in_act, act_name))
    return found


def _enacted(clause_key: str, kind: str, passage: _Passage, in_act: ProvisionRecord | None,
             act_name: str) -> EventRecord:
    assent = passage.assent_stage
    if in_act is None:
        note = (f"The bill became the {act_name} with this {kind} in it; no text of the Act is in the record, "
                "so its section number is not recorded.")
    elif in_act.number:
        note = f"Enacted as section {in_act.number} of the {act_name} (the text of the Act)."
    else:
        note = f"In the text of the {act_name}; its section number is not recorded."
    return EventRecord(
        clause_key, ENACTED, "enacted", assent.pk if assent else passage.act.stage_pk,
        assent.first_sitting if assent else None, (passage.agreed_index + 1, _DECISION_PHASE + 1, 0),
        passage.act.key, note=note)


def _label(kind: str, number: str) -> str:
    return f"{kind.capitalize()} {number}"
