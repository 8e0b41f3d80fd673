"""`cam-ie-central`: every subcommand, its help, its errors (one line, no traceback), and a real `serve`."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from central.__main__ import build_parser, main
from central.runner import RunningCentre
from tests.central.conftest import Device, make_record

COMMANDS = [
    "serve",
    "enrol-code",
    "devices",
    "revoke-device",
    "rotate-key",
    "retire-key",
    "review",
    "status",
    "verify-receipt",
    "audit-heads",
]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_subcommand_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    listed = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert sorted(listed) == sorted(COMMANDS)
    for command in COMMANDS:
        with pytest.raises(SystemExit) as exited:
            main([command, "--help"])
        assert exited.value.code == 0
        out = capsys.readouterr().out
        assert "--db" in out
        assert len(out.splitlines()) > 3, command
        for action in listed[command]._actions:
            assert action.help, f"{command} {action.dest} has no help"


def test_enrol_code_devices_revoke_and_status(
    capsys: pytest.CaptureFixture[str], centre: RunningCentre, device: Device
) -> None:
    db = str(centre.store.path)
    code, out, err = _run(capsys, "enrol-code", "--db", db, "--branch", "SR-003", "--name", "Siem Reap")
    assert code == 0
    assert len(out.strip()) == 19
    assert "fingerprint" in err
    code, out, _ = _run(capsys, "devices", "--db", db)
    assert code == 0
    assert device.device_id in out
    assert "active" in out
    assert _run(capsys, "revoke-device", "--db", db, device.device_id)[0] == 0
    assert "revoked" in _run(capsys, "devices", "--db", db)[1]
    code, _, err = _run(capsys, "revoke-device", "--db", db, "dev-nope")
    assert code == 1
    assert err.startswith("cam-ie-central: no device")
    code, out, _ = _run(capsys, "status", "--db", db)
    assert code == 0
    assert "devices: 0 active, 1 revoked" in out


def test_rotate_and_retire_key(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    code, out, _ = _run(capsys, "rotate-key", "--db", db, "--kind", "mlkem768-x25519")
    assert code == 0
    key_id = out.split()[0]
    assert "mlkem768-x25519" in out
    assert len(out.splitlines()[1].split()) == 9  # "fingerprint" + 8 groups
    assert _run(capsys, "retire-key", "--db", db, key_id)[0] == 0
    assert _run(capsys, "retire-key", "--db", db, key_id)[0] == 1


def test_review_lists_without_names_and_decides(
    capsys: pytest.CaptureFixture[str], centre: RunningCentre, device: Device, other_device: Device
) -> None:
    db = str(centre.store.path)
    first = make_record(answers={"id_number": "424242424"})
    device.send([first])
    held = make_record(answers={"id_number": "424242424"})
    other_device.send([held])
    code, out, _ = _run(capsys, "review", "--db", db, "--list")
    assert code == 0
    assert held.id in out
    assert "held" in out
    assert first.id in out
    assert "424242424" not in out
    assert "Sok Dara" not in out
    code, out, _ = _run(capsys, "review", "--db", db, held.id, "--approve")
    assert code == 0
    assert "approved CIE-" in out
    code, _, err = _run(capsys, "review", "--db", db, held.id, "--approve")
    assert code == 1
    assert "cannot be approved" in err
    assert _run(capsys, "review", "--db", db, first.id, "--needs-correction", "Photo missing")[0] == 0
    assert _run(capsys, "review", "--db", db, first.id, "--reject", "Not an informal business")[0] == 0
    entries = device.status().json()["entries"]
    assert [e["status"] for e in entries] == ["needs_correction", "rejected"]
    assert entries[0]["message"]["en"] == "Photo missing"
    assert _run(capsys, "review", "--db", db, first.id)[0] == 2


def test_commands_refuse_a_missing_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for command in (["devices"], ["status"], ["review", "--list"], ["revoke-device", "x"]):
        code, _, err = _run(capsys, *command, "--db", str(tmp_path / "none.db"))
        assert code == 2
        assert "no centre database" in err
        assert "Traceback" not in err
    assert not (tmp_path / "none.db").exists()


def test_serve_refuses_plain_http_beyond_loopback(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _run(capsys, "serve", "--db", str(tmp_path / "c.db"), "--host", "0.0.0.0")
    assert code == 2
    assert "refusing to serve plain HTTP on 0.0.0.0" in err
    code, _, err = _run(capsys, "serve", "--db", str(tmp_path / "c.db"), "--tls-cert", "cert.pem")
    assert code == 2
    assert "go together" in err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def test_serve_runs_the_api_until_stopped(tmp_path: Path) -> None:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "central", "serve", "--db", str(tmp_path / "c.db"), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONWARNINGS": "error"},
    )
    try:
        deadline = time.monotonic() + 30
        with requests.Session() as session:
            while True:
                try:
                    health = session.get(f"http://127.0.0.1:{port}/v1/health", timeout=5)
                    break
                except requests.ConnectionError:
                    assert process.poll() is None, "serve exited early"
                    assert time.monotonic() < deadline, "serve did not start"
                    time.sleep(0.1)
            assert health.json()["status"] == "ok"
            assert session.get(f"http://127.0.0.1:{port}/v1/centre-key", timeout=5).json()["kind"] == "x25519"
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 130  # stopped by Ctrl-C, as a shell expects; shut down cleanly
    assert b"fingerprint" in err
    assert b"Traceback" not in err
