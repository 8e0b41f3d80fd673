"""The centre's HTTP API (FastAPI): enrolment, centre key, batches, status feed, receipts, health.

Exactly docs/protocol.md. Request bodies and parameters are read by hand rather than
through FastAPI's parameter binding, so every refusal has the protocol's error shape
(`{"error", "message": {"km", "en"}}`) and status, never FastAPI's default 422; the
OpenAPI description declares them all (`openapi_extra`, `responses`). Any unexpected
exception becomes `500 internal_error` with its traceback logged (no request data).
"""

from __future__ import annotations

import base64
import binascii
import logging
import traceback
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.types import Message as ASGIMessage

from central import messages
from central.intake import Intake, Refusal
from central.ledger import now_iso
from central.receipts import verify_receipt
from central.store import CentreKey, CentreStore, EnrolmentRefused
from central.validation import RecordValidator
from sync import envelope, protocol

log = logging.getLogger(__name__)

MAX_BATCH_BYTES: Final = 40 * 1024 * 1024
MAX_JSON_BYTES: Final = 64 * 1024
MAX_CLOCK_SKEW: Final = timedelta(hours=24)
MAX_FEED_LIMIT: Final = 1000
DEFAULT_FEED_LIMIT: Final = 500
#: What `POST /v1/batches` may answer besides 200, in the order of its checks.
BATCH_ERROR_CODES: Final = (
    "malformed",
    "unsupported_version",
    "unsupported_suite",
    "unknown_device",
    "device_revoked",
    "unknown_centre_key",
    "bad_signature",
    "batch_id_reused",
    "batch_in_progress",
    "stale_sequence",
    "payload_unopenable",
    "digest_mismatch",
    "payload_unreadable",
    "payload_too_large",
    "count_mismatch",
)


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


class BatchAnswerModel(BaseModel):
    """The answer to a batch: one result per record, in the batch's order."""

    batch_id: str
    received_at: str
    results: list[RecordResultModel]


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


