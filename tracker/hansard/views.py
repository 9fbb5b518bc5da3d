"""Thin views: read the URL, call one selector, render."""

from django.shortcuts import redirect, render

from tracker.pagecache import cached_bill_page, cached_page

from . import selectors


@cached_page
def debate_detail(request, hansard_ext_id: str):
    page = selectors.debate_page(hansard_ext_id=hansard_ext_id)
    return render(request, "hansard/debate_detail.html", {"page": page, "debate": page.debate})


@cached_bill_page
def bill_debates(request, bills_api_id: int, slug: str):
    page = selectors.bill_debates(bills_api_id=bills_api_id)
    if slug != page.bill.slug:
        return redirect("hansard:bill_debates", bills_api_id, page.bill.slug, permanent=True)
    return render(request, "hansard/bill_debates.html", {"page": page, "bill": page.bill})
