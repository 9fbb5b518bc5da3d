"""One search document per searchable thing: a bill, a clause, an amendment (or ping-pong
motion, or an amendment grouped in one), a division, a member or a Hansard contribution.

Documents are derived (tracker.search.index writes them) from the rows the pages show, so
search finds what a page says, corrections included. Text is held in three weights:
`numbers` (numbers and names: "Clause 65", "Amendment 47B", a member's name) beat `heading`
(titles and headings), which beats `body` (the words). PostgreSQL ranks over `search_vector`
(GIN-indexed, migration 0002); SQLite over an FTS5 table kept in step by triggers (0002 too).
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class DocumentType(models.TextChoices):
    BILL = "bill", "Bills"
    CLAUSE = "clause", "Clauses"
    AMENDMENT = "amendment", "Amendments"
    DIVISION = "division", "Divisions"
    MEMBER = "member", "Members"
    SPEECH = "speech", "Speeches"


class SearchDocument(models.Model):
    type = models.CharField(max_length=16, choices=DocumentType.choices)
    ref = models.TextField(help_text="the thing's own id: a Parliament id, or the key in its "
                           'address ("3159/amendment-9006001" for a clause)')
    bill = models.ForeignKey("bills.Bill", null=True, blank=True, on_delete=models.CASCADE, related_name="+",
                             help_text="the bill it belongs to; null for a member")
    title = models.TextField()
    context = models.TextField(blank=True, help_text="where it stands: its bill, stage or debate")
    url = models.TextField()
    numbers = models.TextField(blank=True, help_text="weight A: numbers and names")
    heading = models.TextField(blank=True, help_text="weight B: titles and headings")
    body = models.TextField(blank=True, help_text="weight C: the words")
    search_vector = SearchVectorField(null=True, editable=False, help_text="PostgreSQL only: the weighted lexemes "
                                      "of numbers, heading and body, written by tracker.search.index")

    class Meta:
        ordering = ["type", "ref"]
        constraints = [models.UniqueConstraint(fields=["type", "ref"], name="unique_search_document")]
        indexes = [models.Index(fields=["bill", "type"])]

    def __str__(self) -> str:
        return f"{self.get_type_display()}: {self.title}"
