"""Bills, their stages and sittings, publications, and the members and parties behind them.

Field names follow Parliament's words. External ids are named after their source
(`bills_api_id`, `members_api_id`); values of choice fields are the APIs' own strings.
"""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify

from tracker.made_up_ids import is_made_up, unless_made_up


class House(models.TextChoices):
    COMMONS = "Commons", "House of Commons"
    LORDS = "Lords", "House of Lords"
    UNASSIGNED = "Unassigned", "Both Houses / not assigned"


class Party(models.Model):
    members_api_id = models.IntegerField(unique=True)
    name = models.TextField()
    abbreviation = models.TextField(blank=True)
    background_colour = models.CharField(max_length=6, blank=True, help_text="hex without #, lower case")
    foreground_colour = models.CharField(max_length=6, blank=True)

    class Meta:
        verbose_name_plural = "parties"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Member(models.Model):
    members_api_id = models.IntegerField(unique=True)
    name_display_as = models.TextField()
    name_list_as = models.TextField(blank=True)
    name_full_title = models.TextField(blank=True)
    party = models.ForeignKey(Party, null=True, blank=True, on_delete=models.SET_NULL, related_name="members")
    house = models.TextField(choices=House.choices, blank=True)
    membership_from = models.TextField(blank=True, help_text="constituency, or peerage type")
    is_current = models.BooleanField(null=True, help_text="sits in its House now (its latest membership has not "
                                     "ended, whatever its status); null: not recorded")
    membership_status = models.TextField(blank=True, help_text="the status of a membership not "
                                         "active, as the source words it (e.g. Leave of Absence); blank: active or "
                                         "not recorded")
    thumbnail_url = models.TextField(blank=True)

    class Meta:
        ordering = ["name_list_as", "name_display_as"]

    def __str__(self) -> str:
        return self.name_display_as

    def get_absolute_url(self) -> str:
        return reverse("site:member", args=[self.members_api_id, slugify(self.name_display_as) or "member"])


class BillType(models.Model):
    bills_api_id = models.IntegerField(unique=True)
    category = models.TextField()
    name = models.TextField()
    description = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.name


class StageType(models.Model):
    """A kind of stage (Bills API /Stages: e.g. 7 "2nd reading", Commons)."""

    bills_api_id = models.IntegerField(unique=True)
    name = models.TextField()
    house = models.TextField(choices=House.choices, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.house})" if self.house in (House.COMMONS, House.LORDS) else self.name


class Session(models.Model):
    bills_api_id = models.IntegerField(unique=True)
    name = models.TextField(blank=True, help_text="blank: not recorded by the source")

    def __str__(self) -> str:
        if self.name:
            return self.name
        return "session (name not recorded)" if is_made_up(self.bills_api_id) else (
            f"session {self.bills_api_id} (name not recorded)")


class Bill(models.Model):
    bills_api_id = models.IntegerField(unique=True)
    short_title = models.TextField()
    former_short_title = models.TextField(blank=True)
    long_title = models.TextField(blank=True)
    summary = models.TextField(blank=True, help_text="sanitised HTML")
    bill_type = models.ForeignKey(BillType, null=True, blank=True, on_delete=models.SET_NULL)
    introduced_session = models.ForeignKey(Session, null=True, blank=True, on_delete=models.SET_NULL,
                                           related_name="introduced_bills")
    sessions = models.ManyToManyField(Session, blank=True, related_name="bills")
    originating_house = models.TextField(choices=House.choices)
    current_house = models.TextField(choices=House.choices)
    current_stage = models.ForeignKey("BillStage", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+")
    is_act = models.BooleanField(default=False)
    act_name = models.TextField(blank=True,
                                help_text="from the bill's Act of Parliament publication")
    is_defeated = models.BooleanField(default=False)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    source_last_update = models.DateTimeField(null=True, blank=True, help_text="the source's lastUpdate")
    is_tracked = models.BooleanField(default=True, help_text="scraped by the periodic task")

    class Meta:
        ordering = ["-source_last_update"]

    def __str__(self) -> str:
        return self.short_title

    @property
    def slug(self) -> str:
        return slugify(self.short_title) or "bill"

    def get_absolute_url(self) -> str:
        return reverse("site:bill", args=[self.bills_api_id, self.slug])

    @property
    def source_url(self) -> str:
        return unless_made_up(f"https://bills.parliament.uk/bills/{self.bills_api_id}", self.bills_api_id)


class BillSponsor(models.Model):
    """A member or an organisation (e.g. the department) in charge of the bill."""

    bill = models.ForeignKey(Bill, on_delete=models.CASCADE, related_name="sponsors")
    sort_order = models.IntegerField()
    member = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="sponsorships")
    members_api_id = models.IntegerField(null=True, blank=True)
    member_name = models.TextField(blank=True, help_text="as the Bills API gives it")
    party_name = models.TextField(blank=True, help_text="as the Bills API gives it")
    party_colour = models.CharField(max_length=6, blank=True)
    member_from = models.TextField(blank=True, help_text="constituency or peerage, as the Bills API "
                                   "gives it")
    member_house = models.TextField(choices=House.choices, blank=True)
    organisation_name = models.TextField(blank=True)
    organisation_url = models.TextField(blank=True)

    class Meta:
        ordering = ["sort_order"]
        constraints = [models.UniqueConstraint(fields=["bill", "sort_order"], name="unique_sponsor_position")]


class BillStage(models.Model):
    """One stage of one bill (Bills API StageSummary; its id is the bill-stage id)."""

    bills_api_id = models.IntegerField(unique=True)
    bill = models.ForeignKey(Bill, on_delete=models.CASCADE, related_name="stages")
    stage_type = models.ForeignKey(StageType, on_delete=models.PROTECT, related_name="bill_stages")
    session_api_id = models.IntegerField(null=True, blank=True)
    description = models.TextField()
    abbreviation = models.TextField(blank=True)
    house = models.TextField(choices=House.choices)
    sort_order = models.IntegerField()

    class Meta:
        ordering = ["bill", "sort_order"]

    def __str__(self) -> str:
        return f"{self.description} ({self.house})"


class Sitting(models.Model):
    bills_api_id = models.IntegerField(unique=True)
    bill_stage = models.ForeignKey(BillStage, on_delete=models.CASCADE, related_name="sittings")
    date = models.DateField(null=True, blank=True, help_text="null: not recorded")

    class Meta:
        ordering = ["bill_stage", "date"]


class Publication(models.Model):
    """A print of the bill, an amendment paper, the Act, or another document about the bill."""

    bills_api_id = models.IntegerField(unique=True)
    bill = models.ForeignKey(Bill, on_delete=models.CASCADE, related_name="publications")
    title = models.TextField()
    house = models.TextField(choices=House.choices, blank=True)
    publication_type_api_id = models.IntegerField(null=True, blank=True)
    publication_type = models.TextField(blank=True)
    display_date = models.DateTimeField(null=True, blank=True)
    links = models.JSONField(default=list, blank=True, help_text="[{title, url, content_type}]")
    files = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["bill", "display_date", "bills_api_id"]

    def __str__(self) -> str:
        return self.title
