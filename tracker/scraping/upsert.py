"""Idempotent bulk upserts keyed on the source's ids: the one way scraped rows are written.

Existing rows for the incoming keys are loaded in one query, compared field by field, and
only new or changed rows are written (`bulk_create` / `bulk_update`). A second run over the
same data therefore writes nothing, and rows are never deleted and recreated, so primary
keys (and every link to them) stay stable.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.db import IntegrityError, models, transaction

from tracker.corrections.services import orphans_record, overrides_apply, overrides_rehome

from .counts import StoreCounts
from .loss_guard import BillRows, loss_check

CHUNK = 500


class ValueTooLong(ValueError):
    """A value longer than its column: refused whole rather than cut (the store's transaction
    rolls back, the run records the problem, and the rows stored before stay)."""


def _lengths_check(model: type[models.Model], rows: Mapping[Any, Mapping[str, Any]]) -> None:
    limits = {f.attname: f.max_length for f in model._meta.concrete_fields if f.max_length}
    for row_key, values in rows.items():
        for name, value in values.items():
            if isinstance(value, str) and name in limits and len(value) > limits[name]:
                raise ValueTooLong(f"{model.__name__} {row_key}: {name} has {len(value)} characters, more than "
                                   f"the {limits[name]} its column holds: {value[:80]!r}...")


@dataclass
class UpsertResult:
    counts: StoreCounts
    objects: dict[Any, models.Model]
    created_keys: set = field(default_factory=set)
    changed_fields: dict[Any, dict[str, tuple[Any, Any]]] = field(default_factory=dict)


def _chunks(values: Iterable, size: int = CHUNK):
    iterator = iter(values)
    while chunk := list(islice(iterator, size)):
        yield chunk


@transaction.atomic  # load and write in one transaction: on SQLite (IMMEDIATE) no other writer comes between
def bulk_upsert(
    model: type[models.Model],
    *,
    key: str | tuple[str, ...],
    rows: Mapping[Any, Mapping[str, Any]],
    guard: BillRows | None = None,
) -> UpsertResult:
    """Write `rows` ({key value: {field: value}}) so the table matches them.

    `key` is the natural key: one field (e.g. "bills_api_id") or several (then the row keys
    are tuples). `changed_fields` maps each updated key to {field: (old, new)}, so callers
    can record change events for the fields they watch. With `guard`, blanking many of the
    bill's rows (a value replaced by nothing) is a large loss held back for an editor.

    On PostgreSQL, workers scraping two bills at once can both find a shared row (a bill type,
    a session, a member) missing and both insert it: the one that loses reads again and writes
    what is still different, once.
    """
    try:
        with transaction.atomic():
            return _upsert(model, key, rows, guard)
    except IntegrityError:
        return _upsert(model, key, rows, guard)


def _upsert(model: type[models.Model], key: str | tuple[str, ...], rows: Mapping[Any, Mapping[str, Any]],
            guard: BillRows | None) -> UpsertResult:
    key_fields = (key,) if isinstance(key, str) else key
    _lengths_check(model, rows)
    existing = _load_existing(model, key_fields, list(rows))
    rows = overrides_apply(model, existing, rows)  # an editor's correction outlives every re-scrape
    to_create, to_update, touched = [], [], set()
    result = UpsertResult(StoreCounts(), {})
    unchanged = 0
    for row_key, values in rows.items():
        obj = existing.get(row_key)
        if obj is None:
            obj = model(**dict(zip(key_fields, _as_tuple(row_key))), **values)
            to_create.append(obj)
            result.created_keys.add(row_key)
        else:
            diff = {name: (getattr(obj, name), value) for name, value in values.items() if getattr(obj, name) != value}
            if diff:
                for name, (_, value) in diff.items():
                    setattr(obj, name, value)
                to_update.append(obj)
                touched.update(diff)
                result.changed_fields[row_key] = diff
            else:
                unchanged += 1
        result.objects[row_key] = obj
    if guard is not None:
        loss_check(guard, action="blanked", would_go=sum(
            any(_blank(new) and not _blank(old) for old, new in diff.values())
            for diff in result.changed_fields.values()), of=len(existing))
    if to_create:
        model.objects.bulk_create(to_create, batch_size=CHUNK)  # SQLite and PostgreSQL return the new ids
        overrides_rehome(model, to_create)
    if to_update:
        model.objects.bulk_update(to_update, sorted(touched), batch_size=CHUNK)
    result.counts = StoreCounts(created=len(to_create), updated=len(to_update), unchanged=unchanged)
    return result


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _as_tuple(row_key: Any) -> tuple:
    return row_key if isinstance(row_key, tuple) else (row_key,)


def _load_existing(model, key_fields: tuple[str, ...], keys: list) -> dict[Any, models.Model]:
    found: dict[Any, models.Model] = {}
    if not keys:
        return found
    if len(key_fields) == 1:
        for chunk in _chunks(keys):
            for obj in model.objects.filter(**{f"{key_fields[0]}__in": chunk}):
                found[getattr(obj, key_fields[0])] = obj
        return found
    wanted = set(keys)
    # Composite keys: narrow by the first field, then match the whole key in Python.
    for chunk in _chunks({k[0] for k in keys}):
        for obj in model.objects.filter(**{f"{key_fields[0]}__in": chunk}):
            obj_key = tuple(getattr(obj, name) for name in key_fields)
            if obj_key in wanted:
                found[obj_key] = obj
    return found


def unlisted_children_delete(model: type[models.Model], *, parent: str, key_fields: tuple[str, ...],
                             kept: Mapping[int, set[tuple]], guard: BillRows) -> int:
    """Delete the children of these parents whose keys the source no longer lists (e.g. a
    name taken off an amendment). Only called with parents read in full; removing many of
    the bill's rows is a large loss held back for an editor (`guard`)."""
    if not kept:
        return 0
    rows = model.objects.filter(**{f"{parent}_id__in": list(kept)})
    if any(f.name == "added_by_hand" for f in model._meta.fields):
        rows = rows.exclude(added_by_hand=True)  # what an editor added is not the source's to take away
    rows = list(rows.values_list("pk", f"{parent}_id", *key_fields))
    surplus = [pk for pk, parent_pk, *key in rows if tuple(key) not in kept[parent_pk]]
    loss_check(guard, action="removed", would_go=len(surplus), of=len(rows))
    orphans_record(model, surplus)
    iterator = iter(surplus)
    while chunk := list(islice(iterator, CHUNK)):
        model.objects.filter(pk__in=chunk).delete()
    return len(surplus)
