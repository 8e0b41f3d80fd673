"""The Indicators page in a maximised 1366×768 window (the page about 1,100 px wide beside the
sidebar), in English and Khmer, at the usual text size and with Windows' text made 125 % and
150 % larger: every table shows each heading and cell whole with no sideways scrollbar (the
women-owned column was once scrolled out to blank cells); no label, button, list or date on
the page is cut; and every chart shows each of its texts whole and apart: the legend, the axis
titles, every category name and every period label it names (Qt Charts shortens a text that
has no room to "...", or hides it, or lets the view cut it off)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QCategoryAxis, QChart
from PySide6.QtCore import QEvent, QRect, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QGraphicsTextItem,
    QGroupBox,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
)
from pytestqt.qtbot import QtBot

from branch_client.fonts import register_khmer_font
from branch_client.i18n import Translator
from branch_client.paths import resources_dir
from branch_client.services import indicators as ind
from branch_client.store import Session
from branch_client.ui.indicators.charts import LABEL_GAP, SexBarChart, TimeChart
from branch_client.ui.indicators.page import CHART_TOP, IndicatorsPage, Section
from branch_client.ui.indicators.texts import fixed_label, sex_names, value_title
from branch_client.ui.shell import ShellWindow
from branch_client.ui.workspace import Workspace
from forms import load_form
from tests.sync.helpers import sample_answers, submit
from tests.ui.indicators.test_indicators_page import TODAY, records  # noqa: F401 - the fixture

# A maximised window's inside on a 1366×768 screen with Windows' 40-pixel task bar.
MAXIMISED_1366 = (1366, 728)
# Windows' "Text size" 100 %, 125 % and 150 %: the application font that much larger.
TEXT_SCALES = (1.0, 1.25, 1.5)


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


def scale_text(app: QApplication, scale: float) -> None:
    """Make the application's text `scale` times larger, as Windows' text size setting does
    (the `translator` fixture puts the font back)."""
    font = QFont(app.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    app.setFont(font)


def _layout_state(page: IndicatorsPage) -> list[object]:
    body = page.scroll_area.widget()
    assert body is not None
    state: list[object] = [body.size().toTuple()]
    for section in page.sections.values():
        chart = section.chart
        state += [section.geometry().getRect(), chart.size().toTuple(), chart.chart().plotArea().getRect()]
        if isinstance(chart, TimeChart):
            state.append(chart.shown_labels())
    return state


def settle(page: IndicatorsPage) -> None:
    """Let the event loop lay the page and its charts out, as it does before the manager sees
    them (and delete the series a redraw replaced); fails if the layout never comes to rest."""
    same = 0
    state = _layout_state(page)
    for _ in range(30):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        now = _layout_state(page)
        same = same + 1 if now == state else 0
        if same == 2:
            return
        state = now
    pytest.fail("the indicators page keeps changing its layout")


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
    settle(page)
    assert window.size().toTuple() == MAXIMISED_1366  # the page needs no more room than the screen has
    return page


def _cell_fits(metrics: QFontMetrics, text: str, width: int, height: int, wrapped: bool) -> bool:
    room = width - 8  # the view's text margins
    if not wrapped:
        return bool(metrics.horizontalAdvance(text) <= room)
    box = metrics.boundingRect(QRect(0, 0, room, 10_000), int(Qt.TextFlag.TextWordWrap), text)
    return box.width() <= room and box.height() <= height


def check_table(section: Section) -> None:
    table, model = section.table, section.model
    header = table.horizontalHeader()
    assert not table.horizontalScrollBar().isVisible(), section.key
    assert header.length() <= table.viewport().width(), section.key
    cells, headings = table.fontMetrics(), header.fontMetrics()
    assert header.height() >= headings.height(), section.key  # Khmer's stacked vowels too
    for column in range(model.columnCount()):
        width = header.sectionSize(column)
        assert header.sectionViewportPosition(column) + width <= table.viewport().width(), (section.key, column)
        heading = str(model.headerData(column, Qt.Orientation.Horizontal))
        assert headings.horizontalAdvance(heading) + 8 <= width, (section.key, heading, width)
        for row in range(model.rowCount()):
            text = str(model.data(model.index(row, column)))
            fits = _cell_fits(cells, text, width, table.rowHeight(row), table.wordWrap())
            assert fits, (section.key, row, column, text, width)
        if not table.wordWrap():
            assert table.rowHeight(0) >= cells.height(), section.key


def _texts(chart: QChart) -> list[QGraphicsTextItem]:
    """The texts the chart draws (legend, axis titles, labels)."""
    items = (item.toGraphicsObject() for item in chart.scene().items())
    return [i for i in items if isinstance(i, QGraphicsTextItem) and i.isVisible() and i.toPlainText()]


def expected_texts(chart: QChart) -> list[str]:
    """What the chart is meant to show whole: legend names, axis titles, category names and
    the period labels it chose to name."""
    expected = [marker.label() for marker in chart.legend().markers()]
    for axis in chart.axes():
        if axis.isTitleVisible() and axis.titleText():
            expected.append(axis.titleText())
        if isinstance(axis, QBarCategoryAxis):
            expected += axis.categories()
        elif isinstance(axis, QCategoryAxis):
            expected += axis.categoriesLabels()
    return expected


def chart_problems(section: Section | SexBarChart | TimeChart) -> list[str]:
    """What Qt Charts cut, hid, squeezed or let overlap in the section's chart (or this chart)."""
    view = section.chart if isinstance(section, Section) else section
    chart = view.chart()
    shown = QRectF(view.mapToScene(view.viewport().rect()).boundingRect())
    texts = _texts(chart)
    problems = [f"cut: {t.toPlainText()!r}" for t in texts if "..." in t.toPlainText()]
    for text in expected_texts(chart):
        whole = [t for t in texts if t.toPlainText() == text]
        if not whole:
            problems.append(f"not shown whole: {text!r}")
        elif not any(shown.adjusted(-1, -1, 1, 1).contains(t.sceneBoundingRect()) for t in whole):
            problems.append(f"outside the view: {text!r}")
    # Text items carry a few pixels of margin round their text: two texts apart may touch.
    boxes = [(t.toPlainText(), t.sceneBoundingRect().adjusted(3, 3, -3, -3)) for t in texts]
    for i, (text, box) in enumerate(boxes):
        for other, other_box in boxes[i + 1 :]:
            if box.intersects(other_box):
                problems.append(f"overlap: {text!r} and {other!r}")
    if isinstance(view, TimeChart):
        problems += _period_label_room(view)
    return problems


