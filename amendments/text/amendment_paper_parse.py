"""Parse an amendment paper (marshalled list) in LawMaker XML: `<amendmentList name="hcmarsh">`
holding one `<component class="amendment">` per amendment.

Pure: bytes in, frozen dataclasses out. For each amendment: its number ("NC1", "12"), its
sponsors in printed order (the member in charge, then the supporters), whether it moves a
new clause (and that clause's title and text), its target as printed in the instruction
("Clause 2, page 2, line 25, at end insert—") and the member's explanatory statement.
Other components (the programme order) are not amendments and are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from lxml import etree

from bills.text.lawmaker_parse import (
    NS,
    UKL_NS,
    child_text,
    expression_value,
    lawmaker_document,
    local_name,
    plain_text,
    print_address,
    provision_text,
    published,
    references_show_as,
)
from tracker.parsing import ParseError, parse_each

# "Clause 2, page 2, line 25, ..." / "Schedule 1, page 38, line 4, ..." / "Page 3, line 1, ..."
_PRINTED_TARGET = re.compile(
    r"^(?:(?P<kind>Clause|Schedule)\s+(?P<number>\w+),\s*)?"
    r"page\s+(?P<page>\d+),\s*line\s+(?P<line>\d+)",
    re.IGNORECASE,
)
_NEW_CLAUSE_TYPE = "newClause"


@dataclass(frozen=True)
class Sponsor:
    """A member named on an amendment. Mirrors LawMaker's `<docIntroducer>` (role "proposer",
    the member in charge) and `<docProponent>` (role "supporter"); `person_ref` is the
    LawMaker person reference (`refersTo` after the "#", e.g. "person-4839"), kept as given."""

    name: str
    role: str
    person_ref: str | None


@dataclass(frozen=True)
class AmendmentTarget:
    """Where an amendment applies, as its instruction prints it. Mirrors the opening words of
    LawMaker's `<block name="instruction">`; any part the words leave out is None."""

    kind: str | None
    number: str | None
    page: int | None
    line: int | None


@dataclass(frozen=True)
class PaperAmendment:
    """One amendment on the paper. Mirrors LawMaker's `<amendment name="hcamnd">`.

    `amendment_type` is LawMaker's `ukl:type` as given ("newClause", "insert", ...);
    `instruction` is the instruction's own words, without the text it quotes;
    `target` is None for a new clause and when the instruction names no page and line;
    `status_indicator` is the mark printed beside it ("★" = new), None when unmarked.
    """

    number: str
    sponsors: tuple[Sponsor, ...]
    amendment_type: str
    instruction: str
    target: AmendmentTarget | None
    new_clause_title: str | None
    new_clause_text: str | None = field(repr=False)
    explanatory_statement: str | None
    status_indicator: str | None

    @property
    def inserts_new_clause(self) -> bool:
        return self.new_clause_title is not None

    @property
    def sponsor_names(self) -> tuple[str, ...]:
        return tuple(sponsor.name for sponsor in self.sponsors)


@dataclass(frozen=True)
class AmendmentPaper:
    """An amendment paper. Mirrors LawMaker's `<amendmentList>` with its FRBR identification
    and TLC references (`varBillTitle`, `varStageVersion`, `varBillStageVersion`, `varHouse`).

    `stage` is the stage the paper is for ("Report Stage"); `bill_stage_label` names the print
    it amends ("As amended in Committee"), whose print number is `bill_number`.
    """

    bill_title: str
    stage: str
    bill_stage_label: str
    house: str
    session: str
    bill_number: str | None
    version: str | None
    published: dt.datetime | None
    amendments: tuple[PaperAmendment, ...]
    errors: tuple[ParseError, ...] = ()


def parse_amendment_paper(xml_bytes: bytes) -> AmendmentPaper:
    """Parse one LawMaker amendment paper. Raises ParseError if it is not one."""
    paper = lawmaker_document(xml_bytes, "amendmentList")
    references = references_show_as(paper)
    bill_title = references.get("varBillTitle")
    if not bill_title:
        raise ParseError("no bill title (TLCConcept varBillTitle)", where="amendmentList")
    work_alias = paper.find(
        "akn:meta/akn:identification/akn:FRBRWork/akn:FRBRalias[@name='alternateUri']", NS
    )
    address = print_address(work_alias.get("value") if work_alias is not None else None)
    components = paper.iterfind("akn:collectionBody/akn:component[@class='amendment']", NS)
    amendments = parse_each(components, _parse_amendment, where="amendments")
    return AmendmentPaper(
        bill_title=bill_title,
        stage=references.get("varStageVersion", ""),
        bill_stage_label=references.get("varBillStageVersion", ""),
        house=references.get("varHouse", ""),
        session=references.get("varSession", ""),
        bill_number=address.number if address else references.get("varBillNoComp") or None,
        version=expression_value(paper, "FRBRversionNumber"),
        published=published(paper),
        amendments=amendments.items,
        errors=amendments.errors,
    )


def _parse_amendment(component: etree._Element) -> PaperAmendment:
    body = component.find("akn:amendment/akn:amendmentBody", NS)
    content = body.find("akn:amendmentContent/akn:tblock", NS) if body is not None else None
    if content is None:
        raise ParseError("no <amendmentBody> with <amendmentContent>", where="component")
    where = body.get("eId") or "amendmentBody"
    number = child_text(content, "num")
    instruction = content.find("akn:block[@name='instruction']", NS)
    if not number or instruction is None:
        raise ParseError("the amendment has no number or no instruction", where=where)
    amendment_type = body.get(f"{{{UKL_NS}}}type", "")
    new_clause = (
        instruction.find("akn:mod/akn:quotedStructure/akn:section", NS)
        if amendment_type == _NEW_CLAUSE_TYPE else None
    )
    words = plain_text(instruction, leave_out={"quotedStructure"})
    return PaperAmendment(
        number=number,
        sponsors=_sponsors(body),
        amendment_type=amendment_type,
        instruction=words,
        target=None if new_clause is not None else _printed_target(words),
        new_clause_title=child_text(new_clause, "heading") if new_clause is not None else None,
        new_clause_text=provision_text(new_clause) if new_clause is not None else None,
        explanatory_statement=_explanatory_statement(body),
        status_indicator=component.get(f"{{{UKL_NS}}}statusIndicator") or None,
    )


def _explanatory_statement(body: etree._Element) -> str | None:
    statement = body.find(
        "akn:amendmentJustification/akn:blockContainer[@class='explanatoryStatement']", NS
    )
    return plain_text(statement, leave_out={"heading"}) or None if statement is not None else None


def _sponsors(body: etree._Element) -> tuple[Sponsor, ...]:
    heading = body.find("akn:amendmentHeading", NS)
    if heading is None:
        return ()
    names = heading.xpath(".//akn:docIntroducer | .//akn:docProponent", namespaces=NS)
    return tuple(
        Sponsor(
            name=plain_text(name),
            role="proposer" if local_name(name) == "docIntroducer" else "supporter",
            person_ref=(name.get("refersTo") or "").rpartition("#")[2] or None,
        )
        for name in names
    )


def _printed_target(instruction: str) -> AmendmentTarget | None:
    match = _PRINTED_TARGET.match(instruction)
    if not match:
        return None
    return AmendmentTarget(
        kind=match["kind"].lower() if match["kind"] else None,
        number=match["number"],
        page=int(match["page"]),
        line=int(match["line"]),
    )
