"""A consistent, still-encrypted copy of a branch's data: `branch-client backup DEST`.

Copying `branch.db` while the app runs can catch it between the database file and its
WAL and give a damaged copy; copying it alone loses the key slots that open it. A backup
is therefore made through an unlocked session, with the store claimed (so the app is
not running): `VACUUM INTO` writes one consistent snapshot of the database, encrypted
with the same database key (SQLCipher encrypts the target with the source's key), and
`keyslots.json` is copied beside it. The copy opens with the passwords and the recovery
key that were valid when it was made; it is checked by opening it before it is kept.
Like the data folder, the backup folder and its files are for their owner only (0700 /
0600 on POSIX; see `store/files.py`).

Restoring is copying the folder's files into an empty data folder with the app closed
(docs/installation.md); `restore_into` does exactly that, for tests and scripts.
"""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from branch_client.store import audit
from branch_client.store.database import connect, translate_errors
from branch_client.store.errors import KnownError
from branch_client.store.files import (
    copy_private,
    fsync_directory,
    known_os_error,
    make_private_directory,
    open_private,
)
from branch_client.store.session import Session

log = logging.getLogger(__name__)

DB_FILENAME = "branch.db"
SLOTS_FILENAME = "keyslots.json"
SETTINGS_FILENAME = "settings.json"
NOTE_FILENAME = "RESTORE.txt"
# Tables whose row counts must match between the store and its copy.
CHECKED_TABLES = ("registrations", "accounts", "audit_log", "outbox")

_NOTE = """CAM-IE Branch Client backup (encrypted).

branch.db is the branch's store, encrypted with the branch's database key; keyslots.json
holds that key wrapped under each account's password and under the recovery key, as they
were when this backup was made. Keep both files together, and keep the folder as safe as
the branch PC: it holds the registrations.

To restore: close the app, move the data folder away, make an empty one, copy branch.db
and keyslots.json (and settings.json) into it, start the app and sign in with a password
that was valid when the backup was made (or that day's recovery key).
"""


class BackupError(KnownError):
    """The backup could not be made where asked (the store itself is unchanged)."""

    code = "backup_failed"


@dataclass(frozen=True)
class BackupSummary:
    """What was written."""

    folder: Path
    bytes: int
    rows: dict[str, int]


def write_backup(session: Session, data_dir: Path, dest: Path) -> BackupSummary:
    """Write an encrypted, checked copy of the store and its key slots into `dest`.

    `dest` must be a new or empty folder outside the data folder. The caller holds the
    branch's claim (the app is not running). Raises `BackupError`, or a `KnownError`
    such as `DiskFull`; a half-written copy is removed.
    """
    dest = dest.expanduser().resolve()
    data_dir = data_dir.resolve()
    if dest == data_dir or data_dir in dest.parents:
        raise BackupError("the backup folder must be outside the data folder")
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise BackupError("the backup folder must be new or empty")
    try:
        make_private_directory(dest)
    except OSError as exc:
        raise known_os_error(exc) from exc
    partial = dest / (DB_FILENAME + ".partial")
    try:
        # Made empty and owner-only first: SQLite would make VACUUM INTO's file with the umask's
        # mode (0644), and gives the copy's -wal and -shm the mode of the file.
        open_private(partial, exclusive=True).close()
        with translate_errors():
            session.db.execute("VACUUM INTO ?", [str(partial)])
        rows = _check_copy(session, partial)
        _fsync(partial)
        os.replace(partial, dest / DB_FILENAME)
        for name in (SLOTS_FILENAME, SETTINGS_FILENAME):
            if (data_dir / name).exists():
                copy_private(data_dir / name, dest / name)
        with open_private(dest / NOTE_FILENAME) as note:
            note.write(_NOTE.replace("\n", os.linesep).encode("utf-8"))  # as text mode would (Notepad)
        fsync_directory(dest)
    except OSError as exc:
        _remove_copy(dest)
        raise known_os_error(exc) from exc
    except BaseException:
        _remove_copy(dest)
        raise
    size = (dest / DB_FILENAME).stat().st_size
    with translate_errors():
        audit.append(
            session.db,
            actor=session.account.id,
            action="backup_written",
            details={"registrations": rows["registrations"]},
        )
    log.info("backup written (%d bytes, %d registrations)", size, rows["registrations"])
    return BackupSummary(dest, size, rows)


def restore_into(backup: Path, data_dir: Path) -> None:
    """Copy a backup's files into `data_dir`, which must be new or empty (the app closed)."""
    if data_dir.exists() and any(data_dir.iterdir()):
        raise BackupError("restore only into a new or empty data folder; move the old one away first")
    if not (backup / DB_FILENAME).is_file() or not (backup / SLOTS_FILENAME).is_file():
        raise BackupError("the folder holds no backup (branch.db and keyslots.json)")
    try:
        make_private_directory(data_dir)
        for name in (DB_FILENAME, SLOTS_FILENAME, SETTINGS_FILENAME):
            if (backup / name).exists():
                copy_private(backup / name, data_dir / name)
        fsync_directory(data_dir)
    except OSError as exc:
        raise known_os_error(exc) from exc


def _check_copy(session: Session, path: Path) -> dict[str, int]:
    """Open the copy with the store's key (quick_check runs) and compare row counts."""
    copy = connect(path, session.key)
    try:
        rows = {}
        for table in CHECKED_TABLES:
            live = session.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 (fixed names)
            copied = copy.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            if live != copied:
                raise BackupError(f"the copy has {copied} rows in {table}, the store {live}")
            rows[table] = int(copied)
        copy.execute("PRAGMA journal_mode = DELETE").fetchone()  # one self-contained file, no -wal beside it
    finally:
        copy.conn.close()
    return rows


def _fsync(path: Path) -> None:
    with path.open("rb+") as f:
        os.fsync(f.fileno())


def _remove_copy(dest: Path) -> None:
    for name in (DB_FILENAME + ".partial", DB_FILENAME, SLOTS_FILENAME, SETTINGS_FILENAME, NOTE_FILENAME):
        with contextlib.suppress(OSError):
            (dest / name).unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(OSError):
            (dest / (DB_FILENAME + ".partial" + suffix)).unlink(missing_ok=True)
