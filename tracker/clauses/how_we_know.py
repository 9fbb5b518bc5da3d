"""How a clause page explains, in plain words, what linked its versions from one print to the
next: a LawMaker GUID (and whether the text matcher, run without it, agrees), the text
matcher alone, an amendment, debate evidence or an admin."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .models import ClauseLink

Method = ClauseLink.Method


@dataclass(frozen=True)
class LinkExplanation:
    link: ClauseLink  # with older_print, newer_print, older and newer
    summary: str  # what happened between the two prints
    method: str  # how the link was made, in plain words
    check: str  # what else confirms it ("" when nothing does)


def link_explanations(links: Iterable[ClauseLink]) -> list[LinkExplanation]:
    """One explanation per link, in print order."""
    return [LinkExplanation(link, _summary(link), _method(link), link.evidence)
            for link in sorted(links, key=lambda link: link.older_print.position)]


def _summary(link: ClauseLink) -> str:
    older, newer = link.older_print.label, link.newer_print.label
    if link.newer is None:
        return f"In “{older}” it is {link.older.label}; it is not in “{newer}”: it was left out."
    if link.older is None:
        return f"It is not in “{older}”; it is new in “{newer}” as {link.newer.label}."
    if link.older.number != link.newer.number:
        return f"{link.older.label} in “{older}” is {link.newer.label} in “{newer}”: renumbered."
    return f"{link.older.label} in “{older}” is still {link.newer.label} in “{newer}”."


def _method(link: ClauseLink) -> str:
    if link.method == Method.SOURCE_ID:
        return ("Both prints give it the same LawMaker GUID: the identifier the drafting system keeps for a "
                "provision through every reprint, whatever its number.")
    if link.method == Method.SIMILARITY:
        if link.newer is None or link.older is None:
            kind = (link.older or link.newer).get_kind_display().lower()
            return (f"The text matcher compared its heading and words with every {kind} of the other print: none "
                    f"is like it (the closest scores {1 - link.confidence:.3g}), so it is "
                    f"{'left out' if link.newer is None else 'new'} with confidence {link.confidence:g}.")
        return (f"The text matcher found the two versions alike by their headings and words "
                f"(confidence {link.confidence:g}).")
    return f"{link.get_method_display()} (confidence {link.confidence:g})."
