"""HTTP to the centre, with the retry rules of docs/protocol.md.

Timeouts, connection errors, 5xx, 429, `409 batch_in_progress` and answers that arrive
garbled are retried with exponential backoff and full jitter (AWS's "full jitter":
a random wait between 0 and min(ceiling, base·2^attempt)), never sooner than the centre's
`Retry-After`. Any other 4xx is not retried: it raises `Refused` with the centre's code.
Plain HTTP is allowed only to loopback hosts.
"""

from __future__ import annotations

import base64
import contextlib
import ipaddress
import json
import os
import random
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar
from urllib.parse import urlencode

import requests

from sync.protocol import BatchAnswer, FeedEntry, Message, ProtocolError

T = TypeVar("T")
USER_AGENT = "cam-ie-branch-client"
MAX_ANSWER_BYTES = 32 * 1024 * 1024  # a 5,000-record answer with every field refused stays far below
MAX_ERROR_BYTES = 64 * 1024


class SyncError(Exception):
    """A sync step that did not succeed. `code` names the condition (for people: `message`)."""

    def __init__(self, code: str, detail: str = "", message: Message | None = None) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.message = message


class Unreachable(SyncError):
    """The centre could not be reached (or kept failing) after every retry."""


class Cancelled(SyncError):
    """The pass was asked to stop."""

    def __init__(self) -> None:
        super().__init__("cancelled")


class Refused(SyncError):
    """The centre answered with a 4xx that retrying would not change."""

    def __init__(self, status: int, code: str, body: dict[str, Any]) -> None:
        message = None
        with contextlib.suppress(ProtocolError):
            message = Message.from_json(body.get("message"))
        super().__init__(code, f"HTTP {status}", message)
        self.status = status
        self.body = body


def is_link_problem(code: str) -> bool:
    """Whether a `SyncError` code means the centre could not be reached (offline), rather than
    that it answered and refused."""
    return code in ("unreachable", "timeout", "garbled_answer", "answer_too_large", "http_429") or code.startswith(
        "http_5"
    )


class InsecureURL(ValueError):
    """An `http://` URL for a host that is not loopback, or not a URL at all."""


# What a centre address may look like: scheme, host name or IP (IPv6 in brackets), an
# optional port and path. Nothing else: no user info, backslashes, spaces or escapes,
# which URL parsers disagree about (one sees a loopback host where another connects elsewhere).
_CENTRE_URL = re.compile(
    r"(?P<scheme>https?)://(?P<host>[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::(?P<port>[0-9]{1,5}))?(?P<path>(?:/[A-Za-z0-9._~-]*)*)"
)


