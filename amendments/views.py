"""Thin views: read the URL, call one selector, render."""

from django.shortcuts import redirect, render

from tracker.hansard.selectors import speeches_on_amendment

from . import selectors
from .forms import AmendmentFilterForm


def bill_amendments(request, bills_api_id: int, slug: str):
    form = AmendmentFilterForm(request.GET or None)
    filters = form.filters() if form.is_valid() else selectors.AmendmentFilters()
    page = selectors.bill_amendments_page(bills_api_id=bills_api_id, filters=filters,
                                          page_number=request.GET.get("page"))
    if slug != page.bill.slug:
        return redirect("amendments:bill_amendments", bills_api_id=bills_api_id, slug=page.bill.slug, permanent=True)
    form.party_choices_set(page.parties)
    return render(request, "amendments/bill_amendments.html", {"page": page, "bill": page.bill, "form": form,
                                                                "page_obj": page.page_obj})


def amendment_detail(request, bills_api_id: int):
    page = selectors.amendment_page(bills_api_id=bills_api_id)
    return render(request, "amendments/amendment_detail.html", {
        "page": page, "amendment": page.amendment, "speeches": speeches_on_amendment(amendment=page.amendment)})


def division_detail(request, house: str, source_id: int):
    page = selectors.division_page(house=house, source_id=source_id)
    return render(request, "amendments/division_detail.html", {"page": page, "division": page.division})
