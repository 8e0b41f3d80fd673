"""Errors a user can meet: each is a KnownError and changes nothing."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from branch_client.store import BranchDirectory, RecoveryKey
from branch_client.store.database import connect, translate_errors
from branch_client.store.errors import (
    DataDirNotWritable,
    DiskFull,
    StoreCorrupt,
    StoreInUse,
    StoreMissing,
    StoreUnreadable,
)
from branch_client.store.files import known_os_error
from tests.conftest import FAST_KDF, MANAGER


def test_missing_database_file(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    directory.db_path.unlink()
    with pytest.raises(StoreMissing):
        directory.unlock(*MANAGER)
    assert not directory.db_path.exists()  # nothing was created in its place


def test_missing_key_slot_file(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    directory.slots_path.unlink()
    with pytest.raises(StoreMissing):
        directory.unlock(*MANAGER)


def test_corrupt_database_file_is_reported_and_left_as_it_was(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    data = bytearray(directory.db_path.read_bytes())
    data[100:4096] = os.urandom(4096 - 100)  # the first page, after the salt, destroyed
    directory.db_path.write_bytes(bytes(data))
    slots_before = directory.slots_path.read_bytes()
    with pytest.raises(StoreCorrupt):
        directory.unlock(*MANAGER)
    assert directory.db_path.read_bytes() == bytes(data)
    # A corrupt store is not the password's fault: no failed attempt is counted.
    assert directory.slots_path.read_bytes() == slots_before


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"format": 99}', b'{"format": 1, "slots": 3}'])
def test_unreadable_key_slot_file(branch: tuple[BranchDirectory, RecoveryKey], content: bytes) -> None:
    directory, _ = branch
    directory.slots_path.write_bytes(content)
    with pytest.raises(StoreCorrupt):
        directory.branch_info()
    with pytest.raises(StoreCorrupt):
        directory.unlock(*MANAGER)


def test_data_dir_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(DataDirNotWritable):
        BranchDirectory.claim(blocker / "branch", kdf=FAST_KDF)


def test_disk_full_from_the_operating_system() -> None:
    # /dev/full answers every write with ENOSPC: the real error, no mock.
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this platform")
    with pytest.raises(OSError, match="No space left") as raised:
        Path("/dev/full").write_bytes(b"x" * 4096)
    assert raised.value.errno == errno.ENOSPC
    assert isinstance(known_os_error(raised.value), DiskFull)


def test_disk_full_inside_sqlite_rolls_the_transaction_back(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    session = directory.unlock(*MANAGER)
    key = session.key
    session.close()
    db = connect(directory.db_path, key)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")  # the database may not grow: SQLITE_FULL
    before = db.execute("SELECT count(*) FROM settings").fetchone()[0]

    def fill_the_disk() -> None:
        with translate_errors(), db.atomic():
            for i in range(2000):
                db.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [f"k{i}", "x" * 500])

    with pytest.raises(DiskFull):
        fill_the_disk()
    assert db.execute("SELECT count(*) FROM settings").fetchone()[0] == before
    db.close()


def test_second_claim_in_this_process_is_refused(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    with pytest.raises(StoreInUse):
        BranchDirectory.claim(directory.data_dir, kdf=FAST_KDF)


def test_another_process_holding_the_store_is_detected(data_dir: Path) -> None:
    with subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys
                from pathlib import Path
                from branch_client.store import BranchDirectory
                d = BranchDirectory.claim(Path({str(data_dir)!r}))
                print("held", flush=True)
                sys.stdin.read()
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == "held"
            with pytest.raises(StoreInUse):
                BranchDirectory.claim(data_dir, kdf=FAST_KDF)
        finally:
            holder.kill()
    # The OS released the lock with the dead process: no stale lock file blocks us.
    BranchDirectory.claim(data_dir, kdf=FAST_KDF).release()


def test_set_up_that_fails_leaves_no_half_store(tmp_path: Path) -> None:
    directory = BranchDirectory.claim(tmp_path / "d", kdf=FAST_KDF)
    with pytest.raises(Exception, match="username"):
        directory.create_branch(
            branch_code="PNH-01", branch_name="B", manager_username="x", manager_password="pw-12345678"
        )
    assert not directory.is_set_up
    directory.release()
    shutil.rmtree(tmp_path / "d")


def test_unreadable_database_file(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    directory.db_path.unlink()
    directory.db_path.mkdir()  # something that is not a file where the store should be
    with pytest.raises(StoreUnreadable):
        directory.unlock(*MANAGER)
