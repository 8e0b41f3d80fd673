"""Small building blocks shared by the screens.

The first window is built from these, so they leave Qt's `Qt` namespace alone until an
action needs it: PySide6 creates the namespace's Python enums (Qt.Key alone has hundreds
of members) all at once on first touch, about a tenth of a second on a busy PC, which a
bare Qt window never pays. Hence `message_label` sets its flag through the Qt property
(the same setter, named by key), and `busy_cursor` imports `Qt` when it runs.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCursor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QPagedPaintDevice


class Page(QWidget):
    """A screen that re-labels itself when the UI language changes.

    Subclasses set every visible text in `retranslate()`, call it once at the end of
    `__init__`, and Qt's LanguageChange event calls it again after a switch.
    """

    def retranslate(self) -> None:
        """Set every visible text from `tr()`."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


@contextlib.contextmanager
def busy_cursor() -> Iterator[None]:
    """An hourglass while the GUI thread does something slow on purpose (Argon2id at sign-in)."""
    from PySide6.QtCore import Qt

    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def title_label() -> QLabel:
    """A screen's heading."""
    label = QLabel()
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def app_name_label() -> QLabel:
    """The product's name above a start screen's heading."""
    label = QLabel("CAM-IE")
    label.setObjectName("appName")
    return label


def message_label() -> QLabel:
    """Where a screen tells what went wrong (red, wraps, empty when all is well)."""
    label = QLabel()
    label.setObjectName("errorText")
    label.setWordWrap(True)
    label.setProperty("textInteractionFlags", "TextSelectableByMouse")  # = setTextInteractionFlags()
    return label


def password_edit() -> QLineEdit:
    """A line edit that hides what is typed."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def centered(inner: QWidget, *, max_width: int = 520) -> QWidget:
    """`inner` limited in width and centred on the page (forms look lost on wide screens)."""
    from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

    inner.setMaximumWidth(max_width)
    outer = QWidget()
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(inner, 4)
    row.addStretch(1)
    column = QVBoxLayout(outer)
    column.addStretch(1)
    column.addLayout(row)
    column.addStretch(2)
    return outer


def set_a4_portrait(device: QPagedPaintDevice, margin_mm: float) -> None:
    """Lay `device` (a PDF writer or a printer) out as one A4 portrait page with even margins."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize

    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm),
            QPageLayout.Unit.Millimeter,
        )
    )


def local_shortcut(
    key: QKeySequence | QKeySequence.StandardKey | str, parent: QWidget, slot: Callable[[], object]
) -> QShortcut:
    """A shortcut that fires only while focus is inside `parent` (a page's own keys). Made
    with `setContext` because PySide6 ignores the context given to QShortcut's constructor
    with a callable, which would make the key window-wide (Ctrl+W closing a form from the
    sidebar)."""
    shortcut = QShortcut(QKeySequence(key), parent)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(slot)
    return shortcut
