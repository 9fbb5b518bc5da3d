"""Every corrected value carries the "Corrected" mark, with its reason, on each page showing it:
each correctable record the public pages show, corrected field by field in the loaded demo."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib import admin

from amendments.models import Amendment, Division, DivisionLink, GroupedAmendment, PingPongItem, Sponsorship, Vote
from bills.models import Bill, BillStage, Member, Publication, Sitting
from tests.test_public_pages_crawl import demo  # noqa: F401  (a fixture)
from tracker.clauses.models import ClauseSupport, Print
from tracker.corrections.services import override_save
from tracker.hansard.models import Contribution, Debate, Mention

pytestmark = pytest.mark.django_db
BILL = "/bills/3159/procurement-bill-hl/"
AMENDMENTS = BILL + "amendments/"
DEBATE = "/hansard/debates/00000000-0000-0000-0000-000009100001/"
DIVISION = "/divisions/commons/9008002/"
CLAUSES = BILL + "clauses/"
CLAUSE_65 = BILL + "clauses/amendment-9006001/"
NEW_CLAUSE_1 = BILL + "clauses/amendment-9006005/"


def loughton_on_clause_65(client) -> Mention:
    return Mention.objects.get(kind="clause", number="65", contribution__member__name_display_as="Tim Loughton")


def where_said(mention: Mention) -> list[str]:
    """The pages showing a mention: its debate, and the speaker's page when the speaker is known."""
    contribution = mention.contribution
    return [contribution.debate.get_absolute_url(), *([contribution.member.get_absolute_url()]
                                                      if contribution.member else [])]


def sponsors_pages(amendment: Amendment) -> list[str]:
    return [s.member.get_absolute_url() for s in amendment.sponsorships.exclude(member=None)]


def a_voter_page(division: Division) -> str:
    return division.votes.exclude(member=None).order_by("name").first().member.get_absolute_url()


def first_amendment_listed(client) -> Amendment:
    found = re.search(r'href="/amendments/(\d+)/"', client.get(AMENDMENTS).content.decode())
    return Amendment.objects.get(bills_api_id=found.group(1))


