"""A receipt printed before enrolment verifies at a real centre afterwards; forged ones do not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from PySide6.QtWidgets import QApplication

from branch_client import receipt
from branch_client.fonts import register_khmer_font
from branch_client.services import sync as sync_service
from branch_client.store import BranchDirectory, Session
from central.__main__ import main
from central.receipts import verify_receipt
from central.runner import RunningCentre
from sync import device as device_config
from sync.outbox import Outbox
from sync.settings import SyncSettings
from tests.conftest import FAST_KDF, MANAGER
from tests.sync.helpers import FAST_RETRY, run_pass, sample_answers, submit


@pytest.fixture
def branch(tmp_path: Path, qapp: QApplication) -> Iterator[tuple[BranchDirectory, Session]]:
    """A branch set up but not enrolled, its manager signed in."""
    register_khmer_font(qapp)
    directory = BranchDirectory.claim(tmp_path / "branch", kdf=FAST_KDF)
    session, _ = directory.create_branch(
        branch_code="PNH-01", branch_name="Psar Thmei", manager_username=MANAGER[0], manager_password=MANAGER[1]
    )
    yield directory, session
    session.close()
    directory.release()


def enrol(session: Session, centre: RunningCentre) -> None:
    sync_service.enrol(session, centre.url, centre.store.issue_enrolment_code("PNH-01"), retry=FAST_RETRY)


def cli(capsys: pytest.CaptureFixture[str], centre: RunningCentre, code: str) -> tuple[int, str]:
    status = main(["verify-receipt", "--db", str(centre.store.path), code])
    out, err = capsys.readouterr()
    return status, out + err


def test_a_receipt_printed_before_enrolment_verifies_after_it(
    branch: tuple[BranchDirectory, Session], centre: RunningCentre, capsys: pytest.CaptureFixture[str]
) -> None:
    directory, session = branch
    [record_id] = submit(session, sample_answers(1, seed=31))
    printed = receipt.receipt_for(session, record_id)  # before enrolment

    assert verify_receipt(centre.store, printed.qr_text).reason == "unknown_device"
    enrol(session, centre)

    outbox = Outbox(session.db.conn)
    enrolled = device_config.load(outbox.settings)
    assert enrolled is not None
    assert enrolled.device_key.key_id == printed.key_id  # enrolment registered the receipts' key
    assert device_config.pending_key(outbox.settings, create=False) is None
    check = verify_receipt(centre.store, printed.qr_text)
    assert check.genuine
    assert check.device is not None
    assert check.device.device_id == enrolled.device_id
    assert check.record is None  # not synced yet
    status, out = cli(capsys, centre, printed.qr_text)
    assert status == 0
    assert out.startswith("GENUINE")
    assert "not at the centre yet" in out
    assert receipt.receipt_for(session, record_id).qr_text == printed.qr_text  # a reprint: the same code

    assert run_pass(directory, session).ok
    status, out = cli(capsys, centre, printed.qr_text)
    assert status == 0
    assert "at the centre, accepted, CAM-IE number" in out


def test_forged_and_changed_receipts_are_not_genuine(
    branch: tuple[BranchDirectory, Session], centre: RunningCentre, capsys: pytest.CaptureFixture[str]
) -> None:
    _, session = branch
    [record_id] = submit(session, sample_answers(1, seed=32))
    enrol(session, centre)
    good = receipt.receipt_for(session, record_id)
    changed = good.qr_text.replace(".PNH-01.", ".PNH-02.")
    forged = receipt.sample_receipt().qr_text  # signed by a key the centre never enrolled

    assert verify_receipt(centre.store, changed).reason == "bad_signature"
    assert verify_receipt(centre.store, forged).reason == "unknown_device"
    assert verify_receipt(centre.store, "not a receipt").reason == "malformed"
    for code, words in ((changed, "does not match"), (forged, "no device"), ("hello", "not a CAM-IE receipt code")):
        status, out = cli(capsys, centre, code)
        assert status == 1
        assert out.startswith("NOT GENUINE")
        assert words in out
        assert "Traceback" not in out


def test_a_revoked_devices_receipt_is_genuine_only_for_records_it_delivered(
    branch: tuple[BranchDirectory, Session], centre: RunningCentre, capsys: pytest.CaptureFixture[str]
) -> None:
    directory, session = branch
    enrol(session, centre)
    [delivered] = submit(session, sample_answers(1, seed=33))
    assert run_pass(directory, session).ok
    [late] = submit(session, sample_answers(1, seed=34), prefix="S")
    centre.store.revoke_device(centre.store.devices()[0].device_id)

    check = verify_receipt(centre.store, receipt.receipt_for(session, delivered).qr_text)
    assert check.genuine  # it came in through the device's signed batches before the revocation
    status, out = cli(capsys, centre, receipt.receipt_for(session, late).qr_text)
    assert status == 1  # the centre never got this record: the key may have been stolen
    assert "revoked" in out


def test_enrolment_after_a_lost_answer_still_lets_old_receipts_verify(
    branch: tuple[BranchDirectory, Session], centre: RunningCentre
) -> None:
    _, session = branch
    [record_id] = submit(session, sample_answers(1, seed=35))
    printed = receipt.receipt_for(session, record_id)
    pending = device_config.pending_key(SyncSettings(session.db.conn), create=False)
    assert pending is not None
    # An enrolment the centre carried out whose answer never reached the branch store:
    centre.store.enrol(centre.store.issue_enrolment_code("PNH-01"), "PNH-01", pending.public_bytes, "lost")

    enrol(session, centre)  # the pending key is taken: the PC joins with a new one

    enrolled = device_config.load(SyncSettings(session.db.conn))
    assert enrolled is not None
    assert enrolled.device_key.key_id != pending.key_id
    assert verify_receipt(centre.store, printed.qr_text).genuine
    assert verify_receipt(centre.store, receipt.receipt_for(session, record_id).qr_text).genuine


def test_the_centre_answers_verification_over_http(
    branch: tuple[BranchDirectory, Session], centre: RunningCentre
) -> None:
    _, session = branch
    [record_id] = submit(session, sample_answers(1, seed=36))
    code = receipt.receipt_for(session, record_id).qr_text
    enrol(session, centre)

    with requests.Session() as http:
        good = http.post(centre.url + "/v1/receipts/verify", json={"receipt": code}, timeout=30)
        changed = http.post(
            centre.url + "/v1/receipts/verify", json={"receipt": code.replace(".PNH-01.", ".PNH-02.")}, timeout=30
        )
        junk = http.post(centre.url + "/v1/receipts/verify", json={"receipt": "hello"}, timeout=30)
        empty = http.post(centre.url + "/v1/receipts/verify", json={}, timeout=30)

    assert good.status_code == 200
    assert good.json() | {"message": None} == {
        "genuine": True,
        "reason": "genuine",
        "message": None,
        "reference": receipt.receipt_for(session, record_id).reference,
        "record_id": record_id,
        "branch_code": "PNH-01",
        "issued_on": good.json()["issued_on"],
        "record_received": False,
    }
    assert good.json()["message"]["en"].startswith("This receipt is genuine")
    assert changed.json()["genuine"] is False
    assert changed.json()["reason"] == "bad_signature"
    assert junk.json()["reason"] == "malformed"
    assert junk.json()["message"]["km"]
    assert empty.status_code == 400
