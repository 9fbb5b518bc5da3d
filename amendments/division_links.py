"""Read, from a division's own words, which amendment, motion or clause question it decided.

The votes APIs have no amendment id field. A Lords division names what it decided in its
`amendmentMotionNotes` ("Lord Roborough moved amendment 51, to leave out clause 10. The
House divided:"), a Commons division in its title ("Great British Energy Bill Report Stage:
Amendment 8"). The rules below read only forms seen in the reference pack or standard
parliamentary forms; text they do not recognise gives no reference rather than a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from tracker.sanitise import html_to_text

ReferenceKind = Literal["amendment", "motion", "new_clause", "clause"]

LORDS_NOTES = "the Lords division's notes"
COMMONS_TITLE = "the Commons division's title"


@dataclass(frozen=True, kw_only=True)
class DivisionReference:
    """One amendment, motion or clause named in a division's text, and how it was found."""

    kind: ReferenceKind
    number: str  # as printed ("51", "102B", "A"); a new clause's number without "NC"
    clause: str | None = None  # the clause the amendment is about, where the text names it
    action: str | None = None  # "leave out", "stand part" or "disagree", where the text says so
    from_house: str | None = None  # "Lords" in "Lords Amendment 2"
    rule: str  # name of the rule that matched
    source: str  # which text was read: LORDS_NOTES or COMMONS_TITLE
    matched_text: str  # the words the rule matched


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    kind: ReferenceKind
    action: str | None = None

    def reference(self, match: re.Match[str], source: str) -> DivisionReference:
        found = match.groupdict()
        return DivisionReference(
            kind=self.kind,
            number=found["number"],
            clause=found.get("clause"),
            action=self.action,
            from_house=found.get("from_house"),
            rule=self.name,
            source=source,
            matched_text=match.group(0),
        )


# Keywords match in any case; numbers' letters ("102B", "Motion A") must be capitals.
_NUMBER = r"(?P<number>\d+[A-Z]*)\b"
_FROM_HOUSE = r"(?P<from_house>Lords|Commons)\s+"

# Most specific first: a later rule never reads words an earlier one matched.
_RULES = (
    _Rule(
        "amendment_to_leave_out_clause",
        re.compile(
            r"(?i:\bamendment)\s+" + _NUMBER + r",?\s+(?i:to\s+leave\s+out\s+clause)\s+(?P<clause>\d+)\b"
        ),
        "amendment",
        "leave out",
    ),
    _Rule(
        "disagree_with_amendment",
        re.compile(r"(?i:\bdisagrees?\s+with\s+(?:the\s+)?)" + _FROM_HOUSE + r"(?i:amendment)\s+" + _NUMBER),
        "amendment",
        "disagree",
    ),
    _Rule(
        "clause_stand_part",
        re.compile(r"(?i:\bclause)\s+(?P<number>\d+)\s+(?i:stand\s+part)\b"),
        "clause",
        "stand part",
    ),
    _Rule("new_clause", re.compile(r"(?i:\bnew\s+clause)\s+(?:NC)?(?P<number>\d+)\b"), "new_clause"),
    _Rule("nc_number", re.compile(r"\bNC(?P<number>\d+)\b"), "new_clause"),
    _Rule("motion", re.compile(r"(?i:\bmotion)\s+(?P<number>\d+[A-Z]*|[A-Z]\d*)\b"), "motion"),
    _Rule("amendment", re.compile(r"(?:\b" + _FROM_HOUSE + r")?(?i:\bamendment)\s+" + _NUMBER), "amendment"),
)


def references_in_lords_notes(amendment_motion_notes: str | None) -> tuple[DivisionReference, ...]:
    """References in a Lords division's `amendmentMotionNotes` (HTML), in text order."""
    return _find_references(html_to_text(amendment_motion_notes), source=LORDS_NOTES)


def references_in_commons_title(title: str | None) -> tuple[DivisionReference, ...]:
    """References in a Commons division's `Title` (plain text), in text order."""
    return _find_references(" ".join((title or "").split()), source=COMMONS_TITLE)


def _find_references(text: str, *, source: str) -> tuple[DivisionReference, ...]:
    claimed: list[tuple[int, int]] = []
    found: list[tuple[int, DivisionReference]] = []
    for rule in _RULES:
        for match in rule.pattern.finditer(text):
            start, end = match.span()
            if any(start < claimed_end and claimed_start < end for claimed_start, claimed_end in claimed):
                continue
            claimed.append((start, end))
            found.append((start, rule.reference(match, source)))
    return tuple(reference for _, reference in sorted(found, key=lambda pair: pair[0]))
