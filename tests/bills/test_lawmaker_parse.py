"""parse_print on the two real Social Housing (Regulation) Bill [HL] prints, and on small
constructed documents for the rules the real prints never exercise."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bills.text.lawmaker_parse import Division, PageLine, PrintAddress, parse_print
from tracker.parsing import ParseError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bill_text"
BROUGHT_FROM_LORDS = "lawmaker_social-housing-regulation-bill_commons_brought-from-lords.xml"
AS_AMENDED_IN_COMMITTEE = "lawmaker_social-housing-regulation-bill_commons_as-amended-in-committee.xml"
AMENDMENT_PAPER = "lawmaker_amendment-paper_data-protection-bill_commons-report_2023-07-21.xml"


@pytest.fixture(scope="module")
def brought_from_lords():
    return parse_print((FIXTURES / BROUGHT_FROM_LORDS).read_bytes())


@pytest.fixture(scope="module")
def as_amended():
    return parse_print((FIXTURES / AS_AMENDED_IN_COMMITTEE).read_bytes())


def test_identity_of_the_print_brought_from_the_lords(brought_from_lords):
    assert brought_from_lords.title == "Social Housing (Regulation) Bill [HL]"
    assert brought_from_lords.version == "introd-hl-hc"
    assert brought_from_lords.stage_label == "As brought from the Lords"
    assert brought_from_lords.house == "House of Commons"
    assert brought_from_lords.session == "58/3"
    assert brought_from_lords.bill_number == "177"
    assert brought_from_lords.published == dt.datetime(2022, 10, 31, 16, 48, 54, tzinfo=dt.timezone.utc)
    assert brought_from_lords.address == PrintAddress(
        uri="https://lawmaker.legislation.gov.uk/pdr/ukpubb/HC/58_3/177/bill",
        house="HC", session="58_3", number="177",
    )
    assert [(a.house, a.number) for a in brought_from_lords.addresses] == [
        ("HL", "21"), ("HL", "54"), ("HC", "177"),
    ]
    assert brought_from_lords.errors == ()


def test_identity_of_the_print_as_amended_in_committee(as_amended):
    assert as_amended.version == "public-committee-hc"
    assert as_amended.stage_label == "As amended in Public Bill Committee"
    assert as_amended.bill_number == "206"
    assert [a.number for a in as_amended.addresses] == ["21", "54", "177", "206"]


def test_counts_only_the_bills_own_clauses_and_schedules(brought_from_lords, as_amended):
    # Clause 2 quotes a whole new section 96A of the 2008 Act; it is not a clause of the bill.
    assert [c.number for c in brought_from_lords.clauses] == [str(n) for n in range(1, 45)]
    assert [s.label for s in brought_from_lords.schedules] == [f"Schedule {n}" for n in range(1, 6)]
    assert (len(as_amended.clauses), len(as_amended.schedules)) == (43, 5)


def test_a_clause_with_its_heading_guid_lines_and_crossheading(brought_from_lords):
    clause = brought_from_lords.clauses[23]
    assert clause.label == "Clause 24"
    assert clause.heading == "Standards relating to energy demand"
    assert clause.guid == "_6b3c4b1c-9203-4a45-bdfa-c31570fc8636"
    assert clause.eid == "sec_24"
    assert clause.crossheading == "Standards"
    assert (clause.part, clause.chapter) == (None, None)
    assert (clause.first_line, clause.last_line) == (PageLine(18, 29), PageLine(19, 19))


def test_clause_text_is_the_printed_words_with_quotation_marks_restored(brought_from_lords):
    text = brought_from_lords.clauses[0].text
    assert text.startswith(
        "In section 92K of the Housing and Regeneration Act 2008 (fundamental objectives), "
        "in subsection (3)— (a) in paragraph (a), after “well-managed” insert “, safe, energy efficient”;"
    )
    assert text.endswith("“(ca) to ensure that registered providers act in a transparent manner "
                         "in relation to their tenants of social housing, and”.")
    assert "Fundamental objectives" not in text  # the heading is a field of its own


def test_renumbered_clause_keeps_its_guid_and_gets_its_new_lines(brought_from_lords, as_amended):
    before, after = brought_from_lords.clauses[24], as_amended.clauses[23]
    assert (before.label, after.label) == ("Clause 25", "Clause 24")
    assert before.heading == after.heading == "Direction by Secretary of State"
    assert before.guid == after.guid == "_199b81e9-343e-4031-8d38-883f27f16f5a"
    assert (before.first_line, before.last_line) == (PageLine(19, 20), PageLine(19, 30))
    assert (after.first_line, after.last_line) == (PageLine(18, 29), PageLine(18, 39))


def test_schedule_number_leaves_out_its_reference_note(brought_from_lords):
    schedule = brought_from_lords.schedules[0]
    assert (schedule.kind, schedule.number) == ("schedule", "1")  # printed "Schedule 1" + note "Section 13"
    assert schedule.heading == "Limited liability partnerships"
    assert schedule.guid == "_26b9c91c-a1b2-4e12-ae6d-6af0692bf45d"
    assert (schedule.first_line, schedule.last_line) == (PageLine(38, 2), PageLine(41, 5))
    assert schedule.text.startswith("Part 1 Amendments of the Housing and Planning Act 2016")


def test_an_amendment_paper_is_not_a_bill_print():
    with pytest.raises(ParseError, match="<amendmentList>"):
        parse_print((FIXTURES / AMENDMENT_PAPER).read_bytes())


@pytest.mark.parametrize("document, message", [
    (b"<html><body>Bill 177</body></html>", "not LawMaker XML"),
    (b"not xml at all", "not well-formed XML"),
])
def test_other_documents_raise_parse_error(document, message):
    with pytest.raises(ParseError, match=message):
        parse_print(document)


# Constructed documents: the shape of the real prints, cut down to what a rule needs.

def _bill(body: str) -> bytes:
    return f"""<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><bill name="ukpubb">
      <meta><identification><FRBRExpression><FRBRversionNumber value="test-version"/></FRBRExpression>
      </identification><references><TLCConcept eId="varBillTitle" showAs="Constructed Bill"/></references></meta>
      <body>{body}</body></bill></akomaNtoso>""".encode()


def test_part_chapter_and_a_clause_without_heading():
    parsed = parse_print(_bill("""
      <part eId="pt_2"><num><?L 3-1?>Part 2</num><heading>Enforcement</heading>
        <chapter eId="pt_2__chp_1"><num><?L 3-2?>Chapter 1</num><heading>Notices</heading>
          <section GUID="_g7" eId="sec_7"><num><?L 3-3?>7</num><content><p>Words.</p></content></section>
        </chapter></part>"""))
    (clause,) = parsed.clauses
    assert (clause.number, clause.heading, clause.text, clause.guid) == ("7", "", "Words.", "_g7")
    assert clause.part == Division(number="2", heading="Enforcement")
    assert clause.chapter == Division(number="1", heading="Notices")
    assert parsed.bill_number is None and parsed.address is None


def test_a_provision_starting_mid_line_starts_on_the_last_marker_before_it():
    parsed = parse_print(_bill("""
      <section eId="sec_1"><num><?L 1-1?>1</num><heading>First</heading>
        <content><p>Some words <?L 1-2?>running on.</p></content></section>
      <section eId="sec_2"><num>2</num><heading>Second</heading>
        <content><p>Starts mid-line <?L 1-3?>and ends <?L 1-4?>here.</p></content></section>
      <section eId="sec_3"><num>3</num><heading>Third</heading><content><p>No marker.</p></content></section>"""))
    first, second, third = parsed.clauses
    assert (first.first_line, first.last_line) == (PageLine(1, 1), PageLine(1, 2))
    assert (second.first_line, second.last_line) == (PageLine(1, 2), PageLine(1, 4))
    assert (third.first_line, third.last_line) == (PageLine(1, 4), PageLine(1, 4))


def test_a_clause_without_a_number_is_reported_and_the_rest_still_parse():
    parsed = parse_print(_bill("""
      <section eId="sec_1"><num>1</num><heading>Kept</heading></section>
      <section eId="sec_2"><heading>No number</heading></section>"""))
    assert [c.heading for c in parsed.clauses] == ["Kept"]
    (error,) = parsed.errors
    assert error.where == "clauses[1]" and "sec_2: the clause has no number" in str(error)
