"""The centre's HTTP API (FastAPI): the application, its error handling and its routes put together.

Exactly docs/protocol.md. The endpoints are in `central.routes` (one router per concern) and
the published shapes in `central.api_models`. Every refusal has the protocol's error shape
(`{"error", "message": {"km", "en"}}`) and status, never FastAPI's default 422; any
unexpected exception becomes `500 internal_error` with its traceback logged (no request data).
"""

from __future__ import annotations

import logging
import traceback
from datetime import timedelta

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.types import Message as ASGIMessage

from central import messages, routes
from central.intake import Intake, Refusal
from central.store import CentreStore
from central.validation import RecordValidator
from sync import protocol

log = logging.getLogger(__name__)


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


def _refusal_response(refusal: Refusal) -> JSONResponse:
    """A `Refusal` as the protocol answers it (with Retry-After when it says how long to wait)."""
    headers = {"Retry-After": str(refusal.retry_after)} if refusal.retry_after is not None else None
    return JSONResponse(refusal.body(), status_code=refusal.status, headers=headers)


def _answer_errors_as_the_protocol(app: FastAPI) -> None:
    """Refusals, Starlette's own errors (404, 405…) and FastAPI's validation errors all answer
    in the protocol's error shape; an unexpected exception becomes `500 internal_error`."""

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


def create_app(
    store: CentreStore,
    *,
    validator: RecordValidator | None = None,
    max_batch_bytes: int = routes.MAX_BATCH_BYTES,
    max_clock_skew: timedelta = routes.MAX_CLOCK_SKEW,
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
    _answer_errors_as_the_protocol(app)
    app.include_router(routes.device_routes(store))
    app.include_router(routes.batch_routes(intake, max_batch_bytes))
    app.include_router(routes.status_routes(store, max_clock_skew))
    app.include_router(routes.receipt_routes(store))
    app.include_router(routes.health_routes())
    return app
