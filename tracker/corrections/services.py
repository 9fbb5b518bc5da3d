"""Writing corrections, and applying them when the scrapers write."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from .models import Conflict, Override

SOURCE_ID_FIELDS = ("bills_api_id", "members_api_id", "source_id", "hansard_ext_id")


def stored(model: type[models.Model], field: str, value: Any) -> Any:
    """A field value as JSON keeps it (dates as ISO strings, FKs as ids)."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def restored(model: type[models.Model], field: str, value: Any) -> Any:
    return None if value is None else model._meta.get_field(field).to_python(value)


def source_key_of(obj: models.Model) -> str:
    for name in SOURCE_ID_FIELDS:
        if getattr(obj, name, None) is not None:
            return f"{name} {getattr(obj, name)}"
    return f"row {obj.pk}"


def natural_key_of(obj: models.Model) -> dict[str, Any]:
    """The row's key at the source ({attname: value}): its unique source id, else the fields of
    its first unique constraint that are all set (a sponsor: its amendment and position)."""
    model = type(obj)
    for name in SOURCE_ID_FIELDS:
        if getattr(obj, name, None) is not None and model._meta.get_field(name).unique:
            return {name: stored(model, name, getattr(obj, name))}
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields:
            attnames = [model._meta.get_field(name).attname for name in constraint.fields]
            if all(getattr(obj, name) is not None for name in attnames):
                return {name: stored(model, name, getattr(obj, name)) for name in attnames}
    return {}


def overrides_of(model: type[models.Model], pks: Iterable[int]) -> dict[int, dict[str, Override]]:
    """{pk: {field: Override}} for the rows given: one query."""
    found: dict[int, dict[str, Override]] = {}
    pks = list(pks)
    if not pks:
        return found
    content_type = ContentType.objects.get_for_model(model)
    for override in Override.objects.filter(content_type=content_type, object_id__in=pks):
        found.setdefault(override.object_id, {})[override.field] = override
    return found


def overrides_apply(model: type[models.Model], existing: Mapping[Any, models.Model],
                    rows: Mapping[Any, Mapping[str, Any]], *, scrape_run=None) -> dict[Any, dict[str, Any]]:
    """The incoming rows with every corrected field set back to its correction.

    What the source now says is remembered on the override; when it differs from what it
    said before, a Conflict is opened for an editor to settle."""
    rows = {key: dict(values) for key, values in rows.items()}
    pk_to_key = {obj.pk: key for key, obj in existing.items()}
    changed, conflicts = [], []
    for pk, by_field in overrides_of(model, pk_to_key).items():
        values = rows[pk_to_key[pk]]
        for field, override in by_field.items():
            if field not in values:
                continue
            source = stored(model, field, values[field])
            if source != override.source_value:
                conflicts.append(Conflict(override=override, subject=str(override), source_value=source,
                                          override_value=override.value, scrape_run=scrape_run))
                override.source_value = source
                changed.append(override)
            values[field] = restored(model, field, override.value)
    if changed:
        Override.objects.bulk_update(changed, ["source_value"])  # the scraper's, not a human edit: no history
        Conflict.objects.bulk_create(conflicts)
    return rows


def orphans_record(model: type[models.Model], pks: Iterable[int], *, scrape_run=None) -> None:
    """The source removed rows an editor corrected: each correction waits (keyed to its row)
    and is shown to editors as a conflict until the row returns or they settle it."""
    overrides = Override.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id__in=list(pks))
    Conflict.objects.bulk_create(
        Conflict(override=override, subject=str(override), source_value=None, override_value=override.value,
                 orphaned=True, scrape_run=scrape_run)
        for override in overrides
    )


