"""Done when: Clause 65's page, crawled, shows its Lords sponsors and Commons backers once each,
the Government's opposition and the 8-5 removal, and the 47A/47B attempt in its history. The
Commons backers the account names come in as editors' entries (data/account-entries/), loaded
through the service the admin uses; an undated quote is shown undated and tied to no debate."""

import csv
import io

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from tests.factories import SubscriptionFactory
from tracker.alerts.models import Delivery
from tracker.clauses.account_entries import account_entries_load, account_entries_save
from tracker.clauses.models import AccountEntry, Clause
from tracker.events.models import ChangeEvent
from tracker.events.services import event_record
from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape

pytestmark = pytest.mark.django_db
ENTRIES = settings.BASE_DIR / "data" / "account-entries" / "procurement-bill.json"
ALTON_CLAUSE = "amendment-9006001"
LORDS_SPONSORS = ["Lord Alton of Liverpool", "Lord Blencathra", "Lord Coaker", "Lord Fox"]
COMMONS_BACKERS = ["Tim Loughton", "Alicia Kearns", "Kirsty Blackman", "Sir Iain Duncan Smith"]


@pytest.fixture
def clause_65():
    session = build_session(snapshot_dir=settings.BUNDLED_SNAPSHOT_DIR)
    scrape(bill_ids=[3159], session=session, source="bundled snapshot", reconstructed=True)
    account_entries_load(ENTRIES, session=session)
    return Clause.objects.get(key=ALTON_CLAUSE)


def ledger_html(client, clause) -> str:
    html = client.get(clause.get_absolute_url()).content.decode()
    return html[html.index('id="supporters"'):html.index('id="alerts"')]


def test_lords_sponsors_and_commons_backers_appear_once_each(client, clause_65):
    html = ledger_html(client, clause_65)
    supporting = html[html.index("Supporting ("):html.index("Opposing (")]

    for name in LORDS_SPONSORS + COMMONS_BACKERS:
        assert supporting.count(f"<strong>{name}</strong>") + supporting.count(f">{name}</a></strong>") == 1, name
    assert "Supporting (8)" in html


def test_the_commons_backers_are_members_the_tracker_knows_with_their_house_and_party(client, clause_65):
    html = ledger_html(client, clause_65)
    for name, party in (("Kirsty Blackman", "Scottish National Party"), ("Sir Iain Duncan Smith", "Conservative")):
        backer = html[html.index(f">{name}</a></strong>"):]
        assert f"{party}, Commons" in backer[:backer.index("</p>")]
        member = clause_65.supports.filter(name=name).first().member
        assert member is not None and client.get(member.get_absolute_url()).status_code == 200


def test_the_entries_are_the_accounts_stances_loading_twice_changes_nothing(clause_65):
    entries = list(AccountEntry.objects.order_by("key").values_list("key", "name", "stance", "said_on"))
    account_entries_load(ENTRIES)

    assert list(AccountEntry.objects.order_by("key").values_list("key", "name", "stance", "said_on")) == entries
    assert {name for _, name, stance, _ in entries if stance == "supports"} == set(COMMONS_BACKERS)
    assert {name for _, name, stance, _ in entries if stance == "opposes"} == {"Baroness Neville-Rolfe"}
    kearns = AccountEntry.objects.get(name="Alicia Kearns")
    assert (kearns.quote, kearns.said_on) == ("tantamount to facilitating genocide", None)


def test_the_governments_opposition_and_the_8_to_5_removal_are_counted(client, clause_65):
    html = ledger_html(client, clause_65)

    assert "Opposing (1)" in html and "Baroness Neville-Rolfe" in html[html.index("Opposing (1)"):]
    assert "by eight votes against five" in html and "members&#x27; votes not recorded" in html
    assert "0 opposing" not in html
    assert clause_65.__class__.objects.get(pk=clause_65.pk).ledger_summary.startswith(
        "8 supporting: 4 signed the amendment, 4 recorded for it in a cited account; "
        "1 opposing: Baroness Neville-Rolfe (recorded against it in a cited account); left out by an amendment")


def test_an_undated_account_quote_is_an_editors_entry_shown_undated_and_tied_to_no_debate(client, clause_65):
    html = ledger_html(client, clause_65)
    kearns = html[html.index("Alicia Kearns"):]
    kearns = kearns[:kearns.index("</li>")]

    assert "Editor's entry" in kearns and "(undated)" in kearns
    assert "tantamount to facilitating genocide" in kearns
    assert "the speech" not in kearns and "January 2023" not in kearns
    support = clause_65.supports.get(name="Alicia Kearns")
    assert (support.via, support.date, support.contribution) == ("account", None, None)


