from django.conf import settings
from django.db import models


class ScrapeRun(models.Model):
    """One run of the scraper: what it read from, what it wrote, and what went wrong."""

    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        PARTIAL = "partial", "Finished with failures"
        FAILED = "failed", "Failed"

    started_at = models.DateTimeField(auto_now_add=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True, help_text="last sign of life of the process running it; "
                                        "a running run silent for long is marked failed by the stale-run sweep")
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RUNNING)
    source = models.CharField(max_length=500, help_text="live, or the snapshot replayed or recorded")
    reconstructed = models.BooleanField(default=False, help_text="replayed a snapshot whose manifest says it was "
                                        "reconstructed from secondary sources, not recorded")
    reconstructed_records = models.JSONField(
        default=dict, blank=True,
        help_text="the reconstructed snapshot manifest's reconstructed_records: per record id, the sources cited "
                  "for it and what no API shape carries (a session's name, a Hansard column reference)")
    trigger = models.CharField(max_length=50, default="command", help_text="command, task or admin")
    bill_ids = models.JSONField(default=list, blank=True)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    missing = models.PositiveIntegerField(default=0, help_text="records the source answered 404 for")

    class Meta:
        ordering = ["-started_at"]
        indexes = [
            models.Index(fields=["-started_at"], name="scraperun_started_idx"),
            # The latest finished run (home page, review queue, `scrape --updated-since`), the
            # running ones the stale-run sweep checks, and the few replays of reconstructed
            # snapshots (every page's source links): each a handful of rows among months of runs.
            models.Index(fields=["-started_at"], condition=~models.Q(status="running"), name="scraperun_finished_idx"),
            models.Index(fields=["heartbeat_at"], condition=models.Q(status="running"), name="scraperun_running_idx"),
            models.Index(fields=["id"], condition=models.Q(reconstructed=True), name="scraperun_reconstructed_idx"),
        ]

    def __str__(self) -> str:
        return f"Scrape {self.pk} ({self.get_status_display()}, {self.source})"

    @property
    def wrote_nothing(self) -> bool:
        return self.created == 0 and self.updated == 0


class ScrapeProblem(models.Model):
    """Something a run could not fetch or read: recorded with its URL, and the run went on."""

    class Kind(models.TextChoices):
        NOT_FOUND = "not_found", "Not found at the source"
        FETCH_FAILED = "fetch_failed", "Fetch failed"
        PARSE_ERROR = "parse_error", "Could not be read"
        LOCKED = "locked", "Skipped: another run holds the bill"
        STORE_FAILED = "store_failed", "Could not be stored"
        LARGE_LOSS = "large_loss", "Held back: would remove much of what is stored"
        INTERRUPTED = "interrupted", "The run was interrupted"

    run = models.ForeignKey(ScrapeRun, on_delete=models.CASCADE, related_name="problems")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    step = models.CharField(max_length=50)
    url = models.TextField(blank=True)
    message = models.TextField()
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.url or self.step}"


class ScrapedBill(models.Model):
    """A bill one run read, and whether the run wrote any of its rows: the bill page's
    "last checked" and "last changed" come from here, so checking writes no bill row."""

    run = models.ForeignKey(ScrapeRun, on_delete=models.CASCADE, related_name="scraped_bills")
    bills_api_id = models.IntegerField(db_index=True)
    wrote_rows = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "bills_api_id"], name="unique_bill_per_run")]
        # The bill page's "last checked" and "last changed": the newest run for a bill, with
        # months of hourly runs behind it.
        indexes = [models.Index(fields=["bills_api_id", "-run"], name="scrapedbill_latest_idx"),
                   models.Index(fields=["bills_api_id", "wrote_rows", "-run"], name="scrapedbill_changed_idx")]


class ListedEntry(models.Model):
    """What a source list last said of one of its items (an amendment, a ping-pong item, a
    division, a debate), as a digest: while the entry reads the same, the item is not fetched
    in detail or stored again."""

    list_url = models.CharField(max_length=1000, help_text="the list's address, without paging")
    item_key = models.CharField(max_length=200, help_text="the item's id in the list")
    digest = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["list_url", "item_key"], name="unique_item_per_list")]

    def __str__(self) -> str:
        return f"{self.list_url} #{self.item_key}"


class HeldBackLoss(models.Model):
    """A removal a store step held back: it would have deleted or blanked more than
    TRACKER_LOSS_GUARD_SHARE of a bill's rows of one kind. The old rows stay; once an editor
    confirms it on the review queue, the next scrape making that removal (no larger) applies it."""

    class Status(models.TextChoices):
        HELD = "held", "Held back: waiting for an editor"
        CONFIRMED = "confirmed", "Confirmed: the next scrape applies it"
        APPLIED = "applied", "Applied"

    bills_api_id = models.IntegerField(db_index=True, help_text="the bill whose rows would go")
    kind = models.CharField(max_length=200, help_text='what would go, e.g. "amendment sponsorships removed"')
    would_go = models.PositiveIntegerField(help_text="rows the store step would delete or blank")
    stored = models.PositiveIntegerField(help_text="the rows of that kind within the step's reach when it was held back")
    url = models.TextField(blank=True, help_text="the source read")
    run = models.ForeignKey(ScrapeRun, null=True, blank=True, on_delete=models.SET_NULL,
                            related_name="held_back_losses", help_text="the latest run that held it back")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.HELD)
    held_at = models.DateTimeField(auto_now_add=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    confirmed_at = models.DateTimeField(null=True, blank=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-held_at", "-pk"]
        indexes = [models.Index(fields=["bills_api_id", "kind", "status"], name="heldbackloss_key_idx")]

    def __str__(self) -> str:
        return f"Bill {self.bills_api_id}: {self.would_go} of {self.stored} {self.kind}"
