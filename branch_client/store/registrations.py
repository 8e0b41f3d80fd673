"""Submitted registrations: the submit transaction, the duplicate keys and search terms.

The one write that matters most: a submitted registration, its outbox entry (what the
sync worker will send), its search terms, the removal of its draft and its audit entry
are written in **one transaction**, durably (`synchronous=FULL`). Either all exist after
a crash, or none does.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from branch_client.store import audit, references
from branch_client.store import policy as branch_policy
from forms import identity, romanise
from sync import protocol

NAME_FIELDS = ("family_name_km", "given_name_km", "family_name_latin", "given_name_latin")

#: How a possible duplicate matched, in the order the warning lists them.
MATCH_ID, MATCH_PHONE, MATCH_PERSON = "id_number", "phone", "name_and_birth"


@dataclass(frozen=True)
class NewRegistration:
    """A registration ready to be submitted (validated by the form engine beforehand).

    `reference` is normally left empty: `submit` takes the branch's next one inside the
    transaction. `supersedes` names the registration a correction replaces.
    """

    record_id: str  # UUIDv7 made when capture started (the draft's id)
    form_id: str
    form_version: str
    answers: Mapping[str, Any]
    captured_at: str
    reference: str = ""
    supersedes: str | None = None
    duplicate_note: str | None = None  # the teller's reason for going on despite a match


@dataclass(frozen=True)
class DuplicateMatch:
    """A registration in this branch's store that looks like the one being captured."""

    record_id: str
    reference: str
    kinds: tuple[str, ...]  # MATCH_* values
    owner_name: str
    submitted_at: str


def canonical_json(value: Any) -> str:
    """The protocol's canonical JSON as text: the same answers always give the same text,
    and the very text that is sealed into a batch."""
    return protocol.canonical_json(value).decode()


def _text(answers: Mapping[str, Any], name: str) -> str:
    value = answers.get(name)
    return value.strip() if isinstance(value, str) else ""


def json_object(text: object) -> dict[str, Any]:
    """A stored JSON object (answers, the centre's field messages); {} for anything else,
    damaged text included: a screen shows what it can instead of failing."""
    if not isinstance(text, str) or not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def field_messages(text: object) -> dict[str, dict[str, str]]:
    """The centre's per-field messages as stored in `sync_results.fields`: field → {km, en}.
    A message given as one plain string stands for both languages."""
    messages: dict[str, dict[str, str]] = {}
    for name, value in json_object(text).items():
        if isinstance(value, dict):
            texts = {k: v for k, v in value.items() if k in ("km", "en") and isinstance(v, str) and v}
        elif isinstance(value, str) and value:
            texts = {"km": value, "en": value}
        else:
            texts = {}
        if texts:
            messages[str(name)] = texts
    return messages


def id_key(answers: Mapping[str, Any]) -> str | None:
    """`national_id:123456789` or `passport:N1234567`; None without an ID number.

    `forms.identity.id_duplicate_key`, the very key the centre computes for its duplicate search.
    """
    return identity.id_duplicate_key(answers)


def phone_key(answers: Mapping[str, Any]) -> str | None:
    """The phone number in E.164, or None when there is none that reads."""
    raw = _text(answers, "phone")
    if not raw:
        return None
    try:
        return identity.normalise_phone(raw)
    except identity.IdentityError:
        return None


def person_key(answers: Mapping[str, Any]) -> str | None:
    """Folded full name (Khmer script, else Latin) + date of birth; None if either is missing."""
    birth = _text(answers, "date_of_birth")
    for family, given in (("family_name_km", "given_name_km"), ("family_name_latin", "given_name_latin")):
        name = identity.name_matching_key(_text(answers, family) + _text(answers, given))
        if name and birth:
            return f"{name}|{birth}"
    return None


