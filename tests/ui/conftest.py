"""Fixtures for the Qt tests: a controller on a fresh data directory, torn down cleanly."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from branch_client.app.controller import AppController
from branch_client.app.preferences import Preferences
from branch_client.fonts import register_khmer_font
from branch_client.i18n import Translator
from sync.transport import RetryPolicy
from tests.conftest import FAST_KDF

MakeController = Callable[..., AppController]
# Quick retries, so a test of an unreachable centre ends in well under a second.
FAST_SYNC_RETRY = RetryPolicy(base_s=0.01, ceiling_s=0.05, max_attempts=3)


@pytest.fixture
def make_controller(qtbot: QtBot, qapp: QApplication, data_dir: Path) -> Iterator[MakeController]:
    """Build and start an AppController the way the app does (fonts, translator, preferences)."""
    register_khmer_font(qapp)
    made: list[tuple[AppController, Translator]] = []

    def make(
        *,
        language: str = "en",
        idle_minutes: float = 10.0,
        directory: Path | None = None,
        sync_retry: RetryPolicy = FAST_SYNC_RETRY,
    ) -> AppController:
        translator = Translator(qapp)
        translator.set_language(language)
        controller = AppController(
            qapp,
            directory or data_dir,
            preferences=Preferences(language=language, idle_lock_minutes=idle_minutes),
            translator=translator,
            kdf=FAST_KDF,
            sync_retry=sync_retry,
        )
        controller.start()
        made.append((controller, translator))
        return controller

    yield make
    for controller, translator in made:
        controller.window.close_guard = None  # a test may end on the recovery-key screen
        controller.window.close()
        controller.window.deleteLater()
        controller.shutdown()
        translator.set_language("en")
        controller.deleteLater()
        translator.deleteLater()
