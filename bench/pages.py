"""Benchmark the public pages of one bill, small and large, through Django's test Client.

    .venv/bin/python bench/pages.py [--requests N]

Builds two synthetic bills with tests/factories.py (a throwaway SQLite database under /tmp,
the embedded default settings with DEBUG off): a small one (10 clauses, 40 amendments) and a
large one (400 clauses, 6,000 amendments, 5,000 sponsorships, three divisions of 600 votes),
derives their clauses, then requests the bill page, the clauses page, the busiest clause's
page, the amendments page, an amendment page (five sponsors, a division) and a division page,
and the same records from the JSON API (a hundred clauses a page). Requests carry a session
cookie, so the page cache is bypassed and every request does the work.
For each it prints the SQL queries one request ran, the size of the HTML, and the median and
95th percentile (nearest rank) of N timed requests, small and large side by side: the query
counts should match, the times show what a bigger bill costs. Each page is first requested
twice, untimed: once to fill the process's one-off caches (content types, compiled templates),
once to count its queries. Every name and id is synthetic ("Example ...", ids from 9,000,000).
Times include the whole middleware stack but no network or server: the test Client calls the
handler in-process, keeping one database connection across requests.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench._django import configure_django  # noqa: E402


@dataclass(frozen=True)
class Size:
    clauses: int
    amendments: int
    sponsorships: int  # five names each on the first sponsorships / 5 amendments
    divisions: int
    votes_each: int

    def __str__(self) -> str:
        return (f"{self.clauses:,} clauses, {self.amendments:,} amendments, {self.sponsorships:,} sponsorships, "
                f"{self.divisions} divisions of {self.votes_each:,} votes")


SMALL = Size(clauses=10, amendments=40, sponsorships=40, divisions=3, votes_each=6)
LARGE = Size(clauses=400, amendments=6000, sponsorships=5000, divisions=3, votes_each=600)
SPONSORS_EACH = 5


@dataclass(frozen=True)
class Measured:
    queries: int
    html_kb: float
    median_ms: float
    p95_ms: float


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page (default 30)")
    requests = parser.parse_args().requests
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as directory:
        configure_django(Path(directory) / "bench.sqlite3")
        results = {size: _measure(size, requests) for size in (SMALL, LARGE)}
    print(f"{requests} timed requests per page")
    print(f"{'':<15} {'queries':>15} {'HTML kB':>15} {'ms, small':>17} {'ms, large':>17}")
    print(f"{'page':<15} {'small':>7} {'large':>7} {'small':>7} {'large':>7} {'median / p95':>17} {'median / p95':>17}")
    for page in results[SMALL]:
        small, large = results[SMALL][page], results[LARGE][page]
        print(f"{page:<15} {small.queries:>7} {large.queries:>7} {small.html_kb:>7.0f} {large.html_kb:>7.0f} "
              f"{small.median_ms:>8.1f} / {small.p95_ms:>6.1f} {large.median_ms:>8.1f} / {large.p95_ms:>6.1f}")


def _measure(size: Size, requests: int) -> dict[str, Measured]:
    from django.test import Client

    started = time.perf_counter()
    pages = bill_pages(size)
    print(f"{size}: built and derived in {time.perf_counter() - started:.1f} s")
    from django.conf import settings

    client = Client(HTTP_HOST="localhost")
    # A session cookie bypasses the page cache (tracker/pagecache.py): every request does the work.
    client.cookies[settings.SESSION_COOKIE_NAME] = "bench"
    return {name: _measure_page(client, url, requests) for name, url in pages.items()}


def _measure_page(client, url: str, requests: int) -> Measured:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _get(client, url)  # warm the process's one-off caches (content types, templates)
    with CaptureQueriesContext(connection) as queries:
        html = _get(client, url)
    query_count = len(queries.captured_queries)  # before the next request resets the query log
    seconds = []
    for _ in range(requests):
        started = time.perf_counter()
        _get(client, url)
        seconds.append(time.perf_counter() - started)
    return Measured(query_count, len(html) / 1000, statistics.median(seconds) * 1000, _p95(seconds) * 1000)


def _get(client, url: str) -> bytes:
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return response.content


def _p95(samples: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    return sorted(samples)[math.ceil(0.95 * len(samples)) - 1]


def bill_pages(size: Size) -> dict[str, str]:
    """Build a bill of `size`, derive its clauses, and return the URL of each page to time."""
    from django.db.models import Count
    from django.urls import reverse

    from amendments.models import Amendment
    from tests.factories import bill_with_clause_amendments
    from tracker.clauses.derive import bill_clauses_derive
    from tracker.clauses.models import Clause

    bill = bill_with_clause_amendments(clauses=size.clauses, amendments=size.amendments)
    amendments = list(Amendment.objects.filter(bill_stage__bill=bill, sponsorships=None).order_by("pk"))
    members = _members(max(size.votes_each, 50))
    _sponsor(amendments[:size.sponsorships // SPONSORS_EACH], members)
    # Amendments 0, `clauses`, 2 x `clauses` ... all target clause 1, at Committee and Report in turn.
    divisions = [_division(bill, amendments[n * size.clauses], members[:size.votes_each])
                 for n in range(size.divisions)]
    bill_clauses_derive(bill=bill)
    busiest = (Clause.objects.filter(bill=bill)
               .annotate(events_count=Count("events", distinct=True), supports_count=Count("supports", distinct=True))
               .order_by("-events_count", "-supports_count", "pk").first())
    return {
        "bill": bill.get_absolute_url(),
        "clauses": reverse("clauses:list", args=[bill.bills_api_id, bill.slug]),
        "clause": busiest.get_absolute_url(),
        "amendments": reverse("amendments:bill_amendments", args=[bill.bills_api_id, bill.slug]),
        "amendment": amendments[0].get_absolute_url(),
        "division": divisions[0].get_absolute_url(),
        "member": members[0].get_absolute_url(),  # a sponsor of many of its amendments, in each division
        "debates": reverse("hansard:bill_debates", args=[bill.bills_api_id, bill.slug]),
        "feed": reverse("alerts:feed", args=["bill", bill.bills_api_id]),
        "search": _search_indexed() + "?q=clause+amendment",
        # The same records from the JSON API (/api/v1/), built by the same selectors.
        "api bill": reverse("api-v1:bill", args=[bill.bills_api_id]),
        "api clauses": reverse("api-v1:bill_clauses", args=[bill.bills_api_id]) + "?per_page=100",
        "api clause": reverse("api-v1:clause", args=[bill.bills_api_id, busiest.key]),
        "api amendments": reverse("api-v1:bill_amendments", args=[bill.bills_api_id]),
        "api amendment": reverse("api-v1:amendment", args=[amendments[0].bills_api_id]),
        "api division": reverse("api-v1:division", args=[divisions[0].house.lower(), divisions[0].source_id]),
    }


def _search_indexed() -> str:
    """Write every search document, as `make run` does after loading; the search page's address."""
    from django.urls import reverse

    from tracker.search.index import search_documents_rebuild

    search_documents_rebuild()
    return reverse("search:search")


