"""A clause's part in ping-pong: a Lords motion or amendment in lieu named in the same
sentence as the clause ("I turn to Clause 65 and Amendment 47B in Motion 47A in my name")
is an event in the clause's history, at the motion's stage and the debate's date, with the
motion's outcome as the record gives it ("outcome not recorded" when it does not).

Pure: resolved clause mentions and the motions named in debate in; EventRecords out, placed
in each clause's history by stage order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from .facts import MentionFacts, PingPongMentionFacts
from .status import PING_PONG, EventRecord

_PHASE = 1  # after the stage's prints, with the items tabled at it


def ping_pong_events(clause_mentions: Iterable[tuple[str, MentionFacts]], motions: Iterable[PingPongMentionFacts],
                     stage_index: Mapping[int, int]) -> dict[str, list[EventRecord]]:
    by_sentence: dict[tuple[int, str], list[PingPongMentionFacts]] = {}
    for motion in motions:
        by_sentence.setdefault((motion.contribution_pk, motion.sentence), []).append(motion)
    found: dict[str, dict[int, EventRecord]] = {}
    for clause_key, mention in clause_mentions:
        for motion in by_sentence.get((mention.contribution_pk, mention.sentence), ()):
            movers = f", moved by {', '.join(motion.movers)}" if motion.movers else ""
            outcome = motion.decision_label.lower() if motion.decision_label else "outcome not recorded"
            found.setdefault(clause_key, {}).setdefault(motion.item_pk, EventRecord(
                clause_key, PING_PONG, f"ping-pong-{motion.item_pk}", motion.stage_pk, motion.date,
                (stage_index.get(motion.stage_pk, len(stage_index)), _PHASE, motion.item_pk),
                confidence=mention.confidence or None,
                note=f"{motion.label}{movers}, named it in debate ({mention.describe()}); {outcome}.",
                source_url=motion.url, quote=motion.sentence, contribution_pk=motion.contribution_pk,
                ping_pong_item_pk=motion.item_pk))
    return {key: list(events.values()) for key, events in found.items()}


def with_ping_pong(events: Mapping[str, Sequence[EventRecord]],
                   extra: Mapping[str, Sequence[EventRecord]]) -> dict[str, list[EventRecord]]:
    """Each clause's history with its ping-pong events placed by stage order; a clause's
    current status never comes from one (see `current_status`)."""
    merged = {key: list(history) for key, history in events.items()}
    for key, more in extra.items():
        history = merged.setdefault(key, [])
        for event in sorted(more, key=lambda e: e.order):
            at = next((i for i, e in enumerate(history) if e.order > event.order), len(history))
            history.insert(at, event)
    return merged
