from django.urls import path

import tracker.converters  # noqa: F401 (registers the id, ext_id and house converters)

from . import views

app_name = "bills"

urlpatterns = [
    path("", views.bill_list, name="list"),
    path("list.csv", views.bill_list_csv, name="list_csv"),
]
