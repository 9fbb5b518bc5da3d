from django.apps import AppConfig


class ScrapingConfig(AppConfig):
    name = "tracker.scraping"
    label = "scraping"
    verbose_name = "Scrape runs"

    def ready(self) -> None:
        # Load the Celery app with Django, so @shared_task binds to it in web processes too.
        # (Not in tracker/__init__.py: the pure parsers import tracker.parsing and must not
        # drag Celery and Django in with it.)
        from tracker import celery  # noqa: F401
        from tracker import pagecache

        pagecache.connect()  # an editor's change renders every cached page afresh
