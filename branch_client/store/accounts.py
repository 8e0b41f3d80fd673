"""Account rows and the rules for usernames, passwords and roles.

An account's *secret* lives in its key slot (see `slots`); this module is the part that
lives inside the encrypted database: who the account is, its role, whether it is active.
A row is believed only when the manager key signed it (`signatures`): `Account.verified`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

from branch_client.store import signatures
from branch_client.store.errors import InvalidUsername, WeakPassword
from branch_client.store.keys import PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")


class Role(StrEnum):
    """What an account may do: tellers capture, managers also supervise."""

    TELLER = "teller"
    MANAGER = "manager"


@dataclass(frozen=True)
class Account:
    """An account as the UI sees it (no secrets here)."""

    id: str
    username: str
    role: Role
    active: bool
    created_at: str
    password_changed_at: str
    last_login_at: str | None
    # Whether the manager key signed this row as it is. An unverified row was changed
    # outside the app (or the store's roles were never signed): it cannot sign in.
    verified: bool = False

    @property
    def is_manager(self) -> bool:
        """Managers see sync status, accounts and indicators."""
        return self.role is Role.MANAGER


def normalise_username(username: str) -> str:
    """Usernames are case-insensitive ASCII; surrounding spaces are forgiven."""
    return unicodedata.normalize("NFKC", username).strip().lower()


def check_username(username: str) -> str:
    """The normalised username, or `InvalidUsername`."""
    name = normalise_username(username)
    if not USERNAME_PATTERN.fullmatch(name):
        raise InvalidUsername("username must be 3-32 characters: a-z, 0-9, dot, dash, underscore")
    return name


def check_password(password: str, *, username: str) -> None:
    """`WeakPassword` unless 8-256 characters and not the username itself."""
    length = len(unicodedata.normalize("NFC", password))
    if length < PASSWORD_MIN_LENGTH:
        raise WeakPassword("password too short", minimum=PASSWORD_MIN_LENGTH)
    if length > PASSWORD_MAX_LENGTH:
        raise WeakPassword("password too long", minimum=PASSWORD_MIN_LENGTH)
    if password.strip().casefold() == username.casefold():
        raise WeakPassword("password equals the username", minimum=PASSWORD_MIN_LENGTH)


_COLUMNS = "id, username, role, status, created_at, password_changed_at, last_login_at, signature"

_Row = tuple[str, str, str, str, str, str, str | None, bytes | None]


def _row_to_account(row: _Row, public: bytes | None, store: str) -> Account:
    account_id, username, role, status, created, changed, last_login, signature = row
    verified = signatures.account_verified(public, store, (account_id, username, role, status, signature))
    return Account(account_id, username, Role(role), status == "active", created, changed, last_login, verified)


def get(db: sqlite_utils.Database, account_id: str) -> Account | None:
    """The account with this id, if it exists (with whether its row verifies)."""
    row = db.execute(f"SELECT {_COLUMNS} FROM accounts WHERE id = ?", [account_id]).fetchone()  # noqa: S608 - constant columns
    return None if row is None else _row_to_account(row, signatures.public_key(db), signatures.store_id(db))


def list_all(db: sqlite_utils.Database) -> list[Account]:
    """Every account, managers first, then by username (each with whether its row verifies)."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM accounts ORDER BY role = 'manager' DESC, username COLLATE NOCASE"  # noqa: S608 - constant columns
    ).fetchall()
    public, store = signatures.public_key(db), signatures.store_id(db)
    return [_row_to_account(r, public, store) for r in rows]


def username_exists(db: sqlite_utils.Database, username: str) -> bool:
    """Whether any account (active or not) has this username."""
    return db.execute("SELECT 1 FROM accounts WHERE username = ?", [username]).fetchone() is not None


def insert(
    db: sqlite_utils.Database, *, account_id: str, username: str, role: Role, created_by: str | None, now: str
) -> None:
    """Add an active account row."""
    db.execute(
        "INSERT INTO accounts (id, username, role, status, created_at, created_by, password_changed_at)"
        " VALUES (?, ?, ?, 'active', ?, ?, ?)",
        [account_id, username, role.value, now, created_by, now],
    )


def set_active(db: sqlite_utils.Database, account_id: str, active: bool) -> None:
    """Enable or disable an account."""
    db.execute("UPDATE accounts SET status = ? WHERE id = ?", ["active" if active else "disabled", account_id])


def set_role(db: sqlite_utils.Database, account_id: str, role: Role) -> None:
    """Change an account's role (a manager disabling a row that does not verify makes it a
    teller's: what the forged row claimed is not kept)."""
    db.execute("UPDATE accounts SET role = ? WHERE id = ?", [role.value, account_id])


def touch_password(db: sqlite_utils.Database, account_id: str, now: str) -> None:
    """Record that the account's password was set at `now`."""
    db.execute("UPDATE accounts SET password_changed_at = ? WHERE id = ?", [now, account_id])


def touch_login(db: sqlite_utils.Database, account_id: str, now: str) -> None:
    """Record a successful login at `now`."""
    db.execute("UPDATE accounts SET last_login_at = ? WHERE id = ?", [now, account_id])
