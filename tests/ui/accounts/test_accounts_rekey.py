"""The Accounts page and issue 15: rows that do not verify, re-keying the store, forged policies."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from branch_client.store import BranchDirectory, RecoveryKey, Role, Session, policy
from branch_client.store.errors import StoreCorrupt
from branch_client.store.roles import AccountNotVerified, RoleKeyMissing, RolesNotSigned
from branch_client.ui import dialogs, error_text
from branch_client.ui.accounts.page import AccountsPage
from tests.conftest import MANAGER, TELLER

REKEY_TIMEOUT_MS = 30_000


@pytest.fixture
def page(qtbot: QtBot, manager_session: Session) -> AccountsPage:
    widget = AccountsPage(manager_session)
    qtbot.addWidget(widget)
    return widget


def _row(page: AccountsPage, username: str) -> int:
    return next(r for r in range(page.model.rowCount()) if page.model.row_at(r).account.username == username)


def test_a_forged_row_reads_not_verified_and_can_only_be_disabled(
    qtbot: QtBot, page: AccountsPage, monkeypatch: pytest.MonkeyPatch, branch: tuple[BranchDirectory, RecoveryKey]
) -> None:
    # The teller's edit, with the database key: she made herself a manager.
    page._session.db.execute("UPDATE accounts SET role = 'manager' WHERE username = ?", [TELLER[0]])
    page.refresh()
    row = _row(page, TELLER[0])
    assert page.model.data(page.model.index(row, 1)) == "Manager"  # what the row says …
    assert page.model.data(page.model.index(row, 2)) == "Not verified (changed outside the app)"  # … is not believed
    page.select_username(TELLER[0])
    assert not page.reset_button.isEnabled()
    assert not page.enable_button.isEnabled()
    assert page.disable_button.isEnabled()
    monkeypatch.setattr(dialogs, "ask_confirmation", lambda parent, title, question: True)
    with qtbot.waitSignal(page.store_rekeyed, timeout=REKEY_TIMEOUT_MS):
        page.disable_button.click()
    page.select_username(TELLER[0])
    row = _row(page, TELLER[0])
    assert page.model.data(page.model.index(row, 1)) == "Teller"
    assert page.model.data(page.model.index(row, 2)) == "Disabled"
    assert page.message.text() == "Account disabled. The branch's data has a new key."


def test_rekey_the_store_changes_the_key_under_a_busy_indicator(
    qtbot: QtBot, page: AccountsPage, monkeypatch: pytest.MonkeyPatch, branch: tuple[BranchDirectory, RecoveryKey]
) -> None:
    directory, recovery = branch
    old_slots = directory.slots_path.read_bytes()
    old_key = page._session.key
    asked: list[str] = []

    def confirm(parent: object, title: str, question: str) -> bool:
        asked.append(title)
        return True

    monkeypatch.setattr(dialogs, "ask_confirmation", confirm)
    with qtbot.waitSignal(page.store_rekeyed, timeout=REKEY_TIMEOUT_MS):
        page.rekey_button.click()
        assert page.rekey_running  # the busy indicator shows while the job runs
        assert page.progress is not None
        assert page.progress.labelText() == "Changing the key of the branch's data… Keep the computer on."
    assert asked == ["Re-key the store"]
    assert not page.rekey_running
    assert page.message.text() == "The branch's data has a new key."
    assert page._session.key != old_key
    assert [a.username for a in page._session.accounts()] == [MANAGER[0], TELLER[0]]  # still reads the store
    directory.unlock(*TELLER).close()  # nobody needed a new password
    current = directory.slots_path.read_bytes()
    directory.slots_path.write_bytes(old_slots)
    with pytest.raises(StoreCorrupt):  # an old copy of the slots opens nothing
        directory.unlock(*TELLER)
    directory.slots_path.write_bytes(current)
    directory.recover(str(recovery), "manager", "manager-pass-9").close()


def test_a_declined_rekey_changes_nothing(page: AccountsPage, monkeypatch: pytest.MonkeyPatch) -> None:
    old_key = page._session.key
    monkeypatch.setattr(dialogs, "ask_confirmation", lambda parent, title, question: False)
    page.rekey_button.click()
    assert not page.rekey_running
    assert page._session.key == old_key


def test_forged_policies_are_flagged_on_the_page(page: AccountsPage) -> None:
    assert page.warning.isHidden()
    page._session.db.execute(
        "INSERT INTO settings (key, value) VALUES ('policy.review_before_sync', '0')"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
    )
    page.refresh()
    assert not page.warning.isHidden()
    assert "changed outside the app" in page.warning.text()
    page._session.set_policy(policy.Policy(review_before_sync=False))  # a manager's save signs them
    page.refresh()
    assert page.warning.isHidden()


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (AccountNotVerified(), "changed outside the app"),
        (RolesNotSigned(), "A manager must sign in once"),
        (RoleKeyMissing(), "manager key is missing"),
    ],
)
def test_refusals_are_told_plainly(error: Exception, words: str) -> None:
    text = error_text.message_for(error)  # type: ignore[arg-type]
    assert words in text
    assert text != error_text.unexpected_error()


def test_a_new_manager_account_can_manage_after_signing_in(
    page: AccountsPage, monkeypatch: pytest.MonkeyPatch, branch: tuple[BranchDirectory, RecoveryKey]
) -> None:
    monkeypatch.setattr(
        dialogs, "ask_new_account", lambda parent: dialogs.NewAccount("deputy", Role.MANAGER, "deputy-pass-1")
    )
    page.new_button.click()
    deputy = branch[0].unlock("deputy", "deputy-pass-1")
    try:
        assert deputy.account.verified
        deputy.create_account("vanna", "vanna-pass-1")  # signs the row with the manager key
        assert all(a.verified for a in deputy.accounts())
    finally:
        deputy.close()


def test_after_a_rekey_the_sync_thread_and_the_draft_saver_use_the_new_key(
    qtbot: QtBot, manager_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workspace hands the new key to the connections other threads hold: the sync
    thread reads the store again and the draft being typed is still saved."""
    from branch_client.qt.sync_worker import SyncController
    from branch_client.ui.capture.page import CapturePage
    from branch_client.ui.workspace import Workspace
    from tests.ui.capture.helpers import fill

    assert manager_session.db_path is not None
    sync = SyncController(manager_session.db_path, manager_session.key, interval_ms=3_600_000)
    failures: list[str] = []
    sync._worker.failed.connect(failures.append)
    workspace = Workspace(manager_session, sync)
    qtbot.addWidget(workspace)
    capture = workspace.open("capture")
    assert isinstance(capture, CapturePage)
    capture.new_registration()
    fill(capture, {"family_name_latin": "Kim"})
    assert capture.flush()
    accounts = workspace.open("accounts")
    assert isinstance(accounts, AccountsPage)
    monkeypatch.setattr(dialogs, "ask_confirmation", lambda parent, title, question: True)
    try:
        with qtbot.waitSignal(accounts.store_rekeyed, timeout=REKEY_TIMEOUT_MS):
            accounts.rekey_button.click()
        with qtbot.waitSignal(sync.state_changed, timeout=10_000):  # read with the new key
            sync.refresh()
        assert failures == []
        fill(capture, {"given_name_latin": "Sreyneang"})  # typed after the re-key: saved
        assert capture.flush()
        draft = manager_session.draft(capture.draft_id or "")
        assert draft is not None
        assert draft.answers.get("given_name_latin") == "Sreyneang"
    finally:
        capture.close_drafts()
        sync.shutdown(wait_ms=5_000)
