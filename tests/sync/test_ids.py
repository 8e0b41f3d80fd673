"""UUIDv7: the record and batch ids that make sync idempotent."""

from __future__ import annotations

import time
import uuid

from sync.ids import uuid7


def test_uuid7_has_version_7_and_rfc_variant() -> None:
    value = uuid7()
    assert value.version == 7
    assert value.variant == uuid.RFC_4122


def test_uuid7_carries_the_current_unix_milliseconds() -> None:
    before = time.time_ns() // 1_000_000
    value = uuid7()
    after = time.time_ns() // 1_000_000
    assert before <= value.int >> 80 <= after + 1


def test_uuid7_is_strictly_increasing_within_a_process() -> None:
    values = [uuid7() for _ in range(20_000)]  # many share a millisecond
    assert values == sorted(values)
    assert len(set(values)) == len(values)
