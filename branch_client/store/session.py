"""A signed-in account's view of the unlocked store, and what that account may do.

Account changes touch two places: rows in the encrypted database and the key slots in
`keyslots.json`. `_changing_slots` keeps them together: the slot file is written last,
inside the database transaction, and if anything fails — the write, or the COMMIT — the
previous slots are put back, on disk as well as in memory. If even that fails (a crash
at the wrong instant), what remains is safe: a slot without an account, pruned at the
next sign-in; or an account without a slot, which a manager fixes with a new password.

A manager's session holds the manager key (`roles`): every account row it changes and
the policies it saves are signed with it. Disabling an account, and *Re-key the store*,
make a new manager key and a new database key (`rekey`), sealed to every remaining slot.
"""

from __future__ import annotations

import contextlib
import copy
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from branch_client.store import (
    accounts,
    audit,
    drafts,
    home_area,
    indicator_facts,
    news,
    records,
    registrations,
    rekey,
    review,
    roles,
    search,
    signatures,
    states,
    sync_history,
)
from branch_client.store import policy as branch_policy
from branch_client.store.accounts import Account, Role
from branch_client.store.audit import AuditEntry, ChainReport
from branch_client.store.database import connect, translate_errors
from branch_client.store.drafts import Draft
from branch_client.store.errors import (
    AccountDisabled,
    KnownError,
    PermissionDenied,
    UsernameTaken,
    WrongPassword,
)
from branch_client.store.indicator_facts import DateRange, Facts
from branch_client.store.keys import KdfParams, RecoveryKey, RoleKey, SlotDoesNotOpen, new_database_key
from branch_client.store.records import CorrectionSource, ReceiptRecord
from branch_client.store.registrations import DuplicateMatch, NewRegistration
from branch_client.store.rekey import RekeyOutcome
from branch_client.store.search import ListFilter, ListRow, RecordDetail
from branch_client.store.slots import RECOVERY_SLOT_ID, BranchInfo, KeySlot, KeySlotFile, password_slot, recovery_slot
from sync.ids import uuid7_str

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


