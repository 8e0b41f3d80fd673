"""Enrolment: one-time codes bound to a branch, the device key id, the centre key, and every refusal."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from central.runner import RunningCentre
from central.store import CentreStore, normalise_code
from sync.envelope import DeviceKey, device_key_id, fingerprint
from tests.central.conftest import dump, enrol


def _request(code: str, branch: str = "PP-001", key: DeviceKey | None = None) -> dict[str, str]:
    key = key or DeviceKey.generate()
    return {
        "enrolment_code": code,
        "branch_code": branch,
        "device_public_key": base64.b64encode(key.public_bytes).decode(),
        "device_name": "desk 2",
    }


def _post(centre: RunningCentre, body: Any) -> requests.Response:
    with requests.Session() as session:
        return session.post(centre.url + "/v1/enrolments", json=body, timeout=30)


def test_enrolment_answers_the_device_and_the_centre_key(centre: RunningCentre) -> None:
    key = DeviceKey.generate()
    code = centre.store.issue_enrolment_code("PP-001", "Phnom Penh — Psar Thmei")
    response = _post(centre, _request(code, key=key))
    assert response.status_code == 201
    answer = response.json()
    assert answer["branch_code"] == "PP-001"
    assert answer["device_key_id"] == device_key_id(key.public_bytes) == key.key_id
    current = centre.store.current_key()
    assert answer["centre_key"] == {
        "key_id": current.key_id,
        "kind": "x25519",
        "public_key": base64.b64encode(current.public.public_bytes).decode(),
        "expires_at": current.expires_at,
    }
    assert centre.store.device(answer["device_id"]) is not None
    with requests.Session() as session:
        assert session.get(centre.url + "/v1/centre-key", timeout=30).json() == answer["centre_key"]


def test_the_code_is_human_typable_and_forgiving(centre: RunningCentre) -> None:
    code = centre.store.issue_enrolment_code("PP-001")
    groups = code.split("-")
    assert [len(g) for g in groups] == [4, 4, 4, 4]
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert normalise_code(typed) == normalise_code(code)
    assert _post(centre, _request(typed)).status_code == 201


@pytest.mark.parametrize("case", ["unknown", "used", "other_branch", "expired"])
def test_every_bad_code_gets_one_answer_and_changes_nothing(centre: RunningCentre, case: str) -> None:
    code = centre.store.issue_enrolment_code("PP-001")
    branch = "PP-001"
    if case == "unknown":
        code = "ABCD-EFGH-JKMN-PQRS"
    elif case == "used":
        assert _post(centre, _request(code)).status_code == 201
    elif case == "other_branch":
        centre.store.issue_enrolment_code("KP-002")
        branch = "KP-002"
    else:
        # Age the code by writing its expiry into the past through a second connection.
        with CentreStore.open(centre.store.path) as other:
            other._conn.execute(
                "UPDATE enrolment_codes SET expires_at = ?", ((datetime.now(UTC) - timedelta(days=1)).isoformat(),)
            )
    before = dump(centre.store.path)
    response = _post(centre, _request(code, branch))
    assert response.status_code == 403
    assert response.json()["error"] == "enrolment_code_invalid"
    assert response.json()["message"]["km"]
    assert response.json()["message"]["en"]
    assert dump(centre.store.path) == before


def test_a_key_enrolled_twice_is_refused_and_the_code_stays_usable(centre: RunningCentre) -> None:
    key = DeviceKey.generate()
    enrol(centre, key=key).close()
    code = centre.store.issue_enrolment_code("PP-001")
    response = _post(centre, _request(code, key=key))
    assert (response.status_code, response.json()["error"]) == (409, "device_already_enrolled")
    assert _post(centre, _request(code)).status_code == 201


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"enrolment_code": "X"},
        "not an object",
        {"enrolment_code": "A", "branch_code": "PP-001", "device_public_key": "!!!not base64"},
        {"enrolment_code": "A", "branch_code": "PP-001", "device_public_key": base64.b64encode(b"short").decode()},
        {"enrolment_code": "A", "branch_code": "", "device_public_key": base64.b64encode(bytes(32)).decode()},
    ],
)
def test_malformed_enrolments_are_400(centre: RunningCentre, body: Any) -> None:
    response = _post(centre, body)
    assert (response.status_code, response.json()["error"]) == (400, "malformed")


def test_a_huge_enrolment_body_is_413(centre: RunningCentre) -> None:
    with requests.Session() as session:
        response = session.post(centre.url + "/v1/enrolments", data=b"{" + b" " * 100_000 + b"}", timeout=30)
    assert (response.status_code, response.json()["error"]) == (413, "payload_too_large")


def test_key_rotation_keeps_the_old_key_for_a_grace_period(tmp_path: Path) -> None:
    with CentreStore.open(tmp_path / "c.db") as store:
        first = store.current_key()
        second_id = store.rotate_key("mlkem768-x25519")
        current = store.current_key()
        assert current.key_id == second_id != first.key_id
        assert current.kind == "mlkem768-x25519"
        assert len(current.public.public_bytes) == 1216
        old = store.usable_key(first.key_id)
        assert old is not None
        assert old.expires_at < current.expires_at
        store.retire_key(first.key_id)
        assert store.usable_key(first.key_id) is None
        assert len(fingerprint(current.public.public_bytes).split()) == 8
