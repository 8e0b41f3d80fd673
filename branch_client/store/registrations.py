"""Submitted registrations and their outbox entries.

The one write that matters most: a submitted registration, its outbox entry (what the
sync worker will send) and its audit entry are written in **one transaction**, durably
(`synchronous=FULL`). Either all three exist after a crash, or none does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from branch_client.store import audit
from sync import protocol


@dataclass(frozen=True)
class NewRegistration:
    """A registration ready to be submitted (validated by the form engine beforehand)."""

    record_id: str  # UUIDv7 made when capture started
    reference: str
    form_id: str
    form_version: str
    answers: Mapping[str, Any]
    captured_at: str


def canonical_json(value: Any) -> str:
    """The protocol's canonical JSON as text: the same answers always give the same text,
    and the very text that is sealed into a batch."""
    return protocol.canonical_json(value).decode()


def submit(db: sqlite_utils.Database, registration: NewRegistration, *, actor_id: str) -> None:
    """Write the registration, its outbox entry and an audit entry in one transaction."""
    now = datetime.now(UTC).isoformat()
    with db.atomic():
        db.execute(
            "INSERT INTO registrations"
            " (id, reference, form_id, form_version, answers, captured_at, captured_by, submitted_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                registration.record_id,
                registration.reference,
                registration.form_id,
                registration.form_version,
                canonical_json(registration.answers),
                registration.captured_at,
                actor_id,
                now,
            ],
        )
        db.execute(
            "INSERT INTO outbox (record_id, state, enqueued_at) VALUES (?, 'waiting', ?)",
            [registration.record_id, now],
        )
        audit.append(
            db,
            actor=actor_id,
            action="registration_submitted",
            subject=registration.record_id,
            details={"reference": registration.reference, "form": registration.form_id},
        )
