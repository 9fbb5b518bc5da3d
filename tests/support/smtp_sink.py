"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it accepts, for delivery tests
and benchmarks. It runs an asyncio loop in a thread of this process (SmtpSink), or in a
process of its own (counting_sink_process) so a benchmark's sender does not share its GIL."""

from __future__ import annotations

import asyncio
import email
import email.parser
import email.policy
import logging
import multiprocessing
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage

from aiosmtpd.smtp import SMTP, Envelope

logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command at INFO


@dataclass(frozen=True)
class Received:
    recipients: tuple[str, ...]
    content: bytes

    def message(self) -> EmailMessage:
        return email.message_from_bytes(self.content, policy=email.policy.default)


class SmtpSink:
    """`before_accept(envelope)` runs inside the DATA command, before the server answers;
    returning False refuses the message (451), so the client never learns it arrived and
    it is not kept. That is the moment a test can kill a sender mid-conversation.
    `after_accept(envelope)` runs once the message is kept, before the server answers: the
    worst moment to kill a sender, which then never learns that the server has it."""

    def __init__(self, *, before_accept: Callable[[Envelope], bool] | None = None, keep: bool = True,
                 after_accept: Callable[[Envelope], None] | None = None) -> None:
        self.before_accept = before_accept
        self.after_accept = after_accept
        self.keep = keep
        self.received: list[Received] = []
        self.count = 0
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self.port = 0

    async def handle_DATA(self, server, session, envelope: Envelope) -> str:  # noqa: N802 (aiosmtpd's name)
        if self.before_accept and not self.before_accept(envelope):
            return "451 Requested action aborted: try again later"
        with self._lock:
            self.count += 1
            if self.keep:
                self.received.append(Received(tuple(envelope.rcpt_tos), envelope.content))
        if self.after_accept:
            self.after_accept(envelope)
        return "250 Message accepted"

    def message_ids(self) -> list[str]:
        with self._lock:
            received = list(self.received)
        headers = email.parser.BytesHeaderParser(policy=email.policy.default)
        return [headers.parsebytes(item.content)["Message-ID"] for item in received]

    def __enter__(self) -> "SmtpSink":
        server = self._loop.run_until_complete(
            self._loop.create_server(lambda: SMTP(self, hostname="sink.test"), "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self._server = server
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._loop.call_soon_threadsafe(self._server.close)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)


def _serve_counting(count, port_pipe) -> None:
    sink = SmtpSink(keep=False)

    def counted(envelope: Envelope) -> bool:
        with count.get_lock():
            count.value += 1
        return True

    sink.before_accept = counted
    with sink:
        port_pipe.send(sink.port)
        threading.Event().wait()


@dataclass(frozen=True)
class CountingSink:
    port: int
    _count: object

    @property
    def count(self) -> int:
        return self._count.value


@contextmanager
def counting_sink_process() -> Iterator[CountingSink]:
    """A sink in its own process that only counts the messages it accepts."""
    context = multiprocessing.get_context("spawn")
    count = context.Value("q", 0)
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_serve_counting, args=(count, sending), daemon=True)
    process.start()
    try:
        yield CountingSink(port=receiving.recv(), _count=count)
    finally:
        process.terminate()
        process.join(timeout=10)
