"""Batches end to end: numbers, idempotent replays, resends, probable duplicates, corrections, sequences."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
import requests

from central.runner import RunningCentre, start_centre
from central.validation import Rejection, schema_validator
from sync.ids import uuid7_str
from sync.protocol import BatchAnswer, Record
from tests.central.conftest import Device, dump, enrol, make_record


def test_accepted_records_get_distinct_numbers_in_order(centre: RunningCentre, device: Device) -> None:
    records = [make_record() for _ in range(5)]
    answer = BatchAnswer.from_json(device.send(records))
    assert [r.record_id for r in answer.results] == [r.id for r in records]
    assert {r.status for r in answer.results} == {"accepted"}
    numbers = [r.cam_ie_number or "" for r in answer.results]
    assert all(re.fullmatch(r"CIE-\d{4}-\d{7}", n) for n in numbers)
    assert len(set(numbers)) == 5
    assert numbers == sorted(numbers)
    assert centre.store.record_count() == 5
    assert centre.store.records_by_status() == {"accepted": 5}


def test_a_replay_gets_the_stored_answer_byte_for_byte(centre: RunningCentre, device: Device) -> None:
    body = device.seal([make_record(), make_record(form_id="unknown_form")])
    first = device.post(body)
    before = dump(centre.store.path)
    again = device.post(body, headers={"Idempotency-Key": first.json()["batch_id"]})
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert dump(centre.store.path) == before


def test_a_resent_record_in_a_new_batch_keeps_its_number(centre: RunningCentre, device: Device) -> None:
    record = make_record()
    first = device.send([record])["results"][0]
    # The client re-sealed the record (new batch id, new sequence), e.g. after a key rotation.
    second = device.send([record, make_record()])["results"]
    assert second[0] == {
        "record_id": record.id,
        "status": "duplicate",
        "reason_code": "already_accepted",
        "cam_ie_number": first["cam_ie_number"],
    }
    assert second[1]["status"] == "accepted"
    assert second[1]["cam_ie_number"] != first["cam_ie_number"]
    assert centre.store.record_count() == 2


def test_a_record_id_of_another_branch_is_not_given_away(
    centre: RunningCentre, device: Device, other_device: Device
) -> None:
    record = make_record()
    device.send([record])
    result = other_device.send([record])["results"][0]
    assert result["status"] == "rejected"
    assert result["reason_code"] == "record_id_conflict"
    assert "cam_ie_number" not in result


def test_a_probable_duplicate_is_held_then_decided_through_the_feed(
    centre: RunningCentre, device: Device, other_device: Device
) -> None:
    original = make_record(answers={"id_number": "012 345 678"})
    number = device.send([original])["results"][0]["cam_ie_number"]
    # The same ID typed differently at another branch: spaces, a zero-width space, Khmer digits.
    copy = make_record(answers={"id_number": "០១២\u200b345678"})
    result = other_device.send([copy])["results"][0]
    assert result["status"] == "duplicate"
    assert result["reason_code"] == "probable_duplicate"
    assert result["duplicate_of"] == number
    assert result["message"]["km"]
    assert result["message"]["en"]
    assert [r.record_id for r in centre.store.held_records()] == [copy.id]
    # Sent again while held: the same answer, not a second held copy.
    assert other_device.send([copy])["results"][0]["reason_code"] == "probable_duplicate"
    assert centre.store.record_count() == 2

    entry = centre.store.decide(copy.id, "approved")
    assert entry.cam_ie_number is not None
    assert entry.cam_ie_number != number
    feed = other_device.status().json()
    assert [(e["record_id"], e["status"], e["cam_ie_number"]) for e in feed["entries"]] == [
        (copy.id, "approved", entry.cam_ie_number)
    ]
    assert device.status().json()["entries"] == []
    assert centre.store.held_records() == []


def test_the_same_id_in_the_same_branch_is_not_a_probable_duplicate(centre: RunningCentre, device: Device) -> None:
    a = make_record(answers={"id_number": "777777777"})
    b = make_record(answers={"id_number": "777777777"})
    assert [r["status"] for r in device.send([a, b])["results"]] == ["accepted", "accepted"]


def test_a_correction_takes_the_old_number_and_supersedes_the_old_record(centre: RunningCentre, device: Device) -> None:
    old = make_record()
    number = device.send([old])["results"][0]["cam_ie_number"]
    centre.store.decide(old.id, "needs_correction", message_en="Wrong village.")
    fixed = make_record(supersedes=old.id, answers={"id_number": old.answers["id_number"]})
    result = device.send([fixed])["results"][0]
    assert result == {"record_id": fixed.id, "status": "accepted", "cam_ie_number": number}
    assert centre.store.record(old.id).status == "superseded"  # type: ignore[union-attr]
    again = make_record(supersedes=old.id)
    assert device.send([again])["results"][0]["reason_code"] == "already_superseded"


def test_a_correction_of_a_record_rejected_on_arrival_gets_a_new_number(centre: RunningCentre, device: Device) -> None:
    bad = make_record(answers={"sex": None})
    assert device.send([bad])["results"][0]["status"] == "rejected"
    fixed = make_record(supersedes=bad.id)
    assert device.send([fixed])["results"][0]["status"] == "accepted"


def test_a_correction_of_another_branch_s_record_is_rejected(
    centre: RunningCentre, device: Device, other_device: Device
) -> None:
    theirs = make_record()
    other_device.send([theirs])
    result = device.send([make_record(supersedes=theirs.id)])["results"][0]
    assert (result["status"], result["reason_code"]) == ("rejected", "invalid_supersedes")


def test_a_rejected_record_does_not_block_the_others(centre: RunningCentre, device: Device) -> None:
    records = [
        make_record(),
        make_record(answers={"id_number": ""}),
        make_record(form_id="not_our_form"),
        make_record(answers={"photo": {"nested": True}}),
        make_record(answers={"note": "x" * 3000}),
        make_record(),
    ]
    results = device.send(records)["results"]
    assert [r["status"] for r in results] == ["accepted", "rejected", "rejected", "rejected", "rejected", "accepted"]
    assert [r.get("reason_code") for r in results[1:5]] == [
        "invalid_answers",
        "unknown_form",
        "invalid_answers",
        "invalid_answers",
    ]
    assert set(results[1]["fields"]) == {"id_number"}
    assert set(results[3]["fields"]) == {"photo"}
    assert all(set(m) == {"km", "en"} for m in results[4]["fields"].values())
    assert centre.store.record_count() == 2


def test_a_stale_sequence_is_refused_with_the_last_one(centre: RunningCentre, device: Device) -> None:
    device.send([make_record()])
    device.send([make_record()])
    before = dump(centre.store.path)
    response = device.post(device.seal([make_record()], sequence=2))
    assert response.status_code == 409
    assert response.json()["error"] == "stale_sequence"
    assert response.json()["last_sequence"] == 2
    assert dump(centre.store.path) == before


def test_a_batch_being_processed_is_answered_409_with_retry_after(tmp_path: Path) -> None:
    entered, release = threading.Event(), threading.Event()

    def slow(record: Record) -> Rejection | None:
        entered.set()
        release.wait(30)
        return schema_validator(record)

    with start_centre(tmp_path / "c.db", validator=slow) as centre:
        device = enrol(centre)
        body = device.seal([make_record()])
        first: list[requests.Response] = []
        sender = threading.Thread(target=lambda: first.append(device.post(body)))
        sender.start()
        assert entered.wait(30)
        with requests.Session() as session:
            busy = session.post(centre.url + "/v1/batches", data=body, timeout=30)
        release.set()
        sender.join(30)
        assert (busy.status_code, busy.json()["error"]) == (409, "batch_in_progress")
        assert busy.headers["Retry-After"] == "2"
        assert first[0].status_code == 200
        assert device.post(body).content == first[0].content
        device.close()


def test_many_full_batches_are_each_stored_once(centre: RunningCentre, device: Device) -> None:
    # Speed is measured by `python -m bench sync`; here only that full batches all go in.
    bodies = [device.seal([make_record() for _ in range(500)]) for _ in range(6)]
    for body in bodies:
        assert device.post(body).status_code == 200
    assert centre.store.record_count() == 3_000
    assert centre.store.batch_count() == 6


def test_batch_ids_are_independent_of_record_ids(centre: RunningCentre, device: Device) -> None:
    record = make_record()
    body = device.seal([record], batch_id=uuid7_str())
    assert device.post(body).json()["results"][0]["status"] == "accepted"


def test_a_validator_bug_is_a_500_that_changes_nothing(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    def broken(record: Record) -> Rejection | None:
        raise RuntimeError(f"bug while reading {record.answers['given_name_latin']}")

    with start_centre(tmp_path / "c.db", validator=broken) as centre:
        device = enrol(centre)
        before = dump(centre.store.path)
        response = device.post(device.seal([make_record(answers={"given_name_latin": "Dararith"})]))
        assert (response.status_code, response.json()["error"]) == (500, "internal_error")
        assert dump(centre.store.path) == before
        device.close()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "unexpected RuntimeError" in logged
    assert "Dararith" not in logged  # the exception's text (with a name in it) is not logged


@pytest.mark.parametrize(
    ("decision", "reason"), [("rejected", "fake_documents"), ("needs_correction", "photo_unclear")]
)
def test_a_resend_after_an_operators_decision_gets_that_decision(
    centre: RunningCentre, device: Device, decision: str, reason: str
) -> None:
    record = make_record()
    number = device.send([record])["results"][0]["cam_ie_number"]
    centre.store.decide(record.id, decision, reason, "មូលហេតុ", "The reason.")

    again = device.send([record])["results"][0]  # a new batch, as after the branch re-sealed it

    assert again["status"] == decision
    assert again["reason_code"] == reason
    assert again["message"]["en"] == "The reason."
    assert again.get("cam_ie_number") == number


def test_a_correction_of_a_rejected_record_gets_a_fresh_number(centre: RunningCentre, device: Device) -> None:
    record = make_record()
    old_number = device.send([record])["results"][0]["cam_ie_number"]
    centre.store.decide(record.id, "rejected", "fake_documents", "ឯកសារក្លែងក្លាយ", "Fake documents.")

    correction = make_record(supersedes=record.id)
    result = device.send([correction])["results"][0]

    assert result["status"] == "accepted"
    assert result["cam_ie_number"] != old_number
