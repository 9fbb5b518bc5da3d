"""Signed tokens for the links in alert emails (django.core.signing: HMAC with SECRET_KEY,
a timestamp, and a salt per purpose, so one kind of token never passes for another).

- confirm: one subscription; expires with the unconfirmed request.
- manage: one subscriber's manage page; expires (a fresh one is in every email).
- unsubscribe: one subscription, or every subscription of a subscriber; never expires, so
  the one-click link in an old email still works.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "tracker.alerts.confirm"
MANAGE_SALT = "tracker.alerts.manage"
UNSUBSCRIBE_SALT = "tracker.alerts.unsubscribe"


class BadToken(Exception):
    """Forged, altered, cut short or meant for another purpose."""


class ExpiredToken(BadToken):
    """Genuine, but older than its purpose allows."""


def _read(token: str, *, salt: str, max_age: dt.timedelta | None) -> dict:
    try:
        payload = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredToken(str(error)) from error
    except signing.BadSignature as error:
        raise BadToken(str(error)) from error
    if not isinstance(payload, dict):
        raise BadToken("unexpected payload")
    return payload


def _id(payload: dict, key: str) -> int:
    value = payload.get(key)
    if not isinstance(value, int):
        raise BadToken(f"no {key} in token")
    return value


def confirm_token(*, subscription_id: int) -> str:
    return signing.dumps({"subscription": subscription_id}, salt=CONFIRM_SALT)


def confirm_token_read(token: str) -> int:
    """The subscription id; ExpiredToken once the unconfirmed request has expired."""
    max_age = dt.timedelta(hours=settings.ALERTS_CONFIRM_MAX_AGE_HOURS)
    return _id(_read(token, salt=CONFIRM_SALT, max_age=max_age), "subscription")


def manage_token(*, subscriber_id: int) -> str:
    return signing.dumps({"subscriber": subscriber_id}, salt=MANAGE_SALT)


def manage_token_read(token: str) -> int:
    max_age = dt.timedelta(days=settings.ALERTS_MANAGE_LINK_MAX_AGE_DAYS)
    return _id(_read(token, salt=MANAGE_SALT, max_age=max_age), "subscriber")


@dataclass(frozen=True)
class UnsubscribeScope:
    subscriber_id: int
    subscription_id: int | None  # None: every subscription of the subscriber


def unsubscribe_token(*, subscriber_id: int, subscription_id: int | None = None) -> str:
    payload = {"subscriber": subscriber_id}
    if subscription_id is not None:
        payload["subscription"] = subscription_id
    return signing.dumps(payload, salt=UNSUBSCRIBE_SALT)


def unsubscribe_token_read(token: str) -> UnsubscribeScope:
    payload = _read(token, salt=UNSUBSCRIBE_SALT, max_age=None)
    subscription_id = _id(payload, "subscription") if "subscription" in payload else None
    return UnsubscribeScope(subscriber_id=_id(payload, "subscriber"), subscription_id=subscription_id)
