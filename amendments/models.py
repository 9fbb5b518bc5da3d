"""Amendments and their sponsors, ping-pong motions, divisions and votes, and the links
between a division and what it decided.

Values of choice fields are the APIs' own strings; a value the APIs add later is kept as
data and shown as it comes. Where the record is silent a field is null (or blank text) and
the pages say "not recorded".
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from bills.models import House
from tracker.made_up_ids import unless_made_up


class Decision(models.TextChoices):
    """The Bills API's AmendmentDecision values (2025 spec), each with a reader's label."""

    NO_DECISION = "NoDecision", "No decision recorded"
    WITHDRAWN = "Withdrawn", "Withdrawn"
    DISAGREED = "Disagreed", "Disagreed to"
    NOT_MOVED = "NotMoved", "Not moved"
    AGREED = "Agreed", "Agreed to"
    QUESTION_PROPOSED = "QuestionProposed", "Question proposed"
    NOT_SELECTED = "NotSelected", "Not selected"
    WITHDRAWN_BEFORE_DEBATE = "WithdrawnBeforeDebate", "Withdrawn before debate"
    STOOD_PART = "StoodPart", "Stood part of the bill"
    NOT_STOOD_PART = "NotStoodPart", "Did not stand part of the bill"
    PREEMPTED = "Preempted", "Pre-empted"
    NOT_CALLED = "NotCalled", "Not called"
    NEGATIVED_ON_DIVISION = "NegativedOnDivision", "Negatived on division"
    AGREED_ON_DIVISION = "AgreedOnDivision", "Agreed to on division"


class AmendmentType(models.TextChoices):
    """The Bills API's AmendmentType values."""

    EDIT_LONG_TITLE = "EditLongTitle", "Changes the long title"
    EDIT_BILL_BODY = "EditBillBody", "Changes the text of the bill"
    ADD_CLAUSE_OR_SCHEDULE = "AddClauseOrSchedule", "Inserts a new clause or schedule"
    DELETE_CLAUSE_OR_SCHEDULE = "DeleteClauseOrSchedule", "Leaves out a clause or schedule"


class SourceList(models.Model):
    """A source list read to its end at least once: a stage's amendments or ping-pong items,
    or one House's divisions on a bill. Until then an empty list means "not recorded", not
    "none"; after it, what newly appears in the list is news (a change event)."""

    class Kind(models.TextChoices):
        AMENDMENTS = "amendments", "Amendments"
        PING_PONG = "ping_pong", "Ping-pong items"
        COMMONS_DIVISIONS = "commons_divisions", "Commons divisions"
        LORDS_DIVISIONS = "lords_divisions", "Lords divisions"

    url = models.URLField(max_length=1000, unique=True, help_text="the list's address, without paging")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    bill = models.ForeignKey("bills.Bill", on_delete=models.CASCADE, related_name="source_lists")
    bill_stage = models.ForeignKey("bills.BillStage", null=True, blank=True, on_delete=models.CASCADE,
                                   related_name="source_lists")
    first_read_run = models.ForeignKey("scraping.ScrapeRun", null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="+")

    def __str__(self) -> str:
        return self.url


class DecidedItem(models.Model):
    """What amendments and ping-pong items share: a stage, a decision, sanitised texts."""

    bills_api_id = models.IntegerField(unique=True)
    list_position = models.PositiveIntegerField(help_text="place in the source's list for the stage, from 0")
    decision = models.TextField(choices=Decision.choices,
                                help_text="the API's value; one it adds later is kept and shown as it comes")
    decision_explanation_html = models.TextField(blank=True, help_text="sanitised HTML")
    decided_on = models.DateField(null=True, blank=True, help_text="the date of the division that decided it; "
                                  "null: not recorded")

    class Meta:
        abstract = True


