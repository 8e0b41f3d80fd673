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


@migrations(name="0002_sync")
def _sync(db: sqlite_utils.Database) -> None:
    """What the sync engine (`sync.outbox`) keeps: batches, each record's last answer, its history."""
    db.executescript(
        """
        -- A batch is written here, with its exact bytes, before it is sent: after a crash
        -- the same id and the same bytes go out again.
        CREATE TABLE sync_batches (
            batch_id TEXT PRIMARY KEY,
            sequence INTEGER NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            record_count INTEGER NOT NULL,
            body BLOB,                          -- cleared once the centre has answered
            wire_bytes INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('in_flight', 'answered', 'abandoned')),
            attempts INTEGER NOT NULL DEFAULT 0,
            answered_at TEXT,
            duration_ms INTEGER,                -- first send to answer
            accepted INTEGER NOT NULL DEFAULT 0,
            duplicates INTEGER NOT NULL DEFAULT 0,
            rejected INTEGER NOT NULL DEFAULT 0,
            error_code TEXT
        );
        CREATE INDEX sync_batches_state ON sync_batches (state, sequence);

        -- The centre's latest word on each record (absent: not answered yet).
        CREATE TABLE sync_results (
            record_id TEXT PRIMARY KEY REFERENCES registrations (id),
            status TEXT NOT NULL
                CHECK (status IN ('accepted', 'duplicate', 'rejected', 'needs_correction')),
            cam_ie_number TEXT,
            duplicate_of TEXT,
            reason_code TEXT,
            message_km TEXT,
            message_en TEXT,
            fields TEXT,                        -- JSON: field -> {km, en}
            answered_status TEXT,               -- the batch answer's status (status is the latest word)
            updated_at TEXT NOT NULL
        );
        CREATE INDEX sync_results_status ON sync_results (status);

        -- What a record's batch and answer do not tell: batches given up, later decisions.
        CREATE TABLE sync_events (
            seq INTEGER PRIMARY KEY,
            record_id TEXT NOT NULL,
            at TEXT NOT NULL,
            event TEXT NOT NULL,
            batch_id TEXT,
            detail TEXT
        );
        CREATE INDEX sync_events_record ON sync_events (record_id, seq);
        CREATE INDEX outbox_batch ON outbox (batch_id);

        -- A correction is a new registration naming the one it replaces.
        ALTER TABLE registrations ADD COLUMN supersedes TEXT REFERENCES registrations (id);
        """
    )


@migrations(name="0003_capture")
def _capture(db: sqlite_utils.Database) -> None:
    """Teller capture and the manager's review: drafts, search terms, references, review state."""
    db.executescript(
        """
        -- A registration being typed: saved within a second of every change, so a crash,
        -- a power cut or a closed window loses at most that second.
        CREATE TABLE drafts (
            id TEXT PRIMARY KEY,                -- becomes the registration's record id
            account_id TEXT NOT NULL REFERENCES accounts (id),
            form_id TEXT NOT NULL,
            form_version TEXT NOT NULL,
            answers TEXT NOT NULL,              -- JSON, as typed (not yet normalised)
            page INTEGER NOT NULL DEFAULT 0,
            completeness REAL NOT NULL DEFAULT 0,
            supersedes TEXT REFERENCES registrations (id),  -- a correction's draft
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX drafts_account ON drafts (account_id, updated_at);

        -- What search-as-you-type looks up by prefix: the reference, ID number, phone
        -- numbers and each name's words as matching keys, in both scripts.
        CREATE TABLE registration_terms (
            term TEXT NOT NULL,
            record_id TEXT NOT NULL REFERENCES registrations (id)
        );
        CREATE INDEX registration_terms_term ON registration_terms (term, record_id);
        CREATE INDEX registration_terms_record ON registration_terms (record_id, term);

        -- The duplicate warning's three keys, kept apart so each is one index lookup.
        ALTER TABLE registrations ADD COLUMN id_key TEXT;       -- id type + number
        ALTER TABLE registrations ADD COLUMN phone TEXT;        -- E.164
        ALTER TABLE registrations ADD COLUMN person_key TEXT;   -- folded name + date of birth
        CREATE INDEX registrations_id_key ON registrations (id_key) WHERE id_key IS NOT NULL;
        CREATE INDEX registrations_phone ON registrations (phone) WHERE phone IS NOT NULL;
        CREATE INDEX registrations_person_key ON registrations (person_key) WHERE person_key IS NOT NULL;
        CREATE INDEX registrations_supersedes ON registrations (supersedes) WHERE supersedes IS NOT NULL;
        CREATE INDEX registrations_captured_by ON registrations (captured_by, submitted_at);

        -- Why the teller went on despite a duplicate warning (a teller's words: never logged).
        ALTER TABLE registrations ADD COLUMN duplicate_note TEXT;
        -- Review before sync (a branch policy): 'pending' waits for the manager,
        -- 'returned' went back to the teller; NULL means it went straight to the outbox.
        ALTER TABLE registrations ADD COLUMN review_state TEXT
            CHECK (review_state IS NULL OR review_state IN ('pending', 'returned'));
        ALTER TABLE registrations ADD COLUMN review_note TEXT;
        CREATE INDEX registrations_review ON registrations (review_state) WHERE review_state IS NOT NULL;
        -- A manager may withdraw a rejected record instead of correcting it.
        ALTER TABLE registrations ADD COLUMN withdrawn_at TEXT;
        ALTER TABLE registrations ADD COLUMN withdrawn_reason TEXT;
        CREATE INDEX registrations_withdrawn ON registrations (withdrawn_at) WHERE withdrawn_at IS NOT NULL;
        ALTER TABLE registrations ADD COLUMN receipt_printed_at TEXT;

        -- The indicators read these values from the index alone, instead of decrypting
        -- and parsing every registration (branch_client/services/indicators.py FACT_COLUMNS).
        CREATE INDEX registrations_indicators ON registrations (
            date(submitted_at, '+7 hours'), answers ->> 'sex', answers ->> 'activity',
            answers ->> 'premises', answers ->> 'province', answers ->> 'district',
            answers ->> 'services', answers ->> 'workers_female', answers ->> 'workers_male', id
        ) WHERE withdrawn_at IS NULL;
        """
    )
    _index_existing_registrations(db)


