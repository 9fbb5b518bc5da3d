from django.apps import AppConfig


class ScrapingConfig(AppConfig):
    name = "tracker.scraping"
    label = "scraping"
    verbose_name = "Scrape runs"
