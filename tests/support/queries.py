"""Reading the SQL a block ran (django.test.utils.CaptureQueriesContext)."""


def data_writes(queries) -> list[str]:
    """INSERT/UPDATE/DELETE statements on anything but the scrape-run records: what "a second
    run writes nothing" is asserted on."""
    return [q["sql"] for q in queries
            if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE") and "scraping_" not in q["sql"]]
