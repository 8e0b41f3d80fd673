"""Key slots and accounts: who can open the store, lockout, and the manager's powers."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from branch_client.store import BranchDirectory, RecoveryKey, Role, Session, audit
from branch_client.store.errors import (
    AccountDisabled,
    AccountLocked,
    InvalidRecoveryKey,
    InvalidUsername,
    PermissionDenied,
    RecoveryLocked,
    StoreCorrupt,
    StoreExists,
    UsernameTaken,
    WeakPassword,
    WrongPassword,
)
from branch_client.store.slots import KeySlotFile, password_slot
from tests.conftest import FAST_KDF, MANAGER, TELLER


class FakeClock:
    """A clock the test moves by hand (lockouts are about minutes)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_every_slot_opens_the_same_store(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, recovery = branch
    manager = directory.unlock(*MANAGER)
    store_id = manager.db.execute("SELECT store_id FROM branch").fetchone()[0]
    manager_key = manager.key
    manager.close()
    teller = directory.unlock(*TELLER)
    assert teller.key == manager_key
    assert teller.db.execute("SELECT store_id FROM branch").fetchone()[0] == store_id
    teller.close()
    recovered = directory.recover(str(recovery), MANAGER[0], "brand-new-pass")
    assert recovered.key == manager_key
    recovered.close()


def test_username_is_case_insensitive(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    session = branch[0].unlock("  MANAGER ", MANAGER[1])
    assert session.account.username == "manager"
    session.close()


def test_wrong_password_and_unknown_user_do_not_open(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    with pytest.raises(WrongPassword):
        directory.unlock(MANAGER[0], "not-the-password")
    with pytest.raises(WrongPassword):
        directory.unlock("nobody", MANAGER[1])


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda s: s.update(wrapped_key=_flip(s["wrapped_key"])), id="ciphertext"),
        pytest.param(lambda s: s.update(nonce=_flip(s["nonce"])), id="nonce"),
        pytest.param(lambda s: s.update(salt=_flip(s["salt"])), id="salt"),
        pytest.param(lambda s: s["kdf"].update(iterations=s["kdf"]["iterations"] + 1), id="kdf-params"),
    ],
)
def test_a_tampered_slot_does_not_open(
    branch: tuple[BranchDirectory, RecoveryKey], tamper: Callable[[dict[str, Any]], None]
) -> None:
    directory, _ = branch
    data = json.loads(directory.slots_path.read_text())
    slot = next(s for s in data["slots"] if s["username"] == MANAGER[0])
    tamper(slot)
    directory.slots_path.write_text(json.dumps(data))
    with pytest.raises(WrongPassword):
        directory.unlock(*MANAGER)


