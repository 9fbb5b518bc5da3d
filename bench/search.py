"""Search latency on PostgreSQL at 100 bills and 100,000 amendments, and the plan that shows
the GIN index at work.

    .venv/bin/python bench/search.py [--server postgres://postgres@127.0.0.1:5432] [--bills 100]
                                     [--amendments 1000] [--runs 50]

Creates a throwaway database `tracker_search_bench` on the server (dropped at the end), fills it
with bulk_create: N synthetic bills (ids from 9,100,000, "Example Bill N") of one stage each,
M amendments a bill with one sponsor each from a pool of 20 members, and their texts: twelve
words drawn (seeded) from a vocabulary of 2,000 made-up words, with "supply" in 5%, "chain" in
5% and the phrase "supply chain" in 1% of the amendments. Then writes every search document
(tracker.search.index.search_documents_rebuild, timed) and measures, over R runs after one
untimed run, the median time of `search("supply chain")` (the selector the page and the API
call: type counts, one ranked page, snippets) and of `search("supply")` beside the median of a
trivial query (one row by primary key) in the same run, as a ratio to it, and its two
queries alone; then prints the EXPLAIN ANALYZE plan of the statement that counts and ranks. The
table is vacuumed and analysed first, as autovacuum leaves it. Asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

DATABASE = "tracker_search_bench"
VOCABULARY = [f"{a}{b}{c}" for a in ("bar", "cor", "dun", "fel", "gar", "hol", "mar", "nor", "pel", "tor")
              for b in ("a", "e", "i", "o", "u") for c in ("ben", "dale", "ford", "ham", "ley", "mouth", "ness",
                                                           "ton", "wick", "worth", "by", "combe", "den", "field",
                                                           "gate", "hurst", "land", "mere", "stead", "well",
                                                           "wood", "brook", "bury", "cott", "don", "hill", "low",
                                                           "moor", "pool", "side", "stow", "thorpe", "ton",
                                                           "vale", "wall", "ward", "wich", "worth", "yard", "by")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--bills", type=int, default=100)
    parser.add_argument("--amendments", type=int, default=1000, help="a bill")
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    _database_create(args.server)
    try:
        _configure(args.server)
        started = time.perf_counter()
        amendments = _fill(args.bills, args.amendments)
        filled = time.perf_counter() - started
        from tracker.search.index import search_documents_rebuild
        from tracker.search.models import SearchDocument

        started = time.perf_counter()
        search_documents_rebuild()
        indexed = time.perf_counter() - started
        print(f"{args.bills} bills, {amendments:,} amendments: filled in {filled:.1f} s; "
              f"{SearchDocument.objects.count():,} search documents written in {indexed:.1f} s")
        _vacuum()
        _measure(args.runs)
        _plan()
    finally:
        from django.db import connections

        connections.close_all()
        _database_drop(args.server)


def _configure(server: str) -> None:
    for name in ("REDIS_URL", "EMAIL_FILE_PATH", "DJANGO_ENV"):
        os.environ.pop(name, None)
    os.environ.update(DJANGO_SETTINGS_MODULE="tracker.settings.base", DATABASE_URL=f"{server}/{DATABASE}",
                      DEBUG="false", LOG_LEVEL="ERROR")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _fill(bills: int, per_bill: int) -> int:
    from amendments.models import Amendment, Sponsorship
    from bills.models import Bill, BillStage, Member, StageType

    rng = random.Random(2026)
    members = Member.objects.bulk_create([Member(members_api_id=9_100_500 + n, name_display_as=f"Example Member {n}",
                                                 membership_from="Example Constituency") for n in range(20)])
    stage_type = StageType.objects.create(bills_api_id=9_100_900, name="Committee stage", house="Commons")
    total = 0
    for b in range(bills):
        bill = Bill.objects.create(bills_api_id=9_100_000 + b, short_title=f"Example Bill {b}",
                                   long_title=f"A Bill to make provision about example matter {b}.",
                                   originating_house="Commons", current_house="Commons")
        stage = BillStage.objects.create(bills_api_id=9_200_000 + b, bill=bill, stage_type=stage_type,
                                         description="Committee stage", house="Commons", sort_order=0)
        amendments = Amendment.objects.bulk_create([
            Amendment(bills_api_id=9_300_000 + total + n, bill_stage=stage, list_position=n, number=str(n + 1),
                      decision="NoDecision", amendment_type="EditBillBody", clause=1 + n % 40,
                      text_plain=_text(rng), explanatory_statement_plain=_text(rng))
            for n in range(per_bill)], batch_size=2000)
        Sponsorship.objects.bulk_create([
            Sponsorship(amendment=a, position=0, member=members[n % 20], members_api_id=members[n % 20].members_api_id,
                        name=members[n % 20].name_display_as, is_lead=True)
            for n, a in enumerate(amendments)], batch_size=2000)
        total += per_bill
    return total


def _text(rng: random.Random) -> str:
    words = rng.choices(VOCABULARY, k=12)
    roll = rng.random()
    if roll < 0.01:
        words.insert(rng.randrange(12), "supply chain")
    elif roll < 0.05:
        words.insert(rng.randrange(12), "supply")
    if 0.01 <= rng.random() < 0.05:
        words.insert(rng.randrange(12), "chain")
    return " ".join(words) + "."


def _vacuum() -> None:
    """As autovacuum leaves a table that has settled: statistics current, visibility map set."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE search_searchdocument")


def _median_ms(function, runs: int) -> float:
    function()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def _measure(runs: int) -> None:
    from tracker.search import backends
    from tracker.search.models import SearchDocument
    from tracker.search.query import query_parse
    from tracker.search.selectors import PER_PAGE, search

    first = SearchDocument.objects.order_by("pk").values_list("pk", flat=True).first()
    floor = _median_ms(lambda: SearchDocument.objects.filter(pk=first).values_list("pk", flat=True).first(), runs)
    print(f"\ntrivial query (one row by primary key): median {floor:.2f} ms over {runs} runs")
    for query in ("supply chain", "supply"):
        page = search(query)
        median = _median_ms(lambda q=query: search(q), runs)
        print(f'search("{query}"): {page.total:,} matches, median {median:.2f} ms over {runs} runs, '
              f"{median / floor:.1f}x the trivial query")
        parsed = query_parse(query)
        matched = _median_ms(lambda p=parsed: backends.matches(p, type=None, offset=0, limit=PER_PAGE), runs)
        print(f"    of which the two queries (counts and a ranked page of ids; the page's rows): {matched:.2f} ms")


def _plan() -> None:
    from django.db import connection

    from tracker.search import backends
    from tracker.search.query import query_parse

    sql, params = backends.postgresql_page_sql(query_parse("supply chain"), type=None, offset=0, limit=20)
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) {sql}", params)
        print('\nEXPLAIN ANALYZE of the counts and the ranked page for "supply chain":')
        print("\n".join(row[0] for row in cursor.fetchall()))


def _database_create(server: str) -> None:
    _admin(server, f"DROP DATABASE IF EXISTS {DATABASE}", f"CREATE DATABASE {DATABASE}")


def _database_drop(server: str) -> None:
    _admin(server, f"DROP DATABASE IF EXISTS {DATABASE}")


def _admin(server: str, *statements: str) -> None:
    import psycopg2

    connection = psycopg2.connect(f"{server}/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    connection.close()


if __name__ == "__main__":
    main()
