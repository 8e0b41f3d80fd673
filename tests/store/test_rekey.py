"""Re-keying the store when someone leaves (issue 15): a new database key sealed to every
remaining slot without asking anyone's password; an old copy of the key slots opens nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from branch_client.store import BranchDirectory, RecoveryKey, Role, Session, audit
from branch_client.store.errors import StoreCorrupt, WrongPassword
from branch_client.store.slots import KeySlotFile
from tests.conftest import FAST_KDF, MANAGER, TELLER
from tests.store.test_review import submit_one

DATA = Path(__file__).resolve().parents[1] / "data"
SECOND = ("dara", "dara-pass-1")


@pytest.fixture
def three(branch: tuple[BranchDirectory, RecoveryKey]) -> tuple[BranchDirectory, RecoveryKey]:
    """The branch with a second teller, who stays when the first leaves."""
    manager = branch[0].unlock(*MANAGER)
    manager.create_account(*SECOND)
    manager.close()
    return branch


def _id(session: Session, username: str) -> str:
    return next(a.id for a in session.accounts() if a.username == username)


def test_disabling_a_teller_rekeys_and_her_old_files_open_nothing(
    three: tuple[BranchDirectory, RecoveryKey],
) -> None:
    directory, recovery = three
    kept_slots = directory.slots_path.read_bytes()  # what the departing teller copies home
    manager = directory.unlock(*MANAGER)
    old_key = manager.key
    outcome = manager.disable_account(_id(manager, TELLER[0]))
    assert outcome.needs_password == ()
    assert outcome.recovery_key is None  # the recovery slot took the new key: the old sheet still works
    new_key = manager.key
    assert new_key != old_key
    submit_one(manager, seed=1)  # the session goes on with the new key
    assert "store_rekeyed" in [e.action for e in audit.entries(manager.db)]
    manager.close()
    current = directory.slots_path.read_bytes()
    assert not KeySlotFile.load(directory.slots_path).rekey_pending

    # Everyone who stays opens the store, without having been asked for anything …
    for username, password in (MANAGER, SECOND):
        session = directory.unlock(username, password)
        assert session.key == new_key
        session.close()
    directory.recover(str(recovery), MANAGER[0], "manager-pass-2").close()
    # … and the old slot file with the old password opens nothing, for anyone.
    directory.slots_path.write_bytes(kept_slots)
    for username, password in (TELLER, SECOND):
        with pytest.raises(StoreCorrupt):
            directory.unlock(username, password)
    directory.slots_path.write_bytes(current)


def test_rekey_on_request_changes_the_key_for_everyone(three: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, recovery = three
    kept_slots = directory.slots_path.read_bytes()
    manager = directory.unlock(*MANAGER)
    old_key = manager.key
    manager.rekey()
    assert manager.key != old_key
    assert len(manager.accounts()) == 3  # the session goes on with the new key
    manager.close()
    for username, password in (MANAGER, TELLER, SECOND):
        directory.unlock(username, password).close()
    directory.recover(str(recovery), MANAGER[0], "manager-pass-2").close()
    slots = json.loads(directory.slots_path.read_text())
    assert all(s["sealed_next_key"] is None for s in slots["slots"])
    directory.slots_path.write_bytes(kept_slots)
    with pytest.raises(StoreCorrupt):
        directory.unlock(*TELLER)


def test_only_managers_rekey(teller: Session) -> None:
    from branch_client.store.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        teller.rekey()


def test_a_rekey_interrupted_before_the_database_changed_is_finished_at_the_next_sign_in(
    three: tuple[BranchDirectory, RecoveryKey],
) -> None:
    # The state a crash leaves after the slots were written with both keys: the database
    # still has the old key. Any sign-in finishes the re-key.
    directory, _ = three
    kept_slots = directory.slots_path.read_bytes()
    manager = directory.unlock(*MANAGER)
    old_key = manager.key
    manager.disable_account(_id(manager, TELLER[0]), complete=False)
    manager.close()
    assert KeySlotFile.load(directory.slots_path).rekey_pending
    second = directory.unlock(*SECOND)
    assert second.key != old_key
    second.close()
    assert not KeySlotFile.load(directory.slots_path).rekey_pending
    directory.slots_path.write_bytes(kept_slots)
    with pytest.raises(StoreCorrupt):
        directory.unlock(*TELLER)


def test_a_rekey_interrupted_after_the_database_changed_is_committed_at_the_next_sign_in(
    three: tuple[BranchDirectory, RecoveryKey],
) -> None:
    directory, recovery = three
    manager = directory.unlock(*MANAGER)
    old_key = manager.key
    manager.rekey(complete=False)
    manager.rekey_job()()  # the database has the new key; the slots still hold both
    manager.db.close()  # the crash: nothing else runs (the old connection cannot read any more)
    manager._key = None
    assert KeySlotFile.load(directory.slots_path).rekey_pending
    recovered = directory.recover(str(recovery), MANAGER[0], "manager-pass-2")
    assert recovered.key != old_key
    recovered.close()
    assert not KeySlotFile.load(directory.slots_path).rekey_pending
    directory.unlock(*TELLER).close()


def test_a_failed_job_leaves_the_old_key_and_the_next_rekey_finishes_it(
    three: tuple[BranchDirectory, RecoveryKey],
) -> None:
    directory, _ = three
    manager = directory.unlock(*MANAGER)
    old_key = manager.key
    manager.rekey(complete=False)
    manager.finish_rekey()  # without the job: the database kept its key
    assert manager.key == old_key
    submit_one(manager, seed=2)  # still usable
    manager.rekey()  # finishes the begun one, then makes another
    assert manager.key != old_key
    manager.close()
    for username, password in (MANAGER, TELLER, SECOND):
        directory.unlock(username, password).close()


def test_slots_of_the_first_format_cannot_take_the_new_key(tmp_path: Path) -> None:
    # A store upgraded from before issue 15: the teller has not signed in since, so her slot
    # (and the recovery slot) still hold the database key under her password. A re-key
    # drops her slot (a manager gives her a new password) and makes a new recovery key.
    copy = tmp_path / "store-v5"
    shutil.copytree(DATA / "store-v5", copy)
    directory = BranchDirectory.claim(copy, kdf=FAST_KDF)
    try:
        manager = directory.unlock("manager", "fixture-pass-1")
        outcome = manager.rekey()
        assert outcome.needs_password == ("teller",)
        assert outcome.recovery_key is not None
        teller_id = _id(manager, "teller")
        manager.close()
        with pytest.raises(WrongPassword):
            directory.unlock("teller", "fixture-pass-1")
        recovered = directory.recover(str(outcome.recovery_key), "manager", "manager-pass-3")
        recovered.reset_password(teller_id, "teller-pass-3")
        recovered.close()
        teller = directory.unlock("teller", "teller-pass-3")
        assert teller.account.role is Role.TELLER
        teller.close()
        slots = KeySlotFile.load(directory.slots_path)
        assert not any(s.is_legacy for s in slots.slots.values())
    finally:
        directory.release()


def test_further_connections_use_the_new_key(three: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = three
    manager = directory.unlock(*MANAGER)
    old_key = manager.key
    manager.rekey()
    with pytest.raises(StoreCorrupt):
        directory.open_with_key(old_key)
    other = directory.open_with_key(manager.key)
    assert other.execute("SELECT count(*) FROM accounts").fetchone()[0] == 3
    other.close()
    manager.close()
