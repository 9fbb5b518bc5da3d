"""What a correction announces. Corrections sit below the domains they correct, so they cannot
call what is derived above them; the layers that derive from a bill's records listen instead."""

from django.dispatch import Signal

# Sent with `bill` after an editor's correction of a row that what is derived from the bill
# (its clauses' status and supporters) is read from.
bill_corrected = Signal()
