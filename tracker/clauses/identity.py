"""Follow each clause and schedule through the bill's prints: which versions are one clause.

Pure: the prints' provisions and the evidence in, an Identity (every version's clause key and
every link between consecutive prints, with how it was made) out. Prints are walked in order;
between two consecutive prints, links are made in this order, each step only over what the
steps before left unlinked:

1. "admin": an admin's link. Always obeyed.
2. Placements: a version the evidence puts in the newer print (a new clause agreed at the
   older print's stage, or placed at a number by debate evidence: `debate_rule`).
3. "amendment": an agreed amendment left out the older print's clause N.
4. Both prints complete (LawMaker texts): `tracker.clauses.matching.match_prints` (GUID,
   then agreed insertions by title and text, then similarity); what it leaves unlinked is
   left out or new. With GUIDs, the matcher runs again without them, and each GUID link's
   evidence says whether the words alone link the same versions, and with what confidence.
   Otherwise (a reconstructed print is partial): the same GUID, else the same heading on both
   sides, links; nothing else does. A clause missing from a reconstructed print is not
   "left out": it is not recorded there, and no link is made.

A version linked from an older one belongs to the older one's clause; a placed one to the
clause placed; any other starts a clause keyed by where it first appears
("<print key>-clause-<number>"). A new clause proposed by amendment is keyed
"amendment-<Bills API id>"; one whose title is the heading of a clause left out earlier, and
not back since, is that clause proposed again (and restored if agreed).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from bills.text.lawmaker_parse import Division, PageLine, Provision
from tracker.clauses.matching import INSERT, LEAVE_OUT, AgreedChange, match_prints, similarity
from tracker.clauses.matching import ClauseLink as MatchedLink

ADMIN, DEBATE_EVIDENCE = "admin", "debate evidence"
AMENDMENT, SIMILARITY, SOURCE_ID = "amendment", "similarity", "source id"  # as tracker.clauses.matching names them
NOT_RECORDED_SLOT = "~"  # a slot "~<clause key>": in the print, at a number not recorded

VersionKey = tuple[str, str, str]  # (print key, kind, slot)


@dataclass(frozen=True)
class ProvisionRecord:
    """A clause or schedule as one print has it. `slot` identifies it within the print and
    kind: its number, or NOT_RECORDED_SLOT + clause key when the number is not recorded."""

    kind: str
    slot: str
    number: str = ""
    heading: str = ""
    text: str = field(default="", repr=False)
    guid: str | None = None
    position: int = 0
    reconstructed: bool = False
    evidence: str = ""
    part_number: str = ""
    part_heading: str = ""
    chapter_number: str = ""
    chapter_heading: str = ""
    first_page: int | None = None
    first_line: int | None = None
    last_page: int | None = None
    last_line: int | None = None

    @classmethod
    def from_provision(cls, provision: Provision, position: int) -> "ProvisionRecord":
        return cls(
            kind=provision.kind, slot=provision.number, number=provision.number, heading=provision.heading,
            text=provision.text, guid=provision.guid, position=position,
            part_number=provision.part.number if provision.part else "",
            part_heading=provision.part.heading if provision.part else "",
            chapter_number=provision.chapter.number if provision.chapter else "",
            chapter_heading=provision.chapter.heading if provision.chapter else "",
            first_page=provision.first_line.page if provision.first_line else None,
            first_line=provision.first_line.line if provision.first_line else None,
            last_page=provision.last_line.page if provision.last_line else None,
            last_line=provision.last_line.line if provision.last_line else None,
        )

    def as_provision(self) -> Provision:
        return Provision(
            self.kind, self.number, self.heading, self.text,
            part=Division(self.part_number, self.part_heading) if self.part_number else None,
            chapter=Division(self.chapter_number, self.chapter_heading) if self.chapter_number else None,
            guid=self.guid,
            first_line=PageLine(self.first_page, self.first_line) if self.first_page and self.first_line else None,
            last_line=PageLine(self.last_page, self.last_line) if self.last_page and self.last_line else None,
        )


@dataclass(frozen=True)
class PrintText:
    key: str
    complete: bool
    provisions: tuple[ProvisionRecord, ...]


@dataclass(frozen=True)
class NewProvision:
    """A new clause or schedule proposed by an amendment (`key`: "amendment-<id>") tabled at
    the stage the print `tabled_in` enters."""

    key: str
    kind: str
    title: str
    text: str
    tabled_in: str
    agreed: bool
    label: str


@dataclass(frozen=True)
class LeaveOut:
    """An agreed amendment leaving out the print's `kind` `number`."""

    print_key: str
    kind: str
    number: str
    amendment_ref: str
    label: str


