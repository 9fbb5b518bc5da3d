"""Services that recompute what the record implies: each clause's identity across the bill's
prints, its status timeline and its supporters (the modules beside this one hold the rules).

`clauses_derive` is the pipeline step: it fetches the bill's LawMaker prints (only those
changed are parsed again) and recomputes the bill's clauses in one transaction. A run over
unchanged data writes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from django.db import transaction

from bills.models import Bill
from tracker.scraping.counts import StoreCounts
from tracker.scraping.models import ScrapeRun
from tracker.scraping.pipeline import ScrapeContext

from . import records
from .debate_rule import debate_placements
from .identity import (
    DEBATE_EVIDENCE,
    LeaveOut,
    NewProvision,
    Placement,
    PrintText,
    ProvisionRecord,
    clause_identities,
)
from .models import Print
from .ping_pong import ping_pong_events, with_ping_pong
from .prints import (
    ACT_PUBLICATION_TYPE,
    FetchedText,
    PlannedPrint,
    lawmaker_texts_fetch,
    planned_prints,
    print_publications,
    publication_stage,
)
from .reconstruct import reconstructed_provisions
from .stages import StageFacts, StagePlan, stage_plan
from .status import (
    LEAVE_OUT_TYPE,
    PrintFacts,
    amendment_targets,
    clause_events,
    clause_question_votes,
    mentioned_clauses,
)
from .store import clauses_store
from .supporters import clause_supports


def clauses_derive(context: ScrapeContext, bill_id: int) -> None:
    """Pipeline step: fetch the bill's prints, then derive and store its clauses, unless no
    print changed and this run wrote nothing of the bill (the clauses would come out as stored)."""
    bill = Bill.objects.filter(bills_api_id=bill_id).first()
    if bill is None:
        return  # the bill step could not store it, and said why
    parsed_hashes = dict(Print.objects.filter(bill=bill, source=Print.Source.LAWMAKER_XML)
                         .exclude(publication=None).values_list("publication_id", "content_hash"))
    texts = lawmaker_texts_fetch(context, print_publications(bill.publications.all()), parsed_hashes)
    if not context.wrote_for_bill() and all(text.parsed is None for text in texts.values()):
        return
    context.recorder.add(bill_clauses_derive(bill=bill, texts=texts, run=context.recorder.run))


@transaction.atomic
def bill_clauses_derive(*, bill: Bill, texts: Mapping[int, FetchedText] | None = None,
                        run: ScrapeRun | None = None, use_source_ids: bool = True) -> StoreCounts:
    """Recompute the bill's clauses. `texts`: the LawMaker prints fetched, by publication pk
    (one not fetched this time is read back from the store, if it was parsed before);
    `use_source_ids=False` ignores LawMaker GUIDs (to measure the similarity matcher)."""
    stages = records.stages_read(bill)
    publications = {p.pk: p for p in bill.publications.all()}
    facts = records.stage_facts(stages)
    lawmaker = _lawmaker_prints(bill, texts or {}, publications, facts)
    published_for = {stage_pk for publication, stage_pk, _, _, _ in lawmaker
                     if publication.publication_type != ACT_PUBLICATION_TYPE}  # the Act amends no stage
    facts = [replace(f, has_print=f.has_print or f.pk in published_for) for f in facts]
    plan = stage_plan(facts, originating_house=bill.originating_house)
    act = next((p for p in publications.values() if p.publication_type == ACT_PUBLICATION_TYPE), None)
    planned = planned_prints(bill=bill, plan=plan, lawmaker=[entry[:4] for entry in lawmaker], act=act,
                             stage_api_ids={s.pk: s.bills_api_id for s in stages})
    stage_names = {s.pk: f"{s.description or 'stage (name not recorded)'}, {s.house}" for s in stages}
    print_of_stage = {p.stage_pk: p.key for p in planned if not p.is_act and p.stage_pk is not None}
    reference_print = {s.pk: print_of_stage.get(plan.reference_print_stage(s.pk)) for s in facts}

    amendments = records.amendments_read(bill)
    mentions = records.mentions_read(bill)
    provisions = {publication.pk: found for publication, _, _, _, found in lawmaker}
    prints = [_print_text(p, provisions, plan, amendments, mentions, stage_names) for p in planned]
    identity = clause_identities(
        prints,
        new_provisions=[NewProvision(a.ref, a.new_kind, a.title, a.text, print_of_stage.get(a.stage_pk, ""),
                                     a.is_agreed, f"{a.label} ({stage_names[a.stage_pk]})")
                        for a in amendments if a.is_new_provision],
        leave_outs=[LeaveOut(print_of_stage[a.stage_pk], kind, number, a.ref, a.label)
                    for a in amendments if _leaves_out(a) and a.stage_pk in print_of_stage
                    and reference_print.get(a.stage_pk) == print_of_stage[a.stage_pk]
                    for kind, number, _ in a.targets(with_positions=False)],
        placements=[Placement(p.amendment.ref, print_of_stage[p.print_stage_pk], "clause", p.number, DEBATE_EVIDENCE,
                              p.confidence, p.evidence, p.mention.url, p.mention.sentence, p.mention.contribution_pk)
                    for p in debate_placements(plan=plan, amendments=amendments, mentions=mentions,
                                               stage_names=stage_names)],
        fixed_links=records.admin_links_read(bill),
        use_source_ids=use_source_ids,
    )
    targets = amendment_targets(identity, amendments, reference_print)
    events = clause_events(
        identity=identity,
        prints=[PrintFacts(p.key, p.stage_pk, p.label, p.is_act, p.source == Print.Source.LAWMAKER_XML)
                for p in planned],
        stages=facts, amendments=amendments, targets=targets, stage_names=stage_names,
        act_name=(bill.act_name or "Act (name not recorded)") if bill.is_act else None,
    )
    by_ref = {a.ref: a for a in amendments}
    clause_mentions = mentioned_clauses(identity, mentions, reference_print)
    events = with_ping_pong(events, ping_pong_events(clause_mentions, records.ping_pong_motions_read(bill),
                                                     {stage.pk: index for index, stage in enumerate(facts)}))
    supports = clause_supports(
        proposals={key: [by_ref[ref] for ref in refs] for key, refs in identity.proposals.items()},
        targets=targets, votes=records.votes_read(bill), clause_mentions=clause_mentions,
        amendment_mentions=[m for m in mentions if m.kind == "amendment"],
        clause_votes=clause_question_votes(identity, records.clause_votes_read(bill), reference_print),
        account=[entry for entry in records.account_entries_read(bill) if entry.clause_key in identity.clause_kinds],
    )
    titles = {key: by_ref[refs[0]].title for key, refs in identity.proposals.items()}
    resolved = {mention.pk: key for key, mention in clause_mentions}
    return clauses_store(bill=bill, planned=planned, identity=identity, events=events, supports=supports,
                         titles=titles, amendment_pks={ref: a.pk for ref, a in by_ref.items()},
                         mention_clauses={m.pk: resolved.get(m.pk) for m in mentions if m.kind == "clause"}, run=run)


def _lawmaker_prints(bill: Bill, texts: Mapping[int, FetchedText], publications, facts: list[StageFacts]) -> list:
    """(publication, stage pk, label, content hash, provisions) of each LawMaker print: as
    fetched now, else as last parsed."""
    stored = {p.publication_id: p for p in Print.objects.filter(bill=bill, source=Print.Source.LAWMAKER_XML)
              .exclude(publication=None)}
    preliminary = stage_plan(facts, originating_house=bill.originating_house)
    labels = {s.pk: preliminary.label(s.pk) for s in facts if not s.is_reading}
    found = []
    for publication in print_publications(publications.values()):
        fetched, earlier = texts.get(publication.pk), stored.get(publication.pk)
        if fetched is not None and fetched.parsed is not None:
            parsed = fetched.parsed
            label = parsed.stage_label or publication.title
            found_provisions = tuple(ProvisionRecord.from_provision(p, i) for i, p in enumerate(parsed.provisions))
            digest = fetched.content_hash
        elif earlier is not None and earlier.content_hash:
            label, digest, found_provisions = earlier.label, earlier.content_hash, records.stored_provisions(earlier)
        else:
            continue
        found.append((publication, publication_stage(publication, facts, label=label, labels=labels), label, digest,
                      found_provisions))
    return found


def _print_text(planned: PlannedPrint, provisions, plan: StagePlan, amendments, mentions, stage_names) -> PrintText:
    if planned.source == Print.Source.LAWMAKER_XML:
        return PrintText(planned.key, True, provisions[planned.publication_pk])
    if planned.is_act or planned.stage_pk is None:
        return PrintText(planned.key, False, ())
    return PrintText(planned.key, False, reconstructed_provisions(
        print_stage_pk=planned.stage_pk, plan=plan, amendments=amendments, mentions=mentions,
        stage_names=stage_names))


def _leaves_out(amendment) -> bool:
    return amendment.decision == "NotStoodPart" or (amendment.amendment_type == LEAVE_OUT_TYPE and amendment.is_agreed)
