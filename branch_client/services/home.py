"""The branch home page's figures: how the branch (or one teller) is doing today and this
week, what waits, what needs the manager, and what the centre said since the last look.

Qt-free. Every number is one of the store's own counts (`Session.state_counts`,
`registrations_by_sex`, `received_since`), the very queries the other pages ask, so the
home page never disagrees with the list a number opens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from branch_client.store import Session

#: Cambodia's clock (UTC+7, no summer time): the day a registration counts on.
CAMBODIA = timedelta(hours=7)
# The states the home page shows: a manager's, the branch's; a teller's, her own records
# that wait for someone (the small ones: her records are read one by one).
MANAGER_STATES = ("waiting", "in_flight", "held", "rejected", "needs_correction", "returned")
TELLER_STATES = ("held", "rejected", "needs_correction", "returned")


@dataclass(frozen=True)
class HomeFigures:
    """What the home page shows, read at one moment."""

    today: date  # Cambodian day
    week_start: date  # its Monday
    today_by_sex: dict[str, int]  # female, male, other
    week_by_sex: dict[str, int]
    counts: dict[str, int]  # MANAGER_STATES or TELLER_STATES
    drafts: int
    since: str | None  # the last look (UTC ISO), None for a first one
    received: dict[str, int] = field(default_factory=dict)  # the centre's words since then, by status

    @property
    def sent_back(self) -> int:
        """Records the centre sent back (rejected or for correction), not yet dealt with."""
        return self.counts.get("rejected", 0) + self.counts.get("needs_correction", 0)

    @property
    def on_the_way(self) -> int:
        """Submitted and not answered yet (waiting or in flight)."""
        return self.counts.get("waiting", 0) + self.counts.get("in_flight", 0)


def cambodian_day(moment: datetime) -> date:
    """The Cambodian calendar day of `moment`."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return (aware.astimezone(UTC) + CAMBODIA).date()


def _start_of(day: date) -> str:
    """The Cambodian midnight starting `day`, as a stored UTC time."""
    return (datetime.combine(day, time(), tzinfo=UTC) - CAMBODIA).isoformat(timespec="milliseconds")


def figures(session: Session, since: str | None, *, now: datetime | None = None) -> HomeFigures:
    """The home page's figures for the signed-in account: the branch's for a manager, her
    own for a teller. `since` is the account's last look at the home page."""
    today = cambodian_day(now or datetime.now(UTC))
    monday = today - timedelta(days=today.weekday())
    return HomeFigures(
        today=today,
        week_start=monday,
        today_by_sex=session.registrations_by_sex(today.isoformat(), today.isoformat(), own=True),
        week_by_sex=session.registrations_by_sex(monday.isoformat(), today.isoformat(), own=True),
        counts=session.state_counts(MANAGER_STATES if session.account.is_manager else TELLER_STATES, own=True),
        drafts=len(session.drafts()),
        since=since,
        received=session.received_since(since or _start_of(today)),
    )
