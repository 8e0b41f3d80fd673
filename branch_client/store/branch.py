"""A branch's data directory: set it up, unlock it, and work in it as one account.

`BranchDirectory` is the one obvious object of the store: claiming it takes the
single-process lock; from it a branch is created (store, first manager, recovery key)
or unlocked (by password or recovery key) into a `Session` that knows who is signed in
and what that account may do.
"""

from __future__ import annotations

import logging
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlite_utils

from branch_client.store import accounts, audit, registrations, schema
from branch_client.store.accounts import Account, Role
from branch_client.store.database import connect, translate_errors
from branch_client.store.errors import (
    AccountDisabled,
    AccountLocked,
    InvalidBranchDetails,
    InvalidRecoveryKey,
    PermissionDenied,
    StoreExists,
    StoreMissing,
    UsernameTaken,
    WrongPassword,
)
from branch_client.store.files import ensure_writable_directory
from branch_client.store.keys import (
    KdfParams,
    RecoveryKey,
    SlotDoesNotOpen,
    calibrate_kdf,
    new_database_key,
    unwrap_with_password,
    unwrap_with_recovery,
    wrap_with_password,
    wrap_with_recovery,
)
from branch_client.store.lock import StoreLock
from branch_client.store.registrations import NewRegistration
from branch_client.store.slots import (
    RECOVERY_SLOT_ID,
    KeySlot,
    KeySlotFile,
    slot_associated_data,
    utc_now,
)
from sync.ids import uuid7_str

log = logging.getLogger(__name__)

DB_FILENAME = "branch.db"
SLOTS_FILENAME = "keyslots.json"
LOCK_FILENAME = "branch.lock"

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class BranchInfo:
    """What the login screen may show before anyone is signed in."""

    code: str
    name: str


