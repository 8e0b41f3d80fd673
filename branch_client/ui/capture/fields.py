"""One editor per form question: `make_field` picks it (text, a group of buttons, a
searchable list, a note); `field_base.FieldWidget` is what they share.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QObject,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from branch_client.i18n import translate
from branch_client.ui.capture.choice_fields import ButtonsField, ChoiceFilter, SearchField
from branch_client.ui.capture.field_base import MAX_BUTTONS, FieldWidget, choice_text
from branch_client.ui.capture.typed_text import age_text, group_typed, past_separator, plain_amount
from forms import Choice, Row
from forms.display import currency_symbol, is_amount, show_date
from forms.identity import drop_invisible
from forms.values import parse_iso_date


class TextField(FieldWidget):
    """Text, numbers and dates: one line, typed freely (Khmer digits, spaces, pasted text).

    A date is typed as the ID card prints it (`DD-MM-YYYY`, see `forms.dates`); once it is a
    whole date, the age it gives shows beside it, so a wrong year is seen at once. An amount
    (`forms.display.is_amount`) has its thousands grouped as it is typed, `3,000,000`, with
    its currency's sign beside it (`set_currency`); its answer is the digits alone.
    """

    def build_editor(self) -> QWidget:
        self.is_date = self.row.type == "date"
        self.is_amount = is_amount(self.row)
        self.edit = QLineEdit()
        self.edit.setObjectName(f"edit_{self.name}")
        if self.row.type in ("integer", "decimal", "date") or self.row.appearance == "numbers":
            self.edit.setMaximumWidth(320)
            self.edit.setInputMethodHints(Qt.InputMethodHint.ImhPreferNumbers)
        self.before = QLabel()  # "$" before an amount in dollars
        self.before.setObjectName("fieldUnit")
        self.after = QLabel()  # "៛" after an amount in riel; the age after a date of birth
        self.after.setObjectName("fieldAge" if self.is_date else "fieldUnit")
        box = QWidget()
        line = QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(6)
        line.addWidget(self.before)
        line.addWidget(self.edit, 1)
        line.addWidget(self.after)
        line.addStretch(0 if self.edit.maximumWidth() > 320 else 1)
        self.before.hide()
        self.after.hide()
        if self.is_amount:
            self.edit.textEdited.connect(self._group_as_typed)
        if self.row.normalise == "name":
            self.edit.textChanged.connect(self._drop_invisible)
        self.edit.textChanged.connect(self._text_changed)
        return box

    def _drop_invisible(self, text: str) -> None:
        """A name pasted from a document or a chat app often carries zero-width spaces or
        joiners: they go at once, so the name is not refused as "not Khmer script" nor drawn
        with dotted circles (the store drops them too: `forms.identity.normalise_name`)."""
        clean = drop_invisible(text)
        if clean != text:
            cursor = self.edit.cursorPosition()
            self.edit.setText(clean)
            self.edit.setCursorPosition(len(drop_invisible(text[:cursor])))

    def editors(self) -> list[QWidget]:
        return [self.edit]

    def value(self) -> object:
        text = self.edit.text()
        if not text.strip():
            return None
        return plain_amount(text) if self.is_amount else text

    def _show_value(self, value: object) -> None:
        text = "" if value is None else str(value)
        if self.is_amount:
            text = group_typed(text, 0)[0]
        elif self.is_date and parse_iso_date(text) is not None:
            text = show_date(text, self.lang, numeric=True)  # a stored answer, read as on the card
        if self.edit.text() != text:
            self.edit.setText(text)
        self._show_age()

    def set_currency(self, code: object) -> None:
        """The currency the amount is in (`KHR`, `USD`; the answer to the form's currency
        question), shown as its sign beside the amount; None shows none."""
        if not self.is_amount:
            return
        before, after = currency_symbol(code)
        self.before.setText(before)
        self.before.setVisible(bool(before))
        self.after.setText(after)
        self.after.setVisible(bool(after))

    def _text_changed(self) -> None:
        self._show_age()
        self._emit_changed()

    def _group_as_typed(self, text: str) -> None:
        """Group the amount's thousands at each keystroke, the cursor after the same digit."""
        grouped, cursor = group_typed(text, self.edit.cursorPosition())
        if grouped != text:
            self.edit.setText(grouped)
            self.edit.setCursorPosition(cursor)

    def _show_age(self) -> None:
        """Beside a whole date of birth, the age it gives today; nothing otherwise."""
        if self.is_date:
            age = age_text(self.edit.text(), self.lang)
            self.after.setText(age)
            self.after.setVisible(bool(age))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            self.is_amount
            and watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
            and not self.edit.hasSelectedText()
        ):  # a digit goes, never a group separator alone
            backwards = event.key() == Qt.Key.Key_Backspace
            self.edit.setCursorPosition(
                past_separator(self.edit.text(), self.edit.cursorPosition(), backwards=backwards)
            )
        return super().eventFilter(watched, event)

    def _retranslate_editor(self) -> None:
        if self.is_date:
            self.edit.setPlaceholderText(translate("Capture", "DD-MM-YYYY"))
            self._show_age()


class NoteField(FieldWidget):
    """A note: text to read (the consent statement), no answer."""

    def build_editor(self) -> QWidget:
        self.text = QLabel()
        self.text.setObjectName("noteText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return self.text

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.title.hide()
        self.hint.hide()
        self.text.setText(self.row.label(lang))


def make_field(row: Row, lang: str, choices: Sequence[Choice] = ()) -> FieldWidget:
    """The editor for `row`, with its options if it is a select."""
    field: FieldWidget
    if row.type == "note":
        field = NoteField(row, lang)
    elif row.type == "select_multiple" or (
        row.type == "select_one"
        and row.appearance != "search"
        and row.choice_filter is None
        and len(choices) <= MAX_BUTTONS
    ):
        field = ButtonsField(row, lang)
    elif row.type == "select_one":
        field = SearchField(row, lang)
    else:
        field = TextField(row, lang)
    field.set_choices(choices)
    return field


__all__ = [
    "ButtonsField",
    "ChoiceFilter",
    "FieldWidget",
    "NoteField",
    "SearchField",
    "TextField",
    "choice_text",
    "make_field",
]