def _period_label_room(view: TimeChart) -> list[str]:
    """Each period label as wide as the periods it stands for (Qt Charts shortens it to
    "..." or drops it otherwise), checked from the axis' geometry rather than what Qt drew."""
    chart = view.chart()
    axis = next(a for a in chart.axes() if isinstance(a, QCategoryAxis))
    metrics = QFontMetrics(axis.labelsFont())
    per_unit = chart.plotArea().width() / (axis.max() - axis.min())
    problems = []
    labels = axis.categoriesLabels()
    for label in labels:
        room = (axis.endValue(label) - axis.startValue(label)) * per_unit
        if metrics.horizontalAdvance(label) > room:
            problems.append(f"period label {label!r} wider than its {room:.0f} px")
    # And no sparser than they need be: one period less between them would not leave a gap.
    step = round(axis.endValue(labels[0]) - axis.startValue(labels[0])) if labels else 1
    widest = max((metrics.horizontalAdvance(label) for label in labels), default=0)
    if step > 1 and (step - 1) * per_unit >= widest + LABEL_GAP:
        problems.append(f"a period label every {step} periods where every {step - 1} fit")
    return problems


def check_chart_heights(section: Section) -> None:
    """A bar chart gives each category at least a line of its label font."""
    chart = section.chart.chart()
    for axis in chart.axes():
        if isinstance(axis, QBarCategoryAxis) and axis.count():
            line = QFontMetrics(axis.labelsFont()).height()
            assert chart.plotArea().height() / axis.count() >= line, section.key


def _cut_labels(page: IndicatorsPage) -> list[str]:
    problems = []
    for label in page.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        metrics = label.fontMetrics()
        room = label.contentsRect()
        if not label.wordWrap():
            if metrics.horizontalAdvance(label.text()) > room.width():
                problems.append(f"label {label.text()!r}")
            continue
        flags = int(Qt.TextFlag.TextWordWrap)
        needed = metrics.boundingRect(QRect(0, 0, room.width(), 100_000), flags, label.text())
        if needed.height() > room.height() + 1:
            problems.append(f"wrapped label {label.text()[:30]!r}")
    return problems


def _cut_buttons(page: IndicatorsPage) -> list[str]:
    problems = []
    for button in page.findChildren(QAbstractButton):
        if not button.isVisible() or not button.text():
            continue
        option = QStyleOptionButton()
        option.initFrom(button)
        option.text = button.text()
        text = button.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, button.text())
        needed = button.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, text, button)
        if needed.width() > button.width():
            problems.append(f"button {button.text()!r}")
    return problems


def _cut_lists_and_dates(page: IndicatorsPage) -> list[str]:
    problems = []
    for combo in page.findChildren(QComboBox):
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
        )
        for i in range(combo.count()):  # every item: the one shown may change
            if combo.fontMetrics().horizontalAdvance(combo.itemText(i)) > field.width():
                problems.append(f"list {combo.itemText(i)!r}")
    for edit in page.findChildren(QDateEdit):
        line = edit.findChild(QLineEdit)
        assert line is not None
        if edit.fontMetrics().horizontalAdvance(edit.text()) + 4 > line.width():
            problems.append(f"date {edit.text()!r}")
    return problems


def controls_problems(page: IndicatorsPage) -> list[str]:
    """Texts on the page's own widgets (filters, buttons, headings, notes) that are cut."""
    problems = _cut_labels(page) + _cut_buttons(page) + _cut_lists_and_dates(page)
    for box in page.findChildren(QGroupBox):
        if box.isVisible() and box.fontMetrics().horizontalAdvance(box.title()) + 16 > box.width():
            problems.append(f"section title {box.title()!r}")
    return problems


