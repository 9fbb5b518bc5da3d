"""Which entries of a source list changed since the list was last read.

Each entry is reduced to a digest of what the list says of it and where; an item whose digest
is as remembered needs no detail request and no store. Digests are remembered only for items
stored in full, so one whose detail failed is fetched again next time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from .models import ListedEntry
from .upsert import bulk_upsert


def entry_digest(position: int, entry: object) -> str:
    """A digest of a parsed list entry (a frozen dataclass, whose repr shows every field) and
    its place in the list."""
    return hashlib.sha256(repr((position, entry)).encode()).hexdigest()


def changed_keys(list_url: str, digests: Mapping[str, str]) -> set[str]:
    """The item keys whose digest differs from the one remembered for this list (or is new)."""
    remembered = dict(ListedEntry.objects.filter(list_url=list_url).values_list("item_key", "digest"))
    return {key for key, digest in digests.items() if remembered.get(key) != digest}


def entries_remember(list_url: str, digests: Mapping[str, str]) -> None:
    if digests:
        bulk_upsert(ListedEntry, key=("list_url", "item_key"),
                    rows={(list_url, key): {"digest": digest} for key, digest in digests.items()})