class Session:
    """The store, unlocked, as one signed-in account. Closing it forgets the key."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        key: bytes,
        slots: KeySlotFile,
        account: Account,
        *,
        kdf: Callable[[], KdfParams],
        clock: Clock,
        db_path: Path | None = None,
        role_key: RoleKey | None = None,
    ) -> None:
        self.db = db
        self.db_path = db_path  # for further connections of the same store (the sync worker)
        self._key: bytes | None = key
        self._slots = slots
        self.account = account
        self._kdf = kdf
        self._clock = clock
        self._role_key = role_key  # the manager key (managers only)
        self._next_key: bytes | None = None  # a re-key's new database key, until it is committed

    @property
    def branch(self) -> BranchInfo:
        """The branch this session belongs to."""
        return BranchInfo(self._slots.branch_code, self._slots.branch_name)

    @property
    def is_open(self) -> bool:
        """False once the session was closed (locked or signed out): its database is gone."""
        return self._key is not None

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

    def submit_registration(self, registration: NewRegistration) -> str:
        """Write the registration + outbox entry + search terms + audit entry, and drop its
        draft, in one durable transaction. Returns the reference number it was given."""
        with translate_errors():
            return registrations.submit(
                self.db, registration, actor_id=self.account.id, branch_code=self._slots.branch_code, now=self._clock()
            )

    def find_duplicates(self, answers: Mapping[str, Any], *, exclude: Iterable[str] = ()) -> list[DuplicateMatch]:
        """Registrations of this branch that look like `answers` (see `registrations.find_duplicates`)."""
        with translate_errors():
            return registrations.find_duplicates(self.db, answers, exclude=exclude)

    @property
    def policy(self) -> branch_policy.Policy:
        """The branch's policies (review before sync, warning thresholds)."""
        with translate_errors():
            return branch_policy.load(self.db)

    def set_policy(self, value: branch_policy.Policy) -> None:
        """A manager changes the branch's policies, signed with the manager key; audited."""
        self._require_manager()
        with translate_errors():
            branch_policy.save(self.db, value, actor_id=self.account.id, role_key=self._manager_key())

    # --- reading registrations (see `search`, `records`) ------------------------------

    def registrations_page(self, where: ListFilter, *, before: str | None = None, limit: int) -> list[ListRow]:
        """Up to `limit` registrations matching `where`, newest first, after record `before`."""
        with translate_errors():
            return search.page(self.db.conn, where, before=before, limit=limit)

    def record_detail(self, record_id: str) -> RecordDetail | None:
        """Everything about one registration, or None when it is not in this store."""
        with translate_errors():
            return search.detail(self.db, record_id)

    def home_area(self) -> tuple[str, str | None] | None:
        """(province, district or None) a new registration starts with: the branch's own,
        from its latest registrations or else its code (see `home_area`); None if unknown."""
        with translate_errors():
            return home_area.home_area(self.db, self._slots.branch_code)

    def references(self, record_ids: Iterable[str]) -> dict[str, str]:
        """The reference of each registration in `record_ids` that is in the store."""
        with translate_errors():
            return records.references(self.db, record_ids)

    def correction_source(self, record_id: str) -> CorrectionSource | None:
        """The registration a correction of `record_id` starts from, with the centre's notes."""
        with translate_errors():
            return records.correction_source(self.db, record_id)

    def versions(self, record_id: str) -> list[str]:
        """Every version of registration `record_id` (the record ids of its correction chain)."""
        with translate_errors():
            return registrations.chain(self.db, record_id)

    def receipt_record(self, record_id: str) -> ReceiptRecord | None:
        """Registration `record_id` as its receipt prints it, or None."""
        with translate_errors():
            return records.receipt_record(self.db, record_id)

    def mark_receipt_printed(self, record_id: str) -> None:
        """Note that the receipt was printed or saved; audited (reprints too)."""
        with translate_errors():
            records.mark_receipt_printed(self.db, record_id, actor_id=self.account.id, now=self._clock().isoformat())

    def save_draft(self, draft: Draft) -> str:
        """Write a draft on this session's own connection (the page's fallback when no
        draft saver thread can open a second one); returns the time saved."""
        with translate_errors():
            return drafts.save(self.db.conn, draft)

    # --- the audit log and the sync history (read-only views) -----------------------

    def audit_page(
        self,
        *,
        before_seq: int | None = None,
        actor: str | None = None,
        action: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 200,
    ) -> list[AuditEntry]:
        """One page of the audit log, newest first (see `audit.page`)."""
        with translate_errors():
            return audit.page(
                self.db, before_seq=before_seq, actor=actor, action=action, since=since, until=until, limit=limit
            )

    def audit_entry(self, seq: int) -> AuditEntry | None:
        """Audit entry number `seq`, or None."""
        with translate_errors():
            return audit.entry(self.db, seq)

    def audit_actions(self) -> list[str]:
        """Every action code the audit log holds."""
        with translate_errors():
            return audit.actions_used(self.db)

    def audit_chain_check(self) -> Callable[[], ChainReport]:
        """A check of the whole audit chain to run on another thread: it opens a connection
        of its own (SQLite connections stay in their thread) and raises `KnownError`s."""
        db_path, key = self.db_path, self.key
        if db_path is None:  # an in-memory session (tests): only this thread may read it
            db = self.db
            return lambda: _verify_chain(db)

        def check() -> ChainReport:
            with translate_errors():
                db = connect(db_path, key)
            try:
                return _verify_chain(db)
            finally:
                db.close()

        return check

    def record_event(self, action: str, details: dict[str, str] | None = None) -> None:
        """Audit something this account did that changed no row (an export, a report)."""
        with translate_errors():
            audit.append(self.db, actor=self.account.id, action=action, subject=None, details=details)

    def batches(self, *, before_sequence: int | None = None, limit: int = 200) -> list[sync_history.BatchRow]:
        """One page of the sync batch history, newest first."""
        with translate_errors():
            return sync_history.batches(self.db, before_sequence=before_sequence, limit=limit)

    def batches_version(self) -> tuple[int, int, int]:
        """Changes to the batch history: equal means unchanged since the last look."""
        with translate_errors():
            return sync_history.batches_version(self.db)

    def batch_records(self, batch_id: str) -> list[sync_history.BatchRecord]:
        """The records of one batch with the centre's answer to each."""
        with translate_errors():
            return sync_history.batch_records(self.db, batch_id)

    def indicator_facts(self) -> Facts:
        """What the indicators count, read from the store grouped by day and sex."""
        with translate_errors():
            return indicator_facts.read_facts(self.db)

    def registered_answers(self, date_range: DateRange) -> Iterator[tuple[str, str, str]]:
        """(reference, submitted at, answers JSON) of each counted registration in the range,
        read lazily in submission order: the rows of the register export."""
        return indicator_facts.registered_answers(self.db, date_range)

    def data_version(self) -> tuple[int, int]:
        """Changes to the store by anyone: equal means nothing changed since the last look."""
        with translate_errors():
            return indicator_facts.data_version(self.db)

    # --- counts and news (see `states`, `news`) ---------------------------------------

    def state_counts(self, which: Iterable[str] = states.STATES, *, own: bool = False) -> dict[str, int]:
        """How many registrations are in each state: the one source of every count a page
        shows. `own`: a teller's own records (a manager's counts are the branch's)."""
        with translate_errors():
            return states.counts(self.db.conn, which, captured_by=self._own() if own else None)

    def registrations_by_sex(self, first_day: str, last_day: str, *, own: bool = False) -> dict[str, int]:
        """Registrations counted on those Cambodian days (ISO), by owner's sex
        (`indicator_facts.counted_on`; `own` as in `state_counts`)."""
        with translate_errors():
            return indicator_facts.by_sex(self.db, first_day, last_day, captured_by=self._own() if own else None)

    def last_seen(self, page: str) -> str | None:
        """When this account last looked at `page` (`news.PAGES`), or None."""
        with translate_errors():
            return news.last_seen(self.db, self.account.id, page)

    def mark_seen(self, page: str) -> str:
        """Note that this account looks at `page` now; returns the time noted."""
        at = self._clock().astimezone(UTC).isoformat(timespec="milliseconds")
        with translate_errors():
            news.mark_seen(self.db, self.account.id, page, at)
        return at

    def news_count(self, page: str) -> int | None:
        """How much is new on `page` (`news.PAGES`) since this account last looked at it
        (`news.news_count`); None when it never has (what came before is not news then)."""
        with translate_errors():
            since = news.last_seen(self.db, self.account.id, page)
            if since is None:
                return None
            return news.news_count(news.received_since(self.db, since, captured_by=self._own()), page)

    def received_since(self, since: str | None) -> dict[str, int]:
        """The centre's words stored after `since`, by status (a teller's own records)."""
        with translate_errors():
            return news.received_since(self.db, since, captured_by=self._own())

    # --- rejections and review (see `review`) ----------------------------------------

    def rejections(self, *, include_withdrawn: bool = False) -> list[review.SentBack]:
        """Records the centre rejected or sent back: every one for a manager, a teller's own otherwise."""
        with translate_errors():
            return review.sent_back(self.db, include_withdrawn=include_withdrawn, captured_by=self._own())

    def pending_review(self) -> list[review.UnderReview]:
        """Registrations waiting for a manager's review (a teller sees their own)."""
        with translate_errors():
            return review.under_review(self.db, "pending", captured_by=self._own())

    def returned_registrations(self) -> list[review.UnderReview]:
        """Registrations a manager returned to their teller (a teller sees their own)."""
        with translate_errors():
            return review.under_review(self.db, "returned", captured_by=self._own())

    def approve(self, record_ids: str | Iterable[str]) -> int:
        """A manager approves registrations held for review: into the outbox, in one transaction."""
        self._require_manager()
        with translate_errors():
            return review.approve(self.db, record_ids, actor_id=self.account.id, now=self._clock())

    def return_to_teller(self, record_ids: str | Iterable[str], reason: str) -> int:
        """A manager sends registrations held for review back to their tellers, with a reason."""
        self._require_manager()
        with translate_errors():
            return review.return_to_teller(self.db, record_ids, reason, actor_id=self.account.id, now=self._clock())

    def withdraw(self, record_id: str, reason: str) -> None:
        """A manager withdraws a record sent back, held or returned, with a reason; audited."""
        self._require_manager()
        with translate_errors():
            review.withdraw(self.db, record_id, reason, actor_id=self.account.id, now=self._clock())

    def _own(self) -> str | None:
        return None if self.account.is_manager else self.account.id

    # --- drafts ---------------------------------------------------------------------

    def drafts(self, *, everyone: bool = False) -> list[Draft]:
        """This account's drafts, newest change first (every account's for a manager asking)."""
        with translate_errors():
            return drafts.list_for(self.db, None if everyone and self.account.is_manager else self.account.id)

    def draft(self, draft_id: str) -> Draft | None:
        """One draft, or None when it is gone (submitted or discarded)."""
        with translate_errors():
            return drafts.get(self.db, draft_id)

    def discard_draft(self, draft_id: str) -> bool:
        """Delete a draft the teller confirmed to throw away; audited."""
        with translate_errors():
            return drafts.discard(self.db, draft_id, actor_id=self.account.id)

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
        if accounts.username_exists(self.db, name):
            raise UsernameTaken("username already in use")
        account_id, now = uuid7_str(), self._clock().isoformat()
        slot = self._password_slot(account_id, name, password, manager=role is Role.MANAGER)
        with self._changing_slots() as slots:
            accounts.insert(
                self.db, account_id=account_id, username=name, role=role, created_by=self.account.id, now=now
            )
            signatures.sign_account(self.db, self._manager_key(), account_id)
            self._audit("account_created", account_id, {"role": role.value})
            for stale in [i for i, s in slots.items() if s.username == name]:  # a crash's leftover
                del slots[stale]
            slots[account_id] = slot
        created = accounts.get(self.db, account_id)
        assert created is not None
        return created

    def disable_account(self, account_id: str, *, complete: bool = True) -> RekeyOutcome:
        """Disable an account, delete its key slot and re-key the store: a copy of the key
        slots it kept opens nothing afterwards. A row that does not verify may be disabled
        too; it becomes a teller's (what a forged row claims is not kept).

        With `complete=False` the database file keeps its key until `rekey_job()` and
        `finish_rekey()` run (the Accounts page runs the job on another thread); the slots
        already hold the new key, so a crash before that is finished at the next sign-in.
        """
        target = self._target(account_id, verified=False)
        if target.id == self.account.id:  # so the branch always keeps an active manager
            raise PermissionDenied("a manager cannot disable their own account")
        self._finish_pending_rekey()
        with self._changing_slots() as slots:
            role_key = roles.replace_key(self.db, self.account.id, self._clock())
            if not target.verified:
                accounts.set_role(self.db, account_id, Role.TELLER)
            accounts.set_active(self.db, account_id, False)
            signatures.sign_account(self.db, role_key, account_id)
            self._audit("account_disabled", account_id)
            slots.pop(account_id, None)
            outcome, next_key = self._begin_rekey(role_key)
        self._go_on_rekeying(role_key, next_key, complete=complete)
        return outcome

    def rekey(self, *, complete: bool = True) -> RekeyOutcome:
        """A manager changes the database key and the manager key (Accounts → *Re-key the
        store*), sealing the new ones to every remaining slot; no password is asked. Slots
        of the first format cannot take the new key: their accounts need a new password
        (`RekeyOutcome.needs_password`), and such a recovery slot is replaced by a new
        recovery key (`RekeyOutcome.recovery_key`, to be shown once). `complete` as in
        `disable_account`."""
        self._require_manager()
        self._finish_pending_rekey()
        with self._changing_slots():
            role_key = roles.replace_key(self.db, self.account.id, self._clock())
            outcome, next_key = self._begin_rekey(role_key)
        self._go_on_rekeying(role_key, next_key, complete=complete)
        return outcome

    def rekey_job(self) -> Callable[[], None]:
        """The slow part of a re-key begun with `complete=False`: the database file takes the
        new key. To run on another thread (a connection of its own; `KnownError`s); then
        call `finish_rekey()` on this session's thread, whether it succeeded or not. The
        session must not be used in between."""
        db_path, key, next_key = self.db_path, self.key, self._next_key
        if next_key is None:
            return lambda: None
        if db_path is None:  # an in-memory session (tests): its own connection, this thread
            db = self.db
            return lambda: rekey.change_key_on(db, next_key)
        return lambda: rekey.change_key(db_path, key, next_key)

    def finish_rekey(self) -> None:
        """After `rekey_job()`: go on with the key the database has, and if it is the new
        one, keep only the new key in the slots. If the job failed, the re-key stays begun
        (the slots hold both keys; the next re-key or sign-in finishes it)."""
        if self._next_key is None:
            return
        key, next_key = self.key, self._next_key
        if self.db_path is not None:
            self.db.close()
            try:
                # The re-key has just read every page: no quick_check again (seconds on a large store).
                self.db, key = connect(self.db_path, next_key, check=False), next_key
            except KnownError:
                self.db = connect(self.db_path, key)  # the job did not get through: the old key
        else:
            key = next_key
        if key != next_key:
            return
        self._key, self._next_key = next_key, None
        self._slots.commit_rekey()
        self._slots.save()
        log.info("re-key committed")

    def _complete_rekey(self) -> None:
        """Run the begun re-key's job here and finish it (the session goes on either way)."""
        try:
            self.rekey_job()()
        finally:
            self.finish_rekey()

    def _finish_pending_rekey(self) -> None:
        """Finish a re-key whose job failed before a new one begins (same thread)."""
        if self._next_key is not None:
            job = self.rekey_job()
            with contextlib.suppress(KnownError):
                job()
            self.finish_rekey()

    def _begin_rekey(self, role_key: RoleKey) -> tuple[RekeyOutcome, bytes]:
        """Inside `_changing_slots`: the new manager key `role_key` sealed to the managers'
        slots, and a new database key beside the current one in every slot that can take
        it (see `KeySlotFile.begin_rekey`); audited. Returns the outcome and the new key."""
        next_key = new_database_key()
        slots = self._slots
        roles.share(slots, self.db, role_key)
        dropped = slots.begin_rekey(next_key)
        needs_password = tuple(a.username for a in accounts.list_all(self.db) if a.id in dropped and a.active)
        recovery = None
        if slots.recovery_slot.is_legacy:
            recovery = RecoveryKey.generate()
            slots.slots[RECOVERY_SLOT_ID] = recovery_slot(slots.store_id, recovery, self.key, next_key=next_key)
            self._audit("recovery_key_replaced", RECOVERY_SLOT_ID)
        self._audit("store_rekeyed", None)
        return RekeyOutcome(needs_password, recovery), next_key

    def _go_on_rekeying(self, role_key: RoleKey, next_key: bytes, *, complete: bool) -> None:
        """Once `_changing_slots` has committed a begun re-key (never before: a failed commit
        leaves the old keys): the session holds the new keys, and `complete` runs the job here."""
        self._role_key, self._next_key = role_key, next_key
        if complete:
            self._complete_rekey()

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
        """Any account changes its own password, proving the current one first.

        Wrong guesses count like failed sign-ins, so an unattended session cannot be used
        to guess the password at leisure.
        """
        slot = self._slots.slots.get(self.account.id)
        if slot is None or slot.kdf is None:
            raise WrongPassword("no slot for this account")
        now = self._clock()
        slot.raise_if_locked(now)
        try:
            slot.open_with_password(current_password, self._slots.store_id)
        except SlotDoesNotOpen:
            slot.record_failure(now)
            self._slots.save()
            slot.raise_if_locked(now)
            raise WrongPassword("current password is wrong") from None
        self._set_password(self.account, new_password, action="password_changed", activate=False)

    def verify_password(self, password: str) -> bool:
        """Whether `password` opens this account's key slot: a manager proves it is still
        them before exporting personal data. A wrong one counts like a failed sign-in
        (five lock the account: `AccountLocked`), so an unattended session cannot be used
        to guess it."""
        slot = self._slots.slots.get(self.account.id)
        if slot is None or slot.kdf is None:
            return False
        now = self._clock()
        slot.raise_if_locked(now)
        try:
            slot.open_with_password(password, self._slots.store_id)
        except SlotDoesNotOpen:
            slot.record_failure(now)
            self._slots.save()
            slot.raise_if_locked(now)
            return False
        if slot.failed_count:
            slot.record_success()
            self._slots.save()
        return True

    def unlock_account(self, account_id: str) -> None:
        """Clear an account's failed-login lock before the five minutes are up."""
        target = self._target(account_id)
        if target.id not in self._slots.slots:
            return
        with self._changing_slots() as slots:
            self._audit("account_unlocked", target.id)
            slots[target.id].record_success()

    def replace_recovery_key(self) -> RecoveryKey:
        """A manager makes a new recovery key; the old one stops working at once."""
        self._require_manager()
        recovery = RecoveryKey.generate()
        slot = recovery_slot(self._slots.store_id, recovery, self.key, next_key=self._next_key)
        with self._changing_slots() as slots:
            self._audit("recovery_key_replaced", RECOVERY_SLOT_ID)
            slots[RECOVERY_SLOT_ID] = slot
        return recovery

    def _set_password(self, target: Account, new_password: str, *, action: str, activate: bool) -> None:
        accounts.check_password(new_password, username=target.username)
        slot = self._password_slot(target.id, target.username, new_password, manager=target.is_manager)
        with self._changing_slots() as slots:
            if activate:
                accounts.set_active(self.db, target.id, True)
                signatures.sign_account(self.db, self._manager_key(), target.id)
            accounts.touch_password(self.db, target.id, self._clock().isoformat())
            self._audit(action, target.id)
            slots[target.id] = slot
        if target.id == self.account.id:
            refreshed = accounts.get(self.db, target.id)
            assert refreshed is not None
            self.account = refreshed

    @contextlib.contextmanager
    def _changing_slots(self) -> Iterator[dict[str, KeySlot]]:
        """Change database rows and key slots as one (see the module docstring)."""
        before = copy.deepcopy(self._slots.slots)
        try:
            with translate_errors(), self.db.atomic():
                yield self._slots.slots
                self._slots.save()
        except BaseException:
            self._slots.slots = before
            try:
                self._slots.save()
            except KnownError as exc:
                log.error("key slots could not be put back after a failed change: %s", exc.code)
            raise

    def _target(self, account_id: str, *, verified: bool = True) -> Account:
        """The account a manager acts on; `AccountNotVerified` if its row does not verify
        (only disabling such a row is allowed: `verified=False`)."""
        self._require_manager()
        target = accounts.get(self.db, account_id)
        if target is None:
            raise LookupError(f"no account {account_id}")
        if verified and not target.verified:
            raise roles.AccountNotVerified("the account row does not verify")
        return target

    def _manager_key(self) -> RoleKey:
        if self._role_key is None:  # only managers' sessions have one (`roles.key_for_sign_in`)
            raise PermissionDenied("this session holds no manager key")
        return self._role_key

    def _password_slot(self, account_id: str, username: str, password: str, *, manager: bool) -> KeySlot:
        """A new slot for an account: the manager key sealed in it for a manager, and a
        begun re-key's next key beside the current one."""
        seed = self._manager_key().seed if manager else None
        return password_slot(
            self._slots.store_id,
            account_id,
            username,
            password,
            self.key,
            self._kdf(),
            role_seed=seed,
            next_key=self._next_key,
        )

    def _require_manager(self) -> None:
        if not self.account.is_manager:
            raise PermissionDenied("only a manager may manage accounts")

    def _audit(self, action: str, subject: str | None, details: dict[str, str] | None = None) -> None:
        audit.append(self.db, actor=self.account.id, action=action, subject=subject, details=details)


def _verify_chain(db: sqlite_utils.Database) -> ChainReport:
    with translate_errors():
        return audit.verify_chain(db)
