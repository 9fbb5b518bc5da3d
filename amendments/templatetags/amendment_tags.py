"""Filters for showing decisions: the reader's label and a tag colour for each API value."""

from django import template

from amendments.models import Decision
from amendments.store import decision_label as label_for

register = template.Library()

_TAG_CLASSES = {
    Decision.AGREED: "govuk-tag--green",
    Decision.AGREED_ON_DIVISION: "govuk-tag--green",
    Decision.STOOD_PART: "govuk-tag--green",
    Decision.DISAGREED: "govuk-tag--red",
    Decision.NEGATIVED_ON_DIVISION: "govuk-tag--red",
    Decision.NOT_STOOD_PART: "govuk-tag--red",
    Decision.QUESTION_PROPOSED: "govuk-tag--blue",
}


@register.filter
def decision_label(value: str) -> str:
    return label_for(value)


@register.filter
def decision_tag_class(value: str) -> str:
    """No decision recorded, and values the spec does not list, get the muted tag."""
    if value == Decision.NO_DECISION or value not in Decision.values:
        return "tracker-decision--none"
    return _TAG_CLASSES.get(value, "govuk-tag--grey")
