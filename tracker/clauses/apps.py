from django.apps import AppConfig


class ClausesConfig(AppConfig):
    name = "tracker.clauses"
    label = "clauses"
    verbose_name = "Clauses across prints"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (a correction anywhere recomputes the bill's clauses)
