"""What a receipt says, read from the store, and the record that it was printed.

No drawing here: `ReceiptData` is plain values, signed once when it is built (the QR
text), so the preview, the PDF and the printer show the very same receipt. Values that
read differently in Khmer and English (services, activity, address) are kept in both, so
the receipt can be printed in another language without reading the store again.

A receipt is in the language the owner reads, from the record's own answers
(`owner_language`; Khmer for records of forms before 2026.2), never the teller's screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, Final

import forms
from branch_client.receipt.texts import Bilingual
from branch_client.services import sync as sync_service
from branch_client.store import NAME_FIELDS, Session
from forms.display import show_answer, show_phone
from forms.owner_language import languages_of, owner_language
from sync import receipt as signed_receipt
from sync.envelope import DeviceKey

#: Cambodia keeps UTC+7 all year; receipts show the branch's local time.
CAMBODIA = timezone(timedelta(hours=7), "ICT")
#: What a receipt can be printed in: the owner-language codes of the form.
LANGUAGES = ("km", "en", "both")
#: A value with no text in either language.
NOTHING: Final = Bilingual("", "")
#: The address as printed: the detail typed, then the gazetteer's places, smallest first.
ADDRESS_FIELDS = ("village", "commune", "district", "province")


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
    language: str = "km"  # what it is printed in: km, en or both (the owner's language)
    phone: str = ""  # as shown: `+855 12 345 678`
    activity: Bilingual = NOTHING
    address: Bilingual = NOTHING
    cam_ie_number: str | None = None
    reprint: bool = False  # printed before: the receipt says "Copy"

    @property
    def when(self) -> str:
        """Date and time as printed, day first: `24/11/2026 14:05`."""
        return self.submitted_at.strftime("%d/%m/%Y %H:%M")

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages printed, in order: `("km",)`, `("en",)` or `("km", "en")`."""
        return languages_of(self.language)


def receipt_for(session: Session, record_id: str, *, language: str | None = None) -> ReceiptData:
    """The receipt of a submitted registration, signed with this device's key, in `language`
    (km, en or both; by default the language the owner reads, from the record itself).

    Raises LookupError when the store has no such registration, `KnownError` when the
    store cannot be read. Before enrolment the device key is made here, on first need.
    """
    record = session.receipt_record(record_id)
    if record is None:
        raise LookupError(f"no registration {record_id}")
    key = sync_service.device_signing_key(session)
    submitted_at = datetime.fromisoformat(record.submitted_at).astimezone(CAMBODIA)
    form = _form(record.form_id, record.form_version)
    return _build(
        record.answers,
        form=form,
        key=key,
        reference=record.reference,
        record_id=record_id,
        branch_code=session.branch.code,
        branch_name=session.branch.name,
        submitted_at=submitted_at,
        teller=record.teller,
        language=language if language in LANGUAGES else owner_language(record.answers),
        cam_ie_number=record.cam_ie_number,
        reprint=record.printed_before,
    )


def record_printed(session: Session, record_id: str) -> None:
    """Note that the receipt was printed or saved (`receipt_printed_at`) and audit it, with
    the record id only. Reprints are allowed at any time; each one is audited."""
    session.mark_receipt_printed(record_id)


def sample_receipt(language: str = "km", *, key: DeviceKey | None = None) -> ReceiptData:
    """A receipt for made-up data in `language` (km, en or both), signed by `key` (a
    throwaway key if None)."""
    answers = {
        "family_name_km": "សុខ",
        "given_name_km": "ស្រីមុំ",
        "family_name_latin": "Sok",
        "given_name_latin": "Sreymom",
        "phone": "+85512345678",
        "business_name": "ហាងបាយសុខស្រីមុំ",
        "activity": "isic_5610",
        "province": "12",
        "district": "1201",
        "commune": "120101",
        "village": "12010101",
        "address_detail": "ផ្ទះលេខ ២៥ ផ្លូវ ៣១០",
        "services": ["nssf", "skills", "finance"],
    }
    return _build(
        answers,
        form=_form("cam_ie_registration", None),
        key=key or DeviceKey.generate(),
        reference="PNH-01-2026-000123-8",
        record_id="0193a1b2-c3d4-7e5f-8071-8293a4b5c6d7",
        branch_code="PNH-01",
        branch_name="Phnom Penh — Psar Thmei",
        submitted_at=datetime(2026, 11, 24, 14, 5, tzinfo=CAMBODIA),
        teller="sokha",
        language=language,
        cam_ie_number=None,
        reprint=False,
    )


def _build(
    answers: Mapping[str, Any],
    *,
    form: forms.Form | None,
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
        services=_services(answers, form),
        phone=show_phone(_text(answers, "phone")),
        activity=_shown(form, answers, "activity"),
        address=_address(form, answers),
        qr_text=signed.text(),
        key_id=key.key_id,
        **values,
    )


def _form(form_id: str, form_version: str | None) -> forms.Form | None:
    """The form the record was captured with; None when this version no longer installs it
    (the receipt then shows the stored codes)."""
    try:
        return forms.load_form(form_id, form_version)
    except forms.FormError:
        return None


def _services(answers: Mapping[str, Any], form: forms.Form | None) -> tuple[Service, ...]:
    chosen = answers.get("services") or []
    if isinstance(chosen, str):
        chosen = chosen.split()
    row = form.fields.get("services") if form is not None else None
    if form is None or row is None:
        return tuple(Service(str(name), str(name), str(name)) for name in chosen)
    return tuple(
        Service(str(name), show_answer(form, row, str(name), "km"), show_answer(form, row, str(name), "en"))
        for name in chosen
    )


def _shown(form: forms.Form | None, answers: Mapping[str, Any], name: str) -> Bilingual:
    """Answer `name` as a person reads it, in Khmer and in English (a choice by its labels)."""
    value = answers.get(name)
    row = form.fields.get(name) if form is not None else None
    if form is None or row is None:
        text = "" if value is None else str(value).strip()
        return Bilingual(text, text)
    return Bilingual(show_answer(form, row, value, "km").strip(), show_answer(form, row, value, "en").strip())


def _address(form: forms.Form | None, answers: Mapping[str, Any]) -> Bilingual:
    """The business address on one line per language: `ផ្ទះលេខ ២៥, ភូមិ ១, ទន្លេបាសាក់, …`."""
    detail = _text(answers, "address_detail")
    parts = [_shown(form, answers, name) for name in ADDRESS_FIELDS]
    return Bilingual(
        ", ".join(p for p in [detail, *(part.km for part in parts)] if p),
        ", ".join(p for p in [detail, *(part.en for part in parts)] if p),
    )


def _text(answers: Mapping[str, Any], name: str) -> str:
    value = answers.get(name)
    return value.strip() if isinstance(value, str) else ""
