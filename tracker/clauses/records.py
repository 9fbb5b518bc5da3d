"""Read what the clause rules need from the database, as `facts` dataclasses: a fixed number
of queries per bill, whatever its size."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Exists, Max, Min, OuterRef, Prefetch

from amendments.models import Amendment, DivisionLink, PingPongItem, Sponsorship, Vote
from amendments.store import decision_label
from bills.models import Bill, BillStage, Member, Sitting
from tracker.hansard.models import Mention
from tracker.sanitise import html_to_text

from .facts import (
    AccountFacts,
    AmendmentFacts,
    ClauseVoteFacts,
    MentionFacts,
    Person,
    PingPongMentionFacts,
    VoteFacts,
)
from .identity import ADMIN, FixedLink, ProvisionRecord
from .models import AccountEntry, ClauseLink, ClauseVersion, Print
from .stages import StageFacts


def stages_read(bill: Bill) -> list[BillStage]:
    """The bill's stages in order, annotated with `first_sitting`, `last_sitting` and `has_items` (amendments
    or ping-pong items are stored for it)."""
    stages = list(
        BillStage.objects.filter(bill=bill).order_by("sort_order", "bills_api_id")
        .annotate(first_sitting=Min("sittings__date"), last_sitting=Max("sittings__date"),
                  has_amendments=Exists(Amendment.objects.filter(bill_stage=OuterRef("pk"))),
                  has_ping_pong=Exists(PingPongItem.objects.filter(bill_stage=OuterRef("pk"))))
    )
    return stages


def stage_facts(stages: list[BillStage]) -> list[StageFacts]:
    """Stage facts; `has_print` here only from the items stored (the caller adds published prints)."""
    return [StageFacts(s.pk, s.house, s.description, s.has_amendments or s.has_ping_pong, s.first_sitting,
                       s.last_sitting) for s in stages]


def amendments_read(bill: Bill) -> list[AmendmentFacts]:
    sponsorships = Prefetch("sponsorships", queryset=Sponsorship.objects.select_related("member__party"))
    links = Prefetch("division_links", queryset=DivisionLink.objects.order_by("division__date", "pk"))
    found = []
    for amendment in (Amendment.objects.filter(bill_stage__bill=bill).prefetch_related(sponsorships, links)
                      .order_by("bill_stage__sort_order", "list_position", "pk")):
        sponsors = tuple(_sponsor(s) for s in amendment.sponsorships.all())
        leads = [p for s, p in zip(amendment.sponsorships.all(), sponsors) if s.is_lead]
        division_links = list(amendment.division_links.all())
        found.append(AmendmentFacts(
            pk=amendment.pk, bills_api_id=amendment.bills_api_id, stage_pk=amendment.bill_stage_id,
            number=amendment.number, amendment_type=amendment.amendment_type, clause=amendment.clause,
            schedule=amendment.schedule, position=amendment.position, title=amendment.new_clause_title,
            text=_without_title(amendment.text_plain, amendment.new_clause_title), decision=amendment.decision,
            decision_label=decision_label(amendment.decision), decided_on=amendment.decided_on,
            explanation=html_to_text(amendment.decision_explanation_html),
            division_pk=division_links[0].division_id if division_links else None,
            sponsors=sponsors, lead=leads[0] if len(leads) == 1 else None,
        ))
    return found


def votes_read(bill: Bill) -> list[VoteFacts]:
    """Votes in the bill's divisions that are linked to an amendment."""
    linked = defaultdict(list)
    for division_id, amendment_id in DivisionLink.objects.filter(
            division__bill=bill, amendment__isnull=False).values_list("division_id", "amendment_id"):
        linked[division_id].append(amendment_id)
    found = []
    for vote in Vote.objects.filter(division_id__in=linked).select_related("division", "member__party"):
        for amendment_id in linked[vote.division_id]:
            found.append(VoteFacts(vote.division_id, amendment_id, vote.division.house, vote.division.date,
                                   vote.is_for, _voter(vote)))
    return found


def clause_votes_read(bill: Bill) -> list[ClauseVoteFacts]:
    """Votes in the bill's divisions on a "clause N stand part" question; each division's
    stage is the one of its House that sat on its day."""
    questions = defaultdict(list)
    for division_id, number in DivisionLink.objects.filter(
            division__bill=bill, kind=DivisionLink.Kind.CLAUSE).values_list("division_id", "number"):
        questions[division_id].append(number)
    sat = defaultdict(set)
    for stage_pk, house, date in Sitting.objects.filter(bill_stage__bill=bill).exclude(date=None).values_list(
            "bill_stage_id", "bill_stage__house", "date"):
        sat[(house, date)].add(stage_pk)
    found = []
    for vote in Vote.objects.filter(division_id__in=questions).select_related("division", "member__party"):
        division = vote.division
        stages = sat.get((division.house, division.date), set())
        stage_pk = next(iter(stages)) if len(stages) == 1 else None
        found += [ClauseVoteFacts(division.pk, stage_pk, number, division.house, division.date, vote.is_for,
                                  _voter(vote)) for number in questions[division.pk]]
    return found


