"""The branch side of exactly once: the outbox, the batches and each record's answer.

Works on the branch store's DB-API connection (SQLCipher through `sqlcipher3`; plain
`sqlite3` works the same). The tables are created by the store's migration `0002_sync`
(`branch_client/store/schema.py`): `outbox` (one row per submitted registration),
`sync_batches` (a batch's exact bytes, written **before** it is sent), `sync_results`
(the centre's latest word on each record), `sync_events` (what a record's batch and
answer do not tell: batches given up, later decisions). Its counters (sequence, feed
cursor, last success and last error) are `sync.*` settings, kept by `sync.settings`.

The audit witness (migration `0006_audit_witness`): each new batch carries the audit
chain's head, read from the store's `audit_head` row, and the centre's acknowledgement of
it is kept in `audit_witness` with the answer (`branch_client/store/audit.py` checks the
chain against them).

Every change here is one transaction: a batch is recorded with its records marked in
flight; an answer is applied to every record of its batch at once. A crash between any
two of these steps leaves a state the next pass continues from.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sync import envelope
from sync.protocol import (
    ACCEPTED,
    APPROVED,
    DUPLICATE,
    NEEDS_CORRECTION,
    REJECTED,
    AuditHead,
    BatchAnswer,
    FeedEntry,
    ProtocolError,
    Record,
    RecordResult,
)
from sync.settings import Connection, SyncSettings, transaction

#: Local states a submitted record can be in, in the order a manager reads them.
STATES = ("waiting", "in_flight", ACCEPTED, DUPLICATE, REJECTED, NEEDS_CORRECTION)
ALREADY_ACCEPTED = "already_accepted"


def utc_now() -> str:
    """The current time as stored: ISO 8601 in UTC, milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class PendingBatch:
    """A batch recorded as in flight: what to send (again) and which records it carries."""

    batch_id: str
    sequence: int
    body: bytes
    record_ids: tuple[str, ...]
    created_at: str


@dataclass(frozen=True)
class RecordState:
    """Where one submitted record stands, as the manager sees it."""

    record_id: str
    state: str  # one of STATES
    batch_id: str | None
    cam_ie_number: str | None
    reason_code: str | None
    message_km: str | None
    message_en: str | None


