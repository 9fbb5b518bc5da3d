"""A real HTTP server on 127.0.0.1 whose behaviour a test scripts, path by path."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes = b"{}"
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})
    delay: float = 0.0
    drop: bool = False  # close the connection without answering


@dataclass
class Seen:
    path: str
    at: float
    headers: dict[str, str]


class ScriptedServer:
    """`script[path]` is a list of replies given in turn (the last one repeats), or a
    function of the request's headers."""

    def __init__(self) -> None:
        self.script: dict[str, list[Reply] | Callable[[dict], Reply]] = {}
        self.seen: dict[str, list[Seen]] = defaultdict(list)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                path = self.path.split("?")[0]
                headers = dict(self.headers.items())
                server.seen[path].append(Seen(self.path, time.monotonic(), headers))
                reply = server._reply_for(path, headers, len(server.seen[path]) - 1)
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.drop:
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            def log_message(self, *args) -> None:
                """Quiet: tests read `seen`, not a log."""

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def _reply_for(self, path: str, headers: dict, index: int) -> Reply:
        entry = self.script.get(path)
        if entry is None:
            return Reply(404, b"no such path", {"Content-Type": "text/plain"})
        if callable(entry):
            return entry(headers)
        return entry[min(index, len(entry) - 1)]

    def __enter__(self) -> "ScriptedServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
