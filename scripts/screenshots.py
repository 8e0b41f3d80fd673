"""Render every screen offscreen, in English and Khmer, into docs/screenshots/.

`uv run python scripts/screenshots.py` — run it after changing a screen so the docs
never drift. It uses a throwaway demo store, never a real branch's data.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from branch_client.app import make_application  # noqa: E402
from branch_client.controller import AppController  # noqa: E402
from branch_client.demo import DEMO_ACCOUNTS, connect_demo_centre, demo_hint, prepare_demo_store  # noqa: E402
from branch_client.i18n import Translator  # noqa: E402
from branch_client.settings import Settings  # noqa: E402
from branch_client.store import BranchDirectory, BranchInfo, KdfParams, NewRegistration, RecoveryKey  # noqa: E402
from forms import load_form  # noqa: E402
from forms.samples import generate_registrations  # noqa: E402
from sync.ids import uuid7_str  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
FAST_KDF = KdfParams(iterations=2)  # screenshots only; real branches calibrate at set-up


def grab(controller: AppController, name: str, language: str) -> None:
    app = QApplication.instance()
    assert app is not None
    app.processEvents()
    path = OUT / f"{name}-{language}.png"
    controller.window.grab().save(str(path))
    print(path.relative_to(ROOT))


def wait_until(done: Callable[[], bool], timeout_s: float = 60) -> None:
    """Run the event loop until `done()` (a sync pass on its thread, for instance)."""
    app = QApplication.instance()
    assert app is not None
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not reach the state to show")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def submit_samples(data_dir: Path) -> None:
    """A morning's registrations in the demo store: eleven good, one the centre will reject."""
    directory = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
    session = directory.unlock("teller", DEMO_ACCOUNTS["teller"][0])
    form = load_form()
    for i, answers in enumerate(generate_registrations(12, seed=7)):
        if i == 5:
            answers = {**answers, "phone": "+85512"}  # too short: rejected by the centre's rules
        session.submit_registration(
            NewRegistration(
                record_id=uuid7_str(),
                form_id=form.form_id,
                form_version=form.version,
                answers=answers,
                captured_at="2026-11-24T09:00:00+07:00",
            )
        )
    session.close()
    directory.release()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv[:1])
    for language in ("en", "km"):
        with tempfile.TemporaryDirectory() as tmp:
            fresh, demo = Path(tmp) / "fresh", Path(tmp) / "demo"
            translator = Translator(app)
            translator.set_language(language)
            settings = Settings(language=language)

            setup = AppController(app, fresh, settings=settings, translator=translator, kdf=FAST_KDF)
            setup.start()
            setup.setup_page.branch_code.setText("PNH-01")
            setup.setup_page.branch_name.setText("Phnom Penh — Psar Thmei")
            setup.setup_page.username.setText("manager")
            grab(setup, "01-setup", language)
            # The real page, with a throwaway key (a real set-up would consume the branch).
            setup.recovery_key_page.show_key(
                BranchInfo("PNH-01", "Phnom Penh — Psar Thmei"),
                str(RecoveryKey(bytes(range(16)))),  # a fixed key keeps the image stable
            )
            setup.window.show_screen(setup.recovery_key_page)
            grab(setup, "02-recovery-key", language)
            setup.window.close_guard = None  # the key shown here is a throwaway
            setup.window.close()
            setup.shutdown()

            prepare_demo_store(demo, kdf=FAST_KDF)
            centre = connect_demo_centre(demo)
            submit_samples(demo)
            controller = AppController(
                app, demo, settings=settings, translator=translator, kdf=FAST_KDF, demo_hint=demo_hint()
            )
            controller.start()
            grab(controller, "03-sign-in", language)
            controller.login_page.recovery_requested.emit()
            grab(controller, "04-recovery", language)
            controller.sign_in("teller", DEMO_ACCOUNTS["teller"][0])
            grab(controller, "05-teller-workspace", language)
            controller.sign_out()
            controller.sign_in("manager", DEMO_ACCOUNTS["manager"][0])
            assert controller.workspace is not None
            controller.workspace.open("accounts")
            grab(controller, "06-manager-accounts", language)
            sync = controller.sync
            assert sync is not None
            wait_until(lambda s=sync: s.snapshot is not None and not s.running and s.last_result is not None)
            controller.workspace.open("sync")
            grab(controller, "07-manager-sync", language)
            controller.window.close()
            controller.shutdown()
            centre.stop()


if __name__ == "__main__":
    main()