class Outbox:
    """The outbox and sync bookkeeping of one branch store."""

    def __init__(self, conn: Connection, *, clock: Callable[[], str] = utc_now) -> None:
        self._conn = conn
        self._clock = clock
        #: The sync's values in the same store (the device configuration lives there too).
        self.settings = SyncSettings(conn)

    def _transaction(self) -> contextlib.AbstractContextManager[None]:
        return transaction(self._conn)

    # --- counters --------------------------------------------------------------------

    def next_sequence(self) -> int:
        """The sequence number the next new batch gets."""
        return int(self.settings.get("next_sequence") or 1)

    def skip_sequence_past(self, last_sequence: int) -> None:
        """After the centre said `stale_sequence`: continue above what it has seen."""
        if last_sequence >= self.next_sequence():
            self.settings.put("next_sequence", str(last_sequence + 1))

    def feed_cursor(self) -> int:
        """The status feed's cursor: the last decision applied."""
        return int(self.settings.get("feed_cursor") or 0)

    def last_success_at(self) -> str | None:
        """When a pass last reached the centre and finished (UTC, ISO 8601), or None."""
        return self.settings.get("last_success_at")

    def last_error(self) -> tuple[str | None, str | None]:
        """(code, since when) of the failure the passes have met since the last success."""
        return self.settings.get("last_error_code"), self.settings.get("last_error_since")

    def audit_head(self) -> AuditHead:
        """The audit chain's head as the store records it (the last entry's number and hash),
        for the next batch to carry to the centre."""
        row = self._conn.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
        return AuditHead(0, "0" * 64) if row is None else AuditHead(int(row[0]), str(row[1]))

    # --- batches ---------------------------------------------------------------------

    def pending_batch(self, after: int = 0) -> PendingBatch | None:
        """The oldest batch recorded as in flight with a sequence above `after` (after a
        crash: the one to resend first)."""
        row = self._conn.execute(
            "SELECT batch_id, sequence, body, created_at FROM sync_batches"
            " WHERE state = 'in_flight' AND sequence > ? ORDER BY sequence LIMIT 1",
            [after],
        ).fetchone()
        if row is None:
            return None
        ids = self._conn.execute("SELECT record_id FROM outbox WHERE batch_id = ? ORDER BY record_id", [row[0]])
        return PendingBatch(row[0], row[1], bytes(row[2]), tuple(r[0] for r in ids), row[3])

    def take_waiting(self, limit: int, max_bytes: int) -> list[Record]:
        """Up to `limit` waiting records, oldest first, and no more than `max_bytes` of answers
        (but always at least one)."""
        rows = self._conn.execute(
            "SELECT r.id, r.form_id, r.form_version, r.answers, r.captured_at, r.captured_by, r.supersedes"
            " FROM outbox o JOIN registrations r ON r.id = o.record_id"
            " WHERE o.state = 'waiting' ORDER BY o.enqueued_at, o.rowid LIMIT ?",  # submission order, all from the index
            [limit],
        ).fetchall()
        records: list[Record] = []
        size = 0
        for row in rows:
            size += len(row[3])
            if records and size > max_bytes:
                break
            records.append(Record(row[0], row[1], row[2], json.loads(row[3]), row[4], row[5], row[6]))
        return records

    def record_batch(self, batch_id: str, sequence: int, body: bytes, record_ids: Sequence[str]) -> PendingBatch:
        """Write the batch and mark its records in flight, in one transaction, before sending."""
        now = self._clock()
        with self._transaction():
            self._conn.execute(
                "INSERT INTO sync_batches (batch_id, sequence, created_at, record_count, body, wire_bytes, state)"
                " VALUES (?, ?, ?, ?, ?, ?, 'in_flight')",
                [batch_id, sequence, now, len(record_ids), body, len(body)],
            )
            self._conn.executemany(
                "UPDATE outbox SET state = 'in_flight', batch_id = ?, attempts = attempts + 1"
                " WHERE record_id = ? AND state = 'waiting'",
                [(batch_id, record_id) for record_id in record_ids],
            )
            self.settings.put("next_sequence", str(max(sequence + 1, self.next_sequence())))
        return PendingBatch(batch_id, sequence, body, tuple(sorted(record_ids)), now)

    def abandon_batch(self, batch: PendingBatch, error_code: str) -> None:
        """Give up a batch the centre refused without storing, and every in-flight batch
        after it: their records wait again and are sealed anew in submission order.

        Safe because records are idempotent by their own ids: if the centre ever did keep
        one, sending it in a new batch gets the same number back. Giving up the later
        batches too keeps a correction from reaching the centre before what it corrects.
        """
        now = self._clock()
        with self._transaction():
            given_up = [
                row[0]
                for row in self._conn.execute(
                    "SELECT batch_id FROM sync_batches WHERE state = 'in_flight' AND sequence >= ?", [batch.sequence]
                )
            ]
            for batch_id in given_up:
                self._conn.execute(
                    "UPDATE sync_batches SET state = 'abandoned', error_code = ?, body = NULL, answered_at = ?"
                    " WHERE batch_id = ?",
                    [error_code, now, batch_id],
                )
                record_ids = [
                    r[0] for r in self._conn.execute("SELECT record_id FROM outbox WHERE batch_id = ?", [batch_id])
                ]
                self._conn.execute(
                    "UPDATE outbox SET state = 'waiting', batch_id = NULL WHERE batch_id = ? AND state = 'in_flight'",
                    [batch_id],
                )
                self._events(record_ids, now, "batch_abandoned", batch_id, error_code)

    def apply_answer(
        self, batch: PendingBatch, answer: BatchAnswer, *, duration_ms: int, attempts: int = 1
    ) -> dict[str, int]:
        """Apply the centre's answer to every record of the batch, in one transaction.

        The centre's acknowledgement of the batch's audit head, if the answer has one, is
        kept with it (`audit_witness`). An answer that does not match the batch (another
        batch id, missing or extra records, an acknowledgement of a head the batch did not
        carry) is refused with `ProtocolError` and changes nothing.
        """
        if answer.batch_id != batch.batch_id:
            raise ProtocolError("answer_mismatch", "the answer is for another batch")
        if sorted(r.record_id for r in answer.results) != sorted(batch.record_ids):
            raise ProtocolError("answer_mismatch", "the answer does not cover exactly the batch's records")
        if answer.audit_head is not None and answer.audit_head != _sent_audit_head(batch):
            raise ProtocolError("answer_mismatch", "the answer acknowledges an audit head the batch did not carry")
        now = self._clock()
        counts = {ACCEPTED: 0, DUPLICATE: 0, REJECTED: 0, NEEDS_CORRECTION: 0}
        rows = []
        for result in answer.results:
            status = _local_status(result)
            counts[status] += 1
            rows.append(_result_row(result, status, now))
        with self._transaction():
            self._conn.executemany(
                "INSERT INTO sync_results (record_id, status, cam_ie_number, duplicate_of, reason_code,"
                " message_km, message_en, fields, updated_at, answered_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (record_id) DO UPDATE SET status = excluded.status,"
                " answered_status = excluded.answered_status,"
                " cam_ie_number = excluded.cam_ie_number, duplicate_of = excluded.duplicate_of,"
                " reason_code = excluded.reason_code, message_km = excluded.message_km,"
                " message_en = excluded.message_en, fields = excluded.fields, updated_at = excluded.updated_at",
                rows,
            )
            self._conn.execute(
                "UPDATE outbox SET state = 'acknowledged' WHERE batch_id = ? AND state = 'in_flight'",
                [batch.batch_id],
            )
            self._conn.execute(
                "UPDATE sync_batches SET state = 'answered', body = NULL, answered_at = ?, duration_ms = ?,"
                " attempts = attempts + ?, accepted = ?, duplicates = ?, rejected = ?, error_code = NULL"
                " WHERE batch_id = ?",
                [
                    now,
                    duration_ms,
                    attempts,
                    counts[ACCEPTED],
                    counts[DUPLICATE],
                    counts[REJECTED] + counts[NEEDS_CORRECTION],  # both wait for the branch
                    batch.batch_id,
                ],
            )
            if answer.audit_head is not None:
                self._conn.execute(
                    "INSERT INTO audit_witness (batch_id, count, hash, received_at) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (batch_id) DO NOTHING",
                    [batch.batch_id, answer.audit_head.count, answer.audit_head.sha256, answer.received_at],
                )
        return counts

    def apply_feed(self, entries: Sequence[FeedEntry], next_cursor: int) -> dict[str, int]:
        """Apply later decisions from the status feed and move the cursor, in one transaction.

        Entries about records this store does not hold are skipped (another device of the
        branch sent them). Returns how many were applied, by the status stored.
        """
        now = self._clock()
        applied: dict[str, int] = {}
        with self._transaction():
            for entry in entries:
                known = self._conn.execute("SELECT 1 FROM registrations WHERE id = ?", [entry.record_id]).fetchone()
                if known is None:
                    continue
                status = {APPROVED: ACCEPTED, NEEDS_CORRECTION: NEEDS_CORRECTION, REJECTED: REJECTED}[entry.status]
                message = entry.message
                self._conn.execute(
                    "INSERT INTO sync_results (record_id, status, cam_ie_number, reason_code, message_km,"
                    " message_en, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (record_id) DO UPDATE SET status = excluded.status,"
                    " cam_ie_number = coalesce(excluded.cam_ie_number, sync_results.cam_ie_number),"
                    " reason_code = excluded.reason_code, message_km = excluded.message_km,"
                    " message_en = excluded.message_en, updated_at = excluded.updated_at",
                    [
                        entry.record_id,
                        status,
                        entry.cam_ie_number,
                        entry.reason_code,
                        message.km if message else None,
                        message.en if message else None,
                        now,
                    ],
                )
                self._events([entry.record_id], now, f"decided_{entry.status}", None, entry.reason_code)
                applied[status] = applied.get(status, 0) + 1
            self.settings.put("feed_cursor", str(max(next_cursor, self.feed_cursor())))
        return applied

    def _events(
        self, record_ids: Sequence[str], at: str, event: str, batch_id: str | None, detail: str | None = None
    ) -> None:
        self._conn.executemany(
            "INSERT INTO sync_events (record_id, at, event, batch_id, detail) VALUES (?, ?, ?, ?, ?)",
            [(record_id, at, event, batch_id, detail) for record_id in record_ids],
        )

    # --- what the manager sees -------------------------------------------------------

    def note_success(self) -> None:
        """A pass reached the centre and finished: remember when, and forget the last error."""
        with self._transaction():
            self.settings.put("last_success_at", self._clock())
            self.settings.put("last_error_code", None)
            self.settings.put("last_error_since", None)

    def note_failure(self, error_code: str) -> None:
        """A pass failed with `error_code`; the time of the first failure in a row is kept."""
        with self._transaction():
            if self.settings.get("last_error_since") is None or self.settings.get("last_error_code") != error_code:
                self.settings.put("last_error_since", self._clock())
            self.settings.put("last_error_code", error_code)

    def waiting_count(self) -> int:
        """Records submitted and not yet in a batch the centre answered."""
        row = self._conn.execute("SELECT count(*) FROM outbox WHERE state IN ('waiting', 'in_flight')").fetchone()
        return int(row[0])

    def counts(self) -> dict[str, int]:
        """How many records are in each of `STATES`."""
        counts = dict.fromkeys(STATES, 0)
        for state, n in self._conn.execute(
            "SELECT state, count(*) FROM outbox WHERE state IN ('waiting', 'in_flight') GROUP BY state"
        ):
            counts[state] = n
        for status, n in self._conn.execute("SELECT status, count(*) FROM sync_results GROUP BY status"):
            counts[status] = n
        return counts

    def history(self, record_id: str) -> list[tuple[str, str, str | None, str | None]]:
        """A record's sync history, oldest first: (time, event, batch id, detail).

        Events: `batched` and `answered_<status>` come from the record's batch (kept once
        per batch, not per record); `batch_abandoned` (a refused batch, its records sealed
        again) and `decided_<status>` (status feed) are kept per record.
        """
        events: list[tuple[str, str, str | None, str | None]] = [
            (row[0], row[1], row[2], row[3])
            for row in self._conn.execute(
                "SELECT at, event, batch_id, detail FROM sync_events WHERE record_id = ?", [record_id]
            )
        ]
        row = self._conn.execute(
            "SELECT b.batch_id, b.created_at, b.answered_at, b.state, s.answered_status,"
            " CASE WHEN s.status = s.answered_status THEN s.reason_code END"  # a later decision has its own reason
            " FROM outbox o JOIN sync_batches b ON b.batch_id = o.batch_id"
            " LEFT JOIN sync_results s ON s.record_id = o.record_id WHERE o.record_id = ?",
            [record_id],
        ).fetchone()
        if row is not None:
            batch_id, created_at, answered_at, state, status, reason = row
            events.append((created_at, "batched", batch_id, None))
            if state == "answered" and answered_at is not None and status is not None:
                events.append((answered_at, f"answered_{status}", batch_id, reason))
        return sorted(events, key=lambda event: event[0])

    def record_state(self, record_id: str) -> RecordState | None:
        """One record's state, or None when no such submitted record exists."""
        row = self._conn.execute(
            "SELECT o.state, o.batch_id, s.status, s.cam_ie_number, s.reason_code, s.message_km, s.message_en"
            " FROM outbox o LEFT JOIN sync_results s ON s.record_id = o.record_id WHERE o.record_id = ?",
            [record_id],
        ).fetchone()
        if row is None:
            return None
        state = row[2] if row[0] == "acknowledged" and row[2] else row[0]
        return RecordState(record_id, state, row[1], row[3], row[4], row[5], row[6])


def _sent_audit_head(batch: PendingBatch) -> AuditHead | None:
    """The audit head in the batch's own signed header (None: a version 1 batch, or bytes
    that are not an envelope)."""
    try:
        return envelope.parse(batch.body).header.audit_head
    except envelope.EnvelopeError:
        return None


def _local_status(result: RecordResult) -> str:
    # A record the centre had already accepted (we sent it again after a crash or a
    # re-seal) is simply accepted, with the number it was given the first time.
    if result.status == DUPLICATE and result.reason_code == ALREADY_ACCEPTED:
        return ACCEPTED
    return result.status


def _result_row(result: RecordResult, status: str, now: str) -> tuple[Any, ...]:
    message = result.message
    fields = (
        json.dumps({k: v.to_json() for k, v in result.fields.items()}, ensure_ascii=False) if result.fields else None
    )
    return (
        result.record_id,
        status,
        result.cam_ie_number,
        result.duplicate_of,
        result.reason_code,
        message.km if message else None,
        message.en if message else None,
        fields,
        now,
        status,
    )
