"""What happens to records inside the centre's write transaction: numbers, duplicates, corrections, decisions.

`commit` takes a batch that has passed every envelope check and whose records have been
validated (outside the lock, see `central.intake`), and in one transaction decides each
record against what is already stored:

- a record id already stored for this branch is a resend: `duplicate` + `already_accepted`
  with the same number (or the same `probable_duplicate` answer while it is held); one of
  another branch is refused (`record_id_conflict`);
- a validator's rejection is answered and nothing is stored;
- `supersedes` naming a record of this branch makes this the new version: it takes the old
  record's CAM-IE number (a fresh one if an operator rejected the old record), and the old
  one is marked `superseded`;
- an ID (`identity_key`) already accepted or held at another branch holds the record for
  review (`duplicate` + `probable_duplicate` + `duplicate_of`);
- anything else is accepted with a new number `CIE-<year>-<7 digits>`.

Lookups are done per batch (`IN (...)`), not per record, so a 500-record batch costs a few
queries and one `executemany`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

from central import messages
from central.validation import Rejection
from sync import protocol
from sync.protocol import BatchAnswer, BatchHeader, FeedEntry, Message, Record, RecordResult

ACCEPTED: Final = "accepted"
HELD: Final = "held"
NEEDS_CORRECTION: Final = "needs_correction"
REJECTED: Final = "rejected"
SUPERSEDED: Final = "superseded"
#: Statuses a stored record can have.
RECORD_STATUSES: Final = (ACCEPTED, HELD, NEEDS_CORRECTION, REJECTED, SUPERSEDED)
#: Longest reason text an operator may give (the protocol bounds a message at 2,000 characters).
MAX_REASON_TEXT: Final = 1000
_CHUNK: Final = 500  # stays well under SQLite's bound-parameter limit

#: decision -> the record statuses it may be taken on.
_ALLOWED: Final = {
    protocol.APPROVED: (HELD, NEEDS_CORRECTION),
    protocol.NEEDS_CORRECTION: (HELD, ACCEPTED),
    protocol.REJECTED: (HELD, ACCEPTED, NEEDS_CORRECTION),
}
_DEFAULT_REASON: Final = {protocol.NEEDS_CORRECTION: "needs_correction", protocol.REJECTED: "rejected_by_operator"}
_DEFAULT_MESSAGE: Final = {
    protocol.APPROVED: messages.APPROVED,
    protocol.NEEDS_CORRECTION: Message("កំណត់ត្រានេះត្រូវការកែតម្រូវ។", "This record needs a correction."),
    protocol.REJECTED: Message("កំណត់ត្រានេះត្រូវបានបដិសេធ។", "This record was rejected."),
}


def now_iso(moment: datetime | None = None) -> str:
    """A timestamp as the protocol writes it: ISO 8601, UTC, milliseconds, with offset."""
    return (moment or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="milliseconds")


class StaleSequence(Exception):
    """The device's sequence moved past this batch's (another batch got in first)."""

    def __init__(self, last_sequence: int) -> None:
        super().__init__(f"last sequence is {last_sequence}")
        self.last_sequence = last_sequence


class DecisionRefused(Exception):
    """A decision that does not apply to the record (unknown record, wrong state); the text is safe to show."""


@dataclass(frozen=True)
class CheckedRecord:
    """A record with what the checks outside the lock found: its rejection, or its stored form."""

    record: Record
    rejection: Rejection | None
    answers_json: str | None = None
    id_key: str | None = None


@dataclass(frozen=True)
class IncomingBatch:
    """A batch that passed the envelope checks, ready to be decided and stored."""

    header: BatchHeader
    device_id: str
    branch_id: str
    body_sha256: str
    received_at: str
    records: Sequence[CheckedRecord]


def _rows_in(
    conn: sqlite3.Connection, sql: str, values: Sequence[str], extra: tuple[Any, ...] = ()
) -> list[tuple[Any, ...]]:
    """Run `sql` (with one `{}` for the IN list) over `values` in chunks."""
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(values), _CHUNK):
        chunk = values[start : start + _CHUNK]
        rows += conn.execute(sql.format(",".join("?" * len(chunk))), (*chunk, *extra)).fetchall()
    return rows


def _numbers(conn: sqlite3.Connection, year: str, count: int) -> Iterable[str]:
    """Reserve `count` new CAM-IE numbers for `year`; numbers are never given twice."""
    if count == 0:
        return iter(())
    name = f"cie-{year}"
    conn.execute(
        "INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value",
        (name, count),
    )
    last = int(conn.execute("SELECT value FROM counters WHERE name = ?", (name,)).fetchone()[0])
    return (f"CIE-{year}-{n:07d}" for n in range(last - count + 1, last + 1))


@dataclass
class _Stored:
    branch_id: str
    status: str
    number: str | None
    duplicate_of: str | None


def commit(conn: sqlite3.Connection, batch: IncomingBatch) -> bytes:
    """Decide every record, store the accepted and held ones and the answer; return the answer bytes.

    Everything the decisions need is read first, once per batch (what is stored under the
    batch's record ids, which IDs are taken at other branches, the numbers the batch may use);
    then each record is decided in the batch's order (`_Decisions`) and the lot is written.
    """
    _check_sequence(conn, batch)
    stored = _stored_records(conn, batch.records)
    elsewhere = _ids_elsewhere(conn, batch)
    needed = sum(1 for c in batch.records if _may_need_number(c, stored, elsewhere))
    decisions = _Decisions(conn, batch, stored, elsewhere, _numbers(conn, batch.received_at[:4], needed))
    results = [decisions.decide(c) for c in batch.records]
    return _write(conn, batch, decisions, results)


def _check_sequence(conn: sqlite3.Connection, batch: IncomingBatch) -> None:
    """`StaleSequence` unless the batch comes after the device's last one (another batch of the
    same device may have got in first, between the checks outside the lock and now)."""
    row = conn.execute("SELECT last_sequence FROM devices WHERE device_id = ?", (batch.device_id,)).fetchone()
    if batch.header.sequence <= row[0]:
        raise StaleSequence(int(row[0]))


def _stored_records(conn: sqlite3.Connection, checked: Sequence[CheckedRecord]) -> dict[str, _Stored]:
    """What is already stored under the batch's record ids and the ids its records supersede."""
    ids = [c.record.id for c in checked] + [c.record.supersedes for c in checked if c.record.supersedes]
    return {
        r[0]: _Stored(r[1], r[2], r[3], r[4])
        for r in _rows_in(
            conn,
            "SELECT record_id, branch_id, status, cam_ie_number, duplicate_of FROM records WHERE record_id IN ({})",
            ids,
        )
    }


