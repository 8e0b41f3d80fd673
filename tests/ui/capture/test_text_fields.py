"""The text field with dates and amounts, typed key by key as a teller types them: a date as
on the ID card shows the age; an amount is grouped as typed and answered plain."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from branch_client.fonts import register_khmer_font
from branch_client.store import Session
from branch_client.ui.capture.fields import TextField, make_field
from branch_client.ui.capture.typed_text import group_typed, plain_amount
from forms import load_form
from forms.dates import age_on
from tests.ui.capture.conftest import MakePage

FORM = load_form()
TODAY = datetime.date.today()
MakeField = Callable[..., TextField]


@pytest.fixture
def make_text_field(qtbot: QtBot, qapp: QApplication) -> MakeField:
    """A real TextField for a question of the registration form, shown and focused."""
    register_khmer_font(qapp)  # Khmer digits in the age, drawn without font warnings

    def make(name: str, lang: str = "en") -> TextField:
        field = make_field(FORM.fields[name], lang)
        assert isinstance(field, TextField)
        qtbot.addWidget(field)
        with qtbot.waitExposed(field):
            field.show()
        field.activateWindow()
        field.edit.setFocus()
        qtbot.waitUntil(field.edit.hasFocus)
        return field

    return make


def type_keys(widget: QWidget, text: str) -> None:
    """Key events for `text`, one character each, as a Khmer keyboard layout sends them
    (QTest.keyClicks knows only the keys of a Latin keyboard)."""
    for character in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, character, Qt.KeyboardModifier.NoModifier)


def age_of(day: datetime.date) -> int:
    return age_on(day, datetime.date.today())


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["15-04-1988", "15/04/1988", "15.4.1988", "1988-04-15"])
def test_a_date_typed_as_on_the_id_card_shows_the_age(make_text_field: MakeField, typed: str) -> None:
    field = make_text_field("date_of_birth")
    assert field.edit.placeholderText() == "DD-MM-YYYY"
    assert not field.after.isVisible()
    QTest.keyClicks(field.edit, typed)
    assert field.after.isVisible()
    assert field.after.text() == f"age {age_of(datetime.date(1988, 4, 15))}"
    assert field.value() == typed  # the form reads it (and stores ISO) when it checks the answer
    assert FORM.normalise({"date_of_birth": field.value()})["date_of_birth"] == "1988-04-15"


def test_the_age_waits_for_a_whole_date_and_goes_with_it(make_text_field: MakeField, qtbot: QtBot) -> None:
    field = make_text_field("date_of_birth")
    QTest.keyClicks(field.edit, "15-04-19")
    assert not field.after.isVisible()  # a two-digit year is not a date: no age guessed
    QTest.keyClicks(field.edit, "88")
    assert field.after.text() == f"age {age_of(datetime.date(1988, 4, 15))}"
    QTest.keyClick(field.edit, Qt.Key.Key_Backspace)
    assert not field.after.isVisible()
    QTest.keyClicks(field.edit, "8")
    assert field.after.isVisible()
    field.edit.selectAll()
    QTest.keyClicks(field.edit, "31-02-1990")  # no such day: no age
    assert not field.after.isVisible()
    field.edit.selectAll()
    future = TODAY + datetime.timedelta(days=400)
    QTest.keyClicks(field.edit, f"{future.day:02d}-{future.month:02d}-{future.year}")
    assert not field.after.isVisible()


def test_the_age_is_written_with_khmer_digits_in_khmer(make_text_field: MakeField) -> None:
    field = make_text_field("date_of_birth", "km")
    type_keys(field.edit, "១៥-០៤-១៩៨៨")
    age = age_of(datetime.date(1988, 4, 15))
    khmer_age = str(age).translate(str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩"))
    assert khmer_age in field.after.text()
    assert not any(c.isascii() and c.isdigit() for c in field.after.text())
    field.retranslate("en")  # the UI language switches: the age follows
    assert field.after.text() == f"age {age}"


def test_a_stored_date_reads_as_on_the_card_and_keeps_its_day(make_text_field: MakeField) -> None:
    field = make_text_field("date_of_birth")
    field.set_value("1988-04-15")  # a correction opens the stored answer
    assert field.edit.text() == "15-04-1988"
    assert field.after.isVisible()
    field.set_value("15/04/19")  # a draft keeps what was typed, even unfinished
    assert field.edit.text() == "15/04/19"
    assert not field.after.isVisible()


# --- amounts -------------------------------------------------------------------------------


def test_an_amount_is_grouped_as_typed_and_stored_plain(make_text_field: MakeField, qtbot: QtBot) -> None:
    field = make_text_field("revenue_monthly")
    answers: list[object] = []
    field.changed.connect(lambda _name, value: answers.append(value))
    QTest.keyClicks(field.edit, "3000000")
    assert field.edit.text() == "3,000,000"
    assert field.edit.cursorPosition() == len("3,000,000")  # typing goes on at the end
    assert field.value() == "3000000"
    assert answers[-1] == "3000000"
    assert all(isinstance(a, str) and "," not in a for a in answers)  # never a separator in an answer
    assert FORM.normalise({"revenue_currency": "KHR", "revenue_monthly": field.value()})["revenue_monthly"] == 3_000_000


def test_typing_in_the_middle_keeps_the_cursor_between_the_same_digits(make_text_field: MakeField) -> None:
    field = make_text_field("revenue_monthly")
    QTest.keyClicks(field.edit, "300000")
    assert field.edit.text() == "300,000"
    field.edit.setCursorPosition(1)  # after the 3
    QTest.keyClicks(field.edit, "12")
    assert field.edit.text() == "31,200,000"
    assert field.edit.cursorPosition() == len("31,2")  # still right after the 2 just typed
    QTest.keyClicks(field.edit, "5")
    assert field.edit.text() == "312,500,000"
    assert field.value() == "312500000"


def test_backspace_and_delete_beside_a_separator_remove_a_digit(make_text_field: MakeField) -> None:
    field = make_text_field("revenue_monthly")
    QTest.keyClicks(field.edit, "1234567")
    assert field.edit.text() == "1,234,567"
    field.edit.setCursorPosition(2)  # just after the first separator
    QTest.keyClick(field.edit, Qt.Key.Key_Backspace)  # the 1 goes, not the separator
    assert field.edit.text() == "234,567"
    assert field.edit.cursorPosition() == 0
    field.edit.setCursorPosition(3)  # just before the separator
    QTest.keyClick(field.edit, Qt.Key.Key_Delete)  # the 5 goes
    assert field.edit.text() == "23,467"
    assert field.edit.cursorPosition() == len("23,4")  # still after the 4
    assert field.value() == "23467"


def test_khmer_digits_and_spaces_are_grouped_too(make_text_field: MakeField) -> None:
    field = make_text_field("revenue_monthly")
    type_keys(field.edit, "១២០០")
    assert field.edit.text() == "១,២០០"
    assert FORM.normalise({"revenue_currency": "USD", "revenue_monthly": field.value()})["revenue_monthly"] == 1200
    field.edit.clear()
    QTest.keyClicks(field.edit, "3 000 000")
    assert field.edit.text() == "3,000,000"


def test_text_that_is_no_number_is_left_as_typed(make_text_field: MakeField) -> None:
    field = make_text_field("revenue_monthly")
    QTest.keyClicks(field.edit, "12abc")
    assert field.edit.text() == "12abc"
    assert field.value() == "12abc"  # the form then says to enter a whole number
    assert FORM.validate({"revenue_currency": "KHR", "revenue_monthly": field.value()})["revenue_monthly"] == (
        "Enter a whole number."
    )


def test_a_year_or_a_count_is_never_grouped(make_text_field: MakeField) -> None:
    for name in ("start_year", "workers_female"):
        field = make_text_field(name)
        QTest.keyClicks(field.edit, "2015")
        assert field.edit.text() == "2015"
        assert field.value() == "2015"


def test_the_amount_shows_its_currency_sign(make_text_field: MakeField) -> None:
    field = make_text_field("revenue_monthly")
    assert not field.before.isVisible()
    assert not field.after.isVisible()
    field.set_currency("KHR")
    assert (field.before.isVisible(), field.after.text()) == (False, "៛")
    field.set_currency("USD")
    assert (field.before.text(), field.after.isVisible()) == ("$", False)
    field.set_currency(None)
    assert not field.before.isVisible()
    assert not field.after.isVisible()


def test_a_stored_amount_is_shown_grouped(make_text_field: MakeField) -> None:
    field = make_text_field("revenue_monthly")
    field.set_value(3_000_000)  # a correction opens the stored integer
    assert field.edit.text() == "3,000,000"
    assert field.value() == "3000000"


@pytest.mark.parametrize(
    ("text", "cursor", "expected"),
    [
        ("1234", 4, ("1,234", 5)),
        ("1,2345", 6, ("12,345", 6)),
        ("12345.5", 7, ("12,345.5", 8)),
        ("-1000", 5, ("-1,000", 6)),
        ("", 0, ("", 0)),
        ("12a", 3, ("12a", 3)),
        ("1,000,000", 0, ("1,000,000", 0)),
    ],
)
def test_group_typed(text: str, cursor: int, expected: tuple[str, int]) -> None:
    assert group_typed(text, cursor) == expected


@pytest.mark.parametrize(
    ("shown", "answer"), [("3,000,000", "3000000"), ("1,200.50", "1200.50"), (" 12 345 ", "12345"), ("1,2a", "1,2a")]
)
def test_plain_amount(shown: str, answer: str) -> None:
    assert plain_amount(shown) == answer


# --- in the wizard -------------------------------------------------------------------------


def test_in_the_wizard_a_date_is_checked_as_typed_from_the_card(
    make_page: MakePage, teller: Session, qtbot: QtBot
) -> None:
    del teller
    page = make_page()
    page.new_registration()
    wizard = page.wizard
    assert wizard is not None
    field = page.wizard_view.fields["date_of_birth"]
    assert isinstance(field, TextField)
    field.edit.setFocus()
    qtbot.waitUntil(field.edit.hasFocus)
    QTest.keyClicks(field.edit, "15/04/88")
    QTest.keyClick(field.edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "date_of_birth" in wizard.touched)
    assert field.error.text() == "Write the year in full, with four digits, for example 31-05-1990."
    field.edit.setFocus()
    qtbot.waitUntil(field.edit.hasFocus)
    field.edit.end(False)
    QTest.keyClick(field.edit, Qt.Key.Key_Backspace)
    QTest.keyClick(field.edit, Qt.Key.Key_Backspace)
    QTest.keyClicks(field.edit, "1988")
    assert wizard.answers["date_of_birth"] == "15/04/1988"
    assert wizard.error("date_of_birth") is None
    assert field.error.isHidden()
    assert field.after.text() == f"age {age_of(datetime.date(1988, 4, 15))}"


def test_a_name_pasted_with_zero_width_characters_loses_them_as_it_arrives(make_text_field: MakeField) -> None:
    field = make_text_field("given_name_km", "km")
    answers: list[object] = []
    field.changed.connect(lambda _name, value: answers.append(value))
    field.edit.setFocus()
    type_keys(field.edit, "ស")
    field.edit.insert("ុ\u200bភា\u200c")  # pasted from a chat app: a zero-width space and a non-joiner
    assert field.edit.text() == "សុភា"  # nothing invisible left to be drawn as a dotted circle
    assert field.edit.cursorPosition() == len("សុភា")
    assert answers[-1] == "សុភា"
    form = load_form()
    assert form.check_field("given_name_km", {"given_name_km": field.value()}, "km") is None