def _index_existing_registrations(db: sqlite_utils.Database) -> None:
    """Give every registration its duplicate keys and search terms, computed by today's code.

    Used by 0003 (registrations made before there were keys) and 0004 (keys made by older
    rules; it empties `registration_terms` first). Written in bulk: a branch of 120,000
    registrations is re-keyed in seconds, not minutes.
    """
    import json

    from branch_client.store import registrations

    after = ""
    while True:  # a batch at a time, in id order: memory stays small on a large branch
        rows = db.execute(
            "SELECT id, reference, answers FROM registrations WHERE id > ? ORDER BY id LIMIT ?", [after, _BATCH]
        ).fetchall()
        if not rows:
            break
        after = rows[-1][0]
        updates: list[tuple[str | None, str | None, str | None, str]] = []
        terms: list[tuple[str, str]] = []
        for record_id, reference, text in rows:
            answers = json.loads(text)
            keys = (registrations.id_key(answers), registrations.phone_key(answers), registrations.person_key(answers))
            updates.append((*keys, record_id))
            terms.extend((term, record_id) for term in sorted(registrations.search_terms(answers, reference)))
        db.conn.executemany("UPDATE registrations SET id_key = ?, phone = ?, person_key = ? WHERE id = ?", updates)
        db.conn.executemany("INSERT INTO registration_terms (term, record_id) VALUES (?, ?)", terms)


_BATCH = 2000


@migrations(name="0004_matching_keys")
def _matching_keys(db: sqlite_utils.Database) -> None:
    """Recompute every registration's duplicate keys and search terms with today's rules.

    The rules changed (issue 13): Khmer keys follow the Khmer Encoding Structure
    (`forms.khmer`) and search terms are `forms.romanise.search_fold`, so keys stored by
    older code no longer meet the keys of new records and queries. No table changes.
    """
    db.execute("DELETE FROM registration_terms")
    _index_existing_registrations(db)


@migrations(name="0005_news")
def _news(db: sqlite_utils.Database) -> None:
    """What came from the centre since someone last looked (issue 14): the centre's words
    by when they arrived, and when each account last looked at each page; and the indexes
    that let every state be counted without reading a registration (`store/states.py`)."""
    db.executescript(
        """
        CREATE INDEX sync_results_updated ON sync_results (updated_at, status);
        -- A registration's own state and teller, read from an index instead of its row
        -- (whose answers come first and span overflow pages).
        CREATE INDEX registrations_state ON registrations (id, captured_by, withdrawn_at, review_state);
        CREATE INDEX registrations_review_state ON registrations (review_state, withdrawn_at, captured_by, id)
            WHERE review_state IS NOT NULL;
        CREATE INDEX registrations_withdrawn_state ON registrations (withdrawn_at, captured_by, id)
            WHERE withdrawn_at IS NOT NULL;
        CREATE TABLE seen_pages (
            account_id TEXT NOT NULL REFERENCES accounts (id),
            page TEXT NOT NULL,
            seen_at TEXT NOT NULL,               -- UTC ISO 8601, as sync_results.updated_at
            PRIMARY KEY (account_id, page)
        ) WITHOUT ROWID;
        """
    )


@migrations(name="0006_audit_witness")
def _audit_witness(db: sqlite_utils.Database) -> None:
    """The centre's acknowledgements of the audit chain's head (issue 15): one row per batch
    answered with one, written by the sync (`sync/outbox.py`) with the answer. `audit.verify_chain`
    checks the chain against them, so rewriting entries the centre witnessed is found even
    when the rewritten chain is consistent in itself. Append-only, like the log."""
    db.executescript(
        """
        CREATE TABLE audit_witness (
            batch_id TEXT PRIMARY KEY,           -- the batch that carried the head
            count INTEGER NOT NULL,              -- entries in the chain when it was sealed
            hash TEXT NOT NULL,                  -- the hash of entry `count`
            received_at TEXT NOT NULL            -- when the centre received it (its clock)
        );
        CREATE INDEX audit_witness_count ON audit_witness (count);
        CREATE TRIGGER audit_witness_no_update BEFORE UPDATE ON audit_witness
            BEGIN SELECT RAISE(ABORT, 'the audit witness is append-only'); END;
        CREATE TRIGGER audit_witness_no_delete BEFORE DELETE ON audit_witness
            BEGIN SELECT RAISE(ABORT, 'the audit witness is append-only'); END;
        """
    )


@migrations(name="0007_signed_roles")
def _signed_roles(db: sqlite_utils.Database) -> None:
    """Roles a teller cannot forge (issue 15): the public half of the branch's manager key,
    and a signature on each account row (`store/signatures.py`). The rows stay unsigned
    here: the migration has no manager key. The first manager to sign in afterwards signs
    them (`store/roles.py`); until then tellers are refused."""
    db.executescript(
        """
        CREATE TABLE role_key (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            public_key BLOB NOT NULL,            -- Ed25519; its private half is sealed in managers' key slots
            created_at TEXT NOT NULL
        );
        -- Ed25519 over (store id, account id, username, role, status): `signatures.account_message`.
        ALTER TABLE accounts ADD COLUMN signature BLOB;
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
