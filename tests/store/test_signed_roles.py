"""Roles a teller cannot forge (issue 15): account rows and policies signed with the manager key.

Every account holds the database key, so each attack here edits the store with the real
key, as a teller with her own password and the files can. The app must refuse, say so
and audit it.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from branch_client.store import BranchDirectory, RecoveryKey, Role, Session, audit, policy, signatures
from branch_client.store.database import connect
from branch_client.store.errors import AccountDisabled, PermissionDenied, StoreCorrupt, WrongPassword
from branch_client.store.keys import KdfParams, RoleKey, wrap_with_password
from branch_client.store.roles import AccountNotVerified, RoleKeyMissing, RolesNotSigned
from branch_client.store.slots import KeySlot, KeySlotFile, slot_associated_data
from tests.conftest import FAST_KDF, MANAGER, TELLER
from tests.store.test_review import submit_one

DATA = Path(__file__).resolve().parents[1] / "data"
FIXTURE_PASSWORD = "fixture-pass-1"


def _as_teller_with_the_key(directory: BranchDirectory, sql: str, params: list[object]) -> None:
    """What a teller can do with her own password and the files: open the store with the
    real database key (her slot gives it to her) and write any row."""
    teller = directory.unlock(*TELLER)
    key = teller.key
    teller.close()
    db = connect(directory.db_path, key)
    try:
        with db.atomic():
            db.execute(sql, params)
    finally:
        db.close()


def _actions(session: Session) -> list[str]:
    return [e.action for e in audit.entries(session.db)]


def _teller_id(session: Session) -> str:
    return next(a.id for a in session.accounts() if a.username == TELLER[0])


def test_every_row_and_the_policies_are_signed_from_set_up(manager_session: Session) -> None:
    assert all(a.verified for a in manager_session.accounts())
    assert manager_session.policy.verified
    public = signatures.public_key(manager_session.db)
    assert public is not None
    assert public == manager_session._manager_key().public_bytes


def test_a_teller_who_makes_herself_manager_is_refused_and_audited(
    branch: tuple[BranchDirectory, RecoveryKey],
) -> None:
    directory, _ = branch
    _as_teller_with_the_key(directory, "UPDATE accounts SET role = 'manager' WHERE username = ?", [TELLER[0]])
    with pytest.raises(AccountNotVerified):
        directory.unlock(*TELLER)
    manager = directory.unlock(*MANAGER)
    try:
        forged = next(a for a in manager.accounts() if a.username == TELLER[0])
        assert forged.role is Role.MANAGER  # what the row says …
        assert not forged.verified  # … is not believed
        refused = audit.entries(manager.db, action="account_not_verified")
        assert [(e.actor, e.subject) for e in refused] == [(forged.id, forged.id)]
        # A manager can do nothing with the row but disable it: it becomes a disabled teller's.
        with pytest.raises(AccountNotVerified):
            manager.reset_password(forged.id, "another-pass-1")
        manager.disable_account(forged.id)
        disabled = next(a for a in manager.accounts() if a.id == forged.id)
        assert (disabled.role, disabled.active, disabled.verified) == (Role.TELLER, False, True)
    finally:
        manager.close()
    with pytest.raises(WrongPassword):  # her slot went with the disable
        directory.unlock(*TELLER)


def test_the_headless_commands_refuse_a_forged_row_too(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    _as_teller_with_the_key(directory, "UPDATE accounts SET role = 'manager' WHERE username = ?", [TELLER[0]])
    directory.release()  # the command claims the store itself
    done = subprocess.run(
        [
            *(sys.executable, "-m", "branch_client", "sync-status"),
            *("--data-dir", str(directory.data_dir), "--user", TELLER[0], "--password-stdin"),
        ],
        input=TELLER[1] + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode != 0
    assert "account_not_verified" in done.stderr


@pytest.mark.parametrize(
    ("sql", "params"),
    [
        pytest.param("UPDATE accounts SET status = 'disabled' WHERE username = ?", [TELLER[0]], id="status"),
        pytest.param(
            "UPDATE accounts SET role = 'manager', signature ="
            " (SELECT signature FROM accounts WHERE username = 'manager') WHERE username = ?",
            [TELLER[0]],
            id="manager-signature-copied",
        ),
        pytest.param("UPDATE accounts SET username = 'sokha2' WHERE username = ?", [TELLER[0]], id="renamed"),
    ],
)
def test_other_edits_of_a_row_do_not_verify(
    branch: tuple[BranchDirectory, RecoveryKey], sql: str, params: list[object]
) -> None:
    directory, _ = branch
    _as_teller_with_the_key(directory, sql, params)
    manager = directory.unlock(*MANAGER)
    assert [a.verified for a in manager.accounts() if a.username != MANAGER[0]] == [False]
    manager.close()


def test_a_disabled_tellers_old_signed_row_put_back_does_not_verify(
    branch: tuple[BranchDirectory, RecoveryKey],
) -> None:
    # Disabling makes a new manager key: a row signed before (her "active" row, copied
    # from an old copy of the store) no longer verifies, so it cannot re-admit her.
    directory, _ = branch
    manager = directory.unlock(*MANAGER)
    teller_id = _teller_id(manager)
    old_row = manager.db.execute("SELECT status, signature FROM accounts WHERE id = ?", [teller_id]).fetchone()
    manager.disable_account(teller_id)
    with manager.db.atomic():
        manager.db.execute("UPDATE accounts SET status = ?, signature = ? WHERE id = ?", [*old_row, teller_id])
    assert not next(a for a in manager.accounts() if a.id == teller_id).verified
    manager.close()


def test_a_departed_managers_copy_of_the_manager_key_signs_nothing(
    branch: tuple[BranchDirectory, RecoveryKey],
) -> None:
    directory, _ = branch
    manager = directory.unlock(*MANAGER)
    deputy_id = manager.create_account("deputy", "deputy-pass-1", Role.MANAGER).id
    manager.close()
    deputy = directory.unlock("deputy", "deputy-pass-1")
    kept = deputy._manager_key()  # what the deputy could take home from their slot
    deputy.close()
    manager = directory.unlock(*MANAGER)
    assert manager._manager_key() == kept  # one key for every manager …
    manager.disable_account(deputy_id)
    teller_id = _teller_id(manager)
    message = signatures.account_message(signatures.store_id(manager.db), teller_id, TELLER[0], "manager", "active")
    with manager.db.atomic():
        manager.db.execute(
            "UPDATE accounts SET role = 'manager', signature = ? WHERE id = ?", [kept.sign(message), teller_id]
        )
    assert not next(a for a in manager.accounts() if a.id == teller_id).verified  # … until one leaves
    manager.close()


def test_the_manager_key_is_sealed_only_to_managers(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    slots = KeySlotFile.load(directory.slots_path)
    holders = {s.username for s in slots.slots.values() if s.sealed_role_key is not None}
    assert holders == {MANAGER[0]}
    teller = directory.unlock(*TELLER)
    with pytest.raises(PermissionDenied):  # a teller's session holds no manager key
        teller._manager_key()
    with pytest.raises(PermissionDenied):
        teller.set_policy(policy.Policy(review_before_sync=False))
    teller.close()


def test_forged_policies_are_not_applied(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    # The manager holds registrations for review; a teller switches the policy off with the key.
    directory, _ = branch
    manager = directory.unlock(*MANAGER)
    manager.set_policy(policy.Policy(review_before_sync=True, warn_days_without_sync=5, warn_waiting=50))
    manager.close()
    _as_teller_with_the_key(directory, "UPDATE settings SET value = '0' WHERE key = ?", ["policy.review_before_sync"])
    teller = directory.unlock(*TELLER)
    try:
        assert teller.policy == policy.UNVERIFIED  # the safe policies: every registration waits
        assert teller.policy.review_before_sync
        record_id = submit_one(teller, seed=3)
        state = teller.db.execute("SELECT review_state FROM registrations WHERE id = ?", [record_id]).fetchone()[0]
        assert state == "pending"
        assert "policy_not_verified" in _actions(teller)  # found and audited at sign-in
    finally:
        teller.close()
    manager = directory.unlock(*MANAGER)
    manager.set_policy(policy.Policy(review_before_sync=False))  # a manager's save signs them again
    assert manager.policy == policy.Policy(review_before_sync=False)
    assert manager.policy.verified
    manager.close()


def test_a_deleted_manager_key_is_refused_not_signed_again(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    # Deleting the key and forging a row would otherwise look like a store never signed,
    # whose first manager signs every row as it stands.
    directory, _ = branch
    _as_teller_with_the_key(directory, "DELETE FROM role_key", [])
    with pytest.raises(RoleKeyMissing):
        directory.unlock(*MANAGER)
    with pytest.raises(RoleKeyMissing):
        directory.unlock(*TELLER)


def test_recovery_makes_a_new_manager_key_and_keeps_what_verified(
    branch: tuple[BranchDirectory, RecoveryKey],
) -> None:
    directory, recovery = branch
    manager = directory.unlock(*MANAGER)
    before = manager._manager_key().public_bytes
    manager.close()
    _as_teller_with_the_key(directory, "UPDATE accounts SET role = 'manager' WHERE username = ?", [TELLER[0]])
    with pytest.raises(AccountNotVerified):  # a forged manager row cannot be recovered into
        directory.recover(str(recovery), TELLER[0], "new-manager-pass-1")
    recovered = directory.recover(str(recovery), MANAGER[0], "new-manager-pass-1")
    try:
        assert recovered._manager_key().public_bytes != before
        verified = {a.username: a.verified for a in recovered.accounts()}
        assert verified == {MANAGER[0]: True, TELLER[0]: False}  # the forged row stays unbelieved
        assert "role_key_replaced" in _actions(recovered)
    finally:
        recovered.close()


# --- stores made before 0007 ---------------------------------------------------------------


def _fixture(tmp_path: Path, name: str = "store-v5") -> BranchDirectory:
    copy = tmp_path / name
    shutil.copytree(DATA / name, copy)
    return BranchDirectory.claim(copy, kdf=FAST_KDF)


def _schema_version(name: str) -> int:
    """6 for `store-v6`, 3 for `store-v3-typed`."""
    found = re.match(r"store-v(\d+)", name)
    assert found is not None, name
    return int(found.group(1))


# The stores made before roles were signed (0007_signed_roles): store-v1 … store-v6.
FIXTURES = sorted(p.name for p in DATA.glob("store-v*") if _schema_version(p.name) < 7)


@pytest.mark.parametrize("fixture", FIXTURES)
def test_an_upgraded_store_waits_for_a_manager_then_signs_every_row(tmp_path: Path, fixture: str) -> None:
    directory = _fixture(tmp_path, fixture)
    try:
        with pytest.raises(RolesNotSigned):
            directory.unlock("teller", FIXTURE_PASSWORD)
        manager = directory.unlock("manager", FIXTURE_PASSWORD)
        assert all(a.verified for a in manager.accounts())
        assert manager.policy.verified
        actions = _actions(manager)
        assert {"roles_not_signed", "roles_signed"} <= set(actions)
        manager.close()
        teller = directory.unlock("teller", FIXTURE_PASSWORD)
        assert teller.account.verified
        teller.close()
        # Both password slots were rewritten in the new format at their sign-in; the recovery
        # slot waits for the recovery key (or a re-key gives a new one).
        slots = KeySlotFile.load(directory.slots_path)
        legacy = {s.kind for s in slots.slots.values() if s.is_legacy}
        assert legacy == {"recovery"}
        assert {s.username for s in slots.slots.values() if s.sealed_role_key} == {"manager"}
        directory.unlock("teller", FIXTURE_PASSWORD).close()  # the rewritten slot opens
    finally:
        directory.release()


def test_once_signed_an_upgraded_store_cannot_be_made_to_look_unsigned(tmp_path: Path) -> None:
    # Signing happens once, while every slot is of the first format; afterwards a store
    # without a manager key is refused instead of being signed again as it stands.
    directory = _fixture(tmp_path)
    try:
        manager = directory.unlock("manager", FIXTURE_PASSWORD)
        key = manager.key
        manager.close()
        db = connect(directory.db_path, key)
        with db.atomic():
            db.execute("DELETE FROM role_key")
            db.execute("UPDATE accounts SET role = 'manager' WHERE username = 'teller'")
        db.close()
        with pytest.raises(RoleKeyMissing):
            directory.unlock("manager", FIXTURE_PASSWORD)
    finally:
        directory.release()


def test_a_second_manager_with_an_old_slot_makes_a_new_manager_key(data_dir: Path) -> None:
    # A manager whose slot is of the first format holds no manager key: at their sign-in
    # (their row verifies) a new one is made, and the other managers' slots get it too.
    directory = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
    first, _ = directory.create_branch(
        branch_code="PNH-01", branch_name="Psar Thmei", manager_username=MANAGER[0], manager_password=MANAGER[1]
    )
    second_id = first.create_account("deputy", "deputy-pass-1", Role.MANAGER).id
    key, before = first.key, first._manager_key().public_bytes
    first.close()
    slots = KeySlotFile.load(directory.slots_path)
    slots.slots[second_id] = _first_format_slot(slots.store_id, second_id, "deputy", "deputy-pass-1", key)
    slots.save()
    deputy = directory.unlock("deputy", "deputy-pass-1")
    assert deputy._manager_key().public_bytes != before
    assert all(a.verified for a in deputy.accounts())
    deputy.close()
    again = directory.unlock(*MANAGER)
    assert again._manager_key().public_bytes == signatures.public_key(again.db)  # given to them by `share`
    again.close()
    directory.release()


def _first_format_slot(store_id: str, slot_id: str, username: str, password: str, key: bytes) -> KeySlot:
    """A key slot as the app wrote them before issue 15: the database key under the password."""
    kdf = KdfParams(iterations=FAST_KDF.iterations)
    aad = slot_associated_data(store_id, slot_id, "password", username, kdf)
    return KeySlot(slot_id, "password", username, kdf, wrap_with_password(key, password, kdf, aad))


def test_a_disabled_account_stays_refused(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    manager = directory.unlock(*MANAGER)
    teller_id = _teller_id(manager)
    manager.disable_account(teller_id)
    manager.enable_account(teller_id, "teller-pass-9")
    manager.close()
    teller = directory.unlock(TELLER[0], "teller-pass-9")
    assert teller.account.verified
    teller.close()
    manager = directory.unlock(*MANAGER)
    manager.disable_account(teller_id)
    manager.close()
    with pytest.raises((WrongPassword, AccountDisabled)):
        directory.unlock(TELLER[0], "teller-pass-9")


def test_an_edited_seal_in_a_slot_is_told_as_damage_not_as_a_wrong_password(
    branch: tuple[BranchDirectory, RecoveryKey],
) -> None:
    directory, _ = branch
    data = json.loads(directory.slots_path.read_text())
    slot = next(s for s in data["slots"] if s["username"] == TELLER[0])
    raw = bytearray(base64.b64decode(slot["sealed_key"]))
    raw[-1] ^= 0x01
    slot["sealed_key"] = base64.b64encode(bytes(raw)).decode()
    directory.slots_path.write_text(json.dumps(data))
    with pytest.raises(StoreCorrupt):
        directory.unlock(*TELLER)
    assert KeySlotFile.load(directory.slots_path).slots[slot["id"]].failed_count == 0  # the password was right


def test_an_edited_manager_key_seal_does_not_lock_the_manager_out(
    branch: tuple[BranchDirectory, RecoveryKey],
) -> None:
    # The teller spoils the manager key sealed in the manager's slot: the manager still
    # signs in, and makes a new manager key from what the current one verifies.
    directory, _ = branch
    data = json.loads(directory.slots_path.read_text())
    slot = next(s for s in data["slots"] if s["username"] == MANAGER[0])
    slot["sealed_role_key"] = base64.b64encode(b"\0" * 80).decode()
    directory.slots_path.write_text(json.dumps(data))
    manager = directory.unlock(*MANAGER)
    assert manager._manager_key().public_bytes == signatures.public_key(manager.db)
    assert all(a.verified for a in manager.accounts())
    assert "role_key_replaced" in _actions(manager)
    manager.close()


def test_role_key_repr_hides_the_secret() -> None:
    key = RoleKey.generate()
    assert key.seed.hex() not in repr(key)
