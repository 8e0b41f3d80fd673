"""The one-page PDF report of the indicators: the big figure, registrations over time, and
each breakdown as bars by the owner's sex with the numbers beside them.

Drawn with QPainter on a `QPdfWriter` (vector text in Noto Sans Khmer, so Khmer renders
and can be searched), in the sexes' colours of the page's charts.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
)

from branch_client.fonts import KHMER_FAMILY
from branch_client.i18n import translate, ui_language
from branch_client.services import indicators as ind
from branch_client.store import BranchInfo
from branch_client.ui.indicators.charts import SEX_COLOURS, period_label
from branch_client.ui.indicators.texts import BREAKDOWN_SECTIONS, section_title, sex_names
from branch_client.ui.widgets import set_a4_portrait
from forms.display import show_date

TOP_ROWS = 8  # categories per breakdown on the page (the CSV has all)


class _Canvas:
    """Millimetre drawing helpers over a painter."""

    def __init__(self, painter: QPainter, dpi: float) -> None:
        self.painter = painter
        self.mm = dpi / 25.4

    def font(self, points: float, *, bold: bool = False) -> QFont:
        font = QFont()
        font.setFamilies([KHMER_FAMILY])
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def text(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        line: str,
        font: QFont,
        *,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        colour: QColor | None = None,
    ) -> None:
        """`line` in the box (mm), elided to fit its width."""
        painter = self.painter
        painter.setFont(font)
        painter.setPen(colour or QColor("#202020"))
        box = QRectF(x * self.mm, y * self.mm, w * self.mm, h * self.mm)
        elided = QFontMetricsF(font, painter.device()).elidedText(line, Qt.TextElideMode.ElideRight, box.width())
        painter.drawText(box, align | Qt.AlignmentFlag.AlignVCenter, elided)

    def rect(self, x: float, y: float, w: float, h: float, colour: QColor) -> None:
        self.painter.fillRect(QRectF(x * self.mm, y * self.mm, w * self.mm, h * self.mm), colour)

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: QColor) -> None:
        pen = QPen(colour)
        pen.setWidthF(0.2 * self.mm)
        self.painter.setPen(pen)
        self.painter.drawLine(QPointF(x1 * self.mm, y1 * self.mm), QPointF(x2 * self.mm, y2 * self.mm))


def _sexes(data: ind.Indicators) -> list[str]:
    return [s for s in ind.SEXES if s != ind.OTHER or data.has_other]


def _section_names() -> dict[str, str]:
    return {key: section_title(key) for key in ("over_time", *BREAKDOWN_SECTIONS)}


def _period(date_range: ind.DateRange, lang: str) -> str:
    """The report's period as people read a date (`1 January 2026 – 31 March 2026`, open ends
    as …): day first, as every screen shows one, where the file name keeps ISO."""
    start, end = date_range.start, date_range.end
    first = show_date(start.isoformat(), lang) if start else "…"
    last = show_date(end.isoformat(), lang) if end else "…"
    return f"{first} – {last}"


def paint_report(
    device: QPagedPaintDevice, branch: BranchInfo, data: ind.Indicators, labels: ind.Labels, today: datetime.date
) -> None:
    """Draw the report on one A4 page of `device`."""
    set_a4_portrait(device, 14)
    painter = QPainter(device)
    try:
        canvas = _Canvas(painter, device.logicalDpiY())
        width = painter.viewport().width() / canvas.mm
        locale = QLocale()
        names = sex_names()
        sections = _section_names()
        y = 0.0
        title = translate("Indicators", "Indicators — %1 (%2)").replace("%1", branch.name).replace("%2", branch.code)
        canvas.text(0, y, width, 9, title, canvas.font(15, bold=True))
        y += 9
        lang = ui_language()
        period = translate("Indicators", "Period: %1 · made on %2").replace("%1", _period(data.date_range, lang))
        canvas.text(0, y, width, 6, period.replace("%2", show_date(today.isoformat(), lang)), canvas.font(9))
        y += 9

        total = data.total
        share = total.female_share
        big = "–" if share is None else locale.toString(share * 100, "f", 1) + " %"
        canvas.text(0, y, 45, 16, big, canvas.font(26, bold=True), colour=SEX_COLOURS[ind.FEMALE])
        canvas.text(
            47,
            y,
            width - 47,
            8,
            translate("Indicators", "of the businesses registered are owned by women"),
            canvas.font(11),
        )
        counts = (
            translate("Indicators", "%1 women-owned and %2 men-owned of %3 registrations.")
            .replace("%1", locale.toString(total.female))
            .replace("%2", locale.toString(total.male))
            .replace("%3", locale.toString(total.total))
        )
        if total.other:
            counts += " " + translate("Indicators", "Sex not recorded: %1.").replace("%1", locale.toString(total.other))
        canvas.text(47, y + 8, width - 47, 7, counts, canvas.font(9))
        y += 19

        x = 0.0  # legend
        for sex in _sexes(data):
            canvas.rect(x, y + 1.5, 4, 3, SEX_COLOURS[sex])
            canvas.text(x + 5, y, 45, 6, names[sex], canvas.font(9))
            x += 50
        y += 8

        canvas.text(0, y, width, 7, sections["over_time"], canvas.font(11, bold=True))
        y += 10
        _time_chart(canvas, 0, y, width, 40, data)
        y += 50

        column = (width - 8) / 2
        left_y = right_y = y
        for key in ("activity", "province", "district"):
            left_y = _bars(canvas, 0, left_y, column, sections[key], key, data.breakdowns[key][:TOP_ROWS], labels, data)
        for key in ("premises", "services"):
            right_y = _bars(canvas, column + 8, right_y, column, sections[key], key, data.breakdowns[key], labels, data)
        right_y = _bars(canvas, column + 8, right_y, column, sections["workers"], "workers", data.workers, labels, data)
        note = translate(
            "Indicators",
            "Each business counts once, in its latest version; withdrawn registrations are not counted. Breakdowns show the %1 largest; the CSV export has all.",
        ).replace("%1", str(TOP_ROWS))
        painter.setFont(canvas.font(7.5))
        painter.setPen(QColor("#505050"))
        painter.drawText(
            QRectF((column + 8) * canvas.mm, (right_y + 2) * canvas.mm, column * canvas.mm, 30 * canvas.mm),
            int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
            note,
        )
    finally:
        painter.end()


def _time_chart(canvas: _Canvas, x: float, y: float, w: float, h: float, data: ind.Indicators) -> None:
    """Grouped columns per period (one per sex), a value scale, and a few period labels."""
    rows = data.over_time
    sexes = _sexes(data)
    top = max((r.value(s) for r in rows for s in sexes), default=0) or 1
    axis_x = x + 12
    plot_w = w - 12
    grey = QColor("#B0B0B0")
    canvas.line(axis_x, y + h, x + w, y + h, grey)
    for fraction in (0.5, 1.0):
        level = y + h - h * fraction
        canvas.line(axis_x, level, x + w, level, QColor("#E4E4E4"))
        canvas.text(
            x,
            level - 2.5,
            11,
            5,
            QLocale().toString(round(top * fraction)),
            canvas.font(7),
            align=Qt.AlignmentFlag.AlignRight,
        )
    if not rows:
        return
    slot = plot_w / len(rows)
    bar = max(slot * 0.8 / len(sexes), 0.05)
    for i, row in enumerate(rows):
        for j, sex in enumerate(sexes):
            height = h * row.value(sex) / top
            canvas.rect(axis_x + i * slot + slot * 0.1 + j * bar, y + h - height, bar, height, SEX_COLOURS[sex])
    step = max(1, round(len(rows) / 6))
    for i in range(0, len(rows), step):
        canvas.text(
            axis_x + i * slot,
            y + h + 0.5,
            max(slot * step, 18),
            5,
            period_label(rows[i].code, data.granularity),
            canvas.font(7),
        )


def _bars(
    canvas: _Canvas,
    x: float,
    y: float,
    w: float,
    title: str,
    key: str,
    rows: Sequence[ind.SexCounts],
    labels: ind.Labels,
    data: ind.Indicators,
) -> float:
    """A breakdown as labelled rows with one thin bar and number per sex; returns the next y."""
    canvas.text(x, y, w, 7, title, canvas.font(10, bold=True))
    y += 7
    sexes = _sexes(data)
    top = max((r.value(s) for r in rows for s in sexes), default=0) or 1
    label_w = w * 0.46
    bar_room = w - label_w - 14
    row_h = 2.3 * len(sexes) + 1.2
    locale = QLocale()
    for row in rows:
        canvas.text(x, y, label_w - 1, row_h, labels.category(key, row.code), canvas.font(7.5))
        for j, sex in enumerate(sexes):
            value = row.value(sex)
            bar_y = y + 0.6 + j * 2.3
            length = bar_room * value / top
            canvas.rect(x + label_w, bar_y, max(length, 0.2), 1.9, SEX_COLOURS[sex])
            canvas.text(x + label_w + length + 0.8, bar_y - 0.6, 13, 3.1, locale.toString(value), canvas.font(6))
        y += row_h
    return y + 4


def save_report_pdf(
    path: Path, branch: BranchInfo, data: ind.Indicators, labels: ind.Labels, today: datetime.date
) -> bool:
    """Write the report as a one-page PDF; False if it could not be written there.

    Written beside `path` first and moved into place, so a failure leaves no half file.
    """
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(b"")  # fail here, plainly, rather than inside Qt's painter
    except OSError:
        return False
    writer = QPdfWriter(str(partial))
    writer.setResolution(300)
    writer.setTitle(f"CAM-IE indicators {branch.code} {data.date_range.describe()}")
    writer.setCreator("CAM-IE Branch Client")
    paint_report(writer, branch, data, labels, today)
    del writer  # closes the file
    try:
        if partial.stat().st_size == 0:
            partial.unlink()
            return False
        os.replace(partial, path)
    except OSError:
        partial.unlink(missing_ok=True)
        return False
    return True
