"""The centre's endpoints, one `APIRouter` per concern: devices, batches, the status feed, receipts, health.

Exactly docs/protocol.md. Request bodies and parameters are read by hand rather than
through FastAPI's parameter binding, so every refusal is a `Refusal` (the protocol's error
shape and status, never FastAPI's default 422); the routes declare each refusal they may give
(`responses`) and the bodies and parameters they read (`openapi_extra`). `central.app`
includes the routers in the order the OpenAPI description lists them.
"""

from __future__ import annotations

import base64
import binascii
import logging
from datetime import UTC, datetime, timedelta
from typing import Final

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from central.api_models import (
    BatchAnswerModel,
    CentreKeyModel,
    EnrolmentAnswer,
    EnrolmentRequest,
    ErrorBody,
    FeedAnswer,
    Health,
    ReceiptQuestion,
    ReceiptVerdict,
    error_responses,
)
from central.intake import Intake, Refusal
from central.ledger import now_iso
from central.receipts import verify_receipt
from central.store import CentreKey, CentreStore, Device, EnrolmentRefused
from sync import envelope, protocol

log = logging.getLogger("central.app")  # the name the centre's log has always used for its API

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
    **error_responses(*BATCH_ERROR_CODES),
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


def _key_json(key: CentreKey) -> dict[str, str]:
    """A centre key as `CentreKeyModel` publishes it."""
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


def _query_int(request: Request, name: str, default: int, low: int, high: int) -> int:
    """A whole-number query parameter in [low, high], `default` when absent; `malformed` otherwise."""
    text = request.query_params.get(name)
    if text is None:
        return default
    if not text.isascii() or not text.isdigit() or len(text) > 16 or not low <= int(text) <= high:
        raise Refusal("malformed")
    return int(text)


def device_routes(store: CentreStore) -> APIRouter:
    """Joining the centre: enrolment with a one-time code, and the centre's current key."""
    router = APIRouter()

    @router.post(
        "/v1/enrolments",
        status_code=201,
        response_model=EnrolmentAnswer,
        responses=error_responses(
            "malformed", "enrolment_code_invalid", "device_already_enrolled", "payload_too_large"
        ),
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

    @router.get("/v1/centre-key", response_model=CentreKeyModel, summary="The centre's current HPKE public key")
    def centre_key() -> JSONResponse:
        return JSONResponse(_key_json(store.current_key()))

    return router


def batch_routes(intake: Intake, max_batch_bytes: int) -> APIRouter:
    """Receiving sealed batches: the body is read (up to `max_batch_bytes`) and handed to `intake`."""
    router = APIRouter()

    @router.post(
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

    return router


def _signed_device(request: Request, store: CentreStore, max_clock_skew: timedelta) -> Device:
    """The device that signed this GET request, checked in the protocol's order: a known device,
    not revoked, a timestamp within `max_clock_skew`, a valid Ed25519 signature over method,
    target, device id and timestamp."""
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
    return device


def status_routes(store: CentreStore, max_clock_skew: timedelta) -> APIRouter:
    """The status feed: decisions on a branch's records after a cursor, for a signed GET."""
    router = APIRouter()

    @router.get(
        "/v1/status",
        response_model=FeedAnswer,
        responses=error_responses(
            "malformed", "unknown_device", "device_revoked", "bad_signature", "timestamp_out_of_range"
        ),
        openapi_extra=_STATUS_PARAMETERS,
        summary="Decisions on the branch's records after a cursor (signed GET)",
    )
    def status(request: Request) -> JSONResponse:
        device = _signed_device(request, store, max_clock_skew)
        after = _query_int(request, "after", 0, 0, 2**53)
        limit = _query_int(request, "limit", DEFAULT_FEED_LIMIT, 1, MAX_FEED_LIMIT)
        entries, more = store.feed(device.branch_id, after, limit)
        page = {
            "entries": [entry.to_json() for entry in entries],
            "next_cursor": entries[-1].cursor if entries else after,
            "more": more,
        }
        return JSONResponse(page)

    return router


def receipt_routes(store: CentreStore) -> APIRouter:
    """Checking a registration receipt's QR code against the devices and records the centre knows."""
    router = APIRouter()

    @router.post(
        "/v1/receipts/verify",
        response_model=ReceiptVerdict,
        responses=error_responses("malformed", "payload_too_large"),
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

    return router


def health_routes() -> APIRouter:
    """Whether the centre is up (no authentication, no store access)."""
    router = APIRouter()

    @router.get("/v1/health", response_model=Health, summary="Whether the centre is up")
    def health() -> JSONResponse:
        return JSONResponse({"status": "ok", "server_time": now_iso(), "protocol_version": protocol.PROTOCOL_VERSION})

    return router
