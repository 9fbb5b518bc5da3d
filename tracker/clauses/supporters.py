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
  A mention no rule reads a side from is "spoke on it": never counted for or against.
- Editors' entries from a cited account (AccountEntry): the stance the account records,
  with its quote and date (none when the account gives none) and the citation.
- Decisions whose members are not recorded: an agreed amendment leaving it out opposes it
  as the committee's or House's decision, with the count the record gives; it names no one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .facts import AccountFacts, AmendmentFacts, ClauseVoteFacts, MentionFacts, Person, VoteFacts
from .status import ClauseTarget

SUPPORTS, OPPOSES, SPOKE = "supports", "opposes", "spoke"
SPONSOR, VOTE, SPEECH, ACCOUNT, DECISION = "sponsor", "vote", "speech", "account", "decision"
NOBODY = Person(None, None, "")


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
    date: dt.date | None = None
    method: str = ""
    account_pk: int | None = None


def clause_supports(
    *,
    proposals: Mapping[str, Sequence[AmendmentFacts]],
    targets: Iterable[ClauseTarget],
    votes: Iterable[VoteFacts],
    clause_mentions: Iterable[tuple[str, MentionFacts]],
    amendment_mentions: Iterable[MentionFacts],
    clause_votes: Iterable[tuple[str, ClauseVoteFacts]] = (),
    account: Iterable[AccountFacts] = (),
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
    votes = list(votes)
    voted_on = {vote.amendment_pk for vote in votes}
    for pk, (clause_key, for_it) in sides.items():
        for record in _sponsor_rows(clause_key, amendments[pk], for_it):
            found.setdefault((clause_key, record.key), record)
        if not for_it and amendments[pk].is_agreed:
            record = _decision_row(clause_key, amendments[pk], members_recorded=pk in voted_on)
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
    for entry in account:
        record = SupportRecord(entry.clause_key, f"account-{entry.pk}", entry.stance, ACCOUNT, entry.person,
                               source_url=entry.citation, quote=entry.quote, note=entry.reason,
                               date=entry.said_on, account_pk=entry.pk)
        found.setdefault((entry.clause_key, record.key), record)
    return list(found.values())


def _sponsor_rows(clause_key: str, amendment: AmendmentFacts, for_it: bool) -> Iterable[SupportRecord]:
    action = "proposing it" if amendment.is_new_provision else ("to leave it out" if not for_it else "amending it")
    for person in amendment.sponsors:
        who = person.members_api_id if person.members_api_id is not None else person.name
        lead = " (lead)" if amendment.lead == person else ""
        yield SupportRecord(clause_key, f"sponsor-{amendment.ref}-{who}", SUPPORTS if for_it else OPPOSES, SPONSOR,
                            person, amendment_pk=amendment.pk, note=f"{amendment.label} {action}{lead}")


def _decision_row(clause_key: str, amendment: AmendmentFacts, *, members_recorded: bool) -> SupportRecord:
    decided = amendment.decision_label.lower() + (f" ({amendment.explanation})" if amendment.explanation else "")
    members = "" if members_recorded else "; members' votes not recorded"
    return SupportRecord(clause_key, f"decision-{amendment.ref}", OPPOSES, DECISION, NOBODY,
                         amendment_pk=amendment.pk, division_pk=amendment.division_pk, date=amendment.decided_on,
                         note=f"left out by {amendment.label[0].lower()}{amendment.label[1:]}, {decided}{members}")


def _vote_row(clause_key: str, amendment: AmendmentFacts, vote: VoteFacts, for_it: bool) -> SupportRecord:
    supports = vote.voted_for == for_it
    return SupportRecord(clause_key, _vote_key(vote), SUPPORTS if supports else OPPOSES, VOTE,
                         vote.person, amendment_pk=amendment.pk, division_pk=vote.division_pk, date=vote.date,
                         note=f"Voted {_lobby(vote)} on {amendment.label}, {vote.date:%-d %B %Y}")


def _stand_part_row(clause_key: str, vote: ClauseVoteFacts) -> SupportRecord:
    return SupportRecord(clause_key, _vote_key(vote), SUPPORTS if vote.voted_for else OPPOSES, VOTE, vote.person,
                         division_pk=vote.division_pk, date=vote.date,
                         note=f"Voted {_lobby(vote)} on clause {vote.number} standing part, {vote.date:%-d %B %Y}")


def _vote_key(vote: VoteFacts | ClauseVoteFacts) -> str:
    who = vote.person.members_api_id if vote.person.members_api_id is not None else vote.person.name
    return f"vote-{vote.division_pk}-{who}"


def _lobby(vote: VoteFacts | ClauseVoteFacts) -> str:
    if vote.house == "Lords":
        return "content" if vote.voted_for else "not content"
    return "aye" if vote.voted_for else "no"


def _add_speech(found: dict, clause_key: str, mention: MentionFacts, *, inverted: bool) -> None:
    if mention.stance in (SUPPORTS, OPPOSES):
        stance = mention.stance if not inverted else (OPPOSES if mention.stance == SUPPORTS else SUPPORTS)
    else:
        stance = SPOKE  # no rule reads a side: shown as "spoke on it", never counted
    key = f"speech-{mention.contribution_pk}"
    named = f"{mention.kind} {mention.number}"
    note = f"Spoke on {named}" + ("; that amendment would leave the clause out" if inverted else "")
    record = SupportRecord(
        clause_key, key, stance, SPEECH, mention.person, amendment_pk=mention.amendment_pk,
        contribution_pk=mention.contribution_pk, source_url=mention.url, quote=mention.sentence, note=note,
        date=mention.date, method=(f"the rule “{mention.stance_rule}”, confidence {mention.confidence:g}"
                                   if mention.confidence else "no rule reads a side from these words")[:200])
    earlier = found.get((clause_key, key))
    if earlier is None or (earlier.stance == SPOKE and stance != SPOKE):  # a side read beats "spoke on it"
        found[(clause_key, key)] = record
