"""What the capture page reads about submitted registrations: a correction's starting point.

Read-only queries over the session's store, through the store's error translation.
(They belong with the Session once the registrations list needs them too.)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from branch_client.store import Session
from branch_client.store.database import translate_errors
from branch_client.store.registrations import chain, field_messages, json_object


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


def correction_source(session: Session, record_id: str) -> CorrectionSource | None:
    """The registration `record_id` with the centre's field messages, or None if it is not here."""
    with translate_errors():
        row = session.db.execute(
            "SELECT id, reference, form_id, form_version, answers FROM registrations WHERE id = ?", [record_id]
        ).fetchone()
        if row is None:
            return None
        result = session.db.execute(
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


def correction_chain(session: Session, record_id: str) -> list[str]:
    """Every version of the registration `record_id` (the duplicate warning skips them)."""
    with translate_errors():
        return chain(session.db, record_id)


def references(session: Session, record_ids: Iterable[str]) -> dict[str, str]:
    """Reference of each registration in `record_ids` that is in the store."""
    wanted = sorted(set(record_ids))
    if not wanted:
        return {}
    marks = ", ".join("?" for _ in wanted)
    with translate_errors():
        rows = session.db.execute(
            f"SELECT id, reference FROM registrations WHERE id IN ({marks})",  # noqa: S608 - placeholders only
            wanted,
        ).fetchall()
    return {r[0]: r[1] for r in rows}
