"""Drafts: registrations being typed, one row each, saved within a second of every change.

A draft's id is the record id the registration will carry, made when capture starts, so
a draft saved twice or resumed after a crash still becomes exactly one registration.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from branch_client.store import audit
from branch_client.store.registrations import json_object, owner_name


@dataclass(frozen=True)
class Draft:
    """A registration being typed, as saved."""

    id: str
    account_id: str
    form_id: str
    form_version: str
    answers: Mapping[str, Any] = field(default_factory=dict)
    page: int = 0
    completeness: float = 0.0  # share of the required, relevant fields answered, 0..1
    supersedes: str | None = None
    created_at: str = ""
    updated_at: str = ""

    @property
    def owner_name(self) -> str:
        """The owner's name so far (may be empty)."""
        return owner_name(self.answers)


_COLUMNS = "id, account_id, form_id, form_version, answers, page, completeness, supersedes, created_at, updated_at"


def _from_row(row: tuple[Any, ...]) -> Draft:
    return Draft(
        id=row[0],
        account_id=row[1],
        form_id=row[2],
        form_version=row[3],
        answers=json_object(row[4]),
        page=int(row[5]),
        completeness=float(row[6]),
        supersedes=row[7],
        created_at=row[8],
        updated_at=row[9],
    )


def save(conn: Any, draft: Draft, *, now: datetime | None = None) -> str:
    """Insert or update a draft in its own short transaction; returns the time saved.

    `conn` is a DB-API connection (the draft saver writes from its own thread and connection)
    or a `sqlite_utils.Database`. Saving a draft whose registration was already submitted
    does nothing: the submit removed it, and it must not come back.
    """
    raw = conn.conn if isinstance(conn, sqlite_utils.Database) else conn
    stamp = (now or datetime.now(UTC)).isoformat(timespec="milliseconds")
    with raw:
        if raw.execute("SELECT 1 FROM registrations WHERE id = ?", [draft.id]).fetchone():
            return stamp
        raw.execute(
            f"INSERT INTO drafts ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"  # noqa: S608 - constant columns
            " ON CONFLICT (id) DO UPDATE SET answers = excluded.answers, page = excluded.page,"
            " completeness = excluded.completeness, updated_at = excluded.updated_at",
            [
                draft.id,
                draft.account_id,
                draft.form_id,
                draft.form_version,
                json.dumps(dict(draft.answers), ensure_ascii=False, sort_keys=True, default=str),
                draft.page,
                draft.completeness,
                draft.supersedes,
                draft.created_at or stamp,
                stamp,
            ],
        )
    return stamp


def get(db: sqlite_utils.Database, draft_id: str) -> Draft | None:
    """The draft `draft_id`, or None."""
    row = db.execute(f"SELECT {_COLUMNS} FROM drafts WHERE id = ?", [draft_id]).fetchone()  # noqa: S608
    return None if row is None else _from_row(row)


def list_for(db: sqlite_utils.Database, account_id: str | None) -> list[Draft]:
    """An account's drafts, most recently changed first (every account's with None)."""
    if account_id is None:
        rows = db.execute(f"SELECT {_COLUMNS} FROM drafts ORDER BY updated_at DESC").fetchall()  # noqa: S608
    else:
        rows = db.execute(
            f"SELECT {_COLUMNS} FROM drafts WHERE account_id = ? ORDER BY updated_at DESC",  # noqa: S608
            [account_id],
        ).fetchall()
    return [_from_row(r) for r in rows]


def count(db: sqlite_utils.Database) -> int:
    """How many drafts the branch has (for the manager's sync page)."""
    return int(db.execute("SELECT count(*) FROM drafts").fetchone()[0])


def discard(db: sqlite_utils.Database, draft_id: str, *, actor_id: str) -> bool:
    """Delete a draft (after the teller confirmed); audited. False if it was already gone."""
    with db.atomic():
        gone = db.execute("DELETE FROM drafts WHERE id = ?", [draft_id]).rowcount
        if gone:
            audit.append(db, actor=actor_id, action="draft_discarded", subject=draft_id)
    return bool(gone)
