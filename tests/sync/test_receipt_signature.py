"""The receipt's signed QR text (sync.receipt): round trip, tampering, format, QR size."""

from __future__ import annotations

import base64
import re
from datetime import date

import pytest
import qrcode
import qrcode.constants
from hypothesis import given
from hypothesis import strategies as st

from sync import receipt
from sync.envelope import DeviceKey
from sync.receipt import ReceiptFormatError

KEY = DeviceKey.generate()
RECORD_ID = "0193a1b2-c3d4-7e5f-8071-8293a4b5c6d7"


def signed(**changes: object) -> receipt.SignedReceipt:
    values: dict[str, object] = {
        "reference": "PNH-01-2026-000123-8",
        "record_id": RECORD_ID,
        "branch_code": "PNH-01",
        "issued_on": date(2026, 11, 24),
    }
    values.update(changes)
    return receipt.sign(KEY, **values)  # type: ignore[arg-type]


def test_the_text_parses_back_and_verifies_with_the_device_key() -> None:
    text = signed().text()

    parsed = receipt.parse(text)

    assert parsed == signed()
    assert parsed.claim.record_id == RECORD_ID
    assert parsed.claim.key_id == KEY.key_id
    assert parsed.verify(KEY.public_bytes)
    assert not parsed.verify(DeviceKey.generate().public_bytes)


def test_the_text_is_compact_upper_case_and_fits_a_small_qr_code() -> None:
    text = signed(reference="PNH-01-2026-000123-8/12").text()

    assert text.startswith("CAMIE-R1.PNH-01-2026-000123-8/12.0193A1B2-")
    assert re.fullmatch(r"[0-9A-Z.$%*+/:-]+", text)  # QR's alphanumeric set: 5.5 bits a character
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    assert code.version <= 9  # 53 modules at most: 0.75 mm each fits 80 mm paper with room


def test_typed_text_in_lower_case_or_with_spaces_around_still_reads() -> None:
    text = signed().text()

    assert receipt.parse(f"  {text.lower()}\n").verify(KEY.public_bytes)


@pytest.mark.parametrize("field", [1, 2, 3, 4, 5])
def test_a_changed_field_fails_the_signature(field: int) -> None:
    parts = signed().text().split(".")
    parts[field] = {
        1: "PNH-01-2026-000124-6",
        2: "0193A1B2-C3D4-7E5F-8071-8293A4B5C6D8",
        3: "KPC-02",
        4: DeviceKey.generate().key_id.upper(),
        5: "2026-11-25",
    }[field]

    assert not receipt.parse(".".join(parts)).verify(KEY.public_bytes)


def test_a_changed_signature_fails() -> None:
    text = signed().text()
    flipped = text[:-5] + ("A" if text[-5] != "A" else "B") + text[-4:]

    assert not receipt.parse(flipped).verify(KEY.public_bytes)


def test_the_signature_covers_a_domain_separated_canonical_text() -> None:
    claim = signed().claim

    assert claim.signed_bytes() == (
        b"CAM-IE registration receipt v1\n"
        b"PNH-01-2026-000123-8\n0193a1b2-c3d4-7e5f-8071-8293a4b5c6d7\nPNH-01\n" + KEY.key_id.encode() + b"\n2026-11-24"
    )
    # The same key signs batches ("CIEB…") and status requests ("GET\n…"): never these bytes.
    assert not claim.signed_bytes().startswith((b"CIEB", b"GET\n"))


def test_signing_with_another_key_than_the_claim_names_is_refused() -> None:
    claim = signed().claim

    with pytest.raises(ValueError, match="another device key"):
        claim.sign(DeviceKey.generate())


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "CAMIE-R2.A.B.C.D.E.F",
        "CAMIE-R1.PNH-01-2026-000123-8",
        "X" * 1000,
    ],
)
def test_what_is_not_a_receipt_code_is_refused_plainly(text: str) -> None:
    with pytest.raises(ReceiptFormatError):
        receipt.parse(text)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        (1, "PNH 01"),
        (2, "NOT-A-UUID"),
        (3, "PNH_01"),
        (4, "DK-XYZ"),
        (5, "2026-02-30"),
        (5, "24/11/2026"),
        (6, "SHORT"),
        (6, base64.b32encode(b"\x01" * 64).decode().rstrip("=").replace("A", "1")),
    ],
)
def test_a_malformed_field_is_refused(field: int, value: str) -> None:
    parts = signed().text().split(".")
    parts[field] = value

    with pytest.raises(ReceiptFormatError):
        receipt.parse(".".join(parts))


@given(st.text(max_size=500))
def test_parsing_any_text_raises_only_the_format_error(text: str) -> None:
    try:
        parsed = receipt.parse(text)
    except ReceiptFormatError:
        return
    assert not parsed.verify(KEY.public_bytes)
