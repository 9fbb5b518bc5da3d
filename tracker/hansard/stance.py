"""Read a speaker's stance towards what a sentence mentions: supports, opposes or neutral,
with the rule that decided it and how far to trust it.

Pure and transparent: one ordered table of rules, and the first rule whose pattern occurs in
the sentence decides. Tabling, moving, withdrawing or reading out an amendment is procedure,
not a view of it (a probing amendment is moved to be withdrawn), and the Chair or Speaker
reading the question takes no side: those rules read neutral, which pages show as "spoke on
it". Rules that negate or oppose come before the rules they would otherwise
lose to ("I cannot support" before "I support", "I do not oppose" before "I oppose"). When no
rule fires the answer is neutral: doubt, reservations and questions are not opposition, and a
guess would be a wrong fact about a member.

Neighbouring sentences count only when the sentence itself fires no rule, and then only a
neighbour that refers back to it ("I support them.", "I beg to move."), at a discount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Stance(StrEnum):
    SUPPORTS = "supports"
    OPPOSES = "opposes"
    NEUTRAL = "neutral"


class Role(StrEnum):
    """The speaker's part towards what the sentence mentions, when the caller knows it."""

    MOVER = "mover"  # moved it (or is moving it)
    MINISTER = "minister"  # responds to it for the Government
    CHAIR = "chair"  # the Chair or Speaker, who reads the question


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    stance: Stance
    confidence: float
    roles: frozenset[Role] = frozenset()  # empty: whoever speaks


@dataclass(frozen=True)
class StanceReading:
    """The stance a sentence shows, the rule that fired ("no-rule" if none) and the words it
    matched."""

    stance: Stance
    rule: str
    confidence: float
    matched: str | None = None


NEIGHBOUR_DISCOUNT = 0.6  # a neighbour's rule counts at 60% of its confidence

_SPEAKER = r"\b(?:I|we|these\s+Benches)"
# "The Government" only where a negation or "oppose" makes it the subject of a verb:
# "the Government support" is also a noun phrase.
_SPEAKER_OR_GOVERNMENT = r"\b(?:I|we|these\s+Benches|the\s+Government)"
# A party as the subject: "SNP will support Clause 65" (a reported view, as the account gives it).
_SPEAKER_OR_PARTY = (r"\b(?:I|we|these\s+Benches|(?:the\s+)?(?:SNP|Labour|Liberal\s+Democrats|Opposition"
                     r"|Conservatives|Green\s+Party|Plaid\s+Cymru|DUP))")
_NOT = (
    r"(?:cannot|can\s*not|can['’]t|could\s+not|couldn['’]t|do\s+not|don['’]t|will\s+not|"
    r"won['’]t|would\s+not|shall\s+not|(?:am|are)\s+(?:not\s+able|unable)\s+to)"
)
_AMENDMENT_WORD = r"\b(?:amendments?|motions?|new\s+clauses?)\b"
_WITHDRAWAL_REQUEST = r"\b(?:ask|hope|urge|invite|encourage)\b[^.?!]*?\bwithdraw\b"


def _rule(name: str, pattern: str, stance: Stance, confidence: float, *roles: Role) -> Rule:
    return Rule(name, re.compile(pattern, re.IGNORECASE), stance, confidence, frozenset(roles))


S, O, N = Stance.SUPPORTS, Stance.OPPOSES, Stance.NEUTRAL

