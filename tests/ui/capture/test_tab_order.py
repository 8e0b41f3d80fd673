"""Tab order on every page of the registration wizard, in the real signed-in main window.

From a page's first input, Tab visits the inputs that apply in the order they are shown, top to
bottom (one stop for a group of radio buttons or check boxes), and then “Next”; nothing outside
the form (the sidebar, the footer's Save buttons, the step markers) takes focus on the way.
The answers make every conditional question apply (a national ID: its number and suffix).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from bench.keyboard_script import describe, owning_field
from branch_client.ui.capture.page import CapturePage
from forms import load_form
from forms.samples import SERVICES, generate_registrations
from tests.conftest import TELLER
from tests.ui.capture.helpers import fill
from tests.ui.conftest import MakeController
from tests.ui.test_flow import set_up_branch

WINDOW = (1366, 768)
PAGES = [page.name for page in load_form().pages]
__all__ = ["set_up_branch"]  # the fixture, shared with the flow tests
#: More Tab presses than any page has inputs: a loop that never reaches Next ends here.
MAX_STOPS = 40


def answers_where_everything_applies() -> dict[str, Any]:
    """A valid registration whose conditional questions all apply."""
    answers = dict(next(generate_registrations(1, seed=23)))
    answers["id_type"] = "national_id"
    answers["id_suffix"] = "01"
    answers["services"] = list(SERVICES)
    return answers


def capture_page_in_window(controller: Any, qtbot: QtBot) -> CapturePage:
    """The teller signed in to a 1366×768 window, a new registration filled in."""
    window = controller.window
    window.showNormal()
    window.resize(*WINDOW)
    with qtbot.wait_signal(controller.signed_in):
        controller.login_page.username.setText(TELLER[0])
        controller.login_page.password.setText(TELLER[1])
        controller.login_page.sign_in_button.click()
    with qtbot.wait_active(window):
        window.activateWindow()
    page = controller.workspace.open("capture")
    assert isinstance(page, CapturePage)
    page.new_registration()
    fill(page, answers_where_everything_applies())  # setting values: this test is about the order
    return page


def top(widget: QWidget, content: QWidget) -> int:
    """The widget's top edge on its page (the page's scrolled content, so scrolling to the
    focused question does not move it)."""
    return widget.mapTo(content, QPoint(0, 0)).y()


@pytest.mark.parametrize("page_name", PAGES)
def test_tab_visits_the_inputs_top_to_bottom_then_next(
    page_name: str, set_up_branch: Path, make_controller: MakeController, qtbot: QtBot
) -> None:
    controller = make_controller(directory=set_up_branch)
    page = capture_page_in_window(controller, qtbot)
    view = page.wizard_view
    wizard = page.wizard
    assert wizard is not None
    index = PAGES.index(page_name)
    view.show_page(index, focus=True)
    content = view.page_widgets[index].widget()
    shown = [
        row.name
        for row in wizard.visible_fields()
        if row.takes_answer and not row.read_only and view.fields[row.name].focus_widget() is not None
    ]
    assert shown, "the page has inputs"
    if page_name == "owner":
        assert {"id_number", "id_suffix"} <= set(shown)  # the conditional questions apply
    by_position = sorted(shown, key=lambda name: top(view.fields[name], content))
    assert by_position == shown  # the form's order is the order on screen
    qtbot.wait_until(lambda: view.fields[shown[0]].contains_focus())

    stops: list[str] = []
    tops: list[int] = []
    for _ in range(MAX_STOPS):
        focused = QApplication.focusWidget()
        assert focused is not None, f"page {page_name}: nothing has focus after {stops}"
        if focused is view.next_button:
            break
        question = owning_field(focused)
        where = f"page {page_name}: after {stops}, Tab went to {describe(focused)}, outside the page's inputs"
        assert question is not None, where
        assert question.name in shown, where
        if not stops or stops[-1] != question.name:
            stops.append(question.name)
            tops.append(top(focused, content))
        QTest.keyClick(focused, Qt.Key.Key_Tab)
    else:
        pytest.fail(f"page {page_name}: Tab never reached Next; it went through {stops}")

    assert stops == shown, f"page {page_name}: Tab order {stops}, shown order {shown}"
    assert tops == sorted(tops), f"page {page_name}: focus went up the page: {list(zip(stops, tops, strict=True))}"
    assert QApplication.focusWidget() is view.next_button
