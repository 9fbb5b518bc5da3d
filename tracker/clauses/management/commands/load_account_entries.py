"""Load editors' entries from an account's facts: `manage.py load_account_entries FILE [--snapshot DIR]`."""

from pathlib import Path

from django.core.management.base import BaseCommand

from tracker.clauses.account_entries import account_entries_load
from tracker.http.client import build_session


class Command(BaseCommand):
    help = ("Load editors' entries (stances a cited account records) from a JSON file, fetch the members they name "
            "that are not stored yet, and recompute the clauses.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--snapshot", metavar="DIR", help="Read the members from this snapshot, not live.")

    def handle(self, *args, path: Path, snapshot: str | None = None, **options) -> None:
        saved = account_entries_load(path, session=build_session(snapshot_dir=snapshot))
        self.stdout.write(f"{len(saved)} account entries loaded from {path}.")
