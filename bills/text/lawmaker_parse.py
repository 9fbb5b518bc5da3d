"""Parse a bill print in LawMaker XML (Akoma Ntoso 3.0 with the UK-AKN extension).

`parse_print(xml_bytes)` gives the print's identity and its clauses and schedules in order.
Pure: bytes in, frozen dataclasses out. The reading helpers at the bottom (loading a LawMaker
document, its TLC references, its print addresses, printed text with page/line markers) are
shared with `amendment_paper_parse`.

Rules worth knowing:
- A clause is a `<section>` of the body, a schedule an `<hcontainer name="schedule">`; the
  sections and schedules quoted inside them (text inserted into other Acts) are not counted.
- Numbers are kept as printed, without the word in front: clause "24", "12A"; "Schedule 1"
  gives "1"; "Part 2" gives "2". `Provision.label` puts the word back.
- Text is the words as printed, one space between blocks, with the quotation marks LawMaker
  keeps in `startQuote`/`endQuote` attributes put back; reference notes (`authorialNote`,
  e.g. "Section 13" on a schedule's number) are left out.
- Page and line (the `<?L page-line?>` markers, which amendments cite as "page X, line Y"):
  a marker stands at the start of a printed line. A provision's first line is the first
  marker inside it, unless printed words come before that marker (it starts mid-line), in
  which case it is the last marker before the provision. Its last line is the last marker
  inside it; a provision with no marker inside sits wholly on the line of the last marker
  before it. Malformed markers are ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial

from lxml import etree

from tracker.parsing import ParseError, parse_datetime, parse_each

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
UKL_NS = "https://www.legislation.gov.uk/namespaces/UK-AKN"
NS = {"akn": AKN_NS, "ukl": UKL_NS}


@dataclass(frozen=True)
class PageLine:
    """A printed page and line. Mirrors LawMaker's `<?L page-line?>` processing instruction."""

    page: int
    line: int

    def __str__(self) -> str:
        return f"page {self.page}, line {self.line}"


@dataclass(frozen=True)
class Division:
    """A Part or Chapter a clause sits in. Mirrors LawMaker's `<part>` / `<chapter>` element."""

    number: str
    heading: str


@dataclass(frozen=True)
class Provision:
    """One clause or schedule of a print. Mirrors LawMaker's `<section>` (clause) and
    `<hcontainer name="schedule">` (schedule) elements.

    `kind` is "clause" or "schedule"; `heading` is "" when the print gives none;
    `guid` is LawMaker's `GUID` attribute, which survives reprints; `eid` is positional.
    """

    kind: str
    number: str
    heading: str
    text: str = field(default="", repr=False)
    part: Division | None = None
    chapter: Division | None = None
    crossheading: str = ""
    guid: str | None = None
    eid: str = ""
    first_line: PageLine | None = None
    last_line: PageLine | None = None

    @property
    def label(self) -> str:
        """The provision as Parliament names it: "Clause 24", "Schedule 1"."""
        return f"{self.kind.capitalize()} {self.number}"


@dataclass(frozen=True)
class PrintAddress:
    """A LawMaker address of a bill print. Mirrors `<FRBRalias name="alternateUri">`, e.g.
    https://lawmaker.legislation.gov.uk/pdr/ukpubb/HC/58_3/177/bill: House "HC", session
    "58_3", print number "177"."""

    uri: str
    house: str
    session: str
    number: str


@dataclass(frozen=True)
class BillPrint:
    """One print of a bill. Mirrors the LawMaker `<bill name="ukpubb">` document: its FRBR
    identification, TLC references (`varBillTitle`, `varStageVersion`, `varHouse`,
    `varSession`, `varBillNoComp`) and body.

    `version` is `FRBRversionNumber` ("introd-hl-hc"); `stage_label` is how the print names
    its stage ("As brought from the Lords"); `bill_number` is the print number ("177"), from
    this print's address or else `varBillNoComp`. `addresses` are all the addresses the bill's
    work lists, the bill's earlier prints included, in document order. `errors` holds one
    ParseError per clause or schedule that could not be read; the rest are still parsed.
    """

    title: str
    version: str
    stage_label: str
    house: str
    session: str
    bill_number: str | None
    published: dt.datetime | None
    address: PrintAddress | None
    addresses: tuple[PrintAddress, ...]
    clauses: tuple[Provision, ...]
    schedules: tuple[Provision, ...]
    errors: tuple[ParseError, ...] = ()

    @property
    def provisions(self) -> tuple[Provision, ...]:
        """Clauses, then schedules, in print order."""
        return self.clauses + self.schedules