# (name, pattern, stance, confidence[, roles]): the first that fires decides.
RULES: tuple[Rule, ...] = (
    # The Chair or Speaker reads the question and groups the amendments; no side is taken.
    _rule("chair", r"^", N, 0.9, Role.CHAIR),
    _rule("chair-groups", r"\bit\s+will\s+be\s+convenient\s+to\s+(?:discuss|take)\b", N, 0.9),
    # A question asks; it takes no side ("… some may want to press this to a Division, I ask: …?").
    _rule("question", r"\?[\"'”’)]*\s*$", N, 0.5),
    # "I do not oppose" acquiesces without endorsing: not a supporter, so neutral.
    _rule("does-not-oppose", rf"{_SPEAKER_OR_GOVERNMENT}\s+{_NOT}\s+(?:\w+\s+)?oppose\b", N, 0.6),
    _rule("cannot-support", rf"{_SPEAKER_OR_GOVERNMENT}\s+{_NOT}\s+(?:\w+\s+)?support\b", O, 0.9),
    _rule("cannot-accept", rf"{_SPEAKER_OR_GOVERNMENT}\s+{_NOT}\s+(?:\w+\s+)?accept\b", O, 0.85),
    _rule(
        "opposes",
        rf"{_SPEAKER_OR_GOVERNMENT}\s+"
        rf"(?:(?:strongly|firmly|therefore|must|shall|will|also|rise\s+to)\s+)*oppose\b",
        O, 0.9,
    ),
    _rule("opposed-to", rf"{_SPEAKER_OR_GOVERNMENT}\s+(?:am|are)\s+(?:\w+\s+)?opposed\s+to\b", O, 0.85),
    _rule(
        "votes-against",
        rf"{_SPEAKER_OR_GOVERNMENT}\s+(?:will|shall|intend\s+to|must)\s+(?:\w+\s+)?vote\s+against\b",
        O, 0.85,
    ),
    _rule("urges-rejection", r"\b(?:urge|invite|ask)\b[^.?!]{0,40}?\bto\s+reject\b", O, 0.8),
    # A Government motion to disagree or to agree is the Government's side; anyone else reading
    # the motion's words out (or the Chair putting them) takes none.
    _rule("motion-to-disagree", r"^\s*(?:I\s+beg\s+to\s+move,?\s+)?That\s+(?:this|the)\s+House\s+(?:do\s+)?"
          r"disagrees?\s+with\b", O, 0.9, Role.MINISTER),
    _rule("motion-to-agree", r"^\s*(?:I\s+beg\s+to\s+move,?\s+)?That\s+(?:this|the)\s+House\s+(?:do\s+)?"
          r"agrees?\s+with\b", S, 0.9, Role.MINISTER),
    # Not insisting gives way in ping-pong; it says nothing of the speaker's view of the text.
    _rule("motion-not-to-insist", r"^\s*That\s+(?:this|the)\s+House\s+do\s+not\s+insist\b", N, 0.5),
    # A mover withdrawing gives way; it is not opposition to their own amendment.
    _rule("mover-withdraws", r"\bbeg\s+leave\s+to\s+withdraw\b", N, 0.7),
    _rule("minister-asks-withdrawal", _WITHDRAWAL_REQUEST, O, 0.8, Role.MINISTER),
    _rule("asks-withdrawal", _WITHDRAWAL_REQUEST, O, 0.6),
    _rule("not-pressing", r"\bnot\s+(?:to\s+)?press\b", N, 0.6),
    # Doubt is not opposition: "Anything that is added to the Bill must be deliverable and workable".
    _rule(
        "reservation",
        r"\bmust\s+be\s+(?:deliverable|workable)\b|\bthinking\s+(?:through|about)\b",
        N, 0.5,
    ),
    _rule("rises-to-support", r"\bI\s+rise\s+(?:briefly\s+)?to\s+support\b", S, 0.95),
    _rule(
        "added-name",
        r"\bI\s+have\s+(?:also\s+)?added\s+my\s+name\b"
        r"|\bmy\s+name\s+(?:is|appears)\s+(?:also\s+)?(?:on|attached)\b",
        S, 0.9,
    ),
    _rule(
        "urges-acceptance",
        r"\b(?:urge|ask|encourage|hope)\b[^.?!]{0,40}?"
        r"\b(?:Government|Minister)\b[^.?!]{0,30}?\baccept\b",
        S, 0.8,
    ),
    _rule(
        "accepts",
        rf"{_SPEAKER}\s+(?:am\s+|are\s+)?(?:happy|pleased|content|willing)\s+to\s+accept\b",
        S, 0.8,
    ),
    _rule(
        "supports",
        rf"{_SPEAKER_OR_PARTY}\s+(?:(?:very\s+much|strongly|fully|warmly|wholeheartedly|entirely|also|therefore"
        rf"|will|shall|do|continue\s+to|want\s+to)\s+)*support(?:s|ed)?\b",
        S, 0.85,
    ),
    _rule("pleased-to-support", r"\b(?:pleased|happy|delighted|glad|proud)\s+to\s+support\b", S, 0.85),
    # Procedure, not a view: moving, tabling, speaking to an amendment in one's name. Placed after
    # every rule that reads a view, so "I beg to move … and I support it" still reads support.
    _rule("moves-or-tables",
          rf"\bI\s+beg\s+to\s+move\b|\bin\s+moving\b"
          rf"|\b(?:amendments?|motion)\s+(?:that\s+)?I\s+(?:moved|tabled)\b"
          rf"|\bI\s+(?:will|shall|have)\s+(?:move|moved|tabled)\s+(?:[\w-]+\s+){{0,4}}?{_AMENDMENT_WORD}"
          rf"|{_AMENDMENT_WORD}[^.?!]{{0,80}}?\bin\s+my\s+name\b",
          N, 0.7),
)

