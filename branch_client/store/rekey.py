"""Changing the database key of the store file (`PRAGMA rekey`), safe to interrupt.

A re-key has three steps, and a crash (`kill -9`, a power cut) between any two leaves a
store that opens:

1. `keyslots.json` is written with the next key sealed beside the current one in every
   slot (`KeySlotFile.begin_rekey`; atomic write);
2. `PRAGMA rekey` re-encrypts every page in one write transaction: in WAL mode the pages
   go to the WAL and count only once its commit frame is written, so the file has either
   the old key or the new one, never a mixture;
3. `keyslots.json` is written with the new key alone (`KeySlotFile.commit_rekey`).

Opening tries the current key, then the next one (`BranchDirectory`), and completes an
interrupted re-key: step 2 if the database still has the old key, then step 3.

SQLCipher reports no progress during `PRAGMA rekey`; it rewrites every page once (about a
second per 100 MB here: 9 s in all for a store of 120,000 registrations, `bench/rekey.py`),
so the UI shows a busy indicator.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from branch_client.store.database import connect, translate_errors
from branch_client.store.errors import StoreCorrupt
from branch_client.store.keys import RecoveryKey

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RekeyOutcome:
    """What a re-key leaves for the manager to do (`Session.rekey`, `disable_account`)."""

    # Accounts whose slots were of the first format (not signed in since the upgrade):
    # they could not take the new key and need a new password from a manager.
    needs_password: tuple[str, ...]
    # A new recovery key, when the old one's slot was of the first format: show it once.
    recovery_key: RecoveryKey | None


def change_key_on(db: sqlite_utils.Database, next_key: bytes) -> None:
    """Re-encrypt the store open on `db` with `next_key`; `db` goes on with the new key."""
    with translate_errors():
        db.conn.execute(f"PRAGMA rekey = \"x'{next_key.hex()}'\"").fetchall()
        # Move the re-encrypted pages into the main file now rather than at some later
        # commit (a busy reader only postpones it; nothing depends on it).
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    log.info("store re-keyed")


def change_key(db_path: Path, key: bytes, next_key: bytes) -> None:
    """Re-encrypt the store file at `db_path` from `key` to `next_key` over a connection of
    its own (so it may run on any thread); `KnownError`s for disk full and the like."""
    try:
        db = _open_unchecked(db_path, key)
    except StoreCorrupt:
        _open_unchecked(db_path, next_key).close()  # already re-keyed (a retry): nothing to do
        return
    try:
        change_key_on(db, next_key)
    finally:
        db.close()


def _open_unchecked(db_path: Path, key: bytes) -> sqlite_utils.Database:
    """The store opened with `key`, without `connect`'s `quick_check`: `PRAGMA rekey` reads
    every page through SQLCipher's page HMAC anyway (a damaged page stops it and nothing
    changes), and the check costs seconds on a large store (`bench/rekey.py`)."""
    return connect(db_path, key, check=False)
