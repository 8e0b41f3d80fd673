"""Batch intake: the protocol's checks, in the documented order, then the records' own checks.

`Intake.receive(body)` answers one `POST /v1/batches`: it returns the answer bytes or
raises `Refusal` (an error code, its HTTP status, extra fields). A refusal stores
nothing. The heavy work (signature, HPKE open, decompression, parsing, validation) runs
outside the store's lock; only the final decisions and writes run inside it
(`CentreStore.commit_batch`), so two branches' batches overlap as much as they can.

A batch id being processed is claimed in memory: a second request with the same id
meanwhile gets `409 batch_in_progress` (the client retries and then gets the stored
answer). Log lines carry ids and codes only, never anything from the records.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

from central import ledger, messages
from central.ledger import CheckedRecord, IncomingBatch, now_iso
from central.store import CentreStore
from central.validation import INVALID_ANSWERS, RecordValidator, Rejection, form_validator, identity_key
from sync import envelope, protocol
from sync.envelope import EnvelopeError
from sync.protocol import Record

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS: Final = 2
_PARSE_CODES: Final = ("malformed", "unsupported_version", "unsupported_suite")


class Refusal(Exception):
    """A request the centre refuses: `code` (see `messages.ERRORS`), its HTTP `status`, extra body fields."""

    def __init__(
        self, code: str, *, status: int | None = None, retry_after: int | None = None, **extra: object
    ) -> None:
        super().__init__(code)
        self.code = code
        self.status = status or messages.error_status(code)
        self.retry_after = retry_after
        self.extra = extra

    def body(self) -> dict[str, object]:
        """The JSON error body."""
        return messages.error_body(self.code, **self.extra)


class Intake:
    """Receives batches for one store with one record validator."""

    def __init__(self, store: CentreStore, validator: RecordValidator | None = None) -> None:
        self.store = store
        self.validator = validator or form_validator
        self._busy: set[str] = set()
        self._busy_lock = threading.Lock()

    @contextmanager
    def _claim(self, batch_id: str) -> Iterator[None]:
        with self._busy_lock:
            if batch_id in self._busy:
                raise Refusal("batch_in_progress", retry_after=RETRY_AFTER_SECONDS)
            self._busy.add(batch_id)
        try:
            yield
        finally:
            with self._busy_lock:
                self._busy.discard(batch_id)

    def receive(self, body: bytes, idempotency_key: str | None = None) -> bytes:
        """Check, open, decide and store one batch; return the answer's exact bytes."""
        # 1. framing and header
        try:
            env = envelope.parse(body)
        except EnvelopeError as exc:
            raise Refusal(exc.code if exc.code in _PARSE_CODES else "malformed") from None
        header = env.header
        if idempotency_key is not None and idempotency_key != header.batch_id:
            raise Refusal("malformed")
        # 2. the device and its key
        device = self.store.device(header.device_id)
        if device is None:
            raise Refusal("unknown_device")
        if device.revoked_at is not None:
            raise Refusal("device_revoked")
        if device.key_id != header.device_key_id:
            raise Refusal("unknown_device")
        # 3. the centre key
        key = self.store.usable_key(header.centre_key_id)
        if key is None:
            raise Refusal("unknown_centre_key")
        if protocol.SUITE_FOR_KIND[key.kind] != header.suite:
            raise Refusal("unsupported_suite")
        # 4. the signature
        if not env.signature_valid(device.public_key):
            raise Refusal("bad_signature")
        digest = hashlib.sha256(body).hexdigest()
        # 5. the batch id
        with self._claim(header.batch_id):
            stored = self.store.stored_batch(header.batch_id)
            if stored is not None:
                if stored.body_sha256 == digest:
                    log.info("batch %s answered again from the store", header.batch_id)
                    return stored.answer
                raise Refusal("batch_id_reused")
            # 6. the sequence
            if header.sequence <= device.last_sequence:
                raise Refusal("stale_sequence", last_sequence=device.last_sequence)
            # 7. the payload
            try:
                records = env.open(key.private)
            except EnvelopeError as exc:
                code = exc.code if exc.code in messages.ERRORS else "malformed"
                raise Refusal(code, status=422 if code == "malformed" else None) from None
            # 8. each record on its own
            batch = IncomingBatch(
                header=header,
                device_id=device.device_id,
                branch_id=device.branch_id,
                body_sha256=digest,
                received_at=now_iso(),
                records=[check_record(record, self.validator) for record in records],
            )
            try:
                answer = self.store.commit_batch(batch)
            except ledger.StaleSequence as exc:
                raise Refusal("stale_sequence", last_sequence=exc.last_sequence) from None
        log.info("batch %s from device %s: %d records stored", header.batch_id, device.device_id, len(records))
        return answer


def check_record(record: Record, validator: RecordValidator) -> CheckedRecord:
    """Validate one record and prepare what the store keeps of it (never raises for a record's content)."""
    rejection = validator(record)
    if rejection is not None:
        return CheckedRecord(record, rejection)
    try:
        answers_json = protocol.canonical_json(dict(record.answers)).decode()
    except (ValueError, TypeError, RecursionError):  # NaN, lone surrogates: JSON we cannot store faithfully
        return CheckedRecord(record, Rejection("invalid_answers", INVALID_ANSWERS))
    return CheckedRecord(record, None, answers_json, identity_key(record.answers))
