"""Key slots (a file) and account rows (the database) never disagree in a harmful way.

A full disk shows up at COMMIT, after the slot file was written. The stand-in below is the
one thing that cannot be staged here: a COMMIT that fails. It lets the real slot-file
write happen, then fails the way SQLite would.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from branch_client.store import BranchDirectory, RecoveryKey, Role, Session, audit
from branch_client.store.errors import DiskFull, WrongPassword
from branch_client.store.slots import KeySlotFile, password_slot
from tests.conftest import FAST_KDF, MANAGER, TELLER


@pytest.fixture
def commit_fails_after_slot_write(monkeypatch: pytest.MonkeyPatch) -> None:
    real_save = KeySlotFile.save
    calls = {"n": 0}

    def save_then_fail_commit(self: KeySlotFile) -> None:
        real_save(self)
        calls["n"] += 1
        if calls["n"] == 1:  # the change's own write; the restore that follows must succeed
            raise DiskFull("database or disk is full")

    monkeypatch.setattr(KeySlotFile, "save", save_then_fail_commit)


def _teller_id(session: Session) -> str:
    return next(a.id for a in session.accounts() if a.username == TELLER[0])


CHANGES: dict[str, Callable[[Session], object]] = {
    "create": lambda s: s.create_account("dara", "dara-pass-1", Role.TELLER),
    "disable": lambda s: s.disable_account(_teller_id(s)),
    "reset": lambda s: s.reset_password(_teller_id(s), "teller-pass-2"),
    "new-recovery-key": lambda s: s.replace_recovery_key(),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_a_failed_commit_puts_the_previous_slots_back(
    branch: tuple[BranchDirectory, RecoveryKey], change: Callable[[Session], object], request: pytest.FixtureRequest
) -> None:
    directory, recovery = branch
    manager = directory.unlock(*MANAGER)
    slots_before = directory.slots_path.read_bytes()
    accounts_before = manager.accounts()
    audit_before = len(audit.entries(manager.db))
    request.getfixturevalue("commit_fails_after_slot_write")
    with pytest.raises(DiskFull):
        change(manager)
    assert directory.slots_path.read_bytes() == slots_before
    assert manager.accounts() == accounts_before
    assert len(audit.entries(manager.db)) == audit_before
    manager.close()
    directory.unlock(*TELLER).close()  # the teller's old password still works
    directory.recover(str(recovery), MANAGER[0], "brand-new-pass").close()  # and the old recovery key


def test_after_a_failed_create_the_username_is_free(
    branch: tuple[BranchDirectory, RecoveryKey], request: pytest.FixtureRequest
) -> None:
    directory, _ = branch
    manager = directory.unlock(*MANAGER)
    request.getfixturevalue("commit_fails_after_slot_write")
    with pytest.raises(DiskFull):
        manager.create_account("dara", "dara-pass-1")
    manager.create_account("dara", "dara-pass-1")  # no UsernameTaken
    manager.close()
    directory.unlock("dara", "dara-pass-1").close()


def test_a_slot_left_without_its_account_is_pruned_and_frees_its_name(
    branch: tuple[BranchDirectory, RecoveryKey],
) -> None:
    # The state a crash leaves between writing the slot file and committing a new account.
    directory, _ = branch
    manager = directory.unlock(*MANAGER)
    key, store_id = manager.key, manager.db.execute("SELECT store_id FROM branch").fetchone()[0]
    manager.close()
    slots = KeySlotFile.load(directory.slots_path)
    orphan = password_slot(store_id, "01a20000-0000-7000-8000-0000000000ff", "ghost", "ghost-pass-1", key, FAST_KDF)
    slots.slots[orphan.slot_id] = orphan
    slots.save()
    with pytest.raises(WrongPassword):  # the slot opens the key, but there is no such account
        directory.unlock("ghost", "ghost-pass-1")
    manager = directory.unlock(*MANAGER)  # any sign-in prunes it
    assert "ghost" not in [s["username"] for s in json.loads(directory.slots_path.read_text())["slots"]]
    manager.create_account("ghost", "ghost-pass-2")
    manager.close()
    directory.unlock("ghost", "ghost-pass-2").close()
