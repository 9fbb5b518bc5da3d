"""Snapshot replay and record as requests transport adapters.

The layout and matching rules are fixed by docs/snapshot-format.md: a directory
with manifest.json, index.jsonl (one recorded request a line) and bodies/. Nothing above
the HTTP layer can tell a replayed response from a live one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import mimetypes
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from requests import PreparedRequest, Response
from requests.adapters import BaseAdapter, HTTPAdapter
from requests.structures import CaseInsensitiveDict

logger = logging.getLogger(__name__)

NOT_IN_SNAPSHOT = b"not in snapshot"
_DEFAULT_TYPES = {".json": "application/json; charset=utf-8", ".xml": "application/xml", ".html": "text/html; charset=utf-8"}


def request_key(method: str, url: str) -> tuple:
    """What makes two requests the same: method, scheme, host, path and the query
    parameters as a sorted list of (name, value) pairs."""
    parts = urlsplit(url)
    query = sorted(parse_qsl(parts.query, keep_blank_values=True))
    return (method.upper(), parts.scheme.lower(), parts.netloc.lower(), unquote(parts.path), tuple(query))


@dataclass(frozen=True)
class RecordedResponse:
    status: int
    headers: dict[str, str]
    body_path: Path


def read_manifest(directory: str | Path) -> dict:
    """The snapshot's manifest.json ({} when it has none)."""
    path = Path(directory) / "manifest.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def load_index(directory: Path) -> dict[tuple, RecordedResponse]:
    index: dict[tuple, RecordedResponse] = {}
    with open(directory / "index.jsonl", encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
                body_path = directory / entry["body"]
                headers = dict(entry.get("headers") or {})
                headers.setdefault("Content-Type", _content_type_for(body_path))
                key = request_key(entry.get("method", "GET"), entry["url"])
                index[key] = RecordedResponse(int(entry["status"]), headers, body_path)
            except (KeyError, ValueError, TypeError) as error:
                raise ValueError(f"{directory / 'index.jsonl'} line {number}: {error}") from error
    return index


def _content_type_for(path: Path) -> str:
    return _DEFAULT_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def _build_response(request: PreparedRequest, status: int, headers: dict[str, str], body: bytes) -> Response:
    response = Response()
    response.status_code = status
    response.headers = CaseInsensitiveDict(headers)
    response._content = body
    response.url = request.url or ""
    response.request = request
    response.encoding = None
    response.reason = "OK" if status < 400 else "Not Found" if status == 404 else "Error"
    return response


class SnapshotReplayAdapter(BaseAdapter):
    """Answers every request from a snapshot directory; unmatched requests get a 404."""

    def __init__(self, directory: str | Path) -> None:
        super().__init__()
        self.directory = Path(directory)
        self._index = load_index(self.directory)
        self._logged_misses: set[str] = set()
        self._lock = threading.Lock()

    def send(self, request: PreparedRequest, **kwargs) -> Response:
        recorded = self._index.get(request_key(request.method or "GET", request.url or ""))
        if recorded is None:
            self._log_miss(request.url or "")
            return _build_response(request, 404, {"Content-Type": "text/plain"}, NOT_IN_SNAPSHOT)
        return _build_response(request, recorded.status, recorded.headers, recorded.body_path.read_bytes())

    def _log_miss(self, url: str) -> None:
        with self._lock:
            if url in self._logged_misses:
                return
            self._logged_misses.add(url)
        logger.warning("not in snapshot: %s", url)

    def close(self) -> None:
        """Nothing to release: each body is read when it is asked for."""


class SnapshotRecordingAdapter(BaseAdapter):
    """Sends through a live adapter and writes every response into a snapshot directory."""

    def __init__(self, live: HTTPAdapter, directory: str | Path, *, name: str = "recorded") -> None:
        super().__init__()
        self.live = live
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        manifest = self.directory / "manifest.json"
        if not manifest.exists():
            manifest.write_text(json.dumps({"format": 1, "name": name, "description": "Recorded live.",
                                            "recorded_at": None, "bills": []}, indent=2) + "\n")

    def send(self, request: PreparedRequest, **kwargs) -> Response:
        response = self.live.send(request, **kwargs)
        self._record(request, response)
        return response

    def _record(self, request: PreparedRequest, response: Response) -> None:
        body = response.content
        relative = body_path_for(request.url or "", response.headers.get("Content-Type", ""))
        entry = {
            "method": (request.method or "GET").upper(),
            "url": request.url,
            "status": response.status_code,
            "headers": {"Content-Type": response.headers.get("Content-Type", "application/octet-stream")},
            "body": relative,
        }
        with self._lock:
            target = self.directory / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(body)
            with open(self.directory / "index.jsonl", "a", encoding="utf-8") as index:
                index.write(json.dumps(entry) + "\n")

    def close(self) -> None:
        self.live.close()


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def body_path_for(url: str, content_type: str) -> str:
    """bodies/<host>/<path>[-<query hash>].<ext>: readable, and distinct per query."""
    parts = urlsplit(url)
    segments = [_UNSAFE.sub("_", unquote(s)) for s in parts.path.split("/") if s]
    stem = "/".join(segments) or "index"
    if parts.query:
        stem += "-" + hashlib.sha1(parts.query.encode()).hexdigest()[:10]
    extension = mimetypes.guess_extension(content_type.split(";")[0].strip()) or ".bin"
    if stem.endswith(extension):
        extension = ""
    return f"bodies/{parts.netloc}/{stem}{extension}"
