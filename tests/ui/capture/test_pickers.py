"""The address and activity pickers forgive spelling: real SearchField widgets, typed into with keys.

"Daun Penh" finds Doun Penh, village "1" finds ភូមិ ១, "vegetable" and "បន្លែ" find activities
through their keywords, and Khmer typed in another order still finds its place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from branch_client.fonts import register_khmer_font
from branch_client.ui.capture.fields import SearchField, make_field
from forms import load_form
from forms.choices import Choice

FORM = load_form("cam_ie_registration", "2026.2")
PHNOM_PENH, DOUN_PENH = "12", "1202"
COMMUNE_WITH_NUMBERED_VILLAGES = "010607"  # Banteay Meanchey: ភូមិ ១ (Phum Muoy), …

MakeField = Callable[[str, Sequence[Choice]], tuple[SearchField, QLineEdit]]


@pytest.fixture
def make_picker(qtbot: QtBot, qapp: QApplication) -> Iterator[MakeField]:
    """A shown window with the picker for `name` and a line edit after it (where Tab goes)."""
    register_khmer_font(qapp)
    windows: list[QWidget] = []

    def make(name: str, choices: Sequence[Choice]) -> tuple[SearchField, QLineEdit]:
        field = make_field(FORM.fields[name], "en", choices)
        assert isinstance(field, SearchField)
        window = QWidget()
        layout = QVBoxLayout(window)
        layout.addWidget(field)
        after = QLineEdit()
        layout.addWidget(after)
        windows.append(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        line = field.combo.lineEdit()
        assert line is not None
        line.setFocus()
        qtbot.waitUntil(line.hasFocus)
        return field, after

    yield make
    for window in windows:
        if shiboken6.isValid(window):
            window.close()
            window.deleteLater()


def shown(field: SearchField) -> list[str]:
    """The codes of the options the list shows, best first."""
    return [str(field.filter.index(i, 0).data(Qt.ItemDataRole.UserRole)) for i in range(field.filter.rowCount())]


def type_into(qtbot: QtBot, field: SearchField, text: str) -> None:
    """Select what the box holds and type `text` over it, a key event per character (a Khmer
    character is sent as a Khmer keyboard layout sends it: QTest.keyClicks knows only Latin keys)."""
    line = field.combo.lineEdit()
    assert line is not None
    QTest.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(line, Qt.Key.Key_Backspace)
    for character in text:
        if character.isascii():
            QTest.keyClicks(line, character)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, line, Qt.Key.Key_unknown, character, Qt.KeyboardModifier.NoModifier
            )
    qtbot.waitUntil(lambda: line.text() == text)


def districts() -> list[Choice]:
    return FORM.choices("district", {"province": PHNOM_PENH})


def test_a_romanisation_variant_finds_the_district_and_enter_takes_it(qtbot: QtBot, make_picker: MakeField) -> None:
    field, after = make_picker("district", districts())
    type_into(qtbot, field, "Daun Penh")
    assert shown(field) == [DOUN_PENH]
    popup = field.completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    with qtbot.waitSignal(field.changed):  # Enter chooses the first option the list shows
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert field.value() == DOUN_PENH
    assert "Doun Penh" in field.combo.currentText()  # the box shows the name chosen, not the typed one
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(after.hasFocus)
    assert field.value() == DOUN_PENH


@pytest.mark.parametrize("query", ["doun penh", "Doun-Penh", "ដូនពេញ", "Penh", "ពេញ"])
def test_other_spellings_find_the_district(qtbot: QtBot, make_picker: MakeField, query: str) -> None:
    field, _ = make_picker("district", districts())
    type_into(qtbot, field, query)
    assert shown(field)[:1] == [DOUN_PENH]


def test_village_one_finds_the_village_written_with_a_khmer_digit(qtbot: QtBot, make_picker: MakeField) -> None:
    villages = FORM.choices("village", {"commune": COMMUNE_WITH_NUMBERED_VILLAGES})
    one = next(c for c in villages if c.labels["km"] == "ភូមិ ១")
    field, _ = make_picker("village", villages)
    for query in ("1", "១", "ភូមិ 1", "ភូមិ ១"):
        type_into(qtbot, field, query)
        assert shown(field)[:1] == [one.name], query
    type_into(qtbot, field, "Phum Muoy")
    assert one.name in shown(field)


def test_a_made_up_list_finds_numbers_in_either_digit_set(qtbot: QtBot, make_picker: MakeField) -> None:
    """Words that are numbers rank by the number: "1" puts ភូមិ ១ before ភូមិ ១០."""
    choices = [
        Choice("v10", {"km": "ភូមិ ១០", "en": "Phum 10"}, {"commune": "c"}),
        Choice("v2", {"km": "ភូមិ ២", "en": "Phum 2"}, {"commune": "c"}),
        Choice("v1", {"km": "ភូមិ ១", "en": "Phum 1"}, {"commune": "c"}),
    ]
    field, _ = make_picker("village", choices)
    type_into(qtbot, field, "1")
    assert shown(field) == ["v1", "v10"]
    type_into(qtbot, field, "២")
    assert shown(field) == ["v2"]


@pytest.mark.parametrize(
    ("query", "activity"),
    [
        ("vegetable", "isic_4781"),  # an English keyword of the market stall
        ("Vegetables", "isic_4781"),
        ("fish", "isic_4781"),
        ("បន្លែ", "isic_4781"),  # a Khmer keyword
        ("ស៊ុត", "isic_4781"),  # eggs
        ("សុ៊ត", "isic_4781"),  # eggs, the shifter typed after the vowel
        ("shoes", "isic_4782"),
        ("ស្បែកជើង", "isic_4782"),  # shoes in Khmer
        ("ស្បែកជេីង", "isic_4782"),  # with the split vowel
    ],
)
def test_activity_keywords_find_the_activity(qtbot: QtBot, make_picker: MakeField, query: str, activity: str) -> None:
    field, _ = make_picker("activity", FORM.choices("activity", {}))
    type_into(qtbot, field, query)
    assert activity in shown(field), query


def test_the_vegetable_farm_is_found_too_and_the_list_says_nothing_for_nonsense(
    qtbot: QtBot, make_picker: MakeField
) -> None:
    field, _ = make_picker("activity", FORM.choices("activity", {}))
    type_into(qtbot, field, "vegetable")
    found = shown(field)
    assert {"isic_4781", "isic_0113"} <= set(found)
    type_into(qtbot, field, "zzqx")
    assert shown(field) == []
    popup = field.completer.popup()
    assert popup is None or not popup.isVisible()
