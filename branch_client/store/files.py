"""Small file-system helpers: atomic writes and the translation of OS errors into known ones."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from branch_client.store.errors import (
    DataDirNotWritable,
    DiskFull,
    KnownError,
    StoreUnreadable,
)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file.

    Temporary file in the same directory, fsync, `os.replace`, then fsync of the directory
    (Electrum's recipe). OS errors come back as `DiskFull` / `DataDirNotWritable`.
    """
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        fsync_directory(path.parent)
    except OSError as exc:
        raise known_os_error(exc) from exc


def fsync_directory(directory: Path) -> None:
    """Make a rename durable (a no-op where directories cannot be opened, i.e. Windows)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def ensure_writable_directory(directory: Path) -> None:
    """Create `directory` if needed and prove we can write in it, or `DataDirNotWritable`."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        probe = directory / ".write-probe"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        raise known_os_error(exc, writing=True) from exc


def known_os_error(exc: OSError, *, writing: bool = True) -> KnownError:
    """The known condition behind an `OSError` (the path is left out: it may name a person)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(f"no space left on device (errno {exc.errno})")
    if writing:
        return DataDirNotWritable(f"cannot write to the data directory (errno {exc.errno})")
    return StoreUnreadable(f"cannot read the store (errno {exc.errno})")
