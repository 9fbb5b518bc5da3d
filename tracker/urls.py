from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from bills import views as bill_views

from .corrections.views import review_queue_view
from .health import healthz

urlpatterns = [
    path("", bill_views.home, name="home"),
    path("about/", TemplateView.as_view(template_name="tracker/about.html"), name="about"),
    path("healthz", healthz, name="healthz"),
    path("bills/", include("bills.urls")),
    path("alerts/", include("tracker.alerts.urls")),
    path("", include("amendments.urls")),
    path("", include("tracker.hansard.urls")),
    path("admin/review/", admin.site.admin_view(review_queue_view), name="review_queue"),
    path("admin/", admin.site.urls),
]
