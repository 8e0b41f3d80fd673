"""The capture use case: every way of submitting obeys the review-before-sync policy, a
correction is never its own duplicate, and stored answers come back as typed text."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from branch_client.app import demo, self_test
from branch_client.services import capture
from branch_client.services import sync as sync_service
from branch_client.store import NewRegistration, Session
from forms import Form, load_form
from forms.samples import generate_registrations
from sync.ids import uuid7_str

FORM = load_form()
CAPTURED_AT = "2026-11-24T09:00:00+07:00"


def _answers(seed: int) -> dict[str, object]:
    return dict(next(iter(generate_registrations(1, seed=seed))))


def _through_the_service(session: Session, form: Form, answers: dict[str, object]) -> str:
    return capture.submit(session, form, answers, record_id=uuid7_str(), captured_at=CAPTURED_AT).reference


def _through_the_session(session: Session, form: Form, answers: dict[str, object]) -> str:
    registration = NewRegistration(
        record_id=uuid7_str(),
        form_id=form.form_id,
        form_version=form.version,
        answers=form.normalise(answers),
        captured_at=CAPTURED_AT,
    )
    return session.submit_registration(registration)


def _through_the_demo(session: Session, form: Form, answers: dict[str, object]) -> str:
    del form, answers  # the demo makes its own
    before = {row.record_id for row in session.pending_review()}
    demo.seed_registrations(session, 1, seed=5)
    (new,) = [row for row in session.pending_review() if row.record_id not in before]
    return new.reference


SUBMITTERS: dict[str, Callable[[Session, Form, dict[str, object]], str]] = {
    "service": _through_the_service,
    "session": _through_the_session,
    "demo": _through_the_demo,
    "self-test": self_test.submit_sample,
}


def _review_before_sync(session: Session, on: bool) -> None:
    session.set_policy(dataclasses.replace(session.policy, review_before_sync=on))


@pytest.mark.parametrize("way", SUBMITTERS)
def test_every_way_of_submitting_holds_the_record_while_review_is_on(manager_session: Session, way: str) -> None:
    _review_before_sync(manager_session, True)
    reference = SUBMITTERS[way](manager_session, FORM, _answers(11))
    held = [row.reference for row in manager_session.pending_review()]
    assert reference in held
    assert sync_service.snapshot(manager_session.db).counts["waiting"] == 0


@pytest.mark.parametrize("way", ["service", "session", "self-test"])
def test_with_review_off_the_record_goes_to_the_outbox(manager_session: Session, way: str) -> None:
    _review_before_sync(manager_session, False)
    SUBMITTERS[way](manager_session, FORM, _answers(12))
    assert manager_session.pending_review() == []
    assert sync_service.snapshot(manager_session.db).counts["waiting"] == 1


def test_the_service_says_whether_the_record_is_held(manager_session: Session) -> None:
    _review_before_sync(manager_session, True)
    held = capture.submit(manager_session, FORM, _answers(13), record_id=uuid7_str(), captured_at=CAPTURED_AT)
    _review_before_sync(manager_session, False)
    sent = capture.submit(manager_session, FORM, _answers(14), record_id=uuid7_str(), captured_at=CAPTURED_AT)
    assert (held.held_for_review, sent.held_for_review) == (True, False)
    assert held.owner
    assert held.reference != sent.reference


def test_a_correction_is_not_its_own_duplicate_but_others_still_are(manager_session: Session) -> None:
    answers = _answers(15)
    first = capture.submit(manager_session, FORM, answers, record_id=uuid7_str(), captured_at=CAPTURED_AT)
    second = capture.submit(
        manager_session, FORM, answers, record_id=uuid7_str(), captured_at=CAPTURED_AT, supersedes=first.record_id
    )
    stored = FORM.normalise(answers)
    # A further correction of the chain: neither version is reported.
    assert capture.possible_duplicates(manager_session, stored, supersedes=second.record_id) == []
    # A new registration of the same person: the latest version is.
    assert [m.record_id for m in capture.possible_duplicates(manager_session, stored)] == [second.record_id]


def test_stored_answers_come_back_as_the_editors_hold_them() -> None:
    answers = _answers(16)
    stored = FORM.normalise(answers)
    typed = capture.typed_answers(FORM, stored)
    assert FORM.normalise(typed) == stored  # nothing lost on the way back
    assert all(
        isinstance(v, str) or (isinstance(v, list) and all(isinstance(i, str) for i in v)) for v in typed.values()
    )
    assert not any(name.startswith("_") for name in typed)  # the form's stamps are left out
