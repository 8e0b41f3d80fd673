"""Opening the branch's SQLCipher database, and the translation of its errors.

One encrypted file per branch, opened with the raw 256-bit key (no passphrase KDF inside
SQLCipher: the key slots already did the slow part). WAL with `synchronous=FULL` so a
committed registration survives a power cut; `PRAGMA quick_check` at every open.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
import sqlite_utils

from branch_client.store.errors import (
    DataDirNotWritable,
    DiskFull,
    KnownError,
    StoreCorrupt,
    StoreInUse,
    StoreMissing,
    StoreUnreadable,
)

BUSY_TIMEOUT_MS = 10_000


def connect(path: Path, key: bytes, *, create: bool = False, check: bool = True) -> sqlite_utils.Database:
    """An open, checked connection to the encrypted store at `path` (`check=False` skips
    `quick_check`, for a caller that has just read every page, as a re-key does).

    Raises `StoreMissing` (no file and not `create`), `StoreCorrupt` (the key is right,
    since a key slot authenticated it, yet the file does not decrypt or fails its check),
    `StoreUnreadable`, `DiskFull` or `DataDirNotWritable`.
    """
    if not create and not path.exists():
        raise StoreMissing("database file is missing")
    with translate_errors():
        conn = sqlcipher3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            # SQLCipher otherwise writes its own diagnostics to stderr.
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if check:
                result = conn.execute("PRAGMA quick_check").fetchone()
                if result is None or result[0] != "ok":
                    raise StoreCorrupt("quick_check reported damage")
        except BaseException:
            conn.close()
            raise
    return sqlite_utils.Database(conn, execute_plugins=False)


@contextlib.contextmanager
def translate_errors() -> Iterator[None]:
    """Turn SQLite's environment errors into `KnownError`s; let bugs through untouched."""
    try:
        yield
    except KnownError:
        raise
    except sqlcipher3.DatabaseError as exc:
        known = classify(exc)
        if known is None:
            raise
        raise known from exc


def classify(exc: sqlcipher3.DatabaseError) -> KnownError | None:
    """The known condition behind a SQLite error, or None when it is a bug."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name == "SQLITE_FULL" or "disk is full" in text:
        return DiskFull("database or disk is full")
    if name in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or "not a database" in text or "malformed" in text:
        return StoreCorrupt(f"database does not decrypt or is damaged ({name})")
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        return DataDirNotWritable(f"database is read-only ({name})")
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return StoreUnreadable(f"database cannot be opened ({name})")
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return StoreUnreadable(f"I/O error on the database ({name})")
    if name.startswith("SQLITE_BUSY") or "database is locked" in text:
        return StoreInUse(f"database is busy ({name})")
    return None


def rows_by_name(cursor: Any) -> list[dict[str, Any]]:
    """The rest of a cursor's rows, each as column name → value.

    For wide rows read into dataclasses: read by name, a row cannot shift when a column is
    added to its SELECT. Only this cursor is read so; the connection's row factory stays as
    it is, since other code shares the connection and reads tuples. A SELECT that names two
    columns alike is a mistake (one would hide the other), so it raises ValueError.
    """
    names = [column[0] for column in cursor.description]
    if len(set(names)) != len(names):
        raise ValueError(f"a SELECT read by name has two columns of the same name: {names}")
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
