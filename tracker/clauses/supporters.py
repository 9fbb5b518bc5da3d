"""Who supports a clause and who opposes it, each with the evidence.

Pure. The rules:
- Sponsors: every name on an amendment that proposed the clause (as a new clause) or that
  amended it (agreed, type EditBillBody) supports it; every name on an amendment to leave
  it out (type DeleteClauseOrSchedule, whatever its fate) opposes it.
- Votes, in a division linked to one of those amendments: for (aye or content) an amendment
  proposing the clause supports it, against opposes it; for an amendment leaving it out
  opposes it, against supports it. In a division on "clause N stand part" (N resolved in
  the print in force at its stage), for supports the clause, against opposes it. Other
  divisions say nothing about the clause.
- Speeches (Hansard mentions, when present): a stance read on "Clause N" (resolved to the
  clause that number is in the print the speech refers to) is that stance on the clause; a
  stance on an amendment proposing it is that stance, on one leaving it out the opposite.
  Neutral mentions say nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .facts import AmendmentFacts, ClauseVoteFacts, MentionFacts, Person, VoteFacts
from .status import ClauseTarget

SUPPORTS, OPPOSES = "supports", "opposes"
SPONSOR, VOTE, SPEECH = "sponsor", "vote", "speech"


@dataclass(frozen=True)
class SupportRecord:
    clause_key: str
    key: str
    stance: str
    via: str
    person: Person
    amendment_pk: int | None = None
    division_pk: int | None = None
    contribution_pk: int | None = None
    source_url: str = ""
    quote: str = ""
    note: str = ""


def clause_supports(
    *,
    proposals: Mapping[str, Sequence[AmendmentFacts]],
    targets: Iterable[ClauseTarget],
    votes: Iterable[VoteFacts],
    clause_mentions: Iterable[tuple[str, MentionFacts]],
    amendment_mentions: Iterable[MentionFacts],
    clause_votes: Iterable[tuple[str, ClauseVoteFacts]] = (),
) -> list[SupportRecord]:
    """All support rows, unique per (clause, key)."""
    sides: dict[int, tuple[str, bool]] = {}  # amendment pk -> (clause key, True if it is for the clause)
    for clause_key, amendments in proposals.items():
        for amendment in amendments:
            sides[amendment.pk] = (clause_key, True)
    for target in targets:
        if target.role == "leave out":
            sides[target.amendment.pk] = (target.clause_key, False)
        elif target.role == "amend" and target.amendment.is_agreed:
            sides[target.amendment.pk] = (target.clause_key, True)
    found: dict[tuple[str, str], SupportRecord] = {}
    amendments = {a.pk: a for group in proposals.values() for a in group}
    amendments.update({t.amendment.pk: t.amendment for t in targets})
    for pk, (clause_key, for_it) in sides.items():
        for record in _sponsor_rows(clause_key, amendments[pk], for_it):
            found.setdefault((clause_key, record.key), record)
    for vote in votes:
        if vote.amendment_pk in sides:
            clause_key, for_it = sides[vote.amendment_pk]
            record = _vote_row(clause_key, amendments[vote.amendment_pk], vote, for_it)
            found.setdefault((clause_key, record.key), record)
    for clause_key, vote in clause_votes:
        record = _stand_part_row(clause_key, vote)
        found.setdefault((clause_key, record.key), record)
    for clause_key, mention in clause_mentions:
        _add_speech(found, clause_key, mention, inverted=False)
    for mention in amendment_mentions:
        if mention.amendment_pk in sides:
            clause_key, for_it = sides[mention.amendment_pk]
            _add_speech(found, clause_key, mention, inverted=not for_it)
    return list(found.values())


def _sponsor_rows(clause_key: str, amendment: AmendmentFacts, for_it: bool) -> Iterable[SupportRecord]:
    action = "proposing it" if amendment.is_new_provision else ("to leave it out" if not for_it else "amending it")
    for person in amendment.sponsors:
        who = person.members_api_id if person.members_api_id is not None else person.name
        lead = " (lead)" if amendment.lead == person else ""
        yield SupportRecord(clause_key, f"sponsor-{amendment.ref}-{who}", SUPPORTS if for_it else OPPOSES, SPONSOR,
                            person, amendment_pk=amendment.pk, note=f"{amendment.label} {action}{lead}")


def _vote_row(clause_key: str, amendment: AmendmentFacts, vote: VoteFacts, for_it: bool) -> SupportRecord:
    supports = vote.voted_for == for_it
    return SupportRecord(clause_key, _vote_key(vote), SUPPORTS if supports else OPPOSES, VOTE,
                         vote.person, amendment_pk=amendment.pk, division_pk=vote.division_pk,
                         note=f"Voted {_lobby(vote)} on {amendment.label}, {vote.date:%-d %B %Y}")


def _stand_part_row(clause_key: str, vote: ClauseVoteFacts) -> SupportRecord:
    return SupportRecord(clause_key, _vote_key(vote), SUPPORTS if vote.voted_for else OPPOSES, VOTE, vote.person,
                         division_pk=vote.division_pk,
                         note=f"Voted {_lobby(vote)} on clause {vote.number} standing part, {vote.date:%-d %B %Y}")


def _vote_key(vote: VoteFacts | ClauseVoteFacts) -> str:
    who = vote.person.members_api_id if vote.person.members_api_id is not None else vote.person.name
    return f"vote-{vote.division_pk}-{who}"


def _lobby(vote: VoteFacts | ClauseVoteFacts) -> str:
    if vote.house == "Lords":
        return "content" if vote.voted_for else "not content"
    return "aye" if vote.voted_for else "no"


def _add_speech(found: dict, clause_key: str, mention: MentionFacts, *, inverted: bool) -> None:
    if mention.stance not in (SUPPORTS, OPPOSES):
        return
    stance = mention.stance if not inverted else (OPPOSES if mention.stance == SUPPORTS else SUPPORTS)
    key = f"speech-{mention.contribution_pk}"
    how = f"rule {mention.stance_rule}, confidence {mention.confidence:g}"
    named = f"{mention.kind} {mention.number}"
    note = f"Spoke on {named} ({how})" + ("; that amendment would leave the clause out" if inverted else "")
    found.setdefault((clause_key, key), SupportRecord(
        clause_key, key, stance, SPEECH, mention.person, amendment_pk=mention.amendment_pk,
        contribution_pk=mention.contribution_pk, source_url=mention.url, quote=mention.sentence, note=note[:500]))
