"""The `branch-client` command line: documented options, the demo, a clear no-display message."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from branch_client.__main__ import parser


def test_every_option_has_help_text() -> None:
    for action in parser()._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        assert action.help, f"{action.option_strings} has no help"
        assert action.help != argparse.SUPPRESS


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "branch_client", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_demo_opens_a_window_headless(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = _run(["--demo", "--data-dir", str(tmp_path / "demo"), "--quit-when-shown", "--lang", "km"], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "window-shown"
    assert (tmp_path / "demo" / "branch.db").exists()
    log = (tmp_path / "demo" / "logs" / "branch-client.log").read_text(encoding="utf-8")
    assert "demo branch created" in log
    assert "demo centre running on http://127.0.0.1:" in log  # the whole loop runs on this machine
    assert "branch PC enrolled as device" in log
    assert "ERROR" not in log


def test_without_a_display_it_says_what_to_do(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = _run(["--data-dir", str(tmp_path / "d")], env)
    if sys.platform.startswith("linux"):
        assert result.returncode == 2
        assert "QT_QPA_PLATFORM=offscreen" in result.stderr


def test_bad_idle_minutes_is_refused(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = _run(["--idle-minutes", "0", "--data-dir", str(tmp_path / "d")], env)
    assert result.returncode == 2
    assert "--idle-minutes" in result.stderr
    assert not (tmp_path / "d").exists()


def test_an_unusable_data_folder_is_told_on_screen_not_as_a_crash(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = _run(["--data-dir", str(blocker / "branch"), "--quit-when-shown"], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "window-shown"
    assert "Traceback" not in result.stderr


def test_a_second_demo_while_the_first_runs_starts_with_a_message(tmp_path: Path) -> None:
    from branch_client.store import BranchDirectory

    held = BranchDirectory.claim(tmp_path / "demo")  # the first copy of the app
    try:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        result = _run(["--demo", "--data-dir", str(tmp_path / "demo"), "--quit-when-shown"], env)
    finally:
        held.release()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "window-shown"
    log = (tmp_path / "demo" / "logs" / "branch-client.log").read_text(encoding="utf-8")
    assert "demo store not prepared: store_in_use" in log
    assert "cannot start: store_in_use" in log


def test_the_version_is_the_installed_distributions() -> None:
    # branch_client reads its .dist-info directly (importing importlib.metadata slows every start)
    from importlib.metadata import version

    import branch_client

    assert branch_client.__version__ == version("cam-ie-branch-client")


# What the first window does not show, so a start must not import it: the signed-in
# workspace and its pages, the dialogs, printing, receipts and their QR codes, the centre.
NOT_AT_START = [
    "branch_client.ui.workspace",
    "branch_client.ui.sync.page",
    "branch_client.ui.setup.recovery_key_page",
    "branch_client.ui.dialogs",
    "branch_client.receipt",
    "qrcode",
    "PySide6.QtPrintSupport",
    "PySide6.QtCharts",
    "phonenumbers",
    "openpyxl",
    "central",
    "sqlite_utils",
    "sqlcipher3",
    "requests",
    "forms",
    "sync",
    "branch_client.services",
    "importlib.metadata",
    "cryptography",
]


def test_the_first_window_imports_only_what_it_shows(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = ["--data-dir", str(tmp_path / "branch"), "--quit-when-shown"]  # the set-up screen
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "branch_client", *start],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "window-shown"
    imported = {
        line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")
    }
    assert "PySide6.QtWidgets" in imported  # the importtime report was read
    loaded = sorted(name for name in imported if any(name == m or name.startswith(m + ".") for m in NOT_AT_START))
    assert loaded == []
