"""Clauses followed across the prints of a bill, by identity rather than by number.

A Print is one version of the bill's text: read from LawMaker XML, or reconstructed from the
evidence the record gives (amendment targets, new-clause titles, debate mentions) where no
text exists. A Clause is one provision's identity within a bill, whatever it is numbered;
a ClauseVersion is how it stands in one print; a ClauseLink says how a version was followed
to the next print. ClauseEvents (its status timeline) and ClauseSupports (who backs or
opposes it) are derived, each with the evidence that shows it. Everything here is written
by tracker.clauses.derive and recomputed idempotently; the one exception is a ClauseLink an admin
makes (method "admin"), which every later run keeps and obeys.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse

from bills.models import Bill, BillStage, Member, Publication


class ClauseKind(models.TextChoices):
    CLAUSE = "clause", "Clause"
    SCHEDULE = "schedule", "Schedule"


class Print(models.Model):
    """One version of the bill's text, in the order the bill went through them."""

    class Source(models.TextChoices):
        LAWMAKER_XML = "lawmaker_xml", "LawMaker XML of the print"
        RECONSTRUCTED = "reconstructed", "Reconstructed from evidence: not a complete text"

    bill = models.ForeignKey(Bill, on_delete=models.CASCADE, related_name="prints")
    key = models.SlugField(max_length=100, help_text='stable within the bill: "publication-<id>", "stage-<id>", "act"')
    position = models.PositiveIntegerField(help_text="order among the bill's prints, from 0")
    label = models.TextField(help_text='e.g. "As introduced", "As brought from the Lords"')
    publication = models.ForeignKey(Publication, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="prints")
    bill_stage = models.ForeignKey(BillStage, null=True, blank=True, on_delete=models.SET_NULL, related_name="prints",
                                   help_text="the stage this is the text for; the Act: the Royal Assent stage")
    source = models.CharField(max_length=20, choices=Source.choices)
    evidence_note = models.TextField(blank=True, help_text="for a reconstructed print: what it is built from")
    text_url = models.TextField(blank=True, help_text="the LawMaker XML read")
    content_hash = models.CharField(max_length=64, blank=True, help_text="SHA-256 of the XML last parsed")

    class Meta:
        ordering = ["bill", "position"]
        constraints = [models.UniqueConstraint(fields=["bill", "key"], name="unique_print_key")]

    def __str__(self) -> str:
        return self.label


