"""The store file on disk is SQLCipher ciphertext: no plain SQLite, no readable PII."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from branch_client.store import BranchDirectory, NewRegistration, RecoveryKey, Session
from sync.ids import uuid7_str
from tests.conftest import MANAGER

SEEDED_NAME = "Chantha Sokunthea"
SEEDED_KHMER_NAME = "ចាន់ថា សុគន្ធា"
SEEDED_ID = "110523987"


def _submit_seeded(session: Session) -> None:
    session.submit_registration(
        NewRegistration(
            record_id=uuid7_str(),
            reference="PNH-01-2026-000001-K",
            form_id="camie_registration",
            form_version="2026.1",
            answers={"owner_name_latin": SEEDED_NAME, "owner_name_km": SEEDED_KHMER_NAME, "id_number": SEEDED_ID},
            captured_at="2026-11-24T09:00:00+07:00",
        )
    )


def _seeded_bytes() -> list[bytes]:
    return [SEEDED_NAME.encode(), SEEDED_KHMER_NAME.encode("utf-8"), SEEDED_ID.encode()]


def test_plain_sqlite_cannot_open_the_store(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    conn = sqlite3.connect(directory.db_path)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    conn.close()


def test_no_seeded_pii_in_the_database_or_its_wal(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    session = directory.unlock(*MANAGER)
    _submit_seeded(session)
    wal = Path(str(directory.db_path) + "-wal")
    assert wal.stat().st_size > 0  # the registration is in the WAL right now
    for path in (directory.db_path, wal):
        content = path.read_bytes()
        for needle in _seeded_bytes():
            assert needle not in content, f"{needle!r} readable in {path.name}"
    # And the registration is really there, seen through the key.
    answers = session.db.execute("SELECT answers FROM registrations").fetchone()[0]
    assert SEEDED_ID in answers
    session.close()
    content = directory.db_path.read_bytes()  # after the checkpoint at close
    for needle in _seeded_bytes():
        assert needle not in content


def test_key_slot_file_holds_no_key_and_no_pii(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, recovery = branch
    session = directory.unlock(*MANAGER)
    key_hex = session.key.hex()
    _submit_seeded(session)
    session.close()
    slots_text = directory.slots_path.read_text(encoding="utf-8")
    assert key_hex not in slots_text.lower()
    assert str(recovery) not in slots_text
    assert SEEDED_ID not in slots_text
