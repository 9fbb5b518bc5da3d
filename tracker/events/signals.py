"""What recording a change event announces. Events sit below the alerts that mail them, so the
alerts app listens: its receiver runs inside the transaction that records the event."""

from django.dispatch import Signal

# Sent with `event`, inside the transaction that created it.
event_recorded = Signal()
