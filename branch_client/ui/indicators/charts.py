"""The indicator charts (QtCharts): counts by the owner's sex, one colour per sex everywhere.

Breakdowns are horizontal grouped bars (the largest categories at the top, long labels
shortened: the table beside the chart has them whole); registrations over time are one
line per sex on a date axis. The same colours serve the PDF report.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from branch_client.i18n import ui_language
from branch_client.services.indicators import FEMALE, MALE, MONTH, OTHER, SEXES, SexCounts
from forms.display import MONTHS, show_date

#: Colour-blind-safe (Okabe–Ito): vermilion for women, blue for men, grey for not recorded.
SEX_COLOURS = {FEMALE: QColor("#D55E00"), MALE: QColor("#0072B2"), OTHER: QColor("#8C8C8C")}
LABEL_CHARS = 34  # longer category labels are shortened on the chart's axis
#: Qt Charts gives a side axis at most this share of the chart's width and cuts longer
#: labels with "...": a bar chart is made wide enough for its labels instead.
AXIS_PORTION = 0.4
#: Beside a category label on the side axis: the label's padding and the tick.
AXIS_LABEL_PAD = 24
#: Around the plot: the chart's margins and the view's frame.
CHART_FRAME = 24
MIN_CHART_WIDTH = 360
#: Between two period labels under a time chart, and the chart's width beside its plot.
LABEL_GAP = 16
TIME_AXIS_ROOM = 100


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    """`text` cut to `limit` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _nice_max(value: int) -> int:
    """An axis maximum a little above `value` that divides into round ticks."""
    if value <= 5:
        return 5
    magnitude = 10 ** (len(str(value)) - 1)
    for step in (1, 2, 2.5, 5, 10):
        top = int(step * magnitude)
        if top >= value:
            return top
    return value