class Clause(models.Model):
    """A clause or schedule's identity within a bill. `key` is its natural key, used in its
    address: where it first appears ("stage-9003008-clause-65", "guid-<GUID>") or the
    amendment that proposed it ("amendment-9006001"), so the address survives a rebuild.

    The summary fields (label to stage_marks) are the derived state pages read; the events
    and versions are their evidence."""

    bill = models.ForeignKey(Bill, on_delete=models.CASCADE, related_name="clauses")
    key = models.TextField()
    kind = models.CharField(max_length=16, choices=ClauseKind.choices)
    proposed_by = models.ForeignKey("amendments.Amendment", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="proposed_clauses",
                                    help_text="the amendment that tabled it as a new clause or schedule")
    superseded_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                      help_text="set when evidence showed this to be another clause: its "
                                      "address then leads there")
    position = models.PositiveIntegerField(default=0, help_text="order in the bill's clause lists")
    label = models.TextField(help_text='its latest number, e.g. "Clause 65", or "New clause"')
    heading = models.TextField(blank=True, help_text="its latest recorded heading")
    status = models.CharField(max_length=20, blank=True, help_text="kind of its last status event")
    status_stage = models.ForeignKey(BillStage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    status_date = models.DateField(null=True, blank=True)
    supporters_count = models.PositiveIntegerField(default=0, help_text="people whose evidence says they support it")
    opponents_count = models.PositiveIntegerField(default=0, help_text="people whose evidence says they oppose it")
    ledger_summary = models.TextField(blank=True,
                                      help_text="who supports and opposes it, and what the count is made of")
    stage_marks = models.JSONField(default=dict, blank=True,
                                   help_text="{bill stage id: [event kinds]}: the clause-by-stage matrix row")

    class Meta:
        ordering = ["bill", "position", "key"]
        constraints = [models.UniqueConstraint(fields=["bill", "key"], name="unique_clause_key")]

    def __str__(self) -> str:
        return f"{self.label}: {self.heading}" if self.heading else self.label

    def get_absolute_url(self) -> str:
        return reverse("clauses:detail", args=[self.bill.bills_api_id, self.bill.slug, self.key])


class ClauseVersion(models.Model):
    """A clause as it stands in one print. In a reconstructed print, every field the evidence
    does not give is blank ("not recorded"); `evidence` says what gave the rest."""

    clause = models.ForeignKey(Clause, on_delete=models.CASCADE, related_name="versions")
    print = models.ForeignKey(Print, on_delete=models.CASCADE, related_name="versions")
    kind = models.CharField(max_length=16, choices=ClauseKind.choices)
    slot = models.TextField(help_text='its key in the print: the number, or "~<clause key>" '
                            "when the number is not recorded")
    position = models.PositiveIntegerField(help_text="order in the print")
    number = models.TextField(blank=True, help_text="as printed; blank: not recorded")
    heading = models.TextField(blank=True, help_text="blank: not recorded")
    part_number = models.TextField(blank=True)
    part_heading = models.TextField(blank=True)
    chapter_number = models.TextField(blank=True)
    chapter_heading = models.TextField(blank=True)
    text = models.TextField(blank=True, help_text="plain text as printed; blank: not recorded")
    first_page = models.PositiveIntegerField(null=True, blank=True)
    first_line = models.PositiveIntegerField(null=True, blank=True)
    last_page = models.PositiveIntegerField(null=True, blank=True)
    last_line = models.PositiveIntegerField(null=True, blank=True)
    source_guid = models.TextField(blank=True, help_text="LawMaker's GUID for the provision")
    reconstructed = models.BooleanField(default=False)
    evidence = models.TextField(blank=True, help_text="for a reconstructed version: what shows each field")

    class Meta:
        ordering = ["print", "kind", "position"]
        constraints = [models.UniqueConstraint(fields=["print", "kind", "slot"], name="unique_version_slot")]

    def __str__(self) -> str:
        return f"{self.label} in {self.print}"

    @property
    def label(self) -> str:
        if not self.number:
            return f"{self.get_kind_display()} (number not recorded)"
        return f"{self.get_kind_display()} {self.number}"


class EvidenceFields(models.Model):
    """Where a derived row's evidence lies: the record's items, and words quoted from a debate."""

    amendment = models.ForeignKey("amendments.Amendment", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    contribution = models.ForeignKey("hansard.Contribution", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", help_text="the speech relied on")
    source_url = models.TextField(blank=True, help_text="e.g. the contribution on Hansard")
    quote = models.TextField(blank=True, help_text="the words relied on, exactly as recorded")

    class Meta:
        abstract = True


class ClauseLink(EvidenceFields):
    """A version followed from one print to the next: `newer` null means left out, `older`
    null means it entered the bill in the newer print. Links with method "admin" are an
    admin's corrections: derive never writes them and never overrules them."""

    class Method(models.TextChoices):
        SOURCE_ID = "source id", "Same LawMaker GUID in both prints"
        SIMILARITY = "similarity", "Heading and text similarity"
        AMENDMENT = "amendment", "An agreed amendment inserted or left it out"
        DEBATE_EVIDENCE = "debate evidence", "What was said in debate"
        ADMIN = "admin", "Corrected by an admin"

    bill = models.ForeignKey(Bill, on_delete=models.CASCADE, related_name="clause_links")
    key = models.CharField(max_length=100, help_text="older print, newer print, older and newer version ids")
    older_print = models.ForeignKey(Print, on_delete=models.CASCADE, related_name="+")
    newer_print = models.ForeignKey(Print, on_delete=models.CASCADE, related_name="+")
    older = models.ForeignKey(ClauseVersion, null=True, blank=True, on_delete=models.CASCADE,
                              related_name="links_to_newer")
    newer = models.ForeignKey(ClauseVersion, null=True, blank=True, on_delete=models.CASCADE,
                              related_name="links_from_older")
    method = models.CharField(max_length=20, choices=Method.choices)
    confidence = models.FloatField(help_text="0 to 1")
    evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["bill", "older_print__position", "pk"]
        constraints = [models.UniqueConstraint(fields=["bill", "key"], name="unique_clause_link_key")]

    def __str__(self) -> str:
        older = self.older.label if self.older_id else "(not in this print)"
        newer = self.newer.label if self.newer_id else "(left out)"
        return f"{older} → {newer} ({self.method})"


class ClauseEvent(EvidenceFields):
    """One step of a clause's history, with its evidence. `evidence_key` names the evidence
    ("amendment-9006001", "print-stage-9003008"), so recomputing is idempotent."""

    class Kind(models.TextChoices):
        INTRODUCED = "introduced", "Introduced"
        TABLED = "tabled", "Tabled as a new clause"
        INSERTED = "inserted", "Inserted"
        NOT_INSERTED = "not_inserted", "Not inserted"
        NUMBERED = "numbered", "Numbered in a print"
        AMENDED = "amended", "Amended"
        STOOD_PART = "stood_part", "Stood part"
        LEFT_OUT = "left_out", "Left out"
        RESTORED = "restored", "Restored"
        AGREED_BY_BOTH_HOUSES = "agreed_both", "Agreed by both Houses"
        ENACTED = "enacted", "Enacted"
        NOT_ENACTED = "not_enacted", "Not enacted"
        PING_PONG = "ping_pong", "Named in a ping-pong motion"

    clause = models.ForeignKey(Clause, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    evidence_key = models.CharField(max_length=100)
    sequence = models.PositiveIntegerField(help_text="order in the clause's history")
    bill_stage = models.ForeignKey(BillStage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    date = models.DateField(null=True, blank=True, help_text="null: not recorded")
    ping_pong_item = models.ForeignKey("amendments.PingPongItem", null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="+")
    division = models.ForeignKey("amendments.Division", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    print = models.ForeignKey(Print, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    confidence = models.FloatField(null=True, blank=True, help_text="below 1 when it rests on a rule over words")
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["clause", "sequence"]
        constraints = [models.UniqueConstraint(fields=["clause", "evidence_key"], name="unique_clause_event")]

    def __str__(self) -> str:
        return f"{self.clause}: {self.get_kind_display()}"


class ClauseSupport(EvidenceFields):
    """A member for or against a clause, and via what: an amendment they put their name to,
    their vote in a division on it, or what they said."""

    class Stance(models.TextChoices):
        SUPPORTS = "supports", "Supports"
        OPPOSES = "opposes", "Opposes"
        SPOKE = "spoke", "Spoke on it"

    class Via(models.TextChoices):
        SPONSOR = "sponsor", "Put their name to an amendment"
        VOTE = "vote", "Voted in a division"
        SPEECH = "speech", "Said so in debate"
        ACCOUNT = "account", "Recorded in a cited account (an editor's entry)"
        DECISION = "decision", "Decided by the committee or House, members not recorded"

    clause = models.ForeignKey(Clause, on_delete=models.CASCADE, related_name="supports")
    key = models.TextField(help_text="via, evidence and member: unique per clause")
    stance = models.CharField(max_length=10, choices=Stance.choices)
    via = models.CharField(max_length=10, choices=Via.choices)
    member = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    members_api_id = models.IntegerField(null=True, blank=True)
    name = models.TextField(blank=True, help_text="as the evidence gives it")
    party_name = models.TextField(blank=True, help_text="as the evidence gives it; blank: not recorded")
    party_colour = models.CharField(max_length=6, blank=True)
    division = models.ForeignKey("amendments.Division", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    account_entry = models.ForeignKey("AccountEntry", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+", help_text="the editor's entry it comes from")
    date = models.DateField(null=True, blank=True, help_text="when: null when the evidence gives no date")
    note = models.TextField(blank=True)
    method = models.CharField(max_length=200, blank=True, help_text="the rule that read it and its confidence")

    class Meta:
        ordering = ["clause", "stance", "party_name", "name"]
        constraints = [models.UniqueConstraint(fields=["clause", "key"], name="unique_clause_support")]

    def __str__(self) -> str:
        return f"{self.name or self.members_api_id} {self.stance} {self.clause}"


class AccountEntry(models.Model):
    """An editor's entry: what a cited account records of someone's stance on a clause when no
    API response carries it (Blackman's "SNP will support Clause 65", undated, outside any
    debate). Its citation is the reason; derive turns it into a supporter or opponent of the
    clause, shown on the page as an editor's entry."""

    class Stance(models.TextChoices):
        SUPPORTS = "supports", "Supports"
        OPPOSES = "opposes", "Opposes"
        SPOKE = "spoke", "Spoke on it (no side recorded)"

    bill = models.ForeignKey(Bill, on_delete=models.CASCADE, related_name="account_entries")
    clause_key = models.SlugField(max_length=200, help_text="the clause's key, as in its address")
    key = models.SlugField(max_length=100, help_text="unique per bill: loading the same entry again updates it")
    members_api_id = models.IntegerField(null=True, blank=True, help_text="the member, when the tracker knows them")
    name = models.CharField(max_length=300, help_text="as the account names them")
    party_name = models.CharField(max_length=200, blank=True, help_text="as the account gives it; blank: not recorded")
    stance = models.CharField(max_length=10, choices=Stance.choices)
    quote = models.TextField(blank=True, help_text="the account's words, exactly")
    said_on = models.DateField(null=True, blank=True, help_text="empty: the account gives no date (shown undated)")
    citation = models.CharField(max_length=1000, help_text="the source the account cites: its address, or the "
                                "account's name for it when it has none")
    reason = models.TextField(help_text="what the account records and why it is entered: shown on the page")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "account entries"
        constraints = [models.UniqueConstraint(fields=["bill", "key"], name="unique_account_entry")]

    def __str__(self) -> str:
        return f"{self.name} {self.stance} {self.clause_key}"

    @property
    def citation_url(self) -> str:
        """The citation when it is a web address (the page links it), else blank."""
        return self.citation if self.citation.startswith(("https://", "http://")) else ""