def parse_print(xml_bytes: bytes) -> BillPrint:
    """Parse one LawMaker bill print. Raises ParseError if it is not one."""
    bill = lawmaker_document(xml_bytes, "bill")
    body = bill.find("akn:body", NS)
    if body is None:
        raise ParseError("the bill has no <body>", where="bill")
    references = references_show_as(bill)
    title = references.get("varBillTitle")
    version = expression_value(bill, "FRBRversionNumber")
    if not title:
        raise ParseError("no bill title (TLCConcept varBillTitle)", where="bill")
    if not version:
        raise ParseError("no FRBRversionNumber", where="bill")
    address = print_address(expression_value(bill, "FRBRalias[@name='alternateUri']"))
    clause_elements, schedule_elements, line_before = _provision_elements(body)
    clauses = parse_each(
        clause_elements, partial(_parse_provision, kind="clause", line_before=line_before),
        where="clauses",
    )
    schedules = parse_each(
        schedule_elements, partial(_parse_provision, kind="schedule", line_before=line_before),
        where="schedules",
    )
    return BillPrint(
        title=title,
        version=version,
        stage_label=references.get("varStageVersion", ""),
        house=references.get("varHouse", ""),
        session=references.get("varSession", ""),
        bill_number=address.number if address else references.get("varBillNoComp") or None,
        published=published(bill),
        address=address,
        addresses=work_addresses(bill),
        clauses=clauses.items,
        schedules=schedules.items,
        errors=clauses.errors + schedules.errors,
    )


def _provision_elements(
    body: etree._Element,
) -> tuple[list[etree._Element], list[etree._Element], dict[etree._Element, PageLine | None]]:
    """The body's own clauses and schedules in order, and the last line marker before each."""
    clauses: list[etree._Element] = []
    schedules: list[etree._Element] = []
    line_before: dict[etree._Element, PageLine | None] = {}
    last_marker: PageLine | None = None
    quoted: set[etree._Element] = set()
    for node in body.iter():
        if node.tag is etree.PI:
            last_marker = page_line_marker(node) or last_marker
            continue
        if not isinstance(node.tag, str) or _is_quoted(node, quoted):
            continue
        if local_name(node) == "section":
            clauses.append(node)
            line_before[node] = last_marker
        elif local_name(node) == "hcontainer" and node.get("name") == "schedule":
            schedules.append(node)
            line_before[node] = last_marker
    return clauses, schedules, line_before


def _is_quoted(node: etree._Element, quoted: set[etree._Element]) -> bool:
    """Whether node sits inside a `<quotedStructure>` (remembering the ones already seen,
    so the whole body is walked once rather than once per ancestor chain)."""
    parent = node.getparent()
    if local_name(node) == "quotedStructure" or parent in quoted:
        quoted.add(node)
        return True
    return False


def _parse_provision(
    element: etree._Element, *, kind: str, line_before: Mapping[etree._Element, PageLine | None]
) -> Provision:
    number = _without_word(child_text(element, "num"), kind)
    if not number:
        raise ParseError(f"the {kind} has no number", where=element.get("eId") or kind)
    first_line, last_line = _line_range(list(_child_tokens(element)), line_before[element])
    return Provision(
        kind=kind,
        number=number,
        heading=child_text(element, "heading"),
        text=provision_text(element),
        part=_enclosing(element, "part"),
        chapter=_enclosing(element, "chapter"),
        crossheading=_crossheading(element),
        guid=element.get("GUID"),
        eid=element.get("eId", ""),
        first_line=first_line,
        last_line=last_line,
    )


def _without_word(number: str, word: str) -> str:
    """ "Schedule 1" -> "1", "Part 2" -> "2"; a clause number has no word and stays as is."""
    return re.sub(rf"^{word}\s+", "", number, flags=re.IGNORECASE).strip()


def _enclosing(element: etree._Element, name: str) -> Division | None:
    for ancestor in element.iterancestors(f"{{{AKN_NS}}}{name}"):
        return Division(
            number=_without_word(child_text(ancestor, "num"), name),
            heading=child_text(ancestor, "heading"),
        )
    return None


def _crossheading(element: etree._Element) -> str:
    for ancestor in element.iterancestors(f"{{{AKN_NS}}}hcontainer"):
        if ancestor.get("name") == "crossheading":
            return child_text(ancestor, "heading")
    return ""


def _line_range(
    tokens: list[str | PageLine], before: PageLine | None
) -> tuple[PageLine | None, PageLine | None]:
    markers = [token for token in tokens if isinstance(token, PageLine)]
    if not markers:
        return before, before
    words_before_first = "".join(
        token for token in tokens[: tokens.index(markers[0])] if isinstance(token, str)
    )
    first = before if words_before_first.strip() and before else markers[0]
    return first, markers[-1]


# Shared reading helpers (also used by amendment_paper_parse).

_INLINE = frozenset({
    "a", "abbr", "affectedDocument", "b", "date", "def", "docDate", "docIntroducer",
    "docProponent", "docStage", "docTitle", "i", "inline", "mod", "mref", "noteRef",
    "quotedText", "ref", "rref", "span", "sub", "sup", "term", "u",
})
_LEFT_OUT = frozenset({"authorialNote"})
_PAGE_LINE = re.compile(r"\s*(\d+)-(\d+)\s*")
_SPACE_INSIDE_QUOTES = re.compile(r"(?<=[“‘])\s+|\s+(?=[”’](?:\W|$))")
_ADDRESS = re.compile(r"/pdr/[^/]+/(?P<house>[^/]+)/(?P<session>[^/]+)/(?P<number>[^/]+)/bill\b")


