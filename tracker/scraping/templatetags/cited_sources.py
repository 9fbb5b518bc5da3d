"""`{{ reconstructed_records|cited_for:record_id }}`: the sources with an address that a
reconstructed snapshot's manifest cites for one record (a made-up id, a debate's ExtId, or
"<ExtId>/contribution-<n>"); empty when it cites none."""

from django import template

register = template.Library()


@register.filter
def cited_for(records, record_id) -> list[dict]:
    record = records.get(str(record_id)) if records else None
    return [source for source in (record or {}).get("sources", ()) if source.get("url")]