# (what is corrected, its field, the new value, the pages showing it: a list, or made from the record)
CASES = [
    (lambda c: Bill.objects.get(bills_api_id=3159), "act_name", "Procurement Act 2023 (corrected)",
     [BILL, "/", "/bills/"]),
    (lambda c: Bill.objects.get(bills_api_id=3159), "short_title", "Procurement Bill (HL)",  # the same address
     [BILL, "/", "/bills/", BILL + "clauses/", BILL + "amendments/", BILL + "debates/",
      BILL + "clauses/amendment-9006001/", DEBATE, DIVISION, "/amendments/9006002/",
      "/bills/members/9000006/lord-true/"]),  # in charge of it
    (lambda c: BillStage.objects.filter(bill__bills_api_id=3159).order_by("sort_order").first(),
     "description", "1st reading (corrected)", [BILL]),
    (lambda c: Amendment.objects.get(bills_api_id=9006002).bill_stage, "description", "Committee (corrected)",
     ["/amendments/9006002/", AMENDMENTS]),
    (lambda c: Sitting.objects.filter(bill_stage__bill__bills_api_id=3159).order_by("date").first(),
     "date", dt.date(2022, 5, 12), [BILL]),
    (lambda c: Publication.objects.filter(bill__bills_api_id=3159).first(), "title", "A corrected title", [BILL]),
    (lambda c: Member.objects.get(members_api_id=9000006), "name_display_as", "Lord True (corrected)",
     ["/bills/members/9000006/lord-true/", BILL]),  # in charge of the bill
    (lambda c: Member.objects.get(members_api_id=9000006).party, "name", "A corrected party",
     ["/bills/members/9000006/lord-true/", BILL]),
    (first_amendment_listed, "summary", "A corrected summary", [AMENDMENTS]),
    (lambda c: Amendment.objects.get(bills_api_id=9006002), "text_plain", "Corrected words",
     ["/amendments/9006002/"]),
    (lambda c: Sponsorship.objects.filter(amendment__bills_api_id=9006002).first(), "party_name", "Corrected party",
     ["/amendments/9006002/"]),
    (lambda c: Sponsorship.objects.filter(amendment=first_amendment_listed(c)).first(), "party_name",
     "Corrected party", [AMENDMENTS]),
    (lambda c: PingPongItem.objects.filter(bill_stage__bill__bills_api_id=3159).first(), "number", "99Z",
     [AMENDMENTS]),
    (lambda c: Division.objects.get(source_id=9008002), "title", "A corrected title",
     lambda d: [DIVISION, a_voter_page(d), BILL]),
    (lambda c: Vote.objects.filter(division__source_id=9008002).order_by("name").first(), "name", "Corrected Name",
     [DIVISION]),
    (lambda c: Vote.objects.filter(division__source_id=9008002).exclude(member=None).order_by("name").last(), "lobby",
     "aye", lambda v: [DIVISION, v.member.get_absolute_url()]),
    (lambda c: Contribution.objects.filter(debate__hansard_ext_id="00000000-0000-0000-0000-000009100001")
     .exclude(member=None).order_by("order").last().member, "name_display_as", "A corrected speaker", [DEBATE]),
    (lambda c: DivisionLink.objects.filter(division__source_id=9008002).first(), "number", "99",
     [DIVISION]),
    (lambda c: Debate.objects.get(hansard_ext_id="00000000-0000-0000-0000-000009100001"), "title",
     "A corrected debate title", [DEBATE, BILL + "debates/"]),
    (lambda c: Debate.objects.get(hansard_ext_id="00000000-0000-0000-0000-000009100001").bill_stage, "description",
     "A corrected stage", lambda stage: [DEBATE, BILL + "debates/", Contribution.objects.filter(
         debate__bill_stage=stage).exclude(member=None).first().member.get_absolute_url()]),
    (lambda c: Contribution.objects.filter(debate__hansard_ext_id="00000000-0000-0000-0000-000009100001")
     .order_by("order").first(), "text_plain", "Corrected words.", [DEBATE]),
    (lambda c: Contribution.objects.exclude(member__party=None).order_by("pk").first().member.party, "name",
     "A corrected speaker's party", lambda party: [Contribution.objects.filter(member__party=party).order_by("pk")
                                                   .first().debate.get_absolute_url()]),
    # What the bill list, the home page and the bill's page say of its type and stage.
    (lambda c: Bill.objects.get(bills_api_id=3159).bill_type, "name", "A corrected bill type", [BILL, "/bills/"]),
    (lambda c: Bill.objects.get(bills_api_id=3159).current_stage.stage_type, "name", "A corrected stage type",
     ["/bills/"]),
    (lambda c: Bill.objects.get(bills_api_id=3159).current_stage, "description", "Royal Assent (corrected)",
     [BILL, CLAUSE_65, CLAUSES]),  # where Clause 65 now stands, and a stage of the clause-by-stage matrix
    # An amendment printed in a motion's group: in the list and in the exchange's thread.
    (lambda c: GroupedAmendment.objects.get(number="47B"), "decision", "Agreed", [AMENDMENTS]),
    # A clause's own values are read from the records behind it: its heading from the amendment inserting it,
    # its status from the amendments deciding it, its place from where the amendment put it.
    (lambda c: Amendment.objects.get(bills_api_id=9006001), "new_clause_title",
     "Timeline for removal of suppliers (corrected)", lambda a: [CLAUSE_65, CLAUSES, *sponsors_pages(a)]),
    (lambda c: Amendment.objects.get(bills_api_id=9006004), "decision", "Agreed", [CLAUSE_65]),
    (lambda c: Amendment.objects.get(bills_api_id=9006004).bill_stage, "description", "Committee stage (corrected)",
     [CLAUSE_65]),  # where it was left out
    (lambda c: Amendment.objects.get(bills_api_id=9006001), "position", "After Clause 60", [CLAUSE_65]),
    (lambda c: Amendment.objects.get(bills_api_id=9006001).bill_stage, "description", "Report stage (corrected)",
     lambda stage: sponsors_pages(stage.amendments.get(bills_api_id=9006001))),
    (lambda c: Amendment.objects.get(bills_api_id=9006005), "number", "NC1A", [NEW_CLAUSE_1]),
    # A stance read from a speech: on the clause's ledger, in the debate, on the speaker's page.
    (loughton_on_clause_65, "stance", "supports", lambda m: [CLAUSE_65, *where_said(m)]),
    (lambda c: Mention.objects.get(kind="amendment", number="1", amendment__bills_api_id=9006005), "stance",
     "opposes", lambda m: [NEW_CLAUSE_1, "/amendments/9006005/", *where_said(m)]),
    # A division decided the amendment leaving Clause 65 out (a link an editor corrects); its result, corrected,
    # is marked where the clause's ledger cites the division.
    (lambda c: DivisionLink.objects.get(division__source_id=9008003, number="2"), "amendment",
     Amendment.objects.filter(bills_api_id=9006004).first, ["/divisions/commons/9008003/"]),
    (lambda c: Division.objects.get(source_id=9008003), "for_count", 229,
     [CLAUSE_65, "/divisions/commons/9008003/", "/amendments/9006004/"]),
    # Last, as it changes what the lists say of the bill: a bill not (yet) an Act shows its current stage there.
    (lambda c: Bill.objects.get(bills_api_id=3159), "is_act", False, [BILL]),
    (lambda c: Bill.objects.get(bills_api_id=3159).current_stage, "description", "Royal Assent (corrected again)",
     [BILL, "/bills/", "/"]),
]


