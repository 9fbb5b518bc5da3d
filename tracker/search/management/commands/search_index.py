from django.core.management.base import BaseCommand

from tracker.search.index import search_documents_rebuild


class Command(BaseCommand):
    help = ("Write every search document again from the stored rows: for a database filled before search "
            "existed, or after members were fetched outside a scrape. Scrapes keep the documents current.")

    def handle(self, *args, **options) -> None:
        changed = search_documents_rebuild()
        self.stdout.write(f"{changed} search documents written or removed.")
