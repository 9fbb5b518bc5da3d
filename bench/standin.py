"""A loopback stand-in for the Parliament APIs: serves a snapshot directory over HTTP on
127.0.0.1 with a fixed latency per response, and counts the requests.

A source URL https://HOST/PATH?QUERY is asked for as http://127.0.0.1:PORT/HOST/PATH?QUERY, so
the scrapers reach it by setting BILLS_API_URL and the other source URLs (`source_settings`).
What the snapshot does not hold is answered 404, as replay does.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tracker.http.snapshot import load_index, request_key

SOURCES = {
    "BILLS_API_URL": "bills-api.parliament.uk/api/v1",
    "MEMBERS_API_URL": "members-api.parliament.uk/api",
    "COMMONS_VOTES_API_URL": "commonsvotes-api.parliament.uk/data",
    "LORDS_VOTES_API_URL": "lordsvotes-api.parliament.uk/data",
    "HANSARD_API_URL": "hansard-api.parliament.uk",
}


class StandIn:
    def __init__(self, snapshot: Path, *, latency: float) -> None:
        index = load_index(Path(snapshot))
        self.requests = 0
        self._lock = threading.Lock()
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as the real APIs
            disable_nagle_algorithm = True  # headers and body leave at once, not 40 ms apart

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                with stand_in._lock:
                    stand_in.requests += 1
                time.sleep(latency)
                found = index.get(request_key("GET", f"https://{self.path.lstrip('/')}"))
                body = found.body_path.read_bytes() if found else b"not in snapshot"
                self.send_response(found.status if found else 404)
                self.send_header("Content-Type", found.headers["Content-Type"] if found else "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                """Quiet."""

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def source_settings(self) -> dict[str, str]:
        return {name: f"{self.url}/{path}" for name, path in SOURCES.items()}

    def __enter__(self) -> "StandIn":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