def corrected(obj, field: str, value, reason: str, capture) -> None:
    """An editor's correction, as the admin makes it: stored, then what derives from the row is recomputed."""
    with capture(execute=True):  # on commit: the pages render afresh
        override_save(obj=obj, field=field, value=value, reason=reason, user=None)
        model_admin = admin.site._registry.get(type(obj))
        if model_admin is not None:
            model_admin.after_correction(obj)


def marked(reason: str) -> re.Pattern:
    return re.compile(r'tracker-badge--corrected">Corrected</strong> <span class="tracker-corrected__reason">'
                      r'[^<]*' + re.escape(reason))


def test_each_corrected_field_is_marked_corrected_with_its_reason_on_each_page_showing_it(
        client, demo, django_capture_on_commit_callbacks):  # noqa: F811
    missing = []
    for number, (record, field, value, pages) in enumerate(CASES):
        obj = record(client)
        assert obj is not None, (number, field)
        reason = f"Reason {number}: the source is wrong about this {type(obj).__name__} {field}"
        corrected(obj, field, value() if callable(value) else value, reason, django_capture_on_commit_callbacks)
        pages = pages(obj) if callable(pages) else pages
        missing += [(type(obj).__name__, field, path) for path in pages
                    if not marked(reason).search(client.get(path).content.decode())]
    assert missing == [], "\n".join(map(str, missing))


def test_a_clause_marks_its_heading_status_and_place_where_each_is_shown_when_a_correction_gave_it(
        client, demo, django_capture_on_commit_callbacks):  # noqa: F811
    inserting, leaving_out = Amendment.objects.get(bills_api_id=9006001), Amendment.objects.get(bills_api_id=9006004)
    corrected(inserting, "new_clause_title", "Timeline for the removal of suppliers", "The heading as printed",
              django_capture_on_commit_callbacks)
    corrected(leaving_out, "decision", "Agreed", "Agreed without a division", django_capture_on_commit_callbacks)
    corrected(inserting, "position", "After Clause 60", "Placed after Clause 60", django_capture_on_commit_callbacks)
    page = client.get(CLAUSE_65).content.decode()
    heading = page[page.index('<p class="govuk-body-l">'):page.index('<dl class="govuk-summary-list">')]
    status = page[page.index("Status now"):page.index("Proposed by")]
    numbers = page[page.index('id="numbers"'):page.index('id="text"')]
    assert "Timeline for the removal of suppliers" in heading and marked("The heading as printed").search(heading)
    assert marked("Agreed without a division").search(status)
    assert "after Clause 60" in numbers and marked("Placed after Clause 60").search(numbers)
    assert not marked("The heading as printed").search(status)  # a title does not decide where it stands


def between(page: str, start: str, end: str) -> str:
    """The part of a page from `start` to the next `end`."""
    first = page.index(start)
    return page[first:page.index(end, first)]


def short_marked(reason: str) -> re.Pattern:
    """The short "(corrected)" mark where a badge would break the layout, its reason in its title."""
    return re.compile(r'tracker-corrected--short" title="Corrected: ' + re.escape(reason))


