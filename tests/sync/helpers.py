"""Helpers for the sync tests: a centre on loopback, enrolled branch stores, submitted records."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from branch_client.services import sync as sync_service
from branch_client.store import BranchDirectory, NewRegistration, Session
from central.runner import RunningCentre
from forms import load_form
from forms.samples import generate_registrations
from sync.ids import uuid7_str
from sync.transport import RetryPolicy
from tests.conftest import FAST_KDF, MANAGER

FAST_RETRY = RetryPolicy(base_s=0.005, ceiling_s=0.05, max_attempts=8)


@contextmanager
def enrolled_branch(
    data_dir: Path, centre: RunningCentre, code: str = "PNH-01"
) -> Iterator[tuple[BranchDirectory, Session]]:
    """A new branch store in `data_dir`, enrolled with `centre`; the manager stays signed in."""
    directory = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
    try:
        session, _ = directory.create_branch(
            branch_code=code, branch_name=f"Branch {code}", manager_username=MANAGER[0], manager_password=MANAGER[1]
        )
        try:
            sync_service.enrol(session, centre.url, centre.store.issue_enrolment_code(code), retry=FAST_RETRY)
            yield directory, session
        finally:
            session.close()
    finally:
        directory.release()


def sample_answers(n: int, seed: int = 0) -> list[dict[str, Any]]:
    """`n` valid registration answers (the forms engine's generator)."""
    return list(generate_registrations(n, seed=seed))


CAPTURED_AT = "2026-11-24T09:00:00+07:00"


def submit_new(
    session: Session,
    answers: list[dict[str, Any]],
    *,
    prefix: str | None = None,
    supersedes: str | None = None,
    hold: bool = False,
    captured_at: str = CAPTURED_AT,
    submitted_at: str | None = None,
) -> list[str]:
    """Submit each answer set as `session`'s account, the way capture does; returns the record ids in order.

    The store gives each its reference, unless `prefix` asks for `prefix-000000`, `prefix-000001`…
    `supersedes` makes each a correction of that record, `hold` holds it for review, and
    `submitted_at` backdates the submission (the store stamps "now").
    """
    form = load_form()
    ids = []
    for i, answer in enumerate(answers):
        record_id = uuid7_str()
        with review_before_sync(session) if hold else contextlib.nullcontext():
            session.submit_registration(
                NewRegistration(
                    record_id=record_id,
                    reference="" if prefix is None else f"{prefix}-{i:06d}",
                    form_id=form.form_id,
                    form_version=form.version,
                    answers=answer,
                    captured_at=captured_at,
                    supersedes=supersedes,
                )
            )
        if submitted_at is not None:
            session.db.execute("UPDATE registrations SET submitted_at = ? WHERE id = ?", [submitted_at, record_id])
        ids.append(record_id)
    return ids


@contextlib.contextmanager
def review_before_sync(session: Session) -> Iterator[None]:
    """The branch's review-before-sync policy on for the block, then as it was: registrations
    submitted inside are held for a manager, as the store decides from the policy alone.

    The setting is written straight into the store, without the `policy_changed` audit entry
    a manager's change makes, so tests that count audit entries see only their own."""
    key = "policy.review_before_sync"
    row = session.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    upsert = "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
    with session.db.atomic():
        session.db.execute(upsert, [key, "1"])
    try:
        yield
    finally:
        with session.db.atomic():
            if row is None:
                session.db.execute("DELETE FROM settings WHERE key = ?", [key])
            else:
                session.db.execute(upsert, [key, row[0]])


def submit(session: Session, answers: list[dict[str, Any]], *, prefix: str = "R") -> list[str]:
    """Submit each answer set as a registration numbered `prefix-000000`…; returns the record ids in order."""
    return submit_new(session, answers, prefix=prefix)


def run_pass(
    directory: BranchDirectory, session: Session, *, batch_size: int = 7, retry: RetryPolicy = FAST_RETRY
) -> Any:
    """One sync pass over a connection of its own, as the worker does."""
    runner = sync_service.SyncRunner(directory.db_path, session.key, batch_size=batch_size, retry=retry)
    try:
        return runner.run()
    finally:
        runner.close()


def client_numbers(session: Session) -> dict[str, str]:
    """record id → CAM-IE number, as the branch store holds them."""
    rows = session.db.execute("SELECT record_id, cam_ie_number FROM sync_results WHERE status = 'accepted'").fetchall()
    return {r[0]: r[1] for r in rows}
