"""The whole loop on one machine: branch stores (SQLCipher) → sync → the reference centre (uvicorn on loopback)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from branch_client.services import sync as sync_service
from branch_client.store import BranchDirectory, Session
from central.runner import RunningCentre, start_centre
from sync import device as device_config
from sync.outbox import Outbox
from sync.settings import SyncSettings
from tests.sync.helpers import FAST_RETRY, client_numbers, enrolled_branch, run_pass, sample_answers, submit


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[RunningCentre]:
    with start_centre(tmp_path / "centre.db") as running:
        yield running


@pytest.fixture
def branch_a(tmp_path: Path, centre: RunningCentre) -> Iterator[tuple[BranchDirectory, Session]]:
    with enrolled_branch(tmp_path / "branch-a", centre, "PNH-01") as branch:
        yield branch


def centre_records(centre: RunningCentre) -> dict[str, str | None]:
    """record id → CAM-IE number of every record the centre holds."""
    return {r.record_id: r.cam_ie_number for r in centre.store.records(limit=100_000)}


def test_captured_records_are_accepted_exactly_once(
    branch_a: tuple[BranchDirectory, Session], centre: RunningCentre
) -> None:
    directory, session = branch_a
    ids = submit(session, sample_answers(30, seed=1))
    assert Outbox(session.db.conn).counts()["waiting"] == 30

    result = run_pass(directory, session, batch_size=7)

    assert result.ok, result.error
    assert (result.batches, result.records, result.accepted) == (5, 30, 30)
    held = centre_records(centre)
    assert set(held) == set(ids)
    numbers = client_numbers(session)
    assert numbers == held  # the branch shows the very numbers the centre gave
    assert len(set(numbers.values())) == 30
    counts = Outbox(session.db.conn).counts()
    assert counts["accepted"] == 30
    assert counts["waiting"] == counts["in_flight"] == 0

    again = run_pass(directory, session)
    assert again.ok
    assert again.records == 0
    assert centre.store.record_count() == 30


def test_a_rejected_record_does_not_block_the_others(
    branch_a: tuple[BranchDirectory, Session], centre: RunningCentre
) -> None:
    directory, session = branch_a
    answers = sample_answers(5, seed=2)
    del answers[2]["sex"]
    ids = submit(session, answers)

    result = run_pass(directory, session, batch_size=10)

    assert result.ok
    assert (result.accepted, result.rejected) == (4, 1)
    state = Outbox(session.db.conn).record_state(ids[2])
    assert state is not None
    assert state.state == "rejected"
    assert state.reason_code == "invalid_answers"
    assert state.message_km
    assert state.message_en
    assert set(centre_records(centre)) == set(ids) - {ids[2]}


def test_probable_duplicate_is_held_then_the_decision_comes_back_through_the_feed(
    tmp_path: Path, branch_a: tuple[BranchDirectory, Session], centre: RunningCentre
) -> None:
    directory_a, session_a = branch_a
    answers = sample_answers(2, seed=3)
    submit(session_a, answers[:1])
    assert run_pass(directory_a, session_a).ok
    with enrolled_branch(tmp_path / "branch-b", centre, "KPC-02") as (directory_b, session_b):
        same_person = {**answers[1], "id_type": answers[0]["id_type"], "id_number": answers[0]["id_number"]}
        [held_id] = submit(session_b, [same_person])
        result = run_pass(directory_b, session_b)
        assert result.ok
        assert result.duplicates == 1
        state = Outbox(session_b.db.conn).record_state(held_id)
        assert state is not None
        assert state.state == "duplicate"

        centre.store.decide(held_id, "approved")
        result = run_pass(directory_b, session_b)
        assert result.decisions == 1
        state = Outbox(session_b.db.conn).record_state(held_id)
        assert state is not None
        assert state.state == "accepted"
        assert state.cam_ie_number == centre_records(centre)[held_id]

        centre.store.decide(held_id, "needs_correction", "photo_unclear", "រូបថតមិនច្បាស់", "The photo is unclear.")
        assert run_pass(directory_b, session_b).decisions == 1
        state = Outbox(session_b.db.conn).record_state(held_id)
        assert state is not None
        assert state.state == "needs_correction"
        assert state.message_en == "The photo is unclear."
        assert run_pass(directory_b, session_b).decisions == 0  # the cursor moved on


def test_after_a_key_rotation_the_branch_fetches_the_new_key_and_reseals(
    branch_a: tuple[BranchDirectory, Session], centre: RunningCentre
) -> None:
    directory, session = branch_a
    old = centre.store.current_key().key_id
    centre.store.rotate_key("mlkem768-x25519")
    centre.store.retire_key(old)
    ids = submit(session, sample_answers(4, seed=4))

    result = run_pass(directory, session)

    assert result.ok, result.error
    assert result.accepted == 4
    assert set(centre_records(centre)) == set(ids)
    events = session.db.execute("SELECT count(*) FROM sync_batches WHERE state = 'abandoned'").fetchone()[0]
    assert events == 1  # the batch sealed to the retired key, given up and re-sealed


def test_a_store_restored_from_a_backup_continues_above_the_centres_sequence(
    branch_a: tuple[BranchDirectory, Session], centre: RunningCentre
) -> None:
    directory, session = branch_a
    ids = submit(session, sample_answers(3, seed=5))
    assert run_pass(directory, session, batch_size=1).ok
    numbers = client_numbers(session)
    with session.db.atomic():  # the store as a backup made before that sync left it
        for table in ("sync_batches", "sync_results", "sync_events"):
            session.db.execute(f"DELETE FROM {table}")
        session.db.execute("UPDATE outbox SET state = 'waiting', batch_id = NULL")
        session.db.execute("DELETE FROM settings WHERE key = 'sync.next_sequence'")

    result = run_pass(directory, session, batch_size=1)

    assert result.ok, result.error
    assert client_numbers(session) == numbers  # the same numbers again, none new
    assert set(centre_records(centre)) == set(ids)
    assert centre.store.record_count() == 3


def test_a_revoked_device_stops_the_pass_and_keeps_the_records(
    branch_a: tuple[BranchDirectory, Session], centre: RunningCentre
) -> None:
    directory, session = branch_a
    submit(session, sample_answers(2, seed=7))
    device_id = centre.store.devices()[0].device_id
    centre.store.revoke_device(device_id)

    result = run_pass(directory, session)

    assert result.error is not None
    assert result.error.code == "device_revoked"
    outbox = Outbox(session.db.conn)
    assert outbox.waiting_count() == 2
    assert outbox.settings.get("last_error_code") == "device_revoked"
    assert centre.store.record_count() == 0


def test_a_hybrid_post_quantum_centre_key_works_end_to_end(tmp_path: Path) -> None:
    with (
        start_centre(tmp_path / "c.db", key_kind="mlkem768-x25519") as centre,
        enrolled_branch(tmp_path / "b", centre) as (directory, session),
    ):
        submit(session, sample_answers(3, seed=8))
        result = run_pass(directory, session)
        assert result.ok
        assert result.accepted == 3
        assert centre.store.current_key().kind == "mlkem768-x25519"


def test_a_key_about_to_expire_is_replaced_before_batches_are_refused(
    branch_a: tuple[BranchDirectory, Session], centre: RunningCentre
) -> None:
    directory, session = branch_a
    new_key = centre.store.rotate_key()  # the old key now expires in 14 days
    outbox = Outbox(session.db.conn)
    device = device_config.load(outbox.settings)
    assert device is not None
    [old] = [k for k in centre.store.keys() if k.key_id == device.centre_key.key_id]  # noqa: SIM118 - a method, not a dict
    device_config.save(outbox.settings, dataclasses.replace(device, centre_key_expires_at=old.expires_at))
    submit(session, sample_answers(2, seed=13))

    result = run_pass(directory, session)

    assert result.ok
    refreshed = device_config.load(SyncSettings(session.db.conn))
    assert refreshed is not None
    assert refreshed.centre_key.key_id == new_key
    abandoned = session.db.execute("SELECT count(*) FROM sync_batches WHERE state = 'abandoned'").fetchone()[0]
    assert abandoned == 0  # sealed to the new key from the start


def test_each_record_has_its_sync_history(branch_a: tuple[BranchDirectory, Session], centre: RunningCentre) -> None:
    directory, session = branch_a
    [record_id] = submit(session, sample_answers(1, seed=14))
    old = centre.store.current_key().key_id
    centre.store.rotate_key()
    centre.store.retire_key(old)  # the first batch is refused, the record sealed again
    assert run_pass(directory, session).ok
    centre.store.decide(record_id, "needs_correction", "check_phone", "ពិនិត្យលេខទូរសព្ទ", "Check the phone number.")
    assert run_pass(directory, session).decisions == 1

    events = [event for _, event, _, _ in Outbox(session.db.conn).history(record_id)]

    assert events == ["batch_abandoned", "batched", "answered_accepted", "decided_needs_correction"]


def test_a_rotation_with_several_batches_in_flight_reseals_them_all(
    branch_a: tuple[BranchDirectory, Session], centre: RunningCentre
) -> None:
    directory, session = branch_a
    ids = submit(session, sample_answers(30, seed=15))
    old = centre.store.current_key().key_id
    centre.store.rotate_key()
    centre.store.retire_key(old)

    result = run_pass(directory, session, batch_size=7)  # the next batch is sealed while one is sent

    assert result.ok, result.error
    assert set(centre_records(centre)) == set(ids)
    assert Outbox(session.db.conn).counts()["accepted"] == 30


def test_enrolling_again_after_a_revocation_delivers_what_the_old_device_had_in_flight(
    branch_a: tuple[BranchDirectory, Session], centre: RunningCentre
) -> None:
    directory, session = branch_a
    ids = submit(session, sample_answers(5, seed=16))
    centre.store.revoke_device(centre.store.devices()[0].device_id)
    assert run_pass(directory, session).error is not None  # batches now in flight, signed as the old device

    sync_service.enrol(session, centre.url, centre.store.issue_enrolment_code("PNH-01"), retry=FAST_RETRY)
    ids += submit(session, sample_answers(2, seed=17), prefix="S")
    result = run_pass(directory, session)

    assert result.ok, result.error
    assert set(centre_records(centre)) == set(ids)


def test_a_centre_key_expiry_without_an_offset_is_read_as_utc(
    branch_a: tuple[BranchDirectory, Session], centre: RunningCentre
) -> None:
    directory, session = branch_a
    outbox = Outbox(session.db.conn)
    device = device_config.load(outbox.settings)
    assert device is not None
    device_config.save(outbox.settings, dataclasses.replace(device, centre_key_expires_at="2027-01-01T00:00:00"))
    submit(session, sample_answers(1, seed=18))

    assert run_pass(directory, session).ok


def test_a_record_sent_again_after_a_decision_keeps_that_decision(
    branch_a: tuple[BranchDirectory, Session], centre: RunningCentre
) -> None:
    directory, session = branch_a
    [record_id] = submit(session, sample_answers(1, seed=20))
    assert run_pass(directory, session).ok
    centre.store.decide(record_id, "needs_correction", "photo_unclear", "រូបថតមិនច្បាស់", "The photo is unclear.")
    with session.db.atomic():  # the store as a backup made before the first sync left it
        for table in ("sync_batches", "sync_results", "sync_events"):
            session.db.execute(f"DELETE FROM {table}")
        session.db.execute("UPDATE outbox SET state = 'waiting', batch_id = NULL")
        session.db.execute("DELETE FROM settings WHERE key IN ('sync.next_sequence', 'sync.feed_cursor')")

    assert run_pass(directory, session).ok

    state = Outbox(session.db.conn).record_state(record_id)
    assert state is not None
    assert state.state == "needs_correction"
    assert state.message_en == "The photo is unclear."