@dataclass(frozen=True)
class Placement:
    """Evidence that clause `clause_key` is `number` in the print `print_key`."""

    clause_key: str
    print_key: str
    kind: str
    number: str
    method: str
    confidence: float
    evidence: str
    source_url: str = ""
    quote: str = ""
    contribution_pk: int | None = None


@dataclass(frozen=True)
class FixedLink:
    """An admin's link: slot None on a side means "not in that print" (left out / new). With
    no older slot, `amendment_ref` may name the new clause the newer version is."""

    older_print: str
    newer_print: str
    kind: str
    older_slot: str | None
    newer_slot: str | None
    evidence: str = ""
    amendment_ref: str = ""

    def as_placement(self) -> Placement | None:
        if self.older_slot is not None or self.newer_slot is None or not self.amendment_ref:
            return None
        return Placement(self.amendment_ref, self.newer_print, self.kind, self.newer_slot, ADMIN, 1.0,
                         self.evidence or "Corrected by an admin.")


@dataclass(frozen=True)
class VersionLink:
    older_print: str
    newer_print: str
    kind: str
    older_slot: str | None
    newer_slot: str | None
    method: str
    confidence: float
    evidence: str = ""
    amendment_ref: str = ""
    source_url: str = ""
    quote: str = ""
    contribution_pk: int | None = None


@dataclass(frozen=True)
class Identity:
    versions: dict[VersionKey, tuple[str, ProvisionRecord]]  # -> (clause key, the version)
    links: tuple[VersionLink, ...]
    clause_kinds: dict[str, str]  # clause key -> kind, in order of first appearance
    proposals: dict[str, tuple[str, ...]]  # clause key -> keys of the amendments that proposed it


def clause_identities(
    prints: Sequence[PrintText],
    *,
    new_provisions: Sequence[NewProvision] = (),
    leave_outs: Sequence[LeaveOut] = (),
    placements: Sequence[Placement] = (),
    fixed_links: Sequence[FixedLink] = (),
    use_source_ids: bool = True,
) -> Identity:
    walk = _Walk(new_provisions, leave_outs, placements, fixed_links, use_source_ids)
    previous: PrintText | None = None
    for text in prints:
        previous = walk.visit(text, previous)
    return walk.result()


Slot = tuple[str, str]  # (kind, slot)


@dataclass
class _Visit:
    """One print being walked: its provisions, and those the evidence places in it."""

    text: PrintText
    provisions: dict[Slot, ProvisionRecord]
    placed: dict[Slot, tuple[str, VersionLink]] = field(default_factory=dict)  # -> (clause key, how)

    def place(self, slot: Slot, clause_key: str, how: VersionLink) -> None:
        self.placed[slot] = (clause_key, how)

    def slot_of(self, clause_keys: Iterable[str]) -> Slot | None:
        wanted = set(clause_keys)
        return next((slot for slot, (key, _) in self.placed.items() if key in wanted), None)


