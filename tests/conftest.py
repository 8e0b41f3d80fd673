"""Shared fixtures. Tests run Qt offscreen: no display needed, here or in CI."""

from __future__ import annotations

import gc
import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from branch_client.store import BranchDirectory, KdfParams, RecoveryKey, Session

if TYPE_CHECKING:  # Qt is imported by the fixtures that use it, not for every test
    from PySide6.QtWidgets import QApplication

    from branch_client.i18n import Translator

# The policy floor (64 MiB, t=2): real, just not calibrated up to 0.3 s, to keep tests quick.
FAST_KDF = KdfParams(iterations=2)
MANAGER = ("manager", "manager-pass-1")
TELLER = ("sokha", "teller-pass-1")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data directory for one branch."""
    return tmp_path / "branch-data"


@pytest.fixture
def directory(data_dir: Path) -> Iterator[BranchDirectory]:
    """A claimed, not yet set-up branch directory."""
    claimed = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
    yield claimed
    claimed.release()


@pytest.fixture
def branch(directory: BranchDirectory) -> tuple[BranchDirectory, RecoveryKey]:
    """A set-up branch with a manager and a teller; no session left open."""
    session, recovery = directory.create_branch(
        branch_code="PNH-01",
        branch_name="Phnom Penh — Psar Thmei",
        manager_username=MANAGER[0],
        manager_password=MANAGER[1],
    )
    session.create_account(*TELLER)
    session.close()
    return directory, recovery


@pytest.fixture
def manager_session(branch: tuple[BranchDirectory, RecoveryKey]) -> Iterator[Session]:
    """The manager, signed in."""
    session = branch[0].unlock(*MANAGER)
    yield session
    session.close()


@pytest.fixture
def teller(branch: tuple[BranchDirectory, RecoveryKey]) -> Iterator[Session]:
    """The teller, signed in."""
    session = branch[0].unlock(*TELLER)
    yield session
    session.close()


@pytest.fixture
def manager(branch: tuple[BranchDirectory, RecoveryKey], teller: Session) -> Iterator[Session]:
    """The manager, signed in beside the teller (review tests pass records between them)."""
    session = branch[0].unlock(*MANAGER)
    yield session
    session.close()


@pytest.fixture
def translator(qapp: QApplication) -> Iterator[Translator]:
    """The app's real translator (and its Khmer font) for a test that switches the UI
    language; English again afterwards."""
    from PySide6.QtWidgets import QApplication

    from branch_client.fonts import register_khmer_font
    from branch_client.i18n import Translator

    register_khmer_font(qapp)
    made = Translator(qapp)
    yield made
    made.set_language("en")
    QApplication.processEvents()
    made.deleteLater()


@pytest.fixture(autouse=True)
def _collect_garbage_after_each_qt_test(request: pytest.FixtureRequest) -> Iterator[None]:
    """Collect reference cycles at the end of each Qt test, not at a random allocation in a
    later one: a Qt wrapper left in a cycle is then freed beside the test that made it.
    (Only Qt tests: a full collection costs a fraction of a second with the forms' caches.)"""
    yield
    if "qtbot" in request.fixturenames or "qapp" in request.fixturenames:
        gc.collect()
