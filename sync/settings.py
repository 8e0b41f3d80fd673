"""The sync's own values in the branch store: `sync.*` rows of the `settings` table.

What is kept here: the device configuration with its signing key and the centre's key
(`sync.device`, see `sync.device`), the key made for enrolment before it happens, and the
outbox's counters (next batch sequence, feed cursor, last success, last error). They are
key/value text inside the encrypted store, written in the caller's transaction when one is
open (an enrolment and its audit entry commit together), in their own otherwise.

The store's other settings (reference counters, the branch policy) have their own prefixes
and modules in `branch_client.store`; this module reads and writes `sync.*` only.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

_PREFIX = "sync."


class Connection(Protocol):
    """The part of a DB-API (sqlite3-style) connection the sync bookkeeping uses."""

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Any, /) -> Any: ...


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[None]:
    """One write transaction on `conn`, or a part of the caller's when one is open."""
    if conn.in_transaction:  # part of the caller's transaction (e.g. enrolment + its audit entry)
        yield
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


class SyncSettings:
    """The `sync.*` values of one branch store."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, key: str) -> str | None:
        """The value of `sync.<key>`, or None when it was never written."""
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", [_PREFIX + key]).fetchone()
        return None if row is None else str(row[0])

    def put(self, key: str, value: str | None) -> None:
        """Write `sync.<key>` (with None, remove it), in the caller's transaction or its own."""
        with transaction(self._conn):
            if value is None:
                self._conn.execute("DELETE FROM settings WHERE key = ?", [_PREFIX + key])
            else:
                self._conn.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [_PREFIX + key, value],
                )
