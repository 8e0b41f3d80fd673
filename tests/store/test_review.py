"""Rejections, review before sync and withdrawal in the store: what each change writes, and nothing more."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

import pytest

from branch_client.store import BranchDirectory, RecoveryKey, Session, audit, review
from branch_client.store.errors import PermissionDenied
from forms import load_form
from forms.samples import generate_registrations
from tests.conftest import MANAGER, TELLER
from tests.sync.helpers import submit_new

FORM = load_form()


def answers(seed: int) -> dict[str, Any]:
    """One valid registration's answers (the forms engine's generator)."""
    return next(iter(generate_registrations(1, seed=seed)))


def submit_one(
    session: Session, seed: int, *, hold: bool = False, supersedes: str | None = None, submitted_at: str | None = None
) -> str:
    """Submit a registration as `session`'s account; returns its record id."""
    [record_id] = submit_new(session, [answers(seed)], hold=hold, supersedes=supersedes, submitted_at=submitted_at)
    return record_id


def centre_says(
    session: Session,
    record_id: str,
    status: str,
    *,
    en: str = "Some answers are not valid. Correct them and send again.",
    km: str = "ចម្លើយខ្លះមិនត្រឹមត្រូវ។ សូមកែ ហើយផ្ញើម្ដងទៀត។",
    fields: Mapping[str, Mapping[str, str]] | None = None,
    at: str = "2026-11-24T03:00:00+00:00",
) -> None:
    """Record the centre's answer on a sent record, as the sync engine would."""
    with session.db.atomic():
        session.db.execute("UPDATE outbox SET state = 'acknowledged' WHERE record_id = ?", [record_id])
        session.db.execute(
            "INSERT INTO sync_results (record_id, status, reason_code, message_km, message_en, fields,"
            " answered_status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (record_id) DO UPDATE SET status = excluded.status, message_en = excluded.message_en,"
            " message_km = excluded.message_km, fields = excluded.fields, updated_at = excluded.updated_at",
            [
                record_id,
                status,
                None if status == "accepted" else "invalid_answers",
                None if status == "accepted" else km,
                None if status == "accepted" else en,
                json.dumps(fields, ensure_ascii=False) if fields else None,
                status,
                at,
            ],
        )


def outbox_ids(session: Session) -> set[str]:
    return {r[0] for r in session.db.execute("SELECT record_id FROM outbox")}


def review_state(session: Session, record_id: str) -> tuple[str | None, str | None]:
    row = session.db.execute("SELECT review_state, review_note FROM registrations WHERE id = ?", [record_id]).fetchone()
    return row[0], row[1]


def entries(session: Session, action: str) -> list[audit.AuditEntry]:
    return list(reversed(audit.entries(session.db, action=action)))


# --- review before sync -------------------------------------------------------------


def test_a_held_registration_waits_outside_the_outbox(manager: Session, teller: Session) -> None:
    held = submit_one(teller, 1, hold=True)
    straight = submit_one(teller, 2)

    assert review_state(manager, held) == ("pending", None)
    assert outbox_ids(manager) == {straight}
    [row] = manager.pending_review()
    assert (row.record_id, row.teller, row.review_state) == (held, TELLER[0], "pending")
    assert row.owner_name == "ឈឹម ដារ៉ា (Chhim Dara)"
    assert manager.policy.review_before_sync is False  # holding is the capture code's call, not the store's


def test_approve_puts_exactly_the_approved_record_in_the_outbox_and_audits_it(
    manager: Session, teller: Session
) -> None:
    first, second = submit_one(teller, 1, hold=True), submit_one(teller, 2, hold=True)
    before = len(audit.entries(manager.db))

    assert manager.approve(first) == 1

    assert outbox_ids(manager) == {first}
    assert review_state(manager, first) == (None, None)
    assert review_state(manager, second) == ("pending", None)
    assert [r.record_id for r in manager.pending_review()] == [second]
    [entry] = entries(manager, "registration_approved")
    reference = manager.db.execute("SELECT reference FROM registrations WHERE id = ?", [first]).fetchone()[0]
    assert (entry.actor, entry.subject, json.loads(entry.details)) == (
        manager.account.id,
        first,
        {"reference": reference},
    )
    assert len(audit.entries(manager.db)) == before + 1
    assert audit.verify_chain(manager.db).intact