def _members(count: int) -> list:
    from bills.models import Member
    from tests.factories import MemberFactory, PartyFactory

    parties = [PartyFactory() for _ in range(5)]
    return Member.objects.bulk_create(
        [MemberFactory.build(party=parties[n % len(parties)]) for n in range(count)], batch_size=500)


def _sponsor(amendments: list, members: list) -> None:
    from amendments.models import Sponsorship

    Sponsorship.objects.bulk_create([
        Sponsorship(amendment=amendment, position=p, member=member, members_api_id=member.members_api_id,
                    name=member.name_display_as, is_lead=p == 0)
        for n, amendment in enumerate(amendments)
        for p, member in enumerate(members[(n + p) % len(members)] for p in range(SPONSORS_EACH))
    ], batch_size=1000)


def _division(bill, amendment, voters: list):
    """A division on `amendment` in which every one of `voters` voted, the first two as tellers."""
    from amendments.models import DivisionLink, Vote
    from tests.factories import DivisionFactory

    lobbies = [Vote.Lobby.AYE if n % 3 else Vote.Lobby.NO for n in range(len(voters))]
    division = DivisionFactory(bill=bill, for_count=lobbies.count(Vote.Lobby.AYE),
                               against_count=lobbies.count(Vote.Lobby.NO))
    DivisionLink.objects.create(division=division, kind=DivisionLink.Kind.AMENDMENT, number=amendment.number,
                                amendment=amendment, method="benchmark")
    Vote.objects.bulk_create([
        Vote(division=division, member=member, members_api_id=member.members_api_id, name=member.name_display_as,
             lobby=lobby, is_teller=n < 2)
        for n, (member, lobby) in enumerate(zip(voters, lobbies, strict=True))
    ], batch_size=1000)
    return division


if __name__ == "__main__":
    main()