def overrides_rehome(model: type[models.Model], created: Iterable[models.Model]) -> None:
    """Rows the source restored (created again, with new ids) take back the corrections that
    were made on them, found by their natural key; a changed source value opens a conflict."""
    by_key = {json.dumps(natural_key_of(obj), sort_keys=True): obj for obj in created}
    if not by_key:
        return
    content_type = ContentType.objects.get_for_model(model)
    orphans = Override.objects.filter(content_type=content_type).exclude(row_key={}).exclude(
        Exists(model.objects.filter(pk=OuterRef("object_id"))))
    for override in orphans:
        obj = by_key.get(json.dumps(override.row_key, sort_keys=True))
        if obj is None:
            continue
        source = stored(model, override.field, getattr(obj, override.field))
        if source != override.source_value:
            Conflict.objects.create(override=override, subject=str(override), source_value=source,
                                    override_value=override.value)
        override.conflicts.filter(orphaned=True, resolution=Conflict.Resolution.OPEN).update(
            resolution=Conflict.Resolution.KEPT_OVERRIDE, resolved_at=timezone.now())
        Override.objects.filter(pk=override.pk).update(object_id=obj.pk, source_value=source)  # no history: the scraper's
        value = restored(model, override.field, override.value)
        model.objects.filter(pk=obj.pk).update(**{override.field: value})
        setattr(obj, override.field, value)


def corrections_for(objects: Iterable[models.Model]) -> dict[tuple[type, int], dict[str, Override]]:
    """{(model, pk): {field: Override}} for objects of any models, in one query (content types are cached)."""
    by_model: dict[type, list[int]] = {}
    for obj in objects:
        by_model.setdefault(type(obj), []).append(obj.pk)
    if not by_model:
        return {}
    types = ContentType.objects.get_for_models(*by_model)
    model_of = {content_type.pk: model for model, content_type in types.items()}
    wanted = Q()
    for model, pks in by_model.items():
        wanted |= Q(content_type=types[model], object_id__in=pks)
    found: dict[tuple[type, int], dict[str, Override]] = {}
    for override in Override.objects.filter(wanted):
        found.setdefault((model_of[override.content_type_id], override.object_id), {})[override.field] = override
    return found


def corrections_attach(objects: Iterable[models.Model]) -> None:
    """Give each object `.corrected`: {field name: Override} for the public "corrected" marks;
    each Override also gets `.label`, the field's name in words."""
    objects = list(objects)
    found = corrections_for(objects)
    for obj in objects:
        obj.corrected = {}
        for attname, override in found.get((type(obj), obj.pk), {}).items():
            field = obj._meta.get_field(attname)
            override.label = str(field.verbose_name)
            obj.corrected[field.name] = override


@transaction.atomic
def override_save(*, obj: models.Model, field: str, value: Any, reason: str, user) -> Override:
    """Correct one field of a scraped row: stored as an override and shown everywhere."""
    model = type(obj)
    attname = model._meta.get_field(field).attname
    override = Override.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id=obj.pk,
                                       field=attname).first()
    if override is None:
        current = model.objects.filter(pk=obj.pk).values_list(attname, flat=True).get()
        override = Override(content_type=ContentType.objects.get_for_model(model), object_id=obj.pk, field=attname,
                            source_key=source_key_of(obj), row_key=natural_key_of(obj),
                            source_value=stored(model, attname, current), created_by=user)
    value = getattr(value, "pk", value)
    override.value = stored(model, attname, value)
    override.reason = reason
    override._history_user = user
    override._change_reason = reason
    override.save()
    model.objects.filter(pk=obj.pk).update(**{attname: value})
    setattr(obj, attname, value)
    return override


@transaction.atomic
def override_remove(*, override: Override, user, reason: str) -> None:
    """Drop a correction: the row shows what the source last said again."""
    model = override.content_type.model_class()
    model.objects.filter(pk=override.object_id).update(
        **{override.field: restored(model, override.field, override.source_value)})
    override._history_user = user
    override._change_reason = reason
    override.delete()


@transaction.atomic
def conflict_resolve(*, conflict: Conflict, accept_source: bool, user) -> None:
    conflict.resolution = (Conflict.Resolution.ACCEPTED_SOURCE if accept_source
                           else Conflict.Resolution.KEPT_OVERRIDE)
    conflict.resolved_by, conflict.resolved_at = user, timezone.now()
    conflict.save()
    if accept_source:
        override_remove(override=conflict.override, user=user,
                        reason=f"Accepted the source's value {conflict.source_value!r}")