def check_page(page: IndicatorsPage) -> None:
    assert controls_problems(page) == []
    for section in page.sections.values():
        assert section.model.rowCount() > 0
        check_table(section)  # the women-owned column included: whole, never scrolled out of view
        check_chart_heights(section)
        assert chart_problems(section) == [], section.key


@pytest.mark.parametrize("text_scale", TEXT_SCALES, ids=lambda s: f"text{round(s * 100)}")
@pytest.mark.parametrize("language", ["en", "km"])
def test_nothing_is_clipped_at_1366_by_768(
    qapp: QApplication,
    qtbot: QtBot,
    manager_session: Session,
    records: list[tuple[datetime.date, dict[str, Any]]],  # noqa: F811 - the fixture
    translator: Translator,
    language: str,
    text_scale: float,
) -> None:
    del records
    translator.set_language(language)
    scale_text(qapp, text_scale)
    page = open_page(qtbot, manager_session)
    if language == "km":
        assert page.sections["premises"].model.headerData(1, Qt.Orientation.Horizontal) != "Women-owned"
    check_page(page)
    # A month by day: more, shorter periods; the page redraws in place and is still whole.
    page.set_custom_range(TODAY - datetime.timedelta(days=30), TODAY)
    assert page.granularity == ind.DAY
    settle(page)
    check_page(page)


@pytest.mark.parametrize("language", ["en", "km"])
def test_the_third_column_and_legend_entry_fit_at_150_percent(
    qapp: QApplication,
    qtbot: QtBot,
    manager_session: Session,
    records: list[tuple[datetime.date, dict[str, Any]]],  # noqa: F811 - the fixture
    translator: Translator,
    language: str,
) -> None:
    """Registrations whose owner's sex is not recorded add a column and a legend entry; the
    page opens in the other language and is switched, as the Language menu does."""
    del records
    unrecorded = sample_answers(2, seed=11)
    for answers in unrecorded:
        answers.pop("sex")
    for record_id in submit(manager_session, unrecorded, prefix="U"):
        stamp = datetime.datetime.combine(TODAY, datetime.time(3, 0), datetime.UTC).isoformat()
        manager_session.db.execute("UPDATE registrations SET submitted_at = ? WHERE id = ?", [stamp, record_id])
    translator.set_language("km" if language == "en" else "en")
    scale_text(qapp, 1.5)
    page = open_page(qtbot, manager_session)
    assert page.indicators is not None
    assert page.indicators.has_other
    translator.set_language(language)
    settle(page)
    assert page.granularity_combo.currentText() == ("Week" if language == "en" else "សប្ដាហ៍")
    check_page(page)


def _settle_chart(view: SexBarChart | TimeChart) -> None:
    """Let the view and its chart lay themselves out; fails if they never come to rest."""
    state: object = None
    for _ in range(30):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        now = (view.size().toTuple(), view.chart().plotArea().getRect(), view.minimumSize().toTuple())
        if now == state:
            return
        state = now
    pytest.fail("the chart keeps changing its layout")


def _weeks(n: int, scale: int) -> list[ind.SexCounts]:
    monday = datetime.date(2025, 11, 17)
    return [
        ind.SexCounts((monday + datetime.timedelta(weeks=i)).isoformat(), (i % 5) * scale, (i % 3) * scale, i % 2)
        for i in range(n)
    ]


@pytest.mark.parametrize("text_scale", TEXT_SCALES, ids=lambda s: f"text{round(s * 100)}")
@pytest.mark.parametrize("language", ["en", "km"])
def test_charts_at_their_least_size_show_every_text(
    qapp: QApplication, qtbot: QtBot, translator: Translator, language: str, text_scale: float
) -> None:
    """However the page lays them out, a chart is never made smaller than it needs to show its
    legend (three entries), the longest category names, its axis titles and labels whole;
    and a time chart names its periods again when larger counts widen the value labels."""
    translator.set_language(language)
    scale_text(qapp, text_scale)
    names = sex_names()
    activities = load_form().choice_lists["activity"].items[:CHART_TOP]
    labels = ind.Labels(load_form(), language, fixed_label)
    rows = [ind.SexCounts(a.name, 3 + i, 2 * i, 1) for i, a in enumerate(activities)]
    bars = SexBarChart()
    qtbot.addWidget(bars)
    bars.set_rows(
        rows, [labels.category("activity", r.code) for r in rows], names, value_title("activity"), show_other=True
    )
    line = TimeChart()
    qtbot.addWidget(line)
    line.set_rows(_weeks(18, 1), ind.WEEK, names, value_title("over_time"), show_other=True)
    for view in (bars, line):
        view.show()
        qtbot.wait_exposed(view)
        view.resize(view.minimumSize())
        _settle_chart(view)
        assert view.size() == view.minimumSize()
        assert chart_problems(view) == [], type(view).__name__
    shown = line.shown_labels()
    line.set_rows(_weeks(18, 10_000), ind.WEEK, names, value_title("over_time"), show_other=True)
    line.resize(line.minimumSize())
    _settle_chart(line)
    assert chart_problems(line) == []
    assert len(line.shown_labels()) <= len(shown)
