"""Thin views: read the URL, call one selector, render (or write it as CSV)."""

from django.shortcuts import render

from tracker.exports import csv_response
from tracker.pagecache import cached_page

from . import selectors
from .forms import BillFilterForm
from .models import Session

BILLS_PER_PAGE = 25


def _filtered(request, stage_types) -> tuple[BillFilterForm, selectors.BillFilters]:
    form = BillFilterForm(request.GET or None, stage_types=stage_types, sessions=Session.objects.order_by("-bills_api_id"))
    return form, form.filters() if form.is_valid() else selectors.BillFilters()


@cached_page
def bill_list(request):
    stage_types = selectors.current_stage_types()
    form, filters = _filtered(request, stage_types)
    page = selectors.bill_list_page(filters=filters, page_number=request.GET.get("page"), per_page=BILLS_PER_PAGE,
                                    stage_types=stage_types)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "bills/bill_list.html", {"form": form, "page_obj": page, "querystring": query.urlencode(),
                                                    "stage_types": stage_types})


BILLS_CSV_HEADER = ("Bill", "Long title", "Currently in", "Current stage", "Became an Act", "Act", "Latest sitting",
                    "Bill page")


@cached_page
def bill_list_csv(request):
    """Every bill the list's filters match (not one page of them), most recent activity first."""
    _, filters = _filtered(request, selectors.current_stage_types())
    return csv_response(filename="bills.csv", header=BILLS_CSV_HEADER,
                        rows=(_bill_csv_row(request, bill) for bill in selectors.bill_list(filters=filters)))


def _bill_csv_row(request, bill) -> tuple:
    stage = bill.current_stage
    return (bill.short_title, bill.long_title, bill.get_current_house_display(), stage and stage.description,
            "Yes" if bill.is_act else "No", bill.act_name, bill.last_sitting,
            request.build_absolute_uri(bill.get_absolute_url()))
