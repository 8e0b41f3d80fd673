"""The branch's policies, set by a manager and kept in the store's settings.

- `review_before_sync`: submitted registrations wait for a manager's approval before
  they enter the outbox (off by default).
- `warn_days_without_sync` / `warn_waiting`: when the sync status warns that the branch
  is at risk (no successful sync for that many days; that many records waiting).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from branch_client.store import audit

_PREFIX = "policy."


@dataclass(frozen=True)
class Policy:
    """The branch's policies, with their defaults."""

    review_before_sync: bool = False
    warn_days_without_sync: int = 2
    warn_waiting: int = 200


def load(db: sqlite_utils.Database) -> Policy:
    """The policies in force (defaults for any never set or unreadable)."""
    rows = dict(db.execute("SELECT key, value FROM settings WHERE key LIKE 'policy.%'").fetchall())
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
    )


def save(db: sqlite_utils.Database, policy: Policy, *, actor_id: str) -> None:
    """Store the policies and audit the change (managers only: the caller checks)."""
    values = {
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
        audit.append(db, actor=actor_id, action="policy_changed", subject=None, details=values)