class _Walk:
    def __init__(self, new_provisions, leave_outs, placements, fixed_links, use_source_ids: bool) -> None:
        self.new_provisions: list[NewProvision] = list(new_provisions)
        self.leave_outs: list[LeaveOut] = list(leave_outs)
        self.fixed_links: list[FixedLink] = list(fixed_links)
        admin_placed = [placement for link in self.fixed_links if (placement := link.as_placement())]
        overruled = {(a.clause_key, a.print_key) for a in admin_placed}
        self.placements: list[Placement] = admin_placed + [
            p for p in placements if (p.clause_key, p.print_key) not in overruled]
        self.use_source_ids = use_source_ids
        self.versions: dict[VersionKey, tuple[str, ProvisionRecord]] = {}
        self.links: list[VersionLink] = []
        self.clause_kinds: dict[str, str] = {}
        self.last_heading: dict[str, str] = {}
        self.left_out: set[str] = set()
        self.proposed_again: dict[str, str] = {}  # new provision key -> the left-out clause it proposes again

    def clause_key_of(self, new: NewProvision) -> str:
        return self.proposed_again.get(new.key, new.key)

    def visit(self, text: PrintText, previous: PrintText | None) -> PrintText:
        visit = _Visit(text, {(p.kind, p.slot): p for p in text.provisions})
        for placement in (p for p in self.placements if p.print_key == text.key):
            slot = (placement.kind, placement.number)
            if slot in visit.placed:
                continue  # an admin's placement came first
            visit.provisions[slot] = _merged(visit.provisions.get(slot), placement)
            visit.place(slot, placement.clause_key, VersionLink(
                "", text.key, placement.kind, None, placement.number, placement.method, placement.confidence,
                placement.evidence, "", placement.source_url, placement.quote, placement.contribution_pk))
        linked_from: dict[Slot, Slot] = {}
        if previous is not None:
            self._carry_new_provisions(previous, visit)
            linked_from = _Pair(previous, visit, self).link()
        self._assign_identities(visit, linked_from, previous)
        self._note_proposals_tabled_in(text.key)
        ordered = sorted(visit.provisions.values(), key=lambda p: (p.slot.startswith(NOT_RECORDED_SLOT), p.position))
        return PrintText(text.key, text.complete, tuple(ordered))

    def _carry_new_provisions(self, previous: PrintText, visit: _Visit) -> None:
        """Agreed new provisions tabled at the stage `previous` enters are in this print."""
        for new in (n for n in self.new_provisions if n.agreed and n.tabled_in == previous.key):
            clause_key = self.clause_key_of(new)
            slot = visit.slot_of((clause_key, new.key))
            if slot is not None:
                visit.provisions[slot] = _with_amendment_words(visit.provisions[slot], new)
                visit.place(slot, clause_key, visit.placed[slot][1])
                continue
            if visit.text.complete:
                continue  # found in the text by match_prints, by its title and words
            slot = (new.kind, NOT_RECORDED_SLOT + clause_key)
            visit.provisions[slot] = _with_amendment_words(
                ProvisionRecord(new.kind, slot[1], position=len(visit.provisions), reconstructed=True), new)
            visit.place(slot, clause_key, VersionLink(
                previous.key, visit.text.key, new.kind, None, slot[1], AMENDMENT, 1.0,
                f"{new.label}, agreed at the stage before this print, inserted it; its number here is not recorded.",
                new.key))

    def _assign_identities(self, visit: _Visit, linked_from: Mapping[Slot, Slot], previous: PrintText | None) -> None:
        used: set[str] = set()
        key = visit.text.key
        for slot, record in sorted(visit.provisions.items(), key=lambda item: item[1].position):
            if slot in linked_from and previous is not None:
                clause_key = self.versions[(previous.key, *linked_from[slot])][0]
            elif slot in visit.placed:
                clause_key = visit.placed[slot][0]
            else:
                clause_key = fresh_key(key, *slot)
            if clause_key in used:  # one clause, one version per print: a second starts its own
                clause_key = fresh_key(key, *slot)
            used.add(clause_key)
            self.versions[(key, *slot)] = (clause_key, record)
            self.clause_kinds.setdefault(clause_key, record.kind)
            self.last_heading[clause_key] = record.heading or self.last_heading.get(clause_key, "")
            self.left_out.discard(clause_key)
        for link in self.links:
            if link.newer_print == key and link.newer_slot is None and link.older_slot is not None:
                self.left_out.add(self.versions[(link.older_print, link.kind, link.older_slot)][0])

    def _note_proposals_tabled_in(self, print_key: str) -> None:
        """New provisions tabled at this print's stage: a clause of their own, or one left out
        before and not back since, proposed again (its title is that clause's last heading)."""
        for new in (n for n in self.new_provisions if n.tabled_in == print_key):
            again = next((key for key in sorted(self.left_out)
                          if new.title and self.last_heading.get(key, "").casefold() == new.title.casefold()), None)
            if again:
                self.proposed_again[new.key] = again
            else:
                self.clause_kinds.setdefault(new.key, new.kind)

    def result(self) -> Identity:
        proposals: dict[str, list[str]] = defaultdict(list)
        for new in self.new_provisions:
            proposals[self.clause_key_of(new)].append(new.key)
            if new.key not in self.proposed_again:  # tabled at a stage no print enters: still a clause
                self.clause_kinds.setdefault(new.key, new.kind)
        return Identity(self.versions, tuple(self.links), self.clause_kinds,
                        {key: tuple(refs) for key, refs in proposals.items()})


