"""Every state a registration can be in, and how many are in each: the one source of every
count a screen shows.

A registration's state is `STATE_SQL`, read over the registration, its outbox entry and the
centre's latest word: the branch's own steps first (withdrawn, held for review, returned to
its teller), then the centre's answer, then where it is on its way. Only the latest version
of a registration is counted: one replaced by a correction is counted as its correction.

Home, sync status, rejections and review, the registrations filter, the status bar and the
headless `sync-status` all ask `count` (or `counts`, which asks `count` for each state), and
the registrations list filters with the very same `STATE_SQL`, so no two of them can
disagree. Each state's query starts from that state's own index (`_SOURCE`), so a count
costs the records in that state, not the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

WAITING, IN_FLIGHT, ACCEPTED, DUPLICATE = "waiting", "in_flight", "accepted", "duplicate"
REJECTED, NEEDS_CORRECTION = "rejected", "needs_correction"
HELD, RETURNED, WITHDRAWN = "held", "returned", "withdrawn"
#: Every state, in the order lists and filters show them.
STATES = (WAITING, IN_FLIGHT, ACCEPTED, DUPLICATE, REJECTED, NEEDS_CORRECTION, HELD, RETURNED, WITHDRAWN)
#: Sent back by the centre: a teller corrects them, or a manager withdraws them.
SENT_BACK = (REJECTED, NEEDS_CORRECTION)
#: On the way to the centre: submitted, not answered yet.
ON_THE_WAY = (WAITING, IN_FLIGHT)
#: States a teller may answer with a correction (a new, linked version): the centre sent it
#: back, or the branch manager returned it.
CORRECTABLE = (REJECTED, NEEDS_CORRECTION, RETURNED)

#: The state of registration `r` (with `o`, its outbox entry, and `s`, the centre's word,
#: joined as in `JOINS`).
STATE_SQL = (
    "CASE WHEN r.withdrawn_at IS NOT NULL THEN 'withdrawn'"
    " WHEN r.review_state = 'pending' THEN 'held'"
    " WHEN r.review_state = 'returned' THEN 'returned'"
    " WHEN o.state = 'acknowledged' AND s.status IS NOT NULL THEN s.status"
    " WHEN o.state = 'in_flight' THEN 'in_flight'"
    " ELSE 'waiting' END"
)
JOINS = " LEFT JOIN outbox o ON o.record_id = r.id LEFT JOIN sync_results s ON s.record_id = r.id"
#: The latest version of a registration: no correction replaces it.
LATEST_SQL = "NOT EXISTS (SELECT 1 FROM registrations c WHERE c.supersedes = r.id)"

#: Where each state's records are read from an index: SQL giving a superset of their ids
#: (the registrations list's "few candidates" plan reads them from here).
SOURCE = {
    WAITING: ("SELECT record_id FROM outbox WHERE state = 'waiting'", ()),
    IN_FLIGHT: ("SELECT record_id FROM outbox WHERE state = 'in_flight'", ()),
    ACCEPTED: ("SELECT record_id FROM sync_results WHERE status = ?", (ACCEPTED,)),
    DUPLICATE: ("SELECT record_id FROM sync_results WHERE status = ?", (DUPLICATE,)),
    REJECTED: ("SELECT record_id FROM sync_results WHERE status = ?", (REJECTED,)),
    NEEDS_CORRECTION: ("SELECT record_id FROM sync_results WHERE status = ?", (NEEDS_CORRECTION,)),
    HELD: ("SELECT id FROM registrations WHERE review_state = 'pending'", ()),
    RETURNED: ("SELECT id FROM registrations WHERE review_state = 'returned'", ()),
    WITHDRAWN: ("SELECT id FROM registrations WHERE withdrawn_at IS NOT NULL", ()),
}

# The few registrations the outbox's entry or the centre's word misstate: those replaced by a
# correction, else withdrawn (two disjoint parts, each read from its partial index). A
# registration in the branch's review is never among them: it has no outbox entry and no
# centre's word (`review.approve` clears the review state in the transaction that enqueues it).
_REPLACED = "EXISTS (SELECT 1 FROM registrations c WHERE c.supersedes = x.id)"
_MISFITS = (  # constant SQL: no value is ever formatted into it
    "SELECT supersedes AS id FROM registrations WHERE supersedes IS NOT NULL"  # noqa: S608
    f" UNION ALL SELECT x.id FROM registrations x WHERE x.withdrawn_at IS NOT NULL AND NOT {_REPLACED}"
)
# A state the outbox or the centre's word gives: everything in that index, less its misfits.
# (An outbox entry is acknowledged in the transaction that stores the centre's answer, and
# every submitted registration has an outbox entry or a review state, so for these states
# this equals counting `STATE_SQL` over the latest versions; tests/e2e/test_counts_agree.py
# checks it against that.) Counting an index is fast; the misfits are few.
_OUTBOX_COUNT = (
    "SELECT (SELECT count(*) FROM outbox WHERE state = ?1)"  # noqa: S608 - constant SQL
    f" - (SELECT count(*) FROM ({_MISFITS}) m CROSS JOIN outbox o ON o.record_id = m.id WHERE o.state = ?1)"
)
_RESULT_COUNT = (
    "SELECT (SELECT count(*) FROM sync_results WHERE status = ?1)"  # noqa: S608 - constant SQL
    f" - (SELECT count(*) FROM ({_MISFITS}) m CROSS JOIN sync_results s ON s.record_id = m.id WHERE s.status = ?1)"
)
# The branch's own states, exactly as `STATE_SQL` orders them (withdrawn first), read from
# the covering indexes of migration 0005; ?1 is a teller's account id, or NULL for everyone.
_OWN_WHERE = {
    HELD: "r.review_state = 'pending' AND r.withdrawn_at IS NULL",
    RETURNED: "r.review_state = 'returned' AND r.withdrawn_at IS NULL",
    WITHDRAWN: "r.withdrawn_at IS NOT NULL",
}
_OWN_COUNT = {
    state: f"SELECT count(*) FROM registrations r WHERE {where}"  # noqa: S608 - constant SQL
    f" AND (?1 IS NULL OR r.captured_by = ?1) AND {LATEST_SQL}"
    for state, where in _OWN_WHERE.items()
}
_BY_INDEX = {
    **dict.fromkeys(ON_THE_WAY, _OUTBOX_COUNT),
    **dict.fromkeys((ACCEPTED, DUPLICATE, *SENT_BACK), _RESULT_COUNT),
}


def count(conn: Any, state: str, *, captured_by: str | None = None) -> int:
    """How many registrations (latest versions) are in `state`; only `captured_by`'s when given.

    `conn` is the store's DB-API connection. One query: the branch's own states (held,
    returned, withdrawn) from their covering indexes; the states the outbox or the centre
    gives by counting their index (`_BY_INDEX`), or for one teller's records by reading
    that state's index and checking each against `STATE_SQL` (through the covering
    `registrations_state`)."""
    if state not in SOURCE:
        raise ValueError(f"unknown state {state!r}")
    if state in _OWN_COUNT:
        return int(conn.execute(_OWN_COUNT[state], [captured_by]).fetchone()[0])
    if captured_by is None:
        return int(conn.execute(_BY_INDEX[state], [state]).fetchone()[0])
    source, params = SOURCE[state]
    sql = (
        f"SELECT count(*) FROM registrations r{JOINS} WHERE r.id IN ({source})"  # noqa: S608 - constant SQL
        f" AND r.captured_by = ? AND {LATEST_SQL} AND ({STATE_SQL}) = ?"
    )
    return int(conn.execute(sql, [*params, captured_by, state]).fetchone()[0])


def counts(conn: Any, states: Iterable[str] = STATES, *, captured_by: str | None = None) -> dict[str, int]:
    """`count` of each of `states` (every state by default), in that order."""
    return {state: count(conn, state, captured_by=captured_by) for state in states}
