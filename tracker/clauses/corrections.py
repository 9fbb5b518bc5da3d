"""An admin's correction of how a clause was followed from one print to the next.

The correction is a ClauseLink with method "admin": derive never writes or deletes such a
row, and obeys it before any rule on every later run (identity.py, step 1). Saving one
recomputes the bill's clauses at once.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from amendments.models import Amendment

from .derive import bill_clauses_derive
from .identity import ADMIN
from .models import ClauseLink, ClauseVersion, Print


@transaction.atomic
def clause_link_correct(*, older_print: Print, newer_print: Print, older: ClauseVersion | None,
                        newer: ClauseVersion | None, evidence: str, amendment: Amendment | None = None) -> ClauseLink:
    """Record that `older` (in `older_print`) is `newer` (in `newer_print`); None on one side
    means it is not in that print (left out / entered here). With no `older`, `amendment`
    may name the new clause `newer` is (the one that amendment proposed). Then recompute the
    bill's clauses."""
    clause_link_check(older_print=older_print, newer_print=newer_print, older=older, newer=newer, amendment=amendment)
    link, _ = ClauseLink.objects.update_or_create(
        bill=older_print.bill, key=f"admin:{older_print.pk}:{newer_print.pk}:{older.pk if older else 0}:"
                                   f"{newer.pk if newer else 0}",
        defaults={"older_print": older_print, "newer_print": newer_print, "older": older, "newer": newer,
                  "amendment": amendment, "method": ADMIN, "confidence": 1.0, "evidence": evidence},
    )
    bill_clauses_derive(bill=older_print.bill)
    return link


def clause_link_check(*, older_print: Print, newer_print: Print, older: ClauseVersion | None,
                      newer: ClauseVersion | None, amendment: Amendment | None = None) -> None:
    if older is None and newer is None:
        raise ValidationError("Name a version in at least one of the two prints.")
    if older_print.bill_id != newer_print.bill_id or newer_print.position != older_print.position + 1:
        raise ValidationError("The two prints must be consecutive prints of the same bill.")
    if older is not None and older.print_id != older_print.pk:
        raise ValidationError("The older version is not in the older print.")
    if newer is not None and newer.print_id != newer_print.pk:
        raise ValidationError("The newer version is not in the newer print.")
    if older is not None and newer is not None and older.kind != newer.kind:
        raise ValidationError("A clause links to a clause, a schedule to a schedule.")
    if amendment is not None and (older is not None or newer is None or not amendment.is_new_clause_or_schedule
                                  or amendment.bill_stage.bill_id != older_print.bill_id):
        raise ValidationError("An amendment names the new clause a version is: give it only with no older version, "
                              "and only an amendment of this bill proposing a new clause or schedule.")
