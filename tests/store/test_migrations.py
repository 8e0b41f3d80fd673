"""Every store made by an earlier schema version opens and upgrades with today's code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from branch_client.store import BranchDirectory, Session, audit, schema, search
from branch_client.store.search import ListFilter
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


def _open_copy(fixture: Path, tmp_path: Path) -> tuple[BranchDirectory, Session]:
    copy = tmp_path / fixture.name
    shutil.copytree(fixture, copy)
    directory = BranchDirectory.claim(copy, kdf=FAST_KDF)
    return directory, directory.unlock("manager", PASSWORD)


def _found(session: Session, query: str) -> set[str]:
    return {r.reference for r in search.page(session.db.conn, ListFilter(query=query), limit=100)}


def test_matching_keys_are_recomputed_when_a_schema_3_store_opens(tmp_path: Path) -> None:
    """0004_matching_keys: a store-v3 record is found by a spelling only today's folding joins."""
    directory, session = _open_copy(DATA / "store-v3", tmp_path)
    try:
        assert "0004_matching_keys" in schema.applied(session.db)
        # Khim Sreypov, Yim Sokha and Bun Chanthou, searched as other spellings of the same names
        assert _found(session, "Kim Srei Pov") == {"FIX-01-2026-000002-A"}
        assert _found(session, "Sokhah") == {"FIX-01-2026-000001-A"}
        assert _found(session, "Chantou Bun") == {"FIX-01-2026-000003-A"}
        # the old terms are gone, not kept beside the new ones
        terms = {t for (t,) in session.db.execute("SELECT term FROM registration_terms")}
        assert "khim" not in terms
        assert "kim" in terms
    finally:
        session.close()
        directory.release()


def test_typed_variants_become_duplicates_after_the_upgrade(tmp_path: Path) -> None:
    """The fixture made before 0004 holds one owner typed twice (-u for the shifter, a split
    vowel) under two person keys; after the upgrade they share one, and "Chia" finds Chea."""
    directory, session = _open_copy(DATA / "store-v3-typed", tmp_path)
    try:
        keys = dict(
            session.db.execute(
                "SELECT reference, person_key FROM registrations"
                " WHERE reference IN ('FIX-01-2026-000006-A', 'FIX-01-2026-000007-A')"
            ).fetchall()
        )
        assert len(keys) == 2
        assert keys["FIX-01-2026-000006-A"] == keys["FIX-01-2026-000007-A"]
        assert {"FIX-01-2026-000006-A", "FIX-01-2026-000007-A"} <= _found(session, "សុីម")
        assert "FIX-01-2026-000008-A" in _found(session, "Chia Sokhah")
    finally:
        session.close()
        directory.release()
