"""Time-ordered identifiers (UUIDv7, RFC 9562) for records and batches.

Record ids are made at capture and batch ids when a batch is formed; both are the
idempotency keys of the sync protocol, so they must be unique without coordination and
sort by creation time (which keeps the outbox and the centre's indexes append-mostly).
"""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def uuid7() -> uuid.UUID:
    """A new UUIDv7: 48-bit Unix milliseconds, then a 12-bit counter and 62 random bits.

    Within one process the ids are strictly increasing even when many are made in the
    same millisecond (the counter is the RFC's "method 1", seeded randomly each ms).
    """
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms > _last_ms:
            _last_ms = ms
            _counter = int.from_bytes(os.urandom(2), "big") & 0x7FF  # leave room to count
        else:
            _counter += 1
            if _counter > 0xFFF:  # counter exhausted in this ms: borrow the next ms
                _last_ms += 1
                _counter = 0
            ms = _last_ms
        rand = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
        value = (ms & ((1 << 48) - 1)) << 80
        value |= 0x7 << 76
        value |= _counter << 64
        value |= 0b10 << 62
        value |= rand
    return uuid.UUID(int=value)


def uuid7_str() -> str:
    """A new UUIDv7 in its canonical text form."""
    return str(uuid7())
