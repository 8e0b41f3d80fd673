"""Every store made by an earlier schema version opens and upgrades with today's code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from branch_client.store import BranchDirectory, audit, schema
from sync.outbox import Outbox
from tests.conftest import FAST_KDF

DATA = Path(__file__).resolve().parents[1] / "data"
FIXTURES = sorted(DATA.glob("store-v*"))
PASSWORD = "fixture-pass-1"


def test_there_is_a_fixture_for_the_current_schema() -> None:
    assert FIXTURES, "no store fixtures under tests/data"
    assert (DATA / f"store-v{len(schema.all_names())}").is_dir(), "run tests/data/make_store_fixture.py"


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_old_store_upgrades_and_keeps_its_data(fixture: Path, tmp_path: Path) -> None:
    copy = tmp_path / fixture.name
    shutil.copytree(fixture, copy)
    directory = BranchDirectory.claim(copy, kdf=FAST_KDF)
    session = directory.unlock("manager", PASSWORD)
    assert schema.applied(session.db) == schema.all_names()
    references = [r[0] for r in session.db.execute("SELECT reference FROM registrations ORDER BY reference")]
    assert "FIX-01-2026-000001-A" in references
    # Capture (schema 3) indexes every registration, older ones included, for search and duplicates.
    unindexed = session.db.execute(
        "SELECT count(*) FROM registrations r"
        " WHERE NOT EXISTS (SELECT 1 FROM registration_terms t WHERE t.record_id = r.id)"
    ).fetchone()[0]
    assert unindexed == 0
    if fixture.name != "store-v1":  # store-v1's one registration predates the form: it has no name
        assert session.db.execute("SELECT count(*) FROM registrations WHERE person_key IS NULL").fetchone()[0] == 0
    assert session.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == len(references)
    counts = Outbox(session.db.conn).counts()  # every upgraded store answers the sync questions
    assert counts["waiting"] + counts["in_flight"] + counts["accepted"] == len(references)
    if fixture.name != "store-v1":  # sync state made by schema 2 survives later upgrades
        assert session.db.execute("SELECT cam_ie_number FROM sync_results").fetchall() == [("CIE-2026-0000001",)]
    assert {a.username for a in session.accounts()} == {"manager", "teller"}
    assert audit.verify_chain(session.db).intact
    session.close()
    directory.unlock("teller", PASSWORD).close()
    directory.release()
