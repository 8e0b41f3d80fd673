"""Drawing primitives for the receipt: a page built as a list of drawing steps.

Everything is placed in device-independent units (0.01 mm) and fonts are sized in those
units too, so one layout serves the PDF, the printer and the preview alike, and its
height is known before a page is started (an 80 mm roll is as long as its content).
Text is laid out with `QTextLayout` and drawn glyph run by glyph run: Khmer is shaped
properly, and each run's characters are known (`Sheet.paint` returns them, for the PDF's
text layer).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGlyphRun, QImage, QPainter, QPainterPath, QPen, QTextLayout, QTextOption

from branch_client.fonts import KHMER_FAMILY
from branch_client.receipt.qr import qr_matrix
from branch_client.receipt.texts import Bilingual

UNITS_PER_MM: Final = 100.0
UNITS_PER_INCH: Final = 2540.0

#: One drawing step: draws with the painter and appends the text of each glyph run it drew.
Op = Callable[[QPainter, list[str]], None]


def mm(value: float) -> float:
    """Millimetres in layout units."""
    return value * UNITS_PER_MM


@dataclass(frozen=True)
class Style:
    """Page geometry and colours of one layout."""

    page_width_mm: float
    page_height_mm: float | None  # None: as long as the content (a roll)
    margin_mm: float
    module_mm: float  # one QR module
    ink: QColor
    accent: QColor
    muted: QColor
    rule: QColor
    tint: QColor | None


@dataclass
class Sheet:
    """A laid-out receipt: its page size and what to draw, in layout units."""

    width_mm: float
    height_mm: float
    ops: list[Op] = field(default_factory=list)
    content_bottom_mm: float = 0.0  # where the last block ends: below the page's margin is an overflow

    def paint(self, painter: QPainter) -> list[str]:
        """Draw everything with `painter` (already scaled to layout units); returns the
        text of each glyph run, in the order drawn."""
        runs: list[str] = []
        for op in self.ops:
            op(painter, runs)
        return runs


def _font(points: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies([KHMER_FAMILY])
    font.setPixelSize(max(1, round(points * 25.4 / 72 * UNITS_PER_MM)))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


class Composer:
    """Stacks blocks down the page (`y`), recording how to draw each."""

    def __init__(self, style: Style) -> None:
        self.style = style
        self.left = mm(style.margin_mm)
        self.width = mm(style.page_width_mm - 2 * style.margin_mm)
        self.y = mm(style.margin_mm)
        self.ops: list[Op] = []

    # --- primitives ------------------------------------------------------------------

    def measure(
        self,
        text: str,
        points: float,
        width: float,
        *,
        bold: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> QTextLayout:
        """`text` laid out in lines `width` wide (positions relative to its top left)."""
        layout = QTextLayout(text, _font(points, bold=bold))
        option = QTextOption(align)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.setCacheEnabled(True)
        layout.beginLayout()
        height = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, height))
            height += line.height()
        layout.endLayout()
        return layout

    def draw_text(self, layout: QTextLayout, x: float, y: float, color: QColor) -> None:
        """Draw a measured layout at (x, y)."""

        # Qt emboldens Noto Sans Khmer (a variable font) by drawing twice in a PDF, but not
        # on an image under a scaling painter: the preview does the same by hand.
        embolden = layout.font().bold()
        stroke = QPen(color, layout.font().pixelSize() * 0.05)

        def op(painter: QPainter, runs: list[str]) -> None:
            painter.setPen(color)
            twice = embolden and isinstance(painter.device(), QImage)
            text = layout.text()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                end = line.textStart() + line.textLength()
                glyph_runs = [r for r in line.glyphRuns() if r.glyphIndexes()]
                starts = sorted({min(r.stringIndexes()) for r in glyph_runs if r.stringIndexes()})
                for run in glyph_runs:
                    first = min(run.stringIndexes()) if run.stringIndexes() else line.textStart()
                    following = [s for s in starts if s > first]
                    runs.append(text[first : following[0] if following else end])
                    if twice:
                        _draw_outlined(painter, run, QPointF(x, y), stroke)
                    else:
                        painter.drawGlyphRun(QPointF(x, y), run)

        self.ops.append(op)

    def text(
        self,
        text: str,
        points: float,
        *,
        bold: bool = False,
        color: QColor | None = None,
        x: float | None = None,
        width: float | None = None,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        after: float = 0.0,
    ) -> float:
        """A paragraph at the current `y`; moves down past it. Returns its height."""
        layout = self.measure(text, points, width or self.width, bold=bold, align=align)
        self.draw_text(layout, self.left if x is None else x, self.y, color or self.style.ink)
        height = text_height(layout)
        self.y += height + after
        return height

    def rule(
        self, *, color: QColor | None = None, thickness_mm: float = 0.2, dashed: bool = False, gap_mm: float = 3
    ) -> None:
        """A horizontal line across the content, with `gap_mm` above and below."""
        self.y += mm(gap_mm)
        y, left, right = self.y, self.left, self.left + self.width
        pen = QPen(color or self.style.rule, mm(thickness_mm))
        if dashed:
            pen.setDashPattern([4, 3])

        def op(painter: QPainter, _: list[str]) -> None:
            painter.setPen(pen)
            painter.drawLine(QPointF(left, y), QPointF(right, y))

        self.ops.append(op)
        self.y += mm(gap_mm)

    def mark(self) -> int:
        """Where the next op goes: a box drawn behind what follows is inserted there."""
        return len(self.ops)

    def box(
        self,
        rect: QRectF,
        *,
        fill: QColor | None,
        border: QColor | None = None,
        radius_mm: float = 1.5,
        at: int | None = None,
    ) -> None:
        """A rounded rectangle, drawn before the ops added since `at` (a `mark`)."""

        def op(painter: QPainter, _: list[str]) -> None:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(border, mm(0.25)) if border is not None else Qt.PenStyle.NoPen)
            painter.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, mm(radius_mm), mm(radius_mm))
            painter.restore()

        self.ops.insert(len(self.ops) if at is None else at, op)

    def qr(self, text: str, x: float, y: float) -> float:
        """The QR code of `text` with its quiet zone at (x, y); returns its side."""
        matrix = qr_matrix(text)
        module = mm(self.style.module_mm)
        side = module * len(matrix)
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        for row_index, row in enumerate(matrix):
            column = 0
            while column < len(row):  # one rectangle per run of dark modules: no seams
                if not row[column]:
                    column += 1
                    continue
                start = column
                while column < len(row) and row[column]:
                    column += 1
                path.addRect(QRectF(x + start * module, y + row_index * module, (column - start) * module, module))

        def op(painter: QPainter, _: list[str]) -> None:
            painter.fillRect(QRectF(x, y, side, side), Qt.GlobalColor.white)
            painter.fillPath(path, QColor("black"))

        self.ops.append(op)
        return side

    # --- composite blocks ---------------------------------------------------------------

    def label(
        self,
        label: Bilingual,
        *,
        languages: tuple[str, ...] = ("km", "en"),
        x: float | None = None,
        width: float | None = None,
        size: float = 8.0,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        inline: bool = False,
    ) -> float:
        """A key label in `languages`: one over the other (the second smaller and muted), or
        `Khmer · English` on one line when `inline`."""
        muted = self.style.muted
        if inline:
            return self.text(label.inline(languages), size, color=muted, x=x, width=width, align=align)
        top = self.y
        for index, text in enumerate(label.texts(languages)):
            first = index == 0
            self.text(
                text,
                size if first else size - 1,
                color=self.style.ink if first else muted,
                x=x,
                width=width,
                align=align,
            )
        return self.y - top

    def value(
        self,
        value: Bilingual,
        languages: tuple[str, ...],
        points: float,
        *,
        bold: bool = False,
        x: float | None = None,
        width: float | None = None,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        empty: str = "—",
    ) -> float:
        """A value that reads differently by language (a choice's label, an address): in each
        of `languages`, the second a point smaller and muted. `empty` when it has no text."""
        top = self.y
        shown = value.texts(languages) or [empty]
        for index, text in enumerate(shown):
            first = index == 0
            self.text(
                text,
                points if first else points - 1,
                bold=bold and first,
                color=self.style.ink if first else self.style.muted,
                x=x,
                width=width,
                align=align,
            )
        return self.y - top

    def sheet(self, bottom_margin_mm: float) -> Sheet:
        """The finished page (a roll's length: the content and `bottom_margin_mm`)."""
        style = self.style
        height = style.page_height_mm or (self.y / UNITS_PER_MM + bottom_margin_mm)
        return Sheet(style.page_width_mm, height, self.ops, self.y / UNITS_PER_MM)


def _draw_outlined(painter: QPainter, run: QGlyphRun, origin: QPointF, pen: QPen) -> None:
    """A glyph run filled and stroked with `pen`: bold that survives any scale."""
    path = QPainterPath()
    raw = run.rawFont()
    for glyph, position in zip(run.glyphIndexes(), run.positions(), strict=True):
        path.addPath(raw.pathForGlyph(glyph).translated(origin + position))
    painter.save()
    painter.setPen(pen)
    painter.setBrush(pen.color())
    painter.drawPath(path)
    painter.restore()


def text_height(layout: QTextLayout) -> float:
    if layout.lineCount() == 0:
        return 0.0
    last = layout.lineAt(layout.lineCount() - 1)
    return last.y() + last.height()
