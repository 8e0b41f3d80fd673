"""The branch home page: today's and this week's registrations by the owner's sex, what
waits and what needs the manager; every number opens the list it counts, filtered, and
agrees with it; a teller's smaller page counts her own; the keyboard reaches every number."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from branch_client.services import home
from branch_client.store import Session
from branch_client.ui.capture.page import CapturePage
from branch_client.ui.home.page import HomePage
from branch_client.ui.registrations.page import RegistrationsPage
from branch_client.ui.rejections.page import RejectionsPage
from branch_client.ui.workspace import Workspace
from tests.sync.helpers import sample_answers, submit_new


def owners(*sexes: str, seed: int) -> list[dict[str, object]]:
    answers = sample_answers(len(sexes), seed=seed)
    for answer, sex in zip(answers, sexes, strict=True):
        answer["sex"] = sex
    return answers


def shown(workspace: Workspace, qtbot: QtBot) -> Workspace:
    qtbot.addWidget(workspace)
    workspace.resize(1366, 740)
    workspace.show()
    with qtbot.wait_active(workspace):
        workspace.activateWindow()
    return workspace


def test_the_managers_numbers_open_the_lists_they_count(manager: Session, teller: Session, qtbot: QtBot) -> None:
    submit_new(teller, owners("female", "female", "male", seed=81))
    submit_new(manager, owners("female", "male", seed=82))
    last_month = (datetime.now(UTC) - timedelta(days=40)).isoformat()
    submit_new(manager, owners("female", seed=83), submitted_at=last_month)  # neither today nor this week
    submit_new(manager, owners("male", "male", seed=84), hold=True)  # held for review, submitted today

    workspace = shown(Workspace(manager), qtbot)
    page = workspace.pages["home"]
    assert isinstance(page, HomePage)
    assert workspace.stack.currentWidget() is page  # the manager lands here
    links = page.links
    assert [links[f"today_{s}"].text() for s in ("female", "male", "other", "all")] == ["3", "4", "0", "7"]
    assert links["held"].text() == "2"
    assert links["on_the_way"].text() == "6"  # last month's too: not sent yet
    # This week holds today's and no more: last month's is in neither.
    assert [links[f"week_{s}"].text() for s in ("female", "male", "other", "all")] == ["3", "4", "0", "7"]
    assert home.figures(manager, None).today_by_sex == {"female": 3, "male": 4, "other": 0}

    links["today_female"].click()
    registrations = workspace.stack.currentWidget()
    assert isinstance(registrations, RegistrationsPage)
    assert registrations.model.rowCount() == 3  # just the women-owned registrations of today
    assert registrations.scope_bar.isVisible()
    assert "Women-owned" in registrations.scope_label.text()
    registrations.scope_clear.click()
    assert not registrations.scope_bar.isVisible()
    assert registrations.model.rowCount() == 8  # every registration again

    workspace.open("home")
    links["today_all"].click()
    assert registrations.model.rowCount() == 7
    workspace.open("home")
    links["on_the_way"].click()
    assert registrations.state_combo.currentData() == "waiting"
    assert registrations.model.rowCount() == 6

    workspace.open("home")
    links["held"].click()
    rejections = workspace.stack.currentWidget()
    assert isinstance(rejections, RejectionsPage)
    assert rejections.tabs.currentWidget() is rejections.pending
    assert rejections.pending.model.rowCount() == 2


def test_a_tellers_desk_counts_her_own_and_starts_a_registration_by_keyboard(
    manager: Session, teller: Session, qtbot: QtBot
) -> None:
    submit_new(teller, owners("female", "other", seed=91))
    submit_new(manager, owners("female", "male", "male", seed=92))
    held = submit_new(teller, owners("female", seed=93), hold=True)
    manager.return_to_teller(held, "Ask for the owner's own phone.")

    workspace = shown(Workspace(teller), qtbot)
    page = workspace.pages["home"]
    assert isinstance(page, HomePage)
    assert workspace.nav.item(0).text() == "My desk"
    assert not page.links["today_female"].isHidden()
    assert page.links["today_all"].text() == "3"  # hers only: two, and the one returned to her
    assert page.links["today_female"].text() == "2"
    assert page.links["returned"].text() == "1"
    assert page.links["sent_back"].text() == "0"

    page.links["today_all"].click()  # her list: only her records of today
    registrations = workspace.stack.currentWidget()
    assert isinstance(registrations, RegistrationsPage)
    assert registrations.model.rowCount() == 3
    assert "mine" in registrations.scope_label.text()

    workspace.open("home")
    workspace.focus_page()
    assert QApplication.focusWidget() is page.new_button  # keyboard first: Enter starts one
    seen = []
    for _ in range(len(page.links) + 1):  # Tab goes through every number
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert set(page.links.values()) <= set(seen) | {page.new_button}
    page.new_button.setFocus()
    QTest.keyClick(page.new_button, Qt.Key.Key_Space)
    capture = workspace.stack.currentWidget()
    assert isinstance(capture, CapturePage)
    assert capture.wizard is not None  # a new registration, ready to type