def test_a_corrected_stage_name_is_marked_where_each_page_names_it(
        client, demo, django_capture_on_commit_callbacks):  # noqa: F811
    decided = next(link for link in DivisionLink.objects.order_by("pk") if link.target)
    chosen_print = Print.objects.filter(bill__bills_api_id=3159).exclude(versions=None).order_by("position").last()
    places = [  # (the stage, the page, where on it the stage is named)
        (Amendment.objects.get(bills_api_id=9006002).bill_stage, "/amendments/9006002/", ("govuk-caption-l", "<h1")),
        (decided.target.bill_stage, decided.division.get_absolute_url(), ("What it decided", "<h2")),
        (chosen_print.bill_stage, CLAUSES, ('id="table"', "<table")),
        (Amendment.objects.get(bills_api_id=9006001).bill_stage, CLAUSE_65,
         ("Proposed by", "Supporters and opponents")),
    ]
    for number, (stage, path, (start, end)) in enumerate(places):
        reason = f"Stage {number} is misnamed at the source"
        corrected(stage, "description", f"Stage {number} (corrected)", reason, django_capture_on_commit_callbacks)
        where = between(client.get(path).content.decode(), start, end)
        assert f"Stage {number} (corrected)" in where and marked(reason).search(where), (path, where)


def test_a_corrected_bill_title_is_marked_in_the_breadcrumbs(
        client, demo, django_capture_on_commit_callbacks):  # noqa: F811
    corrected(Bill.objects.get(bills_api_id=3159), "short_title", "Procurement Bill (HL)", "The title as printed",
              django_capture_on_commit_callbacks)
    for path in [AMENDMENTS, BILL + "debates/", DEBATE, DIVISION, CLAUSES, CLAUSE_65, "/amendments/9006002/"]:
        breadcrumbs = between(client.get(path).content.decode(), '<nav class="govuk-breadcrumbs"', "</nav>")
        assert short_marked("The title as printed").search(breadcrumbs), (path, breadcrumbs)


def test_a_corrected_new_clause_title_is_marked_in_the_matrix_and_above_each_version(
        client, demo, django_capture_on_commit_callbacks):  # noqa: F811
    corrected(Amendment.objects.get(bills_api_id=9006001), "new_clause_title", "Timeline for removal of suppliers",
              "The title as tabled", django_capture_on_commit_callbacks)
    matrix = between(client.get(CLAUSES).content.decode(), 'id="matrix"', "</table>")
    versions = between(client.get(CLAUSE_65).content.decode(), 'id="text"', 'id="history"')
    assert marked("The title as tabled").search(matrix), matrix
    assert marked("The title as tabled").search(versions), versions


def test_corrected_division_counts_are_marked_beside_each_count_shown(
        client, demo, django_capture_on_commit_callbacks):  # noqa: F811
    division, leaving_out = Division.objects.get(source_id=9008003), Amendment.objects.get(bills_api_id=9006004)
    corrected(DivisionLink.objects.get(division=division, number="2"), "amendment", leaving_out,
              "The division decided this amendment", django_capture_on_commit_callbacks)
    corrected(division, "for_count", 229, "Miscounted", django_capture_on_commit_callbacks)
    corrected(division, "against_count", 180, "Also miscounted", django_capture_on_commit_callbacks)
    for path in [division.get_absolute_url(), leaving_out.get_absolute_url()]:
        page = client.get(path).content.decode()
        ayes = between(page, f"<dt class=\"govuk-summary-list__key\">{division.for_label}</dt>", "</dd>")
        noes = between(page, f"<dt class=\"govuk-summary-list__key\">{division.against_label}</dt>", "</dd>")
        assert "229" in ayes and marked("Miscounted").search(ayes), (path, ayes)
        assert "180" in noes and marked("Also miscounted").search(noes), (path, noes)


