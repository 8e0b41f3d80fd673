"""The manager's Indicators page: the national M&E questions for this branch, by the owner's sex.

Registrations over time and by activity, premises, province, district and services
requested, and workers by sex; each as a chart with its table beside it, for a date
range (presets or from/to). The share of women-owned businesses is the big figure.
Exports: the aggregates as CSV and as a one-page PDF report, and (password again) the
register of registrations with personal data. The counting is in `branch_client.services.indicators`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from PySide6.QtCore import QDate, QLocale, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branch_client.i18n import translate, ui_language
from branch_client.services import indicators as ind
from branch_client.store import Session, WrongPassword
from branch_client.ui.actions import attempt
from branch_client.ui.indicators import dialogs
from branch_client.ui.indicators.charts import SEX_COLOURS, SexBarChart, TimeChart, period_label
from branch_client.ui.indicators.model import BreakdownModel
from branch_client.ui.indicators.texts import (
    BREAKDOWN_SECTIONS,
    category_header,
    csv_headers,
    fixed_label,
    section_title,
    sex_names,
    value_title,
)
from branch_client.ui.widgets import Page, busy_cursor, message_label, title_label
from forms import load_form

# Breakdowns with more categories than this chart only the largest (the table has all).
CHART_TOP = 10


def _show(label: QLabel, text: str) -> None:
    """`text` in `label`; an empty label is hidden, so that it takes no room on the page."""
    label.setText(text)
    label.setVisible(bool(text))


def fit_combo(combo: QComboBox) -> None:
    """Make `combo` wide enough for its longest item. Qt sizes a list for its items, but with
    the style sheet's padding and large Windows text it falls a few pixels short and the
    item's end runs under the arrow."""
    combo.ensurePolished()
    combo.setMinimumWidth(0)
    hint = combo.sizeHint()
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    option.rect = QRect(QPoint(0, 0), hint)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    metrics = combo.fontMetrics()
    widest = max((metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
    combo.setMinimumWidth(hint.width() + max(0, widest - field.width()))


class Section(QGroupBox):
    """A chart with its table beside it, or under it when the page is too narrow for both.

    Every column of the table shows its heading and its cells whole: the count columns have
    the width of their heading (or of a large number), the category column the rest, up to its
    longest name; when even under the chart it has less room than that, its names wrap.
    """

    def __init__(self, key: str, chart: SexBarChart | TimeChart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.chart = chart
        self.model = BreakdownModel()
        self.model.setParent(self)  # freed with the section by Qt, not later by the garbage collector
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Widths set here from the headings and the names: sizing columns to their contents
        # asks every cell of every row at each layout.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(1)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._natural: list[int] = []  # each column's width with nothing cut
        self._wrapped = False
        self.note = QLabel()
        self.note.setObjectName("chartNote")
        self.note.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(chart, 1)
        left.addWidget(self.note)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.addLayout(left, 1)
        self._layout.addWidget(self.table, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # The section may be narrower than chart and table side by side: it then stacks them.
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.model.modelReset.connect(self._fit_columns)
        self.model.headerDataChanged.connect(self._fit_columns)

    def side_by_side(self) -> bool:
        """Whether the table is beside the chart (else under it)."""
        return self._layout.direction() == QBoxLayout.Direction.LeftToRight

    def _fit_columns(self) -> None:
        """Measure each column's natural width (a few hundred names at most), then arrange."""
        header = self.table.horizontalHeader()
        heading_metrics, cell_metrics = header.fontMetrics(), self.table.fontMetrics()
        padding = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 12
        sample = cell_metrics.horizontalAdvance(QLocale().toString(88888)) + padding
        natural = []
        for column in range(self.model.columnCount()):
            heading = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = heading_metrics.horizontalAdvance(heading) + padding
            if column == 0:
                names = (str(self.model.data(self.model.index(row, 0)) or "") for row in range(self.model.rowCount()))
                width = max([width, *(cell_metrics.horizontalAdvance(n) + padding for n in names)])
            else:
                width = max(width, sample)
            natural.append(width)
        self._natural = natural
        vertical = self.table.verticalHeader()
        vertical.setDefaultSectionSize(max(vertical.defaultSectionSize(), cell_metrics.height() + 10))
        self._arrange()

    def _chrome(self) -> int:
        """The table's width beyond its columns: frame and vertical scrollbar."""
        return 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width() + 2

    def _arrange(self) -> None:
        """Table beside the chart when both fit at full width, else under it with the category
        column given what is left (its names wrapping when that is less than the longest)."""
        if not self._natural:
            return
        margins = self._layout.contentsMargins()
        inner = self.contentsRect().width() - margins.left() - margins.right()
        full = sum(self._natural) + self._chrome()
        side = inner >= self.chart.minimumWidth() + self._layout.spacing() + full
        direction = QBoxLayout.Direction.LeftToRight if side else QBoxLayout.Direction.TopToBottom
        if self._layout.direction() != direction:
            self._layout.setDirection(direction)
        room = full if side else max(min(full, inner), 1)
        self.table.setFixedWidth(room)
        numbers = sum(self._natural[1:])
        first = max(room - self._chrome() - numbers, min(self._natural[0], 120))
        header = self.table.horizontalHeader()
        header.resizeSection(0, first)
        for column, width in enumerate(self._natural[1:], start=1):
            header.resizeSection(column, width)
        wrap = first < self._natural[0]
        self.table.setWordWrap(wrap)
        if wrap or self._wrapped:  # rows as tall as their wrapped names (or back to one line)
            self.table.resizeRowsToContents()
        self._wrapped = wrap
        self.fit_table()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As narrow as the chart or the count columns under it (not both side by side)."""
        hint = super().minimumSizeHint()
        margins = self._layout.contentsMargins()
        numbers = sum(self._natural[1:]) + min(self._natural[0], 120) + self._chrome() if self._natural else 0
        narrowest = max(self.chart.minimumWidth(), numbers) + margins.left() + margins.right() + 2
        return QSize(min(hint.width(), narrowest), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._arrange()

    def fit_table(self) -> None:
        """A short table takes the room its rows need; a long one the chart's height (it scrolls)."""
        header = self.table.horizontalHeader()
        needed = (
            max(header.height(), header.sizeHint().height())
            + self.table.verticalHeader().length()
            + 2 * self.table.frameWidth()
            + 2
        )
        if self.table.horizontalScrollBar().maximum() > 0:
            needed += self.table.horizontalScrollBar().sizeHint().height()
        self.table.setFixedHeight(min(needed, max(220, self.chart.minimumHeight())))


class IndicatorsPage(Page):
    """The indicators for a date range, with exports. Reads the store when shown (`activated`)
    and only again after the store changed; changing the range counts in memory."""

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        today: Callable[[], datetime.date] = ind.cambodia_today,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._today = today
        self.form = load_form()
        self._orders = ind.form_orders(self.form)
        self.facts: ind.Facts | None = None
        self._facts_version: tuple[int, int] | None = None
        self.indicators: ind.Indicators | None = None
        self.preset = ind.THIS_YEAR
        self.date_range = ind.preset_range(self.preset, today())
        self.granularity = ind.MONTH
        self._granularity_chosen = False  # by the manager: a new range keeps it

        self.title = title_label()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.preset_combo = QComboBox()
        for key in (*ind.PRESETS, ind.CUSTOM):
            self.preset_combo.addItem("", key)
        self.from_edit, self.to_edit = QDateEdit(), QDateEdit()
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")  # as on the ID card and in every list: day first
            edit.dateChanged.connect(self._custom_dates)
        self.granularity_combo = QComboBox()
        for combo in (self.preset_combo, self.granularity_combo):
            # As wide as the longest item in the language shown, not the first one shown.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for key in ind.GRANULARITIES:
            self.granularity_combo.addItem("", key)
        self.preset_combo.currentIndexChanged.connect(self._preset_chosen)
        self.granularity_combo.currentIndexChanged.connect(self._granularity_picked)
        self._period_label, self._from_label, self._to_label, self._by_label = QLabel(), QLabel(), QLabel(), QLabel()
        filters = QHBoxLayout()
        for widget in (
            self._period_label,
            self.preset_combo,
            self._from_label,
            self.from_edit,
            self._to_label,
            self.to_edit,
            self._by_label,
            self.granularity_combo,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)

        self.csv_button, self.pdf_button, self.register_button = QPushButton(), QPushButton(), QPushButton()
        self.csv_button.clicked.connect(self.export_csv)
        self.pdf_button.clicked.connect(self.export_report)
        self.register_button.clicked.connect(self.export_register)
        exports = QHBoxLayout()
        exports.addWidget(self.csv_button)
        exports.addWidget(self.pdf_button)
        exports.addStretch(1)
        exports.addWidget(self.register_button)
        self.message = message_label()
        self.info = QLabel()
        self.info.setWordWrap(True)

        self.share_label = QLabel()
        self.share_label.setObjectName("womenShare")
        big = QFont(self.share_label.font())
        big.setPointSizeF(big.pointSizeF() * 3)
        big.setBold(True)
        self.share_label.setFont(big)
        self.share_label.setStyleSheet(f"color: {SEX_COLOURS[ind.FEMALE].name()};")
        self.share_caption = QLabel()
        self.share_caption.setWordWrap(True)
        self.share_counts = QLabel()
        self.share_counts.setWordWrap(True)
        headline = QHBoxLayout()
        headline.addWidget(self.share_label)
        captions = QVBoxLayout()
        captions.addWidget(self.share_caption)
        captions.addWidget(self.share_counts)
        headline.addLayout(captions, 1)

        self.sections: dict[str, Section] = {"over_time": Section("over_time", TimeChart())}
        for key in BREAKDOWN_SECTIONS:
            self.sections[key] = Section(key, SexBarChart())
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(headline)
        for section in self.sections.values():
            body_layout.addWidget(section)
        body_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(filters)
        layout.addLayout(exports)
        layout.addWidget(self.message)
        layout.addWidget(self.info)
        layout.addWidget(self.scroll_area, 1)
        for label in (self.message, self.info):
            _show(label, "")  # an empty line would take the figures' room (at large text, a fifth of it)
        self._select(self.preset_combo, self.preset)
        self._show_range_in_edits()
        self.retranslate()

    # --- reading and counting ---------------------------------------------------------

    def activated(self) -> None:
        """Shown: read the store if it changed since the last time, and redraw."""
        self.refresh()

    def refresh(self, *, force: bool = False) -> None:
        """Re-read the registrations (when the store changed, or `force`) and redraw;
        nothing to do when neither the store nor the preset's dates changed."""
        version = self.session.data_version()
        date_range = self.date_range if self.preset == ind.CUSTOM else ind.preset_range(self.preset, self._today())
        if not force and self.facts is not None and version == self._facts_version:
            if date_range != self.date_range or self.indicators is None:
                self.date_range = date_range
                self._show_range_in_edits()
                self._update()
            return
        ok, facts = attempt(lambda: self.session.indicator_facts(), self._warn)
        if not ok or facts is None:
            return
        self.facts = facts
        self._facts_version = self.session.data_version()
        self.date_range = date_range
        if not self._granularity_chosen:
            self.granularity = ind.default_granularity(self.date_range, facts)
            self._select(self.granularity_combo, self.granularity)
        self._show_range_in_edits()
        self._update()

    def set_preset(self, preset: str) -> None:
        """Show a preset range (this month, last 3 months, this year, all)."""
        self._select(self.preset_combo, preset)

    def set_custom_range(self, start: datetime.date, end: datetime.date) -> None:
        """Show the days from `start` to `end` (both included)."""
        for edit, day in ((self.from_edit, start), (self.to_edit, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self._custom_dates()

    def set_granularity(self, granularity: str) -> None:
        """Count registrations over time per day, week or month."""
        self._select(self.granularity_combo, granularity)

    def _preset_chosen(self) -> None:
        preset = self.preset_combo.currentData()
        if preset is None or preset == ind.CUSTOM:
            self.preset = ind.CUSTOM
            return
        self.preset = preset
        self.date_range = ind.preset_range(preset, self._today())
        self._range_changed()
        self._show_range_in_edits()

    def _custom_dates(self) -> None:
        start, end = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        assert isinstance(start, datetime.date)
        assert isinstance(end, datetime.date)
        if start > end:
            self._warn(translate("Indicators", "The start date is after the end date."))
            return
        self.preset = ind.CUSTOM
        self._select(self.preset_combo, ind.CUSTOM)
        self.date_range = ind.DateRange(start, end)
        self._range_changed()

    def _range_changed(self) -> None:
        self._warn("")
        if not self._granularity_chosen:
            self.granularity = ind.default_granularity(self.date_range, self.facts)
            self._select(self.granularity_combo, self.granularity)
        self._update()

    def _granularity_picked(self) -> None:
        granularity = self.granularity_combo.currentData()
        if granularity is None or granularity == self.granularity:
            return
        self.granularity = granularity
        self._granularity_chosen = True
        self._update()

    def _warn(self, text: str) -> None:
        """Say what went wrong (red, above the figures); nothing when `text` is empty."""
        _show(self.message, text)

    def _inform(self, text: str) -> None:
        """Say what was done or that there is nothing to count; nothing when `text` is empty."""
        _show(self.info, text)

    def _select(self, combo: QComboBox, key: str) -> None:
        index = combo.findData(key)
        if index >= 0 and combo.currentIndex() != index:
            combo.setCurrentIndex(index)

    def _show_range_in_edits(self) -> None:
        start, end = self.date_range.start, self.date_range.end
        if self.facts is not None and self.facts.days:
            start = start or datetime.date.fromisoformat(self.facts.days[0])
            end = end or datetime.date.fromisoformat(self.facts.days[-1])
        today = self._today()
        for edit, day in ((self.from_edit, start or today), (self.to_edit, end or today)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _update(self) -> None:
        if self.facts is None:
            return
        with busy_cursor():
            self.indicators = ind.compute(self.facts, self.date_range, self.granularity, orders=self._orders)
            self._draw()

    # --- drawing ----------------------------------------------------------------------

    def labels(self) -> ind.Labels:
        """Category labels in the UI language."""
        return ind.Labels(self.form, ui_language(), fixed_label)

    def _draw(self) -> None:
        data = self.indicators
        if data is None:
            return
        locale = QLocale()
        total = data.total
        share = total.female_share
        self.share_label.setText("–" if share is None else locale.toString(share * 100, "f", 1) + " %")
        self.share_caption.setText(translate("Indicators", "of the businesses registered are owned by women"))
        self.share_counts.setText(
            translate("Indicators", "%1 women-owned and %2 men-owned of %3 registrations.")
            .replace("%1", locale.toString(total.female))
            .replace("%2", locale.toString(total.male))
            .replace("%3", locale.toString(total.total))
            + (
                " " + translate("Indicators", "Sex not recorded: %1.").replace("%1", locale.toString(total.other))
                if total.other
                else ""
            )
        )
        self._inform(translate("Indicators", "No registrations in this period.") if total.total == 0 else "")
        names = sex_names()
        show_other = data.has_other
        over_time = self.sections["over_time"]
        over_time.setTitle(section_title("over_time"))
        over_time.model.set_rows(
            data.over_time,
            [period_label(r.code, data.granularity) for r in data.over_time],
            show_other=show_other,
        )
        over_time.model.retranslate(category_header("over_time", data.granularity))
        assert isinstance(over_time.chart, TimeChart)
        over_time.chart.set_rows(
            data.over_time, data.granularity, names, value_title("over_time"), show_other=show_other
        )
        _show(over_time.note, "")
        over_time.fit_table()
        labels = self.labels()
        for key in BREAKDOWN_SECTIONS:
            section = self.sections[key]
            rows = data.workers if key == "workers" else data.breakdowns[key]
            texts = [labels.category(key, r.code) for r in rows]
            section.setTitle(section_title(key))
            section.model.set_rows(rows, texts, show_other=show_other)
            section.model.retranslate(category_header(key))
            assert isinstance(section.chart, SexBarChart)
            section.chart.set_rows(rows[:CHART_TOP], texts[:CHART_TOP], names, value_title(key), show_other=show_other)
            _show(
                section.note,
                translate("Indicators", "The chart shows the %1 largest; the table lists all %2.")
                .replace("%1", str(CHART_TOP))
                .replace("%2", str(len(rows)))
                if len(rows) > CHART_TOP
                else "",
            )
            section.fit_table()

    def retranslate(self) -> None:
        self.title.setText(translate("Indicators", "Indicators"))
        self.intro.setText(
            translate(
                "Indicators",
                "Registrations of this branch by the owner's sex, as the national M&E framework asks. Each business counts once, in its latest version; withdrawn registrations are not counted. Days are Cambodian days.",
            )
        )
        self._period_label.setText(translate("Indicators", "Period"))
        self._from_label.setText(translate("Indicators", "From"))
        self._to_label.setText(translate("Indicators", "to"))
        self._by_label.setText(translate("Indicators", "Over time by"))
        preset_names = {
            ind.THIS_MONTH: translate("Indicators", "This month"),
            ind.LAST_3_MONTHS: translate("Indicators", "Last 3 months"),
            ind.THIS_YEAR: translate("Indicators", "This year"),
            ind.ALL_TIME: translate("Indicators", "All time"),
            ind.CUSTOM: translate("Indicators", "Chosen dates"),
        }
        for i in range(self.preset_combo.count()):
            self.preset_combo.setItemText(i, preset_names[self.preset_combo.itemData(i)])
        granularity_names = {
            ind.DAY: translate("Indicators", "Day"),
            ind.WEEK: translate("Indicators", "Week"),
            ind.MONTH: translate("Indicators", "Month"),
        }
        for i in range(self.granularity_combo.count()):
            self.granularity_combo.setItemText(i, granularity_names[self.granularity_combo.itemData(i)])
        for combo in (self.preset_combo, self.granularity_combo):
            fit_combo(combo)
        self.csv_button.setText(translate("Indicators", "Export figures (CSV)…"))
        self.pdf_button.setText(translate("Indicators", "Report (PDF)…"))
        self.register_button.setText(translate("Indicators", "Export register with personal data…"))
        self._draw()

    # --- exports ----------------------------------------------------------------------

    def _file_stem(self, what: str) -> str:
        data = self.indicators
        date_range = data.date_range if data else self.date_range
        start = date_range.start.isoformat() if date_range.start else "start"
        end = date_range.end.isoformat() if date_range.end else "end"
        return f"{self.session.branch.code}-{what}-{start}-{end}"

    def export_csv(self) -> None:
        """Save the aggregates (every table of the page) as CSV; audited."""
        data = self.indicators
        if data is None:
            return
        path = dialogs.choose_save_path(
            self, translate("Indicators", "Export figures"), self._file_stem("indicators") + ".csv", "CSV (*.csv)"
        )
        if path is None:
            return
        ok, _rows = attempt(
            lambda: ind.export_aggregates_csv(self.session, path, data, self.labels(), csv_headers()),
            self._warn,
        )
        if ok:
            self._warn("")
            self._inform(translate("Indicators", "Figures saved to %1.").replace("%1", str(path)))

    def export_report(self) -> None:
        """Save the one-page PDF report; audited."""
        from branch_client.ui.indicators.report import save_report_pdf

        data = self.indicators
        if data is None:
            return
        path = dialogs.choose_save_path(
            self, translate("Indicators", "Save report"), self._file_stem("report") + ".pdf", "PDF (*.pdf)"
        )
        if path is None:
            return

        def save() -> bool:
            if not save_report_pdf(path, self.session.branch, data, self.labels(), self._today()):
                return False
            ind.report_exported(self.session, data.date_range)
            return True

        ok, saved = attempt(save, self._warn)
        if ok and saved:
            self._warn("")
            self._inform(translate("Indicators", "Report saved to %1.").replace("%1", str(path)))
        elif ok:
            self._warn(translate("Indicators", "The report could not be written there. Choose another folder."))

    def export_register(self) -> None:
        """Save the register of registrations (names, ID numbers, phones) after the password; audited."""
        password = dialogs.ask_password(
            self,
            translate(
                "Indicators",
                "The register holds the owners' names, ID numbers and phone numbers. Type your password to export it, and keep the file safe.",
            ),
        )
        if password is None:
            return
        path = dialogs.choose_save_path(
            self, translate("Indicators", "Export register"), self._file_stem("register") + ".csv", "CSV (*.csv)"
        )
        if path is None:
            return
        date_range = self.date_range

        def export() -> int | None:
            try:
                headings = (
                    translate("Indicators", "Reference"),
                    translate("Indicators", "Submitted (Cambodian time)"),
                )
                return ind.export_register_csv(
                    self.session, path, password, date_range, self.form, ui_language(), headings
                )
            except WrongPassword:
                return None

        ok, rows = attempt(export, self._warn)
        if not ok:
            return
        if rows is None:
            self._inform("")
            self._warn(translate("Indicators", "The password is not correct. Nothing was exported."))
            return
        self._warn("")
        self._inform(
            translate("Indicators", "%1 registrations saved to %2.")
            .replace("%1", QLocale().toString(rows))
            .replace("%2", str(path))
        )
