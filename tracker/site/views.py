"""Thin views of the pages that compose several domains: read the URL, call one selector, render."""

from django.contrib import admin
from django.contrib.auth.decorators import permission_required
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse

from amendments.selectors import amendment_page
from bills.selectors import latest_scrape, recently_moved_bills
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
    page = selectors.member_page(members_api_id=members_api_id, query=request.GET)
    return render(request, "site/member_detail.html", {"page": page, "member": page.member})


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
