"""What came from the centre since someone last looked, and when each account last looked.

Each answer or later decision of the centre sets `sync_results.updated_at` (the time it
was stored here); each account's last look at a page is a row of `seen_pages`. A page has
news when the centre spoke after that look. Both use the store's clock and the same UTC
ISO 8601 text, so they compare as strings; `sync_results_updated` makes the count a range
read however large the store grows. No Qt here.
"""

from __future__ import annotations

import sqlite_utils

from branch_client.store.states import SENT_BACK

#: The pages whose news is counted: the home page, sync status, rejections and review.
HOME, SYNC, REJECTIONS = "home", "sync", "rejections"
PAGES = (HOME, SYNC, REJECTIONS)


def last_seen(db: sqlite_utils.Database, account_id: str, page: str) -> str | None:
    """When `account_id` last looked at `page` (UTC ISO time), or None if never."""
    row = db.execute("SELECT seen_at FROM seen_pages WHERE account_id = ? AND page = ?", [account_id, page]).fetchone()
    return None if row is None else str(row[0])


def mark_seen(db: sqlite_utils.Database, account_id: str, page: str, at: str) -> None:
    """Note that `account_id` looked at `page` at `at` (a later look only moves it on)."""
    if page not in PAGES:
        raise ValueError(f"unknown page {page!r}")
    with db.atomic():
        db.execute(
            "INSERT INTO seen_pages (account_id, page, seen_at) VALUES (?, ?, ?)"
            " ON CONFLICT (account_id, page) DO UPDATE SET seen_at = max(seen_at, excluded.seen_at)",
            [account_id, page, at],
        )


def received_since(db: sqlite_utils.Database, since: str | None, *, captured_by: str | None = None) -> dict[str, int]:
    """The centre's words stored after `since` (all when None), by status (accepted,
    duplicate, rejected, needs_correction); only `captured_by`'s records when given."""
    sql = "SELECT s.status, count(*) FROM sync_results s"
    args: list[object] = []
    if captured_by is not None:
        sql += " JOIN registrations r ON r.id = s.record_id AND r.captured_by = ?"
        args.append(captured_by)
    if since is not None:
        sql += " WHERE s.updated_at > ?"
        args.append(since)
    return {str(status): int(n) for status, n in db.execute(sql + " GROUP BY s.status", args)}


def news_count(received: dict[str, int], page: str) -> int:
    """How much of `received` is news for `page`: every word for home and sync status, the
    records sent back for rejections and review."""
    if page == REJECTIONS:
        return sum(received.get(status, 0) for status in SENT_BACK)
    return sum(received.values())
