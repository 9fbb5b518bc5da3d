"""Named locks that die with their holder: one interface, a Redis and a file backend.

`held(name)` yields True when this process holds the lock, False when another holder has it
(the caller skips or waits). With Redis (REDIS_URL set) the lock is a key with a short TTL
(`LOCK_TTL_SECONDS`) that a thread renews while the holder works, so a killed holder's lock
lapses within one TTL. Without Redis (the embedded default) it is an OS file lock under
`LOCK_DIR`, which works across processes on the machine and is released by the kernel the
moment its holder dies. Scrapes lock a bill; workers on many machines need Redis.
"""

from __future__ import annotations

import fcntl
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

import redis
from django.conf import settings


class Lock(Protocol):
    def acquire(self) -> bool: ...

    def release(self) -> None: ...


class RedisLock:
    """A Redis key with a token and a TTL, renewed every third of the TTL while held."""

    def __init__(self, name: str, *, ttl: float, client: redis.Redis) -> None:
        self._lock = client.lock(name, timeout=ttl, blocking=False, thread_local=False)
        self._ttl = ttl
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None

    def acquire(self) -> bool:
        if not self._lock.acquire(blocking=False):
            return False
        self._renewer = threading.Thread(target=self._renew, daemon=True, name=f"renew {self._lock.name}")
        self._renewer.start()
        return True

    def _renew(self) -> None:
        while not self._stop.wait(self._ttl / 3):
            try:
                self._lock.reacquire()
            except redis.RedisError:  # lost (expired, or Redis down): the next renewal tries again
                continue

    def release(self) -> None:
        self._stop.set()
        if self._renewer:
            self._renewer.join()
        try:
            self._lock.release()
        except redis.exceptions.LockError:  # it had lapsed: nothing left to release
            pass


class FileLock:
    """An exclusive flock on a file: held by the open file, so a dead process holds nothing."""

    def __init__(self, name: str, *, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self._path = directory / f"{re.sub(r'[^A-Za-z0-9_.-]', '_', name)}.lock"
        self._fd: int | None = None

    def acquire(self) -> bool:
        fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def lock_for(name: str) -> Lock:
    """The backend the settings call for; LOCK_KEY_PREFIX keeps test processes apart."""
    name = f"{settings.LOCK_KEY_PREFIX}lock:{name}"
    if settings.REDIS_URL:
        return RedisLock(name, ttl=settings.LOCK_TTL_SECONDS, client=redis.Redis.from_url(settings.REDIS_URL))
    return FileLock(name, directory=Path(settings.LOCK_DIR))


@contextmanager
def held(name: str) -> Iterator[bool]:
    lock = lock_for(name)
    acquired = lock.acquire()
    try:
        yield acquired
    finally:
        if acquired:
            lock.release()
