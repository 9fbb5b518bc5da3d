"""Thin views: read the URL, call one selector, render (or write it as CSV)."""

from itertools import chain

from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import redirect, render
from django.urls import reverse

from tracker.exports import csv_moved, csv_response
from tracker.pagecache import cached_bill_page, cached_page

from . import selectors
from .forms import AmendmentFilterForm
from .models import Amendment, AmendmentType, DivisionLink, PingPongItem, Sponsorship, Vote
from .store import decision_label


AMENDMENTS_CSV_CHUNK = 2000  # rows read (with their sponsors and divisions) per round of queries


def _filtered(request) -> tuple[AmendmentFilterForm, selectors.AmendmentFilters]:
    form = AmendmentFilterForm(request.GET or None)
    return form, form.filters() if form.is_valid() else selectors.AmendmentFilters()


@cached_bill_page
def bill_amendments(request, bills_api_id: int, slug: str):
    form, filters = _filtered(request)
    page = selectors.bill_amendments_page(bills_api_id=bills_api_id, filters=filters,
                                          page_number=request.GET.get("page"))
    if slug != page.bill.slug:
        return redirect("amendments:bill_amendments", bills_api_id=bills_api_id, slug=page.bill.slug, permanent=True)
    form.party_choices_set(page.parties)
    return render(request, "amendments/bill_amendments.html", {"page": page, "bill": page.bill, "form": form,
                                                                "page_obj": page.page_obj, "threads": page.threads})


AMENDMENTS_CSV_HEADER = ("Number", "Stage", "House", "Target", "Decision", "Lead sponsor", "Other sponsors",
                         "Division", "Division page", "Amendment page")


def _division_links() -> Prefetch:
    return Prefetch("division_links",
                    queryset=DivisionLink.objects.select_related("division").order_by("division__date", "pk"))


@cached_bill_page
def bill_amendments_csv(request, bills_api_id: int, slug: str):
    """Every amendment matching the page's filters (not one page of them), streamed, then the
    motions and amendments between the Houses (ping-pong) that match them."""
    _, filters = _filtered(request)
    page = selectors.bill_amendments_page(bills_api_id=bills_api_id, filters=filters)
    bill = page.bill
    if slug != bill.slug:
        return csv_moved(request, reverse("amendments:bill_amendments_csv", args=[bills_api_id, bill.slug]))
    matching = page.page_obj.paginator.object_list.prefetch_related(_division_links())
    items = [item for stage in page.ping_pong_by_stage for item in stage.items]
    prefetch_related_objects(items, _division_links())
    items_page = request.build_absolute_uri(reverse("amendments:bill_amendments", args=[bill.bills_api_id, bill.slug]))
    return csv_response(filename=f"{bill.slug}-amendments.csv", header=AMENDMENTS_CSV_HEADER, rows=chain(
        (_amendment_csv_row(request, amendment) for amendment in matching.iterator(chunk_size=AMENDMENTS_CSV_CHUNK)),
        (_ping_pong_csv_row(request, item, f"{items_page}#{item.anchor}") for item in items)))


def _amendment_csv_row(request, amendment: Amendment) -> tuple:
    return _decided_csv_row(request, amendment, _target(amendment),
                            request.build_absolute_uri(amendment.get_absolute_url()))


def _ping_pong_csv_row(request, item: PingPongItem, page: str) -> tuple:
    """A motion or amendment between the Houses: its target says so, with the amendments it groups."""
    grouped = ", ".join(f"Amendment {a.number}" for a in item.grouped_amendments.all() if a.number)
    return _decided_csv_row(request, item, f"Between the Houses: {item.get_type_display()}"
                            + (f" ({grouped})" if grouped else ""), page)


def _decided_csv_row(request, decided: Amendment | PingPongItem, target: str, page: str) -> tuple:
    sponsorships = list(decided.sponsorships.all())
    divisions = [link.division for link in decided.division_links.all()]
    lead = [_name(s) or "name not recorded" for s in sponsorships if s.is_lead]
    others = [_name(s) or "name not recorded" for s in sponsorships if not s.is_lead]
    return (
        decided.number, decided.bill_stage.description, decided.bill_stage.house, target,
        decision_label(decided.decision),
        "; ".join(lead),  # blank: not recorded
        "; ".join(others) or ("none" if sponsorships else ""),
        "; ".join(str(division) for division in divisions) or "none linked",
        "; ".join(request.build_absolute_uri(division.get_absolute_url()) for division in divisions) or "none linked",
        page,
    )


def _name(record: Sponsorship | Vote) -> str:
    """The name as the source gave it, else the member's; blank: not recorded."""
    return record.name or (record.member.name_display_as if record.member else "")


def _target(amendment: Amendment) -> str:
    """Where it changes the bill: "Clause 5, page 3, line 12", or the new clause or schedule's title."""
    if amendment.is_new_clause_or_schedule:
        return f"New clause or schedule: {amendment.new_clause_title or 'title not recorded'}"
    where = ["Long title"] if amendment.amendment_type == AmendmentType.EDIT_LONG_TITLE else []
    where += [f"{name} {value}" for name, value in (("Clause", amendment.clause), ("Schedule", amendment.schedule),
                                                     ("page", amendment.page_number), ("line", amendment.line_number))
              if value is not None]
    return ", ".join(where)


@cached_page
def division_detail(request, house: str, source_id: int):
    page = selectors.division_page(house=house, source_id=source_id)
    return render(request, "amendments/division_detail.html", {"page": page, "division": page.division})


VOTES_CSV_HEADER = ("Member", "Party", "Vote", "Teller")


@cached_page
def division_votes_csv(request, house: str, source_id: int):
    """Everyone recorded voting, tellers included and marked, in name order."""
    page = selectors.division_page(house=house, source_id=source_id)
    votes = page.votes
    recorded = {vote.pk: vote for vote in (*votes.for_tellers, *votes.against_tellers)}
    recorded.update((vote.pk, vote) for party in votes.parties for vote in (*party.for_votes, *party.against_votes))
    division = page.division
    return csv_response(
        filename=f"{division.bill.slug}-{division.house.lower()}-division-{division.source_id}-votes.csv",
        header=VOTES_CSV_HEADER,
        rows=(_vote_csv_row(vote) for vote in sorted(recorded.values(), key=lambda v: (v.name, v.members_api_id))))


def _vote_csv_row(vote: Vote) -> tuple:
    return _name(vote), selectors.vote_party(vote)[0], vote.get_lobby_display(), "Yes" if vote.is_teller else "No"
