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
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from branch_client.i18n import ui_language
from branch_client.services.indicators import FEMALE, MALE, MONTH, OTHER, SEXES, SexCounts
from forms.display import MONTHS, show_date

# Colour-blind-safe (Okabe–Ito): vermilion for women, blue for men, grey for not recorded.
SEX_COLOURS = {FEMALE: QColor("#D55E00"), MALE: QColor("#0072B2"), OTHER: QColor("#8C8C8C")}
LABEL_CHARS = 34  # longer category labels are shortened on the chart's axis
# Qt Charts gives a side axis at most this share of the chart's width (and an axis along
# the bottom this share of its height) and cuts longer labels with "...": a chart is made
# wide and tall enough for its labels instead.
AXIS_PORTION = 0.4
# Beside a category label on the side axis: the label's padding and the tick.
AXIS_LABEL_PAD = 24
# Around the plot: the chart's margins and the view's frame.
CHART_FRAME = 24
MIN_CHART_WIDTH = 360
# The narrowest chart in lines of its label font (360 px at the usual text size): larger
# Windows text makes charts wider, not their labels fewer.
MIN_CHART_LINES = 21
# Between two period labels under a time chart, and (a guess until the chart is first laid
# out, at the usual text size) the chart's width beside its plot.
LABEL_GAP = 16
TIME_AXIS_ROOM = 100
# Around the chart's contents (the layout's and the chart's margins), above and below.
CHART_MARGINS = 26
# The legend's height beyond a line of its text, and each entry's width beyond its name
# and a line's height (its marker); the legend's own padding.
LEGEND_PAD = 28
LEGEND_ENTRY_PAD = 14
LEGEND_SIDES = 32
# An axis along the bottom beyond its lines of text: label and title paddings.
BOTTOM_AXIS_PAD = 16
# The plot of a time chart: at least this many label lines high.
TIME_PLOT_LINES = 10
MIN_BAR_CHART_HEIGHT = 230
MIN_TIME_CHART_HEIGHT = 280


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
    """A chart in a view, its axes made once and kept: a removed axis leaves its labels in the
    scene until the event loop deletes it, drawn over the new ones in the meantime."""

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
        self.value_axis = QValueAxis()
        self.value_axis.setLabelFormat("%d")
        self.value_axis.setTickCount(6)

    def _clear(self) -> None:
        self.chart().removeAllSeries()

    def _font(self, scale: float = 1.0) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        return font

    def _set_value_axis(self, top: int, title: str) -> None:
        self.value_axis.setRange(0, _nice_max(top))
        self.value_axis.setTitleText(title)
        self.value_axis.setTitleFont(self._font(0.85))
        self.value_axis.setLabelsFont(self._font(0.85))

    def _line(self) -> int:
        """The height of a line of the axis labels' font."""
        return QFontMetrics(self._font(0.85)).height()

    def _legend_size(self, names: Sequence[str]) -> tuple[int, int]:
        """The room the legend needs to show `names` whole, side by side: width, height."""
        metrics = QFontMetrics(self.chart().legend().font())
        width = sum(metrics.horizontalAdvance(name) + metrics.height() + LEGEND_ENTRY_PAD for name in names)
        return width + LEGEND_SIDES + CHART_FRAME, metrics.height() + LEGEND_PAD

    def _narrowest(self, names: Sequence[str]) -> int:
        """The chart's least width at this text size: its legend whole, and no less than
        `MIN_CHART_LINES` lines of its labels."""
        return max(MIN_CHART_WIDTH, MIN_CHART_LINES * self._line(), self._legend_size(names)[0])


