from django.contrib import admin
from django.contrib.auth.decorators import permission_required
from django.template.response import TemplateResponse

from .review import review_queue


@permission_required("corrections.view_conflict", raise_exception=True)
def review_queue_view(request):
    return TemplateResponse(request, "admin/corrections/review_queue.html", {
        **admin.site.each_context(request), "title": "Review queue", "sections": review_queue(),
    })
