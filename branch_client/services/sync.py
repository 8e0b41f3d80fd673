"""Sync as the app uses it: enrolment into the store, a pass over a connection of its own.

No Qt here, so the headless `branch-client sync` and the tests use the same code as the
window's background worker (`qt/sync_worker.py`). A pass never uses the session's own
connection: it opens another one to the same store (WAL lets both work at once), in the
thread that runs the pass.
"""

from __future__ import annotations

import logging
import platform
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlite_utils

from branch_client.store import Session, audit, drafts, states, sync_history
from branch_client.store import policy as branch_policy
from branch_client.store.database import connect, translate_errors
from branch_client.store.policy import Policy
from sync import device as device_config
from sync.device import DeviceConfig
from sync.engine import DEFAULT_BATCH_SIZE, PassResult, Progress, run_pass
from sync.envelope import DeviceKey
from sync.outbox import Outbox, utc_now
from sync.settings import SyncSettings
from sync.transport import InsecureURL, RetryPolicy, SyncError, Transport

log = logging.getLogger(__name__)
_ONE_PASS_AT_A_TIME = threading.Lock()


#: Warn this long before the centre's key expires (a new one comes with a pass that reaches it).
KEY_EXPIRY_WARNING = timedelta(days=30)
#: The data folder is nearly full below either of these.
DISK_LOW_BYTES = 1 << 30
DISK_LOW_FRACTION = 0.05


@dataclass(frozen=True)
class RiskWarning:
    """One reason the branch is at risk; the UI puts it in words (`ui/sync/text.warning`).

    `code` is one of `no_sync` (days: whole days since the last success, or since the oldest
    waiting record when there never was one; since: that time), `too_many_waiting` (count,
    threshold), `centre_key_expiring` (days left, at: the expiry time), `disk_low`
    (free bytes, percent free).
    """

    code: str
    count: int = 0
    threshold: int = 0
    at: str | None = None


@dataclass(frozen=True)
class SyncSnapshot:
    """What the status bar and the sync page show, read from the store.

    `counts` holds the count of every state of `store.states.STATES` (the one source of
    every count on every page) plus `drafts` (being typed). `next_attempt_at` is filled in by
    the `SyncController` (the worker's timer lives there), not by `snapshot()`.
    """

    enrolled: bool
    counts: dict[str, int]
    last_success_at: str | None
    last_error_code: str | None
    last_error_since: str | None
    centre_url: str | None
    centre_fingerprint: str | None
    oldest_waiting_at: str | None = None
    centre_key_expires_at: str | None = None
    disk_free_bytes: int | None = None
    disk_total_bytes: int | None = None
    policy: Policy = field(default_factory=Policy)
    warnings: tuple[RiskWarning, ...] = ()
    taken_at: str | None = None
    next_attempt_at: str | None = None

    @property
    def waiting(self) -> int:
        """Submitted records the centre has not answered yet."""
        return sum(self.counts.get(state, 0) for state in states.ON_THE_WAY)


def disk_is_low(free_bytes: int, total_bytes: int) -> bool:
    """Whether the data folder's disk is nearly full: under 1 GiB or under 5 % free."""
    if total_bytes <= 0:
        return False
    return free_bytes < DISK_LOW_BYTES or free_bytes < total_bytes * DISK_LOW_FRACTION


