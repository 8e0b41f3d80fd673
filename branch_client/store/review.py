"""Records that need a person: sent back by the centre, waiting for review, returned, withdrawn.

Queries and state changes only (no Qt): the manager's *Rejections and review* page and the
thin `Session` methods call these.

- **Sent back by the centre**: `sync_results.status` is `rejected` or `needs_correction`.
  A record someone already corrected (another registration `supersedes` it) is listed as
  *correction sent* only until the centre has answered the correction; after that the
  correction speaks for itself (accepted, or sent back again and listed in its own right).
- **Review before sync** (a branch policy): a registration submitted while the policy is on
  has `review_state = 'pending'` and no outbox row. `approve` clears the
  state and inserts the outbox row in the same transaction; `return_to_teller` sets it to
  `'returned'` with the manager's reason in `review_note`. The teller corrects a returned
  registration like a rejected one: a new version that `supersedes` it.
- **Withdrawal**: a record sent back, waiting for review or returned can be withdrawn with
  a reason (`withdrawn_at`, `withdrawn_reason`); it is never sent (again) and drops off
  the open lists.

Every change is audited (`registration_approved`, `registration_returned`,
`registration_withdrawn`) with the reference only: the reasons are people's words and stay
in the record, never in the audit log.

Each change's first statement is the guarded UPDATE itself, so the transaction takes the
write lock before it reads anything (no snapshot to upgrade when the sync worker has
written in between).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from typing import Any

import sqlite_utils

from branch_client.store import audit, registrations
from branch_client.store.database import rows_by_name
from branch_client.store.errors import KnownError

SENT_BACK_STATUSES = ("rejected", "needs_correction")
MAX_REASON = 500  # characters; a reason is a sentence or two, not a letter

#: What a listed sent-back record is waiting for.
OPEN, CORRECTION_SENT, WITHDRAWN = "open", "correction_sent", "withdrawn"


class ReasonRequired(KnownError):
    """Returning or withdrawing a registration needs a reason (not empty, not too long)."""

    code = "reason_required"


class NotPendingReview(KnownError):
    """A registration to approve or return is no longer waiting for review (someone dealt with it)."""

    code = "not_pending_review"


class CannotWithdraw(KnownError):
    """Only a record sent back, waiting for review or returned, and not yet corrected, can be withdrawn."""

    code = "cannot_withdraw"


@dataclass(frozen=True)
class FieldMessage:
    """The centre's word on one answer, with the field's label from the form."""

    name: str
    label: Mapping[str, str]  # {"km": …, "en": …}
    message: Mapping[str, str]  # {"km": …, "en": …}

    def label_in(self, lang: str) -> str:
        return _pick(self.label, lang) or self.name

    def message_in(self, lang: str) -> str:
        return _pick(self.message, lang)


@dataclass(frozen=True)
class SentBack:
    """A record the centre rejected or sent back for correction."""

    record_id: str
    reference: str
    owner_name: str
    submitted_at: str  # ISO 8601 (UTC)
    teller_id: str
    teller: str  # the capturing account's username
    status: str  # rejected | needs_correction
    reason_code: str | None
    message_km: str | None
    message_en: str | None
    fields: tuple[FieldMessage, ...]
    answered_at: str
    correction_id: str | None = None
    correction_reference: str | None = None
    correction_review: str | None = None  # the correction's review_state (pending, returned)
    withdrawn_at: str | None = None
    withdrawn_reason: str | None = None

    @property
    def state(self) -> str:
        """OPEN (waiting for a correction or a withdrawal), CORRECTION_SENT or WITHDRAWN."""
        if self.withdrawn_at is not None:
            return WITHDRAWN
        return CORRECTION_SENT if self.correction_id is not None else OPEN

    def message(self, lang: str) -> str:
        """The centre's reason in `lang` (km or en), else in the other language."""
        return _pick({"km": self.message_km or "", "en": self.message_en or ""}, lang)


