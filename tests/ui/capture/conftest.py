"""Fixtures for the capture page: a teller's session on a fresh branch, pages torn down cleanly."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from branch_client.fonts import register_khmer_font
from branch_client.i18n import Translator
from branch_client.store import NewRegistration, Session
from branch_client.ui.capture.page import CapturePage
from forms import load_form
from forms.samples import generate_registrations
from sync.ids import uuid7_str

MakePage = Callable[..., CapturePage]


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    """Switch the UI language for one test (back to English afterwards)."""
    register_khmer_font(qapp)
    translator = Translator(qapp)

    def switch(code: str) -> None:
        translator.set_language(code)

    yield switch
    translator.set_language("en")
    translator.deleteLater()


@pytest.fixture
def make_page(qtbot: QtBot, teller: Session) -> Iterator[MakePage]:
    """Build a CapturePage on the teller's session, shown in a window of the app's size."""
    made: list[CapturePage] = []

    def make(session: Session | None = None, **kwargs: Any) -> CapturePage:
        page = CapturePage(session or teller, **kwargs)
        page.resize(900, 700)
        made.append(page)
        with qtbot.waitActive(page):  # focus and shortcuts work as on a real screen
            page.show()
            page.activateWindow()
        return page

    yield make
    for page in made:
        if shiboken6.isValid(page):  # a test may have destroyed it already
            page.close_drafts()  # before the session closes, as the workspace does
            page.close()
            page.deleteLater()


def submit_existing(session: Session, answers: dict[str, Any]) -> tuple[str, str]:
    """A registration already in the store (record id, reference)."""
    form = load_form()
    record_id = uuid7_str()
    reference = session.submit_registration(
        NewRegistration(
            record_id=record_id,
            form_id=form.form_id,
            form_version=form.version,
            answers=form.normalise(answers),
            captured_at="2026-11-20T09:00:00+07:00",
        )
    )
    return record_id, reference


def sample_record(seed: int = 11) -> dict[str, Any]:
    """One valid registration (normalised), as the generator makes it."""
    return next(generate_registrations(1, seed=seed))
