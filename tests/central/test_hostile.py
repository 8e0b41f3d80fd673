"""Hostile batches: each is refused with the documented status and code, and the store is left exactly as it was."""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from central.runner import RunningCentre
from sync import envelope, protocol
from sync.envelope import CentrePublicKey, DeviceKey
from sync.ids import uuid7_str
from sync.protocol import BatchHeader
from tests.central.conftest import Device, dump, make_record


def _frame(header_bytes: bytes, ciphertext: bytes, key: DeviceKey) -> bytes:
    signed = b"CIEB\x01" + struct.pack(">I", len(header_bytes)) + header_bytes
    signed += struct.pack(">I", len(ciphertext)) + ciphertext
    return signed + key.sign(signed)


def _craft(device: Device, *, payload: bytes | None = None, compressed: bytes | None = None, **header: Any) -> bytes:
    """An envelope signed by the real device key, but built with the given flaws."""
    if compressed is None:
        compressed = envelope.compress(payload or protocol.encode_records([make_record()]))
    device.sequence += 1
    values: dict[str, Any] = {
        "suite": device.centre_key.suite,
        "device_id": device.device_id,
        "device_key_id": device.key.key_id,
        "centre_key_id": device.centre_key.key_id,
        "batch_id": uuid7_str(),
        "sequence": device.sequence,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "record_count": 1,
        "payload_sha256": hashlib.sha256(compressed).hexdigest(),
    }
    values.update(header)
    header_bytes = protocol.canonical_json({"version": values.pop("version", 1), **values})
    ciphertext = envelope._suite(device.centre_key.kind).encrypt(
        compressed, device.centre_key._key(), info=header_bytes
    )
    return _frame(header_bytes, ciphertext, device.key)


def _refused(centre: RunningCentre, device: Device, body: bytes, status: int, code: str | set[str], **kw: Any) -> None:
    """POST `body`; it must be refused as said and change nothing."""
    before = dump(centre.store.path)
    counts = (centre.store.record_count(), centre.store.batch_count())
    response = device.post(body, **kw)
    codes = {code} if isinstance(code, str) else code
    assert (response.status_code, response.json()["error"]) in {(status, c) for c in codes}, response.text
    assert set(response.json()["message"]) == {"km", "en"}
    assert (centre.store.record_count(), centre.store.batch_count()) == counts
    assert dump(centre.store.path) == before


@pytest.fixture
def seeded(centre: RunningCentre, device: Device) -> Device:
    """A device that already has one batch stored (so 'unchanged' means something)."""
    device.send([make_record(), make_record()])
    return device


def test_a_signature_by_another_key_is_refused(centre: RunningCentre, seeded: Device) -> None:
    body = seeded.seal([make_record()])
    forged = body[:-64] + DeviceKey.generate().sign(body[:-64])
    _refused(centre, seeded, forged, 401, "bad_signature")


def _regions(body: bytes) -> dict[str, tuple[int, int]]:
    header_len = struct.unpack_from(">I", body, 5)[0]
    ct_start = 9 + header_len + 4
    return {
        "framing": (0, 9),
        "header": (9, 9 + header_len),
        "ciphertext": (ct_start, len(body) - 64),
        "signature": (len(body) - 64, len(body)),
    }


_EXPECTED = {
    "framing": (400, {"malformed"}),
    "header": (
        {400, 401, 422},
        {
            "malformed",
            "unsupported_version",
            "unsupported_suite",
            "unknown_device",
            "bad_signature",
            "unknown_centre_key",
        },
    ),
    "ciphertext": (401, {"bad_signature"}),
    "signature": (401, {"bad_signature"}),
}


@pytest.mark.parametrize("region", list(_EXPECTED))
@pytest.mark.parametrize(("where", "bit"), [(0.0, 0), (0.3, 5), (0.5, 7), (0.8, 2), (0.999, 1)])
def test_a_flipped_bit_anywhere_is_refused(
    centre: RunningCentre, seeded: Device, region: str, where: float, bit: int
) -> None:
    body = bytearray(seeded.seal([make_record()]))
    start, end = _regions(bytes(body))[region]
    position = start + int((end - start - 1) * where)
    body[position] ^= 1 << bit
    before = dump(centre.store.path)
    response = seeded.post(bytes(body))
    statuses, codes = _EXPECTED[region]
    assert response.status_code in (statuses if isinstance(statuses, set) else {statuses})
    assert response.json()["error"] in codes
    assert dump(centre.store.path) == before


def test_a_header_swapped_from_another_batch_is_refused(centre: RunningCentre, seeded: Device) -> None:
    first, second = seeded.seal([make_record()]), seeded.seal([make_record()])
    r1, r2 = _regions(first), _regions(second)
    header2 = second[r2["header"][0] : r2["header"][1]]
    ciphertext1 = first[r1["ciphertext"][0] : r1["ciphertext"][1]]
    swapped = first[:5] + struct.pack(">I", len(header2)) + header2 + struct.pack(">I", len(ciphertext1)) + ciphertext1
    # Kept with the old signature, the signature fails; re-signed by the device, the HPKE seal (header as info) fails.
    _refused(centre, seeded, swapped + first[-64:], 401, "bad_signature")
    _refused(centre, seeded, swapped + seeded.key.sign(swapped), 422, "payload_unopenable")