@dataclass(frozen=True)
class UnderReview:
    """A registration held for the manager's review (pending) or returned to its teller."""

    record_id: str
    reference: str
    owner_name: str
    submitted_at: str
    teller_id: str
    teller: str
    review_state: str  # pending | returned
    review_note: str | None  # the manager's reason, when returned
    supersedes: str | None = None
    supersedes_reference: str | None = None  # this is a correction of that record
    duplicate_note: str | None = None  # the teller went on despite a duplicate warning


def _pick(texts: Mapping[str, str], lang: str) -> str:
    other = "en" if lang == "km" else "km"
    return (texts.get(lang) or texts.get(other) or "").strip()


def field_labels(form_id: str, form_version: str, names: Iterable[str]) -> dict[str, dict[str, str]]:
    """name → {"km", "en"} labels from the form definition (empty for a field it does not know)."""
    from forms import FormError, load_form

    try:
        form = load_form(form_id, form_version)
    except FormError:
        try:
            form = load_form(form_id)  # another version of the same form still names most fields
        except FormError:
            return {}
    labels: dict[str, dict[str, str]] = {}
    for name in names:
        try:
            row = form.row(name)
        except KeyError:
            continue
        labels[name] = {"km": row.label("km"), "en": row.label("en")}
    return labels


def _field_messages(text: str | None, form_id: str, form_version: str) -> tuple[FieldMessage, ...]:
    messages = registrations.field_messages(text)
    labels = field_labels(form_id, form_version, messages)
    return tuple(FieldMessage(name, labels.get(name, {}), message) for name, message in messages.items())


def sent_back(
    db: sqlite_utils.Database, *, include_withdrawn: bool = False, captured_by: str | None = None
) -> list[SentBack]:
    """Records the centre rejected or sent back, newest answer first.

    Listed: each such record not yet corrected (OPEN); one corrected whose correction the
    centre has not answered yet (CORRECTION_SENT); and, with `include_withdrawn`, those a
    manager withdrew (WITHDRAWN). `captured_by` limits the list to one teller's records.
    """
    rows = rows_by_name(
        db.execute(
            "SELECT r.id AS record_id, r.reference AS reference, r.answers AS answers,"
            " r.submitted_at AS submitted_at, r.captured_by AS teller_id, a.username AS teller,"
            " s.status AS status, s.reason_code AS reason_code, s.message_km AS message_km,"
            " s.message_en AS message_en, s.fields AS fields, s.updated_at AS answered_at,"
            " r.form_id AS form_id, r.form_version AS form_version,"
            " r.withdrawn_at AS withdrawn_at, r.withdrawn_reason AS withdrawn_reason,"
            " c.id AS correction_id, c.reference AS correction_reference, c.review_state AS correction_review,"
            " c.withdrawn_at AS correction_withdrawn_at,"
            " EXISTS (SELECT 1 FROM sync_results cs WHERE cs.record_id = c.id) AS correction_answered"
            " FROM sync_results s JOIN registrations r ON r.id = s.record_id"
            " LEFT JOIN accounts a ON a.id = r.captured_by"
            " LEFT JOIN registrations c ON c.id ="
            "  (SELECT l.id FROM registrations l WHERE l.supersedes = r.id ORDER BY l.submitted_at DESC LIMIT 1)"
            " WHERE s.status IN ('rejected', 'needs_correction') AND (?1 IS NULL OR r.captured_by = ?1)"
            " ORDER BY s.updated_at DESC, r.reference",
            [captured_by],
        )
    )
    found = []
    for row in rows:
        withdrawn_at, correction_id = row["withdrawn_at"], row["correction_id"]
        if withdrawn_at is not None and not include_withdrawn:
            continue
        if (
            correction_id is not None
            and withdrawn_at is None
            and (row["correction_withdrawn_at"] is not None or row["correction_answered"])
        ):
            continue  # the correction was answered (or withdrawn): it is the record to look at now
        found.append(_sent_back(row))
    return found


