"""Link the clauses and schedules of one print to the next, by identity rather than by number.

`match_prints(older, newer)` returns one ClauseLink per provision: older -> newer (the same
clause, perhaps renumbered, retitled, moved or amended), older -> None (left out) or
None -> newer (inserted). Clauses and schedules are matched within their own kind, one to
one. Steps, in order:

1. "source id": both provisions carry the same LawMaker GUID (skipped with
   `use_source_ids=False`). Confidence 1.
2. "amendment": an agreed change names a clause left out (by its older number) or a new
   clause inserted (by its title, and text when known: the unlinked newer provision most
   like it, if at least MATCH_THRESHOLD alike). Confidence 1 for a leave-out; the likeness
   for an insertion.
3. "similarity": every remaining older x newer pair is scored (below); pairs are taken best
   first, ties going to the pair whose positions differ least (numbers shift by a few when a
   clause comes or goes), and a pair is linked if neither side is linked yet and it scores at
   least MATCH_THRESHOLD. Confidence = the score.
4. What is left is left out / inserted ("similarity"), with confidence 1 - the best score it
   had against any provision of its kind on the other side.

Score: HEADING_WEIGHT x heading likeness + the rest x text likeness, or just the one present
when a side has no heading or no text. Heading likeness is RapidFuzz's character Indel ratio
(case-folded); text likeness its Indel ratio over words. Measured on the Social Housing
(Regulation) Bill prints (bench/clause_matcher.py reruns it): over clause texts a true
successor scores at least 0.329 by words and no other pair more than 0.480, while by
characters other pairs reach 0.649; difflib's word SequenceMatcher gives the same numbers as
the word Indel ratio in ten times the time, and difflib on characters took over a minute and
mislinked. Text alone cannot carry the short title, cut from 342 to 66 characters (0.329),
hence the heading: with weight 0.4 true successors score at least 0.597 and every other pair
at most 0.467, so MATCH_THRESHOLD sits at 0.5.

Merges: when two clauses become one, the merged clause links to the one it most resembles;
the other is reported left out, and if most of its wording (>= MERGE_THRESHOLD of its word
trigrams) reappears in a newer provision, `possibly_merged_into` names that provision and
the confidence that it was simply left out drops to 1 - that share.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from bills.text.lawmaker_parse import BillPrint, Provision

SOURCE_ID = "source id"
SIMILARITY = "similarity"
AMENDMENT = "amendment"

LEAVE_OUT = "leave out"
INSERT = "insert"

HEADING_WEIGHT = 0.4
MATCH_THRESHOLD = 0.5
MERGE_THRESHOLD = 0.6
_KINDS = ("clause", "schedule")


@dataclass(frozen=True)
class AgreedChange:
    """An agreed amendment that adds or removes a whole clause or schedule between two prints:
    `action` LEAVE_OUT names the older `number`; INSERT gives the new one's `heading` (its
    title) and, when known, its `text`."""

    action: str
    kind: str = "clause"
    number: str | None = None
    heading: str = ""
    text: str = ""


@dataclass(frozen=True)
class ClauseLink:
    """One clause or schedule followed from the older print to the newer: `older` None means
    inserted, `newer` None means left out. `method` is SOURCE_ID, AMENDMENT or SIMILARITY;
    `confidence` runs 0..1."""

    kind: str
    older: Provision | None
    newer: Provision | None
    method: str
    confidence: float
    possibly_merged_into: Provision | None = None


def match_prints(
    older: BillPrint | Sequence[Provision],
    newer: BillPrint | Sequence[Provision],
    *,
    agreed_changes: Iterable[AgreedChange] = (),
    use_source_ids: bool = True,
) -> tuple[ClauseLink, ...]:
    """Link older's clauses and schedules to newer's: links in older order, then insertions
    in newer order, clauses before schedules."""
    changes = tuple(agreed_changes)
    links: list[ClauseLink] = []
    for kind in _KINDS:
        pairing = _Pairing(
            kind,
            [p for p in _provisions(older) if p.kind == kind],
            [p for p in _provisions(newer) if p.kind == kind],
        )
        if use_source_ids:
            pairing.link_by_source_id()
        pairing.apply_agreed_changes(change for change in changes if change.kind == kind)
        pairing.link_by_similarity()
        links += pairing.links_with_the_rest()
    return tuple(links)


def similarity(a: Provision, b: Provision) -> float:
    """How alike two provisions are, 0..1, from heading and text (see the module docstring)."""
    parts = []
    if a.heading and b.heading:
        heading = fuzz.ratio(a.heading.casefold(), b.heading.casefold()) / 100
        parts.append((HEADING_WEIGHT, heading))
    if a.text and b.text:
        text = Indel.normalized_similarity(_words(a.text), _words(b.text))
        parts.append((1 - HEADING_WEIGHT, text))
    total_weight = sum(weight for weight, _ in parts)
    return sum(weight * score for weight, score in parts) / total_weight if total_weight else 0.0


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _provisions(print_or_provisions: BillPrint | Sequence[Provision]) -> Sequence[Provision]:
    if isinstance(print_or_provisions, BillPrint):
        return print_or_provisions.provisions
    return print_or_provisions


class _Pairing:
    """The links made so far between one kind's older and newer provisions, by index."""

    def __init__(self, kind: str, older: list[Provision], newer: list[Provision]) -> None:
        self.kind, self.older, self.newer = kind, older, newer
        self.of_older: dict[int, ClauseLink] = {}
        self.of_newer: dict[int, ClauseLink] = {}

    def link(self, i: int | None, j: int | None, method: str, confidence: float) -> None:
        made = ClauseLink(
            self.kind,
            self.older[i] if i is not None else None,
            self.newer[j] if j is not None else None,
            method,
            round(confidence, 3),
        )
        if i is not None:
            self.of_older[i] = made
        if j is not None:
            self.of_newer[j] = made

    def link_by_source_id(self) -> None:
        newer_by_guid = {p.guid: j for j, p in enumerate(self.newer) if p.guid}
        for i, provision in enumerate(self.older):
            j = newer_by_guid.get(provision.guid) if provision.guid else None
            if j is not None and j not in self.of_newer:
                self.link(i, j, SOURCE_ID, 1.0)

    def apply_agreed_changes(self, changes: Iterable[AgreedChange]) -> None:
        for change in changes:
            if change.action == LEAVE_OUT:
                for i, provision in enumerate(self.older):
                    if provision.number == change.number and i not in self.of_older:
                        self.link(i, None, AMENDMENT, 1.0)
            elif change.action == INSERT:
                described = Provision(self.kind, "", change.heading, change.text)
                score, j = max(
                    ((similarity(described, p), j) for j, p in enumerate(self.newer)
                     if j not in self.of_newer),
                    default=(0.0, None),
                )
                if score >= MATCH_THRESHOLD:
                    self.link(None, j, AMENDMENT, score)

    def link_by_similarity(self) -> None:
        """Best-first one-to-one assignment; equal scores go to the smaller shift in position."""
        scores = [
            (similarity(self.older[i], self.newer[j]), i, j)
            for i, j in product(range(len(self.older)), range(len(self.newer)))
            if i not in self.of_older and j not in self.of_newer
        ]
        for score, i, j in sorted(scores, key=lambda pair: (-pair[0], abs(pair[1] - pair[2]))):
            if score < MATCH_THRESHOLD:
                break
            if i not in self.of_older and j not in self.of_newer:
                self.link(i, j, SIMILARITY, score)

    def links_with_the_rest(self) -> list[ClauseLink]:
        """All links, the unlinked counted as left out or inserted: older order, then inserted."""
        for i, provision in enumerate(self.older):
            if i not in self.of_older:
                best = max((similarity(provision, p) for p in self.newer), default=0.0)
                self.link(i, None, SIMILARITY, 1 - best)
        for j, provision in enumerate(self.newer):
            if j not in self.of_newer:
                best = max((similarity(p, provision) for p in self.older), default=0.0)
                self.link(None, j, SIMILARITY, 1 - best)
        from_older = [
            _with_merge_hint(self.of_older[i], self.newer) for i in sorted(self.of_older)
        ]
        inserted = [made for _, made in sorted(self.of_newer.items()) if made.older is None]
        return from_older + inserted


def _with_merge_hint(made: ClauseLink, newer: list[Provision]) -> ClauseLink:
    """For a left-out provision, name the newer one that holds most of its wording, if any."""
    if made.newer is not None or made.older is None:
        return made
    shingles = _word_trigrams(made.older.text)
    if not shingles:
        return made
    share, holder = max(
        ((len(shingles & _word_trigrams(p.text)) / len(shingles), p) for p in newer),
        key=lambda pair: pair[0],
        default=(0.0, None),
    )
    if share < MERGE_THRESHOLD:
        return made
    return ClauseLink(
        made.kind, made.older, None, made.method,
        round(min(made.confidence, 1 - share), 3), possibly_merged_into=holder,
    )


def _word_trigrams(text: str) -> set[tuple[str, ...]]:
    words = text.casefold().split()
    return {tuple(words[k:k + 3]) for k in range(len(words) - 2)}
