"""Decisions noticed: a pass that brings the centre's words says so once in the status bar,
puts a badge on the pages with something new, and the badge goes once the page is seen; a
pass report says what was sent and what was received. The whole app, a real centre on
loopback, the sync thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from branch_client.app.controller import AppController
from branch_client.qt.sync_worker import SyncController
from branch_client.store import states
from branch_client.ui.home.page import HomePage
from branch_client.ui.nav_badges import BADGE_ROLE
from branch_client.ui.sync.page import SyncPage
from branch_client.ui.workspace import Workspace
from central.runner import RunningCentre, start_centre
from tests.conftest import MANAGER
from tests.sync.helpers import sample_answers, submit
from tests.ui.conftest import MakeController
from tests.ui.sync.test_sync_ui import _enrolled_manager_idle


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[RunningCentre]:
    with start_centre(tmp_path / "centre.db") as running:
        yield running


def badge(workspace: Workspace, key: str) -> int:
    item = workspace.nav.item(workspace.nav_keys().index(key))
    assert item is not None
    count = item.data(BADGE_ROLE)
    return count if isinstance(count, int) else 0


def one_pass(qtbot: QtBot, sync: SyncController) -> None:
    with qtbot.wait_signal(sync.pass_finished, timeout=20_000) as finished:
        sync.sync_now()
    assert finished.args is not None
    assert finished.args[0].ok


def test_a_pass_with_decisions_is_said_once_and_badges_clear_when_the_page_is_seen(
    make_controller: MakeController, qtbot: QtBot, centre: RunningCentre
) -> None:
    controller: AppController = make_controller()
    _page, sync = _enrolled_manager_idle(controller, qtbot, centre)
    workspace = controller.workspace
    session = controller.session
    assert workspace is not None
    assert session is not None
    indicator = controller.window.sync_indicator
    home = workspace.open("home")
    assert isinstance(home, HomePage)
    assert (badge(workspace, "sync"), badge(workspace, "rejections")) == (0, 0)

    answers = sample_answers(3, seed=61)
    del answers[1]["sex"]  # the centre sends this one back
    submitted = submit(session, answers)
    one_pass(qtbot, sync)
    assert (badge(workspace, "sync"), badge(workspace, "rejections")) == (3, 1)
    assert "✉ 2 accepted, 1 sent back" in indicator.text()
    assert "From the centre: 3 decisions received: 2 accepted, 1 sent back" in indicator.label.toolTip()
    shown = indicator.label.text()  # as much as fits the status bar, never more
    assert indicator.label.fontMetrics().horizontalAdvance(shown) <= indicator.label.width()
    row = workspace.nav_keys().index("rejections")
    accessible = workspace.nav.item(row).data(Qt.ItemDataRole.AccessibleTextRole)
    assert accessible == "Rejections and review, 1 new"
    # The home page in view counts the news since the last look, and opens its lists.
    assert home.links["new_accepted"].text() == "2"
    assert home.links["new_sent_back"].text() == "1"
    assert home.links["sent_back"].text() == "1"

    workspace.open("rejections")  # seen: its badge goes, the other stays
    assert (badge(workspace, "sync"), badge(workspace, "rejections")) == (3, 0)
    workspace.open("home")
    assert (badge(workspace, "sync"), badge(workspace, "rejections")) == (3, 0)
    sync_page = workspace.open("sync")
    assert isinstance(sync_page, SyncPage)
    assert badge(workspace, "sync") == 0

    # A later decision at the centre comes with the next pass; a pass while a page is in
    # view leaves no badge on it.
    centre.store.decide(submitted[0], "needs_correction", "photo_unclear", "រូបថតមិនច្បាស់", "The photo is unclear.")
    workspace.open("home")
    one_pass(qtbot, sync)
    assert (badge(workspace, "sync"), badge(workspace, "rejections")) == (1, 1)
    assert "✉ 1 sent back" in indicator.text()
    assert "1 decision received: 1 sent back" in indicator.label.toolTip()
    assert session.state_counts()[states.NEEDS_CORRECTION] == 1

    one_pass(qtbot, sync)  # nothing new: the status bar no longer says it
    assert "✉" not in indicator.text()
    assert "decision" not in indicator.label.toolTip()
    assert (badge(workspace, "sync"), badge(workspace, "rejections")) == (1, 1)

    # Seen marks are kept in the store: signed out and in again, the news still waits.
    controller.sign_out()
    controller.login_page.username.setText(MANAGER[0])
    controller.login_page.password.setText(MANAGER[1])
    with qtbot.wait_signal(controller.signed_in, timeout=10_000):
        controller.login_page.sign_in_button.click()
    again = controller.workspace
    assert again is not None
    assert again is not workspace
    assert (badge(again, "sync"), badge(again, "rejections")) == (1, 1)
    again.open("rejections")
    assert badge(again, "rejections") == 0


def test_a_manual_pass_reports_what_it_sent_and_what_it_received(
    make_controller: MakeController, qtbot: QtBot, centre: RunningCentre
) -> None:
    controller: AppController = make_controller()
    page, sync = _enrolled_manager_idle(controller, qtbot, centre)
    assert controller.session is not None
    answers = sample_answers(4, seed=62)
    del answers[0]["sex"]
    submit(controller.session, answers)
    with qtbot.wait_signal(sync.pass_finished, timeout=20_000):
        page.sync_button.click()
    qtbot.wait_until(lambda: page.info.text() != "")
    assert page.info.text() == "Sync finished: sent 4, 4 decisions received: 3 accepted, 1 sent back."