class BranchDirectory:
    """The data directory of one branch, claimed by this process."""

    def __init__(self, data_dir: Path, *, clock: Clock = utc_now, kdf: KdfParams | None = None) -> None:
        self.data_dir = data_dir
        self.db_path = data_dir / DB_FILENAME
        self.slots_path = data_dir / SLOTS_FILENAME
        self._lock = StoreLock(data_dir / LOCK_FILENAME)
        self._clock = clock
        self._kdf = kdf

    @classmethod
    def claim(cls, data_dir: Path, *, clock: Clock = utc_now, kdf: KdfParams | None = None) -> BranchDirectory:
        """Make sure the directory is usable and lock it (`StoreInUse` if another app has it)."""
        ensure_writable_directory(data_dir)
        directory = cls(data_dir, clock=clock, kdf=kdf)
        directory._lock.acquire()
        return directory

    def release(self) -> None:
        """Let another process open this store."""
        self._lock.release()

    @property
    def is_set_up(self) -> bool:
        """Whether a branch store exists here (even a damaged one)."""
        return self.slots_path.exists() or self.db_path.exists()

    def branch_info(self) -> BranchInfo:
        """The branch's code and name, read without unlocking anything."""
        slots = self._load_slots()
        return BranchInfo(slots.branch_code, slots.branch_name)

    # --- set-up ---------------------------------------------------------------------

    def create_branch(
        self, *, branch_code: str, branch_name: str, manager_username: str, manager_password: str
    ) -> tuple[Session, RecoveryKey]:
        """Create the encrypted store, the first manager and the recovery key.

        The recovery key is returned once and stored nowhere in clear: show it, print it.
        """
        if self.is_set_up:
            raise StoreExists("a branch store already exists in this directory")
        username = accounts.check_username(manager_username)
        accounts.check_password(manager_password, username=username)
        code, name = check_branch_details(branch_code, branch_name)
        kdf = self._kdf or calibrate_kdf()
        now = self._clock()
        store_id, manager_id = uuid7_str(), uuid7_str()
        key = new_database_key()
        recovery = RecoveryKey.generate()

        slots = KeySlotFile(self.slots_path, store_id, code, name, now.isoformat(), {})
        slots.slots[manager_id] = _password_slot(store_id, manager_id, username, manager_password, key, kdf)
        slots.slots[RECOVERY_SLOT_ID] = _recovery_slot(store_id, recovery, key)

        try:
            db = connect(self.db_path, key, create=True)
            if os.name == "posix":  # only this user may read the file (SQLite copies it to -wal/-shm)
                os.chmod(self.db_path, 0o600)
            with translate_errors():
                schema.upgrade(db)
                with db.atomic():
                    db.execute(
                        "INSERT INTO branch (id, store_id, code, name, created_at) VALUES (1, ?, ?, ?, ?)",
                        [store_id, code, name, now.isoformat()],
                    )
                    accounts.insert(
                        db,
                        account_id=manager_id,
                        username=username,
                        role=Role.MANAGER,
                        created_by=None,
                        now=now.isoformat(),
                    )
                    audit.append(db, actor=manager_id, action="branch_created", subject=store_id, at=now)
                    audit.append(
                        db,
                        actor=manager_id,
                        action="account_created",
                        subject=manager_id,
                        details={"role": Role.MANAGER.value},
                        at=now,
                    )
                    slots.save()  # inside the transaction: a failed write rolls the rows back
        except BaseException:
            self._remove_partial_store()
            raise
        log.info("branch store created (store %s)", store_id)
        account = accounts.get(db, manager_id)
        assert account is not None
        return Session(self, db, key, slots, account, clock=self._clock), recovery

    def _remove_partial_store(self) -> None:
        for path in (self.slots_path, self.db_path, *self._wal_files()):
            path.unlink(missing_ok=True)

    def _wal_files(self) -> list[Path]:
        return [self.db_path.with_name(self.db_path.name + suffix) for suffix in ("-wal", "-shm")]

    # --- unlocking ------------------------------------------------------------------

    def unlock(self, username: str, password: str) -> Session:
        """Sign in: unwrap the key with the account's slot and open the store.

        Five wrong passwords in a row lock the account for five minutes; the counter is
        kept in the slot file so a restart does not reset it.
        """
        slots = self._load_slots()
        slot = slots.slot_for_username(accounts.normalise_username(username))
        now = self._clock()
        if slot is None or slot.kdf is None:
            raise WrongPassword("no such account")
        if slot.is_locked(now):
            assert slot.locked_until is not None
            raise AccountLocked(slot.locked_until)
        try:
            key = unwrap_with_password(slot.wrapped, password, slot.kdf, slot.associated_data(slots.store_id))
        except SlotDoesNotOpen:
            slot.record_failure(now)
            slots.save()
            log.info("failed login for account %s (%d in a row)", slot.slot_id, slot.failed_count)
            if slot.is_locked(now):
                assert slot.locked_until is not None
                raise AccountLocked(slot.locked_until) from None
            raise WrongPassword("password does not open the slot") from None
        session = self._open_session(key, slots, slot.slot_id, action="login")
        return session

    def recover(self, recovery_text: str, username: str, new_password: str) -> Session:
        """Use the recovery key to set a new password for a manager and sign them in."""
        recovery = RecoveryKey.parse(recovery_text)
        slots = self._load_slots()
        recovery_slot = slots.recovery_slot
        now = self._clock()
        if recovery_slot.is_locked(now):
            assert recovery_slot.locked_until is not None
            raise AccountLocked(recovery_slot.locked_until)
        try:
            key = unwrap_with_recovery(recovery_slot.wrapped, recovery, recovery_slot.associated_data(slots.store_id))
        except SlotDoesNotOpen:
            recovery_slot.record_failure(now)
            slots.save()
            raise InvalidRecoveryKey("recovery key does not open this store") from None
        recovery_slot.record_success()
        db = self._open_db(key)
        name = accounts.normalise_username(username)
        row = db.execute("SELECT id FROM accounts WHERE username = ? AND role = 'manager'", [name]).fetchone()
        if row is None:
            db.close()
            raise WrongPassword("no manager account with that username")
        account_id = str(row[0])
        accounts.check_password(new_password, username=name)
        with translate_errors(), db.atomic():
            accounts.set_active(db, account_id, True)
            accounts.touch_password(db, account_id, now.isoformat())
            audit.append(db, actor=account_id, action="recovery_key_used", subject=account_id, at=now)
            slots.slots[account_id] = _password_slot(
                slots.store_id, account_id, name, new_password, key, self._kdf_for(slots)
            )
            slots.save()
        db.close()
        return self._open_session(key, slots, account_id, action="login")

    def _open_db(self, key: bytes) -> sqlite_utils.Database:
        if not self.db_path.exists():
            raise StoreMissing("database file is missing")
        db = connect(self.db_path, key)
        with translate_errors():
            applied = schema.upgrade(db)
        if applied:
            log.info("store upgraded: %s", ", ".join(applied))
        return db

    def _open_session(self, key: bytes, slots: KeySlotFile, account_id: str, *, action: str) -> Session:
        db = self._open_db(key)
        account = accounts.get(db, account_id)
        if account is None:  # a slot left by a crash between slot file and database
            db.close()
            slots.slots.pop(account_id, None)
            slots.save()
            raise WrongPassword("slot without an account")
        if not account.active:
            db.close()
            raise AccountDisabled("account is disabled")
        now = self._clock()
        slots.slots[account_id].record_success()
        failures = slots.take_unaudited_failures()
        try:
            with translate_errors(), db.atomic():
                for slot_id, at in failures:
                    audit.append(
                        db, actor=slot_id, action="login_failed", subject=slot_id, at=datetime.fromisoformat(at)
                    )
                accounts.touch_login(db, account_id, now.isoformat())
                audit.append(db, actor=account_id, action=action, subject=account_id, at=now)
            slots.save()  # after the commit: at worst a failure is audited twice, never lost
        except BaseException:
            db.close()  # e.g. disk full: no half-open session is left behind
            raise
        log.info("account %s signed in (%s)", account_id, account.role.value)
        refreshed = accounts.get(db, account_id)
        assert refreshed is not None
        return Session(self, db, key, slots, refreshed, clock=self._clock)

    def open_with_key(self, key: bytes) -> sqlite_utils.Database:
        """A further connection to the store for a process or thread that holds the key."""
        return self._open_db(key)

    def _load_slots(self) -> KeySlotFile:
        slots = KeySlotFile.load(self.slots_path)
        if not self.db_path.exists():
            raise StoreMissing("database file is missing")
        return slots

    def _kdf_for(self, slots: KeySlotFile) -> KdfParams:
        """New slots reuse the strongest parameters already in use, or calibrate."""
        existing = [s.kdf for s in slots.slots.values() if s.kdf is not None]
        if self._kdf is not None:
            return self._kdf
        if existing:
            return max(existing, key=lambda p: (p.memory_kib * p.iterations, p.lanes))
        return calibrate_kdf()


