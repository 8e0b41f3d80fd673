"""The transport's retry rules, against a real HTTP server on loopback that answers from a script."""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler

import pytest

from sync.ids import uuid7_str
from sync.protocol import BatchAnswer, RecordResult
from sync.transport import (
    Cancelled,
    InsecureURL,
    Refused,
    RetryPolicy,
    SyncError,
    Transport,
    Unreachable,
    check_url,
    retry_after_seconds,
)
from tests.sync.http_stub import LoopbackServer

Reply = tuple[int, dict[str, str], bytes]


class ScriptedServer:
    """Answers each request with the next scripted reply; records what it was asked."""

    def __init__(self, replies: list[Reply]) -> None:
        self.replies = list(replies)
        self.requests: list[tuple[str, str, dict[str, str], bytes]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                outer.requests.append((self.command, self.path, dict(self.headers), body))
                status, headers, payload = outer.replies.pop(0) if outer.replies else (500, {}, b"")
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = _answer  # noqa: N815 - http.server's names

            def log_message(self, *args: object) -> None:
                pass

        self.http = LoopbackServer(Handler)
        self.url = self.http.url

    def close(self) -> None:
        self.http.close()


@pytest.fixture
def scripted() -> Iterator[list[ScriptedServer]]:
    made: list[ScriptedServer] = []
    yield made
    for server in made:
        server.close()


def _server(scripted: list[ScriptedServer], replies: list[Reply]) -> ScriptedServer:
    server = ScriptedServer(replies)
    scripted.append(server)
    return server


FAST = RetryPolicy(base_s=0.001, ceiling_s=0.01, max_attempts=5)


def _answer(batch_id: str) -> bytes:
    answer = BatchAnswer(batch_id, "2026-11-24T10:00:00+00:00", [RecordResult(uuid7_str(), "accepted", "CIE-1")])
    return json.dumps(answer.to_json()).encode()


def test_5xx_429_and_batch_in_progress_are_retried_until_an_answer(scripted: list[ScriptedServer]) -> None:
    batch_id = uuid7_str()
    server = _server(
        scripted,
        [
            (503, {"Retry-After": "0"}, b""),
            (500, {}, b"oops"),
            (429, {}, b""),
            (409, {}, json.dumps({"error": "batch_in_progress"}).encode()),
            (200, {"Content-Type": "application/json"}, _answer(batch_id)),
        ],
    )
    with Transport(server.url, retry=FAST) as transport:
        answer = transport.post_batch(b"body", batch_id)
    assert answer.batch_id == batch_id
    assert len(server.requests) == 5
    assert all(r[3] == b"body" and r[2]["Idempotency-Key"] == batch_id for r in server.requests)


def test_a_garbled_answer_is_asked_for_again(scripted: list[ScriptedServer]) -> None:
    batch_id = uuid7_str()
    server = _server(scripted, [(200, {}, _answer(batch_id)[:30]), (200, {}, _answer(batch_id))])
    with Transport(server.url, retry=FAST) as transport:
        assert transport.post_batch(b"x", batch_id).batch_id == batch_id
    assert len(server.requests) == 2


def test_other_4xx_are_refused_at_once_with_the_centres_code_and_words(scripted: list[ScriptedServer]) -> None:
    body = {"error": "bad_signature", "message": {"km": "ហត្ថលេខាមិនត្រឹមត្រូវ", "en": "The signature is wrong."}}
    server = _server(scripted, [(401, {}, json.dumps(body).encode())])
    with Transport(server.url, retry=FAST) as transport, pytest.raises(Refused) as refused:
        transport.post_batch(b"x", uuid7_str())
    assert refused.value.code == "bad_signature"
    assert refused.value.status == 401
    assert refused.value.message is not None
    assert refused.value.message.en == "The signature is wrong."
    assert len(server.requests) == 1


def test_giving_up_after_max_attempts_says_unreachable(scripted: list[ScriptedServer]) -> None:
    server = _server(scripted, [(503, {}, b"")] * 5)
    with Transport(server.url, retry=FAST) as transport, pytest.raises(Unreachable) as gave_up:
        transport.post_batch(b"x", uuid7_str())
    assert gave_up.value.code == "http_503"
    assert len(server.requests) == 5


def test_connection_refused_is_retried_then_unreachable() -> None:
    with Transport("http://127.0.0.1:9", retry=RetryPolicy(base_s=0.001, max_attempts=3)) as transport:
        with pytest.raises(Unreachable) as gave_up:
            transport.centre_key()
        assert transport.attempts == 3
    assert gave_up.value.code == "unreachable"


def test_retry_after_is_honoured(scripted: list[ScriptedServer]) -> None:
    batch_id = uuid7_str()
    server = _server(scripted, [(503, {"Retry-After": "1"}, b""), (200, {}, _answer(batch_id))])
    waits: list[float] = []
    cancel = threading.Event()
    original_wait = cancel.wait

    def record_wait(timeout: float | None = None) -> bool:
        waits.append(timeout or 0.0)
        return original_wait(0)

    cancel.wait = record_wait  # type: ignore[method-assign]
    with Transport(server.url, retry=FAST, cancel=cancel) as transport:
        transport.post_batch(b"x", batch_id)
    assert waits
    assert waits[0] >= 1.0


def test_a_centre_asking_to_wait_too_long_counts_as_down(scripted: list[ScriptedServer]) -> None:
    server = _server(scripted, [(503, {"Retry-After": "100000"}, b"")])
    with Transport(server.url, retry=FAST) as transport, pytest.raises(Unreachable):
        transport.post_batch(b"x", uuid7_str())
    assert len(server.requests) == 1


def test_cancel_stops_between_attempts(scripted: list[ScriptedServer]) -> None:
    server = _server(scripted, [(503, {}, b"")] * 5)
    cancel = threading.Event()
    cancel.set()
    with Transport(server.url, retry=FAST, cancel=cancel) as transport, pytest.raises(Cancelled):
        transport.post_batch(b"x", uuid7_str())
    assert server.requests == []


def test_full_jitter_stays_within_the_exponential_ceiling() -> None:
    policy = RetryPolicy(base_s=1.0, ceiling_s=30.0)
    rng = random.Random(1)
    for attempt in range(10):
        delays = [policy.delay(attempt, rng) for _ in range(200)]
        bound = min(30.0, 2.0**attempt)
        assert all(0.0 <= d <= bound for d in delays)
        assert max(delays) > bound * 0.8  # really spread up to the bound, not a fixed wait


def test_retry_after_reads_seconds_and_http_dates() -> None:
    now = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds(format_datetime(now + timedelta(seconds=30), usegmt=True), now) == 30.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


@pytest.mark.parametrize(
    "url",
    [
        "http://cam-ie.example.org",
        "http://10.0.0.5:8470",
        "ftp://127.0.0.1",
        "cam-ie.example.org",
        "",
        "http://evil\\@127.0.0.1",  # parsers disagree: one sees loopback, the other connects to "evil"
        "http://127.0.0.1@evil.com",
        "http://localhost:80@evil.com",
        "http://127.0.0.1.evil.com",
        "http://localhost.evil",
        "http://127.0.0.1 /x",
        "https://user:secret@cam-ie.example.org",
    ],
)
def test_plain_http_is_refused_except_to_loopback(url: str) -> None:
    with pytest.raises(InsecureURL):
        check_url(url)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8470/", "http://localhost:1", "http://[::1]:8470", "https://cam-ie.example.org"]
)
def test_loopback_http_and_any_https_are_allowed(url: str) -> None:
    assert check_url(url) == url.rstrip("/")


def test_a_redirect_is_not_followed(scripted: list[ScriptedServer]) -> None:
    server = _server(scripted, [(307, {"Location": "http://example.invalid/v1/batches"}, b"")])
    with Transport(server.url, retry=FAST) as transport, pytest.raises(Refused) as refused:
        transport.post_batch(b"x", uuid7_str())
    assert refused.value.code == "redirected"
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    "reply",
    [
        (200, {}, b"[" * 200_000),  # nested past the parser's recursion limit
        (200, {}, b'{"batch_id": 1}'),
        (200, {}, b"\xff\xfe"),
        (503, {"Retry-After": "\u00b2".encode().decode("latin-1")}, b""),  # "²" passes str.isdigit()
        (400, {}, b"[" * 200_000),
    ],
)
def test_a_broken_centre_answer_is_a_sync_error_not_a_crash(scripted: list[ScriptedServer], reply: Reply) -> None:
    server = _server(scripted, [reply] * 3)
    with Transport(server.url, retry=RetryPolicy(base_s=0.001, max_attempts=3)) as transport, pytest.raises(SyncError):
        transport.post_batch(b"x", uuid7_str())
