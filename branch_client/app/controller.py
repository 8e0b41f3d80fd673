"""The application's flow: set-up → recovery key → sign-in → workspace, and back.

`AppController` owns the claimed data directory, the current session and the shell
window; the screens only emit what the user asked for and display what they are told.
Known errors become a message on the screen that caused them; anything else is a bug,
logged with its traceback, and the user gets a plain sentence instead of a crash.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog

from branch_client.app import preferences
from branch_client.app.preferences import Preferences
from branch_client.i18n import Translator
from branch_client.qt.sync_worker import DEFAULT_INTERVAL_MS, SyncController, wait_for_retired_threads
from branch_client.store import BranchDirectory, KnownError
from branch_client.ui import error_text
from branch_client.ui.actions import attempt
from branch_client.ui.idle import IdleWatcher
from branch_client.ui.setup.page import SetupPage
from branch_client.ui.shell import ShellWindow, StartupErrorPage
from branch_client.ui.sign_in.page import LoginPage, RecoverAccessPage
from branch_client.ui.widgets import busy_cursor

if TYPE_CHECKING:
    from branch_client.store import BranchInfo, KdfParams, Session
    from branch_client.ui.setup.recovery_key_page import RecoveryKeyPage
    from branch_client.ui.workspace import Workspace
    from sync.transport import RetryPolicy

# Only what the first window shows is imported above. The workspace and its pages, the
# recovery-key page, the dialogs, sync (HTTP), forms and the gazetteer are imported where
# they are first needed (sign-in, set-up, a question): until then they only lengthen the start.

log = logging.getLogger(__name__)

# At quit, how long to let a sync pass in the middle of a request finish (its read
# timeout is 30 s; a store left mid-transaction would still be consistent, as after a crash).
QUIT_WAIT_MS = 35_000


class AppController(QObject):
    """Moves the window between screens and holds the signed-in session.

    Signals:
        signed_in(object): the `Account` that signed in.
        locked(): the session was locked (idle or by hand); the sign-in screen is shown.
        signed_out(): the user signed out.
    """

    signed_in = Signal(object)
    locked = Signal()
    signed_out = Signal()

    def __init__(
        self,
        app: QApplication,
        data_dir: Path,
        *,
        preferences: Preferences,
        translator: Translator,
        kdf: KdfParams | None = None,
        demo_hint: str = "",
        sync_interval_ms: int = DEFAULT_INTERVAL_MS,
        sync_retry: RetryPolicy | None = None,
    ) -> None:
        super().__init__(app)
        self.data_dir = data_dir
        self.preferences = preferences
        self.translator = translator
        self._kdf = kdf
        self.directory: BranchDirectory | None = None
        self.session: Session | None = None
        self.workspace: Workspace | None = None
        self.sync: SyncController | None = None
        self._sync_interval_ms = sync_interval_ms
        self._sync_retry = sync_retry
        self._manager_username = ""  # pre-filled on sign-in after set-up

        self.window = ShellWindow()
        self.window.place(preferences.window_geometry_bytes())
        self.window.geometry_to_keep.connect(self._keep_geometry)
        self.setup_page = SetupPage()
        self._recovery_key_page: RecoveryKeyPage | None = None  # made when a key is first shown
        self.login_page = LoginPage()
        self.recover_page = RecoverAccessPage()
        self.error_page = StartupErrorPage()
        self.login_page.set_hint(demo_hint)
        self.idle = IdleWatcher(app, round(preferences.idle_lock_minutes * 60_000), parent=self)

        self.setup_page.create_requested.connect(self.create_branch)
        self.login_page.sign_in_requested.connect(self.sign_in)
        self.login_page.recovery_requested.connect(self._show_recover)
        self.recover_page.recover_requested.connect(self.recover)
        self.recover_page.back_requested.connect(lambda: self.show_login())
        self.error_page.quit_requested.connect(self.window.close)
        self.window.language_chosen.connect(self.set_language)
        self.window.lock_requested.connect(self.lock)
        self.window.sign_out_requested.connect(self.sign_out)
        self.window.change_password_requested.connect(self.change_password)
        self.idle.idle.connect(self.lock)
        app.aboutToQuit.connect(self.shutdown)
        self.window.close_guard = self._may_close
        self.window.set_language_checked(translator.language)

    @property
    def recovery_key_page(self) -> RecoveryKeyPage:
        """The page that shows a new recovery key, made the first time it is needed.

        A branch sees it once at set-up and again only when a manager replaces the key, so
        a start does not build it: its module brings the QR code and the recovery sheet,
        and it is the only first-window page that needs Qt's `Qt` namespace, whose Python
        enums take a tenth of a second to create."""
        if self._recovery_key_page is None:
            from branch_client.ui.setup.recovery_key_page import RecoveryKeyPage

            self._recovery_key_page = RecoveryKeyPage()
            self._recovery_key_page.acknowledged.connect(self._after_recovery_key)
        return self._recovery_key_page

    # --- start and stop -------------------------------------------------------------

    def start(self) -> None:
        """Claim the data directory and show set-up or sign-in (or why we cannot start)."""
        try:
            self.directory = BranchDirectory.claim(self.data_dir, kdf=self._kdf)
        except KnownError as exc:
            log.warning("cannot start: %s", exc.code)
            self.error_page.message.setText(error_text.message_for(exc))
            self.window.show_screen(self.error_page)
        else:
            if self.directory.is_set_up:
                self.show_login()
            else:
                self.window.show_screen(self.setup_page)
        self.window.show()

    def shutdown(self) -> None:
        """Close the session (audited), let a sync pass end, release the store for another process."""
        self.idle.disarm()
        self._close_session(reason="logout")
        if not wait_for_retired_threads(QUIT_WAIT_MS):
            log.warning("a sync pass was still running at quit")
        if self.directory is not None:
            self.directory.release()
            self.directory = None

    # --- set-up ---------------------------------------------------------------------

    def create_branch(self, code: str, name: str, username: str, password: str) -> None:
        """Create the branch store, then show the recovery key once."""
        assert self.directory is not None
        directory = self.directory
        ok, result = attempt(
            lambda: directory.create_branch(
                branch_code=code, branch_name=name, manager_username=username, manager_password=password
            ),
            self.setup_page.show_error,
        )
        if not ok or result is None:
            return
        session, recovery_key = result
        self._manager_username = session.account.username
        self._show_recovery_key(session.branch, str(recovery_key))  # first: nothing may lose the key
        self._enrol_at_setup(session)
        try:
            session.close(reason="setup_completed")
        except KnownError as exc:
            log.warning("set-up session closed without its audit entry: %s", exc.code)

    def _enrol_at_setup(self, session: Session) -> None:
        """Connect to the centre if its address and code were given; say how it went."""
        url, code = self.setup_page.centre_details()
        self.recovery_key_page.set_centre_note("")
        if not url:
            return
        from branch_client.services import sync as sync_service
        from branch_client.ui.sync import text as sync_text
        from sync.transport import InsecureURL, SyncError

        try:
            with busy_cursor():
                config = sync_service.enrol(session, url, code)
        except InsecureURL:
            note = sync_text.problem("insecure_url")
        except SyncError as exc:
            note = sync_text.problem(exc.code, exc.message, self.translator.language)
        except KnownError as exc:
            note = error_text.message_for(exc)
        else:
            note = self.tr("Connected to the CAM-IE centre. Its key fingerprint is %1.").replace(
                "%1", config.centre_fingerprint
            )
            self.recovery_key_page.set_centre_note(note)
            return
        self.recovery_key_page.set_centre_note(note + " " + self.tr("You can connect later from Sync status."))

    def _show_recovery_key(self, branch: BranchInfo, recovery_key: str) -> None:
        self.idle.disarm()  # the key is shown once: an idle lock must not take it away
        self.recovery_key_page.show_key(branch, recovery_key)
        self.window.show_screen(self.recovery_key_page)

    def _after_recovery_key(self) -> None:
        if self.session is not None and self.workspace is not None:  # a manager replaced the key
            self.window.show_screen(self.workspace)
            self.idle.arm()
        else:
            self.show_login(username=self._manager_username)

    def _may_close(self) -> bool:
        """Closing the window while an unconfirmed recovery key is shown needs a yes."""
        page = self._recovery_key_page
        if page is None or self.window.stack.currentWidget() is not page:
            return True
        if not page.is_showing_key():
            return True
        from branch_client.ui import dialogs

        return dialogs.ask_confirmation(
            self.window,
            self.tr("Recovery key not stored"),
            self.tr("The recovery key is shown only once. Quit without printing or saving it?"),
        )

    # --- signing in and out ---------------------------------------------------------

    def show_login(self, *, username: str = "", message: str = "") -> None:
        """The sign-in screen; if the store cannot be read, it says so and disables sign-in."""
        assert self.directory is not None
        try:
            branch = self.directory.branch_info()
        except KnownError as exc:
            self.login_page.prepare(None, message=error_text.message_for(exc))
        else:
            self.login_page.prepare(branch, username=username, message=message)
        self.window.show_screen(self.login_page)

    def sign_in(self, username: str, password: str) -> None:
        """Unlock the store as `username`; on success show the workspace for that role."""
        assert self.directory is not None
        directory = self.directory
        _, session = attempt(lambda: directory.unlock(username, password), self.login_page.show_error)
        if session is not None:
            self._enter(session)

    def recover(self, recovery_key: str, username: str, new_password: str) -> None:
        """Recovery key → new manager password → signed in."""
        assert self.directory is not None
        directory = self.directory
        _, session = attempt(
            lambda: directory.recover(recovery_key, username, new_password), self.recover_page.show_error
        )
        if session is not None:
            self.recover_page.reset()
            self._enter(session)

    def _show_recover(self) -> None:
        self.recover_page.reset()
        self.window.show_screen(self.recover_page)

    def _enter(self, session: Session) -> None:
        from branch_client.ui.workspace import Workspace

        self.session = session
        self.sync = self._start_sync(session)
        self.workspace = Workspace(session, self.sync)
        self.workspace.recovery_key_replaced.connect(lambda key: self._show_recovery_key(session.branch, key))
        self.workspace.news.connect(self.window.sync_indicator.set_news)
        self.window.show_screen(self.workspace)
        self.workspace.focus_page()  # keyboard first: a teller's Enter on her desk starts a registration
        self.window.set_signed_in((session.account.username, session.branch.name, session.account.is_manager))
        self.idle.arm()
        _warm_forms()
        self.signed_in.emit(session.account)

    def _start_sync(self, session: Session) -> SyncController | None:
        """Background sync for as long as someone is signed in (a lock or sign-out stops it)."""
        if session.db_path is None:
            return None
        sync = SyncController(
            session.db_path, session.key, interval_ms=self._sync_interval_ms, retry=self._sync_retry, parent=self
        )
        indicator = self.window.sync_indicator
        sync.state_changed.connect(indicator.set_snapshot)
        sync.online_changed.connect(indicator.set_online)
        sync.running_changed.connect(indicator.set_running)
        indicator.setVisible(True)
        sync.start()
        return sync

    def _stop_sync(self) -> None:
        self.window.sync_indicator.set_news(None)  # the next person to sign in starts afresh
        self.window.sync_indicator.setVisible(False)
        if self.sync is not None:
            sync, self.sync = self.sync, None
            sync.shutdown()
            sync.deleteLater()

    def lock(self) -> None:
        """Close the session and return to sign-in with the same username filled in."""
        if self.session is None:
            return
        username = self.session.account.username
        self._close_session(reason="session_locked")
        self.show_login(username=username, message=self.tr("The session was locked. Sign in again to continue."))
        self.locked.emit()

    def sign_out(self) -> None:
        """Close the session and show an empty sign-in screen."""
        if self.session is None:
            return
        self._close_session(reason="logout")
        self.show_login()
        self.signed_out.emit()

    def _close_session(self, *, reason: str) -> None:
        self.idle.disarm()
        _dismiss_modal_dialogs()
        self._stop_sync()
        self.window.set_signed_in(None)
        if self.workspace is not None:
            self.workspace.close_drafts()  # the last second of typing, before the key is dropped
            self.window.remove_screen(self.workspace)
            self.workspace = None
        if self.session is not None:
            session, self.session = self.session, None
            try:
                session.close(reason=reason)
            except KnownError as exc:  # e.g. disk full while auditing the sign-out
                log.warning("session closed without its audit entry: %s", exc.code)

    def change_password(self) -> None:
        """The signed-in account changes its own password."""
        if self.session is None:
            return
        from branch_client.ui import dialogs

        answer = dialogs.ask_password_change(self.window)
        if answer is None:
            return
        session = self.session

        def fail(message: str) -> None:
            dialogs.show_error(self.window, message)

        ok, _ = attempt(lambda: session.change_own_password(*answer), fail)
        if ok:
            dialogs.show_info(self.window, self.tr("Your password was changed."))

    # --- language -------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        """Switch the UI language now and remember it for the next start."""
        self.translator.set_language(language)
        self.window.set_language_checked(language)
        self.preferences = self.preferences.with_language(language)
        preferences.save(self.data_dir, self.preferences)

    def _keep_geometry(self, geometry: bytes) -> None:
        """Remember where the window was left, for the next start (this PC's preferences)."""
        self.preferences = self.preferences.with_window_geometry(geometry)
        preferences.save(self.data_dir, self.preferences)


_warmed = threading.Event()


def _warm_forms() -> None:
    """Load the registration form and index the gazetteer on a background thread, once per
    process: a teller's first address or first check then does not pause the window."""
    if _warmed.is_set():
        return
    _warmed.set()
    from forms import geo, load_form

    def warm() -> None:
        try:
            load_form().plan  # noqa: B018 - compiles the validation plan
            geo.warm()
        except Exception:
            log.exception("warming the form failed")

    threading.Thread(target=warm, name="forms-warm", daemon=True).start()


def _dismiss_modal_dialogs() -> None:
    """Cancel any open dialog, so nothing it returns acts on a session that is now closed."""
    for _ in range(20):  # dialogs may stack; never loop forever
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()
