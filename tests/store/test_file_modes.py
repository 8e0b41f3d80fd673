"""Files for their owner only: the data folder, the store, its key slots, the preferences, a
backup and a restore, the log folder and its files (rotated ones too) are 0600 files in 0700
folders, whatever the umask (issue 15). POSIX only: on Windows modes do nothing, and the data
folder is in the user's profile (README, "Where the data lives")."""

from __future__ import annotations

import logging
import logging.handlers
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from branch_client.app import logging_setup, preferences
from branch_client.store import BranchDirectory
from branch_client.store.backup import restore_into, write_backup
from branch_client.store.files import open_private
from tests.conftest import FAST_KDF, MANAGER, TELLER
from tests.sync.helpers import sample_answers, submit

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes; Windows keeps the profile private")


@pytest.fixture(params=[0o022, 0o002, 0o000], ids=["umask-022", "umask-002", "umask-000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """A permissive umask for the test (022 is the usual one), then the old one again."""
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


@pytest.fixture
def log_handlers() -> Iterator[None]:
    """Remove the app's log handler (and the root level it set) after the test."""
    root = logging.getLogger()
    level = root.level
    yield
    for handler in [h for h in root.handlers if getattr(h, "_cam_ie", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def modes_under(folder: Path) -> dict[str, int]:
    """Every file and folder under `folder` (itself included) → its permission bits."""
    found = {".": mode(folder)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = mode(path)
    return found


def loose(found: dict[str, int], *, except_: tuple[str, ...] = ()) -> dict[str, str]:
    """The entries that are not 0700 folders / 0600 files, as octal strings (for the message)."""
    return {
        name: oct(bits) for name, bits in found.items() if Path(name).name not in except_ and bits not in (0o700, 0o600)
    }


def make_branch(data_dir: Path) -> BranchDirectory:
    """A set-up branch with a teller and a registration, claimed; the teller signs out again."""
    directory = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
    session, _ = directory.create_branch(
        branch_code="PNH-01", branch_name="Phnom Penh", manager_username=MANAGER[0], manager_password=MANAGER[1]
    )
    session.create_account(*TELLER)
    session.close()
    teller = directory.unlock(*TELLER)
    try:
        submit(teller, sample_answers(2, seed=15))
    finally:
        teller.close()
    return directory


def test_a_set_up_branch_is_for_its_owner_only(tmp_path: Path, umask: int, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = tmp_path / "profile" / "share" / "branch"  # the folders above it are made too
    renamed: dict[str, int] = {}
    real_replace = os.replace

    def replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        # Set-up's `.setup` files and every atomic write's temporary file, as they are moved in.
        renamed[Path(source).name] = mode(Path(source))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    directory = make_branch(data_dir)
    try:
        session = directory.unlock(*MANAGER)  # open: branch.db-wal and -shm are there
        try:
            preferences.save(data_dir, preferences.Preferences(language="en"))
            assert (data_dir / "branch.db-wal").exists()
            found = modes_under(tmp_path / "profile")
        finally:
            session.close()
    finally:
        directory.release()
    branch_files = {"branch.db", "branch.db-wal", "branch.db-shm", "keyslots.json", "settings.json"}
    assert {f"share/branch/{name}" for name in branch_files} <= set(found)
    assert "share/branch/branch.lock" in found  # owner-only too, though it holds nothing
    assert loose(found) == {}
    assert {"branch.db.setup", "keyslots.json.setup"} <= set(renamed)
    assert {name: oct(bits) for name, bits in renamed.items() if bits != 0o600} == {}


def test_an_older_versions_loose_data_folder_is_tightened_when_claimed(tmp_path: Path, umask: int) -> None:
    data_dir = tmp_path / "branch"
    data_dir.mkdir()
    data_dir.chmod(0o755)  # as versions before issue 15 left it
    directory = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
    directory.release()
    assert mode(data_dir) == 0o700


def test_a_backup_and_a_restore_are_for_their_owner_only(tmp_path: Path, umask: int) -> None:
    data_dir = tmp_path / "branch"
    directory = make_branch(data_dir)
    preferences.save(data_dir, preferences.Preferences(language="en"))
    dest = tmp_path / "usb" / "backups" / "2026-11-24"  # its parents are made too
    try:
        session = directory.unlock(*MANAGER)
        try:
            write_backup(session, data_dir, dest)
        finally:
            session.close()
    finally:
        directory.release()
    backup = modes_under(tmp_path / "usb")
    assert {"backups/2026-11-24/branch.db", "backups/2026-11-24/keyslots.json"} <= set(backup)
    assert {"backups/2026-11-24/settings.json", "backups/2026-11-24/RESTORE.txt"} <= set(backup)
    assert loose(backup) == {}

    restored = tmp_path / "new-pc" / "branch"
    restore_into(dest, restored)
    assert loose(modes_under(tmp_path / "new-pc")) == {}


def test_an_empty_backup_folder_the_user_made_is_tightened(tmp_path: Path, umask: int) -> None:
    data_dir = tmp_path / "branch"
    directory = make_branch(data_dir)
    dest = tmp_path / "backup"
    dest.mkdir()
    dest.chmod(0o755)
    try:
        session = directory.unlock(*MANAGER)
        try:
            write_backup(session, data_dir, dest)
        finally:
            session.close()
    finally:
        directory.release()
    assert loose(modes_under(dest)) == {}


def test_the_log_folder_and_its_files_rotated_ones_too(tmp_path: Path, umask: int, log_handlers: None) -> None:
    data_dir = tmp_path / "branch"
    path = logging_setup.configure(data_dir / "logs")  # the data folder does not exist yet
    log = logging.getLogger("branch_client.test")
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_cam_ie", False))
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    handler.maxBytes = 2_000  # the real rotation, sooner
    for n in range(200):
        log.info("line %d of a log that rotates", n)
    handler.flush()
    assert path.exists()
    assert (data_dir / "logs" / (logging_setup.LOG_FILENAME + ".1")).exists()
    assert (data_dir / "logs" / (logging_setup.LOG_FILENAME + f".{logging_setup.BACKUPS}")).exists()
    assert loose(modes_under(data_dir)) == {}


def test_log_files_an_older_version_left_readable_are_tightened(tmp_path: Path, umask: int, log_handlers: None) -> None:
    logs = tmp_path / "branch" / "logs"
    logs.mkdir(parents=True)
    logs.chmod(0o755)
    for name in (logging_setup.LOG_FILENAME, logging_setup.LOG_FILENAME + ".1"):
        (logs / name).write_text("an older line\n", encoding="utf-8")
        (logs / name).chmod(0o644)
    logging_setup.configure(logs)
    assert loose(modes_under(logs)) == {}
    assert (logs / logging_setup.LOG_FILENAME).read_text(encoding="utf-8") == "an older line\n"  # kept, not emptied


def test_open_private_makes_and_tightens_files(tmp_path: Path, umask: int) -> None:
    made = tmp_path / "made"
    with open_private(made, exclusive=True) as handle:
        handle.write(b"x")
    old = tmp_path / "old"
    old.write_bytes(b"older")
    old.chmod(0o644)
    with open_private(old) as handle:
        handle.write(b"new")
    assert (mode(made), mode(old)) == (0o600, 0o600)
    assert old.read_bytes() == b"new"
    with pytest.raises(FileExistsError):
        open_private(made, exclusive=True)
