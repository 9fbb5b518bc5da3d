"""A real HTTP server on 127.0.0.1 whose behaviour a test scripts, path by path; with
`serve_snapshot` it also answers everything a snapshot directory holds, each body passed
through the test's fault (a renamed key, a truncated body, a trickle, ...)."""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tracker.http.snapshot import load_index, request_key


@dataclass
class Reply:
    status: int = 200
    body: bytes = b"{}"
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})
    delay: float = 0.0
    drop: bool = False  # close the connection without answering
    short_by: int = 0  # declare a Content-Length this many bytes longer than the body sent
    trickle: float = 0.0  # send the body one byte at a time, this many seconds apart


@dataclass
class Seen:
    path: str
    at: float
    headers: dict[str, str]


class ScriptedServer:
    """`script[path]` is a list of replies given in turn (the last one repeats), or a
    function of the request's headers. A path not scripted goes to `fallback` (path with
    query -> Reply or None) when set, else gets a 404."""

    def __init__(self) -> None:
        self.script: dict[str, list[Reply] | Callable[[dict], Reply]] = {}
        self.fallback: Callable[[str], Reply | None] | None = None
        self.seen: dict[str, list[Seen]] = defaultdict(list)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                path = self.path.split("?")[0]
                headers = dict(self.headers.items())
                server.seen[path].append(Seen(self.path, time.monotonic(), headers))
                reply = server._reply_for(path, headers, len(server.seen[path]) - 1, self.path)
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.drop:
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body) + reply.short_by))
                self.end_headers()
                if reply.trickle:
                    for byte in reply.body:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(reply.trickle)
                else:
                    self.wfile.write(reply.body)
                if reply.short_by:
                    self.close_connection = True

            def log_message(self, *args) -> None:
                """Quiet: tests read `seen`, not a log."""

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def _reply_for(self, path: str, headers: dict, index: int, full_path: str) -> Reply:
        entry = self.script.get(path)
        if entry is None:
            reply = self.fallback(full_path) if self.fallback else None
            return reply or Reply(404, b"no such path", {"Content-Type": "text/plain"})
        if callable(entry):
            return entry(headers)
        return entry[min(index, len(entry) - 1)]

    def __enter__(self) -> "ScriptedServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


SOURCE_HOSTS = {  # the setting naming each API's base address, and where the snapshot has it
    "BILLS_API_URL": "https://bills-api.parliament.uk/api/v1",
    "MEMBERS_API_URL": "https://members-api.parliament.uk/api",
    "COMMONS_VOTES_API_URL": "https://commonsvotes-api.parliament.uk/data",
    "LORDS_VOTES_API_URL": "https://lordsvotes-api.parliament.uk/data",
    "HANSARD_API_URL": "https://hansard-api.parliament.uk",
}


def serve_snapshot(server: ScriptedServer, directory: Path, settings,
                   fault: Callable[[str, Reply], Reply] = lambda url, reply: reply) -> None:
    """Answer what the snapshot holds, at `server.url/<host>/<path>`, and point the API
    settings there. `fault(source_url, reply)` gives the reply actually sent."""
    index = load_index(Path(directory))
    for name, base in SOURCE_HOSTS.items():
        setattr(settings, name, f"{server.url}/{base.removeprefix('https://')}")

    def answer(full_path: str) -> Reply | None:
        source_url = "https://" + full_path.lstrip("/")
        recorded = index.get(request_key("GET", source_url))
        if recorded is None:
            return None
        reply = Reply(recorded.status, recorded.body_path.read_bytes(), dict(recorded.headers))
        return fault(source_url, reply)

    server.fallback = answer


def rewritten_json(where: str, change: Callable[[dict[str, Any]], dict[str, Any]]) -> Callable[[str, Reply], Reply]:
    """A fault for `serve_snapshot`: every JSON object in the 200 bodies of URLs containing
    `where` passed through `change`, innermost first."""
    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            return change({k: walk(v) for k, v in value.items()})
        return [walk(v) for v in value] if isinstance(value, list) else value

    def fault(url: str, reply: Reply) -> Reply:
        if reply.status == 200 and where in url:
            reply.body = json.dumps(walk(json.loads(reply.body))).encode()
        return reply
    return fault
