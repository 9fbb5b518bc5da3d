"""A correction of any record a clause's story is read from recomputes the bill's clauses at once."""

from django.dispatch import receiver

from tracker.corrections.signals import bill_corrected

from .derive import bill_clauses_derive


@receiver(bill_corrected, dispatch_uid="clauses-rederive-on-correction")
def clauses_rederive(sender, *, bill, **kwargs) -> None:
    bill_clauses_derive(bill=bill)
