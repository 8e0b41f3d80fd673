"""The navigation's badges: a count of what is new on a page, drawn at the item's right.

The count is the item's `BADGE_ROLE` data (0 or none: no badge); the item's accessible
text says it too, so a screen reader hears "Rejections and review, 2 new".
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

BADGE_ROLE = Qt.ItemDataRole.UserRole + 7
BADGE_COLOUR = QColor("#c5221f")
_PAD = 6


def badge_text(count: int) -> str:
    """What the badge shows: the count, or 99+."""
    return "99+" if count > 99 else str(count)


class BadgeDelegate(QStyledItemDelegate):
    """Draws an item as usual, then its badge (a red rounded box with the count) at its right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def _badge_rect(self, option: QStyleOptionViewItem, count: int) -> QRect:
        metrics = option.fontMetrics
        width = max(metrics.height(), metrics.horizontalAdvance(badge_text(count)) + 2 * _PAD)
        rect = option.rect
        height = metrics.height() + 2
        return QRect(rect.right() - width - _PAD, rect.center().y() - height // 2, width, height)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        count = index.data(BADGE_ROLE)
        if not isinstance(count, int) or count <= 0:
            super().paint(painter, option, index)
            return
        room = QStyleOptionViewItem(option)
        badge = self._badge_rect(option, count)
        room.rect = room.rect.adjusted(0, 0, -(badge.width() + 2 * _PAD), 0)
        super().paint(painter, room, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE_COLOUR)
        painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        painter.setPen(QColor("white"))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, badge_text(count))
        painter.restore()

    def sizeHint(  # noqa: N802 - Qt's name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        count = index.data(BADGE_ROLE)
        if isinstance(count, int) and count > 0:
            size.setWidth(size.width() + self._badge_rect(option, count).width() + 2 * _PAD)
        return size