def _ids_elsewhere(conn: sqlite3.Connection, batch: IncomingBatch) -> dict[str, str | None]:
    """ID key → the CAM-IE number of a record accepted or held at another branch under that ID
    (None when such a record has no number yet), for the IDs of the batch's valid records."""
    elsewhere: dict[str, str | None] = {}
    # `+status`: keep SQLite on the id_key index; the status index would scan every accepted record.
    id_keys = sorted({c.id_key for c in batch.records if c.id_key is not None and c.rejection is None})
    for key, number in _rows_in(
        conn,
        "SELECT id_key, cam_ie_number FROM records WHERE id_key IN ({}) AND branch_id != ? AND +status IN (?, ?)",
        id_keys,
        (batch.branch_id, ACCEPTED, HELD),
    ):
        if elsewhere.get(key) is None:
            elsewhere[key] = number  # prefer a match that has a number to point at
    return elsewhere


class _Decisions:
    """The records of one batch decided in order, each seeing the ones before it (a correction
    may supersede a record of the same batch); collects the rows to insert and the records
    to mark superseded."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        batch: IncomingBatch,
        stored: dict[str, _Stored],
        elsewhere: dict[str, str | None],
        fresh: Iterable[str],
    ) -> None:
        self.conn = conn
        self.batch = batch
        self.stored = stored
        self.elsewhere = elsewhere
        self.fresh = iter(fresh)
        self.rows: list[dict[str, Any]] = []  # the records to insert, by column name
        self.row_of: dict[str, dict[str, Any]] = {}
        self.superseded: list[str] = []  # stored records a correction of this batch replaces

    def decide(self, c: CheckedRecord) -> RecordResult:
        """The answer for one record; a record to store is added to `rows`."""
        record = c.record
        previous = self.stored.get(record.id)
        if previous is not None:
            return _resend(self.conn, record.id, previous, self.batch.branch_id)
        if c.rejection is not None:
            return _rejected(record.id, c.rejection.reason_code, c.rejection.message, c.rejection.fields)
        number = None
        if record.supersedes is not None and record.supersedes in self.stored:
            refused, number = self._supersede(record.id, self.stored[record.supersedes], record.supersedes)
            if refused is not None:
                return refused
        if c.id_key is not None and c.id_key in self.elsewhere:
            status, duplicate_of = HELD, self.elsewhere[c.id_key]
            result = RecordResult(
                record.id,
                protocol.DUPLICATE,
                duplicate_of=duplicate_of,
                reason_code="probable_duplicate",
                message=messages.PROBABLE_DUPLICATE,
            )
        else:
            status, duplicate_of = ACCEPTED, None
            number = number or next(self.fresh)
            result = RecordResult(record.id, protocol.ACCEPTED, cam_ie_number=number)
        self.stored[record.id] = _Stored(self.batch.branch_id, status, number, duplicate_of)
        self._add_row(c, status, number, duplicate_of)
        return result

    def _supersede(self, record_id: str, old: _Stored, old_id: str) -> tuple[RecordResult | None, str | None]:
        """(a refusal, None) when the correction may not replace `old`; else (None, the number
        it inherits) with `old` marked superseded."""
        if old.branch_id != self.batch.branch_id:
            return _rejected(record_id, "invalid_supersedes", messages.SUPERSEDES_OTHER_BRANCH), None
        if old.status == SUPERSEDED:
            return _rejected(record_id, "already_superseded", messages.ALREADY_SUPERSEDED), None
        # A correction keeps the number of what it corrects, unless an operator rejected that
        # record: a rejected record's number is never given out again.
        number = None if old.status == REJECTED else old.number
        old.status = SUPERSEDED
        if old_id in self.row_of:
            self.row_of[old_id]["status"] = SUPERSEDED  # superseded within this same batch
        else:
            self.superseded.append(old_id)
        return None, number

    def _add_row(self, c: CheckedRecord, status: str, number: str | None, duplicate_of: str | None) -> None:
        """The `records` row of a record to store, by column name."""
        record, batch = c.record, self.batch
        row = {
            "record_id": record.id,
            "batch_id": batch.header.batch_id,
            "branch_id": batch.branch_id,
            "device_id": batch.device_id,
            "form_id": record.form_id,
            "form_version": record.form_version,
            "answers": c.answers_json,
            "captured_at": record.captured_at,
            "captured_by": record.captured_by,
            "supersedes": record.supersedes,
            "status": status,
            "cam_ie_number": number,
            "id_key": c.id_key,
            "duplicate_of": duplicate_of,
            "received_at": batch.received_at,
        }
        self.row_of[record.id] = row
        self.rows.append(row)


def _write(conn: sqlite3.Connection, batch: IncomingBatch, decisions: _Decisions, results: list[RecordResult]) -> bytes:
    """Store the batch's outcome: records superseded, new records, the audit head it carried,
    the answer (for resends of the same batch; it acknowledges the audit head) and the
    device's sequence. Returns the answer bytes."""
    if decisions.superseded:
        _rows_in(conn, "UPDATE records SET status = 'superseded' WHERE record_id IN ({})", decisions.superseded)
    conn.executemany(
        "INSERT INTO records (record_id, batch_id, branch_id, device_id, form_id, form_version, answers, captured_at,"
        " captured_by, supersedes, status, cam_ie_number, id_key, duplicate_of, received_at)"
        " VALUES (:record_id, :batch_id, :branch_id, :device_id, :form_id, :form_version, :answers, :captured_at,"
        " :captured_by, :supersedes, :status, :cam_ie_number, :id_key, :duplicate_of, :received_at)",
        decisions.rows,
    )
    header = batch.header
    if header.audit_head is not None:  # the branch's audit chain as it stood: kept, and acknowledged
        conn.execute(
            "INSERT INTO audit_heads (batch_id, device_id, count, sha256, received_at) VALUES (?, ?, ?, ?, ?)",
            (header.batch_id, batch.device_id, header.audit_head.count, header.audit_head.sha256, batch.received_at),
        )
    answer = protocol.canonical_json(
        BatchAnswer(header.batch_id, batch.received_at, results, header.audit_head).to_json()
    )
    conn.execute(
        "INSERT INTO batches (batch_id, device_id, sequence, body_sha256, answer, record_count, received_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            header.batch_id,
            batch.device_id,
            header.sequence,
            batch.body_sha256,
            answer,
            len(batch.records),
            batch.received_at,
        ),
    )
    conn.execute("UPDATE devices SET last_sequence = ? WHERE device_id = ?", (header.sequence, batch.device_id))
    return answer