def lawmaker_document(xml_bytes: bytes, document: str) -> etree._Element:
    """The `<akomaNtoso>` root's document element (`bill`, `amendmentList`), or ParseError."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(xml_bytes, parser)
    except etree.XMLSyntaxError as error:
        raise ParseError(f"not well-formed XML: {error}") from error
    if root.tag != f"{{{AKN_NS}}}akomaNtoso":
        raise ParseError(
            f"not LawMaker XML: the root is <{local_name(root)}>, not Akoma Ntoso 3.0 <akomaNtoso>"
        )
    element = root.find(f"akn:{document}", NS)
    if element is None:
        found = ", ".join(f"<{local_name(child)}>" for child in root if isinstance(child.tag, str))
        raise ParseError(f"not a LawMaker <{document}>: <akomaNtoso> holds {found or 'nothing'}")
    return element


def local_name(element: etree._Element) -> str:
    return etree.QName(element).localname


def references_show_as(document: etree._Element) -> dict[str, str]:
    """The document's TLC references (`meta/references`), `eId` -> `showAs`."""
    return {
        reference.get("eId"): reference.get("showAs", "")
        for reference in document.iterfind("akn:meta/akn:references/*", NS)
        if reference.get("eId")
    }


def expression_value(document: etree._Element, path: str) -> str | None:
    """The `value` of an element of the FRBRExpression (the identity of this version)."""
    element = document.find(f"akn:meta/akn:identification/akn:FRBRExpression/akn:{path}", NS)
    return element.get("value") if element is not None else None


def published(document: etree._Element) -> dt.datetime | None:
    element = document.find(
        "akn:meta/akn:identification/akn:FRBRExpression/akn:FRBRdate[@name='published']", NS
    )
    return parse_datetime(element.get("date"), where="FRBRdate") if element is not None else None


def work_addresses(document: etree._Element) -> tuple[PrintAddress, ...]:
    aliases = document.iterfind(
        "akn:meta/akn:identification/akn:FRBRWork/akn:FRBRalias[@name='alternateUri']", NS
    )
    return tuple(address for alias in aliases if (address := print_address(alias.get("value"))))


def print_address(uri: str | None) -> PrintAddress | None:
    match = _ADDRESS.search(uri or "")
    if not match:
        return None
    return PrintAddress(uri=uri or "", **match.groupdict())


def page_line_marker(node: etree._Element) -> PageLine | None:
    """The page and line of a `<?L page-line?>` processing instruction; None for any other."""
    match = _PAGE_LINE.fullmatch(node.text or "") if node.target == "L" else None
    return PageLine(int(match[1]), int(match[2])) if match else None


def plain_text(element: etree._Element, *, leave_out: Iterable[str] = ()) -> str:
    """The printed words of element, whitespace collapsed; `leave_out` names elements to skip."""
    return _joined(_tokens(element, _LEFT_OUT | frozenset(leave_out)))


def child_text(element: etree._Element, name: str) -> str:
    """The printed words of element's own `<name>` child (`num`, `heading`); "" if it has none."""
    child = element.find(f"akn:{name}", NS)
    return plain_text(child) if child is not None else ""


def provision_text(element: etree._Element) -> str:
    """The printed words of a clause or schedule, without its own number and heading."""
    own = (element.find("akn:num", NS), element.find("akn:heading", NS))
    return _joined(_child_tokens(element, skip_children=own))


def _joined(tokens: Iterable[str | PageLine]) -> str:
    text = " ".join("".join(token for token in tokens if isinstance(token, str)).split())
    return _SPACE_INSIDE_QUOTES.sub("", text)


def _child_tokens(
    element: etree._Element, skip_children: tuple[etree._Element | None, ...] = ()
) -> Iterator[str | PageLine]:
    """The tokens of element's content, leaving out the given children (but not their tails)."""
    yield element.text or ""
    for child in element:
        if child not in skip_children:
            yield from _node_tokens(child, _LEFT_OUT)
        yield child.tail or ""


def _tokens(element: etree._Element, leave_out: frozenset[str]) -> Iterator[str | PageLine]:
    """Element's printed words (without its tail) in document order, with a PageLine for each
    line marker. A block element starts with a space; quotation marks kept in attributes are
    put back around the quoted words."""
    name = local_name(element)
    if name not in _INLINE:
        yield " "
    yield element.get("startQuote") or element.get(f"{{{UKL_NS}}}startQuote") or ""
    yield element.text or ""
    for child in element:
        yield from _node_tokens(child, leave_out)
        yield child.tail or ""
    yield element.get("endQuote") or element.get(f"{{{UKL_NS}}}endQuote") or ""


def _node_tokens(node: etree._Element, leave_out: frozenset[str]) -> Iterator[str | PageLine]:
    if node.tag is etree.PI:
        marker = page_line_marker(node)
        if marker:
            yield marker
    elif isinstance(node.tag, str) and local_name(node) not in leave_out:
        yield from _tokens(node, leave_out)
