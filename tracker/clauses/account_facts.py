"""Editors' entries read from an account's structured facts (data/reference/*/facts.json), so the
stances the account records live in one file: its `stances`.

Pure: the facts in, entry values out (the fields `account_entries_save` takes). A stance becomes
an entry when it takes a side (for or against) and no API response carries it: the stance of a
person who signed the amendment behind the clause is carried by that amendment's sponsor list,
and a stance taking no side adds nothing to what the debates show. A stance naming no one (a
committee's vote) is a decision, read from the amendment that carried it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

_STANCE = {"for": "supports", "against": "opposes"}
_WORDS = {"for": "for", "against": "against"}


def entries_from_facts(facts: Mapping[str, Any], *, clause_key: str, amendment_made_up_id: int) -> list[dict]:
    """One entry per stance the account records that no API response carries, keyed
    "<person>-<date or undated>" (so loading again updates, never duplicates)."""
    signed = {sponsor["person"] for amendment in facts["amendments"]
              if amendment["made_up_id"] == amendment_made_up_id for sponsor in amendment["sponsors"] or ()}
    entries: dict[str, dict] = {}
    for stance in facts["stances"]:
        person = stance["person"]
        if person is None or person in signed or stance["position"] not in _STANCE:
            continue
        key = f"{person}-{stance['date'] or 'undated'}"
        key = next(f"{key}-{n}" for n in range(2, 99) if f"{key}-{n}" not in entries) if key in entries else key
        entries[key] = _entry(key, stance, facts["people"][person], facts["sources"], clause_key)
    return list(entries.values())


def _entry(key: str, stance: Mapping[str, Any], person: Mapping[str, Any], sources: Mapping[str, Any],
           clause_key: str) -> dict:
    cite = stance["cite"]
    note = f" ({stance['date_note']})" if stance.get("date_note") else ""
    return {
        "key": key,
        "clause_key": clause_key,
        "members_api_id": person["made_up_id"],
        "name": person["name"],
        "party_name": person["party"] or "",
        "stance": _STANCE[stance["position"]],
        "quote": stance["quote"] or "",
        "said_on": dt.date.fromisoformat(stance["date"]) if stance["date"] else None,
        "citation": _citation(cite, sources)[:1000],
        "reason": (f"The account records {person['name']} as {_WORDS[stance['position']]} the clause: "
                   f"\u201c{stance['account_words']}\u201d{note}. Account: {cite['account']}."),
    }


def _citation(cite: Mapping[str, Any], sources: Mapping[str, Any]) -> str:
    """The first cited source with an address (the page links it); else the sources' names."""
    for name in cite["sources"]:
        url = (sources.get(name) or {}).get("url")
        if url:
            return url
    return "; ".join(f"{name}: {(sources.get(name) or {}).get('what') or name}" for name in cite["sources"])
