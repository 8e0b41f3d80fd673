"""Fixtures for the centre's tests: a running centre on a loopback port, enrolled devices, sealed batches."""

from __future__ import annotations

import base64
import itertools
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from central.runner import RunningCentre, start_centre
from forms.samples import FORM_VERSION, generate_registrations
from sync import envelope
from sync.envelope import CentrePublicKey, DeviceKey
from sync.ids import uuid7_str
from sync.protocol import Record

_ID_NUMBERS = itertools.count(100000001)
_SAMPLES = generate_registrations(1_000_000, seed=42)  # valid answers, drawn lazily


def make_record(**changes: Any) -> Record:
    """A valid registration record with a fresh id and a unique ID number (override anything)."""
    answers = {**next(_SAMPLES), "id_type": "national_id", "id_number": str(next(_ID_NUMBERS))}
    answers.update(changes.pop("answers", {}))
    values: dict[str, Any] = {
        "id": uuid7_str(),
        "form_id": "cam_ie_registration",
        "form_version": FORM_VERSION,
        "answers": answers,
        "captured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "captured_by": "teller-1",
    }
    values.update(changes)
    return Record(**values)


@dataclass
class Device:
    """An enrolled device as the branch client would hold it: its key, the centre's key, its sequence."""

    url: str
    device_id: str
    branch_code: str
    key: DeviceKey
    centre_key: CentrePublicKey
    sequence: int = 0
    session: requests.Session = field(default_factory=requests.Session)

    def seal(self, records: list[Record], *, batch_id: str | None = None, sequence: int | None = None) -> bytes:
        """Seal a batch with the next sequence (or the one given)."""
        if sequence is None:
            self.sequence += 1
            sequence = self.sequence
        return envelope.seal(
            records,
            batch_id=batch_id or uuid7_str(),
            sequence=sequence,
            device_id=self.device_id,
            device_key=self.key,
            centre_key=self.centre_key,
        )

    def post(self, body: bytes, headers: dict[str, str] | None = None) -> requests.Response:
        """POST a batch body as it is."""
        return self.session.post(
            self.url + "/v1/batches",
            data=body,
            headers={"Content-Type": "application/octet-stream", **(headers or {})},
            timeout=30,
        )

    def send(self, records: list[Record]) -> dict[str, Any]:
        """Seal, send and return the answer's JSON (asserting 200)."""
        response = self.post(self.seal(records))
        assert response.status_code == 200, response.text
        answer: dict[str, Any] = response.json()
        return answer

    def status(
        self, after: int = 0, limit: int = 500, *, timestamp: str | None = None, key: DeviceKey | None = None
    ) -> requests.Response:
        """A signed GET of the status feed."""
        target = f"/v1/status?after={after}&limit={limit}"
        timestamp = timestamp or datetime.now(UTC).isoformat(timespec="seconds")
        message = f"GET\n{target}\n{self.device_id}\n{timestamp}".encode()
        signature = base64.b64encode((key or self.key).sign(message)).decode()
        headers = {"X-Device-Id": self.device_id, "X-Device-Timestamp": timestamp, "X-Device-Signature": signature}
        return self.session.get(self.url + target, headers=headers, timeout=30)

    def close(self) -> None:
        """Close the HTTP session (no ResourceWarning)."""
        self.session.close()


def enrol(centre: RunningCentre, branch_code: str = "PP-001", key: DeviceKey | None = None) -> Device:
    """Issue a code and enrol a new device over HTTP, as the branch client does."""
    key = key or DeviceKey.generate()
    code = centre.store.issue_enrolment_code(branch_code)
    body = {
        "enrolment_code": code,
        "branch_code": branch_code,
        "device_public_key": base64.b64encode(key.public_bytes).decode(),
        "device_name": "desk 1",
    }
    with requests.Session() as session:
        response = session.post(centre.url + "/v1/enrolments", json=body, timeout=30)
    assert response.status_code == 201, response.text
    answer = response.json()
    centre_key = answer["centre_key"]
    public = CentrePublicKey(centre_key["key_id"], centre_key["kind"], base64.b64decode(centre_key["public_key"]))
    return Device(centre.url, answer["device_id"], branch_code, key, public)


def dump(db_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted: to show that a refused request changed nothing."""
    with sqlite3.connect(db_path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        result = {table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr) for table in tables}
    conn.close()
    return result


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[RunningCentre]:
    """A centre on a free loopback port over a fresh database."""
    with start_centre(tmp_path / "centre.db") as running:
        yield running


@pytest.fixture
def device(centre: RunningCentre) -> Iterator[Device]:
    """A device enrolled into branch PP-001."""
    enrolled = enrol(centre, "PP-001")
    yield enrolled
    enrolled.close()


@pytest.fixture
def other_device(centre: RunningCentre) -> Iterator[Device]:
    """A device enrolled into another branch, KP-002."""
    enrolled = enrol(centre, "KP-002")
    yield enrolled
    enrolled.close()
