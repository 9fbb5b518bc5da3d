"""Load editors' entries from a file of an account's facts: `manage.py load_account_entries FILE`."""

from pathlib import Path

from django.core.management.base import BaseCommand

from tracker.clauses.account_entries import account_entries_load


class Command(BaseCommand):
    help = "Load editors' entries (stances a cited account records) from a JSON file, and recompute the clauses."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options) -> None:
        saved = account_entries_load(path)
        self.stdout.write(f"{len(saved)} account entries loaded from {path}.")