def test_a_renamed_party_is_one_row_of_a_ledgers_party_table_under_its_corrected_name_marked(
        client, demo, django_capture_on_commit_callbacks):  # noqa: F811
    supports = ClauseSupport.objects.filter(clause__key="amendment-9006001").exclude(member__party=None)
    party = supports.first().member.party
    named_before = party.name
    corrected(party, "name", "Renamed Party", "The name the party registered", django_capture_on_commit_callbacks)
    for path in [CLAUSE_65, "/amendments/9006001/"]:
        page = client.get(path).content.decode()
        table = between(page, "tracker-ledger__parties", "</table>")
        people = between(page, "tracker-ledger__person", "</h2>")
        assert re.search(r"Renamed Party\s*<span class=\"tracker-corrected\">", table), (path, table)
        assert marked("The name the party registered").search(table) and named_before not in table, (path, table)
        assert re.search(r"Renamed Party\s*<span class=\"tracker-corrected\">", people), (path, people)


def test_a_signatures_corrected_party_is_marked_in_a_ledgers_party_table(
        client, demo, django_capture_on_commit_callbacks):  # noqa: F811
    signature = Sponsorship.objects.filter(amendment__bills_api_id=9006001).order_by("position").last()  # signing only
    corrected(signature, "party_name", "Corrected Party Name", "Signed for another party",
              django_capture_on_commit_callbacks)
    page = client.get(CLAUSE_65).content.decode()
    table = between(page, "tracker-ledger__parties", "</table>")
    people = between(page, "tracker-ledger__person", "</h2>")
    assert re.search(r"Corrected Party Name\s*<span class=\"tracker-corrected\">", table), table
    assert marked("Signed for another party").search(table), table
    assert re.search(r"Corrected Party Name\s*<span class=\"tracker-corrected\">", people), people


def test_what_a_division_decided_and_a_signers_bills_are_marked_where_corrected(
        client, demo, django_capture_on_commit_callbacks):  # noqa: F811
    decided = next(link for link in DivisionLink.objects.order_by("pk") if link.target)
    corrected(decided.target, "number", "99Q", "Renumbered on the paper", django_capture_on_commit_callbacks)
    division_page = client.get(decided.division.get_absolute_url()).content.decode()
    what_it_decided = between(division_page, "What it decided", "<h2")
    assert "99Q" in what_it_decided and marked("Renumbered on the paper").search(what_it_decided), what_it_decided
    corrected(Bill.objects.get(bills_api_id=3159), "short_title", "Procurement Bill (HL)", "The title as printed",
              django_capture_on_commit_callbacks)
    signer = Sponsorship.objects.filter(amendment__bills_api_id=9006001).exclude(member=None).first().member
    signed = between(client.get(signer.get_absolute_url()).content.decode(), 'id="amendments"', 'id="votes"')
    assert marked("The title as printed").search(signed), signed


def test_the_journey_charts_text_alternative_says_a_stage_name_was_corrected(
        client, demo, django_capture_on_commit_callbacks):  # noqa: F811
    corrected(Bill.objects.get(bills_api_id=3159).current_stage, "description", "Royal Assent (corrected)",
              "Named as the Act records it", django_capture_on_commit_callbacks)
    description = between(client.get(BILL).content.decode(), '<desc id="journey-desc">', "</desc>")
    assert "Royal Assent (corrected) (corrected: Named as the Act records it)." in description, description


def test_a_corrected_stage_in_an_exchange_and_a_signers_corrected_name_in_a_ledger_are_marked(
        client, demo, django_capture_on_commit_callbacks):  # noqa: F811
    motion = PingPongItem.objects.filter(bill_stage__bill__bills_api_id=3159).order_by("pk").first()
    corrected(motion.bill_stage, "description", "Consideration of amendments (corrected)", "As the Journal names it",
              django_capture_on_commit_callbacks)
    exchanges = between(client.get(AMENDMENTS).content.decode(), 'id="ping-pong-threads"', "</ol>")
    assert marked("As the Journal names it").search(exchanges), exchanges
    signature = Sponsorship.objects.filter(amendment__bills_api_id=9006001).order_by("position").last()  # signing only
    corrected(signature, "name", "Lord Coaker (corrected)", "Named as he signed", django_capture_on_commit_callbacks)
    people = between(client.get(CLAUSE_65).content.decode(), "tracker-ledger__person", "</h2>")
    assert re.search(r"Lord Coaker \(corrected\)</a></strong>\s*<span class=\"tracker-corrected\">", people), people
    assert marked("Named as he signed").search(people), people
