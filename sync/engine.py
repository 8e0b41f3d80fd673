"""One sync pass: push the outbox in sealed batches, then pull the status feed.

Safe to interrupt anywhere: a batch is recorded (with its exact bytes) before it is
sent, an in-flight batch is resent first, and answers are applied in one transaction,
so a pass killed at any point is completed by the next one without sending a record
twice to effect (the centre answers a resent batch from its store).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sync import device as device_config
from sync import envelope
from sync.device import DeviceConfig
from sync.envelope import seal
from sync.ids import uuid7_str
from sync.outbox import Outbox, PendingBatch
from sync.protocol import ACCEPTED, DUPLICATE, MAX_RECORDS_PER_BATCH, REJECTED, BatchAnswer, ProtocolError
from sync.transport import Cancelled, Refused, SyncError, Transport

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 500
DEFAULT_MAX_BATCH_BYTES = 4 * 1024 * 1024
KEY_REFRESH_DAYS = 30  # fetch the centre's current key when ours has less than this left
_MAX_RESEALS = 5  # refusals that a re-seal answers (new centre key, stale sequence) per pass


@dataclass(frozen=True)
class Progress:
    """How far a pass has got: records answered so far, out of those waiting at its start."""

    done: int
    total: int
    batches: int


@dataclass
class PassResult:
    """What one pass did, and the error that ended it early (None when it completed)."""

    started_at: str
    finished_at: str = ""
    batches: int = 0
    records: int = 0
    wire_bytes: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    decided: dict[str, int] = field(default_factory=dict)  # later decisions pulled, by the status stored
    error: SyncError | None = None

    @property
    def decisions(self) -> int:
        """How many later decisions (the status feed) the pass pulled."""
        return sum(self.decided.values())

    @property
    def received(self) -> dict[str, int]:
        """Every word the centre sent back in this pass, batch answers and later decisions
        together, by the status stored (accepted, duplicate, rejected, needs_correction)."""
        received = {ACCEPTED: self.accepted, DUPLICATE: self.duplicates, REJECTED: self.rejected}
        for status, n in self.decided.items():
            received[status] = received.get(status, 0) + n
        return {status: n for status, n in received.items() if n}

    @property
    def ok(self) -> bool:
        """True when the pass pushed everything and read the whole feed."""
        return self.error is None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def run_pass(
    outbox: Outbox,
    transport: Transport,
    device: DeviceConfig,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_batch_bytes: int = DEFAULT_MAX_BATCH_BYTES,
    on_progress: Callable[[Progress], None] | None = None,
    pull: bool = True,
) -> PassResult:
    """Push every waiting record, then pull decisions. Stops early on a refusal, on giving
    up retries, or when `transport.cancel` is set; the error is in the result (and noted in
    the store for the manager), never raised."""
    batch_size = max(1, min(batch_size, MAX_RECORDS_PER_BATCH))
    result = PassResult(started_at=_now())
    total = outbox.waiting_count()
    try:
        device = _refresh_expiring_key(outbox, transport, device)
        device = _push(outbox, transport, device, batch_size, max_batch_bytes, result, total, on_progress)
        if pull:
            _pull(outbox, transport, device, result)
    except SyncError as exc:
        result.error = exc
    except ProtocolError as exc:  # the centre's answer did not fit the batch
        result.error = SyncError(exc.code, exc.detail)
    if result.error is None:
        outbox.note_success()
    elif not isinstance(result.error, Cancelled):
        outbox.note_failure(result.error.code)
    result.finished_at = _now()
    return result


def _push(
    outbox: Outbox,
    transport: Transport,
    device: DeviceConfig,
    batch_size: int,
    max_batch_bytes: int,
    result: PassResult,
    total: int,
    on_progress: Callable[[Progress], None] | None,
) -> DeviceConfig:
    """Send batches one after another, sealing the next while the centre works on the current.

    The overlap keeps every rule: each batch is recorded in flight before it is sent, and
    batches go out strictly in sequence order, one at a time. The store is touched only
    from this thread; the sender thread only does HTTP.
    """
    reseals = 0
    _abandon_batches_of_another_device(outbox, device)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-send") as sender:
        batch = outbox.pending_batch() or _new_batch(outbox, device, batch_size, max_batch_bytes)
        while batch is not None:
            if transport.cancel.is_set():
                raise Cancelled()
            started, attempts_before = time.monotonic(), transport.attempts
            sending = sender.submit(transport.post_batch, batch.body, batch.batch_id)
            upcoming = _next_batch(outbox, device, batch, batch_size, max_batch_bytes, sending)
            try:
                answer = sending.result()
            except Refused as refusal:
                reseals += 1
                if reseals > _MAX_RESEALS:
                    raise
                device = _after_refusal(outbox, transport, device, batch, refusal)
                # The refused batch and every later one were given up together (their
                # records wait again, in submission order), so `upcoming` is gone too.
                batch = outbox.pending_batch() or _new_batch(outbox, device, batch_size, max_batch_bytes)
                continue
            counts = outbox.apply_answer(
                batch,
                answer,
                duration_ms=int((time.monotonic() - started) * 1000),
                attempts=transport.attempts - attempts_before,
            )
            result.batches += 1
            result.records += len(batch.record_ids)
            result.wire_bytes += len(batch.body)
            result.accepted += counts["accepted"]
            result.duplicates += counts["duplicate"]
            result.rejected += counts["rejected"] + counts["needs_correction"]
            if on_progress is not None:
                on_progress(Progress(min(result.records, total), max(total, result.records), result.batches))
            batch = upcoming or outbox.pending_batch(after=batch.sequence)
    return device


def _next_batch(
    outbox: Outbox,
    device: DeviceConfig,
    current: PendingBatch,
    batch_size: int,
    max_batch_bytes: int,
    sending: Future[BatchAnswer],
) -> PendingBatch | None:
    """The batch to send after `current`: one already in flight (after a crash), or a new
    one sealed now, while `current` is on its way. None when nothing waits, or when the
    send already failed (the records then stay waiting for the next batch formed)."""
    following = outbox.pending_batch(after=current.sequence)
    if following is not None:
        return following
    if sending.done() and sending.exception() is not None:
        return None
    return _new_batch(outbox, device, batch_size, max_batch_bytes)


def _new_batch(outbox: Outbox, device: DeviceConfig, batch_size: int, max_batch_bytes: int) -> PendingBatch | None:
    records = outbox.take_waiting(batch_size, max_batch_bytes)
    if not records:
        return None
    batch_id = uuid7_str()
    sequence = outbox.next_sequence()
    body = seal(
        records,
        batch_id=batch_id,
        sequence=sequence,
        device_id=device.device_id,
        device_key=device.device_key,
        centre_key=device.centre_key,
        audit_head=outbox.audit_head(),  # the centre witnesses the audit chain as it stands now
    )
    return outbox.record_batch(batch_id, sequence, body, [r.id for r in records])


def _refresh_expiring_key(outbox: Outbox, transport: Transport, device: DeviceConfig) -> DeviceConfig:
    """Ask the centre for its current key when ours expires within `KEY_REFRESH_DAYS`, so a
    rotation is picked up before batches sealed to the old key start being refused."""
    expires = device.centre_key_expires_at
    if expires is None:
        return device
    try:
        moment = datetime.fromisoformat(expires)
        if moment.tzinfo is None:  # a time without offset is taken as UTC, as the protocol writes them
            moment = moment.replace(tzinfo=UTC)
        remaining = moment - datetime.now(UTC)
    except ValueError:
        remaining = timedelta(0)
    if remaining > timedelta(days=KEY_REFRESH_DAYS):
        return device
    try:
        key, new_expiry = device_config.parse_centre_key(transport.centre_key())
    except Cancelled:
        raise
    except SyncError as exc:  # the held key still works until it expires: push anyway
        log.warning("could not refresh the centre key: %s", exc.code)
        return device
    if (key.key_id, new_expiry) != (device.centre_key.key_id, expires):
        device = device.with_centre_key(key, new_expiry)
        device_config.save(outbox.settings, device)
    return device


def _after_refusal(
    outbox: Outbox, transport: Transport, device: DeviceConfig, batch: PendingBatch, refusal: Refused
) -> DeviceConfig:
    """Refusals a new batch answers: re-seal the records; any other refusal ends the pass
    (the batch stays in flight and is sent again when the cause is fixed)."""
    if refusal.code == "unknown_centre_key":
        key, expires = device_config.parse_centre_key(transport.centre_key())
        if key.key_id == _sealed_to(batch):
            raise refusal  # sealed to the very key the centre serves: re-sealing cannot help
        if key.key_id != device.centre_key.key_id:
            device = device.with_centre_key(key, expires)
            device_config.save(outbox.settings, device)
    elif refusal.code == "stale_sequence":
        last = refusal.body.get("last_sequence")
        if type(last) is not int:
            raise refusal
        outbox.skip_sequence_past(last)
    elif refusal.code != "batch_id_reused":
        raise refusal
    outbox.abandon_batch(batch, refusal.code)
    return device


def _sealed_to(batch: PendingBatch) -> str | None:
    """The centre key id in a recorded batch's own header (None if it cannot be read)."""
    try:
        return envelope.parse(batch.body).header.centre_key_id
    except envelope.EnvelopeError:
        return None


def _abandon_batches_of_another_device(outbox: Outbox, device: DeviceConfig) -> None:
    """After a new enrolment (say, once this PC was revoked), batches signed as the old
    device can never be accepted: give them up so their records are sealed again."""
    after = 0
    while (batch := outbox.pending_batch(after=after)) is not None:
        try:
            header = envelope.parse(batch.body).header
            mine = (header.device_id, header.device_key_id) == (device.device_id, device.device_key.key_id)
        except envelope.EnvelopeError:
            mine = False
        if not mine:
            outbox.abandon_batch(batch, "device_changed")
            return  # that gave up every later batch too
        after = batch.sequence


def _pull(outbox: Outbox, transport: Transport, device: DeviceConfig, result: PassResult) -> None:
    while True:
        if transport.cancel.is_set():
            raise Cancelled()
        after = outbox.feed_cursor()
        entries, next_cursor, more = transport.status_feed(
            device_id=device.device_id, sign=device.device_key.sign, after=after
        )
        if entries and next_cursor <= after:
            raise SyncError("malformed_feed", "the status feed's cursor did not advance")
        for status, n in outbox.apply_feed(entries, next_cursor).items():
            result.decided[status] = result.decided.get(status, 0) + n
        if not more or not entries:
            return
