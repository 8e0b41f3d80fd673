"""The shapes of the centre's HTTP API as OpenAPI publishes them: bodies, answers, refusals.

The endpoints (`central.routes`) read request bodies by hand and answer with plain JSON, so
these models exist for the published description (and for validating the two JSON request
bodies); `error_responses` declares which refusals an endpoint may give, grouped by status.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from central import messages


class MessageModel(BaseModel):
    """A text in Khmer and English."""

    km: str
    en: str


class ErrorBody(BaseModel):
    """Every refusal: a code, a message in both languages, and `last_sequence` for `stale_sequence`."""

    error: str
    message: MessageModel
    last_sequence: int | None = None


class EnrolmentRequest(BaseModel):
    """A device asks to join a branch with a one-time code."""

    enrolment_code: str = Field(min_length=1, max_length=64)
    branch_code: str = Field(min_length=1, max_length=64)
    device_public_key: str = Field(
        description="BASE64 of the device's 32-byte Ed25519 public key",
        pattern=r"^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$",
    )
    device_name: str = Field(default="", max_length=200)


class CentreKeyModel(BaseModel):
    """The centre's HPKE public key."""

    key_id: str
    kind: str
    public_key: str = Field(description="BASE64 of the raw public key")
    expires_at: str


class EnrolmentAnswer(BaseModel):
    """What a device learns when it joins."""

    branch_id: str
    branch_code: str
    device_id: str
    device_key_id: str
    centre_key: CentreKeyModel
    server_time: str


class RecordResultModel(BaseModel):
    """The answer for one record (absent fields are left out)."""

    record_id: str
    status: str
    cam_ie_number: str | None = None
    duplicate_of: str | None = None
    reason_code: str | None = None
    message: MessageModel | None = None
    fields: dict[str, MessageModel] | None = None


class AuditHeadModel(BaseModel):
    """The branch's audit chain head a version 2 batch carried: entry count and the last entry's hash."""

    count: int
    sha256: str


class BatchAnswerModel(BaseModel):
    """The answer to a batch: one result per record, in the batch's order; to a version 2
    batch, also the audit head the centre now keeps (its acknowledgement)."""

    batch_id: str
    received_at: str
    results: list[RecordResultModel]
    audit_head: AuditHeadModel | None = None


class FeedEntryModel(BaseModel):
    """A decision made after the batch's answer."""

    cursor: int
    record_id: str
    status: str
    decided_at: str
    cam_ie_number: str | None = None
    reason_code: str | None = None
    message: MessageModel | None = None


class FeedAnswer(BaseModel):
    """A page of the branch's status feed."""

    entries: list[FeedEntryModel]
    next_cursor: int
    more: bool


class ReceiptQuestion(BaseModel):
    """A receipt's QR code text, to be checked."""

    receipt: str = Field(min_length=1, max_length=400, description="the text of the receipt's QR code (CAMIE-R1.…)")


class ReceiptVerdict(BaseModel):
    """Whether a receipt is genuine, and what it states (no names, no CAM-IE number)."""

    genuine: bool
    reason: str = Field(
        description="genuine, malformed, unknown_device, bad_signature, wrong_branch, record_elsewhere or device_revoked"
    )
    message: MessageModel
    reference: str | None = None
    record_id: str | None = None
    branch_code: str | None = None
    issued_on: str | None = None
    record_received: bool = Field(description="whether the centre holds the receipt's record (a genuine receipt's)")


class Health(BaseModel):
    """The centre is up."""

    status: str
    server_time: str
    protocol_version: int


def error_responses(*codes: str) -> dict[int | str, dict[str, Any]]:
    """The `responses` entry for these error codes (grouped by status)."""
    by_status: dict[int, list[str]] = {}
    for code in codes:
        by_status.setdefault(messages.error_status(code), []).append(code)
    return {
        status: {"model": ErrorBody, "description": ", ".join(group)} for status, group in sorted(by_status.items())
    }