def test_bulk_approval_of_a_day_is_one_transaction(manager: Session, teller: Session) -> None:
    monday = [submit_one(teller, i, hold=True, submitted_at=f"2026-11-23T0{i}:00:00+00:00") for i in range(1, 4)]
    tuesday = [submit_one(teller, i, hold=True, submitted_at=f"2026-11-24T0{i}:00:00+00:00") for i in range(4, 6)]

    pending = manager.pending_review()
    assert review.days(pending, UTC) == [(date(2026, 11, 23), 3), (date(2026, 11, 24), 2)]
    chosen = [r.record_id for r in review.submitted_on(pending, date(2026, 11, 23), UTC)]
    assert chosen == monday

    assert manager.approve(chosen) == 3

    assert outbox_ids(manager) == set(monday)
    assert [r.record_id for r in manager.pending_review()] == tuesday
    approved = entries(manager, "registration_approved")
    assert [e.subject for e in approved] == monday
    assert all(json.loads(e.details)["batch"] == "3" for e in approved)


def test_a_bulk_approval_with_one_record_already_dealt_with_changes_nothing(manager: Session, teller: Session) -> None:
    ids = [submit_one(teller, i, hold=True) for i in range(1, 4)]
    manager.return_to_teller(ids[1], "The phone number is the neighbour's.")
    audit_before = len(audit.entries(manager.db))

    with pytest.raises(review.NotPendingReview):
        manager.approve(ids)

    assert outbox_ids(manager) == set()
    assert [review_state(manager, i)[0] for i in ids] == ["pending", "returned", "pending"]
    assert len(audit.entries(manager.db)) == audit_before


def test_approving_twice_is_refused(manager: Session, teller: Session) -> None:
    record = submit_one(teller, 1, hold=True)
    manager.approve([record])
    with pytest.raises(review.NotPendingReview):
        manager.approve([record])
    assert outbox_ids(manager) == {record}
    assert len(entries(manager, "registration_approved")) == 1


def test_a_registration_that_never_waited_cannot_be_approved(manager: Session, teller: Session) -> None:
    straight = submit_one(teller, 1)
    with pytest.raises(review.NotPendingReview):
        manager.approve(straight)
    with pytest.raises(review.NotPendingReview):
        manager.approve("no-such-record")


def test_return_needs_a_reason_and_keeps_it_out_of_the_audit_log(manager: Session, teller: Session) -> None:
    record = submit_one(teller, 1, hold=True)
    for empty in ("", "   \n "):
        with pytest.raises(review.ReasonRequired):
            manager.return_to_teller(record, empty)
    with pytest.raises(review.ReasonRequired):
        manager.return_to_teller(record, "x" * (review.MAX_REASON + 1))
    assert review_state(manager, record) == ("pending", None)
    assert entries(manager, "registration_returned") == []

    reason = "  The ID card number has a digit missing (ask Sok Dara again).  "
    assert manager.return_to_teller(record, reason) == 1

    assert review_state(manager, record) == ("returned", reason.strip())
    assert manager.pending_review() == []
    assert outbox_ids(manager) == set()
    [entry] = entries(manager, "registration_returned")
    assert entry.subject == record
    assert set(json.loads(entry.details)) == {"reference"}
    assert "Dara" not in entry.details
    [returned] = manager.returned_registrations()
    assert (returned.record_id, returned.review_note) == (record, reason.strip())


