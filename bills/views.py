"""Thin views: read the URL, call one selector, render."""

from django.shortcuts import render

from tracker.pagecache import cached_page

from . import selectors
from .forms import BillFilterForm
from .models import Session

BILLS_PER_PAGE = 25


@cached_page
def bill_list(request):
    stage_types = selectors.current_stage_types()
    form = BillFilterForm(request.GET or None, stage_types=stage_types,
                          sessions=Session.objects.order_by("-bills_api_id"))
    filters = form.filters() if form.is_valid() else selectors.BillFilters()
    page = selectors.bill_list_page(filters=filters, page_number=request.GET.get("page"), per_page=BILLS_PER_PAGE,
                                    stage_types=stage_types)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "bills/bill_list.html", {"form": form, "page_obj": page, "querystring": query.urlencode(),
                                                    "stage_types": stage_types})
