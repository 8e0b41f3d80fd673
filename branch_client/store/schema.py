"""The store's schema, built only through `sqlite_utils.Migrations`.

Each migration is a named step recorded in `_sqlite_migrations` in the same transaction
as its changes. Never edit a released step: add a new one, and keep a database made by
the previous schema under `tests/data/` so the upgrade is tested.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils import Migrations

migrations = Migrations("cam_ie_branch")


@migrations(name="0001_foundation")
def _foundation(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE branch (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            store_id TEXT NOT NULL,
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            created_at TEXT NOT NULL
        );

        CREATE TABLE accounts (
            id TEXT PRIMARY KEY,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            role TEXT NOT NULL CHECK (role IN ('teller', 'manager')),
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
            created_at TEXT NOT NULL,
            created_by TEXT,
            password_changed_at TEXT NOT NULL,
            last_login_at TEXT
        );

        -- Append-only, hash-chained: every entry carries the hash of the one before.
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT,
            action TEXT NOT NULL,
            subject TEXT,
            details TEXT NOT NULL DEFAULT '{}',
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX audit_log_actor ON audit_log (actor, seq);
        CREATE INDEX audit_log_action ON audit_log (action, seq);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        -- The head lets verification notice entries cut off the end of the chain.
        CREATE TABLE audit_head (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            seq INTEGER NOT NULL,
            hash TEXT NOT NULL
        );

        CREATE TABLE registrations (
            id TEXT PRIMARY KEY,              -- UUIDv7 made at capture: the idempotency key
            reference TEXT NOT NULL UNIQUE,   -- the human-readable number on the receipt
            form_id TEXT NOT NULL,
            form_version TEXT NOT NULL,
            answers TEXT NOT NULL,            -- canonical JSON
            captured_at TEXT NOT NULL,
            captured_by TEXT NOT NULL REFERENCES accounts (id),
            submitted_at TEXT NOT NULL
        );
        CREATE INDEX registrations_captured_at ON registrations (captured_at);

        -- Transactional outbox: written in the same transaction as the registration.
        CREATE TABLE outbox (
            record_id TEXT PRIMARY KEY REFERENCES registrations (id),
            state TEXT NOT NULL DEFAULT 'waiting'
                CHECK (state IN ('waiting', 'in_flight', 'acknowledged')),
            batch_id TEXT,
            enqueued_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX outbox_state ON outbox (state, enqueued_at);

        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )


def upgrade(db: sqlite_utils.Database) -> list[str]:
    """Apply pending migrations; returns the names applied (empty when up to date)."""
    pending = [m.name for m in migrations.pending(db)]
    if pending:
        migrations.apply(db)
    return pending


def applied(db: sqlite_utils.Database) -> list[str]:
    """Names of the migrations this database has had, in order."""
    return [m.name for m in migrations.applied(db)]


def all_names() -> list[str]:
    """Every migration this code knows, oldest first (what an empty database would get)."""
    return [m.name for m in migrations.pending(sqlite_utils.Database(memory=True))]
