"""Reading a response body within an overall deadline.

A read timeout bounds each wait for bytes, not the whole body: a server trickling one byte
a second never trips it. The live adapter therefore streams every response and reads the
body here, a chunk at a time as bytes arrive, giving up once the request's deadline has
passed (overshooting it by at most one read timeout). A body cut short of its
Content-Length, or otherwise broken, is a ConnectionError like a dropped connection.
"""

from __future__ import annotations

import time

from requests import Response
from requests.exceptions import ConnectionError, Timeout
from urllib3.exceptions import HTTPError as Urllib3Error

CHUNK = 64 * 1024


def body_read(response: Response, *, deadline: float, clock=time.monotonic) -> None:
    """Read the whole body into `response` (as requests does without `stream`), or raise."""
    chunks = []
    try:
        while chunk := response.raw.read1(CHUNK):
            chunks.append(chunk)
            if clock() > deadline:
                raise Timeout(f"the body was still arriving at the request's deadline ({response.url})",
                              response=response)
    except Urllib3Error as error:
        raise ConnectionError(f"the body could not be read: {error}", response=response) from error
    finally:
        response.close()
    response._content = b"".join(chunks)
    response._content_consumed = True