class _Pair:
    """Links between one print and the next (steps 1 to 4 of the module docstring)."""

    def __init__(self, older: PrintText, newer: _Visit, walk: _Walk) -> None:
        self.older, self.newer, self.walk = older, newer, walk
        self.old_taken: set[Slot] = set()
        self.new_taken: set[Slot] = set()
        self.linked_from: dict[Slot, Slot] = {}

    def add(self, kind: str, old_slot: str | None, new_slot: str | None, method: str, confidence: float,
            evidence: str = "", amendment_ref: str = "", how: VersionLink | None = None) -> None:
        """Link two versions (None: not in that print); `how` carries a placement's quoted evidence."""
        self.walk.links.append(VersionLink(
            self.older.key, self.newer.text.key, kind, old_slot, new_slot, method, round(confidence, 3), evidence,
            amendment_ref, how.source_url if how else "", how.quote if how else "",
            how.contribution_pk if how else None))
        if old_slot is not None:
            self.old_taken.add((kind, old_slot))
        if new_slot is not None:
            self.new_taken.add((kind, new_slot))
        if old_slot is not None and new_slot is not None:
            self.linked_from[(kind, new_slot)] = (kind, old_slot)

    def link(self) -> dict[Slot, Slot]:
        older_slots = {(p.kind, p.slot) for p in self.older.provisions}
        for fixed in self.walk.fixed_links:
            if ((fixed.older_print, fixed.newer_print) == (self.older.key, self.newer.text.key)
                    and (fixed.older_slot is None or (fixed.kind, fixed.older_slot) in older_slots)
                    and (fixed.newer_slot is None or (fixed.kind, fixed.newer_slot) in self.newer.provisions)):
                self.add(fixed.kind, fixed.older_slot, fixed.newer_slot, ADMIN, 1.0, fixed.evidence)
                if fixed.older_slot is None and fixed.newer_slot is not None and not fixed.amendment_ref:
                    self.newer.placed.pop((fixed.kind, fixed.newer_slot), None)  # "a clause of its own": it is
        for slot, (_, how) in self.newer.placed.items():
            if slot not in self.new_taken:
                self.add(slot[0], None, slot[1], how.method, how.confidence, how.evidence, how.amendment_ref, how)
        for leave_out in (lo for lo in self.walk.leave_outs if lo.print_key == self.older.key):
            slot = (leave_out.kind, leave_out.number)
            if slot in older_slots and slot not in self.old_taken:
                self.add(leave_out.kind, leave_out.number, None, AMENDMENT, 1.0,
                         f"{leave_out.label} left it out (agreed).", leave_out.amendment_ref)
        if self.older.complete and self.newer.text.complete:
            self._match_texts()
        else:
            self._match_partial()
        return self.linked_from

    def _untaken(self) -> tuple[list[ProvisionRecord], list[ProvisionRecord]]:
        olds = [p for p in self.older.provisions if (p.kind, p.slot) not in self.old_taken]
        news = [p for slot, p in self.newer.provisions.items() if slot not in self.new_taken]
        return olds, sorted(news, key=lambda p: p.position)

    def _match_texts(self) -> None:
        """Two complete texts: the matcher, told of the insertions and leave-outs agreed."""
        olds, news = self._untaken()
        inserted = [n for n in self.walk.new_provisions if n.agreed and n.tabled_in == self.older.key]
        changes = [AgreedChange(INSERT, kind=n.kind, heading=n.title, text=n.text) for n in inserted]
        changes += [AgreedChange(LEAVE_OUT, kind=lo.kind, number=lo.number)
                    for lo in self.walk.leave_outs if lo.print_key == self.older.key]
        as_provision = {id(record): record.as_provision() for record in olds + news}
        record_of = {id(as_provision[id(record)]): record for record in olds + news}
        older = [as_provision[id(r)] for r in olds]
        newer = [as_provision[id(r)] for r in news]
        made_links = match_prints(older, newer, agreed_changes=changes, use_source_ids=self.walk.use_source_ids)
        by_words = _by_older(match_prints(older, newer, agreed_changes=changes, use_source_ids=False)) \
            if self.walk.use_source_ids else {}
        for made in made_links:
            old = record_of[id(made.older)] if made.older is not None else None
            new = record_of[id(made.newer)] if made.newer is not None else None
            evidence, ref = _words_check(made, by_words), ""
            if old is None and new is not None and made.method == AMENDMENT:
                chosen = max(inserted, key=lambda n: similarity(Provision(n.kind, "", n.title, n.text), made.newer))
                evidence, ref = f"{chosen.label}, agreed at the stage before this print, inserted it.", chosen.key
                self.newer.place((new.kind, new.slot), self.walk.clause_key_of(chosen), VersionLink(
                    self.older.key, self.newer.text.key, new.kind, None, new.slot, AMENDMENT, made.confidence))
            if made.possibly_merged_into is not None:
                evidence = f"Most of its words reappear in {made.possibly_merged_into.label}: possibly merged into it."
            self.add(made.kind, old.slot if old else None, new.slot if new else None, made.method, made.confidence,
                     evidence, ref)

    def _match_partial(self) -> None:
        """A reconstructed side: only the same GUID, or the same heading, links."""
        olds, news = self._untaken()
        if self.walk.use_source_ids:
            by_guid = {p.guid: p for p in news if p.guid}
            for old in olds:
                new = by_guid.get(old.guid) if old.guid else None
                if new is not None and new.kind == old.kind:
                    self.add(old.kind, old.slot, new.slot, SOURCE_ID, 1.0)
            olds, news = self._untaken()
        for old in olds:
            if not old.heading:
                continue
            same = [n for n in news if n.kind == old.kind and n.heading.casefold() == old.heading.casefold()]
            twins = [o for o in olds if o.kind == old.kind and o.heading.casefold() == old.heading.casefold()]
            if len(same) == 1 and len(twins) == 1 and (same[0].kind, same[0].slot) not in self.new_taken:
                self.add(old.kind, old.slot, same[0].slot, SIMILARITY, 1.0,
                         "The same heading in both prints (a reconstructed print has no text to compare).")