def test_the_teller_sees_their_own_returned_registrations(
    branch: tuple[BranchDirectory, RecoveryKey], manager: Session, teller: Session
) -> None:
    manager.create_account("dara", "dara-pass-1")
    other = branch[0].unlock("dara", "dara-pass-1")
    try:
        mine, theirs = submit_one(teller, 1, hold=True), submit_one(other, 2, hold=True)
        manager.return_to_teller([mine, theirs], "Check the village.")
        assert [r.record_id for r in teller.returned_registrations()] == [mine]
        assert [r.record_id for r in other.returned_registrations()] == [theirs]
        assert {r.record_id for r in manager.returned_registrations()} == {mine, theirs}
        assert {r.teller for r in manager.returned_registrations()} == {TELLER[0], "dara"}
    finally:
        other.close()


def test_a_correction_of_a_returned_registration_waits_again_and_replaces_it(manager: Session, teller: Session) -> None:
    record = submit_one(teller, 1, hold=True)
    manager.return_to_teller(record, "The phone number is wrong.")

    correction = submit_one(teller, 1, hold=True, supersedes=record)

    assert manager.returned_registrations() == []
    [pending] = manager.pending_review()
    assert pending.record_id == correction
    assert pending.supersedes == record
    reference = manager.db.execute("SELECT reference FROM registrations WHERE id = ?", [record]).fetchone()[0]
    assert pending.supersedes_reference == reference
    with pytest.raises(review.NotPendingReview):  # the returned version is out of review for good
        manager.approve(record)
    manager.approve(correction)
    assert outbox_ids(manager) == {correction}


def test_tellers_may_not_approve_return_or_withdraw(manager: Session, teller: Session) -> None:
    record = submit_one(teller, 1, hold=True)
    with pytest.raises(PermissionDenied):
        teller.approve(record)
    with pytest.raises(PermissionDenied):
        teller.return_to_teller(record, "no")
    with pytest.raises(PermissionDenied):
        teller.withdraw(record, "no")
    assert review_state(manager, record) == ("pending", None)


# --- sent back by the centre --------------------------------------------------------


def test_rejected_and_sent_back_records_are_listed_with_the_centres_words(manager: Session, teller: Session) -> None:
    accepted, rejected, sent_back = (submit_one(teller, i) for i in (1, 2, 3))
    centre_says(manager, accepted, "accepted")
    centre_says(
        manager,
        rejected,
        "rejected",
        fields={"sex": {"km": "ចម្លើយនេះត្រូវតែបំពេញ។", "en": "This answer is required."}, "no_such": {"en": "Odd."}},
        at="2026-11-24T04:00:00+00:00",
    )
    centre_says(manager, sent_back, "needs_correction", en="The photo is unclear.", km="រូបថតមិនច្បាស់")

    rows = manager.rejections()

    assert [r.record_id for r in rows] == [rejected, sent_back]  # newest answer first
    first = rows[0]
    assert (first.status, first.state, first.teller, first.reason_code) == (
        "rejected",
        review.OPEN,
        TELLER[0],
        "invalid_answers",
    )
    assert first.message("en") == "Some answers are not valid. Correct them and send again."
    assert first.message("km").startswith("ចម្លើយខ្លះ")
    sex, unknown = first.fields
    assert (sex.name, sex.label_in("en"), sex.message_in("en")) == (
        "sex",
        FORM.row("sex").label("en"),
        "This answer is required.",
    )
    assert sex.label_in("km") == FORM.row("sex").label("km") != sex.label_in("en")
    assert sex.message_in("km") == "ចម្លើយនេះត្រូវតែបំពេញ។"
    assert (unknown.label_in("km"), unknown.message_in("km")) == ("no_such", "Odd.")  # falls back, never blank
    assert rows[1].message("en") == "The photo is unclear."