class Amendment(DecidedItem):
    """An amendment tabled at a stage. `bills_api_id` is the Bills API `amendmentId`: the id
    its detail address takes (`/Stages/{billStageId}/Amendments/{amendmentId}`). The spec also
    sends an `id` it does not document; it is not used."""

    bill_stage = models.ForeignKey("bills.BillStage", on_delete=models.CASCADE, related_name="amendments")
    number = models.TextField(null=True, blank=True,
                              help_text="marshalledListText, e.g. 449 or NC1; null: not recorded")
    amendment_type = models.TextField(choices=AmendmentType.choices, blank=True,
                                      help_text="blank: not recorded")
    clause = models.PositiveIntegerField(null=True, blank=True)
    schedule = models.PositiveIntegerField(null=True, blank=True)
    page_number = models.PositiveIntegerField(null=True, blank=True)
    line_number = models.PositiveIntegerField(null=True, blank=True)
    position = models.TextField(blank=True, help_text="amendmentPosition, e.g. After Clause 61")
    new_clause_title = models.TextField(blank=True,
                                        help_text="the heading of the clause or schedule it inserts")
    summary = models.TextField(blank=True, help_text="summaryText, plain text")
    text_html = models.TextField(blank=True, help_text="amendmentLines, sanitised HTML")
    text_plain = models.TextField(blank=True)
    explanatory_statement_html = models.TextField(blank=True, help_text="sanitised HTML")
    explanatory_statement_plain = models.TextField(blank=True)

    class Meta:
        ordering = ["bill_stage", "list_position"]

    def __str__(self) -> str:
        return f"Amendment {self.number or '(number not recorded)'}"

    def get_absolute_url(self) -> str:
        return reverse("site:amendment", args=[self.bills_api_id])

    @property
    def source_url(self) -> str:
        stage = self.bill_stage
        return unless_made_up(f"{settings.BILLS_API_URL}/Bills/{stage.bill.bills_api_id}/Stages/{stage.bills_api_id}"
                              f"/Amendments/{self.bills_api_id}", stage.bill.bills_api_id, stage.bills_api_id,
                              self.bills_api_id)

    @property
    def is_new_clause_or_schedule(self) -> bool:
        return self.amendment_type == AmendmentType.ADD_CLAUSE_OR_SCHEDULE


class PingPongItem(DecidedItem):
    """A motion or an amendment considered between the Houses. `bills_api_id` is the
    motion's or amendment's `id`, which the detail address takes as `pingPongItemId`."""

    class Type(models.TextChoices):
        MOTION = "Motion", "Motion"
        AMENDMENT = "Amendment", "Amendment"

    bill_stage = models.ForeignKey("bills.BillStage", on_delete=models.CASCADE, related_name="ping_pong_items")
    type = models.TextField(choices=Type.choices)
    number = models.TextField(null=True, blank=True, help_text="e.g. 47A; null: not recorded")
    summary_html = models.TextField(blank=True, help_text="sanitised HTML")
    text_html = models.TextField(blank=True, help_text="the group texts, sanitised HTML")
    text_plain = models.TextField(blank=True, help_text="summary and texts, for search")

    class Meta:
        ordering = ["bill_stage", "list_position"]

    def __str__(self) -> str:
        return f"{self.type} {self.number or '(number not recorded)'}"

    @property
    def anchor(self) -> str:
        return f"ping-pong-{self.bills_api_id}"

    def get_absolute_url(self) -> str:
        bill = self.bill_stage.bill
        return reverse("amendments:bill_amendments", args=[bill.bills_api_id, bill.slug]) + f"#{self.anchor}"


class GroupedAmendment(models.Model):
    """An amendment printed within a ping-pong item's group: Amendment 47B in Motion 47A."""

    item = models.ForeignKey(PingPongItem, on_delete=models.CASCADE, related_name="grouped_amendments")
    group_position = models.PositiveIntegerField(help_text="the group's place in the item, from 0")
    position = models.PositiveIntegerField(help_text="place in the group, from 0")
    number = models.TextField(null=True, blank=True, help_text="null: not recorded")
    decision = models.TextField(choices=Decision.choices)
    text_html = models.TextField(blank=True, help_text="sanitised HTML")

    class Meta:
        ordering = ["item", "group_position", "position"]
        constraints = [models.UniqueConstraint(fields=["item", "group_position", "position"],
                                               name="unique_grouped_amendment_position")]

    def __str__(self) -> str:
        return f"Amendment {self.number or '(number not recorded)'}"

    @property
    def bill_stage(self):
        return self.item.bill_stage

    def get_absolute_url(self) -> str:
        return self.item.get_absolute_url()


