"""One process at a time per store: an OS-level lock on a file beside the database.

The operating system drops the lock when the process dies, so a crash or a kill never
leaves a stale lock behind (unlike a PID file).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from branch_client.store.errors import StoreInUse
from branch_client.store.files import known_os_error

if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class StoreLock:
    """An exclusive lock held for as long as a store is open in this process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        """Take the lock, or raise `StoreInUse` if another process holds it."""
        try:
            # Owner-only like everything in the data folder; held open for the lock's lifetime.
            flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)
            handle = os.fdopen(os.open(self.path, flags, 0o600), "a+b")
        except OSError as exc:
            raise known_os_error(exc) from exc
        if not _try_lock(handle):
            handle.close()
            raise StoreInUse("another process has this store open")
        self._handle = handle

    def release(self) -> None:
        """Give the lock back (idempotent)."""
        if self._handle is not None:
            _unlock(self._handle)
            self._handle.close()
            self._handle = None