def _sent_back(row: Mapping[str, Any]) -> SentBack:
    """A `SentBack` from a row of `sent_back`'s query (read by column name)."""
    return SentBack(
        record_id=row["record_id"],
        reference=row["reference"],
        owner_name=registrations.owner_name(registrations.json_object(row["answers"])),
        submitted_at=row["submitted_at"],
        teller_id=row["teller_id"],
        teller=row["teller"] or "",
        status=row["status"],
        reason_code=row["reason_code"],
        message_km=row["message_km"],
        message_en=row["message_en"],
        fields=_field_messages(row["fields"], row["form_id"], row["form_version"]),
        answered_at=row["answered_at"],
        correction_id=row["correction_id"],
        correction_reference=row["correction_reference"],
        correction_review=row["correction_review"],
        withdrawn_at=row["withdrawn_at"],
        withdrawn_reason=row["withdrawn_reason"],
    )


def under_review(
    db: sqlite_utils.Database, state: str = "pending", *, captured_by: str | None = None
) -> list[UnderReview]:
    """Registrations in review state `state` (pending or returned), oldest first; withdrawn
    ones and those already corrected are left out."""
    if state not in ("pending", "returned"):
        raise ValueError(f"unknown review state {state!r}")
    rows = rows_by_name(
        db.execute(
            "SELECT r.id AS record_id, r.reference AS reference, r.answers AS answers,"
            " r.submitted_at AS submitted_at, r.captured_by AS teller_id, a.username AS teller,"
            " r.review_state AS review_state, r.review_note AS review_note, r.supersedes AS supersedes,"
            " p.reference AS supersedes_reference, r.duplicate_note AS duplicate_note"
            " FROM registrations r LEFT JOIN accounts a ON a.id = r.captured_by"
            " LEFT JOIN registrations p ON p.id = r.supersedes"
            " WHERE r.review_state = ?1 AND r.withdrawn_at IS NULL AND (?2 IS NULL OR r.captured_by = ?2)"
            " AND NOT EXISTS (SELECT 1 FROM registrations c WHERE c.supersedes = r.id)"
            " ORDER BY r.submitted_at, r.reference",
            [state, captured_by],
        )
    )
    return [
        UnderReview(
            record_id=row["record_id"],
            reference=row["reference"],
            owner_name=registrations.owner_name(registrations.json_object(row["answers"])),
            submitted_at=row["submitted_at"],
            teller_id=row["teller_id"],
            teller=row["teller"] or "",
            review_state=row["review_state"],
            review_note=row["review_note"],
            supersedes=row["supersedes"],
            supersedes_reference=row["supersedes_reference"],
            duplicate_note=row["duplicate_note"],
        )
        for row in rows
    ]


def local_day(iso: str, tz: tzinfo | None = None) -> date:
    """The calendar day of a stored time, in `tz` (this computer's time zone when None)."""
    moment = datetime.fromisoformat(iso)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(tz).date()


def submitted_on(rows: Iterable[UnderReview], day: date, tz: tzinfo | None = None) -> list[UnderReview]:
    """The rows submitted on `day` (local calendar day)."""
    return [r for r in rows if local_day(r.submitted_at, tz) == day]


def check_reason(reason: str) -> str:
    """The reason as stored (surrounding spaces trimmed); `ReasonRequired` if empty or too long."""
    text = (reason or "").strip()
    if not text:
        raise ReasonRequired("a reason is required")
    if len(text) > MAX_REASON:
        raise ReasonRequired("the reason is too long", limit=MAX_REASON)
    return text


_STILL_PENDING = (
    "review_state = 'pending' AND withdrawn_at IS NULL"
    " AND NOT EXISTS (SELECT 1 FROM registrations c WHERE c.supersedes = registrations.id)"
    " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = registrations.id)"
)


def _ids(record_ids: str | Iterable[str]) -> list[str]:
    ids = [record_ids] if isinstance(record_ids, str) else list(record_ids)
    return list(dict.fromkeys(ids))  # once each, in the order given


def _reference(db: sqlite_utils.Database, record_id: str) -> str:
    row = db.execute("SELECT reference FROM registrations WHERE id = ?", [record_id]).fetchone()
    return "" if row is None else str(row[0])


