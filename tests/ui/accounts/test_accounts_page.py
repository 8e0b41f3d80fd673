"""The manager's Accounts page, driven through its buttons with the dialogs answered."""

from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from branch_client.store import BranchDirectory, RecoveryKey, Role, Session, audit
from branch_client.store.errors import AccountLocked, UsernameTaken, WrongPassword
from branch_client.ui import dialogs, error_text
from branch_client.ui.accounts.page import AccountsPage
from tests.conftest import MANAGER, TELLER


@pytest.fixture
def page(qtbot: QtBot, manager_session: Session) -> AccountsPage:
    widget = AccountsPage(manager_session)
    qtbot.addWidget(widget)
    return widget


def _usernames(page: AccountsPage) -> list[str]:
    return [page.model.row_at(r).account.username for r in range(page.model.rowCount())]


def test_model_passes_qtmodeltester(page: AccountsPage, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(page.model, force_py=True)
    page.refresh()
    qtmodeltester.check(page.model, force_py=True)


def test_lists_accounts_managers_first(page: AccountsPage) -> None:
    assert _usernames(page) == [MANAGER[0], TELLER[0]]
    assert page.model.data(page.model.index(1, 1)) == "Teller"
    assert page.model.data(page.model.index(1, 2)) == "Active"


def test_create_a_teller(page: AccountsPage, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        dialogs, "ask_new_account", lambda parent: dialogs.NewAccount("Dara", Role.TELLER, "dara-pass-1")
    )
    page.new_button.click()
    assert "dara" in _usernames(page)
    assert page.selected() is not None
    assert page.selected().account.username == "dara"  # type: ignore[union-attr]
    assert page.message.text() == "Account created."


def test_refused_creation_is_explained_and_changes_nothing(page: AccountsPage, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        dialogs, "ask_new_account", lambda parent: dialogs.NewAccount(TELLER[0], Role.TELLER, "other-pass-1")
    )
    before = _usernames(page)
    page.new_button.click()
    assert page.message.text() == error_text.message_for(UsernameTaken())
    assert _usernames(page) == before


def test_cancelled_dialog_does_nothing(page: AccountsPage, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialogs, "ask_new_account", lambda parent: None)
    before = _usernames(page)
    page.new_button.click()
    assert _usernames(page) == before


def test_disable_asks_first_then_disables(
    qtbot: QtBot, page: AccountsPage, monkeypatch: pytest.MonkeyPatch, branch: tuple[BranchDirectory, RecoveryKey]
) -> None:
    page.select_username(TELLER[0])
    monkeypatch.setattr(dialogs, "ask_confirmation", lambda parent, title, question: False)
    page.disable_button.click()
    assert page.selected().account.active  # type: ignore[union-attr]
    monkeypatch.setattr(dialogs, "ask_confirmation", lambda parent, title, question: True)
    page.disable_button.click()
    assert not page.selected().account.active  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not page.rekey_running)  # the store's re-key, on another thread
    assert page.model.data(page.model.index(1, 2)) == "Disabled"
    assert not page.disable_button.isEnabled()
    assert page.enable_button.isEnabled()
    with pytest.raises(WrongPassword):
        branch[0].unlock(*TELLER)


def test_reset_password_gives_a_working_new_password(
    page: AccountsPage, monkeypatch: pytest.MonkeyPatch, branch: tuple[BranchDirectory, RecoveryKey]
) -> None:
    page.select_username(TELLER[0])
    monkeypatch.setattr(dialogs, "ask_new_password", lambda parent, username: "teller-pass-7")
    page.reset_button.click()
    branch[0].unlock(TELLER[0], "teller-pass-7").close()


def test_the_manager_cannot_disable_their_own_row(page: AccountsPage) -> None:
    page.select_username(MANAGER[0])
    assert not page.disable_button.isEnabled()
    assert page.reset_button.isEnabled()


def test_unlock_clears_failed_sign_ins(qtbot: QtBot, branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    for _ in range(5):
        with pytest.raises((WrongPassword, AccountLocked)):
            directory.unlock(TELLER[0], "wrong-password")
    session = directory.unlock(*MANAGER)
    page = AccountsPage(session)
    qtbot.addWidget(page)
    page.select_username(TELLER[0])
    assert page.model.data(page.model.index(1, 2)) == "Locked (too many wrong passwords)"
    assert page.model.data(page.model.index(1, 4)) == "5"
    page.unlock_button.click()
    assert page.model.data(page.model.index(1, 4)) == "0"
    assert not page.unlock_button.isEnabled()
    assert "account_unlocked" in [e.action for e in audit.entries(session.db)]
    session.close()
    directory.unlock(*TELLER).close()
