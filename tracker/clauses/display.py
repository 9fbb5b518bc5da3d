"""How clause pages show what is stored: the status styles (abbreviation, CSS class, label,
meaning: colour is never the only signal), a clause's number in each print, the differences
between two versions of its text, and its supporters grouped by party."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .models import Clause, ClauseEvent, ClauseVersion, Print

Kind = ClauseEvent.Kind


@dataclass(frozen=True)
class StatusStyle:
    kind: str
    abbreviation: str
    css: str  # tracker-status--<css> (static/css/tracker.css, clauses.css)
    label: str
    meaning: str


STATUS_STYLES: dict[str, StatusStyle] = {style.kind: style for style in (
    StatusStyle(Kind.INTRODUCED, "Intro", "introduced", Kind.INTRODUCED.label, "in the bill as introduced"),
    StatusStyle(Kind.TABLED, "Tab", "tabled", Kind.TABLED.label, "proposed by an amendment"),
    StatusStyle(Kind.INSERTED, "Ins", "inserted", Kind.INSERTED.label, "by an agreed amendment"),
    StatusStyle(Kind.NOT_INSERTED, "NI", "not-inserted", Kind.NOT_INSERTED.label,
                "the amendment proposing it was disagreed to, withdrawn or not moved"),
    StatusStyle(Kind.AMENDED, "Amd", "amended", Kind.AMENDED.label, "its text changed by an agreed amendment"),
    StatusStyle(Kind.STOOD_PART, "SP", "stood-part", Kind.STOOD_PART.label, "agreed to stand part of the bill"),
    StatusStyle(Kind.LEFT_OUT, "LO", "left-out", Kind.LEFT_OUT.label, "taken out of the bill"),
    StatusStyle(Kind.RESTORED, "Rest", "restored", Kind.RESTORED.label, "put back after being left out"),
    StatusStyle(Kind.AGREED_BY_BOTH_HOUSES, "Agr", "agreed", Kind.AGREED_BY_BOTH_HOUSES.label,
                "agreed by both Houses"),
    StatusStyle(Kind.ENACTED, "Enact", "enacted", Kind.ENACTED.label, "in the Act"),
    StatusStyle(Kind.NOT_ENACTED, "NE", "not-enacted", Kind.NOT_ENACTED.label, "not in the Act"),
)}
NUMBERED_STYLE = StatusStyle(Kind.NUMBERED, "No.", "numbered", Kind.NUMBERED.label, "its number in a print")
PING_PONG_STYLE = StatusStyle(Kind.PING_PONG, "PP", "numbered", Kind.PING_PONG.label,
                              "a motion between the Houses named it")
_HISTORY_ONLY = {Kind.NUMBERED: NUMBERED_STYLE, Kind.PING_PONG: PING_PONG_STYLE}  # never a status


def status_style(kind: str) -> StatusStyle | None:
    return STATUS_STYLES.get(kind) or _HISTORY_ONLY.get(kind)


@dataclass(frozen=True)
class PrintNumber:
    """The clause in one print: "Clause 65", "after Clause 61" (proposed there), "left out",
    "not in the Act", or not recorded."""

    print: Print
    version: ClauseVersion | None
    words: str
    recorded: bool


def numbers_by_print(clause: Clause, prints: Sequence[Print], versions: Sequence[ClauseVersion],
                     events: Sequence[ClauseEvent]) -> list[PrintNumber]:
    by_print = {v.print_id: v for v in versions}
    order = {p.pk: (p.bill_stage.sort_order if p.bill_stage else None) for p in prints}
    found = []
    for bill_print in prints:
        version = by_print.get(bill_print.pk)
        if version is not None:
            found.append(PrintNumber(bill_print, version, version.label if version.number else
                                     "In this print (number not recorded)", bool(version.number)))
            continue
        found.append(PrintNumber(bill_print, None, *_absent(clause, bill_print, order[bill_print.pk], events)))
    return found


def _absent(clause: Clause, bill_print: Print, at: int | None, events: Sequence[ClauseEvent]) -> tuple[str, bool]:
    """What the record says of a clause with no version in this print (`at`: its stage's order)."""
    if any(e.kind == Kind.LEFT_OUT and e.print_id == bill_print.pk for e in events):
        return "Left out", True  # two complete texts: it is not in this one
    if at is None:
        return "Not recorded", False
    if any(e.kind == Kind.NOT_ENACTED and e.print_id == bill_print.pk for e in events):
        return "Not in the Act", True
    if any(e.kind == Kind.ENACTED and e.print_id == bill_print.pk for e in events):
        return "In the Act (section number not recorded)", True
    before = [e for e in events if e.bill_stage and e.bill_stage.sort_order < at and e.kind != Kind.NUMBERED]
    proposal = clause.proposed_by
    proposed_at = proposal.bill_stage.sort_order if proposal else None
    if proposed_at is not None and at < proposed_at and not before:
        return "Not yet proposed", True
    if proposed_at == at and not before:
        return (f"Proposed here, {proposal.position[:1].lower()}{proposal.position[1:]}" if proposal.position
                else "Proposed here"), True
    if before and before[-1].kind in (Kind.LEFT_OUT, Kind.NOT_INSERTED):
        return before[-1].get_kind_display(), True
    return "Not recorded", False


@dataclass(frozen=True)
class VersionText:
    version: ClauseVersion
    diff: SafeString | None  # the words changed since the last version with text; None: nothing to compare
    unchanged: bool = False  # the same words as the last version with text


def texts_with_differences(versions: Sequence[ClauseVersion]) -> list[VersionText]:
    found, previous = [], None
    for version in versions:
        diff = text_diff(previous.text, version.text) if previous and version.text and previous.text != version.text \
            else None
        found.append(VersionText(version, diff, bool(previous and version.text and previous.text == version.text)))
        if version.text:
            previous = version
    return found


_TOKENS = re.compile(r"\S+")


def text_diff(older: str, newer: str) -> SafeString:
    """The newer text word by word, every word escaped; words left out wrapped in <del>, words
    added in <ins>."""
    old_words, new_words = _TOKENS.findall(older), _TOKENS.findall(newer)
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape(" ".join(new_words[j1:j2])))
            continue
        if i2 > i1:
            parts.append(format_html("<del>{}</del>", " ".join(old_words[i1:i2])))
        if j2 > j1:
            parts.append(format_html("<ins>{}</ins>", " ".join(new_words[j1:j2])))
    return mark_safe(" ".join(parts))  # noqa: S308 - every part above is escaped or built by format_html
