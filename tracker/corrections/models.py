"""Admin corrections that survive re-scrapes.

An Override holds an editor's value for one field of one scraped row, with the reason.
The row itself carries the corrected value, so every reader (pages, feeds, exports,
alerts) shows it; the store (tracker.scraping.upsert) consults the overrides on every
scrape, keeps the corrected value, remembers what the source now says in
`source_value`, and opens a Conflict when that changes.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from simple_history.models import HistoricalRecords


class Override(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    source_key = models.CharField(max_length=200, help_text="the row's id at the source, for people to read")
    row_key = models.JSONField(default=dict, blank=True, help_text="the row's natural key ({field: value}), by "
                               "which the correction finds its row again if the source removes and restores it")
    field = models.CharField(max_length=100, help_text="the column corrected (attname: party_id for a party)")
    value = models.JSONField(null=True, blank=True, help_text="the corrected value")
    source_value = models.JSONField(null=True, blank=True, help_text="what the source said when last scraped")
    reason = models.TextField(help_text="why the source is wrong; shown on the public page")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id", "field"], name="one_override_per_field")]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.source_key}: {self.field}"


class Conflict(models.Model):
    """The source changed a field an editor had corrected: keep the override or take the source?"""

    class Resolution(models.TextChoices):
        OPEN = "open", "Open"
        KEPT_OVERRIDE = "kept_override", "Kept the correction"
        ACCEPTED_SOURCE = "accepted_source", "Accepted the source"

    override = models.ForeignKey(Override, null=True, blank=True, on_delete=models.SET_NULL, related_name="conflicts",
                                 help_text="empty once the source was accepted and the correction removed")
    subject = models.CharField(max_length=300, help_text="which row and field")
    source_value = models.JSONField(null=True, help_text="what the source now says")
    orphaned = models.BooleanField(default=False, help_text="the source no longer has the corrected row; the "
                                   "correction applies again if the row comes back")
    override_value = models.JSONField(null=True, help_text="what the correction says")
    detected_at = models.DateTimeField(auto_now_add=True)
    scrape_run = models.ForeignKey("scraping.ScrapeRun", null=True, blank=True, on_delete=models.SET_NULL)
    resolution = models.CharField(max_length=20, choices=Resolution.choices, default=Resolution.OPEN)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-detected_at"]

    def __str__(self) -> str:
        if self.orphaned:
            return f"The source no longer has this row; correction says {self.override_value!r}"
        return f"Source now says {self.source_value!r}; correction says {self.override_value!r}"
