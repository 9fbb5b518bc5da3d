"""Every public page of the loaded demo (what `make run` loads: both bundled snapshots and the
editors' entries), crawled from the home page: plain words only, and no link to a Parliament
website built from an id the tracker made up (made-up ids are 9000000 and above)."""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from django.conf import settings

from tracker.clauses.account_entries import account_entries_load
from tracker.http.client import build_session
from tracker.http.snapshot import read_manifest
from tracker.scraping.pipeline import scrape

pytestmark = pytest.mark.django_db
SNAPSHOTS = [settings.BASE_DIR / "data/snapshots/procurement-bill-2022-23",
             settings.BASE_DIR / "data/snapshots/social-housing-regulation-bill-2022-23"]
ENTRIES = settings.BASE_DIR / "data/account-entries/procurement-bill.json"
NOT_PUBLIC = ("/admin/", "/alerts/confirm/", "/alerts/manage/", "/alerts/unsubscribe/", "/static/")
WORDS_NEVER_SHOWN = ("Unassigned", "session 9001001", "amendmentMotionNotes", "Lords amendmentMotionNotes")
# Outside a "How we know" disclosure: no rule's name, no confidence figure.
RAW_METHOD = re.compile(r"\b[Rr]ule:? [a-z]+[-_][\w-]*|\bRule: |\bconfidence \d|\b[a-z]+_[a-z_]+\b")
MADE_UP_ID = re.compile(r"(?<![\d-])9\d{6}(?!\d)|0{8}-0{4}-0{4}-0{4}-0000091")


class _Page(HTMLParser):
    """The page's links, and its visible text outside <details>, <script>, <style> and <code>."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.text: list[str] = []
        self.all_text = ""  # disclosures too
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("details", "script", "style", "code", "title"):
            self._hidden += 1
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)

    def handle_endtag(self, tag):
        if tag in ("details", "script", "style", "code", "title"):
            self._hidden -= 1

    def handle_data(self, data):
        self.all_text += data
        if not self._hidden:
            self.text.append(data)


@pytest.fixture
def demo():
    """As `make run` loads it."""
    for snapshot in SNAPSHOTS:
        manifest = read_manifest(snapshot)
        scrape(bill_ids=manifest["bills"], session=build_session(snapshot_dir=snapshot), source=f"snapshot {snapshot}",
               reconstructed=bool(manifest.get("reconstructed")),
               reconstructed_records=manifest.get("reconstructed_records") or {})
    account_entries_load(ENTRIES, session=build_session(snapshot_dir=SNAPSHOTS[0]))


def crawl(client) -> dict[str, _Page]:
    seen: dict[str, _Page] = {}
    queue = deque(["/"])
    while queue:
        path = queue.popleft()
        if path in seen:
            continue
        response = client.get(path)
        assert response.status_code == 200, path
        page = _Page()
        if "html" in response.headers.get("Content-Type", ""):
            page.feed(response.content.decode())
        seen[path] = page
        for href in page.links:
            target, _ = urldefrag(href)
            parts = urlsplit(target)
            if target and not parts.netloc and target.startswith("/") and not target.startswith(NOT_PUBLIC):
                queue.append(target)
    return seen


def test_every_public_page_says_things_plainly_and_links_to_no_made_up_parliament_address(client, demo):
    pages = crawl(client)
    assert len(pages) > 40
    assert any("/clauses/amendment-9006001/" in path for path in pages)
    assert any(path.startswith("/amendments/") for path in pages) and any("/divisions/" in path for path in pages)

    assert "introduced in session 2022-23" in " ".join(pages["/bills/3159/procurement-bill-hl/"].all_text.split())
    problems = []
    for path, page in pages.items():
        text = " ".join(" ".join(page.text).split())
        problems += [(path, word) for word in WORDS_NEVER_SHOWN if word in page.all_text]
        problems += [(path, match.group(0)) for match in RAW_METHOD.finditer(text)]
        for href in page.links:
            host = urlsplit(href).hostname or ""
            if (host == "parliament.uk" or host.endswith(".parliament.uk")) and MADE_UP_ID.search(href):
                problems.append((path, href))
    problems = sorted(set(problems))
    assert problems == [], "\n".join(map(str, problems))
