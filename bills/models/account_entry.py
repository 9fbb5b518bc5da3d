"""An editor's entry: what a cited account records of someone's stance on a clause when no
API response carries it (Blackman's "SNP will support Clause 65", undated, outside any
debate). Its citation is the reason; derive turns it into a supporter or opponent of the
clause, shown on the page as an editor's entry."""

from django.conf import settings
from django.db import models

from .bill import Bill


class AccountEntry(models.Model):
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