BRANCH_CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,15}$")


def check_branch_details(code: str, name: str) -> tuple[str, str]:
    """The normalised (code, name), or `InvalidBranchDetails`."""
    clean_code = code.strip().upper()
    clean_name = " ".join(unicodedata.normalize("NFC", name).split())
    if not BRANCH_CODE_PATTERN.fullmatch(clean_code) or not 1 <= len(clean_name) <= 100:
        raise InvalidBranchDetails("branch code must be 2-16 of A-Z, 0-9, dash; name 1-100 characters")
    return clean_code, clean_name


def _password_slot(store_id: str, account_id: str, username: str, password: str, key: bytes, kdf: KdfParams) -> KeySlot:
    aad = slot_associated_data(store_id, account_id, "password", username, kdf)
    wrapped = wrap_with_password(key, password, kdf, aad)
    return KeySlot(account_id, "password", username, kdf, wrapped)


def _recovery_slot(store_id: str, recovery: RecoveryKey, key: bytes) -> KeySlot:
    aad = slot_associated_data(store_id, RECOVERY_SLOT_ID, "recovery", None, None)
    wrapped = wrap_with_recovery(key, recovery, aad)
    return KeySlot(RECOVERY_SLOT_ID, "recovery", None, None, wrapped)


class Session:
    """The store, unlocked, as one signed-in account. Closing it forgets the key."""

    def __init__(
        self,
        directory: BranchDirectory,
        db: sqlite_utils.Database,
        key: bytes,
        slots: KeySlotFile,
        account: Account,
        *,
        clock: Clock,
    ) -> None:
        self.directory = directory
        self.db = db
        self._key: bytes | None = key
        self._slots = slots
        self.account = account
        self._clock = clock

    @property
    def branch(self) -> BranchInfo:
        """The branch this session belongs to."""
        return BranchInfo(self._slots.branch_code, self._slots.branch_name)

    @property
    def key(self) -> bytes:
        """The database key, for opening further connections (sync worker)."""
        if self._key is None:
            raise RuntimeError("session is closed")
        return self._key

    def close(self, *, reason: str = "logout") -> None:
        """Record the sign-out, close the database and drop the key (idempotent)."""
        if self._key is None:
            return
        try:
            with translate_errors():
                audit.append(self.db, actor=self.account.id, action=reason, subject=self.account.id)
        finally:
            self.db.close()
            self._key = None

    # --- registrations --------------------------------------------------------------

    def submit_registration(self, registration: NewRegistration) -> None:
        """Write the registration + outbox entry + audit entry in one durable transaction."""
        with translate_errors():
            registrations.submit(self.db, registration, actor_id=self.account.id)

    # --- accounts -------------------------------------------------------------------

    def accounts(self) -> list[Account]:
        """Every account of the branch."""
        return accounts.list_all(self.db)

    def failed_login_state(self, account_id: str) -> tuple[int, datetime | None]:
        """(failed attempts in a row, locked until) for an account, from its slot."""
        slot = self._slots.slots.get(account_id)
        return (0, None) if slot is None else (slot.failed_count, slot.locked_until)

    def create_account(self, username: str, password: str, role: Role = Role.TELLER) -> Account:
        """A manager adds an account with its own key slot."""
        self._require_manager()
        name = accounts.check_username(username)
        accounts.check_password(password, username=name)
        if accounts.username_exists(self.db, name) or self._slots.slot_for_username(name):
            raise UsernameTaken("username already in use")
        account_id, now = uuid7_str(), self._clock().isoformat()
        slot = _password_slot(self._slots.store_id, account_id, name, password, self.key, self._kdf())
        with translate_errors(), self.db.atomic():
            accounts.insert(
                self.db, account_id=account_id, username=name, role=role, created_by=self.account.id, now=now
            )
            self._audit("account_created", account_id, {"role": role.value})
            self._slots.slots[account_id] = slot
            self._save_slots_or_forget(account_id)
        created = accounts.get(self.db, account_id)
        assert created is not None
        return created

    def disable_account(self, account_id: str) -> None:
        """Disable an account and delete its key slot: it can no longer unwrap the key."""
        target = self._target(account_id)
        if target.id == self.account.id:  # so the branch always keeps an active manager
            raise PermissionDenied("a manager cannot disable their own account")
        removed = self._slots.slots.pop(account_id, None)
        try:
            with translate_errors(), self.db.atomic():
                accounts.set_active(self.db, account_id, False)
                self._audit("account_disabled", account_id)
                self._slots.save()
        except BaseException:
            if removed is not None:
                self._slots.slots[account_id] = removed
            raise

    def enable_account(self, account_id: str, new_password: str) -> None:
        """Re-enable an account; it needs a new password since its slot was deleted."""
        target = self._target(account_id)
        self._set_password(target, new_password, action="account_enabled", activate=True)

    def reset_password(self, account_id: str, new_password: str) -> None:
        """A manager sets a new password for an account (its slot is re-wrapped)."""
        target = self._target(account_id)
        if not target.active:
            raise AccountDisabled("enable the account to give it a password")
        self._set_password(target, new_password, action="password_reset", activate=False)

    def change_own_password(self, current_password: str, new_password: str) -> None:
        """Any account changes its own password, proving the current one first."""
        slot = self._slots.slots.get(self.account.id)
        if slot is None or slot.kdf is None:
            raise WrongPassword("no slot for this account")
        try:
            unwrap_with_password(slot.wrapped, current_password, slot.kdf, slot.associated_data(self._slots.store_id))
        except SlotDoesNotOpen:
            raise WrongPassword("current password is wrong") from None
        self._set_password(self.account, new_password, action="password_changed", activate=False)

    def unlock_account(self, account_id: str) -> None:
        """Clear an account's failed-login lock before the five minutes are up."""
        target = self._target(account_id)
        slot = self._slots.slots.get(target.id)
        if slot is None:
            return
        slot.record_success()
        with translate_errors(), self.db.atomic():
            self._audit("account_unlocked", target.id)
            self._slots.save()

    def _set_password(self, target: Account, new_password: str, *, action: str, activate: bool) -> None:
        accounts.check_password(new_password, username=target.username)
        slot = _password_slot(self._slots.store_id, target.id, target.username, new_password, self.key, self._kdf())
        previous = self._slots.slots.get(target.id)
        now = self._clock().isoformat()
        try:
            with translate_errors(), self.db.atomic():
                if activate:
                    accounts.set_active(self.db, target.id, True)
                accounts.touch_password(self.db, target.id, now)
                self._audit(action, target.id)
                self._slots.slots[target.id] = slot
                self._slots.save()
        except BaseException:
            if previous is None:
                self._slots.slots.pop(target.id, None)
            else:
                self._slots.slots[target.id] = previous
            raise
        if target.id == self.account.id:
            refreshed = accounts.get(self.db, target.id)
            assert refreshed is not None
            self.account = refreshed

    def _save_slots_or_forget(self, account_id: str) -> None:
        try:
            self._slots.save()
        except BaseException:
            self._slots.slots.pop(account_id, None)
            raise

    def _target(self, account_id: str) -> Account:
        self._require_manager()
        target = accounts.get(self.db, account_id)
        if target is None:
            raise LookupError(f"no account {account_id}")
        return target

    def _require_manager(self) -> None:
        if not self.account.is_manager:
            raise PermissionDenied("only a manager may manage accounts")

    def _audit(self, action: str, subject: str | None, details: dict[str, str] | None = None) -> None:
        audit.append(self.db, actor=self.account.id, action=action, subject=subject, details=details)

    def _kdf(self) -> KdfParams:
        return self.directory._kdf_for(self._slots)