def risk_warnings(
    *,
    now: datetime,
    policy: Policy,
    waiting: int,
    last_success_at: str | None,
    oldest_waiting_at: str | None,
    centre_key_expires_at: str | None,
    disk: tuple[int, int] | None,
) -> tuple[RiskWarning, ...]:
    """Why the branch is at risk, if it is (a pure function: the snapshot's numbers in, warnings out)."""
    warnings: list[RiskWarning] = []
    since = last_success_at or oldest_waiting_at  # never synced: count from the oldest record waiting
    since_at = _parse_time(since)
    if since_at is not None:
        days = (now - since_at) // timedelta(days=1)
        if now - since_at > timedelta(days=policy.warn_days_without_sync):
            warnings.append(RiskWarning("no_sync", count=days, threshold=policy.warn_days_without_sync, at=since))
    if waiting > policy.warn_waiting:
        warnings.append(RiskWarning("too_many_waiting", count=waiting, threshold=policy.warn_waiting))
    expires = _parse_time(centre_key_expires_at)
    if expires is not None and expires - now < KEY_EXPIRY_WARNING:
        left = max(0, -((now - expires) // timedelta(days=1)))  # whole days, rounded up
        warnings.append(RiskWarning("centre_key_expiring", count=left, at=centre_key_expires_at))
    if disk is not None and disk_is_low(*disk):
        free, total = disk
        warnings.append(RiskWarning("disk_low", count=free, threshold=round(100 * free / total) if total else 0))
    return tuple(warnings)


def _parse_time(iso: str | None) -> datetime | None:
    if not iso:
        return None
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def snapshot(db: sqlite_utils.Database, *, data_dir: Path | None = None, now: datetime | None = None) -> SyncSnapshot:
    """The sync state of the store behind `db`, with the warnings it calls for.

    Every count is one index lookup or an index-only scan (see bench/sync_snapshot.py for
    its cost on a full store); `data_dir` is where the disk space is measured.
    """
    moment = now or datetime.now(UTC)
    with translate_errors():
        outbox = Outbox(db.conn)
        device = device_config.load(outbox.settings)
        counts = states.counts(db.conn)
        counts["drafts"] = drafts.count(db)
        oldest_waiting = sync_history.oldest_waiting(db)
        rules = branch_policy.load(db)
        last_success = outbox.last_success_at()
        last_error_code, last_error_since = outbox.last_error()
    disk = _disk_usage(data_dir)
    expires = device.centre_key_expires_at if device else None
    waiting = sum(counts[state] for state in states.ON_THE_WAY)
    return SyncSnapshot(
        enrolled=device is not None,
        counts=counts,
        last_success_at=last_success,
        last_error_code=last_error_code,
        last_error_since=last_error_since,
        centre_url=device.centre_url if device else None,
        centre_fingerprint=device.centre_fingerprint if device else None,
        oldest_waiting_at=oldest_waiting,
        centre_key_expires_at=expires,
        disk_free_bytes=disk[0] if disk else None,
        disk_total_bytes=disk[1] if disk else None,
        policy=rules,
        warnings=risk_warnings(
            now=moment,
            policy=rules,
            waiting=waiting,
            last_success_at=last_success,
            oldest_waiting_at=oldest_waiting,
            centre_key_expires_at=expires,
            disk=disk,
        ),
        taken_at=moment.isoformat(timespec="milliseconds"),
    )


def _disk_usage(data_dir: Path | None) -> tuple[int, int] | None:
    if data_dir is None:
        return None
    try:
        usage = shutil.disk_usage(data_dir)
    except OSError:
        return None
    return usage.free, usage.total


def device_signing_key(session: Session) -> DeviceKey:
    """The key this branch PC signs its receipts with: the enrolled device's key, or before
    enrolment the pending key (made on first need) that enrolment will register."""
    with translate_errors():
        return device_config.signing_key(SyncSettings(session.db.conn))


def enrol(
    session: Session,
    centre_url: str,
    enrolment_code: str,
    *,
    ca_bundle: str | None = None,
    retry: RetryPolicy | None = None,
) -> DeviceConfig:
    """Enrol this branch PC with the centre and keep the result in the store (managers only).

    Raises `SyncError` (centre unreachable, code refused…) or `InsecureURL`; the store is
    unchanged then.
    """
    if not session.account.is_manager:
        raise PermissionError("only a manager enrols the branch")
    with translate_errors():
        settings = SyncSettings(session.db.conn)
        # The key receipts were signed with before enrolment (made now if none was);
        # a device enrolled before gets a new key, as the centre knows its old one.
        key = device_config.pending_key(settings) if device_config.load(settings) is None else None
    with Transport(
        centre_url,
        ca_bundle=ca_bundle,
        connect_timeout_s=5,
        read_timeout_s=20,
        retry=retry or RetryPolicy(base_s=0.5, max_attempts=2),
    ) as transport:

        def register(device_key: DeviceKey | None) -> DeviceConfig:
            return device_config.enrol(
                transport,
                enrolment_code=enrolment_code,
                branch_code=session.branch.code,
                device_name=platform.node()[:64] or "branch-pc",
                ca_bundle=ca_bundle,
                device_key=device_key,
            )

        try:
            config = register(key)
        except SyncError as exc:
            # An earlier enrolment registered the pending key but its answer never reached
            # the store: the centre keeps that key (receipts signed with it still verify),
            # so this PC joins with a new one.
            if key is None or exc.code != "device_already_enrolled":
                raise
            config = register(None)
    with translate_errors(), session.db.atomic():
        device_config.save(settings, config)
        device_config.forget_pending_key(settings)
        audit.append(
            session.db,
            actor=session.account.id,
            action="device_enrolled",
            subject=config.device_id,
            details={"centre_key_id": config.centre_key.key_id},
        )
    log.info("branch PC enrolled as device %s", config.device_id)
    return config


class SyncRunner:
    """Runs sync passes over its own connection to the store. Use it from one thread only."""

    def __init__(
        self,
        db_path: Path,
        key: bytes,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        retry: RetryPolicy | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        self._db_path = db_path
        self._key = key
        self._db: sqlite_utils.Database | None = None
        self._transport: Transport | None = None
        self.batch_size = batch_size
        self.retry = retry
        self.cancel = cancel or threading.Event()

    def _outbox(self) -> Outbox:
        if self._db is None:
            self._db = connect(self._db_path, self._key)
        return Outbox(self._db.conn)

    def run(self, on_progress: Callable[[Progress], None] | None = None) -> PassResult | None:
        """One pass; None when this store is not enrolled with a centre yet.

        Passes never overlap in one process (a pass still finishing after a lock and one
        started after the next sign-in would otherwise both take records and sequences).
        """
        with _ONE_PASS_AT_A_TIME, translate_errors():
            outbox = self._outbox()
            device = device_config.load(outbox.settings)
            if device is None:
                return None
            try:
                transport = self._transport_for(device)
            except (SyncError, InsecureURL) as exc:  # e.g. the pinned CA file has gone
                error = exc if isinstance(exc, SyncError) else SyncError("insecure_url")
                outbox.note_failure(error.code)
                return PassResult(started_at=utc_now(), finished_at=utc_now(), error=error)
            result = run_pass(outbox, transport, device, batch_size=self.batch_size, on_progress=on_progress)
        if result.error is not None:
            log.info("sync pass stopped: %s", result.error.code)
        else:
            log.info("sync pass: %d records in %d batches", result.records, result.batches)
        return result

    def snapshot(self) -> SyncSnapshot:
        """The store's sync state, read over this runner's connection."""
        self._outbox()
        assert self._db is not None
        return snapshot(self._db, data_dir=self._db_path.parent)

    def _transport_for(self, device: DeviceConfig) -> Transport:
        if self._transport is None or self._transport.base_url != device.centre_url:
            if self._transport is not None:
                self._transport.close()
            self._transport = Transport(
                device.centre_url, ca_bundle=device.ca_bundle, retry=self.retry, cancel=self.cancel
            )
        return self._transport

    def close(self) -> None:
        """Close the connection and the HTTP pool (from the thread that used them)."""
        if self._transport is not None:
            self._transport.close()
            self._transport = None
        if self._db is not None:
            self._db.close()
            self._db = None


__all__ = [
    "RiskWarning",
    "SyncError",
    "SyncRunner",
    "SyncSnapshot",
    "disk_is_low",
    "enrol",
    "risk_warnings",
    "snapshot",
]
