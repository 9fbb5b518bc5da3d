from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "tracker.search"
    label = "search"
    verbose_name = "Site search"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (a correction refreshes what search finds)
