"""`{{ stage.house|house_words }}`: a House as a reader says it. The Bills API calls the House of
a stage that belongs to neither (Royal Assent) "Unassigned"; pages say "both Houses"."""

from django import template

register = template.Library()


@register.filter
def house_words(house: str) -> str:
    return "both Houses" if house == "Unassigned" else house
