"""What every editor of a form question shares (`FieldWidget`): its label (required ones
marked), hint, editor, message and the centre's remark for a correction.

Every editor speaks the same three signals, so the wizard view treats them alike:
`changed(name, answer)` with the answer as typed (None when empty), `left(name)` when
focus leaves the question (its message is then due) and `advance(name)` when Enter asks
for the next question. Setting a value from the program (`set_value`) emits nothing.
The editors themselves are in `choice_fields` (groups of buttons, searchable lists) and
`fields` (text, notes, and `make_field`, which picks one for a question).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from branch_client.i18n import translate
from forms import Choice, Row

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
#: Arrow keys in a group of options: one step back or forward, whatever the layout's direction.
ARROW_STEPS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_Right: 1}
# Lists this short are shown as buttons; longer ones, and `search` appearance, as a searchable list.
MAX_BUTTONS = 5


def choice_text(choice: Choice, lang: str) -> str:
    """A choice as a searchable list shows it. A place, in the UI language first, then in the
    other script (“ភ្នំពេញ — Phnom Penh”): its romanised spelling is its name in Latin
    letters, as the owner may say it. An option described in words (an activity, found by its
    keywords in either language) in the UI language only: its English description is no name,
    and a Khmer screen shows no English sentence."""
    first = choice.label(lang)
    if choice.keywords:
        return first
    other = choice.label("en" if lang == "km" else "km")
    return first if not other or other == first else f"{first} — {other}"


def repolish(widget: QWidget) -> None:
    """Apply the style sheet again after a property it reads (`invalid`, `problem`) changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class FieldWidget(QFrame):
    """A question: title, hint, editor, message, remark. Subclasses provide the editor.

    Signals:
        changed(str, object): the question's name and its answer as typed (None when empty).
        left(str): focus left the question.
        advance(str): Enter was pressed on the question.
    """

    changed = Signal(str, object)
    left = Signal(str)
    advance = Signal(str)

    def __init__(self, row: Row, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.name = row.name
        self.lang = lang
        self._required = row.required or row.required_if is not None
        self._updating = False
        self.setObjectName("field")
        self.title = QLabel()
        self.title.setObjectName("fieldTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.hint = QLabel()
        self.hint.setObjectName("fieldHint")
        self.hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.remark = QLabel()
        self.remark.setObjectName("remarkText")
        self.remark.setWordWrap(True)
        self.remark.hide()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 6, 0, 6)
        self.layout_.setSpacing(4)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.hint)
        editor = self.build_editor()
        self.layout_.addWidget(editor)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.remark)
        self.attachment: QWidget | None = None
        for widget in self.editors():
            widget.installEventFilter(self)
        self.retranslate(lang)

    # ------------------------------------------------------------------ for subclasses
    def build_editor(self) -> QWidget:
        """The editor (or a container of editors) shown under the title."""
        raise NotImplementedError

    def editors(self) -> list[QWidget]:
        """Every widget that takes focus in this question."""
        return []

    def focus_widget(self) -> QWidget | None:
        """Where focus goes when the question is reached."""
        editors = self.editors()
        return editors[0] if editors else None

    def tab_stops(self) -> list[QWidget]:
        """The widgets Tab stops at in this question, in order: its editor (a group of buttons is
        one stop), then any button of its attachment (a duplicate's "Compare")."""
        stops: list[QWidget] = []
        target = self.focus_widget()
        if target is not None and target.isEnabled():
            stops.append(target)
        if self.attachment is not None and self.attachment.isVisible():
            stops += [
                w
                for w in self.attachment.findChildren(QAbstractButton)
                if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            ]
        return stops

    def value(self) -> object:
        """The answer as typed, None when empty."""
        return None

    def set_value(self, value: object) -> None:
        """Show `value` (as stored in a draft) without emitting `changed`."""
        self._updating = True
        try:
            self._show_value(value)
        finally:
            self._updating = False

    def _show_value(self, value: object) -> None:
        del value

    def set_choices(self, choices: Sequence[Choice]) -> None:
        """The options to offer (selects; the address cascade filters them)."""
        del choices

    def _retranslate_editor(self) -> None:
        """Texts inside the editor (choice labels, placeholders) in `self.lang`."""

    def _emit_changed(self) -> None:
        if not self._updating:
            self.changed.emit(self.name, self.value())

    # ------------------------------------------------------------------ shared behaviour
    def retranslate(self, lang: str) -> None:
        """Title, hint and options in `lang` (km or en)."""
        self.lang = lang
        label = html.escape(self.row.label(lang))
        if self._required:
            tip = html.escape(translate("Capture", "Required"))
            label += f' <span style="color:#b00020" title="{tip}">*</span>'
        self.title.setText(label)
        hint = self.row.hint(lang)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self._retranslate_editor()

    def set_error(self, message: str | None) -> None:
        """Show `message` under the editor (None hides it) and mark the editor."""
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        for widget in self.editors():
            if bool(widget.property("invalid")) != bool(message):
                widget.setProperty("invalid", bool(message))
                repolish(widget)

    def set_remark(self, message: str) -> None:
        """The centre's message about this question (a correction); "" hides it."""
        if message:
            self.remark.setText(translate("Capture", "CAM-IE centre: %1").replace("%1", message))
        self.remark.setVisible(bool(message))

    def set_attachment(self, widget: QWidget | None) -> None:
        """A widget shown under the question (a possible duplicate found as the teller types);
        None removes the current one. The field owns it from now on."""
        if self.attachment is widget:
            return
        if self.attachment is not None:
            self.layout_.removeWidget(self.attachment)
            self.attachment.hide()
            self.attachment.deleteLater()
        self.attachment = widget
        if widget is not None:
            self.layout_.addWidget(widget)
            widget.show()

    def contains_focus(self) -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and (focused is self or self.isAncestorOf(focused))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.FocusOut and isinstance(event, QFocusEvent):
            if event.reason() not in (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason):
                QTimer.singleShot(0, self, self._maybe_left)  # not called if the field is gone
        elif (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and self._enter_pressed(watched)
        ):
            return True
        return super().eventFilter(watched, event)

    def _enter_pressed(self, watched: QObject) -> bool:
        """Enter on an editor: commit and ask for the next question. True when consumed."""
        del watched
        self.commit()
        self.left.emit(self.name)
        self.advance.emit(self.name)
        return True

    def commit(self) -> None:
        """Take what is typed as the answer (editors that do not answer per keystroke)."""

    def _maybe_left(self) -> None:
        if not self.contains_focus():
            self.commit()
            self.left.emit(self.name)


__all__ = ["ARROW_STEPS", "ENTER_KEYS", "MAX_BUTTONS", "FieldWidget", "choice_text", "repolish"]
