"""The wizard by keyboard: Tab stays in the form and reaches Next, a group of choices is one
stop moved through with the arrows, the address cascade keeps focus flowing, leaving needs its
own key; the consent note in the owner's language; progress and step titles."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from branch_client.ui.capture.fields import ButtonsField, SearchField
from branch_client.ui.capture.page import CapturePage
from tests.ui.capture.conftest import MakePage


class QTestKhmer:
    """Khmer text as a Khmer keyboard layout sends it (QTest.keyClicks sends Latin-1 only)."""

    @staticmethod
    def type(widget: QWidget, text: str) -> None:
        for char in text:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def open_new(qtbot: QtBot, make_page: MakePage) -> CapturePage:
    page = make_page()
    page.resize(1366, 768)
    qtbot.keyClick(page.start_view.new_button, Qt.Key.Key_Return)
    assert page.wizard is not None
    return page


def page_named(page: CapturePage, field: str) -> int:
    assert page.wizard is not None
    index = page.wizard.page_of(field)
    assert index is not None
    return index


def test_the_services_group_is_one_stop_moved_with_arrows_and_toggled_with_space(
    qtbot: QtBot, make_page: MakePage
) -> None:
    page = open_new(qtbot, make_page)
    view = page.wizard_view
    view.show_page(page_named(page, "services"))
    services = view.fields["services"]
    assert isinstance(services, ButtonsField)
    view.focus_field("services")
    names = list(services.buttons)
    assert len(names) >= 4
    for name in names:  # every service is reached and chosen by keys alone
        assert focused() is services.buttons[name]
        qtbot.keyClick(focused(), Qt.Key.Key_Space)
        qtbot.keyClick(focused(), Qt.Key.Key_Down)
    assert focused() is services.buttons[names[0]]  # the arrows wrap round the group
    assert page.wizard is not None
    assert page.wizard.answers["services"] == names
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # one Tab leaves the whole group
    assert not services.isAncestorOf(focused())
    assert view.isAncestorOf(focused())


def test_tab_from_the_last_question_goes_to_next_and_then_round_the_form(qtbot: QtBot, make_page: MakePage) -> None:
    page = open_new(qtbot, make_page)
    view = page.wizard_view
    stops = view.tab_stops()
    assert stops[-1] is view.next_button
    assert view.close_button not in stops
    assert view.save_button not in stops
    assert view.back_button not in stops
    view.focus_field("family_name_km")
    seen = [focused()]
    for _ in range(len(stops)):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        seen.append(focused())
    assert view.next_button in seen
    assert all(view.isAncestorOf(widget) for widget in seen)  # never the sidebar or anything outside
    assert seen[-1] is seen[0]  # from Next, Tab wraps to the page's first question
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    assert focused() is view.next_button


def test_the_footer_s_leaving_buttons_are_no_stops_and_have_their_own_keys(qtbot: QtBot, make_page: MakePage) -> None:
    page = open_new(qtbot, make_page)
    view = page.wizard_view
    for button in (view.close_button, view.save_button, view.back_button):
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
        assert not button.autoDefault()
        assert not button.isDefault()
    assert "Ctrl+W" in view.close_button.text()
    view.focus_field("family_name_latin")
    with qtbot.waitSignal(view.close_requested):
        qtbot.keyClick(focused(), Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)


def test_the_address_cascade_keeps_focus_flowing(qtbot: QtBot, make_page: MakePage) -> None:
    page = open_new(qtbot, make_page)
    view = page.wizard_view
    wizard = page.wizard
    assert wizard is not None
    view.show_page(page_named(page, "province"))
    order = ["province", "district", "commune", "village"]
    typed = {"province": "Phnom Penh", "district": "Daun Penh"}
    view.focus_field("province")
    for name in order:
        field = view.fields[name]
        assert isinstance(field, SearchField)
        assert field.isAncestorOf(focused()) or focused() is field.combo, name
        line = field.combo.lineEdit()
        assert line is not None
        line.selectAll()
        text = typed.get(name) or field.matches("")[0].label("en")
        qtbot.keyClicks(focused(), text)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # takes the match and moves on: the next list is ready
        assert wizard.answers.get(name), name
        assert field.error.isHidden(), field.error.text()
    assert wizard.answers["district"] == "1202"  # Daun Penh is how many spell Doun Penh
    assert view.fields["address_detail"].isAncestorOf(focused())


def test_consent_is_shown_in_the_language_the_owner_reads(
    qtbot: QtBot, make_page: MakePage, language: Callable[[str], None]
) -> None:
    language("en")
    page = open_new(qtbot, make_page)
    view = page.wizard_view
    wizard = page.wizard
    assert wizard is not None
    note = view.fields["consent_text"]
    km, en = note.row.label("km"), note.row.label("en")
    view.show_page(page_named(page, "consent_text"))
    text = note.findChild(QWidget, "noteText")
    assert text is not None
    assert text.text() == km  # an English UI, an owner who reads Khmer (the default)
    owner = view.fields["owner_language"]
    assert isinstance(owner, ButtonsField)
    owner.buttons["both"].setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert text.text() == f"{km}\n\n{en}"
    owner.buttons["en"].setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert text.text() == en


def test_progress_counts_the_teller_s_answers_and_steps_carry_titles(
    qtbot: QtBot, make_page: MakePage, language: Callable[[str], None]
) -> None:
    language("km")
    page = open_new(qtbot, make_page)
    view = page.wizard_view
    wizard = page.wizard
    assert wizard is not None
    answered, required = wizard.progress()
    assert answered == 0 < required  # defaults (the branch's province) are not her answers yet
    assert view.progress.value() == 0
    assert view.progress.maximum() == required
    view.focus_field("family_name_latin")
    qtbot.keyClicks(focused(), "Sok")
    assert view.progress.value() == 1
    assert view.progress.fontMetrics().horizontalAdvance(view.progress.text()) <= view.progress.width()  # Khmer fits
    required = {r.name for r in wizard.required_fields()}
    defaulted = next(name for name in wizard.defaults if name in required)
    view.show_page(wizard.page_of(defaulted) or 0)
    before = view.progress.value()
    view.go_next()  # passing a page accepts its defaults, and the header says so at once
    assert view.progress.value() > before
    for index, step in enumerate(view.step_buttons):
        assert step.text().startswith(f"{index + 1}. ")
        assert len(step.text()) > len(f"{index + 1}. ") + 1, step.text()  # a title, never a bare number
        assert step.toolTip()
        assert step.toolTip() != str(index + 1)
        assert step.fontMetrics().horizontalAdvance(step.text()) <= step.width() or not step.isVisible()


def test_a_digit_picks_the_option_of_that_number_and_enter_chooses_the_one_it_is_on(
    qtbot: QtBot, make_page: MakePage
) -> None:
    page = open_new(qtbot, make_page)
    view = page.wizard_view
    wizard = page.wizard
    assert wizard is not None
    sex = view.fields["sex"]
    assert isinstance(sex, ButtonsField)
    view.focus_field("sex")
    qtbot.keyClick(focused(), Qt.Key.Key_2)
    assert wizard.answers["sex"] == list(sex.buttons)[1]
    assert focused() is list(sex.buttons.values())[1]
    qtbot.keyClick(focused(), Qt.Key.Key_9)  # no ninth option: nothing changes
    assert wizard.answers["sex"] == list(sex.buttons)[1]
    QTestKhmer.type(focused(), "១")  # a Khmer keyboard's digit one
    assert wizard.answers["sex"] == next(iter(sex.buttons))

    id_type = view.fields["id_type"]
    assert isinstance(id_type, ButtonsField)
    view.focus_field("id_type")
    assert id_type.value() is None
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # nothing chosen: Enter takes the option it is on
    assert wizard.answers["id_type"] == next(iter(id_type.buttons))
    assert not id_type.contains_focus()  # and goes on

    view.show_page(page_named(page, "services"))
    services = view.fields["services"]
    assert isinstance(services, ButtonsField)
    view.focus_field("services")
    for key in (Qt.Key.Key_3, Qt.Key.Key_1, Qt.Key.Key_3):
        qtbot.keyClick(focused(), key)
    assert wizard.answers["services"] == [next(iter(services.buttons))]  # 3 ticked and unticked
    assert list(services.buttons.values())[2].toolTip()  # the option's key is told


def test_enter_never_gives_consent_and_the_review_scrolls_by_keys(qtbot: QtBot, make_page: MakePage) -> None:
    page = open_new(qtbot, make_page)
    view = page.wizard_view
    wizard = page.wizard
    assert wizard is not None
    view.show_page(page_named(page, "consent"))
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # owner's language: Khmer, on
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # consent is never given by a stray Enter
    assert "consent" not in wizard.answers
    assert wizard.on_review
    assert view.review.problems is not None
    assert "consent" in view.review.problems
    view.focus_field("consent")
    qtbot.keyClick(focused(), Qt.Key.Key_1)  # yes, on purpose
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert wizard.on_review
    assert view.review.value_text("consent")
    assert focused() is view.next_button
    bar = view.review.browser.verticalScrollBar()
    assert bar.maximum() > 0  # a whole registration is longer than the screen
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    assert bar.value() > 0
    qtbot.keyClick(focused(), Qt.Key.Key_Up)
    assert bar.value() == 0
    assert wizard.on_review  # the arrows did not leave the review
