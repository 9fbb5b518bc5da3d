from django.urls import path

from . import views

app_name = "bills"

urlpatterns = [
    path("", views.bill_list, name="list"),
    path("<int:bills_api_id>/", views.bill_detail, name="detail_short"),
    path("<int:bills_api_id>/<slug:slug>/", views.bill_detail, name="detail"),
    path("members/<int:members_api_id>/<slug:slug>/", views.member_detail, name="member"),
    path("<int:bills_api_id>/<slug:slug>/clauses/", views.bill_clauses, name="clauses"),
    path("<int:bills_api_id>/<slug:slug>/clauses.csv", views.bill_clauses_csv, name="clauses_csv"),
    path("<int:bills_api_id>/<slug:slug>/clauses/<slug:key>/", views.clause_detail, name="clause"),
    path("<int:bills_api_id>/<slug:slug>/clauses/<slug:key>/supporters.csv", views.clause_supporters_csv,
         name="clause_supporters_csv"),
]
