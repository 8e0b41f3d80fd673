"""Who holds the manager key, and when account rows and policies are (re-)signed.

- **Set-up** makes the manager key, signs the first manager's row and the policies, and
  seals the key to that manager's slot.
- **Sign-in** (`refuse_unless_allowed`, `key_for_sign_in`): in a signed store, the account's row must verify, or the
  sign-in is refused and audited (`AccountNotVerified`). A manager whose slot holds the
  manager key gets it; a manager whose slot does not (a slot of the first format, or a
  recovery) makes a new one (`rotate`): every row and policy the old key verifies is
  re-signed with the new key, and nothing else.
- **A store upgraded from before 0007** has no manager key yet. Its first manager to sign
  in signs every row as it stands (trust on first use: a manager vouches for the branch's
  accounts) — but only while every key slot is still of the first format, as they all are
  until then. Tellers are refused until then (`RolesNotSigned`). A store without a manager
  key whose slot file already has slots of the new format had its key deleted: refused
  (`RoleKeyMissing`), since signing it again would sign whatever was forged.
- **Disabling an account or re-keying the store** makes a new manager key too, so a row
  signed earlier (a disabled teller's "active" row, put back from an old copy) no longer
  verifies, and a departed manager's copy of the key signs nothing that is believed.

The manager key is sealed to every verified, active manager's slot (`share`), and to no
other slot; the recovery slot does not hold it (a recovery makes a new one).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from branch_client.store import accounts, audit, signatures
from branch_client.store import policy as branch_policy
from branch_client.store.accounts import Account, Role
from branch_client.store.errors import AccountDisabled, KnownError
from branch_client.store.keys import RoleKey

if TYPE_CHECKING:
    from datetime import datetime

    import sqlite_utils

    from branch_client.store.slots import KeySlotFile

log = logging.getLogger(__name__)


class AccountNotVerified(KnownError):
    """The account's row does not carry the manager key's signature: it was changed outside
    the app (a teller who made herself a manager). Refused and audited."""

    code = "account_not_verified"


class RolesNotSigned(KnownError):
    """The store was upgraded and no manager has signed in since: its roles are not signed
    yet, so a teller cannot sign in."""

    code = "roles_not_signed"


class RoleKeyMissing(KnownError):
    """The store has no manager key although its key slots say it had one: it was removed
    outside the app. Refused rather than signing whatever the rows now say."""

    code = "role_key_missing"


def sign_new_store(db: sqlite_utils.Database, role_key: RoleKey, now: datetime) -> None:
    """Install `role_key` and sign every account row and the policies as they stand
    (set-up, and the first manager sign-in in a store upgraded from before 0007)."""
    signatures.install(db, role_key, now.isoformat())
    for account in accounts.list_all(db):
        signatures.sign_account(db, role_key, account.id)
    signatures.sign_policy(db, role_key, branch_policy.stored_values(db))


def rotate(db: sqlite_utils.Database, role_key: RoleKey, now: datetime) -> list[str]:
    """Make `role_key` the manager key: re-sign every account row and the policies that the
    current key verifies. Returns the ids of the rows that did not verify: they stay
    unverified (their old signature does not fit the new key either)."""
    old_public = signatures.public_key(db)
    rows = accounts.list_all(db)
    policy_ok = branch_policy.stored_verify(db, old_public)
    signatures.install(db, role_key, now.isoformat())
    for account in rows:
        if account.verified:
            signatures.sign_account(db, role_key, account.id)
    if policy_ok:
        signatures.sign_policy(db, role_key, branch_policy.stored_values(db))
    else:
        log.warning("the branch policies did not verify; they stay unsigned until a manager saves them")
    return [a.id for a in rows if not a.verified]


def share(slots: KeySlotFile, db: sqlite_utils.Database, role_key: RoleKey) -> None:
    """Seal the manager key to every verified, active manager's slot (format 2), and take
    it out of every other slot."""
    managers = {a.id for a in accounts.list_all(db) if a.verified and a.active and a.is_manager}
    for slot in slots.slots.values():
        if not slot.is_legacy:
            slot.seal_role_key(role_key.seed if slot.slot_id in managers else None, slots.store_id)


def _unsigned_store(db: sqlite_utils.Database, slots: KeySlotFile, account: Account, now: datetime) -> bool:
    """True for a store never signed (upgraded, every slot of the first format); raises
    `RoleKeyMissing` (audited) for a store without a manager key whose slots are of the new
    format (its key was deleted); False for a signed store."""
    if signatures.public_key(db) is not None:
        return False
    if not slots.all_legacy:
        _refuse(db, account, now, action="role_key_missing")
        raise RoleKeyMissing("the store has no manager key but its slots are of the new format")
    return True


def refuse_unless_allowed(db: sqlite_utils.Database, slots: KeySlotFile, account: Account, *, now: datetime) -> None:
    """Raise unless `account` may sign in as what its row says: `RoleKeyMissing`,
    `RolesNotSigned`, `AccountNotVerified` (each audited first, and committed) or
    `AccountDisabled`. Read-only otherwise; run it before the sign-in's transaction."""
    if _unsigned_store(db, slots, account, now):
        if not account.active:
            raise AccountDisabled("account is disabled")
        if account.role is not Role.MANAGER:
            _refuse(db, account, now, action="roles_not_signed")
            raise RolesNotSigned("a manager must sign in once after the upgrade")
        return
    if not account.verified:
        _refuse(db, account, now, action="account_not_verified")
        raise AccountNotVerified("the account row does not verify")
    if not account.active:
        raise AccountDisabled("account is disabled")