def _may_need_number(c: CheckedRecord, stored: dict[str, _Stored], elsewhere: dict[str, str | None]) -> bool:
    """Whether this record might take a fresh number (an upper bound: unused reservations are simply skipped)."""
    return c.rejection is None and c.record.id not in stored and not (c.id_key is not None and c.id_key in elsewhere)


def _resend(conn: sqlite3.Connection, record_id: str, previous: _Stored, branch_id: str) -> RecordResult:
    """The answer to a record id already stored: the same outcome again, never a second number."""
    if previous.branch_id != branch_id:
        return _rejected(record_id, "record_id_conflict", messages.RECORD_ID_CONFLICT)
    if previous.status == HELD:
        return RecordResult(
            record_id,
            protocol.DUPLICATE,
            duplicate_of=previous.duplicate_of,
            reason_code="probable_duplicate",
            message=messages.PROBABLE_DUPLICATE,
        )
    if previous.status in (REJECTED, NEEDS_CORRECTION):
        # Decided by an operator since: the resend gets that decision, never "already accepted".
        decision = protocol.REJECTED if previous.status == REJECTED else protocol.NEEDS_CORRECTION
        row = conn.execute(
            "SELECT reason_code, message_km, message_en FROM feed WHERE record_id = ? ORDER BY cursor DESC LIMIT 1",
            (record_id,),
        ).fetchone()
        reason = (row[0] if row else None) or _DEFAULT_REASON[decision]
        message = Message(row[1], row[2]) if row and row[1] and row[2] else _DEFAULT_MESSAGE[decision]
        return RecordResult(record_id, decision, cam_ie_number=previous.number, reason_code=reason, message=message)
    return RecordResult(record_id, protocol.DUPLICATE, cam_ie_number=previous.number, reason_code="already_accepted")


