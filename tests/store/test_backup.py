"""`branch-client backup DEST`: an encrypted, consistent copy that opens with the same password,
holds the same rows, and restores into a working branch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from branch_client.store import BranchDirectory, KnownError, RecoveryKey, Session
from branch_client.store.backup import BackupError, restore_into, write_backup
from tests.conftest import FAST_KDF, MANAGER, TELLER
from tests.sync.helpers import sample_answers, submit

Branch = tuple[BranchDirectory, RecoveryKey]


def _backup_cli(data_dir: Path, dest: Path, user: tuple[str, str] = MANAGER) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "branch_client",
            "backup",
            str(dest),
            "--data-dir",
            str(data_dir),
            "--user",
            user[0],
            "--password-stdin",
        ],
        input=user[1] + "\n",
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )


def _rows(directory: BranchDirectory, password: tuple[str, str] = MANAGER) -> list[tuple[object, ...]]:
    session = directory.unlock(*password)
    try:
        return [tuple(r) for r in session.db.execute("SELECT id, reference, answers FROM registrations ORDER BY id")]
    finally:
        session.close()


@pytest.fixture
def filled(branch: Branch) -> Branch:
    directory, _ = branch
    session = directory.unlock(*MANAGER)
    try:
        submit(session, sample_answers(3))
    finally:
        session.close()
    return branch


def test_backup_is_encrypted_and_opens_with_the_same_password_and_rows(filled: Branch, tmp_path: Path) -> None:
    directory, _ = filled
    before = _rows(directory)
    directory.release()  # the app is closed: the command claims the folder itself
    dest = tmp_path / "usb" / "backup-2026-11-24"
    result = _backup_cli(directory.data_dir, dest)
    assert result.returncode == 0, result.stderr
    assert "3 registrations" in result.stdout
    assert {"RESTORE.txt", "branch.db", "keyslots.json"} <= {p.name for p in dest.iterdir()}
    assert not list(dest.glob("*.partial*"))
    assert not list(dest.glob("*-wal"))
    data = (dest / "branch.db").read_bytes()
    assert not data.startswith(b"SQLite format 3")  # still encrypted
    assert str(before[0][0]).encode() not in data  # a record id (36 characters) is nowhere in clear

    copy = BranchDirectory.claim(dest, kdf=FAST_KDF)
    try:
        assert _rows(copy) == before
        assert _rows(copy, TELLER) == before  # every account's key slot came along
    finally:
        copy.release()


def test_a_restored_branch_works_with_the_old_passwords_and_the_recovery_key(filled: Branch, tmp_path: Path) -> None:
    directory, recovery = filled
    before = _rows(directory)
    session = directory.unlock(*MANAGER)
    try:
        summary = write_backup(session, directory.data_dir, tmp_path / "backup")
    finally:
        session.close()
    directory.release()
    assert summary.rows["registrations"] == 3

    restored_dir = tmp_path / "restored"
    restore_into(tmp_path / "backup", restored_dir)
    restored = BranchDirectory.claim(restored_dir, kdf=FAST_KDF)
    try:
        assert _rows(restored) == before
        session = restored.recover(str(recovery), MANAGER[0], "a-new-password-1")
        session.close()
        assert _rows(restored, (MANAGER[0], "a-new-password-1")) == before
    finally:
        restored.release()


def test_backup_refuses_a_non_empty_folder_and_a_teller(filled: Branch, tmp_path: Path) -> None:
    directory, _ = filled
    directory.release()
    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "something.txt").write_text("keep me")
    result = _backup_cli(directory.data_dir, occupied)
    assert result.returncode == 1
    assert "must be new or empty" in result.stderr
    assert sorted(p.name for p in occupied.iterdir()) == ["something.txt"]

    result = _backup_cli(directory.data_dir, tmp_path / "by-teller", TELLER)
    assert result.returncode == 2
    assert "`backup` needs a manager's account" in result.stderr
    assert not (tmp_path / "by-teller").exists()


def test_backup_inside_the_data_folder_is_refused(manager_session: Session, branch: Branch) -> None:
    directory, _ = branch
    with pytest.raises(BackupError, match="outside the data folder"):
        write_backup(manager_session, directory.data_dir, directory.data_dir / "backup")
    assert not (directory.data_dir / "backup").exists()


def test_restore_never_overwrites_a_branch(filled: Branch, tmp_path: Path) -> None:
    directory, _ = filled
    with pytest.raises(KnownError, match="empty"):
        restore_into(tmp_path, directory.data_dir)
