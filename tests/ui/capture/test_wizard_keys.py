"""The wizard by keyboard: Tab stays in the form and reaches Next, a group of choices is one
stop moved through with the arrows, the address cascade keeps focus flowing, leaving needs its
own key; the consent note in the owner's language; progress and step titles."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from branch_client.ui.capture.fields import ButtonsField, SearchField
from branch_client.ui.capture.page import CapturePage
from tests.ui.capture.conftest import MakePage

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")


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
    for index, step in enumerate(view.step_buttons):
        assert step.text().startswith(f"{index + 1}. ")
        assert len(step.text()) > len(f"{index + 1}. ") + 1, step.text()  # a title, never a bare number
        assert step.toolTip()
        assert step.toolTip() != str(index + 1)
        assert step.fontMetrics().horizontalAdvance(step.text()) <= step.width() or not step.isVisible()