class _ContainBugs:
    """Turn an unexpected exception into `500 internal_error`, logging its type and stack only.

    Starlette's own handler for `Exception` answers but then re-raises, and the server
    logs the exception's text, which may quote request data; this middleware stops it here.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: ASGIMessage) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            log.error(
                "unexpected %s on %s\n%s",
                type(exc).__name__,
                scope.get("path", "?"),
                "".join(traceback.format_tb(exc.__traceback__)),
            )
            if started:  # too late for another answer; the connection is dropped
                return
            response = JSONResponse(messages.error_body("internal_error"), status_code=500)
            await response(scope, receive, send)


def _errors(*codes: str) -> dict[int | str, dict[str, Any]]:
    """The `responses` entry for these error codes (grouped by status)."""
    by_status: dict[int, list[str]] = {}
    for code in codes:
        by_status.setdefault(messages.error_status(code), []).append(code)
    return {
        status: {"model": ErrorBody, "description": ", ".join(group)} for status, group in sorted(by_status.items())
    }


def _refusal_response(refusal: Refusal) -> JSONResponse:
    headers = {"Retry-After": str(refusal.retry_after)} if refusal.retry_after is not None else None
    return JSONResponse(refusal.body(), status_code=refusal.status, headers=headers)


def _key_json(key: CentreKey) -> dict[str, str]:
    return {
        "key_id": key.key_id,
        "kind": key.kind,
        "public_key": base64.b64encode(key.public.public_bytes).decode(),
        "expires_at": key.expires_at,
    }


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 beyond `limit` bytes (checked while reading, not after)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise Refusal("payload_too_large")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Refusal("payload_too_large")
        chunks.append(chunk)
    return b"".join(chunks)


_BATCH_BODY: Final = {
    "requestBody": {
        "required": True,
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    },
    "parameters": [
        {"name": "Idempotency-Key", "in": "header", "required": False, "schema": {"type": "string"}},
    ],
}
_BATCH_ERRORS: Final = {
    **_errors(*BATCH_ERROR_CODES),
    409: {
        "model": ErrorBody,
        "description": "batch_in_progress (with Retry-After), stale_sequence (with last_sequence)",
        "headers": {
            "Retry-After": {"schema": {"type": "integer"}, "description": "seconds to wait (batch_in_progress)"}
        },
    },
}
_ENROLMENT_BODY: Final = {
    "requestBody": {"required": True, "content": {"application/json": {"schema": EnrolmentRequest.model_json_schema()}}}
}
_RECEIPT_BODY: Final = {
    "requestBody": {"required": True, "content": {"application/json": {"schema": ReceiptQuestion.model_json_schema()}}}
}
_STATUS_PARAMETERS: Final = {
    "parameters": [
        {"name": "after", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 0, "default": 0}},
        {
            "name": "limit",
            "in": "query",
            "required": False,
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_FEED_LIMIT, "default": DEFAULT_FEED_LIMIT},
        },
        {"name": "X-Device-Id", "in": "header", "required": True, "schema": {"type": "string"}},
        {"name": "X-Device-Timestamp", "in": "header", "required": True, "schema": {"type": "string"}},
        {"name": "X-Device-Signature", "in": "header", "required": True, "schema": {"type": "string"}},
    ]
}


def _query_int(request: Request, name: str, default: int, low: int, high: int) -> int:
    text = request.query_params.get(name)
    if text is None:
        return default
    if not text.isascii() or not text.isdigit() or len(text) > 16 or not low <= int(text) <= high:
        raise Refusal("malformed")
    return int(text)


def create_app(
    store: CentreStore,
    *,
    validator: RecordValidator | None = None,
    max_batch_bytes: int = MAX_BATCH_BYTES,
    max_clock_skew: timedelta = MAX_CLOCK_SKEW,
) -> FastAPI:
    """The API over `store`. `validator` checks each record (default: `validation.form_validator`, the forms engine)."""
    intake = Intake(store, validator)
    app = FastAPI(
        title="CAM-IE central intake (reference)",
        version=str(protocol.PROTOCOL_VERSION),
        description="The protocol branch devices sync with; see docs/protocol.md.",
    )
    app.state.store = store
    app.state.intake = intake

    @app.exception_handler(Refusal)
    async def refused(_: Request, exc: Refusal) -> JSONResponse:
        return _refusal_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "malformed")
        return JSONResponse(messages.error_body(code), status_code=messages.error_status(code), headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, __: RequestValidationError) -> JSONResponse:
        return JSONResponse(messages.error_body("malformed"), status_code=400)

    app.add_middleware(_ContainBugs)

    @app.post(
        "/v1/enrolments",
        status_code=201,
        response_model=EnrolmentAnswer,
        responses=_errors("malformed", "enrolment_code_invalid", "device_already_enrolled", "payload_too_large"),
        openapi_extra=_ENROLMENT_BODY,
        summary="Enrol a device into a branch with a one-time code",
    )
    async def enrol(request: Request) -> JSONResponse:
        body = await _read_body(request, MAX_JSON_BYTES)
        try:
            asked = EnrolmentRequest.model_validate_json(body)
            public = base64.b64decode(asked.device_public_key, validate=True)
            Ed25519PublicKey.from_public_bytes(public)
        except (ValidationError, binascii.Error, ValueError):
            raise Refusal("malformed") from None
        try:
            done = await run_in_threadpool(
                store.enrol, asked.enrolment_code, asked.branch_code, public, asked.device_name
            )
        except EnrolmentRefused as exc:
            log.info("enrolment refused: %s", exc.code)
            raise Refusal(exc.code) from None
        log.info("device %s enrolled into branch %s", done.device_id, done.branch_code)
        answer = {
            "branch_id": done.branch_id,
            "branch_code": done.branch_code,
            "device_id": done.device_id,
            "device_key_id": done.device_key_id,
            "centre_key": _key_json(done.centre_key),
            "server_time": now_iso(),
        }
        return JSONResponse(answer, status_code=201)

    @app.get("/v1/centre-key", response_model=CentreKeyModel, summary="The centre's current HPKE public key")
    def centre_key() -> JSONResponse:
        return JSONResponse(_key_json(store.current_key()))

    @app.post(
        "/v1/batches",
        response_model=BatchAnswerModel,
        responses=_BATCH_ERRORS,
        openapi_extra=_BATCH_BODY,
        summary="Send a sealed, signed batch of records",
    )
    async def batches(request: Request) -> Response:
        body = await _read_body(request, max_batch_bytes)
        answer = await run_in_threadpool(intake.receive, body, request.headers.get("idempotency-key"))
        return Response(answer, media_type="application/json")

    @app.get(
        "/v1/status",
        response_model=FeedAnswer,
        responses=_errors("malformed", "unknown_device", "device_revoked", "bad_signature", "timestamp_out_of_range"),
        openapi_extra=_STATUS_PARAMETERS,
        summary="Decisions on the branch's records after a cursor (signed GET)",
    )
    def status(request: Request) -> JSONResponse:
        device_id = request.headers.get("x-device-id", "")
        timestamp = request.headers.get("x-device-timestamp", "")
        signature_text = request.headers.get("x-device-signature", "")
        device = store.device(device_id) if device_id else None
        if device is None:
            raise Refusal("unknown_device")
        if device.revoked_at is not None:
            raise Refusal("device_revoked")
        try:
            moment = datetime.fromisoformat(timestamp)
            if moment.tzinfo is None or abs(datetime.now(UTC) - moment) > max_clock_skew:
                raise ValueError("outside the window")
        except (ValueError, OverflowError):
            raise Refusal("timestamp_out_of_range") from None
        target = (request.scope.get("raw_path") or request.url.path.encode()).decode("latin-1")
        query = request.scope.get("query_string", b"").decode("latin-1")
        if query:
            target += "?" + query
        signed = f"GET\n{target}\n{device_id}\n{timestamp}".encode()
        try:
            signature = base64.b64decode(signature_text, validate=True)
        except (binascii.Error, ValueError):
            raise Refusal("bad_signature") from None
        if not envelope.verify_signature(device.public_key, signed, signature):
            raise Refusal("bad_signature")
        after = _query_int(request, "after", 0, 0, 2**53)
        limit = _query_int(request, "limit", DEFAULT_FEED_LIMIT, 1, MAX_FEED_LIMIT)
        entries, more = store.feed(device.branch_id, after, limit)
        page = {
            "entries": [entry.to_json() for entry in entries],
            "next_cursor": entries[-1].cursor if entries else after,
            "more": more,
        }
        return JSONResponse(page)

    @app.post(
        "/v1/receipts/verify",
        response_model=ReceiptVerdict,
        responses=_errors("malformed", "payload_too_large"),
        openapi_extra=_RECEIPT_BODY,
        summary="Check a registration receipt's QR code (genuine or not, and whether its record has arrived)",
    )
    async def verify(request: Request) -> JSONResponse:
        body = await _read_body(request, MAX_JSON_BYTES)
        try:
            asked = ReceiptQuestion.model_validate_json(body)
        except ValidationError:
            raise Refusal("malformed") from None
        check = await run_in_threadpool(verify_receipt, store, asked.receipt)
        claim = check.receipt.claim if check.receipt is not None else None
        verdict = {
            "genuine": check.genuine,
            "reason": check.reason,
            "message": check.message.to_json(),
            "reference": claim.reference if claim else None,
            "record_id": claim.record_id if claim else None,
            "branch_code": claim.branch_code if claim else None,
            "issued_on": claim.issued_on.isoformat() if claim else None,
            "record_received": check.genuine and check.record is not None,
        }
        return JSONResponse(verdict)

    @app.get("/v1/health", response_model=Health, summary="Whether the centre is up")
    def health() -> JSONResponse:
        return JSONResponse({"status": "ok", "server_time": now_iso(), "protocol_version": protocol.PROTOCOL_VERSION})

    return app