def _rejected(record_id: str, code: str, message: Message, fields: Any = None) -> RecordResult:
    return RecordResult(record_id, protocol.REJECTED, reason_code=code, message=message, fields=dict(fields or {}))


def decide(
    conn: sqlite3.Connection,
    record_id: str,
    status: str,
    reason_code: str | None,
    message_km: str | None,
    message_en: str | None,
) -> FeedEntry:
    """Apply an operator's decision and append it to the branch's feed (see `CentreStore.decide`)."""
    if status not in _ALLOWED:
        raise DecisionRefused(f"a decision is one of {', '.join(_ALLOWED)}")
    if len(message_en or "") > MAX_REASON_TEXT or len(message_km or "") > MAX_REASON_TEXT:
        raise DecisionRefused(f"a reason is at most {MAX_REASON_TEXT} characters")  # the feed's messages are bounded
    row = conn.execute(
        "SELECT branch_id, status, cam_ie_number FROM records WHERE record_id = ?", (record_id,)
    ).fetchone()
    if row is None:
        raise DecisionRefused(f"no record {record_id}")
    branch_id, current, number = row
    if current not in _ALLOWED[status]:
        raise DecisionRefused(f"a {current} record cannot be {status}")
    decided_at = now_iso()
    if status == protocol.APPROVED and number is None:
        number = next(iter(_numbers(conn, decided_at[:4], 1)))
    default = _DEFAULT_MESSAGE[status]
    km = message_km or (f"{default.km} ({message_en})" if message_en else default.km)
    message = Message(km, message_en or default.en)
    reason = reason_code or _DEFAULT_REASON.get(status)
    conn.execute(
        "UPDATE records SET status = ?, cam_ie_number = ?, decided_at = ? WHERE record_id = ?",
        (ACCEPTED if status == protocol.APPROVED else status, number, decided_at, record_id),
    )
    cursor = conn.execute(
        "INSERT INTO feed (branch_id, record_id, status, cam_ie_number, reason_code, message_km, message_en, decided_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (branch_id, record_id, status, number, reason, message.km, message.en, decided_at),
    ).lastrowid
    assert cursor is not None
    return FeedEntry(cursor, record_id, status, decided_at, number, reason, message)