def owner_name(answers: Mapping[str, Any]) -> str:
    """The owner's name as people read it: Khmer script, then Latin in brackets when both exist."""
    km = " ".join(p for p in (_text(answers, "family_name_km"), _text(answers, "given_name_km")) if p)
    latin = " ".join(p for p in (_text(answers, "family_name_latin"), _text(answers, "given_name_latin")) if p)
    if km and latin:
        return f"{km} ({latin})"
    return km or latin


def search_key(text: str) -> str:
    """How a search-as-you-type query and the stored terms are compared: `forms.romanise.search_fold`,
    the key of every teller search (romanisation variants and Khmer typing orders meet,
    Khmer digits are ASCII, spaces, hyphens and "+" do not count)."""
    return romanise.search_fold(text)


def search_terms(answers: Mapping[str, Any], reference: str) -> set[str]:
    """Every term a registration is found under by prefix (see `search_key`): the reference
    and its sequence number, the ID number (without its suffix), the phone as +855…, 0… and
    without 0, each name and each of its words in both scripts, family and given names
    joined in either order, and the business name and its words."""
    terms = {search_key(reference)}
    parts = reference.split("/", 1)[0].split("-")
    if len(parts) >= 3:  # the sequence, with and without its leading zeros
        terms |= {parts[-2], parts[-2].lstrip("0") or "0"}
    number = identity.clean_identifier(_text(answers, "id_number"))
    if number:
        terms.add(search_key(number.split("(", 1)[0]))
    phone = phone_key(answers)
    if phone:
        national = phone.removeprefix("+855")
        terms |= {phone.removeprefix("+"), "0" + national, national}
    names = {n: _text(answers, n) for n in NAME_FIELDS}
    for family, given in (("family_name_km", "given_name_km"), ("family_name_latin", "given_name_latin")):
        for value in (
            names[family],
            names[given],
            f"{names[family]} {names[given]}",
            f"{names[given]} {names[family]}",
        ):
            for word in {value, *value.split()}:
                terms.add(search_key(word))
    business = _text(answers, "business_name")
    if business:
        terms |= {search_key(w) for w in {business, *business.split()}}
    terms.discard("")
    return terms


def submit(
    db: sqlite_utils.Database,
    registration: NewRegistration,
    *,
    actor_id: str,
    branch_code: str,
    now: datetime | None = None,
) -> str:
    """Write the registration, its outbox entry, its search terms and an audit entry, and drop
    its draft, in one transaction. Returns the reference given.

    The branch's review-before-sync policy is read inside the same transaction: while it is
    on, the registration is held for a manager's approval instead of entering the outbox.
    No caller can choose otherwise, so the window, the demo, the self-test and scripts all
    obey the policy alike."""
    moment = now or datetime.now(UTC)
    stamp = moment.isoformat()
    answers = registration.answers
    with db.atomic():
        hold = branch_policy.load(db).review_before_sync
        reference = registration.reference
        if not reference:
            if registration.supersedes:
                reference = _correction_reference(db, registration.supersedes)
            else:
                reference = references.next_reference(db, branch_code, moment.year)
        db.execute(
            "INSERT INTO registrations"
            " (id, reference, form_id, form_version, answers, captured_at, captured_by, submitted_at,"
            "  supersedes, id_key, phone, person_key, duplicate_note, review_state)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                registration.record_id,
                reference,
                registration.form_id,
                registration.form_version,
                canonical_json(answers),
                registration.captured_at,
                actor_id,
                stamp,
                registration.supersedes,
                id_key(answers),
                phone_key(answers),
                person_key(answers),
                registration.duplicate_note,
                "pending" if hold else None,
            ],
        )
        if not hold:
            enqueue(db, registration.record_id, stamp)
        add_terms(db, registration.record_id, search_terms(answers, reference))
        db.execute("DELETE FROM drafts WHERE id = ?", [registration.record_id])
        details = {"reference": reference, "form": registration.form_id}
        if registration.supersedes:
            details["supersedes"] = registration.supersedes
        if registration.duplicate_note is not None:
            details["duplicate_warning"] = "overridden"  # the reason itself stays in the record
        if hold:
            details["review"] = "pending"
        audit.append(
            db, actor=actor_id, action="registration_submitted", subject=registration.record_id, details=details
        )
    return reference