class _ChartView(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(MIN_CHART_WIDTH)

    def _clear(self) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
            axis.deleteLater()  # with its label items: a removed axis left some in the scene

    def _font(self, scale: float = 1.0) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        return font


class SexBarChart(_ChartView):
    """Grouped horizontal bars: one bar set per sex, the categories down the side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sets: dict[str, QBarSet] = {}
        self.categories: list[str] = []

    def set_rows(
        self,
        rows: Sequence[SexCounts],
        labels: Sequence[str],
        sex_names: dict[str, str],
        value_title: str,
        *,
        show_other: bool = False,
    ) -> None:
        """Draw `rows` (in the order given, the first at the top) with `labels` on the axis."""
        self._clear()
        chart = self.chart()
        series = QHorizontalBarSeries()
        series.setBarWidth(0.8)
        self.sets = {}
        shown = [s for s in SEXES if s != OTHER or show_other]
        # A horizontal group stacks its sets bottom-up: add them last-first so women's bar is
        # on top, and reverse the legend so it still reads women, men.
        for sex in reversed(shown):
            bar_set = QBarSet(sex_names[sex])
            bar_set.setColor(SEX_COLOURS[sex])
            bar_set.setBorderColor(SEX_COLOURS[sex])
            # Horizontal bars grow upwards from the first category: reverse to list top-down.
            bar_set.append([float(r.value(sex)) for r in reversed(rows)])
            series.append(bar_set)
            self.sets[sex] = bar_set
        chart.addSeries(series)
        self.categories = [shorten(text) for text in reversed(labels)]
        category_axis = QBarCategoryAxis()
        category_axis.append(_unique(self.categories))
        category_axis.setLabelsFont(self._font(0.85))
        metrics = QFontMetrics(category_axis.labelsFont())
        widest = max((metrics.horizontalAdvance(text) for text in self.categories), default=0)
        self.setMinimumWidth(max(MIN_CHART_WIDTH, math.ceil((widest + AXIS_LABEL_PAD) / AXIS_PORTION) + CHART_FRAME))
        value_axis = QValueAxis()
        top = max((r.value(s) for r in rows for s in shown), default=0)
        value_axis.setRange(0, _nice_max(top))
        value_axis.setLabelFormat("%d")
        value_axis.setTickCount(6)
        value_axis.setTitleText(value_title)
        value_axis.setTitleFont(self._font(0.85))
        value_axis.setLabelsFont(self._font(0.85))
        chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(category_axis)
        series.attachAxis(value_axis)
        chart.legend().setVisible(True)
        chart.legend().setReverseMarkers(True)
        self.setMinimumHeight(max(230, 110 + max(1, len(rows)) * (14 * len(shown) + 8)))

    def values(self, sex: str) -> list[int]:
        """The bar heights of `sex`, top category first (what the chart shows)."""
        bar_set = self.sets.get(sex)
        if bar_set is None:
            return []
        return [int(bar_set.at(i)) for i in reversed(range(bar_set.count()))]


def _unique(labels: list[str]) -> list[str]:
    """Category axes need distinct labels: repeat names (two districts called alike) get a mark."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        n = seen.get(label, 0)
        seen[label] = n + 1
        out.append(label if n == 0 else f"{label} ({n + 1})")
    return out


class TimeChart(_ChartView):
    """Registrations per period: one line per sex on a date axis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: dict[str, QLineSeries] = {}
        self._period_axis: QCategoryAxis | None = None
        self._labels: list[str] = []  # every period's axis label
        self._step = 0  # every how many periods a label is shown
        self.setMinimumHeight(280)

    def set_rows(
        self,
        rows: Sequence[SexCounts],
        granularity: str,
        sex_names: dict[str, str],
        value_title: str,
        *,
        show_other: bool = False,
    ) -> None:
        """Draw one point per period (its first day) for each sex."""
        self._clear()
        chart = self.chart()
        self.lines = {}
        shown = [s for s in SEXES if s != OTHER or show_other]
        for sex in shown:
            line = QLineSeries()
            line.setName(sex_names[sex])
            pen = QPen(SEX_COLOURS[sex])
            pen.setWidthF(2.5)
            line.setPen(pen)
            line.setColor(SEX_COLOURS[sex])
            line.setPointsVisible(len(rows) <= 40)
            for i, r in enumerate(rows):
                line.append(i, r.value(sex))
            chart.addSeries(line)
            self.lines[sex] = line
        # The x axis is the period's position; labels name every k-th period, on its point.
        period_axis = QCategoryAxis()
        period_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        period_axis.setLabelsFont(self._font(0.85))
        period_axis.setGridLineVisible(False)
        self._period_axis = period_axis
        self._labels = [_axis_label(r.code, granularity) for r in rows]
        self._step = 0
        value_axis = QValueAxis()
        value_axis.setRange(0, _nice_max(max((r.value(s) for r in rows for s in shown), default=0)))
        value_axis.setLabelFormat("%d")
        value_axis.setTickCount(6)
        value_axis.setTitleText(value_title)
        value_axis.setTitleFont(self._font(0.85))
        value_axis.setLabelsFont(self._font(0.85))
        self._label_periods()
        chart.addAxis(period_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        for line in self.lines.values():
            line.attachAxis(period_axis)
            line.attachAxis(value_axis)

    def _label_periods(self) -> None:
        """Name every k-th period, k as small as lets the labels stand whole side by side at
        the chart's width (Qt Charts would cut them)."""
        axis = self._period_axis
        if axis is None or not self._labels:
            return
        metrics = QFontMetrics(axis.labelsFont())
        label_width = max(metrics.horizontalAdvance(text) for text in self._labels) + LABEL_GAP
        plot_width = self.width() - TIME_AXIS_ROOM * self.fontMetrics().height() // 20
        plotted = self.chart().plotArea().width()
        if plotted > 0:
            plot_width = min(plot_width, int(plotted))
        per_period = max(plot_width, 1) / max(len(self._labels) - 0.4, 1)
        step = max(1, math.ceil(label_width / per_period))
        if step == self._step:
            return
        self._step = step
        for label in axis.categoriesLabels():
            axis.remove(label)
        # A label is given the width of its category (from the previous label's period): the
        # first one starts a step before the first period, so it is as wide as the others.
        axis.setStartValue(-step)
        for i in range(0, len(self._labels), step):
            axis.append(self._labels[i], i)
        axis.setRange(-0.3, max(len(self._labels) - 0.7, 0.3))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._label_periods()

    def shown_labels(self) -> list[str]:
        """The period labels on the axis (every k-th period's)."""
        return [] if self._period_axis is None else list(self._period_axis.categoriesLabels())

    def values(self, sex: str) -> list[int]:
        """The points' values of `sex`, in period order."""
        line = self.lines.get(sex)
        return [] if line is None else [int(p.y()) for p in line.points()]


def _axis_label(iso_day: str, granularity: str) -> str:
    moment = QDate.fromString(iso_day, Qt.DateFormat.ISODate)
    if granularity == MONTH:
        return QLocale().toString(moment, "MMM yyyy")
    return QLocale().toString(moment, "d MMM")


def period_label(iso_day: str, granularity: str) -> str:
    """A period as people read it, in the UI language: the day, the week's Monday (both day
    first, `15-04-2026`, as every list shows a date), the month (`April 2026`, its name as
    `show_date` writes it)."""
    lang = ui_language()
    if granularity == MONTH:
        try:
            day = datetime.date.fromisoformat(iso_day)
        except ValueError:
            return iso_day
        return f"{MONTHS.get(lang, MONTHS['en'])[day.month - 1]} {day.year}"
    return show_date(iso_day, lang, numeric=True)
