"""The headless commands (`branch-client sync`, `sync-status`): a real process against a centre on loopback."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from central.runner import RunningCentre, start_centre
from tests.conftest import MANAGER, TELLER
from tests.sync.helpers import enrolled_branch, sample_answers, submit


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[RunningCentre]:
    with start_centre(tmp_path / "centre.db") as running:
        yield running


def test_headless_sync_command(tmp_path: Path, centre: RunningCentre) -> None:
    data_dir = tmp_path / "branch"
    with enrolled_branch(data_dir, centre) as (_, session):
        submit(session, sample_answers(12, seed=9))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "branch_client", "sync", "--data-dir", str(data_dir), "--user", MANAGER[0]]
    done = subprocess.run(
        [*command, "--password-stdin", "--batch-size", "5"],
        input=MANAGER[1] + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "sent 12 records in 3 batches; 12 decisions received: 12 accepted; waiting now: 0" in done.stdout
    assert centre.store.record_count() == 12

    wrong = subprocess.run(
        [*command, "--password-stdin"],
        input="nope\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert wrong.returncode == 3
    assert "wrong_password" in wrong.stderr


def test_headless_sync_status_reports_counts_and_the_branchs_warnings(tmp_path: Path, centre: RunningCentre) -> None:
    data_dir = tmp_path / "branch"
    with enrolled_branch(data_dir, centre) as (_, session):
        submit(session, sample_answers(3, seed=10))
        session.set_policy(dataclasses.replace(session.policy, warn_waiting=2))
    command = [sys.executable, "-m", "branch_client", "sync-status", "--data-dir", str(data_dir)]
    done = subprocess.run(
        [*command, "--user", MANAGER[0], "--password-stdin"],
        input=MANAGER[1] + "\n",
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "waiting: 3" in done.stdout
    assert "warning: too_many_waiting (count 3, threshold 2)" in done.stdout
    assert "last successful sync: never" in done.stdout


LOGIN_AS_TELLER = ("--user", TELLER[0], "--password-stdin")


def test_the_headless_commands_obey_the_windows_roles(tmp_path: Path, centre: RunningCentre) -> None:
    """A teller's password runs none of the manager's commands (the window shows her none of them)."""
    data_dir = tmp_path / "branch"
    with enrolled_branch(data_dir, centre) as (_, session):
        submit(session, sample_answers(2, seed=12))
        session.create_account(*TELLER)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for command in (["sync"], ["sync-status"], ["backup", str(tmp_path / "copy")]):
        done = subprocess.run(
            [sys.executable, "-m", "branch_client", *command, "--data-dir", str(data_dir), *LOGIN_AS_TELLER],
            input=TELLER[1] + "\n",
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert done.returncode == 2, (command, done.stderr)
        assert f"`{command[0]}` needs a manager's account" in done.stderr
    assert centre.store.record_count() == 0  # nothing was sent
    assert not (tmp_path / "copy").exists()
