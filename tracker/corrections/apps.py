from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class CorrectionsConfig(AppConfig):
    name = "tracker.corrections"
    label = "corrections"
    verbose_name = "Corrections and review"

    def ready(self) -> None:
        post_migrate.connect(_sync_after_last_app, dispatch_uid="corrections-editor-group")


def _sync_after_last_app(app_config, **kwargs) -> None:
    """post_migrate fires once per app; the editor group needs every app's permissions."""
    if app_config is list(apps.get_app_configs())[-1]:
        from .permissions import editor_group_sync

        editor_group_sync()
