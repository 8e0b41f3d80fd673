"""The whole first-start journey through real widgets: set-up → key → sign-in → work → lock."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from branch_client.i18n import translate
from branch_client.store import BranchDirectory, RecoveryKey, audit
from branch_client.store.errors import StoreInUse, WrongPassword
from branch_client.ui import dialogs, error_text
from tests.conftest import FAST_KDF, MANAGER, TELLER
from tests.ui.conftest import MakeController


def _fill_setup(controller: object, *, confirm: str) -> None:
    page = controller.setup_page  # type: ignore[attr-defined]
    page.branch_code.setText("pnh-01")
    page.branch_name.setText("Phnom Penh — Psar Thmei")
    page.username.setText(MANAGER[0])
    page.password.setText(MANAGER[1])
    page.confirm.setText(confirm)


def decode_qr_in_pdf(path: Path) -> list[str]:
    """Render the PDF's first page and read every QR code on it (PDFium + ZXing)."""
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        bitmap = pdf[0].render(scale=2, grayscale=True)
        # One byte per pixel; a row's padding past the width is blank margin to the decoder.
        pixels = memoryview(bitmap.buffer).cast("B", shape=[bitmap.height, bitmap.stride])
        return [barcode.text for barcode in zxingcpp.read_barcodes(pixels)]
    finally:
        pdf.close()


