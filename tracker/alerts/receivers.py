"""The alerts app's side of a recorded change event: the transactional outbox write."""

from tracker.events.signals import event_recorded

from .services import deliveries_create


def outbox_write(sender, *, event, **kwargs) -> None:
    """Runs inside the transaction that records `event`: one delivery row per subscriber."""
    deliveries_create(event=event)


def connect() -> None:
    event_recorded.connect(outbox_write, dispatch_uid="alerts-outbox")
