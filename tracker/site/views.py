"""Thin views of the pages that compose several domains: read the URL, call one selector, render."""

from django.contrib import admin, messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django.template.response import TemplateResponse

from amendments.store import decision_label
from bills.selectors import latest_scrape, recently_moved_bills
from tracker.exports import csv_response
from tracker.listing import WHOLE
from tracker.pagecache import cached_bill_page, cached_page
from tracker.scraping.loss_guard import held_back_confirm
from tracker.scraping.models import HeldBackLoss

from . import selectors
from .review import review_queue


@cached_page
def home(request):
    return render(request, "site/home.html", {"bills": recently_moved_bills(limit=10), "latest_scrape": latest_scrape()})


@cached_bill_page
def bill_detail(request, bills_api_id: int, slug: str = ""):
    page = selectors.bill_page(bills_api_id=bills_api_id)
    if slug != page.bill.slug:
        return redirect(page.bill, permanent=True)
    return render(request, "site/bill_detail.html", {"page": page, "bill": page.bill})


@cached_page
def member_detail(request, members_api_id: int, slug: str):
    page = selectors.member_page(members_api_id=members_api_id, query=request.GET)
    return render(request, "site/member_detail.html", {"page": page, "member": page.member})


MEMBER_AMENDMENTS_CSV_HEADER = ("Number", "Bill", "Stage", "House", "Role", "Decision", "Page")


@cached_page
def member_amendments_csv(request, members_api_id: int, slug: str):
    """The amendments and motions they led, then those they signed, as on their page."""
    page = selectors.member_page(members_api_id=members_api_id, query=WHOLE)  # the whole lists, not a page
    activity = page.activity
    rows = [_sponsorship_csv_row(request, sponsorship, "Lead") for sponsorship in activity.led]
    rows += [_sponsorship_csv_row(request, sponsorship, "Supporter" if sponsorship.is_lead is False else
                                  "Named (the record does not say who leads)") for sponsorship in activity.supported]
    return csv_response(filename=f"{slug}-amendments.csv", header=MEMBER_AMENDMENTS_CSV_HEADER, rows=rows)


def _sponsorship_csv_row(request, sponsorship, role: str) -> tuple:
    sponsored = sponsorship.sponsored
    stage = sponsored.bill_stage
    return (sponsored.number, stage.bill.short_title, stage.description, stage.house, role,
            decision_label(sponsored.decision), request.build_absolute_uri(sponsored.get_absolute_url()))


MEMBER_VOTES_CSV_HEADER = ("Date", "Bill", "House", "Division", "Vote", "Teller", "Division page")


@cached_page
def member_votes_csv(request, members_api_id: int, slug: str):
    """Their votes in divisions on tracked bills, newest first, as on their page."""
    page = selectors.member_page(members_api_id=members_api_id, query=WHOLE)  # the whole lists, not a page
    return csv_response(filename=f"{slug}-votes.csv", header=MEMBER_VOTES_CSV_HEADER, rows=(
        (vote.division.date, vote.division.bill.short_title, vote.division.house,
         vote.division.title or str(vote.division), vote.get_lobby_display(), "Yes" if vote.is_teller else "No",
         request.build_absolute_uri(vote.division.get_absolute_url())) for vote in page.activity.votes))


@cached_page
def amendment_detail(request, bills_api_id: int):
    detail = selectors.amendment_detail(bills_api_id=bills_api_id, query=request.GET)
    return render(request, "site/amendment_detail.html", {
        "page": detail.page, "amendment": detail.page.amendment, "speeches": detail.speeches,
        "ledgers": detail.ledgers})


@permission_required("corrections.view_conflict", raise_exception=True)
def review_queue_view(request):
    return TemplateResponse(request, "admin/site/review_queue.html", {
        **admin.site.each_context(request), "title": "Review queue", "sections": review_queue(),
    })


@require_POST
@permission_required("scraping.change_heldbackloss", raise_exception=True)
def held_back_loss_confirm(request, pk: int):
    loss = get_object_or_404(HeldBackLoss, pk=pk)
    if held_back_confirm(loss=loss, user=request.user):
        messages.success(request, f"Confirmed for bill {loss.bills_api_id}: {loss.kind}, {loss.would_go} rows. "
                                  "The next scrape applies it.")
    return redirect("site:review_queue")