def _by_older(links: Iterable[MatchedLink]) -> dict[tuple[str, int], MatchedLink]:
    """The matcher's links by the older provision they start from (by identity)."""
    return {(made.kind, id(made.older)): made for made in links if made.older is not None}


def _words_check(made: MatchedLink, by_words: Mapping[tuple[str, int], MatchedLink]) -> str:
    """With GUIDs in use (`by_words` holds the matcher's run without them): for a GUID link,
    whether the words alone link the same versions; for a version with a GUID left out, that
    no newer version carries it. In plain words; "" otherwise."""
    if not by_words or made.older is None:
        return ""
    if made.newer is None and made.older.guid and made.method != AMENDMENT:
        return "No version in the newer print carries its LawMaker GUID either."
    if made.method != SOURCE_ID or made.newer is None:
        return ""
    check = by_words.get((made.kind, id(made.older)))
    if check is None or check.newer is None:
        return "Checked without the GUIDs, the text matcher finds no successor for it."
    if check.newer is made.newer:
        return (f"Checked without the GUIDs, the text matcher links the same two versions by their headings "
                f"and words, with confidence {check.confidence:g}.")
    return (f"Checked without the GUIDs, the text matcher would link it to {check.newer.label} instead "
            f"(confidence {check.confidence:g}); the GUID is followed.")


def fresh_key(print_key: str, kind: str, slot: str) -> str:
    return f"{print_key}-{kind}-{re.sub(r'[^a-z0-9]+', '-', slot.lower()).strip('-')}"


def number_order(number: str) -> tuple[int, str]:
    """Sort key for printed numbers: 9 before 10, 12 before 12A."""
    match = re.match(r"(\d+)(.*)", number or "")
    return (int(match[1]), match[2]) if match else (10**9, number or "")


def _merged(existing: ProvisionRecord | None, placement: Placement) -> ProvisionRecord:
    evidence = "\n".join(e for e in ((existing.evidence if existing else ""), placement.evidence) if e)
    if existing is None:
        return ProvisionRecord(placement.kind, placement.number, number=placement.number, reconstructed=True,
                               evidence=evidence, position=10**6)
    return replace(existing, evidence=evidence)


def _with_amendment_words(record: ProvisionRecord, new: NewProvision) -> ProvisionRecord:
    """A reconstructed version of an inserted provision takes its heading and words from the
    amendment that inserted it, where nothing else gives them."""
    if not record.reconstructed:
        return record
    note = f"Heading and text from {new.label}, which inserted it."
    return replace(record, heading=record.heading or new.title, text=record.text or new.text,
                   evidence="\n".join(e for e in (record.evidence, note) if e))