SPONSORED = ("amendment", "ping_pong_item", "grouped_amendment")  # what a sponsorship may belong to
HAND_ADDED_FROM = 1000  # sponsorships an editor adds sit after every position a source list uses


class Sponsorship(models.Model):
    """A name on an amendment, a ping-pong item or a grouped amendment, in the API's order.
    `member` is null when the Members API does not know the id; the name is kept."""

    amendment = models.ForeignKey(Amendment, null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="sponsorships")
    ping_pong_item = models.ForeignKey(PingPongItem, null=True, blank=True, on_delete=models.CASCADE,
                                       related_name="sponsorships")
    grouped_amendment = models.ForeignKey(GroupedAmendment, null=True, blank=True, on_delete=models.CASCADE,
                                          related_name="sponsorships")
    position = models.PositiveIntegerField(help_text="place in the API's list, from 0")
    members_api_id = models.IntegerField()
    member = models.ForeignKey("bills.Member", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="amendment_sponsorships")
    name = models.TextField(blank=True, help_text="as the Bills API gives it")
    party_name = models.TextField(blank=True, help_text="as the Bills API gives it")
    party_colour = models.CharField(max_length=6, blank=True)
    is_lead = models.BooleanField(null=True, help_text="null: the record does not say who leads")
    added_by_hand = models.BooleanField(default=False, help_text="a supporter the source lacks, added by an editor "
                                                                 f"(positions from {HAND_ADDED_FROM}, so no source row takes its place)")

    class Meta:
        ordering = ["position"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(amendment__isnull=False, ping_pong_item=None, grouped_amendment=None)
                           | Q(amendment=None, ping_pong_item__isnull=False, grouped_amendment=None)
                           | Q(amendment=None, ping_pong_item=None, grouped_amendment__isnull=False)),
                name="sponsorship_has_one_parent",
            ),
            *(models.UniqueConstraint(fields=[parent, "position"], name=f"unique_{parent}_sponsor_position")
              for parent in SPONSORED),
        ]

    def __str__(self) -> str:
        return self.name or f"member {self.members_api_id}"

    @property
    def sponsored(self) -> "Amendment | PingPongItem | GroupedAmendment":
        return self.amendment or self.ping_pong_item or self.grouped_amendment


