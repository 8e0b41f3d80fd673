"""The store side of capture: references, the submit transaction, duplicates, drafts, policies."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime

import pytest
import sqlcipher3
from hypothesis import given
from hypothesis import strategies as st

from branch_client.store import NewRegistration, Session, audit, drafts, home_area, policy, references, registrations
from forms import load_form
from forms.samples import generate_registrations
from sync.ids import uuid7_str

FORM = load_form()


def _registration(answers: dict[str, object], **kwargs: object) -> NewRegistration:
    return NewRegistration(
        record_id=str(kwargs.pop("record_id", uuid7_str())),
        form_id=FORM.form_id,
        form_version=FORM.version,
        answers=answers,
        captured_at="2026-11-24T09:00:00+07:00",
        **kwargs,  # type: ignore[arg-type]
    )


# --- references -----------------------------------------------------------------------


def test_reference_has_branch_year_sequence_and_a_check_character() -> None:
    reference = references.make_reference("PNH-01", 2026, 123)
    assert reference.startswith("PNH-01-2026-000123-")
    assert references.is_valid(reference)
    assert references.is_valid(reference.lower() + "/2")
    assert not references.is_valid("PNH-01-2026-000123")
    assert not references.is_valid("")


@given(st.integers(1, 999_999), st.data())
def test_check_character_catches_any_one_mistyped_character(sequence: int, data: st.DataObject) -> None:
    reference = references.make_reference("KDL-07", 2026, sequence)
    positions = [i for i, c in enumerate(reference) if c != "-"]
    at = data.draw(st.sampled_from(positions))
    wrong = data.draw(st.sampled_from([c for c in references.ALPHABET if c != reference[at]]))
    assert not references.is_valid(reference[:at] + wrong + reference[at + 1 :])


def test_check_character_catches_swapped_neighbours() -> None:
    reference = references.make_reference("PNH-01", 2026, 4_815)
    payload = reference[:-2]
    caught = total = 0
    for i in range(len(payload) - 1):
        a, b = payload[i], payload[i + 1]
        if a == b or "-" in (a, b):
            continue
        total += 1
        swapped = payload[:i] + b + a + payload[i + 2 :]
        caught += not references.is_valid(f"{swapped}-{reference[-1]}")
    assert total > 5
    assert caught == total


def test_submit_numbers_each_registration_in_turn_per_year(manager_session: Session) -> None:
    answers = list(generate_registrations(3, seed=5))
    made = [manager_session.submit_registration(_registration(a)) for a in answers]
    year = datetime.now(UTC).year
    assert made == [references.make_reference("PNH-01", year, n) for n in (1, 2, 3)]


def test_a_failed_submit_gives_its_number_back(manager_session: Session) -> None:
    answers = next(iter(generate_registrations(1, seed=6)))
    record_id = uuid7_str()
    first = manager_session.submit_registration(_registration(answers, record_id=record_id))
    with pytest.raises(sqlcipher3.IntegrityError):  # the same record id twice: the transaction rolls back
        manager_session.submit_registration(_registration(answers, record_id=record_id))
    second = manager_session.submit_registration(_registration(answers))
    assert first.split("-")[-2] == "000001"
    assert second.split("-")[-2] == "000002"


# --- the submit transaction -------------------------------------------------------------


def test_submit_writes_registration_outbox_terms_audit_and_drops_the_draft(manager_session: Session) -> None:
    db = manager_session.db
    answers = next(iter(generate_registrations(1, seed=7)))
    draft = drafts.Draft(
        id=uuid7_str(),
        account_id=manager_session.account.id,
        form_id=FORM.form_id,
        form_version=FORM.version,
        answers=answers,
    )
    drafts.save(db, draft)
    reference = manager_session.submit_registration(_registration(answers, record_id=draft.id))
    assert db.execute("SELECT reference FROM registrations WHERE id = ?", [draft.id]).fetchone()[0] == reference
    assert db.execute("SELECT state FROM outbox WHERE record_id = ?", [draft.id]).fetchone()[0] == "waiting"
    terms = {r[0] for r in db.execute("SELECT term FROM registration_terms WHERE record_id = ?", [draft.id])}
    assert registrations.search_key(reference) in terms
    assert registrations.search_key(str(answers["family_name_latin"])) in terms
    assert manager_session.draft(draft.id) is None
    drafts.save(db, draft)  # a late save of the submitted draft must not bring it back
    assert manager_session.draft(draft.id) is None
    last = db.execute("SELECT action, subject, details FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    assert last[:2] == ("registration_submitted", draft.id)
    assert str(answers["family_name_latin"]) not in last[2]  # ids and codes only
    assert audit.verify_chain(db).intact


def test_held_for_review_waits_outside_the_outbox(manager_session: Session) -> None:
    answers = next(iter(generate_registrations(1, seed=8)))
    record_id = uuid7_str()
    manager_session.set_policy(policy.Policy(review_before_sync=True))
    manager_session.submit_registration(_registration(answers, record_id=record_id))
    db = manager_session.db
    assert db.execute("SELECT review_state FROM registrations WHERE id = ?", [record_id]).fetchone()[0] == "pending"
    assert db.execute("SELECT count(*) FROM outbox WHERE record_id = ?", [record_id]).fetchone()[0] == 0


def test_a_correction_keeps_the_reference_with_a_version(manager_session: Session) -> None:
    answers = next(iter(generate_registrations(1, seed=9)))
    first_id, second_id = uuid7_str(), uuid7_str()
    first = manager_session.submit_registration(_registration(answers, record_id=first_id))
    second = manager_session.submit_registration(_registration(answers, record_id=second_id, supersedes=first_id))
    third_id = uuid7_str()
    third = manager_session.submit_registration(_registration(answers, record_id=third_id, supersedes=second_id))
    assert (second, third) == (f"{first}/2", f"{first}/3")
    assert registrations.chain(manager_session.db, second_id) == [first_id, second_id, third_id]


# --- duplicates ---------------------------------------------------------------------------


def _kinds(session: Session, answers: dict[str, object]) -> dict[str, tuple[str, ...]]:
    return {m.reference: m.kinds for m in session.find_duplicates(answers)}


def test_duplicates_by_id_by_phone_and_by_name_and_birth(manager_session: Session) -> None:
    base, other = list(generate_registrations(2, seed=10))
    base = {**base, "id_type": "national_id", "id_number": "012345678", "phone": "012 345 678"}
    reference = manager_session.submit_registration(_registration(base))
    assert _kinds(manager_session, {**other, "id_type": "national_id", "id_number": "០១២៣៤៥៦៧៨"}) == {
        reference: (registrations.MATCH_ID,)
    }
    assert _kinds(manager_session, {**other, "phone": "+855 12 345 678"}) == {reference: (registrations.MATCH_PHONE,)}
    same_person = {
        **other,
        "family_name_km": base["family_name_km"],
        "given_name_km": f"\u200b{base['given_name_km']}",  # a zero-width space pasted in
        "date_of_birth": base["date_of_birth"],
    }
    assert _kinds(manager_session, same_person) == {reference: (registrations.MATCH_PERSON,)}
    assert _kinds(manager_session, other) == {}


def test_a_corrected_registration_is_reported_through_its_correction(manager_session: Session) -> None:
    answers = {**next(iter(generate_registrations(1, seed=11))), "phone": "097 123 4567"}
    first_id, second_id = uuid7_str(), uuid7_str()
    manager_session.submit_registration(_registration(answers, record_id=first_id))
    manager_session.submit_registration(_registration(answers, record_id=second_id, supersedes=first_id))
    assert [m.record_id for m in manager_session.find_duplicates(answers)] == [second_id]
    assert manager_session.find_duplicates(answers, exclude=[first_id, second_id]) == []


# --- the home area ----------------------------------------------------------------------


def _in_area(province: str, district: str, captured_at: str, **kwargs: object) -> NewRegistration:
    answers = {**next(iter(generate_registrations(1, seed=12))), "province": province, "district": district}
    return NewRegistration(
        record_id=str(kwargs.pop("record_id", uuid7_str())),
        form_id=FORM.form_id,
        form_version=FORM.version,
        answers=answers,
        captured_at=captured_at,
    )


def test_the_home_area_is_the_commonest_pair_among_the_latest_registrations(manager_session: Session) -> None:
    db = manager_session.db
    assert home_area.recent_area(db) is None
    assert home_area.home_area(db, "PNH-01") == ("12", None)  # none yet: the code's province
    for day, area in enumerate([("02", "0203"), ("02", "0203"), ("02", "0203"), ("17", "1710"), ("17", "1710")]):
        manager_session.submit_registration(_in_area(*area, captured_at=f"2026-11-1{day}T09:00:00+07:00"))
    assert home_area.recent_area(db) == ("02", "0203")  # three against two
    assert home_area.recent_area(db, sample=4) == ("17", "1710")  # the oldest falls out: a tie, the latest wins
    assert home_area.recent_area(db, sample=2) == ("17", "1710")
    assert home_area.home_area(db, "PNH-01") == ("02", "0203")  # the registrations win over the code
    assert manager_session.home_area() == ("02", "0203")


def test_withdrawn_registrations_do_not_count_for_the_home_area(manager_session: Session) -> None:
    manager_session.submit_registration(_in_area("02", "0203", "2026-11-10T09:00:00+07:00"))
    manager_session.set_policy(dataclasses.replace(manager_session.policy, review_before_sync=True))
    held = uuid7_str()
    manager_session.submit_registration(_in_area("17", "1710", "2026-11-11T09:00:00+07:00", record_id=held))
    assert home_area.recent_area(manager_session.db, sample=1) == ("17", "1710")
    manager_session.withdraw(held, "Typed twice")
    assert home_area.recent_area(manager_session.db, sample=1) == ("02", "0203")


@pytest.mark.parametrize(
    ("code", "province"),
    [
        ("PNH-01", "12"),
        ("btb-02", "02"),
        ("SRP", "17"),
        ("KCM-7", "03"),
        ("TBK-01", "25"),
        ("XYZ-01", None),
        ("", None),
    ],
)
def test_a_branch_code_names_its_province_by_the_usual_abbreviation(code: str, province: str | None) -> None:
    assert home_area.province_of_code(code) == province


def test_every_abbreviation_names_a_province_of_the_gazetteer() -> None:
    provinces = {c.name for c in FORM.choices("province", {})}
    assert set(home_area.PROVINCE_ABBREVIATIONS.values()) == provinces  # all 25, and nothing else


# --- drafts and policies --------------------------------------------------------------------


def test_drafts_are_kept_per_account_newest_first_and_discarded_with_an_audit(manager_session: Session) -> None:
    db = manager_session.db
    made = []
    for n in range(3):
        draft = drafts.Draft(
            id=uuid7_str(),
            account_id=manager_session.account.id,
            form_id=FORM.form_id,
            form_version=FORM.version,
            answers={"family_name_latin": f"Owner {n}"},
            page=n,
            completeness=n / 10,
        )
        drafts.save(db, draft, now=datetime(2026, 11, 24, 9, n, tzinfo=UTC))
        made.append(draft.id)
    listed = manager_session.drafts()
    assert [d.id for d in listed] == made[::-1]
    assert listed[0].page == 2
    assert listed[0].owner_name == "Owner 2"
    assert manager_session.discard_draft(made[0]) is True
    assert manager_session.discard_draft(made[0]) is False
    assert drafts.count(db) == 2
    row = db.execute("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    assert row[0] == "draft_discarded"


def test_a_damaged_draft_opens_empty_instead_of_failing(manager_session: Session) -> None:
    draft_id = uuid7_str()
    drafts.save(
        manager_session.db,
        drafts.Draft(draft_id, manager_session.account.id, FORM.form_id, FORM.version, answers={"a": "b"}),
    )
    manager_session.db.execute("UPDATE drafts SET answers = ? WHERE id = ?", ["{not json", draft_id])
    assert dict(manager_session.draft(draft_id).answers) == {}  # type: ignore[union-attr]


def test_policy_defaults_changes_and_unreadable_values(manager_session: Session) -> None:
    assert manager_session.policy == policy.Policy()
    manager_session.set_policy(policy.Policy(review_before_sync=True, warn_days_without_sync=5, warn_waiting=50))
    assert manager_session.policy == policy.Policy(True, 5, 50)
    manager_session.db.execute("UPDATE settings SET value = 'lots' WHERE key = 'policy.warn_waiting'")
    assert manager_session.policy.warn_waiting == policy.Policy().warn_waiting
    details = json.loads(
        manager_session.db.execute("SELECT details FROM audit_log WHERE action = 'policy_changed'").fetchone()[0]
    )
    assert details["review_before_sync"] == "1"
