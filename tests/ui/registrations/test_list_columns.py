"""The registrations list at the branch PC's 1366×768, maximised, in both UI languages:
reference, owner, state and submitted are in view without a sideways scrollbar, dates and
numbers are not cut, dates are day first with a 24-hour time; an empty search says so."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from branch_client.i18n import Translator
from branch_client.ui.registrations import model
from branch_client.ui.registrations.page import RegistrationsPage
from branch_client.ui.shell import ShellWindow
from branch_client.ui.workspace import Workspace
from forms.display import show_datetime
from tests.sync.helpers import run_pass
from tests.ui.registrations.conftest import Store

#: A maximised window's inside on a 1366×768 screen with Windows' 40-pixel task bar.
MAXIMISED_1366 = (1366, 728)
MUST_SHOW = (model.REFERENCE, model.OWNER, model.STATE, model.SUBMITTED)
NOT_CUT = (model.REFERENCE, model.SUBMITTED, model.STATE, model.CAM_IE_NUMBER)


def open_list(qtbot: QtBot, store: Store) -> tuple[ShellWindow, RegistrationsPage]:
    """The real window and workspace at 1366×768, on the registrations page."""
    window = ShellWindow()
    qtbot.addWidget(window)
    workspace = Workspace(store.session)
    window.show_screen(workspace)
    window.resize(*MAXIMISED_1366)
    window.show()
    qtbot.wait_exposed(window)
    page = workspace.open("registrations")
    assert isinstance(page, RegistrationsPage)
    qtbot.wait_until(lambda: page.model.rowCount() > 0)
    return window, page


def check_columns(page: RegistrationsPage) -> None:
    table = page.table
    header = table.horizontalHeader()
    viewport = table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    assert header.length() <= viewport
    for column in MUST_SHOW:
        left = header.sectionViewportPosition(column)
        assert left >= 0, column
        assert left + header.sectionSize(column) <= viewport, column
    metrics = table.fontMetrics()
    for column in NOT_CUT:  # every loaded cell and the heading fit their column whole
        texts = [str(page.model.data(page.model.index(r, column))) for r in range(page.model.rowCount())]
        texts.append(str(page.model.headerData(column, Qt.Orientation.Horizontal)))
        widest = max(metrics.horizontalAdvance(t) for t in texts)
        assert widest + 8 <= header.sectionSize(column), (column, widest, header.sectionSize(column))


@pytest.mark.parametrize("language", ["en", "km"])
def test_the_four_columns_fit_a_maximised_1366_window_in_either_language(
    qtbot: QtBot, store: Store, translator: Translator, language: str
) -> None:
    assert run_pass(store.directory, store.session, batch_size=50).ok  # states and CAM-IE numbers to show
    translator.set_language(language)
    _window, page = open_list(qtbot, store)
    if language == "km":
        qtbot.wait_until(lambda: page.model.headerData(model.STATE, Qt.Orientation.Horizontal) != "State")
    check_columns(page)
    submitted = str(page.model.data(page.model.index(0, model.SUBMITTED)))
    # 28-12-2026, 23:59: day first, the year whole, a 24-hour time (no AM/PM) in both languages
    assert re.fullmatch(r"\d\d-\d\d-\d{4}, \d\d:\d\d", submitted), submitted
    row = page.model.row_at(0)
    assert submitted == show_datetime(row.submitted_at, language, numeric=True)


def test_switching_language_on_the_open_list_keeps_it_in_view(
    qtbot: QtBot, store: Store, translator: Translator
) -> None:
    _window, page = open_list(qtbot, store)
    check_columns(page)
    translator.set_language("km")
    qtbot.wait_until(lambda: page.model.headerData(model.STATE, Qt.Orientation.Horizontal) != "State")
    check_columns(page)


def test_a_search_that_matches_nothing_says_so_with_the_query(qtbot: QtBot, store: Store) -> None:
    _window, page = open_list(qtbot, store)
    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, "Nobody Here")
    qtbot.wait_until(lambda: page.model.filter.query == "Nobody Here")
    assert page.empty_label.isVisible()
    assert not page.table.isVisible()
    assert page.empty_label.text() == "No registration matches “Nobody Here”."
    page.search_edit.clear()
    qtbot.wait_until(lambda: page.table.isVisible())
    assert not page.empty_label.isVisible()


def render(qtbot: QtBot, store: Store, translator: Translator, language: str, path: Path) -> None:
    """The list as the teller sees it, saved as a PNG (for a person to look at)."""
    translator.set_language(language)
    window, page = open_list(qtbot, store)
    if language == "km":
        qtbot.wait_until(lambda: page.model.headerData(model.STATE, Qt.Orientation.Horizontal) != "State")
    assert window.grab().save(str(path))