class Division(models.Model):
    """A division in either House, from that House's votes API. Counts are the API's own
    (Commons AyeCount/NoCount, Lords authoritative counts), never recounted from the lists."""

    class Source(models.TextChoices):
        COMMONS_VOTES = "commons_votes", "Commons Votes API"
        LORDS_VOTES = "lords_votes", "Lords Votes API"

    source = models.CharField(max_length=20, choices=Source.choices)
    source_id = models.IntegerField(help_text="the votes API's division id")
    bill = models.ForeignKey("bills.Bill", on_delete=models.CASCADE, related_name="divisions")
    house = models.TextField(choices=House.choices)
    date = models.DateField()
    number = models.PositiveIntegerField(null=True, blank=True, help_text="null: not recorded")
    title = models.TextField(blank=True)
    for_count = models.PositiveIntegerField(null=True, blank=True, help_text="ayes or contents; null: not recorded")
    against_count = models.PositiveIntegerField(null=True, blank=True, help_text="noes or not contents")
    vote_lists_recorded = models.BooleanField(help_text="false: the source gives counts (and perhaps tellers) only")
    notes_html = models.TextField(blank=True, help_text="Lords amendmentMotionNotes, sanitised HTML")
    is_government_win = models.BooleanField(null=True, help_text="Lords only; null: not recorded")
    no_vote_recorded = models.JSONField(default=list, blank=True, help_text="Commons NoVoteRecorded: [{members_api_id, "
                                        "name, party_name}]; empty: none, or the source does not say")
    found_by = models.TextField(blank=True, help_text="how the division was found to be on the bill; "
                                "blank: its title names the bill")
    found_confidence = models.FloatField(null=True, blank=True, help_text="null: its title names the bill")

    class Meta:
        ordering = ["date", "number", "source_id"]
        constraints = [models.UniqueConstraint(fields=["source", "source_id"], name="unique_division_source_id")]

    def __str__(self) -> str:
        number = f" No. {self.number}" if self.number else ""
        return f"{self.house} division{number} on {self.date:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("amendments:division", args=[self.house.lower(), self.source_id])

    @property
    def source_url(self) -> str:
        if self.source == self.Source.COMMONS_VOTES:
            return unless_made_up(f"{settings.COMMONS_VOTES_API_URL}/division/{self.source_id}.json", self.source_id)
        return unless_made_up(f"{settings.LORDS_VOTES_API_URL}/Divisions/{self.source_id}", self.source_id)

    @property
    def for_label(self) -> str:
        return "Contents" if self.house == House.LORDS else "Ayes"

    @property
    def against_label(self) -> str:
        return "Not contents" if self.house == House.LORDS else "Noes"


class Vote(models.Model):
    """One member's vote in a division, tellers included and marked."""

    class Lobby(models.TextChoices):
        AYE = "aye", "Aye"
        NO = "no", "No"
        CONTENT = "content", "Content"
        NOT_CONTENT = "not_content", "Not content"

    division = models.ForeignKey(Division, on_delete=models.CASCADE, related_name="votes")
    members_api_id = models.IntegerField()
    member = models.ForeignKey("bills.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="votes")
    name = models.TextField(blank=True, help_text="as the votes API gives it")
    party_name = models.TextField(blank=True, help_text="at the time, as the votes API gives it")
    party_colour = models.CharField(max_length=6, blank=True)
    lobby = models.CharField(max_length=16, choices=Lobby.choices)
    is_teller = models.BooleanField(default=False)
    proxy_name = models.TextField(blank=True, help_text="Commons ProxyName: who cast the vote as "
                                  "the member's proxy; blank: the member voted, or not recorded")

    class Meta:
        ordering = ["division", "lobby", "name"]
        constraints = [models.UniqueConstraint(fields=["division", "members_api_id"], name="unique_vote_per_member")]

    def __str__(self) -> str:
        return f"{self.name or self.members_api_id}: {self.get_lobby_display()}"

    @property
    def is_for(self) -> bool:
        return self.lobby in (self.Lobby.AYE, self.Lobby.CONTENT)


class DivisionLink(models.Model):
    """What a division decided, as read from its own words, and how the link was made.
    The target is null when the amendment or motion named is not among those stored."""

    class Kind(models.TextChoices):
        AMENDMENT = "amendment", "Amendment"
        MOTION = "motion", "Motion"
        NEW_CLAUSE = "new_clause", "New clause"
        CLAUSE = "clause", "Clause question"

    division = models.ForeignKey(Division, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    number = models.TextField(help_text="as printed in the division's text")
    amendment = models.ForeignKey(Amendment, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="division_links")
    ping_pong_item = models.ForeignKey(PingPongItem, null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="division_links")
    grouped_amendment = models.ForeignKey(GroupedAmendment, null=True, blank=True, on_delete=models.SET_NULL,
                                          related_name="division_links")
    method = models.TextField(help_text="which text was read, the rule that matched, and how the "
                              "target was chosen")
    matched_text = models.TextField(blank=True)

    class Meta:
        ordering = ["division", "pk"]
        constraints = [models.UniqueConstraint(fields=["division", "kind", "number"], name="unique_division_link")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    @property
    def target(self):
        return self.amendment or self.ping_pong_item or self.grouped_amendment
