"""Precision and recall of the stance rules on the labelled set of real sentences.

    .venv/bin/python bench/stance.py

The set (tests/fixtures/stance/labelled_sentences.jsonl) holds sentences from the Hansard
captures of the reference pack and quotes from the account of the Procurement Bill, each with
what it names, the speaker's part where the record gives it (minister, chair, mover) and the
stance a careful reader gives it. A rule that reads nothing says "neutral" (shown as "spoke
on it"): that costs recall, never precision. No Django needed.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tracker.hansard.stance import Role, Stance, read_stance  # noqa: E402

LABELLED = REPO / "tests" / "fixtures" / "stance" / "labelled_sentences.jsonl"
LABEL_STANCE = {"support": Stance.SUPPORTS, "oppose": Stance.OPPOSES, "neither": Stance.NEUTRAL}


@dataclass(frozen=True)
class Labelled:
    sentence: str
    names: str
    label: Stance
    role: Role | None
    source: str


@dataclass(frozen=True)
class Score:
    stance: Stance
    labelled: int  # sentences a careful reader gives this stance
    read: int  # sentences the rules give this stance
    right: int  # both

    @property
    def precision(self) -> float | None:
        return self.right / self.read if self.read else None

    @property
    def recall(self) -> float | None:
        return self.right / self.labelled if self.labelled else None


def labelled_sentences(path: Path = LABELLED) -> list[Labelled]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Labelled(r["sentence"], r["names"], LABEL_STANCE[r["label"]], Role(r["role"]) if r["role"] else None,
                     r["source"]) for r in rows]


def scores(rows: list[Labelled]) -> dict[Stance, Score]:
    read = [(row.label, read_stance(row.sentence, role=row.role).stance) for row in rows]
    return {stance: Score(stance, sum(label is stance for label, _ in read), sum(got is stance for _, got in read),
                          sum(label is got is stance for label, got in read)) for stance in Stance}


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def main() -> None:
    rows = labelled_sentences()
    print(f"{len(rows)} labelled sentences ({LABELLED.relative_to(REPO)})")
    print(f"{'stance':<10} {'labelled':>8} {'read':>5} {'right':>5} {'precision':>9} {'recall':>7}")
    for score in scores(rows).values():
        print(f"{score.stance:<10} {score.labelled:>8} {score.read:>5} {score.right:>5} "
              f"{_percent(score.precision):>9} {_percent(score.recall):>7}")
    wrong = [(row, read_stance(row.sentence, role=row.role)) for row in rows]
    wrong = [(row, reading) for row, reading in wrong if reading.stance is not Stance.NEUTRAL
             and reading.stance is not row.label]
    for row, reading in wrong:
        print(f"WRONG: read {reading.stance} ({reading.rule}), labelled {row.label}: {row.sentence[:90]}")


if __name__ == "__main__":
    main()
