"""Benchmark the clause matcher on two real consecutive prints of one bill.

    .venv/bin/python bench/clause_matcher.py

Parses the Social Housing (Regulation) Bill [HL] as brought from the Lords (Bill 177) and as
amended in Public Bill Committee (Bill 206), links them by LawMaker GUID (the ground truth),
then by similarity with GUIDs ignored, and reports how the second agrees with the first.
Then it compares text-likeness scorers on the same pairs: for each, the lowest score of a true
successor, the highest score of any other pair, and the time taken. No Django needed.
"""

from __future__ import annotations

import difflib
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from rapidfuzz import fuzz  # noqa: E402
from rapidfuzz.distance import Indel  # noqa: E402

from bills.text.lawmaker_parse import BillPrint, Provision, parse_print  # noqa: E402
from tracker.clauses.matching import ClauseLink, match_prints  # noqa: E402

PRINTS = REPO / "tests" / "fixtures" / "bill_text"
OLDER = PRINTS / "lawmaker_social-housing-regulation-bill_commons_brought-from-lords.xml"
NEWER = PRINTS / "lawmaker_social-housing-regulation-bill_commons_as-amended-in-committee.xml"


def main() -> None:
    started = time.perf_counter()
    older, newer = parse_print(OLDER.read_bytes()), parse_print(NEWER.read_bytes())
    parsed = time.perf_counter()
    by_guid = match_prints(older, newer)
    guided = time.perf_counter()
    by_similarity = match_prints(older, newer, use_source_ids=False)
    matched = time.perf_counter()

    for bill_print in (older, newer):
        print(
            f"Bill {bill_print.bill_number} ({bill_print.stage_label}): "
            f"{len(bill_print.clauses)} clauses, {len(bill_print.schedules)} schedules"
        )
    truth = _successors(by_guid)
    found = _successors(by_similarity)
    for kind in ("clause", "schedule"):
        kind_truth = {p: successor for p, successor in truth.items() if p.kind == kind}
        surviving = [p for p, successor in kind_truth.items() if successor]
        right = [p for p in surviving if found[p] is kind_truth[p]]
        wrong = [p for p in kind_truth if found[p] is not None and found[p] is not kind_truth[p]]
        missed = [p for p in surviving if found[p] is None]
        print(f"{kind.capitalize()}s: GUIDs link {len(surviving)}, left out by GUID: "
              f"{_labels(p for p in kind_truth if kind_truth[p] is None)}")
        print(f"  GUIDs ignored: {len(right)} linked correctly, {len(wrong)} wrongly, "
              f"{len(missed)} missed; left out: "
              f"{_labels(p for p in kind_truth if found[p] is None)}")
    inserted = (link.newer for link in by_similarity if link.older is None)
    print(f"Inserted (GUIDs ignored): {_labels(inserted)}")
    low = min((link for link in by_similarity if link.older and link.newer),
              key=lambda link: link.confidence)
    print(f"Least sure link: {low.older.label} -> {low.newer.label} ({low.confidence})")
    print(f"Time: parse both {parsed - started:.3f}s, match by GUID {guided - parsed:.3f}s, "
          f"by similarity {matched - guided:.3f}s")
    _compare_scorers(older, newer, truth)


def _successors(links: tuple[ClauseLink, ...]) -> dict[Provision, Provision | None]:
    return {link.older: link.newer for link in links if link.older is not None}


def _labels(provisions) -> str:
    return ", ".join(f"{p.label} ({p.heading})" for p in provisions) or "none"


def _compare_scorers(
    older: BillPrint, newer: BillPrint, truth: dict[Provision, Provision | None]
) -> None:
    scorers: dict[str, Callable[[str, str], float]] = {
        "RapidFuzz Indel, words (used)": lambda a, b: Indel.normalized_similarity(
            a.split(), b.split()),
        "RapidFuzz ratio, characters": lambda a, b: fuzz.ratio(a, b) / 100,
        "difflib SequenceMatcher, words": lambda a, b: difflib.SequenceMatcher(
            None, a.split(), b.split(), autojunk=False).ratio(),
    }
    print("Clause text likeness (true successor's lowest vs any other pair's highest):")
    for name, scorer in scorers.items():
        started = time.perf_counter()
        true_scores, other_scores = [], []
        for a in older.clauses:
            for b in newer.clauses:
                (true_scores if truth.get(a) is b else other_scores).append(scorer(a.text, b.text))
        print(f"  {name:32} true >= {min(true_scores):.3f}, other <= {max(other_scores):.3f}, "
              f"{time.perf_counter() - started:.2f}s")


if __name__ == "__main__":
    main()
