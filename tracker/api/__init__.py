"""The public JSON API at /api/v1/: read-only resources built from the same selectors as the
pages, described by the OpenAPI 3 document django-ninja generates from the typed code."""