def enqueue(db: sqlite_utils.Database, record_id: str, now: str) -> None:
    """Hand a registration to the outbox (part of the caller's transaction)."""
    db.execute("INSERT INTO outbox (record_id, state, enqueued_at) VALUES (?, 'waiting', ?)", [record_id, now])


def add_terms(db: sqlite_utils.Database, record_id: str, terms: Iterable[str]) -> None:
    """Index a registration for search (part of the caller's transaction)."""
    db.conn.executemany(
        "INSERT INTO registration_terms (term, record_id) VALUES (?, ?)", [(t, record_id) for t in sorted(terms)]
    )


def _correction_reference(db: sqlite_utils.Database, original_id: str) -> str:
    row = db.execute("SELECT reference FROM registrations WHERE id = ?", [original_id]).fetchone()
    if row is None:
        raise LookupError("the registration being corrected is not in this store")
    base = str(row[0]).split("/", 1)[0]
    taken = db.execute(
        "SELECT count(*) FROM registrations WHERE reference = ? OR reference LIKE ?", [base, base + "/%"]
    ).fetchone()[0]
    return references.correction_reference(base, int(taken) + 1)


def find_duplicates(
    db: sqlite_utils.Database, answers: Mapping[str, Any], *, exclude: Iterable[str] = (), limit: int = 20
) -> list[DuplicateMatch]:
    """Registrations of this branch with the same ID number, the same phone, or the same folded
    name and date of birth. `exclude` holds ids not to report (a correction's own chain).
    Registrations replaced by a correction are not reported, their correction is."""
    keys = [("id_key", id_key(answers), MATCH_ID), ("phone", phone_key(answers), MATCH_PHONE)]
    keys.append(("person_key", person_key(answers), MATCH_PERSON))
    skip = set(exclude)
    found: dict[str, list[str]] = {}
    rows: dict[str, tuple[Any, ...]] = {}
    for column, value, kind in keys:
        if value is None:
            continue
        for row in db.execute(
            f"SELECT r.id, r.reference, r.answers, r.submitted_at FROM registrations r WHERE r.{column} = ?"  # noqa: S608
            " AND r.withdrawn_at IS NULL"
            " AND NOT EXISTS (SELECT 1 FROM registrations c WHERE c.supersedes = r.id)"
            " ORDER BY r.submitted_at DESC LIMIT ?",
            [value, limit],
        ).fetchall():
            if row[0] in skip:
                continue
            found.setdefault(row[0], []).append(kind)
            rows[row[0]] = row
    matches = []
    for record_id, kinds in found.items():
        row = rows[record_id]
        matches.append(
            DuplicateMatch(
                record_id=record_id,
                reference=row[1],
                kinds=tuple(kinds),
                owner_name=owner_name(json.loads(row[2])),
                submitted_at=row[3],
            )
        )
    matches.sort(key=lambda m: (-len(m.kinds), m.submitted_at), reverse=False)
    return matches[:limit]


def chain(db: sqlite_utils.Database, record_id: str) -> list[str]:
    """The ids of every version of a registration, oldest first (corrections follow `supersedes`)."""
    ids = [record_id]
    current = record_id
    while True:  # back to the first version
        row = db.execute("SELECT supersedes FROM registrations WHERE id = ?", [current]).fetchone()
        if row is None or row[0] is None or row[0] in ids:
            break
        current = row[0]
        ids.insert(0, current)
    current = record_id
    while True:  # forward to the latest
        row = db.execute("SELECT id FROM registrations WHERE supersedes = ?", [current]).fetchone()
        if row is None or row[0] in ids:
            break
        current = row[0]
        ids.append(current)
    return ids
