"""Reads of submitted registrations that screens and receipts need, and the receipt's mark.

A correction starts from the registration it replaces and what the centre said of it; the
drafts list and the audit log show references instead of record ids; a receipt needs the
registration with its teller and CAM-IE number. Each is one short query, kept here so that
every SQL statement over branch.db lives in the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from branch_client.store import audit
from branch_client.store.registrations import field_messages, json_object

#: SQLite's default limit on host parameters is far above this; chunks keep each IN (...) small.
_CHUNK = 500


@dataclass(frozen=True)
class CorrectionSource:
    """The registration a correction replaces, and what the centre said about it."""

    record_id: str
    reference: str
    form_id: str
    form_version: str
    answers: dict[str, Any]
    remarks: dict[str, dict[str, str]] = field(default_factory=dict)  # field -> {km, en}
    message: dict[str, str] = field(default_factory=dict)  # the centre's overall message {km, en}


@dataclass(frozen=True)
class ReceiptRecord:
    """What a receipt prints of one registration, as stored."""

    record_id: str
    reference: str
    form_id: str
    form_version: str
    answers: dict[str, Any]
    submitted_at: str
    teller: str
    printed_before: bool
    cam_ie_number: str | None


def correction_source(db: sqlite_utils.Database, record_id: str) -> CorrectionSource | None:
    """The registration `record_id` with the centre's field messages, or None if it is not here."""
    row = db.execute(
        "SELECT id, reference, form_id, form_version, answers FROM registrations WHERE id = ?", [record_id]
    ).fetchone()
    if row is None:
        return None
    result = db.execute(
        "SELECT fields, message_km, message_en FROM sync_results WHERE record_id = ?", [record_id]
    ).fetchone()
    remarks: dict[str, dict[str, str]] = {}
    message: dict[str, str] = {}
    if result is not None:
        remarks = field_messages(result[0])
        message = {k: v for k, v in (("km", result[1]), ("en", result[2])) if isinstance(v, str) and v}
    return CorrectionSource(
        record_id=row[0],
        reference=row[1],
        form_id=row[2],
        form_version=row[3],
        answers=json_object(row[4]),
        remarks=remarks,
        message=message,
    )


def references(db: sqlite_utils.Database, record_ids: Iterable[str]) -> dict[str, str]:
    """The reference of each registration in `record_ids` that is in the store."""
    wanted = sorted(set(record_ids))
    found: dict[str, str] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        for record_id, reference in db.execute(
            f"SELECT id, reference FROM registrations WHERE id IN ({marks})",  # noqa: S608 - placeholders only
            chunk,
        ):
            found[record_id] = reference
    return found


def receipt_record(db: sqlite_utils.Database, record_id: str) -> ReceiptRecord | None:
    """Registration `record_id` as its receipt prints it, or None when it is not in the store."""
    row = db.execute(
        "SELECT r.reference, r.form_id, r.form_version, r.answers, r.submitted_at, a.username,"
        " r.receipt_printed_at, s.cam_ie_number"
        " FROM registrations r LEFT JOIN accounts a ON a.id = r.captured_by"
        " LEFT JOIN sync_results s ON s.record_id = r.id AND s.status = 'accepted'"
        " WHERE r.id = ?",
        [record_id],
    ).fetchone()
    if row is None:
        return None
    reference, form_id, form_version, answers, submitted_at, teller, printed_at, number = row
    return ReceiptRecord(
        record_id=record_id,
        reference=reference,
        form_id=form_id,
        form_version=form_version,
        answers=json_object(answers),
        submitted_at=submitted_at,
        teller=teller or "",
        printed_before=printed_at is not None,
        cam_ie_number=number,
    )


def mark_receipt_printed(db: sqlite_utils.Database, record_id: str, *, actor_id: str, now: str) -> None:
    """Note that the receipt of `record_id` was printed or saved, and audit it with the record id
    only, in one transaction. Raises LookupError when there is no such registration."""
    with db.atomic():
        changed = db.execute("UPDATE registrations SET receipt_printed_at = ? WHERE id = ?", [now, record_id]).rowcount
        if changed != 1:
            raise LookupError(f"no registration {record_id}")
        audit.append(db, actor=actor_id, action="receipt_printed", subject=record_id)


def backdate(db: sqlite_utils.Database, record_id: str, submitted_at: str) -> None:
    """Give a registration an earlier submission time: only the demo does this, so that its
    generated registrations spread over past days as a real branch's would."""
    db.execute("UPDATE registrations SET submitted_at = ? WHERE id = ?", [submitted_at, record_id])