def mentions_read(bill: Bill) -> list[MentionFacts]:
    """Hansard mentions of clauses and amendments in the bill's debates."""
    mentions = (Mention.objects.filter(contribution__debate__bill=bill, kind__in=("clause", "amendment"))
                .select_related("contribution__debate", "contribution__member__party")
                .order_by("contribution__debate__date", "contribution__debate_id", "contribution__order", "pk"))
    found = []
    for mention in mentions:
        contribution = mention.contribution
        member = contribution.member
        party = _party(member)
        person = Person(contribution.members_api_id or (member.members_api_id if member else None),
                        member.pk if member else None, contribution.speaker, party[0], party[1])
        found.append(MentionFacts(
            contribution_pk=contribution.pk, stage_pk=contribution.debate.bill_stage_id,
            house=contribution.debate.house, date=contribution.debate.date, url=contribution.url,
            heading=contribution.heading, kind=mention.kind,
            number=(mention.clause_number or mention.number) if mention.kind == "clause" else mention.number,
            sentence=mention.sentence, stance=mention.stance, stance_rule=mention.stance_rule,
            confidence=mention.confidence, in_heading=mention.in_heading, amendment_pk=mention.amendment_id,
            person=person, pk=mention.pk,
        ))
    return found


def account_entries_read(bill: Bill) -> list[AccountFacts]:
    """Editors' entries from a cited account, with the member each names (by Members API id)."""
    entries = list(AccountEntry.objects.filter(bill=bill).order_by("pk"))
    members = {m.members_api_id: m for m in Member.objects.filter(
        members_api_id__in=[e.members_api_id for e in entries if e.members_api_id is not None]).select_related("party")}
    found = []
    for entry in entries:
        member = members.get(entry.members_api_id)
        party = _party(member)
        person = Person(entry.members_api_id, member.pk if member else None, entry.name,
                        entry.party_name or party[0], party[1])
        found.append(AccountFacts(entry.pk, entry.clause_key, person, entry.stance, entry.quote, entry.said_on,
                                  entry.citation, entry.reason))
    return found


def ping_pong_motions_read(bill: Bill) -> list[PingPongMentionFacts]:
    """Each ping-pong motion (or amendment printed in one) named in the bill's debates, once
    per sentence, with what the record gives of the motion."""
    seen, found = set(), []
    for mention in (Mention.objects.filter(contribution__debate__bill=bill, ping_pong_item__isnull=False)
                    .exclude(kind="clause").select_related("contribution__debate", "ping_pong_item")
                    .prefetch_related("ping_pong_item__grouped_amendments", "ping_pong_item__sponsorships")
                    .order_by("pk")):
        if (mention.contribution_id, mention.sentence, mention.ping_pong_item_id) in seen:
            continue
        seen.add((mention.contribution_id, mention.sentence, mention.ping_pong_item_id))
        item = mention.ping_pong_item
        grouped = [f"Amendment {g.number}" for g in item.grouped_amendments.all() if g.number]
        label = f"{item.type} {item.number or '(number not recorded)'}" + (f" ({', '.join(grouped)})" if grouped else "")
        found.append(PingPongMentionFacts(
            contribution_pk=mention.contribution_id, sentence=mention.sentence, url=mention.contribution.url,
            date=mention.contribution.debate.date, item_pk=item.pk, stage_pk=item.bill_stage_id, label=label,
            movers=tuple(s.name for s in item.sponsorships.all() if s.name),
            decision_label="" if item.decision in ("", "NoDecision") else decision_label(item.decision)))
    return found


def admin_links_read(bill: Bill) -> list[FixedLink]:
    links = ClauseLink.objects.filter(bill=bill, method=ADMIN).select_related(
        "older_print", "newer_print", "older", "newer", "amendment")
    return [FixedLink(link.older_print.key, link.newer_print.key, (link.older or link.newer).kind,
                      link.older.slot if link.older else None, link.newer.slot if link.newer else None,
                      link.evidence or "Corrected by an admin.",
                      f"amendment-{link.amendment.bills_api_id}" if link.amendment else "")
            for link in links if link.older or link.newer]


def stored_provisions(bill_print: Print) -> tuple[ProvisionRecord, ...]:
    """A LawMaker print's provisions as stored when it was last parsed."""
    return tuple(
        ProvisionRecord(
            kind=v.kind, slot=v.slot, number=v.number, heading=v.heading, text=v.text, guid=v.source_guid or None,
            position=v.position, part_number=v.part_number, part_heading=v.part_heading,
            chapter_number=v.chapter_number, chapter_heading=v.chapter_heading, first_page=v.first_page,
            first_line=v.first_line, last_page=v.last_page, last_line=v.last_line,
        )
        for v in ClauseVersion.objects.filter(print=bill_print, reconstructed=False).order_by("position")
    )


def _sponsor(sponsorship: Sponsorship) -> Person:
    member = sponsorship.member
    party = _party(member)
    return Person(sponsorship.members_api_id, sponsorship.member_id, sponsorship.name or _member_name(member),
                  sponsorship.party_name or party[0], sponsorship.party_colour or party[1])


def _voter(vote: Vote) -> Person:
    party = _party(vote.member)
    return Person(vote.members_api_id, vote.member_id, vote.name or _member_name(vote.member),
                  vote.party_name or party[0], vote.party_colour or party[1])


def _member_name(member) -> str:
    return member.name_display_as if member else ""


def _party(member) -> tuple[str, str]:
    if member is None or member.party is None:
        return "", ""
    return member.party.name, member.party.background_colour


def _without_title(text: str, title: str) -> str:
    """An inserted clause's words, without its title printed as their first line."""
    lines = (text or "").split("\n")
    if title and lines and lines[0].strip("\"“”' ") == title:
        lines = lines[1:]
    return " ".join(" ".join(lines).split())
