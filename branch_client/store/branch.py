"""A branch's data directory: set it up, unlock it, and sign in to it.

`BranchDirectory` is the one obvious object of the store: claiming it takes the
single-process lock; from it a branch is created (store, first manager, recovery key)
or unlocked (by password or recovery key) into a `Session`.

Set-up is atomic: the database and the key slots are made under `.setup` names and moved
into place, `keyslots.json` last. Its arrival is the commit point; a crash before it
leaves only `.setup` leftovers (removed at the next claim, and set-up starts again), a
crash between the two moves is rolled forward at the next claim.

Unlocking tries the database key a slot holds, then a re-key's next one, and finishes a
re-key that a crash interrupted (`rekey`). The account's row must then verify against
the manager key (`roles`); a slot of the first format is rewritten in the new one.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import unicodedata
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from branch_client.store import accounts, audit
from branch_client.store.accounts import Role
from branch_client.store.errors import (
    InvalidBranchDetails,
    InvalidRecoveryKey,
    StoreCorrupt,
    StoreExists,
    StoreMissing,
    WrongPassword,
)
from branch_client.store.files import ensure_writable_directory, fsync_directory, known_os_error, open_private
from branch_client.store.keys import (
    KdfParams,
    RecoveryKey,
    RoleKey,
    SlotDoesNotOpen,
    calibrate_kdf,
    new_database_key,
    spend_like_an_unlock,
)
from branch_client.store.lock import StoreLock
from branch_client.store.slots import (
    RECOVERY_SLOT_ID,
    BranchInfo,
    KeySlot,
    KeySlotFile,
    OpenedSlot,
    password_slot,
    recovery_slot,
    utc_now,
)

if TYPE_CHECKING:
    import sqlite_utils

    from branch_client.store.session import Session

log = logging.getLogger(__name__)

DB_FILENAME = "branch.db"
SLOTS_FILENAME = "keyslots.json"
LOCK_FILENAME = "branch.lock"
SETUP_SUFFIX = ".setup"
BRANCH_CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,15}$")

Clock = Callable[[], datetime]


def check_branch_details(code: str, name: str) -> tuple[str, str]:
    """The normalised (code, name), or `InvalidBranchDetails`."""
    clean_code = code.strip().upper()
    clean_name = " ".join(unicodedata.normalize("NFC", name).split())
    if not BRANCH_CODE_PATTERN.fullmatch(clean_code) or not 1 <= len(clean_name) <= 100:
        raise InvalidBranchDetails("branch code must be 2-16 of A-Z, 0-9, dash; name 1-100 characters")
    return clean_code, clean_name


class BranchDirectory:
    """The data directory of one branch, claimed by this process."""

    def __init__(self, data_dir: Path, *, clock: Clock = utc_now, kdf: KdfParams | None = None) -> None:
        self.data_dir = data_dir
        self.db_path = data_dir / DB_FILENAME
        self.slots_path = data_dir / SLOTS_FILENAME
        self._setup_db = data_dir / (DB_FILENAME + SETUP_SUFFIX)
        self._setup_slots = data_dir / (SLOTS_FILENAME + SETUP_SUFFIX)
        self._lock = StoreLock(data_dir / LOCK_FILENAME)
        self._clock = clock
        self._kdf = kdf

    @classmethod
    def claim(cls, data_dir: Path, *, clock: Clock = utc_now, kdf: KdfParams | None = None) -> BranchDirectory:
        """Make sure the directory is usable and lock it (`StoreInUse` if another app has it).

        Also finishes or clears a set-up that a crash interrupted.
        """
        ensure_writable_directory(data_dir)
        directory = cls(data_dir, clock=clock, kdf=kdf)
        directory._lock.acquire()
        try:
            directory._settle_interrupted_setup()
        except BaseException:
            directory.release()
            raise
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
        from sync.ids import uuid7_str

        store_id, manager_id = uuid7_str(), uuid7_str()
        key = new_database_key()
        recovery = RecoveryKey.generate()
        role_key = RoleKey.generate()
        slots = KeySlotFile(self._setup_slots, store_id, code, name, now.isoformat(), {})
        slots.slots[manager_id] = password_slot(
            store_id, manager_id, username, manager_password, key, kdf, role_seed=role_key.seed
        )
        slots.slots[RECOVERY_SLOT_ID] = recovery_slot(store_id, recovery, key)

        self._remove_setup_leftovers()
        moved_db = False
        try:
            self._build_setup_database(key, role_key, store_id, code, name, manager_id, username, now)
            slots.save()
            os.replace(self._setup_db, self.db_path)
            moved_db = True
            fsync_directory(self.data_dir)
            os.replace(self._setup_slots, self.slots_path)  # the commit point
            fsync_directory(self.data_dir)
        except OSError as exc:
            self._undo_setup(moved_db)
            raise known_os_error(exc) from exc
        except BaseException:
            self._undo_setup(moved_db)
            raise
        slots.path = self.slots_path
        log.info("branch store created (store %s)", store_id)
        opened = OpenedSlot((key,), role_key.seed)
        return self._open_session(opened, slots, manager_id, action="login"), recovery

    def _build_setup_database(
        self,
        key: bytes,
        role_key: RoleKey,
        store_id: str,
        code: str,
        name: str,
        manager_id: str,
        username: str,
        now: datetime,
    ) -> None:
        from branch_client.store import roles, schema
        from branch_client.store.database import connect, translate_errors

        # Made empty and owner-only before SQLite opens it: only this user may read it, from the
        # first byte (SQLite gives -wal/-shm the same mode).
        open_private(self._setup_db, exclusive=True).close()
        db = connect(self._setup_db, key, create=True)
        try:
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
                    roles.sign_new_store(db, role_key, now)
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # all in the main file before it moves
        finally:
            db.close()

    def _undo_setup(self, moved_db: bool) -> None:
        if moved_db and not self.slots_path.exists():
            self.db_path.unlink(missing_ok=True)  # ours, seconds old, and unreadable without its slots
        self._remove_setup_leftovers()

    def _setup_files(self) -> list[Path]:
        return [self._setup_slots, *_with_wal(self._setup_db)]

    def _remove_setup_leftovers(self) -> None:
        for path in self._setup_files():
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)

    def _settle_interrupted_setup(self) -> None:
        """Roll a set-up forward if only its last move was missed, otherwise clear its leftovers."""
        if self._setup_slots.exists() and self.db_path.exists() and not self.slots_path.exists():
            try:
                os.replace(self._setup_slots, self.slots_path)
                fsync_directory(self.data_dir)
            except OSError as exc:
                raise known_os_error(exc) from exc
            log.info("finished a set-up that was interrupted")
        self._remove_setup_leftovers()

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
            spend_like_an_unlock(slots.strongest_kdf() or KdfParams())  # unknown names cost the same time
            raise WrongPassword("no such account")
        slot.raise_if_locked(now)
        try:
            opened = slot.open_with_password(password, slots.store_id)
        except SlotDoesNotOpen:
            slot.record_failure(now)
            slots.save()
            log.info("failed login for account %s (%d in a row)", slot.slot_id, slot.failed_count)
            slot.raise_if_locked(now)
            raise WrongPassword("password does not open the slot") from None
        converted = None
        if slot.is_legacy:  # a slot of the first format, rewritten now that its password is known
            converted = password_slot(
                slots.store_id, slot.slot_id, slot.username or "", password, opened.keys[0], slot.kdf
            )
        return self._open_session(opened, slots, slot.slot_id, action="login", converted=converted)

    def recover(self, recovery_text: str, username: str, new_password: str) -> Session:
        """Use the recovery key to set a new password for a manager and sign them in."""
        recovery = RecoveryKey.parse(recovery_text)
        name = accounts.normalise_username(username)
        accounts.check_password(new_password, username=name)
        slots = self._load_slots()
        slot = slots.recovery_slot
        now = self._clock()
        slot.raise_if_locked(now)
        try:
            opened = slot.open_with_recovery(recovery, slots.store_id)
        except SlotDoesNotOpen:
            slot.record_failure(now)
            slots.save()
            slot.raise_if_locked(now)
            raise InvalidRecoveryKey("recovery key does not open this store") from None
        slot.record_success()
        from branch_client.store import roles, signatures
        from branch_client.store.database import translate_errors

        db, key = self._open_current(opened.keys, slots)
        try:
            target = next((a for a in accounts.list_all(db) if a.username == name and a.is_manager), None)
            if target is None:
                raise WrongPassword("no manager account with that username")
            roles.refuse_recovery(db, slots, target, now=now)
            # The recovery slot holds no manager key: recovering makes a new one, which signs
            # only what the current one verifies (the target's row included).
            signed = signatures.public_key(db) is not None
            role_key = RoleKey.generate()
            new_slot = password_slot(
                slots.store_id, target.id, name, new_password, key, self._kdf_for(slots), role_seed=role_key.seed
            )
            with translate_errors(), db.atomic():
                if signed:
                    roles.rotate(db, role_key, now)
                    audit.append(db, actor=target.id, action="role_key_replaced", subject=None, at=now)
                else:
                    roles.sign_new_store(db, role_key, now)
                    audit.append(db, actor=target.id, action="roles_signed", subject=target.id, at=now)
                accounts.set_active(db, target.id, True)
                accounts.touch_password(db, target.id, now.isoformat())
                signatures.sign_account(db, role_key, target.id)
                audit.append(db, actor=target.id, action="recovery_key_used", subject=target.id, at=now)
                slots.slots[target.id] = new_slot
                if slot.is_legacy:  # rewritten in the new format, now that the recovery key is known
                    slots.slots[RECOVERY_SLOT_ID] = recovery_slot(slots.store_id, recovery, key)
                roles.share(slots, db, role_key)
                slots.save()
        finally:
            db.close()
        return self._open_session(OpenedSlot((key,), role_key.seed), slots, target.id, action="login")

    def open_with_key(self, key: bytes) -> sqlite_utils.Database:
        """A further connection to the store for a process or thread that holds the key."""
        return self._open_db(key)

    def _open_db(self, key: bytes) -> sqlite_utils.Database:
        if not self.db_path.exists():
            raise StoreMissing("database file is missing")
        from branch_client.store import schema
        from branch_client.store.database import connect, translate_errors

        db = connect(self.db_path, key)
        try:
            with translate_errors():
                applied = schema.upgrade(db)
        except BaseException:
            db.close()
            raise
        if applied:
            log.info("store upgraded: %s", ", ".join(applied))
        return db

    def _open_current(self, keys: tuple[bytes, ...], slots: KeySlotFile) -> tuple[sqlite_utils.Database, bytes]:
        """The store opened with whichever of `keys` it has, and the key; a re-key that a
        crash interrupted is finished first (see `rekey`)."""
        db, key = self._open_db_any(keys)
        if not slots.rekey_pending or len(keys) < 2:
            return db, key
        from branch_client.store import rekey
        from branch_client.store.database import translate_errors

        try:
            if key == keys[0]:  # the database did not take the next key yet
                log.info("finishing an interrupted re-key")
                rekey.change_key_on(db, keys[1])
                key = keys[1]
            with translate_errors():
                slots.commit_rekey()
                slots.save()
        except BaseException:
            db.close()
            raise
        return db, key

    def _open_db_any(self, keys: tuple[bytes, ...]) -> tuple[sqlite_utils.Database, bytes]:
        """The store opened with the first of `keys` that it takes (`StoreCorrupt` if none)."""
        failure: StoreCorrupt | None = None
        for key in keys:
            try:
                return self._open_db(key), key
            except StoreCorrupt as exc:  # a wrong key reads as a damaged file
                failure = failure or exc
        assert failure is not None
        raise failure

    def _open_session(
        self,
        opened: OpenedSlot,
        slots: KeySlotFile,
        account_id: str,
        *,
        action: str,
        converted: KeySlot | None = None,
    ) -> Session:
        from branch_client.store import roles
        from branch_client.store.database import translate_errors
        from branch_client.store.session import Session

        db, key = self._open_current(opened.keys, slots)
        try:
            account = accounts.get(db, account_id)
            if account is None:  # only a slot that a crash left behind; it is pruned below
                raise WrongPassword("slot without an account")
            now = self._clock()
            with translate_errors():
                roles.refuse_unless_allowed(db, slots, account, now=now)
            slots.slots[account_id].record_success()
            if converted is not None:
                converted.unaudited_failures = slots.slots[account_id].unaudited_failures
                slots.slots[account_id] = converted
            slots.prune({a.id for a in accounts.list_all(db)})
            failures = slots.take_unaudited_failures()
            with translate_errors(), db.atomic():
                role_key = roles.key_for_sign_in(db, account, role_seed=opened.role_seed, now=now)
                if role_key is not None:
                    roles.share(slots, db, role_key)
                roles.audit_unverified_policy(db, account_id, now)
                for slot_id, at in failures:
                    audit.append(
                        db, actor=slot_id, action="login_failed", subject=slot_id, at=datetime.fromisoformat(at)
                    )
                accounts.touch_login(db, account_id, now.isoformat())
                audit.append(db, actor=account_id, action=action, subject=account_id, at=now)
            slots.save()  # after the commit: at worst a failure is audited twice, never lost
            refreshed = accounts.get(db, account_id)
            assert refreshed is not None
        except BaseException:
            db.close()  # no half-open session is left behind
            raise
        log.info("account %s signed in (%s)", account_id, refreshed.role.value)
        return Session(
            db,
            key,
            slots,
            refreshed,
            kdf=lambda: self._kdf_for(slots),
            clock=self._clock,
            db_path=self.db_path,
            role_key=role_key,
        )

    def _load_slots(self) -> KeySlotFile:
        slots = KeySlotFile.load(self.slots_path)
        if not self.db_path.exists():
            raise StoreMissing("database file is missing")
        return slots

    def _kdf_for(self, slots: KeySlotFile) -> KdfParams:
        """New slots reuse the strongest parameters already in use, or calibrate."""
        return self._kdf or slots.strongest_kdf() or calibrate_kdf()


def _with_wal(db_path: Path) -> list[Path]:
    return [db_path, *(db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm"))]