def test_the_ping_pong_attempt_is_in_its_history(client, clause_65):
    html = client.get(clause_65.get_absolute_url()).content.decode()
    history = html[html.index('id="history"'):html.index('id="supporters"')]

    assert "Motion 47A (Amendment 47B), moved by Lord Alton of Liverpool" in history
    assert "11 September 2023" in history and "outcome not recorded" in history


def test_the_supporters_csv_is_the_same_ledger(client, clause_65):
    response = client.get(f"{clause_65.get_absolute_url()}supporters.csv")
    header, *rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert header[:4] == ["Name", "Party", "House", "Position"]
    assert {row[0] for row in rows if row[3] == "supports"} == set(LORDS_SPONSORS + COMMONS_BACKERS)
    assert list(dict.fromkeys(row[0] for row in rows if row[3] == "opposes")) == ["Baroness Neville-Rolfe",
                                                                                   "not recorded"]
    kearns = next(row for row in rows if row[0] == "Alicia Kearns")
    assert kearns[7] == "undated"
    assert header[4] == "Conflict" and {row[4] for row in rows} == {""}, "no one's evidence conflicts: no cell says so"


def test_the_supporters_csv_says_a_conflict_only_where_evidence_conflicts(client, clause_65):
    example = {"clause_key": ALTON_CLAUSE, "name": "Example Member", "citation": "https://example.org/cited",
               "reason": "An example made up by this test."}
    account_entries_save(bill=clause_65.bill, entries=[
        {**example, "key": "example-for", "stance": "supports", "said_on": "2023-01-09"},
        {**example, "key": "example-against", "stance": "opposes", "said_on": "2023-06-13"}])
    response = client.get(f"{clause_65.get_absolute_url()}supporters.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))

    conflicts = {row["Name"]: row["Conflict"] for row in rows if row["Conflict"]}
    assert conflicts == {"Example Member": "was recorded for, then was recorded against"}


def test_an_editor_adds_an_entry_in_the_admin_and_the_clause_shows_it(client, clause_65):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
    client.force_login(editor)
    response = client.post("/admin/clauses/accountentry/add/", {
        "bill": clause_65.bill_id, "clause_key": ALTON_CLAUSE, "key": "clause-65-example", "name": "Example Member",
        "party_name": "", "stance": "opposes", "quote": "", "said_on": "", "citation": "https://example.org/cited",
        "reason": "An example the editor checked."})

    assert response.status_code == 302
    assert AccountEntry.objects.get(key="clause-65-example").created_by == editor
    clause_65.refresh_from_db()
    assert clause_65.opponents_count == 2
    assert "Example Member" in ledger_html(client, clause_65)


@pytest.mark.parametrize("amendment", [9006001, 9006004])  # the amendment that inserted it; the one that left it out
def test_the_amendment_page_shows_the_clauses_own_ledger(client, clause_65, amendment):
    clause_ledger = ledger_html(client, clause_65)
    clause_ledger = clause_ledger[clause_ledger.index("</h2>") + 5:]
    html = client.get(f"/amendments/{amendment}/").content.decode()
    ledger = html[html.index('id="supporters"'):]
    ledger = ledger[ledger.index("</p>", ledger.index("the clause this amendment concerns")) + 4:]

    assert ledger.strip().startswith(clause_ledger.strip()[:-len('<h2 class="govuk-heading-l" id="')])
    assert html.count('id="supporters"') == 1


def test_an_alert_about_the_clause_carries_its_ledger(clause_65, django_capture_on_commit_callbacks, mailoutbox):
    subscription = SubscriptionFactory(target_kind="clause", bill=None, clause=clause_65,
                                       subscriber__email="watcher@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        event = event_record(kind=ChangeEvent.Kind.CLAUSE_STATUS_CHANGED, bill=clause_65.bill, clause=clause_65,
                             summary="Procurement Bill [HL]: new clause — left out", detail={})
    assert Delivery.objects.filter(event=event, subscription=subscription).exists()
    [message] = [m for m in mailoutbox if m.to == ["watcher@example.org"]]

    assert "Who supports and opposes it: 8 supporting: 4 signed the amendment" in message.body
    assert "Opposing: Baroness Neville-Rolfe (Conservative)." in message.body
    assert "Kirsty Blackman (Scottish National Party)" in message.body
