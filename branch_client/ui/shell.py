"""The one main window: menus, status bar, and a stack of whole-window screens.

The screens (set-up, recovery key, sign-in, recovery, workspace, start-up error) are
swapped in the central stack by the controller; the window itself holds no logic beyond
where it opens: maximised on a small screen (the branch PC's 1366×768), else at a
comfortable size, or as it was left when the controller gives it a saved geometry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from branch_client import __version__
from branch_client.i18n import LANGUAGE_NAMES, ui_language
from branch_client.ui.sync.status_indicator import SyncIndicator
from branch_client.ui.widgets import Page, centered, message_label, title_label

if TYPE_CHECKING:
    from branch_client.ui.help import HelpDialog

#: The window opens maximised when the screen's free area is no larger than this in
#: either direction: the laptops and monitors of branch counters.
SMALL_SCREEN = (1366, 768)
#: The window's size on a larger screen (and when a maximised window is restored down).
DEFAULT_SIZE = (1100, 720)


def opens_maximised(available_width: int, available_height: int) -> bool:
    """Whether a window with no saved geometry opens maximised on a screen whose available
    area (without task bars) is `available_width` × `available_height`: on 1366×768 or less
    a 1100×720 window leaves only slivers around it, and the lists would scroll sideways."""
    return available_width <= SMALL_SCREEN[0] or available_height <= SMALL_SCREEN[1]


class StartupErrorPage(Page):
    """Shown instead of everything else when the app cannot start (store in use, …).

    Signals:
        quit_requested(): the user pressed Quit.
    """

    quit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title_label()
        self.message = message_label()
        self.quit_button = QPushButton()
        self.quit_button.clicked.connect(self.quit_requested)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.title)
        column.addWidget(self.message)
        column.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(centered(inner))
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("The Branch Client cannot start"))
        self.quit_button.setText(self.tr("Quit"))


class ShellWindow(QMainWindow):
    """Menus, status bar and the central stack of screens.

    Signals:
        language_chosen(str): the user picked a language in the menu.
        lock_requested(): Session → Lock now.
        sign_out_requested(): Session → Sign out.
        change_password_requested(): Session → Change my password.
        shown(): the window became visible (start-up benchmark and smoke checks).
        geometry_to_keep(bytes): the window is closing; its `saveGeometry()`, for the
            preferences (the controller gives it back to `place()` at the next start).
    """

    language_chosen = Signal(str)
    lock_requested = Signal()
    sign_out_requested = Signal()
    change_password_requested = Signal()
    shown = Signal()
    geometry_to_keep = Signal(bytes)

    def __init__(self) -> None:
        super().__init__()
        self.close_guard: Callable[[], bool] | None = None  # False keeps the window open
        self._maximise_on_show = False
        self.place()
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.user_label = QLabel()
        self.sync_indicator = SyncIndicator()
        self.sync_indicator.setVisible(False)
        self.statusBar().addWidget(self.sync_indicator, 1)
        self.statusBar().addPermanentWidget(self.user_label)

        self.session_menu = self.menuBar().addMenu("")
        self.lock_action = QAction(self)
        # Shortcuts go through the `shortcut` property (the same setter): setShortcut()'s
        # overloads make PySide6 create the whole `Qt` namespace (see ui/widgets.py).
        self.lock_action.setProperty("shortcut", QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_requested)
        self.change_password_action = QAction(self)
        self.change_password_action.triggered.connect(self.change_password_requested)
        self.sign_out_action = QAction(self)
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        self.quit_action = QAction(self)
        self.quit_action.setProperty("shortcut", QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        for action in (self.lock_action, self.change_password_action, self.sign_out_action):
            self.session_menu.addAction(action)
        self.session_menu.addSeparator()
        self.session_menu.addAction(self.quit_action)

        self.language_menu = self.menuBar().addMenu("")
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self, checkable=True)
            action.triggered.connect(lambda _checked=False, c=code: self.language_chosen.emit(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self.help_menu = self.menuBar().addMenu("")
        self.guide_action = QAction(self)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))  # F1
        self.guide_action.triggered.connect(self.show_help)
        self.help_menu.addAction(self.guide_action)
        self.help_dialog: HelpDialog | None = None  # made on the first F1
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)
        self.set_signed_in(None)
        self.retranslate()

    def retranslate(self) -> None:
        """Menus and title in the current language."""
        self.setWindowTitle(self.tr("CAM-IE Branch Client"))
        self.session_menu.setTitle(self.tr("&Session"))
        self.lock_action.setText(self.tr("&Lock now"))
        self.change_password_action.setText(self.tr("&Change my password…"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.quit_action.setText(self.tr("&Quit"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.guide_action.setText(self.tr("&Guide"))
        self.about_action.setText(self.tr("&About"))
        self._show_user()
        for menu in (self.session_menu, self.language_menu, self.help_menu):
            # Qt shortens a menu item whose mnemonic follows Khmer text ("… (&C)") by the width
            # of the "&" it does not draw: give each menu that much more, so nothing is cut.
            menu.setMinimumWidth(0)
            menu.setMinimumWidth(menu.sizeHint().width() + menu.fontMetrics().horizontalAdvance("&"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        self.geometry_to_keep.emit(self.saved_geometry())
        super().closeEvent(event)

    def place(self, saved: bytes = b"") -> None:
        """Where the window opens (call before it is shown): as it was left, when `saved`
        (from `saved_geometry()`) is readable (Qt moves it onto a screen that still exists);
        else maximised on a small screen (`opens_maximised`), or 1100×720 centred."""
        if saved and self.restoreGeometry(QByteArray(saved)):
            self._maximise_on_show = False
            return
        self.resize(*DEFAULT_SIZE)
        screen = self.screen()
        if screen is None:
            return
        area = screen.availableGeometry()
        self._maximise_on_show = opens_maximised(area.width(), area.height())
        if not self._maximise_on_show:
            frame = self.frameGeometry()
            frame.moveCenter(area.center())
            self.move(frame.topLeft())

    def saved_geometry(self) -> bytes:
        """The window's geometry and maximised state, as `place()` takes it back."""
        return bytes(self.saveGeometry().data())

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt's name
        # Maximised through showMaximized() rather than setWindowState(): the window state's
        # enum would create PySide6's whole `Qt` namespace for the first window (ui/widgets.py).
        if visible and self._maximise_on_show:
            self._maximise_on_show = False
            self.showMaximized()  # comes back here with the flag down
            return
        super().setVisible(visible)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.shown.emit()

    def show_help(self) -> None:
        """F1: the guide, at the section of what is on screen (a page of the workspace says
        which through its `help_section()`; the sign-in screens open it at its start)."""
        from branch_client.ui.help import HelpDialog

        screen = self.stack.currentWidget()
        section = getattr(screen, "help_section", None)
        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self)
        self.help_dialog.show_section(section() if callable(section) else "start")

    def show_screen(self, screen: QWidget) -> None:
        """Make `screen` the window's content (adding it to the stack if new)."""
        if self.stack.indexOf(screen) < 0:
            self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)

    def remove_screen(self, screen: QWidget) -> None:
        """Take `screen` out of the stack and delete it (a closed session's workspace)."""
        if self.stack.indexOf(screen) >= 0:
            self.stack.removeWidget(screen)
        screen.deleteLater()

    def set_language_checked(self, code: str) -> None:
        """Tick the current language in the menu."""
        self.language_actions[code].setChecked(True)

    def set_signed_in(self, who: tuple[str, str, bool] | None) -> None:
        """(username, branch, is manager) of the signed-in account, or None."""
        self._who = who
        for action in (self.lock_action, self.change_password_action, self.sign_out_action):
            action.setEnabled(who is not None)
        self._show_user()

    def _show_user(self) -> None:
        if self._who is None:
            self.user_label.setText("")
            return
        username, branch, is_manager = self._who
        role = self.tr("Manager") if is_manager else self.tr("Teller")
        self.user_label.setText(
            self.tr("%1 · signed in as %2 (%3)").replace("%1", branch).replace("%2", username).replace("%3", role)
        )

    def show_about(self) -> None:
        """Version, purpose and the data attributions."""
        QMessageBox.about(self, self.tr("About"), self.about_text())

    def about_text(self) -> str:
        """The About box's text (separate so it can be checked without a modal dialog).

        The gazetteer's attribution is imported here: `forms` is not needed to show the window."""
        from forms.geo import GEO_ATTRIBUTION_EN, GEO_ATTRIBUTION_KM

        return (
            f"<b>{self.tr('CAM-IE Branch Client')}</b> {__version__}<br>"
            + self.tr(
                "The registration desk of CAM-IE, the national informal-economy platform, for partner bank branches."
            )
            + "<br><br>"
            + self.tr("Khmer font: Noto Sans Khmer, SIL Open Font License 1.1.")
            + "<br><br>"
            + (GEO_ATTRIBUTION_KM if ui_language() == "km" else GEO_ATTRIBUTION_EN)
        )
