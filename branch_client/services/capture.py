"""Capture's rules between the wizard and the store: no Qt here.

The capture page, the demo, the self-test and the tests submit registrations the same way,
so the rules they share live here rather than in a widget:

- a stored registration's answers become the text the wizard's editors hold again
  (`typed_answers`), for a correction;
- the duplicate check leaves out a correction's own versions (`possible_duplicates`);
- a submission normalises the answers, and the store applies the branch's
  review-before-sync policy inside its transaction (`submit`), so no caller can skip it;
- a duplicate is looked for as soon as one of its keys is typed in full and valid
  (`complete_keys`, `duplicates_as_typed`), so the teller hears of it on page 1, not after
  seven pages; the check at Submit stays;
- a new registration starts in the branch's own province and district (`home_answers`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import forms
from branch_client.store import (
    MATCH_ID,
    MATCH_PERSON,
    MATCH_PHONE,
    DuplicateMatch,
    NewRegistration,
    Session,
    owner_name,
)

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


def own_versions(session: Session, supersedes: str | None) -> list[str]:
    """The record ids a correction of `supersedes` must not be reported as a duplicate of:
    every version of that registration ([] for a new registration)."""
    if not supersedes:
        return []
    return session.versions(supersedes) or [supersedes]


def possible_duplicates(
    session: Session, answers: Mapping[str, Any], *, supersedes: str | None = None
) -> list[DuplicateMatch]:
    """Registrations of this branch that look like `answers` (normalised). A correction
    (`supersedes` set) is never reported as a duplicate of its own earlier versions."""
    return session.find_duplicates(answers, exclude=own_versions(session, supersedes))


# --------------------------------------------------------------------------- duplicates as typed
#: The questions each duplicate key is made of, by kind of match.
KEY_FIELDS: dict[str, tuple[str, ...]] = {
    MATCH_ID: ("id_type", "id_number"),
    MATCH_PHONE: ("phone",),
    MATCH_PERSON: ("family_name_km", "given_name_km", "family_name_latin", "given_name_latin", "date_of_birth"),
}
#: The question under which a match of each kind is shown while the teller types: the one
#: that completes the key in the form's order.
HINT_FIELDS: dict[str, str] = {MATCH_ID: "id_number", MATCH_PHONE: "phone", MATCH_PERSON: "date_of_birth"}
#: The ID types whose number is a key (`none` has no number).
_ID_TYPES = ("national_id", "passport")
_NAME_PAIRS = (("family_name_km", "given_name_km"), ("family_name_latin", "given_name_latin"))


def complete_keys(
    form: forms.Form, typed: Mapping[str, Any], *, today: datetime.date | None = None
) -> dict[str, dict[str, object]]:
    """For each duplicate key the teller has typed in full and the form finds valid, the
    answers (as stored, i.e. through `Form.normalise`) that make it up; kinds are `MATCH_*`.

    - ID: an ID type with a number, and a number the form accepts for that type;
    - phone: a number the form accepts (it normalises to +855…);
    - person: the full name in one script (family and given, Khmer script first) and a date
      of birth the form accepts, in whatever spelling the form reads dates.

    Validation and normalisation are the form's own, so a date or a number counts exactly
    when Submit would accept it. Pure: no store, no Qt."""
    problems = form.validate(typed, today=today)
    stored = form.normalise(typed)

    def fine(*names: str) -> bool:
        return all(name not in problems and _given(stored.get(name)) for name in names)

    keys: dict[str, dict[str, object]] = {}
    if stored.get("id_type") in _ID_TYPES and fine("id_type", "id_number"):
        keys[MATCH_ID] = {name: stored[name] for name in KEY_FIELDS[MATCH_ID]}
    if fine("phone"):
        keys[MATCH_PHONE] = {"phone": stored["phone"]}
    if fine("date_of_birth"):
        for family, given in _NAME_PAIRS:
            if fine(family, given):
                keys[MATCH_PERSON] = {
                    family: stored[family],
                    given: stored[given],
                    "date_of_birth": stored["date_of_birth"],
                }
                break
    return keys


def _given(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def duplicates_as_typed(
    session: Session,
    form: forms.Form,
    typed: Mapping[str, Any],
    *,
    exclude: Iterable[str] = (),
    today: datetime.date | None = None,
) -> dict[str, list[DuplicateMatch]]:
    """The registrations of this branch matching each key of `typed` that is complete and
    valid (`complete_keys`): kind → matches, most alike first ([] when the key is complete
    and nothing matches; kinds whose key is not complete are absent).

    `exclude` holds the record ids never to report: the record's own id and, for a
    correction, its versions (`own_versions`). Each key is one indexed lookup, so this
    takes a few milliseconds over 120,000 registrations and runs as the teller types."""
    skip = list(exclude)
    found: dict[str, list[DuplicateMatch]] = {}
    for kind, answers in complete_keys(form, typed, today=today).items():
        found[kind] = [m for m in session.find_duplicates(answers, exclude=skip) if kind in m.kinds]
    return found


# --------------------------------------------------------------------------- the home area
def home_answers(session: Session, form: forms.Form) -> dict[str, str]:
    """The province and district a new registration starts with: the branch's own (see
    `branch_client.store.home_area` for how it is found). Only answers the form offers are
    given: a district outside the province, or a code the gazetteer lacks, is left out."""
    area = session.home_area()
    if area is None:
        return {}
    province, district = area
    answers: dict[str, str] = {}
    if province in {c.name for c in form.choices("province", {})}:
        answers["province"] = province
        if district and district in {c.name for c in form.choices("district", answers)}:
            answers["district"] = district
    return answers


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