# The Chair's titles as Hansard attributes them ("Madam Deputy Speaker (Dame Eleanor Laing)",
# "The Deputy Chairman of Committees (Lord Haskel) (Lab)", "The Chair"), but not a select
# committee's chair ("The Chair of the Foreign Affairs Committee (Alicia Kearns)").
_CHAIR_TITLE = re.compile(
    r"^\s*(?:The\s+|Mr\s+|Madam\s+)?(?:(?:First|Second|Deputy|Temporary)\s+)*(?:Lord\s+)?"
    r"(?:Speaker|Chair(?:man|woman)?)(?:\s+of\s+(?:Committees|Ways\s+and\s+Means))?\s*(?:\(|$)",
    re.IGNORECASE,
)


def is_chair(attributed_to: str) -> bool:
    """Whether Hansard attributes the words to the Chair or Speaker of the sitting."""
    return bool(_CHAIR_TITLE.match(attributed_to or ""))


# What a neighbour must say right after its rule's words to be about our sentence.
_REFERS_BACK = re.compile(r"^\s*(?:[.!;:,]|$|(?:it|them|both|this|these|those|that)\b)", re.IGNORECASE)
_NO_RULE = StanceReading(Stance.NEUTRAL, "no-rule", 0.0)


def read_stance(
    sentence: str,
    *,
    previous: str | None = None,
    following: str | None = None,
    role: Role | None = None,
) -> StanceReading:
    """The stance `sentence` shows towards what it mentions."""
    own = _first_rule(sentence, role)
    if own is not None:
        rule, match = own
        return StanceReading(rule.stance, rule.name, rule.confidence, match[0] or None)
    for label, neighbour in (("previous sentence", previous), ("following sentence", following)):
        fired = _first_rule(neighbour, role) if neighbour else None
        if fired is None:
            continue
        rule, match = fired
        if rule.stance is not Stance.NEUTRAL and _REFERS_BACK.match(neighbour[match.end() :]):
            confidence = round(rule.confidence * NEIGHBOUR_DISCOUNT, 2)
            return StanceReading(rule.stance, f"{rule.name} ({label})", confidence, match[0])
    return _NO_RULE


def _first_rule(text: str, role: Role | None) -> tuple[Rule, re.Match[str]] | None:
    for rule in RULES:
        if rule.roles and role not in rule.roles:
            continue
        match = rule.pattern.search(text)
        if match:
            return rule, match
    return None
