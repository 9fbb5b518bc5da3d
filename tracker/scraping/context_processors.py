"""Every page may link a reconstructed record to the sources its snapshot's manifest cites
(includes/source_link.html); read only when a page asks."""

from django.utils.functional import SimpleLazyObject

from .selectors import all_reconstructed_records


def reconstructed_records(request) -> dict:
    return {"reconstructed_records": SimpleLazyObject(all_reconstructed_records)}