def test_a_replayed_batch_id_with_other_bytes_is_refused(centre: RunningCentre, seeded: Device) -> None:
    batch_id = uuid7_str()
    assert seeded.post(seeded.seal([make_record()], batch_id=batch_id)).status_code == 200
    _refused(centre, seeded, seeded.seal([make_record()], batch_id=batch_id), 422, "batch_id_reused")


def test_an_unknown_device_is_refused(centre: RunningCentre, seeded: Device) -> None:
    stranger = replace(seeded, device_id="dev-" + uuid7_str(), key=DeviceKey.generate())
    _refused(centre, seeded, stranger.seal([make_record()]), 401, "unknown_device")


def test_a_known_device_with_another_key_is_refused(centre: RunningCentre, seeded: Device) -> None:
    impostor = replace(seeded, key=DeviceKey.generate())
    _refused(centre, seeded, impostor.seal([make_record()]), 401, "unknown_device")


def test_a_revoked_device_is_refused(centre: RunningCentre, seeded: Device) -> None:
    body = seeded.seal([make_record()])
    centre.store.revoke_device(seeded.device_id)
    _refused(centre, seeded, body, 403, "device_revoked")


def test_a_wrong_centre_key_id_is_refused(centre: RunningCentre, seeded: Device) -> None:
    wrong = replace(seeded, centre_key=CentrePublicKey("ck-unknown", "x25519", seeded.centre_key.public_bytes))
    _refused(centre, seeded, wrong.seal([make_record()]), 422, "unknown_centre_key")


def test_a_retired_centre_key_is_refused(centre: RunningCentre, seeded: Device) -> None:
    body = seeded.seal([make_record()])
    centre.store.rotate_key()
    assert seeded.post(seeded.seal([make_record()])).status_code == 200  # still open during the grace period
    centre.store.retire_key(seeded.centre_key.key_id)
    _refused(centre, seeded, body, 422, "unknown_centre_key")


def test_a_suite_that_does_not_match_the_key_is_refused(centre: RunningCentre, seeded: Device) -> None:
    body = _craft(seeded, suite=protocol.SUITE_MLKEM768_X25519)
    _refused(centre, seeded, body, 400, "unsupported_suite")


def test_an_unknown_protocol_version_is_refused(centre: RunningCentre, seeded: Device) -> None:
    _refused(centre, seeded, _craft(seeded, version=3), 400, "unsupported_version")


@pytest.mark.parametrize("cut", [1, 10, 64, 65, 200])
def test_a_truncated_body_is_refused(centre: RunningCentre, seeded: Device, cut: int) -> None:
    body = seeded.seal([make_record()])
    _refused(centre, seeded, body[:-cut], 400, "malformed")


@pytest.mark.parametrize("body", [b"", b"garbage", b"CIEB" + bytes(200), bytes(range(256)) * 10])
def test_garbage_is_refused(centre: RunningCentre, seeded: Device, body: bytes) -> None:
    _refused(centre, seeded, body, 400, "malformed")


def test_an_idempotency_key_that_is_not_the_batch_id_is_refused(centre: RunningCentre, seeded: Device) -> None:
    body = seeded.seal([make_record()])
    _refused(centre, seeded, body, 400, "malformed", headers={"Idempotency-Key": uuid7_str()})


_PAYLOAD_FLAWS: dict[str, tuple[Callable[[Device], bytes], int, str]] = {
    "digest": (lambda d: _craft(d, payload_sha256="0" * 64), 422, "digest_mismatch"),
    "count": (lambda d: _craft(d, record_count=2), 422, "count_mismatch"),
    "not zstd": (lambda d: _craft(d, compressed=b"plain bytes, not zstd"), 422, "payload_unreadable"),
    "not json": (lambda d: _craft(d, payload=b"{not json"), 422, "malformed"),
    "bad record": (lambda d: _craft(d, payload=b'{"records":[{"id":"x"}]}'), 422, "malformed"),
    "zip bomb": (
        lambda d: _craft(d, compressed=envelope.compress(b" " * (protocol.MAX_PAYLOAD_BYTES + 1))),
        413,
        "payload_too_large",
    ),
}


@pytest.mark.parametrize("flaw", list(_PAYLOAD_FLAWS))
def test_a_payload_that_does_not_open_cleanly_is_refused(centre: RunningCentre, seeded: Device, flaw: str) -> None:
    make, status, code = _PAYLOAD_FLAWS[flaw]
    _refused(centre, seeded, make(seeded), status, code)


def test_a_body_over_the_size_limit_is_refused(centre: RunningCentre, seeded: Device) -> None:
    _refused(centre, seeded, b"\0" * (40 * 1024 * 1024 + 1), 413, "payload_too_large")


def test_a_header_that_is_not_canonical_is_refused(centre: RunningCentre, seeded: Device) -> None:
    body = seeded.seal([make_record()])
    start, end = _regions(body)["header"]
    header = BatchHeader.from_bytes(body[start:end])
    spaced = header.to_bytes().replace(b",", b", ", 1)
    ciphertext = body[end + 4 : -64]
    _refused(centre, seeded, _frame(spaced, ciphertext, seeded.key), 400, "malformed")
