"""Signatures on what decides who may do what: account rows and the branch's policies.

Every account has the database key, so the database alone cannot keep a teller from
writing `role = 'manager'` into her own row. What she does not have is the *manager key*
(`keys.RoleKey`): its private half is sealed only to managers' key slots, its public half
is in the store (`role_key`, migration 0007). Each account row carries the manager key's
Ed25519 signature over (store id, account id, username, role, status), and the policies
one over their stored values; a row or a policy whose signature does not check was
changed outside the app and is not believed (`accounts`, `policy`).

This module only reads and writes those values; deciding when to sign (set-up, the first
manager sign-in after the upgrade, a new manager key) is `roles`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from branch_client.store.keys import RoleKey, signature_valid

if TYPE_CHECKING:
    import sqlite_utils

POLICY_SIGNATURE_KEY = "signature.policy"  # in `settings`, beside the `policy.*` rows it covers


def public_key(db: sqlite_utils.Database) -> bytes | None:
    """The manager key's public half, or None in a store whose roles were never signed
    (made before 0007 and not yet opened by a manager)."""
    row = db.execute("SELECT public_key FROM role_key WHERE id = 1").fetchone()
    return None if row is None else bytes(row[0])


def install(db: sqlite_utils.Database, role_key: RoleKey, now: str) -> None:
    """Make `role_key` the store's manager key (its public half; the caller re-signs)."""
    db.execute(
        "INSERT INTO role_key (id, public_key, created_at) VALUES (1, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET public_key = excluded.public_key, created_at = excluded.created_at",
        [role_key.public_bytes, now],
    )


def store_id(db: sqlite_utils.Database) -> str:
    """The store's id (every signature names it, so a row cannot move to another store)."""
    row = db.execute("SELECT store_id FROM branch WHERE id = 1").fetchone()
    return "" if row is None else str(row[0])


def account_message(store: str, account_id: str, username: str, role: str, status: str) -> bytes:
    """The canonical bytes an account row's signature covers."""
    return _canonical(["cam-ie-account", 1, store, account_id, username, role, status])


def policy_message(store: str, values: dict[str, str | None]) -> bytes:
    """The canonical bytes the policies' signature covers: every `policy.*` value stored
    (None for one never set)."""
    return _canonical(["cam-ie-policy", 1, store, dict(sorted(values.items()))])


def _canonical(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"), sort_keys=True).encode("ascii")


def account_verified(public: bytes | None, store: str, row: tuple[str, str, str, str, bytes | None]) -> bool:
    """Whether an account row (id, username, role, status, signature) carries the manager
    key's signature. In a store never signed (`public` None) no row is verified."""
    account_id, username, role, status, signature = row
    if public is None:
        return False
    return signature_valid(public, account_message(store, account_id, username, role, status), signature)


def sign_account(db: sqlite_utils.Database, role_key: RoleKey, account_id: str) -> None:
    """Sign an account row as it now stands (after a manager changed it)."""
    row = db.execute("SELECT username, role, status FROM accounts WHERE id = ?", [account_id]).fetchone()
    if row is None:
        raise LookupError(f"no account {account_id}")
    message = account_message(store_id(db), account_id, *row)
    db.execute("UPDATE accounts SET signature = ? WHERE id = ?", [role_key.sign(message), account_id])


def policy_signature(db: sqlite_utils.Database) -> bytes | None:
    """The stored signature of the policies, if any."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [POLICY_SIGNATURE_KEY]).fetchone()
    try:
        return None if row is None else bytes.fromhex(str(row[0]))
    except ValueError:
        return None


def sign_policy(db: sqlite_utils.Database, role_key: RoleKey, values: dict[str, str | None]) -> None:
    """Sign the policies' stored `values`."""
    signature = role_key.sign(policy_message(store_id(db), values)).hex()
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [POLICY_SIGNATURE_KEY, signature],
    )
