"""Hansard debates on tracked bills, their contributions in order, and what each contribution
mentions (an amendment, a motion or a clause) with the stance its words show.

Debates and contributions are the Hansard API's, stored as given (text sanitised). Mentions are
derived: found in the text or the heading, matched against the stage's marshalled list and
ping-pong items, and read for a stance by the rules in stance.py. Each mention keeps
the sentence, the rule that fired and how it was matched, so a reader can judge it.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse

from bills.models import House


class Debate(models.Model):
    """A debate section (Hansard API Debate) found by searching a sitting day for the bill."""

    hansard_ext_id = models.TextField(unique=True, help_text="the section's ExtId (a GUID)")
    bill = models.ForeignKey("bills.Bill", on_delete=models.CASCADE, related_name="debates")
    house = models.TextField(choices=House.choices)
    date = models.DateField()
    title = models.TextField()
    location = models.TextField(blank=True, help_text="e.g. Grand Committee; blank: not recorded")
    volume = models.PositiveIntegerField(null=True, blank=True, help_text="Hansard volume; null: not recorded")
    bill_stage = models.ForeignKey(
        "bills.BillStage", null=True, blank=True, on_delete=models.SET_NULL, related_name="debates",
        help_text="the one stage of the bill that sat in this House that day; null when none or several did",
    )
    url = models.TextField(help_text="the debate on hansard.parliament.uk")
    content_last_updated = models.DateTimeField(null=True, blank=True, help_text="the source's ContentLastUpdated")
    content_hash = models.CharField(
        max_length=64, blank=True,
        help_text="SHA-256 of the document last read without errors; blank: read it again next time",
    )

    class Meta:
        ordering = ["date", "house", "title", "hansard_ext_id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.house}, {self.date:%-d %B %Y})"

    def get_absolute_url(self) -> str:
        return reverse("hansard:debate", args=[self.hansard_ext_id])

    @property
    def source_url(self) -> str:
        return f"{settings.HANSARD_API_URL}/debates/debate/{self.hansard_ext_id}.json"


class Contribution(models.Model):
    """One contribution of a debate (a Hansard API DebateItem of ItemType "Contribution")."""

    class MemberMatch(models.TextChoices):
        SOURCE_ID = "source id", "By the Members API id Hansard gives"
        NAME_AND_HOUSE = "name and house", "By name and House: Hansard gives no member id"
        NOT_MATCHED = "not matched", "Not matched to a member"

    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="contributions")
    order = models.PositiveIntegerField(help_text="place in the debate, from 1, in document order")
    external_id = models.TextField(blank=True)
    member = models.ForeignKey("bills.Member", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="hansard_contributions")
    members_api_id = models.IntegerField(null=True, blank=True, help_text="the MemberId Hansard gives, if any")
    attributed_to = models.TextField(blank=True, help_text="AttributedTo, as Hansard gives it")
    member_match = models.CharField(max_length=20, choices=MemberMatch.choices)
    heading = models.TextField(blank=True, help_text="the title of the section it stands in")
    section_ext_id = models.TextField(blank=True, help_text="the ExtId of that section")
    timecode = models.DateTimeField(null=True, blank=True)
    column_reference = models.TextField(blank=True,
                                        help_text='e.g. "823 cc554-7GC"; blank: not recorded')
    text_html = models.TextField(blank=True, help_text="sanitised HTML")
    text_plain = models.TextField(blank=True, help_text="plain text, paragraphs apart by a blank line; "
                                  "mention spans index into it")
    url = models.TextField(help_text="the contribution on hansard.parliament.uk")

    class Meta:
        ordering = ["debate", "order"]
        constraints = [models.UniqueConstraint(fields=["debate", "order"], name="unique_contribution_order")]

    def __str__(self) -> str:
        return f"{self.speaker} in {self.debate}"

    @property
    def speaker(self) -> str:
        if self.member_id:
            return self.member.name_display_as
        return self.attributed_to or "Speaker not recorded"

    @property
    def anchor(self) -> str:
        return f"contribution-{self.order}"

    def get_absolute_url(self) -> str:
        return f"{reverse('hansard:debate', args=[self.debate.hansard_ext_id])}#{self.anchor}"


class Mention(models.Model):
    """A numbered amendment, motion or clause a contribution refers to, in its words or in the
    heading it falls under, with the stance read from the sentence that names it."""

    class Kind(models.TextChoices):
        AMENDMENT = "amendment", "Amendment"
        MOTION = "motion", "Motion"
        CLAUSE = "clause", "Clause"

    class Stance(models.TextChoices):
        SUPPORTS = "supports", "Supports"
        OPPOSES = "opposes", "Opposes"
        NEUTRAL = "neutral", "Neutral: no rule reads a side"

    class SpeakerRole(models.TextChoices):
        MOVER = "mover", "Mover (its lead sponsor)"
        MINISTER = "minister", "Minister (a sponsor of the bill in this House)"
        CHAIR = "chair", "The Chair or Speaker (takes no side)"

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="mentions")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    number = models.TextField(help_text='as printed: "449A", "47A", "1" in "new clause 1"')
    new_clause = models.BooleanField(default=False, help_text='"new clause 1": NC1 on the marshalled list')
    stand_part = models.BooleanField(default=False, help_text='"clause N stand part"')
    from_range = models.BooleanField(default=False, help_text='inside a range ("Amendments 1 to 5"), not printed')
    in_heading = models.BooleanField(default=False, help_text="named by the heading, not in the words")
    sentence = models.TextField(help_text="the sentence the stance was read from")
    span_start = models.PositiveIntegerField(null=True, blank=True, help_text="where the number stands in "
                                             "text_plain; null for a mention in the heading")
    span_end = models.PositiveIntegerField(null=True, blank=True)
    stance = models.CharField(max_length=16, choices=Stance.choices)
    stance_rule = models.CharField(max_length=100, help_text='the rule that fired; "no-rule" when none did')
    confidence = models.FloatField(help_text="how far the rule is trusted, 0 to 1")
    speaker_role = models.CharField(max_length=16, choices=SpeakerRole.choices, blank=True)
    amendment = models.ForeignKey("amendments.Amendment", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="hansard_mentions")
    ping_pong_item = models.ForeignKey("amendments.PingPongItem", null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="hansard_mentions")
    clause_number = models.TextField(blank=True, help_text="for a clause mention, as printed")
    clause = models.ForeignKey("clauses.Clause", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="hansard_mentions",
                               help_text="the clause that number is in the print in force at the sitting; "
                               "null: not linked")
    resolution = models.TextField(help_text="how it was matched, or why it was not")

    class Meta:
        ordering = ["contribution", "in_heading", "span_start", "kind", "number"]
        constraints = [models.UniqueConstraint(fields=["contribution", "kind", "number", "span_start", "in_heading"],
                                               name="unique_mention")]
        indexes = [models.Index(fields=["kind", "clause_number"])]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """What it names, in Parliament's words: "Amendment 449", "New clause 1", "Clause 65"."""
        if self.new_clause:
            return f"New clause {self.number}"
        return f"{self.get_kind_display()} {self.number}"
