"""What a receipt says, read from the store, and the record that it was printed.

No drawing here: `ReceiptData` is plain values, signed once when it is built (the QR
text), so the preview, the PDF and the printer show the very same receipt.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from PySide6.QtCore import QLocale

import forms
from branch_client.store import Session, audit
from branch_client.store.database import translate_errors
from branch_client.store.registrations import NAME_FIELDS
from sync import device as device_config
from sync import receipt as signed_receipt
from sync.envelope import DeviceKey
from sync.outbox import Outbox

#: Cambodia keeps UTC+7 all year; receipts show the branch's local time.
CAMBODIA = timezone(timedelta(hours=7), "ICT")
LANGUAGES = ("en", "km")


@dataclass(frozen=True)
class Service:
    """A service the owner asked for: its code and its label in both languages."""

    name: str
    km: str
    en: str

    def label(self, language: str) -> str:
        """The label in `language`."""
        return self.km if language == "km" else self.en


@dataclass(frozen=True)
class ReceiptData:
    """Everything printed on one registration receipt."""

    reference: str
    record_id: str
    branch_code: str
    branch_name: str
    submitted_at: datetime  # in Cambodia time
    owner_km: str
    owner_latin: str
    business_name: str
    services: tuple[Service, ...]
    teller: str
    qr_text: str  # the signed receipt code (sync.receipt)
    key_id: str
    language: str = "en"  # of the running text; key labels are always in both
    cam_ie_number: str | None = None
    reprint: bool = False  # printed before: the receipt says "Copy"

    @property
    def when(self) -> str:
        """Date and time as printed: `24/11/2026 14:05`."""
        return self.submitted_at.strftime("%d/%m/%Y %H:%M")


def current_language() -> str:
    """The UI language, as the translator set the default locale (km or en)."""
    return "km" if QLocale().language() == QLocale.Language.Khmer else "en"


def receipt_for(session: Session, record_id: str, *, language: str | None = None) -> ReceiptData:
    """The receipt of a submitted registration, signed with this device's key.

    Raises LookupError when the store has no such registration, `KnownError` when the
    store cannot be read. Before enrolment the device key is made here, on first need.
    """
    with translate_errors():
        row = session.db.execute(
            "SELECT r.reference, r.form_id, r.form_version, r.answers, r.submitted_at, a.username,"
            " r.receipt_printed_at, s.cam_ie_number"
            " FROM registrations r LEFT JOIN accounts a ON a.id = r.captured_by"
            " LEFT JOIN sync_results s ON s.record_id = r.id AND s.status = 'accepted'"
            " WHERE r.id = ?",
            [record_id],
        ).fetchone()
        if row is None:
            raise LookupError(f"no registration {record_id}")
        reference, form_id, form_version, answers_json, submitted, teller, printed_at, number = row
        key = device_config.signing_key(Outbox(session.db.conn))
    answers = json.loads(answers_json)
    submitted_at = datetime.fromisoformat(submitted).astimezone(CAMBODIA)
    return _build(
        answers,
        key=key,
        reference=reference,
        record_id=record_id,
        branch_code=session.branch.code,
        branch_name=session.branch.name,
        submitted_at=submitted_at,
        teller=teller or "",
        services=_services(answers, form_id, form_version),
        language=language or current_language(),
        cam_ie_number=number,
        reprint=printed_at is not None,
    )


def record_printed(session: Session, record_id: str) -> None:
    """Note that the receipt was printed or saved (`receipt_printed_at`) and audit it, with
    the record id only. Reprints are allowed at any time; each one is audited."""
    with translate_errors(), session.db.atomic():
        now = datetime.now(UTC).isoformat()
        changed = session.db.execute(
            "UPDATE registrations SET receipt_printed_at = ? WHERE id = ?", [now, record_id]
        ).rowcount
        if changed != 1:
            raise LookupError(f"no registration {record_id}")
        audit.append(session.db, actor=session.account.id, action="receipt_printed", subject=record_id)


def sample_receipt(language: str = "en", *, key: DeviceKey | None = None) -> ReceiptData:
    """A receipt for made-up data, signed by `key` (a throwaway key if None)."""
    answers = {
        "family_name_km": "សុខ",
        "given_name_km": "ស្រីមុំ",
        "family_name_latin": "Sok",
        "given_name_latin": "Sreymom",
        "business_name": "ហាងបាយសុខស្រីមុំ",
        "services": ["nssf", "skills", "finance"],
    }
    return _build(
        answers,
        key=key or DeviceKey.generate(),
        reference="PNH-01-2026-000123-8",
        record_id="0193a1b2-c3d4-7e5f-8071-8293a4b5c6d7",
        branch_code="PNH-01",
        branch_name="Phnom Penh — Psar Thmei",
        submitted_at=datetime(2026, 11, 24, 14, 5, tzinfo=CAMBODIA),
        teller="sokha",
        services=_services(answers, "cam_ie_registration", None),
        language=language,
        cam_ie_number=None,
        reprint=False,
    )


def _build(
    answers: Mapping[str, Any],
    *,
    key: DeviceKey,
    reference: str,
    record_id: str,
    branch_code: str,
    submitted_at: datetime,
    **values: Any,
) -> ReceiptData:
    issued_on: date = submitted_at.date()
    signed = signed_receipt.sign(
        key, reference=reference, record_id=record_id, branch_code=branch_code, issued_on=issued_on
    )
    names = {n: _text(answers, n) for n in NAME_FIELDS}
    return ReceiptData(
        reference=reference,
        record_id=record_id,
        branch_code=branch_code,
        submitted_at=submitted_at,
        owner_km=" ".join(p for p in (names["family_name_km"], names["given_name_km"]) if p),
        owner_latin=" ".join(p for p in (names["family_name_latin"].upper(), names["given_name_latin"]) if p),
        business_name=_text(answers, "business_name"),
        qr_text=signed.text(),
        key_id=key.key_id,
        **values,
    )


def _services(answers: Mapping[str, Any], form_id: str, form_version: str | None) -> tuple[Service, ...]:
    chosen = answers.get("services") or []
    if isinstance(chosen, str):
        chosen = chosen.split()
    try:
        form = forms.load_form(form_id, form_version)
        options = {c.name: c for c in form.choices("services", answers)}
    except forms.FormError:  # a form this version no longer installs: show the codes
        options = {}
    result = []
    for name in chosen:
        choice = options.get(str(name))
        km, en = (choice.label("km"), choice.label("en")) if choice else (str(name), str(name))
        result.append(Service(str(name), km, en))
    return tuple(result)


def _text(answers: Mapping[str, Any], name: str) -> str:
    value = answers.get(name)
    return value.strip() if isinstance(value, str) else ""
