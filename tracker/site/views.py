"""Thin views of the pages that compose several domains: read the URL, call one selector, render."""

from django.contrib import admin
from django.contrib.auth.decorators import permission_required
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse

from amendments.selectors import amendment_page
from amendments.store import decision_label
from bills.selectors import latest_scrape, recently_moved_bills
from tracker.exports import csv_response
from tracker.hansard.selectors import speeches_on_amendment
from tracker.pagecache import cached_bill_page, cached_page

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
    page = selectors.member_page(members_api_id=members_api_id)
    return render(request, "site/member_detail.html", {"page": page, "member": page.member})


MEMBER_AMENDMENTS_CSV_HEADER = ("Number", "Bill", "Stage", "House", "Role", "Decision", "Page")


@cached_page
def member_amendments_csv(request, members_api_id: int, slug: str):
    """The amendments and motions they led, then those they signed, as on their page."""
    page = selectors.member_page(members_api_id=members_api_id)
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
    page = selectors.member_page(members_api_id=members_api_id)
    return csv_response(filename=f"{slug}-votes.csv", header=MEMBER_VOTES_CSV_HEADER, rows=(
        (vote.division.date, vote.division.bill.short_title, vote.division.house,
         vote.division.title or str(vote.division), vote.get_lobby_display(), "Yes" if vote.is_teller else "No",
         request.build_absolute_uri(vote.division.get_absolute_url())) for vote in page.activity.votes))


@cached_page
def amendment_detail(request, bills_api_id: int):
    page = amendment_page(bills_api_id=bills_api_id)
    return render(request, "site/amendment_detail.html", {
        "page": page, "amendment": page.amendment, "speeches": speeches_on_amendment(amendment=page.amendment),
        "ledgers": selectors.amendment_ledgers(amendment=page.amendment)})


@permission_required("corrections.view_conflict", raise_exception=True)
def review_queue_view(request):
    return TemplateResponse(request, "admin/site/review_queue.html", {
        **admin.site.each_context(request), "title": "Review queue", "sections": review_queue(),
    })
