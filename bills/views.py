"""Thin views: read the URL, call one selector, render."""

from django.core.paginator import Paginator
from django.shortcuts import render

from tracker.pagecache import cached_page

from . import selectors
from .forms import BillFilterForm
from .models import Session

BILLS_PER_PAGE = 25


@cached_page
def bill_list(request):
    form = BillFilterForm(request.GET or None, stage_types=selectors.current_stage_types(),
                          sessions=Session.objects.order_by("-bills_api_id"))
    filters = form.filters() if form.is_valid() else selectors.BillFilters()
    page = Paginator(selectors.bill_list(filters=filters), BILLS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "bills/bill_list.html", {"form": form, "page_obj": page, "querystring": query.urlencode()})
