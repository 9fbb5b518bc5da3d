from django.db import models


class ChangeEvent(models.Model):
    """Something a scrape saw change that people follow: a bill moving stage, a clause's
    status, a new amendment or division. Alerts and feeds are built from these rows."""

    class Kind(models.TextChoices):
        STAGE_CHANGED = "stage_changed", "Moved to a new stage"
        SITTING_SCHEDULED = "sitting_scheduled", "New sitting scheduled"
        ROYAL_ASSENT = "royal_assent", "Royal Assent"
        AMENDMENT_TABLED = "amendment_tabled", "New amendment tabled"
        DECISION_CHANGED = "decision_changed", "Decision on an amendment or motion changed"
        DIVISION_HELD = "division_held", "Division held"
        HANSARD_MENTION = "hansard_mention", "Spoke on an amendment, motion or clause in debate"
        CLAUSE_STATUS_CHANGED = "clause_status_changed", "A clause's status changed"

    kind = models.CharField(max_length=40, choices=Kind.choices)
    bill = models.ForeignKey("bills.Bill", on_delete=models.CASCADE, related_name="events")
    member = models.ForeignKey("bills.Member", null=True, blank=True, on_delete=models.CASCADE, related_name="events")
    clause = models.ForeignKey("clauses.Clause", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="change_events", help_text="the clause whose status changed")
    summary = models.TextField(help_text="the change in one sentence")
    detail = models.JSONField(default=dict, blank=True, help_text="before/after values and source ids")
    occurred_on = models.DateField(null=True, blank=True, help_text="when it happened in Parliament, if known")
    detected_at = models.DateTimeField(auto_now_add=True)
    scrape_run = models.ForeignKey("scraping.ScrapeRun", null=True, blank=True, on_delete=models.SET_NULL)
    evidence_url = models.TextField(blank=True)

    class Meta:
        ordering = ["-detected_at", "-pk"]
        indexes = [models.Index(fields=["bill", "-detected_at"])]

    def __str__(self) -> str:
        return self.summary
