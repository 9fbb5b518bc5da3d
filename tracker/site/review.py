"""The review queue: what the scrapers were unsure of, and what an editor must settle."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, Subquery
from django.urls import reverse

from amendments.models import Division, DivisionLink
from bills.models import Bill
from tracker.clauses.models import ClauseLink
from tracker.corrections.models import Conflict
from tracker.hansard.models import Mention
from tracker.scraping.models import HeldBackLoss, ScrapeProblem, ScrapeRun

SHOWN = 50
LOW_CONFIDENCE = 0.9


@dataclass(frozen=True)
class ReviewItem:
    title: str
    detail: str
    record_url: str  # the record in the admin
    source_url: str  # where the source says it
    confirm_url: str = ""  # where an editor confirms it, if it waits for that


@dataclass(frozen=True)
class ReviewSection:
    heading: str
    explanation: str
    total: int
    items: list[ReviewItem]


def _admin_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def _section(heading: str, explanation: str, queryset, item) -> ReviewSection:
    return ReviewSection(heading, explanation, queryset.count(), [item(obj) for obj in queryset[:SHOWN]])


def review_queue() -> list[ReviewSection]:
    last_run = ScrapeRun.objects.exclude(status=ScrapeRun.Status.RUNNING).first()
    problems = ScrapeProblem.objects.filter(run=last_run).exclude(kind=ScrapeProblem.Kind.NOT_FOUND)
    members_missing = ScrapeProblem.objects.filter(run=last_run, kind=ScrapeProblem.Kind.NOT_FOUND,
                                                   url__contains="/Members/")
    linked = DivisionLink.objects.filter(division=OuterRef("pk")).filter(
        Q(amendment__isnull=False) | Q(ping_pong_item__isnull=False) | Q(grouped_amendment__isnull=False))
    return [
        _section("Large losses held back", "A scrape would have deleted or blanked most of a bill's rows of one "
                 "kind; the stored rows were kept. Confirm only when the source really dropped them: the next "
                 "scrape then applies the removal.", _held_back_losses(), _held_back_item),
        _section("Conflicts", "The source changed a field an editor had corrected: keep the correction or take the source.",
                 Conflict.objects.filter(resolution=Conflict.Resolution.OPEN).select_related("override"),
                 lambda c: ReviewItem(c.subject, str(c), _admin_url(c), "")),
        _section("Could not be fetched or read", "From the latest scrape run.",
                 problems, lambda p: ReviewItem(p.get_kind_display(), f"[{p.step}] {p.message}", _admin_url(p), p.url)),
        _section("Members not found", "The Members API did not return these members; their names are kept as given.",
                 members_missing, lambda p: ReviewItem("Member not found", p.message, _admin_url(p), p.url)),
        _section("Clause links the tracker is unsure of", f"Links with confidence under {LOW_CONFIDENCE}; "
                 "an admin link made here wins on every later run.",
                 ClauseLink.objects.filter(confidence__lt=LOW_CONFIDENCE).exclude(method="admin")
                 .select_related("older_print", "newer_print").order_by("confidence"),
                 lambda link: ReviewItem(f"{link.older_print.label} → {link.newer_print.label}",
                                         f"{link.get_method_display()}, confidence {link.confidence:.2f}. {link.evidence}",
                                         _admin_url(link), link.source_url)),
        _section("Hansard mentions not resolved", "Numbers named in debate that match nothing stored for that stage.",
                 Mention.objects.filter(amendment=None, ping_pong_item=None, clause=None)
                 .select_related("contribution").order_by("pk"),
                 lambda m: ReviewItem(f"{m.get_kind_display()} {m.number}", f"{m.resolution}: “{m.sentence}”",
                                      _admin_url(m), m.contribution.url)),
        _section("Divisions not linked to what they decided", "No amendment or motion could be read from the division.",
                 Division.objects.annotate(linked=Exists(linked)).filter(linked=False).order_by("-date"),
                 lambda d: ReviewItem(str(d), d.title, _admin_url(d), d.source_url)),
    ]


def _held_back_losses():
    bill_title = Bill.objects.filter(bills_api_id=OuterRef("bills_api_id")).values("short_title")[:1]
    return HeldBackLoss.objects.filter(status=HeldBackLoss.Status.HELD).annotate(bill_title=Subquery(bill_title))


def _held_back_item(loss: HeldBackLoss) -> ReviewItem:
    return ReviewItem(f"{loss.bill_title or f'Bill {loss.bills_api_id}'}: {loss.kind}",
                      f"{loss.would_go} of {loss.stored} would go (held back {loss.held_at:%-d %B %Y %H:%M}).",
                      _admin_url(loss), loss.url if loss.url.startswith(("http://", "https://")) else "",
                      reverse("site:held_back_loss_confirm", args=[loss.pk]))
