"""Small file-system helpers: atomic writes, files and folders for their owner only, and the
translation of OS errors into known ones.

Everything the app writes about a branch (the store, its key slots, backups, logs, this PC's
preferences) is created readable by its owner only: 0600 files in 0700 folders on POSIX,
whatever the umask. The mode is given when the file or folder is made (`os.open`, `mkdir`),
so there is no moment when it is readable by others; one made by an older version is
tightened when it is next used. On Windows modes do nothing: the data folder is under the
user's profile, which Windows lets only that user (and the PC's administrators) open.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

from branch_client.store.errors import (
    DataDirNotWritable,
    DiskFull,
    KnownError,
    StoreUnreadable,
)

# Files and folders holding branch data: for their owner only.
PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file.

    Temporary file in the same directory, fsync, `os.replace`, then fsync of the directory
    (Electrum's recipe). The file is owner-only: `mkstemp` creates it 0600 and the rename
    keeps that mode. OS errors come back as `DiskFull` / `DataDirNotWritable`.
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
    """Create `directory` owner-only if needed (see `make_private_directory`) and prove we can
    write in it, or `DataDirNotWritable` / `DiskFull`."""
    try:
        make_private_directory(directory)
        probe = directory / ".write-probe"
        with open_private(probe) as handle:
            handle.write(b"ok")
        probe.unlink()
    except OSError as exc:
        raise known_os_error(exc, writing=True) from exc


def make_private_directory(directory: Path) -> bool:
    """Create `directory`, and any missing folder above it, readable by its owner only (0700);
    an existing `directory` is tightened to 0700 where the file system allows it. Returns
    whether it is now 0700 (see `restrict_mode`).

    Unlike `mkdir(parents=True)`, which makes the parents with the umask's mode, every folder
    made here is 0700 (as the XDG base directory specification asks for a missing data
    folder). Raises `OSError`.
    """
    missing: list[Path] = []
    level = directory
    while not level.exists() and level.parent != level:
        missing.append(level)
        level = level.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):  # made meanwhile by another process
            folder.mkdir(mode=PRIVATE_DIR_MODE)
    if not directory.is_dir():  # a file of that name: leave it as it is
        raise FileExistsError(errno.EEXIST, "not a folder")
    return restrict_mode(directory, PRIVATE_DIR_MODE)


def open_private(path: Path, *, exclusive: bool = False) -> BinaryIO:
    """`path` opened for writing in binary, created 0600 (owner-only), or emptied if it exists
    (then tightened to 0600 where the file system allows it). `exclusive`: it must not exist.

    Raises `OSError`.
    """
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, PRIVATE_FILE_MODE)
    try:
        restrict_mode(fd, PRIVATE_FILE_MODE)
        return os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        raise


def copy_private(source: Path, target: Path) -> None:
    """Copy `source` to `target` (new or replaced) as an owner-only file, synced to disk.

    `shutil.copyfile` would create `target` with the umask's mode (0644 under the usual 022).
    Raises `OSError`.
    """
    with source.open("rb") as reader, open_private(target) as writer:
        shutil.copyfileobj(reader, writer)
        writer.flush()
        os.fsync(writer.fileno())


def restrict_mode(target: Path | int, mode: int) -> bool:
    """Set `target`'s (a path or an open file descriptor) permission bits to `mode` on POSIX;
    whether they are now `mode`.

    Best effort, and silent (the log file's own handler calls it): a file system without
    POSIX modes, such as a FAT-formatted USB drive, refuses the change, and a folder of
    another user cannot be changed; the data is then as private as that folder makes it.
    On Windows it does nothing (see the module's docstring) and answers True.
    """
    if os.name != "posix":
        return True
    try:
        current = os.stat(target).st_mode & 0o7777
        if current != mode:
            if isinstance(target, int):
                os.fchmod(target, mode)
            else:
                os.chmod(target, mode)
    except OSError:
        return False
    return True


def known_os_error(exc: OSError, *, writing: bool = True) -> KnownError:
    """The known condition behind an `OSError` (the path is left out: it may name a person)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(f"no space left on device (errno {exc.errno})")
    if writing:
        return DataDirNotWritable(f"cannot write to the data directory (errno {exc.errno})")
    return StoreUnreadable(f"cannot read the store (errno {exc.errno})")
