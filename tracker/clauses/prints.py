"""The bill's prints: read from LawMaker XML where a publication offers it, reconstructed
for every other amending stage, and the Act.

A publication of type "Bill" that offers XML (a link or a file the Bills API serves, by its
content type or a name ending in ".xml") is fetched through the shared session; a file from
the Bills API's document download address. A body the source says is unchanged
(`X-Tracker-Not-Modified`) or whose SHA-256 is the one last parsed is not parsed again: its
clauses are read back from the store. A print published on a date is the text for the first
stage after that date that is not a reading; a print no dated sitting places is for the stage
whose print would carry its own label ("As brought from the Lords"), if exactly one does.
Every amending stage (`stages.StagePlan`) no LawMaker print is for gets a reconstructed print;
a bill that became an Act gets a last print, the Act: its LawMaker XML where the Act's
publication offers one, else no text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

from django.conf import settings

from bills.models import Bill, Publication
from bills.sources.bills_api_fetch import document_download_url
from bills.text.lawmaker_parse import BillPrint, parse_print
from tracker.http.conditional import NOT_MODIFIED_HEADER
from tracker.http.fetch import get_response
from tracker.scraping.pipeline import ScrapeContext
from tracker.scraping.values import uk_date

from .stages import StageFacts, StagePlan

BILL_PUBLICATION_TYPE = "Bill"
ACT_PUBLICATION_TYPE = "Act of Parliament"
RECONSTRUCTED_NOTE = ("No text of this print is in the record. Its clauses are those the record shows in it: "
                      "amendments that target them or are placed beside them, and debates that name them.")


@dataclass(frozen=True)
class FetchedText:
    """A LawMaker print as fetched: `parsed` is None when it is unchanged since last parsed."""

    url: str
    content_hash: str
    parsed: BillPrint | None


@dataclass(frozen=True)
class PlannedPrint:
    """A print to store (a bills.Print row)."""

    key: str
    label: str
    source: str  # Print.Source value
    publication_pk: int | None
    stage_pk: int | None
    evidence_note: str = ""
    text_url: str = ""
    content_hash: str = ""
    is_act: bool = False


def lawmaker_url(publication: Publication) -> str | None:
    """The address of the publication's XML: a link to it, else the file the Bills API serves."""
    for link in publication.links or ():
        url = link.get("url") or ""
        if _is_xml(link.get("content_type"), urlparse(url).path):
            return url
    for document in publication.files or ():
        if document.get("id") is not None and _is_xml(document.get("content_type"), document.get("filename")):
            return document_download_url(base_url=settings.BILLS_API_URL, publication_id=publication.bills_api_id,
                                         document_id=document["id"])
    return None


def _is_xml(content_type: str | None, name: str | None) -> bool:
    return "xml" in (content_type or "").lower() or (name or "").lower().endswith(".xml")


def print_publications(publications: Iterable[Publication]) -> list[Publication]:
    """The bill's prints and the Act that offer LawMaker XML."""
    return [p for p in publications
            if p.publication_type in (BILL_PUBLICATION_TYPE, ACT_PUBLICATION_TYPE) and lawmaker_url(p)]


def lawmaker_texts_fetch(context: ScrapeContext, publications: Iterable[Publication],
                         parsed_hashes: dict[int, str]) -> dict[int, FetchedText]:
    """{publication pk: FetchedText} for each print that could be fetched and read;
    `parsed_hashes` holds the hash last parsed per publication pk. Failures are recorded."""
    fetched: dict[int, FetchedText] = {}
    for publication in publications:
        url = lawmaker_url(publication)
        with context.recorder.fetching(url_hint=url):
            response = get_response(context.session, url)
            digest = hashlib.sha256(response.content).hexdigest()
            known = parsed_hashes.get(publication.pk)
            if known and (known == digest or response.headers.get(NOT_MODIFIED_HEADER)):
                fetched[publication.pk] = FetchedText(url, known, None)
                continue
            parsed = parse_print(response.content)
            context.recorder.parse_errors(parsed.errors, url=url)
            fetched[publication.pk] = FetchedText(url, digest, parsed)
    return fetched


def publication_stage(publication: Publication, stages: Sequence[StageFacts], *, label: str = "",
                      labels: dict[int, str] | None = None) -> int | None:
    """The stage a print is for: the first non-reading stage sitting on or after its date;
    else the one stage whose print `labels` (stage pk -> label) names as the print names itself."""
    published = uk_date(publication.display_date) if publication.display_date else None
    dated = next((s.pk for s in stages if not s.is_reading and s.first_sitting and published
                  and s.first_sitting >= published), None)
    if dated is not None or not label:
        return dated
    named = [pk for pk, stage_label in (labels or {}).items() if stage_label == label]
    return named[0] if len(named) == 1 else None


def planned_prints(*, bill: Bill, plan: StagePlan, lawmaker: Sequence[tuple[Publication, int | None, str, str]],
                   act: Publication | None, stage_api_ids: dict[int, int]) -> list[PlannedPrint]:
    """Every print of the bill in order. `lawmaker`: (publication, stage pk, label, content
    hash) of each LawMaker print read (the Act's, if read, is the Act print's text);
    `stage_api_ids`: stage pk -> bill-stage id."""
    act_text = next((entry for entry in lawmaker if act is not None and entry[0].pk == act.pk), None)
    lawmaker = [entry for entry in lawmaker if entry is not act_text]
    order = {pk: index for index, pk in enumerate(s.pk for s in plan.stages)}
    with_text = {stage_pk for _, stage_pk, _, _ in lawmaker if stage_pk is not None}
    found = [
        (order.get(stage_pk, len(order)), uk_date(p.display_date) or dt.date.max,
         PlannedPrint(f"publication-{p.bills_api_id}", label, "lawmaker_xml", p.pk, stage_pk,
                      f"{p.title}: LawMaker XML", lawmaker_url(p) or "", digest))
        for p, stage_pk, label, digest in lawmaker
    ]
    found += [
        (order[stage_pk], dt.date.max, PlannedPrint(f"stage-{stage_api_ids[stage_pk]}", plan.label(stage_pk),
                                                    "reconstructed", None, stage_pk, RECONSTRUCTED_NOTE))
        for stage_pk in plan.amending if stage_pk not in with_text
    ]
    ordered = [planned for _, _, planned in sorted(found, key=lambda item: (item[0], item[1]))]
    if bill.is_act:
        ordered.append(_act_print(bill, act, act_text))
    return ordered


def _act_print(bill: Bill, act: Publication | None, act_text: tuple | None) -> PlannedPrint:
    label = bill.act_name or "The Act (name not recorded)"
    if act_text is not None:
        publication, _, _, digest = act_text
        return PlannedPrint("act", label, "lawmaker_xml", publication.pk, bill.current_stage_id,
                            f"{publication.title}: LawMaker XML", lawmaker_url(publication) or "", digest, is_act=True)
    return PlannedPrint(
        "act", label, "reconstructed", act.pk if act else None, bill.current_stage_id,
        "The bill became an Act (the Bills API's isAct); no text of the Act is in the record, so the only "
        "clauses known to be missing from it are those left out and never restored.", is_act=True)
