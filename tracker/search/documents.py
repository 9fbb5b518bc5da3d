"""The search documents a bill's stored rows make, and those the members make: read only,
from the same rows (corrections included) the pages show."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from django.db.models import Prefetch

from amendments.models import Amendment, Division, PingPongItem, Sponsorship
from bills.models import Bill, Member
from tracker.clauses.models import Clause, ClauseVersion
from tracker.hansard.models import Contribution
from tracker.sanitise import html_to_text

from .models import DocumentType


@dataclass(frozen=True)
class Document:
    type: str
    ref: str
    bill_id: int | None
    title: str
    context: str
    url: str
    numbers: str = ""
    heading: str = ""
    body: str = ""

    FIELDS: ClassVar[tuple[str, ...]] = ("bill_id", "title", "context", "url", "numbers", "heading", "body")


def lines(values: Iterable[str | None]) -> str:
    """The values given, each once, one to a line."""
    return "\n".join(dict.fromkeys(v for v in values if v))


def bill_documents(bill: Bill) -> Iterator[Document]:
    yield Document(DocumentType.BILL, str(bill.bills_api_id), bill.pk, bill.short_title, "Bill",
                   bill.get_absolute_url(), numbers=lines([bill.short_title, bill.former_short_title, bill.act_name]),
                   heading=bill.long_title)
    yield from _clause_documents(bill)
    yield from _amendment_documents(bill)
    yield from _ping_pong_documents(bill)
    yield from _division_documents(bill)
    yield from _speech_documents(bill)


def member_documents() -> Iterator[Document]:
    for member in Member.objects.select_related("party").order_by("pk"):
        where = lines([member.party.name if member.party_id else "",
                       f"House of {member.house}" if member.house in ("Commons", "Lords") else "",
                       member.membership_from]).replace("\n", " · ")
        yield Document(DocumentType.MEMBER, str(member.members_api_id), None, member.name_display_as, where or "Member",
                       member.get_absolute_url(),
                       numbers=lines([member.name_display_as, member.name_list_as, member.name_full_title]),
                       heading=lines([member.membership_from, member.party.name if member.party_id else ""]))


def _clause_documents(bill: Bill) -> Iterator[Document]:
    versions = ClauseVersion.objects.order_by("print__position", "position")
    for clause in (Clause.objects.filter(bill=bill, superseded_by=None).select_related("bill")
                   .prefetch_related(Prefetch("versions", queryset=versions))):
        clause_versions = list(clause.versions.all())
        yield Document(
            DocumentType.CLAUSE, f"{bill.bills_api_id}/{clause.key}", bill.pk, str(clause), bill.short_title,
            clause.get_absolute_url(),
            numbers=lines([clause.label, *(v.label for v in clause_versions if v.number)]),
            heading=lines([clause.heading, *(v.heading for v in clause_versions)]),
            body=lines(v.text for v in clause_versions),
        )


def _sponsors() -> Prefetch:
    return Prefetch("sponsorships", queryset=Sponsorship.objects.select_related("member").order_by("position"))


def _sponsor_names(sponsorships: Iterable[Sponsorship]) -> str:
    return lines(s.member.name_display_as if s.member_id else s.name for s in sponsorships)


def _amendment_documents(bill: Bill) -> Iterator[Document]:
    for amendment in (Amendment.objects.filter(bill_stage__bill=bill).select_related("bill_stage__bill")
                      .prefetch_related(_sponsors())):
        yield Document(
            DocumentType.AMENDMENT, str(amendment.bills_api_id), bill.pk, str(amendment),
            f"{amendment.bill_stage.description} · {bill.short_title}", amendment.get_absolute_url(),
            numbers=str(amendment),
            heading=lines([amendment.new_clause_title, amendment.position, _sponsor_names(amendment.sponsorships.all())]),
            body=lines([amendment.summary, amendment.text_plain, amendment.explanatory_statement_plain]),
        )


def _ping_pong_documents(bill: Bill) -> Iterator[Document]:
    for item in (PingPongItem.objects.filter(bill_stage__bill=bill).select_related("bill_stage__bill")
                 .prefetch_related(_sponsors(), "grouped_amendments__sponsorships__member")):
        context = f"{item.bill_stage.description} · {bill.short_title}"
        yield Document(
            DocumentType.AMENDMENT, f"ping-pong-{item.bills_api_id}", bill.pk, str(item), context,
            item.get_absolute_url(),
            numbers=str(item), heading=_sponsor_names(item.sponsorships.all()), body=item.text_plain,
        )
        for grouped in item.grouped_amendments.all():
            yield Document(
                DocumentType.AMENDMENT, f"ping-pong-{item.bills_api_id}-{grouped.group_position}-{grouped.position}",
                bill.pk, f"{grouped} (in {item})", context, item.get_absolute_url(),
                numbers=str(grouped), heading=_sponsor_names(grouped.sponsorships.all()),
                body=html_to_text(grouped.text_html),
            )


def _division_documents(bill: Bill) -> Iterator[Document]:
    for division in Division.objects.filter(bill=bill):
        yield Document(
            DocumentType.DIVISION, f"{division.house.lower()}/{division.source_id}", bill.pk,
            division.title or str(division), f"{division} · {bill.short_title}", division.get_absolute_url(),
            numbers=f"Division {division.number}" if division.number else "",
            heading=division.title, body=html_to_text(division.notes_html),
        )


def _speech_documents(bill: Bill) -> Iterator[Document]:
    for contribution in Contribution.objects.filter(debate__bill=bill).select_related("debate", "member"):
        debate = contribution.debate
        yield Document(
            DocumentType.SPEECH, f"{debate.hansard_ext_id}/{contribution.order}", bill.pk,
            f"{contribution.speaker}: {contribution.heading or debate.title}",
            f"{debate.title} · House of {debate.house} · {debate.date:%-d %B %Y}",
            contribution.get_absolute_url(),
            heading=lines([contribution.speaker, contribution.heading, debate.title]),
            body=contribution.text_plain,
        )
