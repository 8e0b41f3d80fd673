"""The record being typed and a registration it may duplicate, side by side.

Opened by "Compare" under a question (a duplicate found as the teller types) and from the
duplicate warning at Submit. The teller reads both with the owner: names in both scripts,
date of birth with age, ID, phone, business, village (with its commune, district and
province, names from the gazetteer), and the registered one's state, reference and day.
Rows whose answers differ are marked. Every value reads as everywhere else in the app
(`forms.display.show_answer`). Nothing here changes a record: "Continue this registration"
(also Escape, and Enter) closes, "Open the registered record" asks the page to show it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

import forms
from branch_client.i18n import translate
from branch_client.store import RecordDetail
from branch_client.ui.capture.duplicates import match_kind_text
from branch_client.ui.registrations import text as registrations_text
from forms.dates import age_on
from forms.display import show_answer, show_date, show_datetime
from forms.values import parse_iso_date

COMPARE_STYLE = """
QLabel#compareHeader { font-weight: bold; color: #1b2733; padding: 4px 6px; border-bottom: 2px solid #1f5fa8; }
QLabel#compareLabel { color: #5b6775; padding: 4px 6px; }
QLabel#compareValue { color: #1b2733; padding: 4px 6px; }
QLabel#compareLabel[differs="true"] { color: #7a4a00; font-weight: bold; background: #fff4e0; }
QLabel#compareValue[differs="true"] { background: #fff4e0; }
QLabel#compareLegend { color: #5b6775; }
"""
#: Marks a row whose two answers differ (with the row's colour).
DIFFERS_MARK = "≠"
_ADDRESS = ("village", "commune", "district", "province")


@dataclass(frozen=True)
class CompareRow:
    """One line of the comparison: what it is, both values as people read them, and
    whether they are compared (state, reference and day are not: they always differ)."""

    key: str
    label: str
    typed: str
    registered: str
    compared: bool = True

    @property
    def differs(self) -> bool:
        """The answers differ (compared rows only; case and spacing do not count)."""
        return self.compared and _folded(self.typed) != _folded(self.registered)


def submitted_day(stamp: str, lang: str, *, with_time: bool = False) -> str:
    """The local day (and time) a registration was submitted, as `12 November 2026, 09:40`
    with the month named in `lang`: the same on every computer, whatever its locale."""
    try:
        moment = datetime.datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    return show_datetime(moment, lang) if with_time else show_date(moment.date().isoformat(), lang)


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _answer(form: forms.Form, answers: Mapping[str, object], name: str, lang: str) -> str:
    row = form.fields.get(name)
    return "" if row is None else show_answer(form, row, answers.get(name), lang)


def _name(answers: Mapping[str, object], family: str, given: str) -> str:
    return " ".join(str(answers[n]).strip() for n in (family, given) if isinstance(answers.get(n), str)).strip()


def _birth(form: forms.Form, answers: Mapping[str, object], lang: str, today: datetime.date) -> str:
    shown = _answer(form, answers, "date_of_birth", lang)
    birth = answers.get("date_of_birth")
    born = parse_iso_date(birth) if isinstance(birth, str) else None  # the answers are normalised: ISO
    if not shown or born is None:
        return shown
    age = age_on(born, today)
    return translate("Compare", "%1 (age %2)").replace("%1", shown).replace("%2", str(age))


def _identity(form: forms.Form, answers: Mapping[str, object], lang: str) -> str:
    kind = _answer(form, answers, "id_type", lang)
    number = answers.get("id_number")
    suffix = answers.get("id_suffix")
    text = " ".join(p for p in (kind, number if isinstance(number, str) else "") if p)
    if isinstance(suffix, str) and suffix:
        text += f" ({suffix})"
    return text


def _place(form: forms.Form, answers: Mapping[str, object], lang: str) -> str:
    return ", ".join(p for p in (_answer(form, answers, name, lang) for name in _ADDRESS) if p)


def compare_rows(
    typed_form: forms.Form,
    typed: Mapping[str, object],
    registered: RecordDetail,
    registered_form: forms.Form,
    lang: str,
    *,
    today: datetime.date | None = None,
) -> list[CompareRow]:
    """The lines of the comparison. `typed` are the record's answers as stored
    (`Form.normalise` of what was typed), `registered` the registration in the store."""
    day = today or datetime.date.today()
    theirs = registered.answers
    rows = [
        CompareRow(
            "name_km",
            translate("Compare", "Name (Khmer script)"),
            _name(typed, "family_name_km", "given_name_km"),
            _name(theirs, "family_name_km", "given_name_km"),
        ),
        CompareRow(
            "name_latin",
            translate("Compare", "Name (Latin letters)"),
            _name(typed, "family_name_latin", "given_name_latin"),
            _name(theirs, "family_name_latin", "given_name_latin"),
        ),
        CompareRow(
            "date_of_birth",
            translate("Compare", "Date of birth"),
            _birth(typed_form, typed, lang, day),
            _birth(registered_form, theirs, lang, day),
        ),
        CompareRow(
            "id",
            translate("Compare", "Identity document"),
            _identity(typed_form, typed, lang),
            _identity(registered_form, theirs, lang),
        ),
        CompareRow(
            "phone",
            translate("Compare", "Phone number"),
            _answer(typed_form, typed, "phone", lang),
            _answer(registered_form, theirs, "phone", lang),
        ),
        CompareRow(
            "business_name",
            translate("Compare", "Business name"),
            _answer(typed_form, typed, "business_name", lang),
            _answer(registered_form, theirs, "business_name", lang),
        ),
        CompareRow(
            "village",
            translate("Compare", "Village"),
            _place(typed_form, typed, lang),
            _place(registered_form, theirs, lang),
        ),
        CompareRow(
            "state",
            translate("Compare", "State"),
            translate("Compare", "Being typed, not submitted"),
            registrations_text.state_name(registered.state),
            compared=False,
        ),
        CompareRow(
            "reference",
            translate("Compare", "Reference"),
            translate("Compare", "None yet"),
            registered.reference,
            compared=False,
        ),
        CompareRow(
            "submitted",
            translate("Compare", "Submitted"),
            "",
            submitted_day(registered.submitted_at, lang, with_time=True),
            compared=False,
        ),
    ]
    return rows


class CompareDialog(QDialog):
    """Both records side by side, and the choice: continue typing, or open the registered one.

    Signals:
        open_requested(str): the teller wants to see the registered record (its id).
    """

    open_requested = Signal(str)

    def __init__(
        self,
        typed_form: forms.Form,
        typed: Mapping[str, object],
        registered: RecordDetail,
        registered_form: forms.Form,
        lang: str,
        *,
        kinds: tuple[str, ...] = (),
        today: datetime.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setStyleSheet(COMPARE_STYLE)
        self.record_id = registered.record_id
        self.rows = compare_rows(typed_form, typed, registered, registered_form, lang, today=today)
        self.setWindowTitle(translate("Compare", "Compare with a registered owner"))
        self.setMinimumWidth(760)
        heading = translate("Compare", "Is this the same owner?")
        if kinds:
            heading += "  " + "; ".join(match_kind_text(k) for k in kinds)
        self.heading = QLabel(heading)
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        self.legend = QLabel(
            translate("Compare", "%1 marks the answers that differ. Check them with the owner.").replace(
                "%1", DIFFERS_MARK
            )
        )
        self.legend.setObjectName("compareLegend")
        self.legend.setWordWrap(True)

        self.cells: dict[tuple[str, str], QLabel] = {}
        grid_widget = QFrame()
        grid_widget.setObjectName("compareGrid")
        grid = QGridLayout(grid_widget)
        grid.setHorizontalSpacing(0)
        grid.setVerticalSpacing(0)
        headers = ["", translate("Compare", "This registration"), translate("Compare", "Already registered")]
        for column, text in enumerate(headers):
            header = QLabel(text)
            header.setObjectName("compareHeader")
            grid.addWidget(header, 0, column)
        for index, row in enumerate(self.rows, start=1):
            label = QLabel(f"{DIFFERS_MARK}  {row.label}" if row.differs else row.label)
            label.setObjectName("compareLabel")
            label.setWordWrap(True)
            self.cells[(row.key, "label")] = label
            grid.addWidget(label, index, 0)
            for column, (side, value) in enumerate((("typed", row.typed), ("registered", row.registered)), start=1):
                cell = QLabel(value or "—")
                cell.setObjectName("compareValue")
                cell.setWordWrap(True)
                cell.setTextFormat(Qt.TextFormat.PlainText)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.cells[(row.key, side)] = cell
                grid.addWidget(cell, index, column)
            for widget in (label, self.cells[(row.key, "typed")], self.cells[(row.key, "registered")]):
                widget.setProperty("differs", row.differs)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 3)
        grid.setRowStretch(len(self.rows) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_widget)

        self.buttons = QDialogButtonBox()
        self.continue_button = self.buttons.addButton(
            translate("Compare", "Continue this registration"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.open_button = self.buttons.addButton(
            translate("Compare", "Open the registered record"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setAutoDefault(False)
        self.continue_button.setDefault(True)  # Enter, like Escape, goes back to typing
        self.buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self._open)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.legend)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.continue_button.setFocus()

    def value(self, key: str, side: str) -> str:
        """The text shown for row `key` on `side` ("typed" or "registered")."""
        return self.cells[(key, side)].text()

    def differing(self) -> list[str]:
        """The keys of the rows marked as different."""
        return [row.key for row in self.rows if row.differs]

    def _open(self) -> None:
        self.open_requested.emit(self.record_id)
        self.accept()
