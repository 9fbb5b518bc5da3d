"""Values longer than any column used to hold them, from the fault-injecting stand-in serving
the bundled Procurement Bill snapshot: every scraped text is stored whole (text columns, on
SQLite and PostgreSQL alike), never cut; a column still capped (an id or a digest the tracker
makes itself) refuses a longer value whole. Run the file once per database."""

from __future__ import annotations

import pytest

from amendments.models import Amendment, Sponsorship
from tests.support.http_server import rewritten_json
from tracker.hansard.models import Debate
from tracker.scraping.models import ListedEntry, ScrapeRun
from tracker.scraping.upsert import ValueTooLong, bulk_upsert

pytestmark = pytest.mark.filterwarnings("ignore::django.core.cache.CacheKeyWarning")
STAGE = "/Stages/9003003/Amendments"  # Commons Report stage: amendments 9006001 and 9006002


def numbered(number: str):
    """A fault: amendment 9006002 printed with this number, in the list and in its detail."""
    return rewritten_json(STAGE, lambda o: {**o, "marshalledListText": number} if o.get("amendmentId") == 9006002
                          else o)


def lengthened(keys: tuple[str, ...], *, where: str, by: str):
    """A fault: every string under these keys in the bodies of URLs containing `where` ends with `by`."""
    return rewritten_json(where, lambda o: {k: v + by if k in keys and isinstance(v, str) else v for k, v in o.items()})


def test_a_21_character_amendment_number_is_stored_whole(stand_in):
    number = "449 (manuscript) [A1]"  # 21 characters: cut to 20 on SQLite, a DataError on PostgreSQL, before
    assert stand_in(numbered(number)).status == ScrapeRun.Status.SUCCEEDED
    assert Amendment.objects.get(bills_api_id=9006002).number == number
    assert Amendment.objects.filter(bill_stage__bills_api_id=9003003).count() == 2


def test_a_number_of_thousands_of_characters_is_stored_whole_with_the_rest_of_its_stage(stand_in):
    stand_in()
    other = Amendment.objects.values().get(bills_api_id=9006001)
    number = "449" + "A" * 5000
    assert stand_in(numbered(number)).status == ScrapeRun.Status.SUCCEEDED
    assert Amendment.objects.get(bills_api_id=9006002).number == number
    assert Amendment.objects.values().get(bills_api_id=9006001) == other
    assert Amendment.objects.filter(bill_stage__bills_api_id=9003003).count() == 2


def test_long_positions_sponsor_names_and_debate_titles_are_stored_whole(stand_in):
    tail = " (as the source sends it)" + "." * 3000
    amendments = lengthened(("amendmentPosition", "name", "party"), where=STAGE, by=tail)
    debates = lengthened(("Title",), where="hansard-api.parliament.uk/debates/debate/", by=tail)
    run = stand_in(lambda url, reply: debates(url, amendments(url, reply)))
    assert run.status == ScrapeRun.Status.SUCCEEDED, list(run.problems.values_list("message", flat=True))
    stage = Amendment.objects.filter(bill_stage__bills_api_id=9003003)
    assert stage.count() == 2 and all(a.position.endswith(tail) for a in stage if a.position)
    names = Sponsorship.objects.filter(amendment__in=stage).values_list("name", flat=True)
    assert names and all(name.endswith(tail) for name in names)
    assert Debate.objects.exists() and all(d.title.endswith(tail) for d in Debate.objects.all())


@pytest.mark.django_db
def test_a_capped_column_refuses_a_longer_value_whole():
    with pytest.raises(ValueTooLong, match="digest has 65 characters"):
        bulk_upsert(ListedEntry, key=("list_url", "item_key"), rows={("list", "9"): {"digest": "d" * 65}})
    assert not ListedEntry.objects.exists()
