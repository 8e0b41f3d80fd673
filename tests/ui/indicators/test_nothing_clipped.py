"""The Indicators page in a maximised 1366×768 window, in English and Khmer, at the usual
text size and at 125 %: every table shows each heading and cell whole with no sideways
scrollbar (the women-owned column was once scrolled out to blank cells), no filter label or
list is elided, and Qt Charts cuts no axis or legend label ("...")."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QGraphicsTextItem, QLabel, QStyle, QStyleOptionComboBox
from pytestqt.qtbot import QtBot

from branch_client.fonts import register_khmer_font
from branch_client.i18n import Translator
from branch_client.paths import resources_dir
from branch_client.services import indicators as ind
from branch_client.store import Session
from branch_client.ui.indicators.page import IndicatorsPage, Section
from branch_client.ui.shell import ShellWindow
from branch_client.ui.workspace import Workspace
from tests.ui.indicators.test_indicators_page import TODAY, records  # noqa: F401 - the fixture

#: A maximised window's inside on a 1366×768 screen with Windows' 40-pixel task bar.
MAXIMISED_1366 = (1366, 728)


@pytest.fixture
def translator(qapp: QApplication) -> Iterator[Translator]:
    """The app's font, style sheet and translator, restored afterwards."""
    register_khmer_font(qapp)
    font = qapp.font()
    qapp.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8"))
    made = Translator(qapp)
    yield made
    made.set_language("en")
    QApplication.processEvents()
    made.deleteLater()
    qapp.setStyleSheet("")
    qapp.setFont(font)


def open_page(qtbot: QtBot, session: Session) -> IndicatorsPage:
    """The real window and workspace at 1366×768 (not the offscreen screen's 800×800), on the
    indicators page showing all registrations."""
    window = ShellWindow()
    qtbot.addWidget(window)
    workspace = Workspace(session)
    window.show_screen(workspace)
    window.show()
    qtbot.wait_exposed(window)
    window.showNormal()  # the small offscreen screen makes it open maximised
    window.resize(*MAXIMISED_1366)
    qtbot.wait_until(lambda: window.width() == MAXIMISED_1366[0])
    page = workspace.open("indicators")
    assert isinstance(page, IndicatorsPage)
    page.set_preset(ind.ALL_TIME)
    qtbot.wait_until(lambda: page.indicators is not None and page.indicators.total.total > 0)
    QApplication.processEvents()
    return page


def _cell_fits(metrics: Any, text: str, width: int, height: int, wrapped: bool) -> bool:
    room = width - 8  # the view's text margins
    if not wrapped:
        return metrics.horizontalAdvance(text) <= room
    box = metrics.boundingRect(QRect(0, 0, room, 10_000), int(Qt.TextFlag.TextWordWrap), text)
    return box.width() <= room and box.height() <= height


def check_table(section: Section) -> None:
    table, model = section.table, section.model
    header = table.horizontalHeader()
    assert not table.horizontalScrollBar().isVisible(), section.key
    assert header.length() <= table.viewport().width(), section.key
    cells, headings = table.fontMetrics(), header.fontMetrics()
    for column in range(model.columnCount()):
        width = header.sectionSize(column)
        assert header.sectionViewportPosition(column) + width <= table.viewport().width(), (section.key, column)
        heading = str(model.headerData(column, Qt.Orientation.Horizontal))
        assert headings.horizontalAdvance(heading) + 8 <= width, (section.key, heading, width)
        for row in range(model.rowCount()):
            text = str(model.data(model.index(row, column)))
            fits = _cell_fits(cells, text, width, table.rowHeight(row), table.wordWrap())
            assert fits, (section.key, row, column, text, width)


def cut_chart_labels(section: Section) -> list[str]:
    """Texts Qt Charts drew shortened with its "..." (our own shortening uses "…")."""
    scene = section.chart.scene()
    texts = []
    for item in scene.items():
        shown = item.toGraphicsObject()
        if isinstance(shown, QGraphicsTextItem) and shown.isVisible() and "..." in shown.toPlainText():
            texts.append(shown.toPlainText())
    return texts


def check_filters(page: IndicatorsPage) -> None:
    for label in page.findChildren(QLabel):
        if label.isVisible() and label.text() and not label.wordWrap():
            assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width(), label.text()
    for combo in page.findChildren(QComboBox):
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        room = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
        )
        for i in range(combo.count()):
            assert combo.fontMetrics().horizontalAdvance(combo.itemText(i)) <= room.width(), combo.itemText(i)


@pytest.mark.parametrize("language", ["en", "km"])
def test_nothing_is_clipped_at_1366_by_768(
    qtbot: QtBot,
    manager_session: Session,
    records: list[tuple[datetime.date, dict[str, Any]]],  # noqa: F811 - the fixture
    translator: Translator,
    language: str,
) -> None:
    del records
    translator.set_language(language)
    page = open_page(qtbot, manager_session)
    if language == "km":
        assert page.sections["premises"].model.headerData(1, Qt.Orientation.Horizontal) != "Women-owned"
    check_filters(page)
    for section in page.sections.values():
        assert section.model.rowCount() > 0
        check_table(section)  # the women-owned column included: whole, never scrolled out of view
        assert cut_chart_labels(section) == [], section.key