def test_a_corrected_record_shows_correction_sent_until_the_centre_answers_the_correction(
    manager: Session, teller: Session
) -> None:
    original = submit_one(teller, 1)
    centre_says(manager, original, "rejected")
    correction = submit_one(teller, 1, supersedes=original)

    [row] = manager.rejections()
    assert (row.record_id, row.state, row.correction_id) == (original, review.CORRECTION_SENT, correction)
    with pytest.raises(review.CannotWithdraw):
        manager.withdraw(original, "Corrected already")

    centre_says(manager, correction, "rejected", en="Still wrong.", at="2026-11-24T05:00:00+00:00")
    [row] = manager.rejections()  # the latest version only
    assert (row.record_id, row.state) == (correction, review.OPEN)

    second = submit_one(teller, 1, supersedes=correction)
    centre_says(manager, second, "accepted")
    assert manager.rejections() == []


def test_withdraw_needs_a_reason_is_audited_without_it_and_drops_the_record_off(
    manager: Session, teller: Session
) -> None:
    record = submit_one(teller, 1)
    centre_says(manager, record, "rejected")
    with pytest.raises(review.ReasonRequired):
        manager.withdraw(record, "  ")
    assert manager.db.execute("SELECT withdrawn_at FROM registrations WHERE id = ?", [record]).fetchone()[0] is None

    manager.withdraw(record, "The owner closed the stall and does not want to register.")

    assert manager.rejections() == []
    [row] = manager.rejections(include_withdrawn=True)
    assert (row.state, row.withdrawn_reason) == (
        review.WITHDRAWN,
        "The owner closed the stall and does not want to register.",
    )
    assert row.withdrawn_at is not None
    [entry] = entries(manager, "registration_withdrawn")
    assert entry.subject == record
    assert json.loads(entry.details) == {"reference": row.reference, "was": "rejected"}
    with pytest.raises(review.CannotWithdraw):
        manager.withdraw(record, "again")
    assert audit.verify_chain(manager.db).intact


def test_pending_and_returned_records_can_be_withdrawn_and_then_never_enter_the_outbox(
    manager: Session, teller: Session
) -> None:
    pending, returned = submit_one(teller, 1, hold=True), submit_one(teller, 2, hold=True)
    manager.return_to_teller(returned, "Wrong person.")

    manager.withdraw(pending, "Entered twice by mistake.")
    manager.withdraw(returned, "The owner left.")

    assert manager.pending_review() == manager.returned_registrations() == []
    with pytest.raises(review.NotPendingReview):
        manager.approve(pending)
    assert outbox_ids(manager) == set()
    assert [json.loads(e.details)["was"] for e in entries(manager, "registration_withdrawn")] == ["pending", "returned"]


def test_records_on_their_way_or_accepted_cannot_be_withdrawn(manager: Session, teller: Session) -> None:
    waiting, accepted = submit_one(teller, 1), submit_one(teller, 2)
    centre_says(manager, accepted, "accepted")
    for record in (waiting, accepted, "no-such-record"):
        with pytest.raises(review.CannotWithdraw):
            manager.withdraw(record, "Not wanted")
    assert entries(manager, "registration_withdrawn") == []


def test_a_teller_sees_only_their_own_rejections(
    branch: tuple[BranchDirectory, RecoveryKey], manager: Session, teller: Session
) -> None:
    mine, managers = submit_one(teller, 1), submit_one(manager, 2)
    centre_says(manager, mine, "rejected")
    centre_says(manager, managers, "needs_correction")
    assert [r.record_id for r in teller.rejections()] == [mine]
    assert {r.record_id for r in manager.rejections()} == {mine, managers}
    assert {r.teller for r in manager.rejections()} == {TELLER[0], MANAGER[0]}


def test_local_day_uses_the_given_time_zone() -> None:
    from datetime import timedelta, timezone

    phnom_penh = timezone(timedelta(hours=7))
    assert review.local_day("2026-11-23T18:30:00+00:00", phnom_penh) == date(2026, 11, 24)
    assert review.local_day("2026-11-23T18:30:00+00:00", UTC) == date(2026, 11, 23)
    assert review.local_day("2026-11-23T18:30:00", UTC) == date(2026, 11, 23)  # naive: stored as UTC
    assert datetime.fromisoformat("2026-11-23T18:30:00+00:00").tzinfo is not None
