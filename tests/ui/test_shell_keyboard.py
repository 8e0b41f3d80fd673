"""The workspace by keyboard, on a real signed-in window: the navigation takes no Tab stop,
Ctrl+1…9 open the pages, F6 goes to the navigation and back, Ctrl+N starts a registration
from any page; key events only (QTest.keyClick to the focused widget)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from branch_client.app.controller import AppController
from branch_client.ui.capture.page import CapturePage
from branch_client.ui.registrations.page import RegistrationsPage
from branch_client.ui.workspace import Workspace
from tests.conftest import MANAGER, TELLER
from tests.ui.conftest import MakeController
from tests.ui.test_flow import set_up_branch, sign_in

__all__ = ["set_up_branch"]  # the fixture, shared with the flow tests

CTRL = Qt.KeyboardModifier.ControlModifier


def signed_in(make_controller: MakeController, qtbot: QtBot, who: tuple[str, str]) -> tuple[AppController, Workspace]:
    controller = make_controller()
    sign_in(controller, qtbot, *who)
    workspace = controller.workspace
    assert workspace is not None
    controller.window.resize(1366, 728)
    controller.window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is controller.window)
    return controller, workspace


def key(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """`key` pressed where the focus is (the window when nothing has it)."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    QTest.keyClick(target, key, modifier)


def focus_in(widget: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is widget or widget.isAncestorOf(focused))


def test_ctrl_and_a_digit_open_each_page_and_put_the_focus_in_it(
    set_up_branch: Path, make_controller: MakeController, qtbot: QtBot
) -> None:
    _controller, workspace = signed_in(make_controller, qtbot, MANAGER)
    assert workspace.nav.focusPolicy() == Qt.FocusPolicy.NoFocus
    keys = workspace.nav_keys()
    assert len(keys) == 8
    for row in reversed(range(len(keys))):  # the last first: each page is made by its key
        key(qtbot, Qt.Key(Qt.Key.Key_1.value + row), CTRL)
        page = workspace.pages.get(keys[row])
        assert page is not None, keys[row]
        assert workspace.stack.currentWidget() is page
        assert workspace.nav.currentRow() == row
        assert focus_in(page), keys[row]
        assert "Ctrl+" + str(row + 1) in workspace.nav.item(row).toolTip()
        assert "F6" in workspace.nav.item(row).toolTip()
    key(qtbot, Qt.Key.Key_9, CTRL)  # no ninth page: nothing moves
    assert workspace.stack.currentWidget() is workspace.pages[keys[0]]


def test_f6_goes_to_the_navigation_where_arrows_move_and_enter_opens(
    set_up_branch: Path, make_controller: MakeController, qtbot: QtBot
) -> None:
    _controller, workspace = signed_in(make_controller, qtbot, TELLER)
    assert workspace.nav_keys() == ["home", "capture", "registrations", "rejections"]
    key(qtbot, Qt.Key.Key_3, CTRL)
    registrations = workspace.pages["registrations"]
    assert isinstance(registrations, RegistrationsPage)
    registrations.state_combo.setFocus()  # the teller was here
    key(qtbot, Qt.Key.Key_F6)
    assert workspace.nav.hasFocus()
    key(qtbot, Qt.Key.Key_F6)  # and back where she was
    assert registrations.state_combo.hasFocus()

    key(qtbot, Qt.Key.Key_F6)
    key(qtbot, Qt.Key.Key_Down)  # the arrows move in the list without opening yet
    assert workspace.nav.currentRow() == 3
    assert workspace.stack.currentWidget() is registrations
    key(qtbot, Qt.Key.Key_Up)
    key(qtbot, Qt.Key.Key_Up)
    assert workspace.nav.currentRow() == 1
    key(qtbot, Qt.Key.Key_Return)  # Enter opens it and goes into it
    capture = workspace.pages["capture"]
    assert workspace.stack.currentWidget() is capture
    assert focus_in(capture)

    key(qtbot, Qt.Key.Key_F6)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_F6)  # leaving without Enter: the page shown stays, and is marked
    assert workspace.stack.currentWidget() is capture
    assert workspace.nav.currentRow() == 1
    assert focus_in(capture)


def test_tab_never_lands_in_the_navigation(set_up_branch: Path, make_controller: MakeController, qtbot: QtBot) -> None:
    _controller, workspace = signed_in(make_controller, qtbot, TELLER)
    for row, name in enumerate(workspace.nav_keys()):
        key(qtbot, Qt.Key(Qt.Key.Key_1.value + row), CTRL)
        page = workspace.pages[name]
        seen: list[QWidget] = []
        for _ in range(40):  # past the page's last input, round to its first again
            key(qtbot, Qt.Key.Key_Tab)
            focused = QApplication.focusWidget()
            assert focused is not None
            assert focused is not workspace.nav, name
            assert page.isAncestorOf(focused), (name, focused)
            seen.append(focused)
        assert len(set(seen)) < len(seen), name  # it went round
        for _ in range(5):
            key(qtbot, Qt.Key.Key_Backtab)
            assert QApplication.focusWidget() is not workspace.nav


def test_ctrl_n_starts_a_registration_from_any_page_and_keeps_the_one_being_typed(
    set_up_branch: Path, make_controller: MakeController, qtbot: QtBot
) -> None:
    _controller, workspace = signed_in(make_controller, qtbot, TELLER)
    key(qtbot, Qt.Key.Key_3, CTRL)
    registrations = workspace.pages["registrations"]
    assert isinstance(registrations, RegistrationsPage)
    assert registrations.search_edit.hasFocus()
    key(qtbot, Qt.Key.Key_N, CTRL)
    capture = workspace.pages["capture"]
    assert isinstance(capture, CapturePage)
    assert workspace.stack.currentWidget() is capture
    assert capture.views.currentWidget() is capture.wizard_view
    first = capture.draft_id
    assert first is not None
    assert focus_in(capture)

    QTest.keyClicks(QApplication.focusWidget(), "Sok")  # the first question
    key(qtbot, Qt.Key.Key_N, CTRL)  # the capture page's own Ctrl+N: not two at once
    assert capture.draft_id not in (None, first)

    def kept() -> bool:
        capture.refresh_drafts()
        return capture.drafts_model.row_of(first) >= 0

    qtbot.wait_until(kept)  # the one being typed stays in the drafts

    key(qtbot, Qt.Key.Key_F6)  # from the navigation too
    assert workspace.nav.hasFocus()
    second = capture.draft_id
    key(qtbot, Qt.Key.Key_N, CTRL)
    assert capture.draft_id not in (None, first, second)
