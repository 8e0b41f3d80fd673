"""Building the running application: QApplication, font, language, logs, controller."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from branch_client import APP_NAME, __version__
from branch_client.app import preferences
from branch_client.app.controller import AppController
from branch_client.app.logging_setup import PrivateFormatter, install_excepthooks
from branch_client.app.logging_setup import configure as configure_logging
from branch_client.fonts import register_khmer_font
from branch_client.i18n import Translator
from branch_client.paths import resources_dir
from branch_client.store import KnownError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LaunchOptions:
    """What the command line asked for."""

    data_dir: Path
    demo: bool = False
    demo_centre: bool = True  # with demo: run the reference centre in this process
    language: str | None = None
    idle_minutes: float | None = None
    quit_when_shown: bool = False


def make_application(argv: list[str]) -> QApplication:
    """The QApplication with the app's identity and the Khmer font registered."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("CAM-IE")
    register_khmer_font(app)
    style = resources_dir() / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def build(app: QApplication, options: LaunchOptions) -> AppController:
    """Wire this PC's preferences, translations and the controller for `options.data_dir`."""
    try:
        configure_logging(options.data_dir / "logs")
    except OSError:
        # The data folder is unusable; the start-up screen will say so. Log to stderr meanwhile,
        # as privately as to the file (no exception's message, no answers).
        logging.basicConfig(level=logging.INFO)
        for handler in logging.getLogger().handlers:
            handler.setFormatter(PrivateFormatter())
    install_excepthooks()
    chosen = preferences.load(options.data_dir)
    if options.language is not None:
        chosen = chosen.with_language(options.language)
    if options.idle_minutes is not None:
        chosen = type(chosen)(language=chosen.language, idle_lock_minutes=options.idle_minutes)
    translator = Translator(app)
    translator.set_language(chosen.language)
    hint = ""
    if options.demo:
        # Only a demo start pays for the demo's imports (its seeding needs forms and sync).
        from branch_client.app.demo import demo_hint, prepare_demo_store

        try:
            prepare_demo_store(options.data_dir)
            hint = demo_hint()
        except KnownError as exc:  # in use, not writable, …: the start-up screen tells the user
            log.warning("demo store not prepared: %s", exc.code)
        else:
            if options.demo_centre:
                _start_demo_centre(app, options.data_dir)
    log.info("starting %s %s (demo=%s)", APP_NAME, __version__, options.demo)
    return AppController(app, options.data_dir, preferences=chosen, translator=translator, demo_hint=hint)


def _start_demo_centre(app: QApplication, data_dir: Path) -> None:
    """Run the reference centre beside the demo branch until the app quits."""
    from branch_client.app.demo import connect_demo_centre

    try:
        centre = connect_demo_centre(data_dir)
    except Exception:  # the demo still opens; the sync page then says it is not connected
        log.exception("demo centre did not start")
        return
    app.aboutToQuit.connect(centre.stop)


def run(options: LaunchOptions) -> int:
    """Start the app and run its event loop; returns the exit code."""
    app = make_application(sys.argv[:1])
    controller = build(app, options)
    if options.quit_when_shown:

        def report_and_quit() -> None:
            print("window-shown", flush=True)
            QTimer.singleShot(0, app.quit)

        controller.window.shown.connect(report_and_quit)
    controller.start()
    return app.exec()