def approve(db: sqlite_utils.Database, record_ids: str | Iterable[str], *, actor_id: str, now: datetime) -> int:
    """Approve registrations waiting for review: each leaves review and enters the outbox, all
    in ONE transaction. If any of them is no longer pending, none is approved
    (`NotPendingReview`). Returns how many were approved."""
    ids = _ids(record_ids)
    stamp = now.isoformat()
    with db.atomic():
        for record_id in ids:
            changed = db.execute(
                f"UPDATE registrations SET review_state = NULL, review_note = NULL WHERE id = ? AND {_STILL_PENDING}",  # noqa: S608
                [record_id],
            ).rowcount
            if changed != 1:
                raise NotPendingReview("a registration to approve is no longer pending review")
            registrations.enqueue(db, record_id, stamp)
            details = {"reference": _reference(db, record_id)}
            if len(ids) > 1:
                details["batch"] = str(len(ids))
            audit.append(db, actor=actor_id, action="registration_approved", subject=record_id, details=details, at=now)
    return len(ids)


def return_to_teller(
    db: sqlite_utils.Database, record_ids: str | Iterable[str], reason: str, *, actor_id: str, now: datetime
) -> int:
    """Send registrations waiting for review back to their tellers with the manager's reason
    (required), in one transaction; none if any is no longer pending. Returns how many."""
    note = check_reason(reason)
    ids = _ids(record_ids)
    with db.atomic():
        for record_id in ids:
            changed = db.execute(
                f"UPDATE registrations SET review_state = 'returned', review_note = ? WHERE id = ? AND {_STILL_PENDING}",  # noqa: S608
                [note, record_id],
            ).rowcount
            if changed != 1:
                raise NotPendingReview("a registration to return is no longer pending review")
            audit.append(
                db,
                actor=actor_id,
                action="registration_returned",
                subject=record_id,
                details={"reference": _reference(db, record_id)},
                at=now,
            )
    return len(ids)


def withdraw(db: sqlite_utils.Database, record_id: str, reason: str, *, actor_id: str, now: datetime) -> None:
    """Withdraw a record sent back by the centre, waiting for review or returned, with a
    reason (required). A record already corrected or withdrawn, or one on its way to the
    centre, cannot be withdrawn (`CannotWithdraw`)."""
    text = check_reason(reason)
    with db.atomic():
        changed = db.execute(
            "UPDATE registrations SET withdrawn_at = ?, withdrawn_reason = ? WHERE id = ? AND withdrawn_at IS NULL"
            " AND NOT EXISTS (SELECT 1 FROM registrations c WHERE c.supersedes = registrations.id)"
            " AND ("
            "  (review_state IN ('pending', 'returned')"
            "   AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = registrations.id))"
            "  OR EXISTS (SELECT 1 FROM sync_results s WHERE s.record_id = registrations.id"
            "             AND s.status IN ('rejected', 'needs_correction')))",
            [now.isoformat(), text, record_id],
        ).rowcount
        if changed != 1:
            raise CannotWithdraw("the registration cannot be withdrawn in its present state")
        row = db.execute(
            "SELECT r.reference, r.review_state, s.status FROM registrations r"
            " LEFT JOIN sync_results s ON s.record_id = r.id WHERE r.id = ?",
            [record_id],
        ).fetchone()
        was = row[2] if row[2] in SENT_BACK_STATUSES else row[1]
        audit.append(
            db,
            actor=actor_id,
            action="registration_withdrawn",
            subject=record_id,
            details={"reference": row[0], "was": was},
            at=now,
        )


def days(rows: Sequence[UnderReview], tz: tzinfo | None = None) -> list[tuple[date, int]]:
    """(local day, how many) of `rows`, the oldest day first."""
    counts: dict[date, int] = {}
    for row in rows:
        day = local_day(row.submitted_at, tz)
        counts[day] = counts.get(day, 0) + 1
    return sorted(counts.items())
