"""Capture's rules between the wizard and the store: no Qt here.

The capture page, the demo, the self-test and the tests submit registrations the same way,
so the rules they share live here rather than in a widget:

- a stored registration's answers become the text the wizard's editors hold again
  (`typed_answers`), for a correction;
- the duplicate check leaves out a correction's own versions (`possible_duplicates`);
- a submission normalises the answers, and the store applies the branch's
  review-before-sync policy inside its transaction (`submit`), so no caller can skip it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import forms
from branch_client.store import DuplicateMatch, NewRegistration, Session, owner_name

#: Values a registration carries that the form stamps itself (a correction's copy drops them).
_STAMPS = (forms.META_FORM_ID, forms.META_FORM_VERSION)


@dataclass(frozen=True)
class Submitted:
    """What a submission gave: the reference to hand over, and whether the registration waits
    for a manager's review before it is sent."""

    record_id: str
    reference: str
    owner: str  # the owner's name as the submitted view shows it
    held_for_review: bool


def typed_answers(form: forms.Form, answers: Mapping[str, Any]) -> dict[str, Any]:
    """A stored registration's answers as the wizard's editors hold them (text, lists of text).

    Stamps, computed values and answers to fields the form no longer has are left out, so a
    correction starts from what a teller could have typed."""
    typed: dict[str, Any] = {}
    for name, value in answers.items():
        row = form.fields.get(name)
        if name in _STAMPS or row is None or not row.takes_answer:
            continue
        if isinstance(value, list):
            typed[name] = [str(v) for v in value]
        elif isinstance(value, bool) or value is None:
            continue
        else:
            typed[name] = str(value)
    return typed


def possible_duplicates(
    session: Session, answers: Mapping[str, Any], *, supersedes: str | None = None
) -> list[DuplicateMatch]:
    """Registrations of this branch that look like `answers` (normalised). A correction
    (`supersedes` set) is never reported as a duplicate of its own earlier versions."""
    exclude = session.versions(supersedes) or [supersedes] if supersedes else []
    return session.find_duplicates(answers, exclude=exclude)


def submit(
    session: Session,
    form: forms.Form,
    typed: Mapping[str, Any],
    *,
    record_id: str,
    captured_at: str,
    supersedes: str | None = None,
    duplicate_note: str | None = None,
) -> Submitted:
    """Normalise the wizard's answers and submit them in one store transaction (registration,
    outbox entry or review hold, search terms, duplicate keys, the draft's removal, audit).

    Raises `KnownError` when the store cannot take it; nothing is written then."""
    held = session.policy.review_before_sync  # the store applies the same policy in its transaction
    registration = NewRegistration(
        record_id=record_id,
        form_id=form.form_id,
        form_version=form.version,
        answers=form.normalise(dict(typed)),
        captured_at=captured_at,
        supersedes=supersedes,
        duplicate_note=duplicate_note,
    )
    reference = session.submit_registration(registration)
    return Submitted(record_id, reference, owner_name(registration.answers), held_for_review=held)
