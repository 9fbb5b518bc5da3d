"""Stance rules, on real sentences from the Procurement Bill debates and constructed ones.

Sources: the account of the bill ("MD": data/reference/procurement-bill/facts.json) and the pack's hansard/ captures.
Sentences marked "constructed" are ours.
"""

import pytest

from tracker.hansard.stance import RULES, Role, Stance, is_chair, read_stance

S, O, N = Stance.SUPPORTS, Stance.OPPOSES, Stance.NEUTRAL

# (sentence, stance, rule that fires)
TABLE = [
    # Alton, 11 Sep 2023 (pack: …_proceeding-contribution_lord-alton.txt)
    ("I turn to Clause 65 and Amendment 47B in Motion 47A in my name.", N, "moves-or-tables"),
    ("In parenthesis, before I begin—and because I will not weary the House with a second speech later, even "
     "if the opportunity is there—I would like to say how much I support what the noble Lord, Lord Hunt of "
     "King’s Heath, is trying to achieve with Motion 102A and Amendment 102B.", S, "supports"),
    # Blencathra, Lords Report, 30 Nov 2022 (MD)
    ("I rise to speak to the cross-party amendment in my name, alongside those of the noble Lords, Lord Alton, "
     "Lord Coaker and Lord Fox … even if we lose the vote in this House tonight …", N, "moves-or-tables"),
    # Scriven, 30 Nov 2022, 825 c1830 (pack): raising a Division in a question takes no side
    ("Just before the Minister sits down, so we understand, because some may want to press this to a Division, "
     "I ask: what would the Government’s intent be if this Bill was to pass with a debarment list, particularly "
     "with regard to companies that the Government no longer wish to deploy their surveillance equipment in "
     "the UK?", N, "question"),
    # Alton, Third Reading, 13 Dec 2022 (MD)
    ("I was therefore very grateful to the House for including the cross-party amendment I moved on the removal "
     "of surveillance equipment … Those two amendments are now in the Bill as it goes to another place.",
     N, "moves-or-tables"),
    # Quin, Commons 2R (MD): doubt is not opposition
    ("Anything that is added to the Bill must be deliverable and workable", N, "reservation"),
    ("We are thinking through the Lords amendments", N, "reservation"),
    # Loughton, Commons 2R (MD): approval without a rule's words stays neutral
    ("Clause 65 was helpfully added by the noble Lord Alton and a cross-party alliance in the other House …",
     N, "no-rule"),
    # Loughton at Report (MD)
    ("My right hon. Friend the Member for Chingford and Woodford Green [Iain Duncan Smith] has rather let the "
     "cat out of the bag by saying that he will not press his new clause to a vote", N, "not-pressing"),
    # Third Reading, 13 Dec 2022 (pack)
    ("My Lords, I will move a minor technical amendment to Clause 110 in my name.", N, "moves-or-tables"),
    # Neville-Rolfe, 11 Sep 2023 (pack: …_parallelparliament.txt)
    ("My Lords, in moving this Motion I will speak to Amendments 1, 4, 5, 81 and 82.", N, "moves-or-tables"),
    # A motion read out by anyone but a minister takes no side (see the minister's test below)
    ("That the House do agree with the Commons in their Amendment 1.", N, "no-rule"),
    ("We also committed to removing Chinese surveillance equipment from government departments’ sensitive "
     "sites and dedicating additional resources within the Cabinet Office to scrutinise suppliers for "
     "potential national security threats.", N, "no-rule"),
    # Burghart, Commons Report, 13 Jun 2023 (pack: …_streetguide.txt) and the Lords message (MD)
    ("I beg to move, That the clause be read a Second time.", N, "moves-or-tables"),
    ("That this House disagrees with Lords amendment 102B", N, "no-rule"),
    # Lords, 25 Oct 2023 (MD)
    ("That this House do not insist on its Amendment 102B … Reason 102C", N, "motion-not-to-insist"),
    # Constructed
    ("I support Amendment 449 in the name of the noble Lord, Lord Hunt of Kings Heath, and Amendment 449A",
     S, "supports"),
    ("I rise to support Amendments 1 to 5.", S, "rises-to-support"),
    ("I have added my name to Amendment 449A.", S, "added-name"),
    ("I urge the Government to accept new clause 1.", S, "urges-acceptance"),
    ("We will support Clause 65.", S, "supports"),
    ("SNP will support Clause 65", S, "supports"),  # Blackman, as the account gives it (MD)
    ("I beg to move Amendment 449, and I support it.", S, "supports"),
    ("I am happy to accept Amendment 449.", S, "accepts"),
    ("I cannot support Amendment 449.", O, "cannot-support"),
    ("We will not support new clause 1.", O, "cannot-support"),
    ("We cannot accept Amendment 47B.", O, "cannot-accept"),
    ("The Government cannot accept Amendment 47B.", O, "cannot-accept"),
    ("I oppose the Question that clause 65 stand part of the Bill.", O, "opposes"),
    ("We will vote against Amendment 2.", O, "votes-against"),
    ("I urge the House to reject Motion 47A.", O, "urges-rejection"),
    ("I ask the noble Lord to withdraw Amendment 449.", O, "asks-withdrawal"),
    ("I do not oppose Amendment 449A.", N, "does-not-oppose"),
    ("I beg leave to withdraw Amendment 449.", N, "mover-withdraws"),
    ("I would support Amendment 449 if it were narrower.", N, "no-rule"),
    ("The Government support package for small suppliers is large.", N, "no-rule"),
]


