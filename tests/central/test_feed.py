"""The status feed: signed GETs, the clock window, cursor paging, branches kept apart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import requests

from central.runner import RunningCentre
from central.store import StoreError
from sync.envelope import DeviceKey
from sync.protocol import FeedEntry
from tests.central.conftest import Device, make_record


def _decide_many(centre: RunningCentre, device: Device, count: int) -> list[str]:
    records = [make_record() for _ in range(count)]
    device.send(records)
    for record in records:
        centre.store.decide(record.id, "needs_correction", message_en="The photo is blurred.")
    return [r.id for r in records]


def test_cursor_paging_returns_every_entry_once(centre: RunningCentre, device: Device) -> None:
    ids = _decide_many(centre, device, 7)
    seen: list[str] = []
    after, pages = 0, 0
    while True:
        response = device.status(after, limit=3)
        assert response.status_code == 200, response.text
        page = response.json()
        entries = [FeedEntry.from_json(e) for e in page["entries"]]
        seen += [e.record_id for e in entries]
        assert all(e.status == "needs_correction" and e.message is not None for e in entries)
        after, pages = page["next_cursor"], pages + 1
        if not page["more"]:
            break
    assert seen == ids
    assert pages == 3
    assert device.status(after).json() == {"entries": [], "next_cursor": after, "more": False}


def test_a_branch_sees_only_its_own_decisions(centre: RunningCentre, device: Device, other_device: Device) -> None:
    _decide_many(centre, device, 2)
    theirs = _decide_many(centre, other_device, 1)
    entries = other_device.status().json()["entries"]
    assert [e["record_id"] for e in entries] == theirs


def test_a_signature_by_another_key_is_refused(centre: RunningCentre, device: Device) -> None:
    response = device.status(key=DeviceKey.generate())
    assert (response.status_code, response.json()["error"]) == (401, "bad_signature")


def test_a_signature_over_another_query_is_refused(centre: RunningCentre, device: Device) -> None:
    good = device.status(after=0)
    assert good.status_code == 200
    headers = {k: good.request.headers[k] for k in ("X-Device-Id", "X-Device-Timestamp", "X-Device-Signature")}
    with requests.Session() as session:
        response = session.get(centre.url + "/v1/status?after=5&limit=500", headers=headers, timeout=30)
    assert (response.status_code, response.json()["error"]) == (401, "bad_signature")


def test_an_old_or_unreadable_timestamp_is_refused(centre: RunningCentre, device: Device) -> None:
    for timestamp in [
        (datetime.now(UTC) - timedelta(hours=25)).isoformat(timespec="seconds"),
        (datetime.now(UTC) + timedelta(hours=25)).isoformat(timespec="seconds"),
        "2026-01-01T00:00:00",  # no offset
        "yesterday",
    ]:
        response = device.status(timestamp=timestamp)
        assert (response.status_code, response.json()["error"]) == (401, "timestamp_out_of_range"), timestamp


def test_unknown_and_revoked_devices_are_refused(centre: RunningCentre, device: Device) -> None:
    with requests.Session() as session:
        response = session.get(centre.url + "/v1/status", timeout=30)
    assert (response.status_code, response.json()["error"]) == (401, "unknown_device")
    centre.store.revoke_device(device.device_id)
    response = device.status()
    assert (response.status_code, response.json()["error"]) == (403, "device_revoked")


def test_out_of_range_paging_is_malformed(centre: RunningCentre, device: Device) -> None:
    for after, limit in [(0, 1001), (0, 0), (-1, 10)]:
        response = device.status(after, limit)
        assert (response.status_code, response.json()["error"]) == (400, "malformed")


def test_feed_entries_parse_with_the_protocol_s_own_reader(centre: RunningCentre, device: Device) -> None:
    record = make_record()
    device.send([record])
    with pytest.raises(StoreError, match="at most 1000"):
        centre.store.decide(record.id, "rejected", message_en="x" * 1001)
    centre.store.decide(record.id, "rejected", message_en="y" * 1000, message_km="ក" * 1000)
    entry = FeedEntry.from_json(device.status().json()["entries"][0])
    assert entry.reason_code == "rejected_by_operator"
    assert entry.message is not None
    assert entry.message.en == "y" * 1000
