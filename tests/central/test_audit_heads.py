"""The centre keeps the audit chain heads devices send (protocol version 2), per device, in the
batch's transaction; acknowledges each in its answer; and `audit-heads` lists them."""

from __future__ import annotations

import json

import pytest

from central.__main__ import main
from central.runner import RunningCentre
from sync import envelope
from sync.ids import uuid7_str
from sync.protocol import AuditHead
from tests.central.conftest import Device, dump, make_record


def _seal(device: Device, head: AuditHead | None, *, sequence: int | None = None) -> bytes:
    if sequence is None:
        device.sequence += 1
        sequence = device.sequence
    return envelope.seal(
        [make_record()],
        batch_id=uuid7_str(),
        sequence=sequence,
        device_id=device.device_id,
        device_key=device.key,
        centre_key=device.centre_key,
        audit_head=head,
    )


def _head(count: int, fill: str = "a") -> AuditHead:
    return AuditHead(count, (fill * 64)[:64])


def test_the_head_is_kept_per_device_and_acknowledged(
    centre: RunningCentre, device: Device, other_device: Device
) -> None:
    answers = []
    for count in (5, 9):
        response = device.post(_seal(device, _head(count)))
        assert response.status_code == 200, response.text
        answers.append(response.json())
    assert other_device.post(_seal(other_device, _head(3, "b"))).status_code == 200
    assert [a["audit_head"] for a in answers] == [
        {"count": 5, "sha256": "a" * 64},
        {"count": 9, "sha256": "a" * 64},
    ]
    held = centre.store.audit_heads(device.device_id)
    assert [(h.count, h.sha256) for h in held] == [(5, "a" * 64), (9, "a" * 64)]
    assert [h.batch_id for h in held] == [a["batch_id"] for a in answers]
    assert [h.received_at for h in held] == [a["received_at"] for a in answers]
    assert [(h.count, h.sha256) for h in centre.store.audit_heads(other_device.device_id)] == [(3, "b" * 64)]


def test_a_replayed_batch_gets_the_same_acknowledgement_and_keeps_one_head(
    centre: RunningCentre, device: Device
) -> None:
    body = _seal(device, _head(7))
    first = device.post(body)
    again = device.post(body)
    assert first.content == again.content
    assert json.loads(again.content)["audit_head"] == {"count": 7, "sha256": "a" * 64}
    assert len(centre.store.audit_heads(device.device_id)) == 1


def test_a_version_1_batch_is_accepted_without_a_head(centre: RunningCentre, device: Device) -> None:
    response = device.post(_seal(device, None))
    assert response.status_code == 200, response.text
    assert "audit_head" not in response.json()
    assert response.json()["results"][0]["status"] == "accepted"
    assert centre.store.audit_heads(device.device_id) == []


def test_a_refused_batch_keeps_no_head(centre: RunningCentre, device: Device) -> None:
    assert device.post(_seal(device, _head(4))).status_code == 200
    before = dump(centre.store.path)
    stale = device.post(_seal(device, _head(6), sequence=1))
    assert (stale.status_code, stale.json()["error"]) == (409, "stale_sequence")
    body = bytearray(_seal(device, _head(6)))
    body[-1] ^= 1  # the signature
    assert device.post(bytes(body)).json()["error"] == "bad_signature"
    assert dump(centre.store.path) == before
    assert [h.count for h in centre.store.audit_heads(device.device_id)] == [4]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_audit_heads_lists_what_the_centre_holds(
    capsys: pytest.CaptureFixture[str], centre: RunningCentre, device: Device
) -> None:
    db = str(centre.store.path)
    code, out, _ = _run(capsys, "audit-heads", "--db", db, device.device_id)
    assert code == 0
    assert "no audit heads held" in out
    for head in (_head(5), _head(9), _head(9, "c"), _head(6, "d")):
        assert device.post(_seal(device, head)).status_code == 200
    code, out, _ = _run(capsys, "audit-heads", "--db", db, device.device_id)
    assert code == 0
    held = centre.store.audit_heads(device.device_id)
    lines = [line for line in out.splitlines() if not line.startswith(" ")]
    assert len(lines) == 1 + 4
    for line, head in zip(lines[1:], held, strict=True):
        assert line.split() == [str(head.count), head.sha256, head.received_at, head.batch_id]
    # A head that contradicts an earlier one is pointed out.
    assert "a different hash from the one witnessed before for as many entries" in out
    assert "fewer entries than the 9 witnessed before" in out


def test_audit_heads_refuses_an_unknown_device(capsys: pytest.CaptureFixture[str], centre: RunningCentre) -> None:
    code, _, err = _run(capsys, "audit-heads", "--db", str(centre.store.path), "dev-nope")
    assert code == 1
    assert err.startswith("cam-ie-central: no device dev-nope")