class SexBarChart(_ChartView):
    """Grouped horizontal bars: one bar set per sex, the categories down the side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sets: dict[str, QBarSet] = {}
        self.categories: list[str] = []
        self.category_axis = QBarCategoryAxis()
        self.chart().addAxis(self.category_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart().addAxis(self.value_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart().legend().setReverseMarkers(True)

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
        category_axis = self.category_axis
        category_axis.clear()
        category_axis.append(_unique(self.categories))
        category_axis.setLabelsFont(self._font(0.85))
        self._set_value_axis(max((r.value(s) for r in rows for s in shown), default=0), value_title)
        series.attachAxis(category_axis)
        series.attachAxis(self.value_axis)
        self._fit([sex_names[s] for s in shown])

    def _fit(self, names: Sequence[str]) -> None:
        """As wide as the category labels need (Qt Charts gives them at most `AXIS_PORTION`
        of the width), as tall as a line of label per category, the legend and the value
        axis need: the last gets at most `AXIS_PORTION` of the height, or its labels are cut."""
        metrics = QFontMetrics(self.category_axis.labelsFont())
        widest = max((metrics.horizontalAdvance(text) for text in self.categories), default=0)
        labels_need = math.ceil((widest + AXIS_LABEL_PAD) / AXIS_PORTION) + CHART_FRAME
        self.setMinimumWidth(max(self._narrowest(names), labels_need))
        line = self._line()
        legend = self._legend_size(names)[1]
        value_axis = 2 * line + BOTTOM_AXIS_PAD  # its labels and its title
        per_category = max(14 * len(names) + 8, math.ceil(1.3 * line))
        plot = max(1, len(self.categories)) * per_category
        self.setMinimumHeight(
            max(
                MIN_BAR_CHART_HEIGHT,
                CHART_MARGINS + legend + value_axis + plot,
                CHART_MARGINS + legend + math.ceil(value_axis / AXIS_PORTION),
            )
        )

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
        # The x axis is the period's position; labels name every k-th period, on its point.
        self._period_axis = QCategoryAxis()
        self._period_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self._period_axis.setGridLineVisible(False)
        self._labels: list[str] = []  # every period's axis label
        self._step = 0  # every how many periods a label is shown
        self.chart().addAxis(self._period_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart().addAxis(self.value_axis, Qt.AlignmentFlag.AlignLeft)
        # The plot's width changes after the view's (the chart lays itself out later, and a
        # wider view's old plot would leave the labels sparse) and with the value labels'
        # width: name the periods again for the plot as it is.
        self.chart().plotAreaChanged.connect(self._label_periods)
        self.setMinimumHeight(MIN_TIME_CHART_HEIGHT)

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
        self._period_axis.setLabelsFont(self._font(0.85))
        self._labels = [_axis_label(r.code, granularity) for r in rows]
        self._step = 0
        self._set_value_axis(max((r.value(s) for r in rows for s in shown), default=0), value_title)
        self._label_periods()
        for line in self.lines.values():
            line.attachAxis(self._period_axis)
            line.attachAxis(self.value_axis)
        self._fit([sex_names[s] for s in shown], value_title)

    def _fit(self, names: Sequence[str], value_title: str) -> None:
        """Wide enough for the legend; tall enough for the value axis' title along the plot,
        the legend and a line of period labels."""
        self.setMinimumWidth(self._narrowest(names))
        line = self._line()
        title = QFontMetrics(self.value_axis.titleFont()).horizontalAdvance(value_title)
        plot = max(TIME_PLOT_LINES * line, title + 2 * line)
        periods = line + BOTTOM_AXIS_PAD
        legend = self._legend_size(names)[1]
        self.setMinimumHeight(max(MIN_TIME_CHART_HEIGHT, CHART_MARGINS + legend + plot + periods))

    def _label_periods(self) -> None:
        """Name every k-th period, k as small as lets the labels stand whole side by side at
        the chart's width (Qt Charts would cut them), and leave half a label's width beside
        the first and last period, so that their labels stay inside the plot: clear of the
        value axis' labels and of the chart's edge."""
        axis = self._period_axis
        if not self._labels:
            for label in axis.categoriesLabels():
                axis.remove(label)
            return
        metrics = QFontMetrics(axis.labelsFont())
        label_width = max(metrics.horizontalAdvance(text) for text in self._labels) + LABEL_GAP
        plotted = self.chart().plotArea().width()  # before the chart's first layout, a guess
        plot_width = int(plotted) if plotted > 0 else self.width() - TIME_AXIS_ROOM * self.fontMetrics().height() // 20
        plot_width = max(plot_width, label_width + 1)
        periods = len(self._labels) - 1
        per_period = (plot_width - label_width) / periods if periods else plot_width / 2
        step = max(1, math.ceil(label_width / per_period))
        side = max(0.3, label_width / 2 / per_period)  # in periods
        axis.setRange(-side, periods + side)
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

    def shown_labels(self) -> list[str]:
        """The period labels on the axis (every k-th period's)."""
        return list(self._period_axis.categoriesLabels())

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
