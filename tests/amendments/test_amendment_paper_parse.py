"""parse_amendment_paper on the real Commons Report-stage amendment paper of the Data
Protection and Digital Information (No. 2) Bill, 21 July 2023, and on constructed components
for what that paper does not hold (it has only two new clauses, so no page/line target)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from amendments.text.amendment_paper_parse import AmendmentTarget, Sponsor, parse_amendment_paper
from tracker.parsing import ParseError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bill_text"
AMENDMENT_PAPER = "lawmaker_amendment-paper_data-protection-bill_commons-report_2023-07-21.xml"
BILL_PRINT = "lawmaker_social-housing-regulation-bill_commons_brought-from-lords.xml"


@pytest.fixture(scope="module")
def paper():
    return parse_amendment_paper((FIXTURES / AMENDMENT_PAPER).read_bytes())


def test_identity_of_the_paper(paper):
    assert paper.bill_title == "Data Protection and Digital Information (No. 2) Bill"
    assert paper.stage == "Report Stage"
    assert paper.bill_stage_label == "As amended in Committee"
    assert paper.house == "House of Commons"
    assert paper.bill_number == "314"
    assert paper.version == "committee/hcmarsh@2023-07-21"
    assert paper.published == dt.datetime(2023, 7, 21)
    assert paper.errors == ()


def test_amendments_in_order_without_the_programme_order(paper):
    assert [a.number for a in paper.amendments] == ["NC1", "NC2"]


def test_sponsors_in_printed_order(paper):
    nc1, nc2 = paper.amendments
    assert nc1.sponsor_names == ("Jane Hunt", "Peter Aldous")
    assert nc1.sponsors[0] == Sponsor(name="Jane Hunt", role="proposer", person_ref="person-4839")
    assert nc1.sponsors[1].role == "supporter"
    assert nc2.sponsor_names == ("John Penrose",)


def test_new_clauses_with_their_titles_and_text(paper):
    nc1, nc2 = paper.amendments
    assert nc1.inserts_new_clause and nc2.inserts_new_clause
    assert nc1.amendment_type == "newClause"
    assert nc1.instruction == "To move the following Clause—"
    assert nc1.new_clause_title == (
        "Processing of data in relation to a case-file prepared by the police service for "
        "submission to the Crown Prosecution Service for a charging decision"
    )
    assert nc2.new_clause_title == "Common standards and timeline for implementation"
    assert nc1.new_clause_text.startswith(
        "(1) The 2018 Act is amended in accordance with subsection (2). (2) In the 2018 Act, "
        "after section 40 insert— “40A Processing of data"
    )
    assert (nc1.target, nc2.target) == (None, None)


def test_explanatory_statements_and_the_new_marker(paper):
    nc1, nc2 = paper.amendments
    assert nc1.explanatory_statement.startswith(
        "This new clause adjusts Section 40 of the Data Protection Act 2018"
    )
    assert nc2.explanatory_statement.startswith(
        "This new clause, which is intended to be placed in Part 3 (Customer data and business "
        "data) of the Bill,"
    )
    assert (nc1.status_indicator, nc2.status_indicator) == (None, "★")


def test_a_bill_print_is_not_an_amendment_paper():
    with pytest.raises(ParseError, match="not a LawMaker <amendmentList>"):
        parse_amendment_paper((FIXTURES / BILL_PRINT).read_bytes())


# Constructed components in the real paper's shape; the names and words are placeholders.

def _paper(*components: str) -> bytes:
    return f"""<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
      xmlns:ukl="https://www.legislation.gov.uk/namespaces/UK-AKN"><amendmentList name="hcmarsh">
      <meta><references><TLCConcept eId="varBillTitle" showAs="Constructed Bill"/></references></meta>
      <collectionBody>{"".join(components)}</collectionBody></amendmentList></akomaNtoso>""".encode()


def _amendment(number: str, instruction: str, amendment_type: str = "amendment") -> str:
    return f"""<component class="amendment"><amendment name="hcamnd">
      <amendmentBody eId="amnd_{number}" ukl:type="{amendment_type}">
        <amendmentHeading><block name="proposer">
          <docIntroducer refersTo="amnd_{number}#person-1">A Member</docIntroducer>
        </block></amendmentHeading>
        <amendmentContent><tblock><num>{number}</num>
          <block name="instruction"><mod>{instruction}</mod></block>
        </tblock></amendmentContent>
      </amendmentBody></amendment></component>"""


@pytest.mark.parametrize("instruction, target", [
    ("Clause 7, page 5, line 12, leave out “must” and insert “may”", AmendmentTarget("clause", "7", 5, 12)),
    ("Schedule 2, page 40, line 3, at end insert—", AmendmentTarget("schedule", "2", 40, 3)),
    ("Page 9, line 1, leave out subsection (4)", AmendmentTarget(None, None, 9, 1)),
    ("Title, line 2, leave out “and”", None),
])
def test_target_as_printed_in_the_instruction(instruction, target):
    (amendment,) = parse_amendment_paper(_paper(_amendment("1", instruction))).amendments
    assert amendment.target == target
    assert not amendment.inserts_new_clause and amendment.explanatory_statement is None


def test_an_amendment_without_a_number_is_reported_and_the_rest_still_parse():
    parsed = parse_amendment_paper(_paper(
        _amendment("", "Clause 1, page 1, line 1, leave out “a”"),
        _amendment("2", "Clause 1, page 1, line 2, leave out “b”"),
    ))
    assert [a.number for a in parsed.amendments] == ["2"]
    (error,) = parsed.errors
    assert error.where == "amendments[0]"
