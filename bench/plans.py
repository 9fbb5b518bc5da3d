"""PostgreSQL's plan for every query every public page makes, on a grown database: the tables
that grow with the session and its hourly runs must be read by index, never scanned whole.

    .venv/bin/python bench/plans.py [--database-url postgres://postgres@127.0.0.1:5432/tracker_bench]
        [--bills 20] [--runs 300000]

Empties the database it is given (give it one of its own), migrates it and grows it: the large
bill of bench/pages.py (400 clauses, 6,000 amendments, 5,000 sponsorships, three divisions of 600
votes) beside `--bills` more (100 clauses, 1,000 amendments, 5 names each, a division of 600
votes, clauses derived), and `--runs` hourly scrape runs (300,000: about 34 years of hourly runs
of one bill, or four months of a 100-bill session's), each with a scraped-bill row; then ANALYZE. Every
page of the large bill is requested once through Django's test Client with the page cache
emptied, each SELECT it ran is EXPLAINed, and each sequential scan is printed with the table and
its size. "growing" counts the scans of tables holding more than GROWING_ROWS rows. Nothing is
asserted; times are not measured here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench._django import configure_django  # noqa: E402

GROWING_ROWS = 10_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/tracker_bench")
    parser.add_argument("--bills", type=int, default=20, help="bills beside the large one")
    parser.add_argument("--runs", type=int, default=300_000, help="scrape runs in the history")
    arguments = parser.parse_args()
    configure_django(arguments.database_url)
    pages = grow(bills=arguments.bills, runs=arguments.runs)
    sizes = table_rows()
    print(f"Grown: {arguments.bills + 1} bills; " + ", ".join(
        f"{table} {rows:,}" for table, rows in sorted(sizes.items(), key=lambda kv: -kv[1])[:12]))
    print(f"{'page':<22} {'queries':>7} {'seq scans':>9} {'growing':>7}  tables scanned (rows)")
    total = 0
    for name, url in pages.items():
        plans = page_plans(url)
        scans = [table for plan in plans for table in seq_scans(plan)]
        growing = [table for table in scans if sizes.get(table, 0) > GROWING_ROWS]
        total += len(growing)
        print(f"{name:<22} {len(plans):>7} {len(scans):>9} {len(growing):>7}  "
              + ", ".join(f"{table} ({sizes.get(table, 0):,})" for table in sorted(set(scans))))
    print(f"Sequential scans of growing tables (> {GROWING_ROWS:,} rows), every page: {total}")


def grow(*, bills: int, runs: int) -> dict[str, str]:
    """Fill the database; the URLs of the pages to explain."""
    from django.db import connection
    from django.urls import reverse

    from amendments.models import Amendment, Sponsorship
    from bench.pages import LARGE, _division, _members, _sponsor, bill_pages
    from bills.models import Bill
    from tests.factories import bill_with_clause_amendments
    from tracker.clauses.derive import bill_clauses_derive

    pages = bill_pages(LARGE)
    members = _members(600)
    for _ in range(bills):
        bill = bill_with_clause_amendments(clauses=100, amendments=1000)
        amendments = list(Amendment.objects.filter(bill_stage__bill=bill, sponsorships=None).order_by("pk"))
        _sponsor(amendments, members)
        _division(bill, amendments[0], members)
        bill_clauses_derive(bill=bill)
    bill_ids = list(Bill.objects.values_list("bills_api_id", flat=True))
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO scraping_scraperun (started_at, finished_at, heartbeat_at, status, source, reconstructed,"
            " reconstructed_records, trigger, bill_ids, created, updated, unchanged, failed, missing)"
            " SELECT now() - n * interval '1 hour', now() - n * interval '1 hour' + interval '5 minutes', NULL,"
            " CASE WHEN n %% 50 = 0 THEN 'partial' ELSE 'succeeded' END, 'live', false, '{}', 'task', '[]',"
            " 0, 0, 10, 0, 0 FROM generate_series(%s, 1, -1) AS n", [runs])
        cursor.execute(
            "INSERT INTO scraping_scrapedbill (run_id, bills_api_id, wrote_rows)"
            " SELECT id, (%s::int[])[1 + id %% %s], id %% 24 = 0 FROM scraping_scraperun",
            [bill_ids, len(bill_ids)])
        cursor.execute("ANALYZE")
    large = Bill.objects.get(bills_api_id=int(pages["bill"].split("/")[2]))
    sponsor = Sponsorship.objects.filter(amendment__bill_stage__bill=large).select_related("member__party").first()
    amendments = reverse("amendments:bill_amendments", args=[large.bills_api_id, large.slug])
    return {"home": reverse("home"), "bill list": reverse("bills:list"), **pages,
            "clauses, page 3": f"{pages['clauses']}?page=3&matrix_page=3",
            "amendments, party": f"{amendments}?party={sponsor.member.party.members_api_id}",
            "amendments, sponsor": f"{amendments}?sponsor=Example",
            "member": sponsor.member.get_absolute_url(),
            "bill feed": reverse("alerts:feed", args=["bill", large.bills_api_id])}


def table_rows() -> dict[str, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, n_live_tup FROM pg_stat_user_tables")
        return dict(cursor.fetchall())


def page_plans(url: str) -> list[dict]:
    """The plan of each SELECT one request of `url` ran, the page cache emptied first."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = Client(HTTP_HOST="localhost").get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    plans = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            if query["sql"].lstrip().upper().startswith("SELECT"):
                cursor.execute(f"EXPLAIN (FORMAT JSON) {query['sql']}")
                plans.append(_json(cursor.fetchone()[0])[0]["Plan"])
    return plans


def _json(value) -> list:
    return json.loads(value) if isinstance(value, str) else value


def seq_scans(plan: dict) -> list[str]:
    found = [plan["Relation Name"]] if plan["Node Type"] == "Seq Scan" else []
    return found + [table for child in plan.get("Plans", []) for table in seq_scans(child)]


if __name__ == "__main__":
    main()
