"""The "editor" group: may correct scraped records and work the review queue, nothing else
(only superusers manage users)."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

EDITOR_GROUP = "editor"


def editor_group_sync(**kwargs) -> Group:
    """View and change rights on every correctable model and on the corrections themselves,
    plus add where rows may be added by hand, and the rights an admin names in its
    `editor_actions` (e.g. confirming a large loss the scrape held back). Connected to post_migrate."""
    from .admin import CorrectableAdmin
    from .models import Conflict, Override

    rights = {model: ["view", "change"] + (["add"] if any(f.name == "added_by_hand" for f in model._meta.fields)
                                           else [])
              for model, model_admin in admin.site._registry.items() if isinstance(model_admin, CorrectableAdmin)}
    rights |= {Override: ["view", "change"], Conflict: ["view", "change"]}
    rights |= {model: list(model_admin.editor_actions) for model, model_admin in admin.site._registry.items()
               if getattr(model_admin, "editor_actions", None)}
    wanted = Q(pk__in=[])
    for model, actions in rights.items():
        for action in actions:
            wanted |= Q(content_type__app_label=model._meta.app_label, codename=f"{action}_{model._meta.model_name}")
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.set(Permission.objects.filter(wanted))
    return group
