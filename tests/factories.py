"""factory_boy factories for generated data (query-count tests, benchmarks). Every id they
make up is 9,000,000 or more, and every name is obviously synthetic ("Example ...").

Each app keeps its factories in its own marked section."""

from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from amendments.models import Amendment, Decision, Division, PingPongItem, Sponsorship, Vote
from bills.models import Bill, BillStage, House, Member, Party, Sitting, StageType

# --- amendments (issue 5): the bills, stages and members they hang on, then amendments,
# --- sponsorships, ping-pong items, divisions and votes ----------------------------------------


class PartyFactory(DjangoModelFactory):
    class Meta:
        model = Party
        django_get_or_create = ("members_api_id",)

    members_api_id = factory.Sequence(lambda n: 9_300_000 + n)
    name = factory.Sequence(lambda n: f"Example Party {n}")
    background_colour = "505a5f"


class MemberFactory(DjangoModelFactory):
    class Meta:
        model = Member

    members_api_id = factory.Sequence(lambda n: 9_400_000 + n)
    name_display_as = factory.Sequence(lambda n: f"Example Member {n}")
    party = factory.SubFactory(PartyFactory)
    house = House.COMMONS


class StageTypeFactory(DjangoModelFactory):
    class Meta:
        model = StageType
        django_get_or_create = ("bills_api_id",)

    bills_api_id = 9_500_001
    name = "Example stage type"
    house = House.COMMONS


class BillFactory(DjangoModelFactory):
    class Meta:
        model = Bill

    bills_api_id = factory.Sequence(lambda n: 9_600_000 + n)
    short_title = factory.Sequence(lambda n: f"Example Bill {n}")
    originating_house = House.COMMONS
    current_house = House.COMMONS


class BillStageFactory(DjangoModelFactory):
    class Meta:
        model = BillStage

    bills_api_id = factory.Sequence(lambda n: 9_700_000 + n)
    bill = factory.SubFactory(BillFactory)
    stage_type = factory.SubFactory(StageTypeFactory)
    description = "Committee stage"
    house = House.COMMONS
    sort_order = factory.Sequence(lambda n: n)


class AmendmentFactory(DjangoModelFactory):
    class Meta:
        model = Amendment

    bills_api_id = factory.Sequence(lambda n: 9_800_000 + n)
    bill_stage = factory.SubFactory(BillStageFactory)
    list_position = factory.Sequence(lambda n: n)
    number = factory.Sequence(lambda n: str(n + 1))
    amendment_type = "EditBillBody"
    clause = factory.Sequence(lambda n: 1 + n % 40)
    decision = factory.Iterator([Decision.AGREED, Decision.NOT_MOVED, Decision.WITHDRAWN, Decision.NO_DECISION])
    text_html = "<p>Example amendment text</p>"
    text_plain = "Example amendment text"


class SponsorshipFactory(DjangoModelFactory):
    class Meta:
        model = Sponsorship

    amendment = factory.SubFactory(AmendmentFactory)
    position = 0
    member = factory.SubFactory(MemberFactory)
    members_api_id = factory.SelfAttribute("member.members_api_id")
    name = factory.SelfAttribute("member.name_display_as")
    is_lead = True


class PingPongItemFactory(DjangoModelFactory):
    class Meta:
        model = PingPongItem

    bills_api_id = factory.Sequence(lambda n: 9_810_000 + n)
    bill_stage = factory.SubFactory(BillStageFactory)
    list_position = factory.Sequence(lambda n: n)
    type = PingPongItem.Type.MOTION
    number = factory.Sequence(lambda n: f"{n + 1}A")
    decision = Decision.AGREED


class DivisionFactory(DjangoModelFactory):
    class Meta:
        model = Division

    source = Division.Source.COMMONS_VOTES
    source_id = factory.Sequence(lambda n: 9_820_000 + n)
    bill = factory.SubFactory(BillFactory)
    house = House.COMMONS
    date = dt.date(2024, 1, 2)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda d: f"{d.bill.short_title}: Example division")
    for_count = 1
    against_count = 1
    vote_lists_recorded = True


class VoteFactory(DjangoModelFactory):
    class Meta:
        model = Vote

    division = factory.SubFactory(DivisionFactory)
    member = factory.SubFactory(MemberFactory)
    members_api_id = factory.SelfAttribute("member.members_api_id")
    name = factory.SelfAttribute("member.name_display_as")
    lobby = factory.Iterator([Vote.Lobby.AYE, Vote.Lobby.NO])


# --- end of the amendments section -------------------------------------------------------------


# --- clauses (issue 6): a bill whose stages carry amendments targeting many clauses, for the
# --- clause pages' query counts and the derive benchmark ---------------------------------------


class NewClauseAmendmentFactory(AmendmentFactory):
    amendment_type = "AddClauseOrSchedule"
    clause = None
    position = "After Clause 1"
    new_clause_title = factory.Sequence(lambda n: f"Example new clause {n}")
    text_plain = factory.LazyAttribute(lambda a: f"{a.new_clause_title}\nExample words of the new clause.")
    decision = Decision.AGREED


class SittingFactory(DjangoModelFactory):
    class Meta:
        model = Sitting

    bills_api_id = factory.Sequence(lambda n: 9_830_000 + n)
    bill_stage = factory.SubFactory(BillStageFactory)
    date = dt.date(2024, 1, 2)


def bill_with_clause_amendments(*, clauses: int, amendments: int) -> Bill:
    """A Commons bill: two readings, then Committee and Report stages sharing `amendments`
    amendments that target clauses 1 to `clauses` (a quarter agreed, the rest not), and one
    agreed new clause at Committee with a lead sponsor and a supporter."""
    bill = BillFactory()
    stages = [BillStageFactory(bill=bill, sort_order=order, description=description)
              for order, description in enumerate(["1st reading", "2nd reading", "Committee stage", "Report stage"])]
    decisions = [Decision.AGREED, Decision.NOT_MOVED, Decision.WITHDRAWN, Decision.NO_DECISION]
    Amendment.objects.bulk_create([
        AmendmentFactory.build(bill_stage=stages[2 + (n // clauses) % 2], clause=1 + n % clauses,
                               decision=decisions[n % 4],
                               amendment_type="DeleteClauseOrSchedule" if n % 50 == 0 else "EditBillBody")
        for n in range(amendments)
    ], batch_size=500)
    new_clause = NewClauseAmendmentFactory(bill_stage=stages[2])
    SponsorshipFactory(amendment=new_clause, position=0, is_lead=True)
    SponsorshipFactory(amendment=new_clause, position=1, is_lead=False)
    return bill


# --- end of the clauses section ----------------------------------------------------------------


# --- alerts (issue 8): subscribers and their subscriptions -------------------------------------

from tracker.alerts.models import Subscriber, Subscription  # noqa: E402


class SubscriberFactory(DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"campaigner{n}@example.org")


class SubscriptionFactory(DjangoModelFactory):
    """A confirmed subscription to a bill; pass member=... and target_kind="member" for a member."""

    class Meta:
        model = Subscription

    subscriber = factory.SubFactory(SubscriberFactory)
    target_kind = "bill"
    bill = factory.SubFactory(BillFactory)
    status = Subscription.Status.CONFIRMED


# --- end of the alerts section -----------------------------------------------------------------