def check_url(url: str) -> str:
    """The centre's base URL without a trailing slash; refuses plain HTTP off loopback and
    anything but a plain scheme://host[:port][/path]."""
    match = _CENTRE_URL.fullmatch(url.strip())
    if match is None:
        raise InsecureURL("the centre's address must look like https://host[:port][/path]")
    host = match["host"].strip("[]")
    if match["scheme"] == "http" and not _is_loopback(host):
        raise InsecureURL("plain http is allowed only to this computer; use https://")
    return url.strip().rstrip("/")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class RetryPolicy:
    """How long to keep trying one request, and how to wait in between."""

    base_s: float = 1.0
    ceiling_s: float = 60.0
    max_attempts: int = 8
    max_retry_after_s: float = 300.0  # a centre asking for longer than this is treated as down

    def delay(self, attempt: int, rng: random.Random) -> float:
        """Full jitter: uniform in [0, min(ceiling, base·2^attempt)]."""
        return rng.uniform(0.0, min(self.ceiling_s, self.base_s * (2**attempt)))


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """`Retry-After` as seconds: delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class _Retry(Exception):
    def __init__(self, code: str, retry_after: float | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.retry_after = retry_after


class Transport:
    """Requests to one centre. Used by one thread at a time (the sync pass hands a batch's
    POST to its sender thread and waits for it before the next request)."""

    def __init__(
        self,
        base_url: str,
        *,
        ca_bundle: str | None = None,
        connect_timeout_s: float = 10.0,
        read_timeout_s: float = 30.0,
        retry: RetryPolicy | None = None,
        cancel: threading.Event | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.base_url = check_url(base_url)
        if ca_bundle and not os.path.isfile(ca_bundle):
            raise SyncError("ca_bundle_unreadable", "the centre's CA certificate file is missing")
        self._session = requests.Session()
        self._session.headers["User-Agent"] = USER_AGENT
        # Passed with every request: a Session-level `verify` loses to REQUESTS_CA_BUNDLE in
        # the environment (a long-standing requests behaviour), which would undo the pinning.
        self._verify: str | bool = ca_bundle if ca_bundle else True
        self._timeout = (connect_timeout_s, read_timeout_s)
        self.retry = retry or RetryPolicy()
        self.cancel = cancel or threading.Event()
        self._rng = rng or random.Random()  # noqa: S311 (jitter, not secrets)
        self.attempts = 0  # requests made, for progress reports and tests

    def close(self) -> None:
        """Close the connection pool."""
        self._session.close()

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the protocol's calls --------------------------------------------------------

    def enrol(self, payload: dict[str, Any]) -> dict[str, Any]:
        """`POST /v1/enrolments`: the centre's answer as JSON."""
        return self._call("POST", "/v1/enrolments", _json_object, json=payload)

    def centre_key(self) -> dict[str, Any]:
        """`GET /v1/centre-key`: the centre's current HPKE public key."""
        return self._call("GET", "/v1/centre-key", _json_object)

    def post_batch(self, body: bytes, batch_id: str) -> BatchAnswer:
        """`POST /v1/batches`: send an envelope, retrying until an answer or a refusal."""

        def parse(body: bytes) -> BatchAnswer:
            answer = BatchAnswer.from_json(json.loads(body))
            if answer.batch_id != batch_id:
                raise ProtocolError("answer_mismatch", "the answer names another batch")
            return answer

        return self._call(
            "POST",
            "/v1/batches",
            parse,
            data=body,
            headers={"Content-Type": "application/octet-stream", "Idempotency-Key": batch_id},
        )

    def status_feed(
        self, *, device_id: str, sign: Callable[[bytes], bytes], after: int, limit: int = 500
    ) -> tuple[list[FeedEntry], int, bool]:
        """`GET /v1/status`: decisions after `after`: (entries, next cursor, more to come)."""
        path = "/v1/status?" + urlencode({"after": after, "limit": limit})

        def parse(body: bytes) -> tuple[list[FeedEntry], int, bool]:
            raw = _json_object(body)
            entries = raw.get("entries")
            cursor = raw.get("next_cursor")
            more = raw.get("more")
            if not isinstance(entries, list) or type(cursor) is not int or not isinstance(more, bool):
                raise ProtocolError("malformed", "status feed answer")
            return [FeedEntry.from_json(e) for e in entries], cursor, more

        def headers() -> dict[str, str]:
            timestamp = datetime.now(UTC).isoformat(timespec="seconds")
            signed = f"GET\n{path}\n{device_id}\n{timestamp}".encode()
            return {
                "X-Device-Id": device_id,
                "X-Device-Timestamp": timestamp,
                "X-Device-Signature": base64.b64encode(sign(signed)).decode(),
            }

        return self._call("GET", path, parse, headers_fn=headers)

    # --- retries ---------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        parse: Callable[[bytes], T],
        *,
        headers: dict[str, str] | None = None,
        headers_fn: Callable[[], dict[str, str]] | None = None,
        **kwargs: Any,
    ) -> T:
        last = "unreachable"
        for attempt in range(self.retry.max_attempts):
            if self.cancel.is_set():
                raise Cancelled()
            try:
                return self._once(
                    method, path, parse, {**(headers or {}), **(headers_fn() if headers_fn else {})}, kwargs
                )
            except _Retry as retry:
                last = retry.code
                if attempt + 1 == self.retry.max_attempts:
                    break
                wait = self.retry.delay(attempt, self._rng)
                if retry.retry_after is not None:
                    if retry.retry_after > self.retry.max_retry_after_s:
                        break
                    wait = max(wait, retry.retry_after)
                if self.cancel.wait(wait):
                    raise Cancelled() from None
        raise Unreachable(last, f"gave up after {self.retry.max_attempts} attempts")

    def _once(
        self,
        method: str,
        path: str,
        parse: Callable[[bytes], T],
        headers: dict[str, str],
        kwargs: dict[str, Any],
    ) -> T:
        self.attempts += 1
        try:
            response = self._session.request(
                method,
                self.base_url + path,
                headers=headers,
                timeout=self._timeout,
                verify=self._verify,
                allow_redirects=False,  # the HTTPS and pinning checks hold for the configured address only
                stream=True,  # the body is read with a size cap
                **kwargs,
            )
        except requests.exceptions.SSLError as exc:
            raise SyncError("certificate_error", "the centre's certificate was not trusted") from exc
        except requests.Timeout:
            raise _Retry("timeout") from None
        except requests.RequestException:
            raise _Retry("unreachable") from None
        with response:
            status = response.status_code
            if status >= 500 or status == 429:
                raise _Retry(f"http_{status}", retry_after_seconds(response.headers.get("Retry-After")))
            if 300 <= status < 400:
                raise Refused(status, "redirected", {})
            if status >= 400:
                try:
                    body = _error_body(_read_capped(response, MAX_ERROR_BYTES))
                except (_Retry, requests.RequestException):  # an unreadable refusal is still a refusal
                    body = {}
                code = str(body.get("error") or f"http_{status}")
                if status == 409 and code == "batch_in_progress":
                    raise _Retry(code, retry_after_seconds(response.headers.get("Retry-After")))
                raise Refused(status, code, body)
            try:
                return parse(_read_capped(response, MAX_ANSWER_BYTES))
            except (ValueError, ProtocolError, requests.RequestException, RecursionError):
                # A 2xx whose body does not parse was cut or garbled on the way: ask again
                # (every call here is idempotent).
                raise _Retry("garbled_answer") from None


def _read_capped(response: requests.Response, limit: int) -> bytes:
    """The body, refusing (as garbled: it is asked for again) one larger than `limit`."""
    chunks, size = [], 0
    for chunk in response.iter_content(64 * 1024):
        size += len(chunk)
        if size > limit:
            raise _Retry("answer_too_large")
        chunks.append(chunk)
    return b"".join(chunks)


def _json_object(body: bytes) -> dict[str, Any]:
    value = json.loads(body)
    if not isinstance(value, dict):
        raise ProtocolError("malformed", "expected a JSON object")
    return value


def _error_body(body: bytes) -> dict[str, Any]:
    try:
        value = json.loads(body)
    except (ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}
