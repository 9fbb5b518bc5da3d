"""Thin views of the pages that compose several domains: read the URL, call one selector, render."""

from django.contrib import admin, messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django.template.response import TemplateResponse

from bills.selectors import latest_scrape, recently_moved_bills
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
    page = selectors.member_page(members_api_id=members_api_id)
    return render(request, "site/member_detail.html", {"page": page, "member": page.member})


@cached_page
def amendment_detail(request, bills_api_id: int):
    detail = selectors.amendment_detail(bills_api_id=bills_api_id)
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