@pytest.mark.parametrize("sentence, stance, rule", TABLE, ids=[s[:40] for s, _, _ in TABLE])
def test_stance_of_real_and_constructed_sentences(sentence, stance, rule):
    reading = read_stance(sentence)

    assert (reading.stance, reading.rule) == (stance, rule)


def test_a_reading_names_the_words_its_rule_matched_and_its_confidence():
    reading = read_stance("I support Amendment 449 in the name of the noble Lord, Lord Hunt of Kings Heath.")

    assert reading.matched == "I support"
    assert reading.confidence == next(rule.confidence for rule in RULES if rule.name == "supports")


def test_no_rule_is_neutral_with_no_confidence():
    reading = read_stance("Clause 65 was helpfully added by the noble Lord Alton and a cross-party alliance")

    assert (reading.stance, reading.confidence, reading.matched) == (N, 0.0, None)


def test_a_minister_asking_for_withdrawal_counts_for_more():
    sentence = "I hope that the noble Lord will feel able to withdraw Amendment 449."  # constructed

    anyone = read_stance(sentence)
    minister = read_stance(sentence, role=Role.MINISTER)

    assert (anyone.rule, minister.rule) == ("asks-withdrawal", "minister-asks-withdrawal")
    assert minister.stance is anyone.stance is O
    assert minister.confidence > anyone.confidence


def test_moving_tabling_or_withdrawing_is_no_stance_even_for_the_mover():
    described = "Amendment 449 would bring contractors within the Freedom of Information Act."  # constructed

    assert read_stance(described, role=Role.MOVER).stance is N
    assert read_stance("I beg to move Amendment 449.", role=Role.MOVER).stance is N
    assert read_stance("I beg leave to withdraw Amendment 449.", role=Role.MOVER).stance is N


def test_a_government_motion_is_the_ministers_side():
    agree = read_stance("That the House do agree with the Commons in their Amendment 1.", role=Role.MINISTER)
    disagree = read_stance("That this House disagrees with Lords amendment 102B", role=Role.MINISTER)

    assert (agree.stance, agree.rule) == (S, "motion-to-agree")
    assert (disagree.stance, disagree.rule) == (O, "motion-to-disagree")


def test_the_chair_takes_no_side_whatever_the_words():
    assert read_stance("I support Amendment 449.", role=Role.CHAIR).stance is N
    assert read_stance("With this it will be convenient to discuss the following:").rule == "chair-groups"


@pytest.mark.parametrize("attributed_to, chair", [
    ("Madam Deputy Speaker (Dame Eleanor Laing)", True),
    ("The Deputy Chairman of Committees (Lord Haskel) (Lab)", True),
    ("The Chair", True),
    ("Mr Speaker", True),
    ("The Chair of the Foreign Affairs Committee (Alicia Kearns)", False),
    ("Dame Eleanor Laing", False),
    ("Lord Alton of Liverpool", False),
])
def test_the_chair_is_known_by_the_title_hansard_gives(attributed_to, chair):
    assert is_chair(attributed_to) is chair


def test_a_neighbour_that_refers_back_decides_at_a_discount():
    # Third Reading, 13 Dec 2022 (pack): the last two sentences of the speech moving Third Reading
    sentence = (
        "Currently, the devolved Administrations have not granted a legislative consent Motion; however, we "
        "are engaging constructively with officials and Ministers on addressing outstanding points, and I "
        "reassure noble Lords that the Government will continue with this engagement as the Bill is "
        "introduced into the House of Commons."
    )
    assert read_stance(sentence).rule == "no-rule"

    reading = read_stance(sentence, following="I support them.")  # constructed neighbour

    assert (reading.stance, reading.rule) == (S, "supports (following sentence)")
    assert reading.confidence == pytest.approx(0.85 * 0.6)
    assert read_stance(sentence, following="I beg to move.").stance is N  # moving is no stance


def test_a_neighbour_about_something_else_does_not_decide():
    reading = read_stance(
        "Amendment 449 would ensure that only limited exceptions would be permitted.",  # constructed
        previous="I support the aims of the Bill as a whole.",
    )

    assert (reading.stance, reading.rule) == (N, "no-rule")


def test_the_sentence_own_rule_beats_its_neighbours():
    reading = read_stance("I cannot support Amendment 449.", previous="I support them.")

    assert reading.rule == "cannot-support"


def test_rules_have_unique_names_and_confidences_between_0_and_1():
    names = [rule.name for rule in RULES]

    assert len(names) == len(set(names))
    assert all(0 < rule.confidence <= 1 for rule in RULES)


def test_negations_come_before_the_rules_they_negate():
    order = {rule.name: index for index, rule in enumerate(RULES)}

    assert order["cannot-support"] < order["supports"]
    assert order["does-not-oppose"] < order["opposes"]
    assert order["cannot-accept"] < order["accepts"]
    assert order["minister-asks-withdrawal"] < order["asks-withdrawal"]
