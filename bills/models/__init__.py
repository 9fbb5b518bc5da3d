"""The bills app's models: bills and what the APIs say about them. Import them from here."""

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

__all__ = [
    "Bill", "BillSponsor", "BillStage", "BillType", "House", "Member", "Party", "Publication", "Session",
    "Sitting", "StageType",
]
