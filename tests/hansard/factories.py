"""factory_boy factories for Hansard rows, on top of tests/factories.py's bills, members and
amendments. Every id is 9,000,000 or more and every word is obviously synthetic."""

from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from bills.models import House
from tests.factories import BillFactory, MemberFactory
from tracker.hansard.models import Contribution, Debate, Mention

SYNTHETIC_WORDS = "I support Amendment 1 (synthetic)."


class DebateFactory(DjangoModelFactory):
    class Meta:
        model = Debate

    hansard_ext_id = factory.Sequence(lambda n: f"00000000-0000-0000-0000-{9_900_000 + n:012d}")
    bill = factory.SubFactory(BillFactory)
    house = House.COMMONS
    date = dt.date(2024, 1, 2)
    title = factory.SelfAttribute("bill.short_title")
    url = factory.LazyAttribute(lambda d: f"https://hansard.parliament.uk/Commons/2024-01-02/debates/{d.hansard_ext_id}/Example")


class ContributionFactory(DjangoModelFactory):
    class Meta:
        model = Contribution

    debate = factory.SubFactory(DebateFactory)
    order = factory.Sequence(lambda n: n + 1)
    member = factory.SubFactory(MemberFactory)
    members_api_id = factory.SelfAttribute("member.members_api_id")
    member_match = Contribution.MemberMatch.SOURCE_ID
    heading = factory.SelfAttribute("debate.title")
    text_html = f"<p>{SYNTHETIC_WORDS}</p>"
    text_plain = SYNTHETIC_WORDS
    url = factory.LazyAttribute(lambda c: f"{c.debate.url}#contribution-{c.order}")


class MentionFactory(DjangoModelFactory):
    class Meta:
        model = Mention

    contribution = factory.SubFactory(ContributionFactory)
    kind = Mention.Kind.AMENDMENT
    number = "1"
    sentence = SYNTHETIC_WORDS
    span_start = SYNTHETIC_WORDS.index("1")
    span_end = factory.LazyAttribute(lambda m: m.span_start + len(m.number))
    stance = Mention.Stance.SUPPORTS
    stance_rule = "supports"
    confidence = 0.85
    resolution = "synthetic"
