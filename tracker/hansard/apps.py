from django.apps import AppConfig


class HansardConfig(AppConfig):
    name = "tracker.hansard"
    label = "hansard"
    verbose_name = "Hansard debates"