def refuse_recovery(db: sqlite_utils.Database, slots: KeySlotFile, target: Account, *, now: datetime) -> None:
    """Raise unless the recovery key may give `target` (a manager's row) a new password:
    its row must verify (`AccountNotVerified`), or, in a store never signed, the slots must
    all be of the first format (`RoleKeyMissing`). Audited like a refused sign-in."""
    if _unsigned_store(db, slots, target, now):
        return
    if not target.verified:
        _refuse(db, target, now, action="account_not_verified")
        raise AccountNotVerified("the manager's row does not verify")


def key_for_sign_in(
    db: sqlite_utils.Database, account: Account, *, role_seed: bytes | None, now: datetime
) -> RoleKey | None:
    """The manager key for an account `refuse_unless_allowed` let in: None for a teller; for
    a manager, the one its slot holds, or a new one — signing a store that was never signed,
    or re-signing what the current key verifies (`rotate`). Audited; inside the sign-in's
    transaction (the caller then seals it to the managers' slots, `share`)."""
    if account.role is not Role.MANAGER:
        return None
    public = signatures.public_key(db)
    if public is None:
        role_key = RoleKey.generate()
        sign_new_store(db, role_key, now)
        audit.append(db, actor=account.id, action="roles_signed", subject=account.id, at=now)
        log.info("account rows and policies signed with a new manager key")
        return role_key
    if role_seed is not None and RoleKey(role_seed).public_bytes == public:
        return RoleKey(role_seed)
    return replace_key(db, account.id, now)


def audit_unverified_policy(db: sqlite_utils.Database, actor_id: str, now: datetime) -> None:
    """Audit, at a sign-in, that the stored policies do not verify (the safe ones apply:
    `policy.UNVERIFIED`); a manager's save signs them again."""
    public = signatures.public_key(db)
    if public is not None and not branch_policy.stored_verify(db, public):
        log.warning("the branch policies do not verify")
        audit.append(db, actor=actor_id, action="policy_not_verified", subject=None, at=now)


def replace_key(db: sqlite_utils.Database, actor_id: str, now: datetime) -> RoleKey:
    """A new manager key in place of the current one (`rotate`), audited."""
    role_key = RoleKey.generate()
    unverified = rotate(db, role_key, now)
    audit.append(
        db,
        actor=actor_id,
        action="role_key_replaced",
        subject=None,
        details={"unverified_accounts": str(len(unverified))},
        at=now,
    )
    return role_key


def _refuse(db: sqlite_utils.Database, account: Account, now: datetime, *, action: str) -> None:
    """Audit a refused sign-in (committed at once: the refusal raises afterwards)."""
    log.warning("sign-in refused for account %s: %s", account.id, action)
    with db.atomic():
        audit.append(db, actor=account.id, action=action, subject=account.id, at=now)
