"""Branch set-up is all or nothing, even when it fails or is interrupted half-way."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from branch_client.store import BranchDirectory, KdfParams
from branch_client.store.database import connect
from branch_client.store.errors import DataDirNotWritable
from tests.conftest import FAST_KDF, MANAGER


def _set_up(directory: BranchDirectory) -> None:
    session, _ = directory.create_branch(
        branch_code="PNH-01", branch_name="Psar Thmei", manager_username=MANAGER[0], manager_password=MANAGER[1]
    )
    session.close()


def test_set_up_failing_after_the_database_was_made_leaves_nothing(data_dir: Path) -> None:
    directory = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
    blocker = data_dir / "keyslots.json.setup"
    blocker.mkdir()  # the slot file cannot be written: a real failure, late in set-up
    with pytest.raises(DataDirNotWritable):
        _set_up(directory)
    assert not directory.is_set_up
    assert sorted(p.name for p in data_dir.iterdir() if not p.name.startswith(".")) == [
        "branch.lock",
        "keyslots.json.setup",
    ]
    blocker.rmdir()
    _set_up(directory)  # and set-up can simply be done again
    directory.unlock(*MANAGER).close()
    directory.release()


def test_a_crash_between_the_two_moves_is_rolled_forward(data_dir: Path) -> None:
    directory = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
    _set_up(directory)
    directory.release()
    # The state a crash leaves after branch.db was moved in place but before keyslots.json.
    os.replace(data_dir / "keyslots.json", data_dir / "keyslots.json.setup")
    reclaimed = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
    assert reclaimed.is_set_up
    reclaimed.unlock(*MANAGER).close()
    reclaimed.release()


def test_a_crash_before_the_moves_leaves_a_fresh_directory(data_dir: Path) -> None:
    directory = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
    _set_up(directory)
    directory.release()
    # The state a crash leaves before either move: only .setup files.
    os.replace(data_dir / "branch.db", data_dir / "branch.db.setup")
    os.replace(data_dir / "keyslots.json", data_dir / "keyslots.json.setup")
    reclaimed = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
    assert not reclaimed.is_set_up
    assert not (data_dir / "branch.db.setup").exists()
    _set_up(reclaimed)
    reclaimed.release()


def test_every_connection_is_wal_with_full_sync(data_dir: Path) -> None:
    # kill -9 tests prove atomicity; surviving a power cut rests on these two settings.
    directory = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
    _set_up(directory)
    session = directory.unlock(*MANAGER)
    for db in (session.db, connect(directory.db_path, session.key)):
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    session.close()
    directory.release()


def test_the_store_file_is_private_to_its_user(data_dir: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    directory = BranchDirectory.claim(data_dir, kdf=KdfParams(iterations=2))
    _set_up(directory)
    assert (data_dir / "branch.db").stat().st_mode & 0o077 == 0
    assert (data_dir / "keyslots.json").stat().st_mode & 0o077 == 0
    directory.release()
