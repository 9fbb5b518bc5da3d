"""A stored correction's value as an editor reads it: a party's name ("Labour"), not its row id;
a choice's label, not its code. Overrides store the column's raw value (a foreign key's id)."""

from __future__ import annotations

from typing import Any

from django.db import models


def model_field(model: type[models.Model], attname: str) -> models.Field | None:
    """The field an override names by its column (`party_id` for `party`)."""
    return next((f for f in model._meta.concrete_fields if f.attname == attname), None)


def readable_value(model: type[models.Model] | None, attname: str, value: Any) -> str:
    if value is None:
        return "(empty)"
    field = model_field(model, attname) if model else None
    if field is None:
        return str(value)
    if field.is_relation:
        related = field.related_model.objects.filter(pk=value).first()
        return str(related) if related is not None else f"{value} (no such {field.related_model._meta.verbose_name})"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def field_label(model: type[models.Model] | None, attname: str) -> str:
    field = model_field(model, attname) if model else None
    return str(field.verbose_name) if field is not None else attname