def test_first_start_set_up_recovery_key_and_sign_in(
    make_controller: MakeController, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = make_controller()
    assert controller.window.stack.currentWidget() is controller.setup_page

    _fill_setup(controller, confirm="something-else")
    controller.setup_page.create_button.click()
    assert controller.setup_page.message.text() == error_text.passwords_differ()
    assert controller.directory is not None
    assert not controller.directory.is_set_up  # bad input changed nothing

    controller.setup_page.confirm.setText(MANAGER[1])
    controller.setup_page.create_button.click()
    assert controller.window.stack.currentWidget() is controller.recovery_key_page
    key_text = controller.recovery_key_page.key_label.text()
    RecoveryKey.parse(key_text)  # a well-formed key is shown
    assert not controller.recovery_key_page.qr_label.pixmap().isNull()

    pdf = tmp_path / "recovery.pdf"
    monkeypatch.setattr(dialogs, "choose_pdf_path", lambda parent, name: pdf)
    controller.recovery_key_page.save_button.click()
    assert decode_qr_in_pdf(pdf) == [key_text]

    assert not controller.recovery_key_page.continue_button.isEnabled()
    controller.recovery_key_page.stored.setChecked(True)
    controller.recovery_key_page.continue_button.click()
    assert controller.window.stack.currentWidget() is controller.login_page
    assert controller.login_page.username.text() == MANAGER[0]
    assert "PNH-01" in controller.login_page.branch_label.text()
    assert controller.recovery_key_page.key_label.text() == ""  # not left on screen

    controller.login_page.password.setText("wrong-password")
    controller.login_page.sign_in_button.click()
    assert controller.login_page.message.text() == error_text.message_for(WrongPassword())
    assert controller.session is None

    with qtbot.wait_signal(controller.signed_in):
        controller.login_page.password.setText(MANAGER[1])
        controller.login_page.sign_in_button.click()
    assert controller.workspace is not None
    assert controller.window.stack.currentWidget() is controller.workspace
    assert controller.workspace.nav_keys() == [
        "home",
        "capture",
        "registrations",
        "sync",
        "rejections",
        "accounts",
        "indicators",
        "audit",
    ]
    assert MANAGER[0] in controller.window.user_label.text()
    assert controller.workspace.stack.currentWidget() is controller.workspace.pages["home"]  # lands home


@pytest.fixture
def set_up_branch(data_dir: Path) -> Path:
    """A data directory with a branch (manager + teller), released for the app to claim."""
    directory = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
    session, _ = directory.create_branch(
        branch_code="PNH-01", branch_name="Psar Thmei", manager_username=MANAGER[0], manager_password=MANAGER[1]
    )
    session.create_account(*TELLER)
    session.close()
    directory.release()
    return data_dir


def sign_in(controller: object, qtbot: QtBot, username: str, password: str) -> None:
    page = controller.login_page  # type: ignore[attr-defined]
    with qtbot.wait_signal(controller.signed_in):  # type: ignore[attr-defined]
        page.username.setText(username)
        page.password.setText(password)
        page.sign_in_button.click()


def test_teller_sees_capture_registrations_and_what_was_sent_back(
    set_up_branch: Path, make_controller: MakeController, qtbot: QtBot
) -> None:
    controller = make_controller()
    sign_in(controller, qtbot, *TELLER)
    assert controller.workspace is not None
    assert controller.workspace.nav_keys() == ["home", "capture", "registrations", "rejections"]
    assert controller.workspace.nav.item(0).text() == "My desk"
    assert controller.workspace.nav.item(3).text() == "Sent back to me"
    assert controller.window.lock_action.isEnabled()


def test_language_switches_at_run_time_and_is_remembered(
    set_up_branch: Path, make_controller: MakeController, qtbot: QtBot
) -> None:
    controller = make_controller()
    sign_in(controller, qtbot, *MANAGER)
    assert controller.workspace is not None
    accounts_row = controller.workspace.nav_keys().index("accounts")
    assert controller.workspace.nav.item(accounts_row).text() == "Accounts"

    controller.window.language_actions["km"].trigger()
    # Qt delivers LanguageChange to each widget through the event loop.
    qtbot.wait_until(lambda: controller.workspace.nav.item(accounts_row).text() == "គណនី")
    assert controller.window.windowTitle() == "កម្មវិធីសាខា CAM-IE"
    accounts_page = controller.workspace.page("accounts")
    assert accounts_page.new_button.text() == "គណនីថ្មី…"  # type: ignore[attr-defined]
    assert translate("Errors", "The username or password is not correct.").startswith("ឈ្មោះអ្នកប្រើ")
    assert '"km"' in (set_up_branch / "settings.json").read_text()

    controller.window.language_actions["en"].trigger()
    qtbot.wait_until(lambda: controller.workspace.nav.item(accounts_row).text() == "Accounts")
    assert controller.window.windowTitle() == "CAM-IE Branch Client"


def test_sign_in_error_is_told_in_khmer(set_up_branch: Path, make_controller: MakeController) -> None:
    controller = make_controller(language="km")
    controller.login_page.username.setText(MANAGER[0])
    controller.login_page.password.setText("wrong-password")
    controller.login_page.sign_in_button.click()
    assert controller.login_page.message.text() == "ឈ្មោះអ្នកប្រើ ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវទេ។"


def test_idle_session_locks_back_to_sign_in(set_up_branch: Path, make_controller: MakeController, qtbot: QtBot) -> None:
    controller = make_controller()
    sign_in(controller, qtbot, *TELLER)
    assert controller.idle.armed
    controller.idle.set_timeout_ms(50)
    with qtbot.wait_signal(controller.locked, timeout=5000):
        pass
    assert controller.session is None
    assert controller.workspace is None
    assert controller.window.stack.currentWidget() is controller.login_page
    assert controller.login_page.username.text() == TELLER[0]
    assert controller.login_page.password.text() == ""
    assert not controller.window.lock_action.isEnabled()

    # The lock was audited; the store opens again with the same password.
    sign_in(controller, qtbot, *TELLER)
    assert controller.session is not None
    actions = [e.action for e in audit.entries(controller.session.db)]
    assert actions[:3] == ["login", "session_locked", "login"]


def test_input_keeps_the_session_alive(set_up_branch: Path, make_controller: MakeController, qtbot: QtBot) -> None:
    controller = make_controller()
    sign_in(controller, qtbot, *TELLER)
    with qtbot.wait_active(controller.window):
        controller.window.activateWindow()
    idle = controller.idle
    # Qt's coarse timers land within ±5 % of the interval (±150 ms here), and a countdown
    # restarted early may land on the same instant: let a third of the quiet time pass first.
    idle.set_timeout_ms(3_000)

    def a_third_of_the_quiet_time_passed() -> None:
        remaining = idle.remaining_ms
        assert remaining is not None, "locked"
        assert remaining < 2_000

    qtbot.wait_until(a_third_of_the_quiet_time_passed)
    focused = QApplication.focusWidget()
    assert focused is not None
    with qtbot.assert_not_emitted(controller.locked):
        qtbot.keyClick(focused, "a")
        remaining = idle.remaining_ms
    assert remaining is not None
    assert remaining > 2_000  # the key press started the quiet time again (at least 2,850 ms)
    assert controller.session is not None


def test_sign_out_and_lock_from_the_menu(set_up_branch: Path, make_controller: MakeController, qtbot: QtBot) -> None:
    controller = make_controller()
    sign_in(controller, qtbot, *MANAGER)
    with qtbot.wait_signal(controller.locked):
        controller.window.lock_action.trigger()
    sign_in(controller, qtbot, *MANAGER)
    with qtbot.wait_signal(controller.signed_out):
        controller.window.sign_out_action.trigger()
    assert controller.login_page.username.text() == ""


def test_store_in_use_is_told_on_a_start_up_screen(set_up_branch: Path, make_controller: MakeController) -> None:
    other = BranchDirectory.claim(set_up_branch, kdf=FAST_KDF)  # "another window"
    try:
        controller = make_controller()
        assert controller.window.stack.currentWidget() is controller.error_page
        assert controller.error_page.message.text() == error_text.message_for(StoreInUse())
    finally:
        other.release()


def test_damaged_slot_file_disables_sign_in_with_a_message(
    set_up_branch: Path, make_controller: MakeController
) -> None:
    (set_up_branch / "keyslots.json").write_text("{damaged")
    controller = make_controller()
    assert controller.window.stack.currentWidget() is controller.login_page
    assert not controller.login_page.sign_in_button.isEnabled()
    assert "damaged" in controller.login_page.message.text()
    assert (set_up_branch / "keyslots.json").read_text() == "{damaged"


def test_recovery_key_page_signs_the_manager_in(data_dir: Path, make_controller: MakeController, qtbot: QtBot) -> None:
    directory = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
    session, recovery = directory.create_branch(
        branch_code="PNH-01", branch_name="Psar Thmei", manager_username=MANAGER[0], manager_password=MANAGER[1]
    )
    session.close()
    directory.release()
    controller = make_controller()
    controller.login_page.forgot_button.click()
    page = controller.recover_page
    assert controller.window.stack.currentWidget() is page
    page.recovery_key.setText(str(RecoveryKey.generate()))
    page.username.setText(MANAGER[0])
    page.password.setText("new-manager-pass")
    page.confirm.setText("new-manager-pass")
    page.recover_button.click()
    assert "recovery key is not correct" in page.message.text()
    page.recovery_key.setText(str(recovery).lower())
    with qtbot.wait_signal(controller.signed_in):
        page.recover_button.click()
    assert controller.session is not None
    assert controller.session.account.username == MANAGER[0]


def test_change_own_password_from_the_menu(
    set_up_branch: Path, make_controller: MakeController, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = make_controller()
    sign_in(controller, qtbot, *TELLER)
    told: list[str] = []
    monkeypatch.setattr(dialogs, "ask_password_change", lambda parent: ("wrong-current", "teller-pass-9"))
    monkeypatch.setattr(dialogs, "show_error", lambda parent, message: told.append(message))
    monkeypatch.setattr(dialogs, "show_info", lambda parent, message: told.append(message))
    controller.window.change_password_action.trigger()
    assert told == [error_text.message_for(WrongPassword())]
    monkeypatch.setattr(dialogs, "ask_password_change", lambda parent: (TELLER[1], "teller-pass-9"))
    controller.window.change_password_action.trigger()
    assert told[-1] == "Your password was changed."
    controller.sign_out()
    sign_in(controller, qtbot, TELLER[0], "teller-pass-9")


def test_locking_while_a_dialog_is_open_cancels_the_dialog(
    set_up_branch: Path, make_controller: MakeController, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = make_controller()
    sign_in(controller, qtbot, *TELLER)
    told: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, message: told.append(message))
    monkeypatch.setattr(dialogs, "show_info", lambda parent, message: told.append(message))

    opened: list[QWidget] = []

    def lock_then_press_ok() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            return  # not open yet: look again on the next turn of the dialog's event loop
        watch.stop()
        opened.append(dialog)
        controller.lock()  # the idle lock fires while the real dialog is open
        if dialog.isVisible():  # a careless user then presses OK
            dialog.accept()  # type: ignore[attr-defined]

    watch = QTimer()
    watch.setInterval(10)
    watch.timeout.connect(lock_then_press_ok)
    watch.start()
    try:
        with qtbot.wait_signal(controller.locked, timeout=5000):
            controller.window.change_password_action.trigger()  # blocks in the dialog until the lock
    finally:
        watch.stop()
    assert len(opened) == 1  # the lock came while the dialog was open
    assert controller.session is None
    assert QApplication.activeModalWidget() is None
    assert told == []  # the dialog was cancelled: nothing ran against the closed session


def test_printing_the_recovery_key(
    make_controller: MakeController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = make_controller()
    _fill_setup(controller, confirm=MANAGER[1])
    controller.setup_page.create_button.click()
    key_text = controller.recovery_key_page.key_label.text()
    printed = tmp_path / "printer-output.pdf"

    def pdf_printer(parent: object, printer: QPrinter) -> bool:
        # The one stand-in: the print dialog. The printer itself is real, writing PDF.
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(dialogs, "choose_printer", pdf_printer)
    controller.recovery_key_page.print_button.click()
    assert decode_qr_in_pdf(printed) == [key_text]

    monkeypatch.setattr(dialogs, "choose_printer", lambda parent, printer: False)  # cancelled
    printed.unlink()
    controller.recovery_key_page.print_button.click()
    assert not printed.exists()
    assert controller.window.stack.currentWidget() is controller.recovery_key_page


def test_saving_the_recovery_pdf_where_it_cannot_be_written(
    make_controller: MakeController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = make_controller()
    _fill_setup(controller, confirm=MANAGER[1])
    controller.setup_page.create_button.click()
    blocked = tmp_path / "no-such-folder" / "recovery.pdf"
    monkeypatch.setattr(dialogs, "choose_pdf_path", lambda parent, name: blocked)
    controller.recovery_key_page.save_button.click()
    assert controller.recovery_key_page.message.text() == "The PDF could not be written there. Choose another folder."
    assert not blocked.exists()
    assert controller.recovery_key_page.key_label.text()  # the key is still on screen to try again


def test_closing_while_the_recovery_key_is_unconfirmed_asks_first(
    make_controller: MakeController, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = make_controller()
    controller.window.show()
    _fill_setup(controller, confirm=MANAGER[1])
    controller.setup_page.create_button.click()
    asked: list[str] = []

    def answer(parent: object, title: str, question: str, *, yes: bool) -> bool:
        asked.append(question)
        return yes

    monkeypatch.setattr(dialogs, "ask_confirmation", lambda p, t, q: answer(p, t, q, yes=False))
    assert not controller.window.close()
    assert controller.window.isVisible()
    assert controller.recovery_key_page.key_label.text()  # still there to print
    monkeypatch.setattr(dialogs, "ask_confirmation", lambda p, t, q: answer(p, t, q, yes=True))
    assert controller.window.close()
    assert len(asked) == 2


def test_the_idle_lock_waits_while_the_recovery_key_is_shown(make_controller: MakeController) -> None:
    controller = make_controller(idle_minutes=0.001)
    _fill_setup(controller, confirm=MANAGER[1])
    controller.setup_page.create_button.click()
    assert not controller.idle.armed


def test_a_manager_makes_a_new_recovery_key_and_returns_to_work(
    set_up_branch: Path, make_controller: MakeController, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = make_controller()
    sign_in(controller, qtbot, *MANAGER)
    assert controller.workspace is not None
    accounts = controller.workspace.open("accounts")
    monkeypatch.setattr(dialogs, "ask_confirmation", lambda parent, title, question: True)
    accounts.recovery_button.click()  # type: ignore[attr-defined]
    assert controller.window.stack.currentWidget() is controller.recovery_key_page
    assert not controller.idle.armed
    new_key = controller.recovery_key_page.key_label.text()
    controller.recovery_key_page.stored.setChecked(True)
    controller.recovery_key_page.continue_button.click()
    assert controller.window.stack.currentWidget() is controller.workspace
    assert controller.idle.armed
    controller.sign_out()
    assert controller.directory is not None
    controller.directory.recover(new_key, MANAGER[0], "after-recovery-1").close()
