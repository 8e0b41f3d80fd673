"""The branch's policies, set by a manager and kept in the store's settings.

- `review_before_sync`: submitted registrations wait for a manager's approval before
  they enter the outbox (off by default).
- `warn_days_without_sync` / `warn_waiting`: when the sync status warns that the branch
  is at risk (no successful sync for that many days; that many records waiting).

The stored values are signed with the manager key (`signatures`), since every account
holds the database key. Policies whose signature does not check were changed outside the
app: they are not applied; the safe ones apply instead (`UNVERIFIED`: every registration
waits for a manager's review; the warnings at their defaults) until a manager saves the
policies again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import sqlite_utils

from branch_client.store import audit, signatures
from branch_client.store.keys import RoleKey, signature_valid

log = logging.getLogger(__name__)

_PREFIX = "policy."
_NAMES = ("review_before_sync", "warn_days_without_sync", "warn_waiting")


@dataclass(frozen=True)
class Policy:
    """The branch's policies, with their defaults."""

    review_before_sync: bool = False
    warn_days_without_sync: int = 2
    warn_waiting: int = 200
    # Whether the manager key signed these values. False with a signed store: the stored
    # policies were changed outside the app, and these are `UNVERIFIED`'s safe ones.
    verified: bool = True


# What applies while the stored policies do not verify: nothing leaves without a manager's look.
UNVERIFIED = Policy(review_before_sync=True, verified=False)


def stored_values(db: sqlite_utils.Database) -> dict[str, str | None]:
    """The `policy.*` values as stored (None for one never set): what the signature covers."""
    rows = dict(db.execute("SELECT key, value FROM settings WHERE key LIKE 'policy.%'").fetchall())
    return {name: rows.get(_PREFIX + name) for name in _NAMES}


def stored_verify(db: sqlite_utils.Database, public: bytes | None) -> bool:
    """Whether the stored policies carry the signature of the manager key `public`."""
    if public is None:
        return False
    message = signatures.policy_message(signatures.store_id(db), stored_values(db))
    return signature_valid(public, message, signatures.policy_signature(db))


def load(db: sqlite_utils.Database) -> Policy:
    """The policies in force (defaults for any never set or unreadable; `UNVERIFIED` when
    the store's roles are signed and the stored values do not verify)."""
    public = signatures.public_key(db)
    if public is not None and not stored_verify(db, public):
        log.debug("the branch policies do not verify: the safe policies apply")
        return UNVERIFIED
    rows = {_PREFIX + name: value for name, value in stored_values(db).items() if value is not None}
    default = Policy()

    def number(name: str, fallback: int) -> int:
        try:
            value = int(rows.get(_PREFIX + name, fallback))
        except ValueError:
            return fallback
        return value if value > 0 else fallback

    return Policy(
        review_before_sync=rows.get(_PREFIX + "review_before_sync", "0") == "1",
        warn_days_without_sync=number("warn_days_without_sync", default.warn_days_without_sync),
        warn_waiting=number("warn_waiting", default.warn_waiting),
        verified=public is not None,
    )


def save(db: sqlite_utils.Database, policy: Policy, *, actor_id: str, role_key: RoleKey) -> None:
    """Store the policies, signed with the manager key, and audit the change (managers
    only: the caller checks)."""
    values: dict[str, str] = {
        "review_before_sync": "1" if policy.review_before_sync else "0",
        "warn_days_without_sync": str(policy.warn_days_without_sync),
        "warn_waiting": str(policy.warn_waiting),
    }
    with db.atomic():
        for name, value in values.items():
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [_PREFIX + name, value],
            )
        signatures.sign_policy(db, role_key, stored_values(db))
        audit.append(db, actor=actor_id, action="policy_changed", subject=None, details=values)
