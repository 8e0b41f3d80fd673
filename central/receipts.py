"""Is this registration receipt genuine? The centre checks the QR code's signature.

A branch device signs each receipt's code with its Ed25519 key (`sync.receipt`). The
centre knows every enrolled device's public key, so it can tell:

- `genuine`: the signature is good, made by an active device of the branch the receipt
  names. The record may be at the centre already or not yet (the branch syncs later).
- `genuine` too when the device has been revoked since, if the centre holds the record
  from that branch: it came in through the device's signed batches before the revocation.
- not genuine otherwise: not a receipt code (`malformed`), a key the centre never
  enrolled (`unknown_device`), a signature that does not match (`bad_signature`), a
  branch other than the device's (`wrong_branch`), a record the centre holds from another
  branch (`record_elsewhere`), or a revoked device's receipt for a record the centre has
  never received (`device_revoked`: the key may have been stolen).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from central.store import CentreStore, Device, RecordSummary
from sync import receipt
from sync.protocol import Message
from sync.receipt import ReceiptFormatError, SignedReceipt

GENUINE: Final = "genuine"

#: What each verdict means, for people (`POST /v1/receipts/verify`).
VERDICTS: Final = {
    GENUINE: Message(
        "បង្កាន់ដៃនេះពិតប្រាកដ៖ វាត្រូវបានចេញដោយសាខាដែលមានឈ្មោះនៅលើវា។",
        "This receipt is genuine: it was issued by the branch named on it.",
    ),
    "malformed": Message("នេះមិនមែនជាកូដបង្កាន់ដៃ CAM-IE ទេ។", "This is not a CAM-IE receipt code."),
    "unknown_device": Message(
        "បង្កាន់ដៃនេះមិនពិតទេ៖ ឧបករណ៍ដែលបានចុះហត្ថលេខាលើវា មិនត្រូវបានស្គាល់ដោយ CAM-IE ទេ។",
        "This receipt is not genuine: CAM-IE does not know the device that signed it.",
    ),
    "bad_signature": Message(
        "បង្កាន់ដៃនេះមិនពិតទេ៖ វាត្រូវបានកែប្រែ ឬបង្កើតឡើង។",
        "This receipt is not genuine: it was changed or made up.",
    ),
    "wrong_branch": Message(
        "បង្កាន់ដៃនេះមិនពិតទេ៖ វាមិនមែនចេញដោយសាខាដែលមានឈ្មោះនៅលើវាទេ។",
        "This receipt is not genuine: it was not issued by the branch named on it.",
    ),
    "record_elsewhere": Message(
        "បង្កាន់ដៃនេះមិនពិតទេ៖ កំណត់ត្រារបស់វាជារបស់សាខាផ្សេង។",
        "This receipt is not genuine: its record belongs to another branch.",
    ),
    "device_revoked": Message(
        "បង្កាន់ដៃនេះមិនអាចទុកចិត្តបានទេ៖ ឧបករណ៍ដែលបានចុះហត្ថលេខាត្រូវបានដកសិទ្ធិ ហើយ CAM-IE មិនដែលទទួលបានកំណត់ត្រានេះទេ។",
        "This receipt cannot be trusted: the device that signed it was revoked and CAM-IE never received the record.",
    ),
}


@dataclass(frozen=True)
class ReceiptCheck:
    """The centre's verdict on a receipt code, and what it found on the way."""

    reason: str  # GENUINE or why not (see the module docstring)
    detail: str = ""
    receipt: SignedReceipt | None = None
    device: Device | None = None
    record: RecordSummary | None = None

    @property
    def genuine(self) -> bool:
        """Whether the receipt was issued by the branch it names."""
        return self.reason == GENUINE

    @property
    def message(self) -> Message:
        """The verdict in one sentence, in Khmer and English."""
        return VERDICTS[self.reason]

    def describe(self) -> list[str]:
        """The verdict in plain words, a line each (no names: the receipt's ids only)."""
        if self.receipt is None:
            return [f"NOT GENUINE: {self.detail}"]
        claim = self.receipt.claim
        head = f"receipt {claim.reference} of {claim.issued_on.isoformat()}, branch {claim.branch_code}"
        if not self.genuine:
            return [f"NOT GENUINE: {head}", f"  {self.detail}"]
        assert self.device is not None
        lines = [
            f"GENUINE: {head}",
            f"  signed by device {self.device.device_id} (key {self.device.key_id}) of branch {self.device.branch_code}",
        ]
        if self.device.revoked_at:
            lines.append(f"  that device was revoked on {self.device.revoked_at}; the record reached the centre before")
        if self.record is None:
            lines.append(f"  record {claim.record_id}: not at the centre yet (the branch has not synced it)")
        else:
            number = f", CAM-IE number {self.record.cam_ie_number}" if self.record.cam_ie_number else ""
            lines.append(f"  record {claim.record_id}: at the centre, {self.record.status}{number}")
        return lines


def verify_receipt(store: CentreStore, text: str) -> ReceiptCheck:
    """Check a receipt code (as scanned or typed) against the centre's devices and records."""
    try:
        signed = receipt.parse(text)
    except ReceiptFormatError as exc:
        return ReceiptCheck("malformed", f"this is not a CAM-IE receipt code ({exc})")
    claim = signed.claim
    device = store.device_with_key(claim.key_id)
    if device is None:
        return ReceiptCheck("unknown_device", f"no device enrolled at this centre has the key {claim.key_id}", signed)
    if not signed.verify(device.public_key):
        return ReceiptCheck(
            "bad_signature", "the signature does not match: the code was changed or made up", signed, device
        )
    if device.branch_code.upper() != claim.branch_code:
        return ReceiptCheck(
            "wrong_branch", f"the signing device belongs to branch {device.branch_code}", signed, device
        )
    record = store.record(claim.record_id)
    if record is not None and record.branch_code != device.branch_code:
        return ReceiptCheck(
            "record_elsewhere", f"the centre holds record {claim.record_id} from another branch", signed, device, record
        )
    if device.revoked_at is not None and record is None:
        return ReceiptCheck(
            "device_revoked",
            f"the signing device was revoked on {device.revoked_at} and the centre never received this record",
            signed,
            device,
        )
    return ReceiptCheck(GENUINE, "", signed, device, record)
