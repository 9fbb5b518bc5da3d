"""Writing a parsed Hansard debate and its contributions, in one transaction per debate.

Each contribution's speaker is the member whose Members API id Hansard gives; failing that,
the one stored member of the debate's House whose name the attribution carries (recorded as
matched by name and House); else no one (recorded as not matched), with Hansard's words kept.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction

from amendments.store import member_pks_for
from bills.models import Bill, Member
from tracker.made_up_ids import unless_made_up
from tracker.hansard.sources.hansard_api_parse import HansardContribution, HansardDebate
from tracker.scraping.counts import StoreCounts
from tracker.scraping.loss_guard import BillRows
from tracker.scraping.upsert import bulk_upsert, unlisted_children_delete
from tracker.scraping.values import text, uk_aware

from .models import Contribution, Debate
from .reading import contribution_texts, name_candidates

Match = Contribution.MemberMatch


@transaction.atomic
def debate_store(*, bill: Bill, debate: HansardDebate, content_hash: str, url: str = "") -> StoreCounts:
    """Store the debate and its contributions. Contributions the source no longer has are
    removed only when the whole document was read (`content_hash` set): a document read
    with errors may simply have lost one to a malformed record. Removing or blanking most of
    the bill's contributions is a large loss held back for an editor (`url`: the document read)."""
    result = bulk_upsert(Debate, key="hansard_ext_id", rows={debate.ext_id: {
        "bill_id": bill.pk,
        "house": debate.house,
        "date": debate.sitting_date,
        "title": text(debate.title),
        "location": text(debate.location),
        "volume": debate.volume_no,
        "url": unless_made_up(debate.permalink, debate.ext_id),  # blank: no link built from a made-up id
        "content_last_updated": uk_aware(debate.content_last_updated),
        "content_hash": content_hash,
    }})
    stored = result.objects[debate.ext_id]
    speakers = _speakers(debate)
    guard = BillRows(bill.bills_api_id, "Hansard contributions", url)
    contributions = bulk_upsert(Contribution, key=("debate_id", "order"), rows={
        (stored.pk, item.order): _contribution_row(item, *speakers(item), debate_ext_id=debate.ext_id)
        for item in debate.contributions
    }, guard=guard)
    removed = 0
    if content_hash:
        removed = unlisted_children_delete(Contribution, parent="debate", key_fields=("order",),
                                           kept={stored.pk: {(item.order,) for item in debate.contributions}},
                                           guard=guard)
    return result.counts + contributions.counts + StoreCounts(updated=removed)


def _contribution_row(item: HansardContribution, member_pk: int | None, match: str, *, debate_ext_id: str) -> dict:
    text_html, text_plain = contribution_texts(item.value)
    return {
        "external_id": text(item.external_id),
        "member_id": member_pk,
        "members_api_id": item.member_id,
        "attributed_to": text(item.attributed_to),
        "member_match": match,
        "heading": text(item.heading),
        "section_ext_id": item.section_ext_id,
        "timecode": uk_aware(item.timecode),
        "column_reference": "",  # the Hansard API's DebateItem has no column field
        "text_html": text_html,
        "text_plain": text_plain,
        "url": unless_made_up(item.permalink, debate_ext_id),
    }


def _speakers(debate: HansardDebate):
    """A function giving each contribution's (Member pk or None, how it was matched)."""
    by_id = member_pks_for(item.member_id for item in debate.contributions if item.member_id is not None)
    wanted = {name for item in debate.contributions for name in name_candidates(item.attributed_to)}
    by_name: dict[str, set[int]] = defaultdict(set)
    for pk, name in Member.objects.filter(house=debate.house, name_display_as__in=wanted).values_list(
            "pk", "name_display_as"):
        by_name[name].add(pk)

    def speaker(item: HansardContribution) -> tuple[int | None, str]:
        if item.member_id in by_id:
            return by_id[item.member_id], Match.SOURCE_ID
        named = {pk for name in name_candidates(item.attributed_to) for pk in by_name.get(name, ())}
        if len(named) == 1:
            return named.pop(), Match.NAME_AND_HOUSE
        return None, Match.NOT_MATCHED

    return speaker
