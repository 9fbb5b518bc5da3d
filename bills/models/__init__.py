"""The bills app's models: bills and what the APIs say about them (`bill.py`), and clauses
followed across the bill's prints (`clause.py`). Import them from here."""

from .account_entry import AccountEntry
from .bill import (
    Bill,
    BillSponsor,
    BillStage,
    BillType,
    House,
    Member,
    Party,
    Publication,
    Session,
    Sitting,
    StageType,
)
from .clause import (
    Clause,
    ClauseEvent,
    ClauseKind,
    ClauseLink,
    ClauseSupport,
    ClauseVersion,
    Print,
)

__all__ = [
    "AccountEntry",
    "Bill", "BillSponsor", "BillStage", "BillType", "House", "Member", "Party", "Publication", "Session",
    "Sitting", "StageType",
    "Clause", "ClauseEvent", "ClauseKind", "ClauseLink", "ClauseSupport", "ClauseVersion", "Print",
]
