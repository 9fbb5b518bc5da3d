"""Hansard on the bundled Procurement Bill snapshot, loaded through the real scrape. Every fact
asserted is in data/reference/procurement-bill/facts.json or the pack's hansard/ captures;
each stance is what the rules read from the words stored, not what the record says of the member."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from amendments.models import Amendment, PingPongItem
from bills.models import Member
from tracker.hansard.models import Contribution, Debate, Mention
from tracker.hansard.selectors import member_contributions, speeches_on_amendment, speeches_on_ping_pong_item
from tracker.hansard.stance import read_stance
from tracker.http.client import build_session
from tracker.scraping.models import ScrapeRun
from tracker.scraping.pipeline import scrape

pytestmark = pytest.mark.django_db
GRAND_COMMITTEE = "00000000-0000-0000-0000-000009100001"  # 18 Jul 2022, HL Deb 823 cc554-7GC
COMMONS_SECOND_READING = "2936011F-A818-40FC-941B-D53E05672870"
COMMONS_REPORT = "5F35C5A7-83E8-4E16-A1DF-0E56E4CDF48D"
LORDS_PING_PONG = "9A57D130-6537-40A0-BD39-1A6393EABA8D"


def load(snapshot: Path) -> ScrapeRun:
    run = scrape(bill_ids=[3159], session=build_session(snapshot_dir=snapshot), source="snapshot", reconstructed=True)
    assert run.status == ScrapeRun.Status.SUCCEEDED, list(run.problems.values_list("message", flat=True))
    return run


@pytest.fixture
def procurement_bill():
    return load(settings.BUNDLED_SNAPSHOT_DIR)


def spoken_by(name: str, ext_id: str) -> Contribution:
    return Contribution.objects.get(debate__hansard_ext_id=ext_id, member__name_display_as=name)


def test_lord_altons_grand_committee_contribution_is_stored_as_the_record_gives_it(procurement_bill):
    alton = spoken_by("Lord Alton of Liverpool", GRAND_COMMITTEE)
    debate = alton.debate
    assert (debate.house, str(debate.date), debate.location, debate.volume) == ("Lords", "2022-07-18", "Grand Committee", 823)
    assert (debate.bill_stage.description, debate.bill_stage.house) == ("Committee stage", "Lords")
    assert (alton.member_match, alton.text_plain) == (Contribution.MemberMatch.SOURCE_ID, "so admirable")
    assert alton.column_reference == ""  # 823 cc554-7GC is in the record, but a Hansard API item has no column
    # The two words stored name no amendment, and the debate has no section heading under the
    # bill's title, so nothing links them to 449 and 449A (see the next test).
    assert not alton.mentions.exists()


def _snapshot_with_grand_committee(tmp_path: Path, body: dict) -> Path:
    copy = tmp_path / "procurement"
    shutil.copytree(settings.BUNDLED_SNAPSHOT_DIR, copy)
    (copy / "bodies" / "hansard" / f"debate_{GRAND_COMMITTEE}.json").write_text(json.dumps(body))
    return copy


def _grand_committee(items: list, children: list | None = None) -> dict:
    return {"Overview": {"ExtId": GRAND_COMMITTEE, "Title": "Procurement Bill [HL]", "Date": "2022-07-18T00:00:00",
                         "Location": "Grand Committee", "House": "Lords", "VolumeNo": 823},
            "Items": items, "ChildDebates": children or []}


def _alton(words: str) -> dict:
    return {"ItemType": "Contribution", "MemberId": 9000001, "AttributedTo": "Lord Alton of Liverpool",
            "Value": f"<p>{words}</p>"}


def test_words_naming_449_and_449A_resolve_to_those_amendments_of_the_committee_stage(tmp_path):
    # A test variant of the Grand Committee body: the example sentence instead of the
    # two words stored, to show how words that name both amendments are matched and read.
    sentence = "I support Amendment 449 in the name of the noble Lord, Lord Hunt of Kings Heath, and Amendment 449A"
    load(_snapshot_with_grand_committee(tmp_path, _grand_committee([_alton(sentence)])))
    mentions = Mention.objects.filter(contribution__debate__hansard_ext_id=GRAND_COMMITTEE).order_by("span_start")
    assert [(m.number, m.amendment.bills_api_id, m.stance, m.stance_rule) for m in mentions] == [
        ("449", 9006002, "supports", "supports"), ("449A", 9006003, "supports", "supports")]
    assert mentions[0].resolution == ("matched Amendment 449 of Committee stage (Lords), the stage that sat that day")
    speeches = speeches_on_amendment(amendment=Amendment.objects.get(bills_api_id=9006003))
    assert [(s.member.name_display_as, s.mention.sentence, s.stage.description) for s in speeches.supporters] == [
        ("Lord Alton of Liverpool", sentence, "Committee stage")]
    assert speeches.opponents == []


def test_a_section_heading_names_the_amendment_a_contribution_is_about(tmp_path):
    # A test variant: the stored words under a section headed as Hansard heads a group.
    section = {"Overview": {"ExtId": "00000000-0000-0000-0000-000009200449", "Title": "Amendment 449"},
               "Items": [_alton("so admirable")]}
    load(_snapshot_with_grand_committee(tmp_path, _grand_committee([], [section])))
    mention = Mention.objects.get(contribution__debate__hansard_ext_id=GRAND_COMMITTEE)
    assert (mention.in_heading, mention.amendment.bills_api_id, mention.stance, mention.sentence) == (
        True, 9006002, "neutral", "Amendment 449")  # "so admirable" fires no rule


def test_motion_47A_in_lord_altons_words_resolves_to_the_ping_pong_motion_he_moved(procurement_bill):
    alton = spoken_by("Lord Alton of Liverpool", LORDS_PING_PONG)
    motion = alton.mentions.get(kind="motion", number="47A")
    assert motion.ping_pong_item == PingPongItem.objects.get(bills_api_id=9007001)
    assert (motion.stance, motion.stance_rule, motion.speaker_role) == ("neutral", "moves-or-tables", "mover")
    assert motion.sentence == "I turn to Clause 65 and Amendment 47B in Motion 47A in my name."
    grouped = alton.mentions.get(kind="amendment", number="47B")
    assert grouped.ping_pong_item == motion.ping_pong_item
    assert grouped.resolution.startswith("matched Amendment 47B, printed in Motion 47A")
    speeches = speeches_on_ping_pong_item(item=motion.ping_pong_item)
    assert speeches.supporters == []  # moving a motion in his name is procedure: he spoke on it
    assert [s.member.name_display_as for s in speeches.no_stance] == ["Lord Alton of Liverpool"]


def test_tim_loughtons_clause_65_at_commons_second_reading(procurement_bill):
    loughton = spoken_by("Tim Loughton", COMMONS_SECOND_READING)
    assert (loughton.debate.bill_stage.description, loughton.debate.house) == ("2nd reading", "Commons")
    mention = loughton.mentions.get()
    assert (mention.kind, mention.clause_number) == ("clause", "65")
    assert mention.sentence.startswith("Clause 65 was helpfully added by the noble Lord Alton")
    # The record counts him for Clause 65, but no rule reads a side in these words.
    assert (mention.stance, mention.stance_rule) == ("neutral", "no-rule")


def test_jeremy_quins_doubt_is_shown_as_his_words_with_no_side_claimed(client, procurement_bill):
    quin = spoken_by("Jeremy Quin", COMMONS_SECOND_READING)
    assert not quin.mentions.exists()  # his words name no numbered amendment, motion or clause
    assert read_stance("Anything that is added to the Bill must be deliverable and workable").rule == "reservation"
    assert read_stance("Anything that is added to the Bill must be deliverable and workable").stance == "neutral"
    html = client.get(quin.get_absolute_url()).content.decode()
    article = html[html.index(f'id="{quin.anchor}"'):]
    article = article[:article.index("</article>")]
    assert "Anything that is added to the Bill must be deliverable and workable" in article
    assert "What it mentions" not in article and "Opposes" not in article
    shown = member_contributions(member=Member.objects.get(members_api_id=9000012))
    assert [(row.contribution, row.mentions) for row in shown.contributions] == [(quin, [])]


def test_new_clause_1_resolves_to_NC1_on_a_day_two_commons_stages_sat(procurement_bill):
    debate = Debate.objects.get(hansard_ext_id=COMMONS_REPORT)
    assert debate.bill_stage is None  # Report and 3rd reading both sat on 13 June 2023
    laing = debate.contributions.get(attributed_to="Dame Eleanor Laing")
    assert laing.member_match == Contribution.MemberMatch.NOT_MATCHED  # not among the members the record gives
    new_clause = laing.mentions.get(number="1", new_clause=True)
    assert new_clause.amendment == Amendment.objects.get(bills_api_id=9006005)
    assert new_clause.resolution == "matched Amendment NC1 of Report stage (Commons), the stage that sat that day"
    assert laing.mentions.get(number="9").resolution == (
        "no amendment numbered NC9 is stored for Report stage (Commons) or 3rd reading (Commons)")


def test_the_ping_pong_debate_page_marks_and_links_what_lord_alton_names(client, procurement_bill):
    html = client.get(f"/hansard/debates/{LORDS_PING_PONG}/").content.decode()
    motion_47a = PingPongItem.objects.get(bills_api_id=9007001)
    assert f'href="/bills/3159/procurement-bill-hl/amendments/#{motion_47a.anchor}">47A</a></mark>' in html
    assert "Reconstructed data" in html
    assert "Lord Hunt of King’s Heath" in html
