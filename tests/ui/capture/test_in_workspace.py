"""The capture page inside the signed-in app: a lock in the middle of typing loses nothing."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from branch_client.ui.capture.fields import TextField
from branch_client.ui.capture.page import CapturePage
from tests.conftest import TELLER
from tests.ui.conftest import MakeController
from tests.ui.test_flow import set_up_branch, sign_in

__all__ = ["set_up_branch"]  # the fixture, shared with the flow tests


def test_typing_then_an_idle_lock_keeps_the_draft(
    set_up_branch: Path, make_controller: MakeController, qtbot: QtBot
) -> None:
    controller = make_controller()
    sign_in(controller, qtbot, *TELLER)
    assert controller.workspace is not None
    page = controller.workspace.open("capture")
    assert isinstance(page, CapturePage)
    page.new_registration()
    field = page.wizard_view.fields["family_name_latin"]
    assert isinstance(field, TextField)
    field.edit.setText("Sok")  # the lock comes before the saver's delay is over
    gone: list[bool] = []
    page.destroyed.connect(lambda: gone.append(True))
    controller.lock()
    qtbot.wait_until(lambda: bool(gone))  # the closed workspace goes, and its page with it

    sign_in(controller, qtbot, *TELLER)
    assert controller.workspace is not None
    again = controller.workspace.open("capture")
    assert isinstance(again, CapturePage)
    again.activated()
    assert again.drafts_model.rowCount() == 1
    assert again.drafts_model.draft_at(0).answers["family_name_latin"] == "Sok"
