"""The debate page, the bill's debate list and the includes other pages use: what they show,
that a source's text is escaped before mentions are marked, and a fixed number of queries
however many contributions and mentions there are. Generated data is synthetic."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string

from tests.factories import AmendmentFactory, BillStageFactory, MemberFactory, PingPongItemFactory
from tracker.clauses.models import Clause
from tracker.clauses.selectors import speeches_on_clause
from tracker.hansard.models import Mention
from tracker.hansard.selectors import member_contributions, speeches_on_amendment

from .factories import ContributionFactory, DebateFactory, MentionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def big_debate():
    """200 contributions, each naming an amendment, a ping-pong motion and a clause."""
    stage = BillStageFactory()
    debate = DebateFactory(bill=stage.bill, bill_stage=stage)
    amendment = AmendmentFactory(bill_stage=stage, number="1")
    motion = PingPongItemFactory(bill_stage=stage, number="2A")
    words = "I support Amendment 1 and Motion 2A but not Clause 3 (synthetic)."
    for contribution in ContributionFactory.create_batch(200, debate=debate, text_plain=words):
        MentionFactory(contribution=contribution, amendment=amendment, span_start=20, span_end=21)
        MentionFactory(contribution=contribution, kind="motion", number="2A", ping_pong_item=motion,
                       span_start=33, span_end=35)
        MentionFactory(contribution=contribution, kind="clause", number="3", clause_number="3", span_start=55,
                       span_end=56, stance="opposes", stance_rule="synthetic", resolution="clause number as printed")
    return debate, amendment, motion


def test_the_debate_page_runs_a_fixed_number_of_queries(client, big_debate, django_assert_max_num_queries):
    debate, amendment, motion = big_debate
    with django_assert_max_num_queries(6):  # with the editors' corrections: one query, and the content types' first lookup
        html = client.get(debate.get_absolute_url()).content.decode()
    assert html.count('class="tracker-contribution"') == 200
    assert html.count(f'<mark class="tracker-mention" title="Amendment 1: Supports (supports)"><a class="govuk-link" '
                      f'href="/amendments/{amendment.bills_api_id}/">1</a></mark>') == 200
    assert html.count(f'#{motion.anchor}">2A</a></mark>') == 200


def test_the_bill_debate_list_runs_a_fixed_number_of_queries(client, big_debate, django_assert_max_num_queries):
    debate, _, _ = big_debate
    DebateFactory.create_batch(30, bill=debate.bill)
    # with the editors' corrections: one query, and the content types' first lookup
    with django_assert_max_num_queries(5):
        html = client.get(f"/bills/{debate.bill.bills_api_id}/{debate.bill.slug}/debates/").content.decode()
    assert html.count('<td class="govuk-table__cell govuk-table__cell--numeric">600</td>') == 1  # mentions


def test_source_text_is_escaped_before_mentions_are_marked(client):
    words = '<script>alert("x")</script> I support Amendment 1 & more (synthetic).'
    contribution = ContributionFactory(text_plain=words)
    MentionFactory(contribution=contribution, span_start=words.index("1 &"), span_end=words.index("1 &") + 1)
    html = client.get(contribution.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert ('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; I support Amendment '
            '<mark class="tracker-mention" title="Amendment 1: Supports (supports)">1</mark> &amp; more') in html


def test_spoke_on_include_lists_supporters_and_opponents_with_their_sentences(django_assert_max_num_queries):
    amendment = AmendmentFactory(number="7")
    supporter, opponent = MemberFactory(), MemberFactory()
    for member, stance, sentence in ((supporter, "supports", "I support Amendment 7 (synthetic)."),
                                     (opponent, "opposes", "I oppose Amendment 7 (synthetic).")):
        for _ in range(50):
            MentionFactory(contribution=ContributionFactory(member=member), amendment=amendment, number="7",
                           stance=stance, sentence=sentence)
    with django_assert_max_num_queries(1):
        speeches = speeches_on_amendment(amendment=amendment)
        html = render_to_string("hansard/_spoke_on.html", {"speeches": speeches})
    assert (len(speeches.supporters), len(speeches.opponents), speeches.no_stance) == (50, 50, [])
    spoke_for, spoke_against = html.split("Spoke against")
    assert supporter.name_display_as in spoke_for and opponent.name_display_as not in spoke_for
    assert "I oppose Amendment 7 (synthetic)." in spoke_against
    assert "Read the contribution" in spoke_for


def test_one_speech_per_contribution_and_stance_the_most_confident(django_assert_max_num_queries):
    amendment = AmendmentFactory(number="7")
    contribution = ContributionFactory()
    MentionFactory(contribution=contribution, amendment=amendment, number="7", sentence="weaker", confidence=0.6,
                   span_start=1)
    MentionFactory(contribution=contribution, amendment=amendment, number="7", sentence="stronger", confidence=0.9,
                   span_start=2)
    assert [s.mention.sentence for s in speeches_on_amendment(amendment=amendment).supporters] == ["stronger"]


def test_member_contributions_include_shows_each_contribution_with_its_stances(django_assert_max_num_queries):
    member = MemberFactory()
    for contribution in ContributionFactory.create_batch(60, member=member):
        MentionFactory(contribution=contribution, stance=Mention.Stance.OPPOSES, stance_rule="opposes")
    ContributionFactory(member=member, debate__bill__is_tracked=False)
    with django_assert_max_num_queries(3):
        shown = member_contributions(member=member)
        html = render_to_string("hansard/_member_contributions.html", {"contributions": shown})
    assert (len(shown.contributions), shown.total, shown.more) == (50, 60, 10)
    assert html.count("Opposes") == 50
    assert "And 10 earlier contributions not shown." in html


def test_speeches_on_a_clause_are_the_mentions_linked_to_it():
    contribution = ContributionFactory(text_plain="I cannot support Clause 3 (synthetic).")
    clause = Clause.objects.create(bill=contribution.debate.bill, key="synthetic-clause-3", kind="clause",
                                   label="Clause 3")
    MentionFactory(contribution=contribution, kind="clause", number="3", clause_number="3", clause=clause,
                   stance="opposes", stance_rule="cannot-support", sentence=contribution.text_plain)
    MentionFactory(contribution=ContributionFactory(), kind="clause", number="3", clause_number="3")  # not linked
    speeches = speeches_on_clause(clause=clause)
    assert [(s.contribution, s.mention.stance_rule) for s in speeches.opponents] == [(contribution, "cannot-support")]
    assert speeches.supporters == [] and speeches.no_stance == []
