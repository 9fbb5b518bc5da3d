"""The stance rules on the labelled set of real sentences (tests/fixtures/stance/): Hansard
captures of the reference pack and the account's quotes, each labelled by a careful reader."""

from pathlib import Path

import pytest

from bench.stance import labelled_sentences, scores
from tracker.hansard.stance import Role, Stance, read_stance

REPO = Path(__file__).resolve().parents[2]
ROWS = labelled_sentences()


def test_the_set_holds_at_least_sixty_real_sentences_each_naming_what_it_is_about():
    assert len(ROWS) >= 60
    assert all(row.names for row in ROWS)
    from_hansard = [row for row in ROWS if row.source.startswith("data/reference/")]
    assert len(from_hansard) >= 40
    for row in from_hansard:  # word for word as captured
        assert row.sentence in (REPO / row.source).read_text(encoding="utf-8"), row.sentence


@pytest.mark.parametrize("row", ROWS, ids=[row.sentence[:50] for row in ROWS])
def test_a_stance_read_is_the_stance_a_careful_reader_gives(row):
    read = read_stance(row.sentence, role=row.role).stance

    assert read in (Stance.NEUTRAL, row.label)


def test_precision_of_supports_and_opposes_is_at_least_95_percent():
    found = scores(ROWS)

    for stance in (Stance.SUPPORTS, Stance.OPPOSES):
        assert found[stance].read > 0
        assert found[stance].precision >= 0.95


def test_no_stance_on_a_sentence_that_only_tables_moves_or_reads_out():
    procedural = [row for row in ROWS if row.role in (Role.CHAIR, Role.MOVER) and row.label is Stance.NEUTRAL]
    procedural += [row for row in ROWS if row.sentence.startswith(("I beg to move", "My Lords, I will move"))]

    assert len(procedural) >= 15
    assert all(read_stance(row.sentence, role=row.role).stance is Stance.NEUTRAL for row in procedural)


def test_what_the_rules_read_right():
    read = {row.sentence: read_stance(row.sentence, role=row.role).stance for row in ROWS}

    assert read["SNP will support Clause 65"] is Stance.SUPPORTS
    assert read["That this House disagrees with Lords amendment 102B"] is Stance.OPPOSES
    assert next(stance for sentence, stance in read.items() if "how much I support" in sentence) is Stance.SUPPORTS