def test_a_teller_slot_moved_onto_the_manager_does_not_open(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    # The teller knows their own password; relabelling their slot as the manager's must not
    # make them the manager (the slot id and username are bound into the GCM tag).
    directory, _ = branch
    data = json.loads(directory.slots_path.read_text())
    manager = next(s for s in data["slots"] if s["username"] == MANAGER[0])
    teller = next(s for s in data["slots"] if s["username"] == TELLER[0])
    forged = {**teller, "id": manager["id"], "username": MANAGER[0]}
    data["slots"] = [s for s in data["slots"] if s["username"] not in (MANAGER[0], TELLER[0])] + [forged]
    directory.slots_path.write_text(json.dumps(data))
    with pytest.raises(WrongPassword):
        directory.unlock(MANAGER[0], TELLER[1])


def test_a_slot_renamed_to_another_username_does_not_open(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    data = json.loads(directory.slots_path.read_text())
    next(s for s in data["slots"] if s["username"] == TELLER[0])["username"] = "someone"
    directory.slots_path.write_text(json.dumps(data))
    with pytest.raises(WrongPassword):
        directory.unlock("someone", TELLER[1])


def _flip(b64text: str) -> str:
    raw = bytearray(base64.b64decode(b64text))
    raw[0] ^= 0x01
    return base64.b64encode(bytes(raw)).decode()


def test_recovery_key_must_match_this_store(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    with pytest.raises(InvalidRecoveryKey):
        directory.recover(str(RecoveryKey.generate()), MANAGER[0], "brand-new-pass")
    with pytest.raises(InvalidRecoveryKey):
        directory.recover("not a key", MANAGER[0], "brand-new-pass")


def test_wrong_recovery_keys_lock_recovery_for_five_minutes(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, recovery = branch
    for _ in range(4):
        with pytest.raises(InvalidRecoveryKey):
            directory.recover(str(RecoveryKey.generate()), MANAGER[0], "brand-new-pass")
    with pytest.raises(RecoveryLocked):
        directory.recover(str(RecoveryKey.generate()), MANAGER[0], "brand-new-pass")
    with pytest.raises(RecoveryLocked):
        directory.recover(str(recovery), MANAGER[0], "brand-new-pass")
    directory.unlock(*MANAGER).close()  # passwords are not affected


def test_recovery_with_a_weak_new_password_changes_nothing(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, recovery = branch
    before = directory.slots_path.read_bytes()
    with pytest.raises(WeakPassword):
        directory.recover(str(recovery), MANAGER[0], "short")
    assert directory.slots_path.read_bytes() == before
    directory.unlock(*MANAGER).close()


def test_a_new_recovery_key_replaces_the_old_one(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, old = branch
    manager = directory.unlock(*MANAGER)
    new = manager.replace_recovery_key()
    assert "recovery_key_replaced" in [e.action for e in audit.entries(manager.db)]
    manager.close()
    with pytest.raises(InvalidRecoveryKey):
        directory.recover(str(old), MANAGER[0], "brand-new-pass")
    directory.recover(str(new), MANAGER[0], "brand-new-pass").close()


def test_tellers_cannot_replace_the_recovery_key(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    teller = branch[0].unlock(*TELLER)
    with pytest.raises(PermissionDenied):
        teller.replace_recovery_key()
    teller.close()


def test_recovery_sets_a_new_manager_password(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, recovery = branch
    directory.recover(str(recovery), MANAGER[0], "brand-new-pass").close()
    with pytest.raises(WrongPassword):
        directory.unlock(*MANAGER)
    session = directory.unlock(MANAGER[0], "brand-new-pass")
    actions = [e.action for e in audit.entries(session.db)]
    assert "recovery_key_used" in actions
    session.close()


def test_recovery_is_only_for_manager_accounts(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, recovery = branch
    with pytest.raises(WrongPassword):
        directory.recover(str(recovery), TELLER[0], "brand-new-pass")


def test_five_failures_lock_the_account_for_five_minutes_across_restarts(data_dir: Path) -> None:
    clock = FakeClock()
    directory = BranchDirectory.claim(data_dir, clock=clock, kdf=FAST_KDF)
    directory.create_branch(
        branch_code="PNH-01", branch_name="Branch", manager_username=MANAGER[0], manager_password=MANAGER[1]
    )[0].close()
    for _ in range(4):
        with pytest.raises(WrongPassword):
            directory.unlock(MANAGER[0], "wrong-password")
    with pytest.raises(AccountLocked) as locked:
        directory.unlock(MANAGER[0], "wrong-password")
    assert locked.value.until == clock.now + timedelta(minutes=5)
    directory.release()

    # A restart (a new process would read the same file) does not clear the lock ...
    restarted = BranchDirectory.claim(data_dir, clock=clock, kdf=FAST_KDF)
    clock.now += timedelta(minutes=4, seconds=59)
    with pytest.raises(AccountLocked):
        restarted.unlock(*MANAGER)  # even the right password waits
    # ... but five minutes do.
    clock.now += timedelta(seconds=1)
    session = restarted.unlock(*MANAGER)
    failed = [e for e in audit.entries(session.db) if e.action == "login_failed"]
    assert len(failed) == 5  # the failures, recorded outside the store, reach the audit log
    assert session.failed_login_state(session.account.id) == (0, None)
    session.close()
    restarted.release()


def test_manager_can_unlock_a_locked_teller(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    for _ in range(5):
        with pytest.raises((WrongPassword, AccountLocked)):
            directory.unlock(TELLER[0], "wrong-password")
    with pytest.raises(AccountLocked):
        directory.unlock(*TELLER)
    manager = directory.unlock(*MANAGER)
    teller_id = next(a.id for a in manager.accounts() if a.username == TELLER[0])
    manager.unlock_account(teller_id)
    manager.close()
    directory.unlock(*TELLER).close()


def test_disable_removes_the_slot_and_enable_needs_a_new_password(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    manager = directory.unlock(*MANAGER)
    teller_id = next(a.id for a in manager.accounts() if a.username == TELLER[0])
    manager.disable_account(teller_id)
    assert teller_id not in directory.slots_path.read_text()
    with pytest.raises(WrongPassword):
        directory.unlock(*TELLER)
    manager.enable_account(teller_id, "teller-pass-2")
    manager.close()
    with pytest.raises(WrongPassword):
        directory.unlock(*TELLER)
    directory.unlock(TELLER[0], "teller-pass-2").close()


def test_reset_password_rewraps_the_slot(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    manager = directory.unlock(*MANAGER)
    teller_id = next(a.id for a in manager.accounts() if a.username == TELLER[0])
    manager.reset_password(teller_id, "teller-pass-2")
    actions = [e.action for e in audit.entries(manager.db)]
    manager.close()
    assert "password_reset" in actions
    with pytest.raises(WrongPassword):
        directory.unlock(*TELLER)
    directory.unlock(TELLER[0], "teller-pass-2").close()


def test_guessing_the_current_password_counts_towards_the_lock(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    teller = directory.unlock(*TELLER)
    for _ in range(4):
        with pytest.raises(WrongPassword):
            teller.change_own_password("not-current", "teller-pass-3")
    with pytest.raises(AccountLocked):
        teller.change_own_password("not-current", "teller-pass-3")
    with pytest.raises(AccountLocked):  # even the right one, until the lock expires
        teller.change_own_password(TELLER[1], "teller-pass-3")
    teller.close()
    with pytest.raises(AccountLocked):
        directory.unlock(*TELLER)


def test_change_own_password_needs_the_current_one(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    teller = directory.unlock(*TELLER)
    with pytest.raises(WrongPassword):
        teller.change_own_password("not-current", "teller-pass-3")
    teller.change_own_password(TELLER[1], "teller-pass-3")
    teller.close()
    directory.unlock(TELLER[0], "teller-pass-3").close()


def test_tellers_cannot_manage_accounts(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    teller = directory.unlock(*TELLER)
    with pytest.raises(PermissionDenied):
        teller.create_account("another", "another-pass-1")
    manager_id = next(a.id for a in teller.accounts() if a.username == MANAGER[0])
    with pytest.raises(PermissionDenied):
        teller.disable_account(manager_id)
    teller.close()


def test_a_manager_cannot_disable_themselves(manager_session: Session) -> None:
    # So a branch always keeps at least one active manager (and the recovery key).
    with pytest.raises(PermissionDenied):
        manager_session.disable_account(manager_session.account.id)
    assert manager_session.accounts()[0].active


def test_managers_can_disable_and_re_enable_each_other(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    manager = directory.unlock(*MANAGER)
    deputy = manager.create_account("deputy", "deputy-pass-1", Role.MANAGER)
    manager.close()
    session = directory.unlock("deputy", "deputy-pass-1")
    manager_id = next(a.id for a in session.accounts() if a.username == MANAGER[0])
    session.disable_account(manager_id)
    session.close()
    with pytest.raises(WrongPassword):
        directory.unlock(*MANAGER)
    session = directory.unlock("deputy", "deputy-pass-1")
    session.enable_account(manager_id, "manager-pass-2")
    session.close()
    first = directory.unlock(MANAGER[0], "manager-pass-2")
    first.disable_account(deputy.id)
    assert not next(a for a in first.accounts() if a.id == deputy.id).active
    first.close()


@pytest.mark.parametrize(
    ("username", "password", "error"),
    [
        ("ab", "long-enough-1", InvalidUsername),
        ("has space", "long-enough-1", InvalidUsername),
        ("សុខា", "long-enough-1", InvalidUsername),
        ("newteller", "short", WeakPassword),
        ("newteller", "newteller", WeakPassword),
        ("sokha", "long-enough-1", UsernameTaken),
        ("SOKHA", "long-enough-1", UsernameTaken),
    ],
)
def test_bad_account_input_is_refused_and_changes_nothing(
    branch: tuple[BranchDirectory, RecoveryKey],
    manager_session: Session,
    username: str,
    password: str,
    error: type[Exception],
) -> None:
    slots_path = branch[0].slots_path
    before_accounts = manager_session.accounts()
    before_slots = slots_path.read_bytes()
    before_audit = len(audit.entries(manager_session.db))
    with pytest.raises(error):
        manager_session.create_account(username, password)
    assert manager_session.accounts() == before_accounts
    assert slots_path.read_bytes() == before_slots
    assert len(audit.entries(manager_session.db)) == before_audit


def test_set_up_twice_is_refused(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    with pytest.raises(StoreExists):
        directory.create_branch(
            branch_code="PNH-02", branch_name="Other", manager_username="boss", manager_password="boss-pass-1"
        )


def test_disabled_account_with_a_leftover_slot_is_refused(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    # A slot holding the *current* key for a disabled account (made by someone who has the
    # key): the row, signed "disabled", still refuses it.
    directory, _ = branch
    manager = directory.unlock(*MANAGER)
    teller_id = next(a.id for a in manager.accounts() if a.username == TELLER[0])
    manager.disable_account(teller_id)
    key = manager.key
    manager.close()
    slots = KeySlotFile.load(directory.slots_path)
    slots.slots[teller_id] = password_slot(slots.store_id, teller_id, TELLER[0], TELLER[1], key, FAST_KDF)
    slots.save()
    with pytest.raises(AccountDisabled):
        directory.unlock(*TELLER)


def test_an_old_slot_file_put_back_opens_nothing_after_a_disable(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    # Disabling re-keys the store: the departed teller's copy of keyslots.json and her old
    # password unwrap the old key, which the database no longer takes.
    directory, _ = branch
    before = directory.slots_path.read_bytes()  # the teller's slot as it was
    manager = directory.unlock(*MANAGER)
    teller_id = next(a.id for a in manager.accounts() if a.username == TELLER[0])
    manager.disable_account(teller_id)
    manager.close()
    after = directory.slots_path.read_bytes()
    directory.slots_path.write_bytes(before)  # an old copy of the slot file put back
    with pytest.raises(StoreCorrupt):
        directory.unlock(*TELLER)
    directory.slots_path.write_bytes(after)
    directory.unlock(*MANAGER).close()
