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
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from branch_client.app.application import make_application  # noqa: E402
from branch_client.app.controller import AppController  # noqa: E402
from branch_client.app.demo import DEMO_ACCOUNTS, connect_demo_centre, demo_hint, prepare_demo_store  # noqa: E402
from branch_client.app.preferences import Preferences  # noqa: E402
from branch_client.i18n import Translator  # noqa: E402
from branch_client.store import (  # noqa: E402
    BranchDirectory,
    BranchInfo,
    KdfParams,
    ListFilter,
    NewRegistration,
    RecoveryKey,
)
from forms import load_form  # noqa: E402
from forms.samples import generate_registrations  # noqa: E402
from sync.ids import uuid7_str  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
HELP_IMAGES = ROOT / "resources" / "help" / "images"
# The screens the F1 guide shows (resources/help/guide-*.html), copied beside it in both languages.
GUIDE_PICTURES = (
    "08-capture-1-owner",
    "23-duplicate-as-you-type",
    "10-capture-review",
    "15-registrations",
    "07-manager-sync",
    "19-manager-rejections",
    "21-manager-indicators",
    "27-manager-home",
)
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
            chosen = Preferences(language=language)

            setup = AppController(app, fresh, preferences=chosen, translator=translator, kdf=FAST_KDF)
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
                app, demo, preferences=chosen, translator=translator, kdf=FAST_KDF, demo_hint=demo_hint()
            )
            controller.start()
            controller.window.showNormal()
            controller.window.resize(1366, 768)  # the branch PC's screen
            grab(controller, "03-sign-in", language)
            controller.login_page.recovery_requested.emit()
            grab(controller, "04-recovery", language)
            controller.sign_in("teller", DEMO_ACCOUNTS["teller"][0])
            teller_screens(controller, language)
            controller.sign_out()
            controller.sign_in("manager", DEMO_ACCOUNTS["manager"][0])
            manager_screens(controller, language)
            controller.window.close()
            controller.shutdown()
            centre.stop()
    copy_guide_pictures()


def copy_guide_pictures() -> None:
    """The guide's pictures: the same screens, smaller (the guide shows them 560 px wide)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    HELP_IMAGES.mkdir(parents=True, exist_ok=True)
    for name in GUIDE_PICTURES:
        for language in ("en", "km"):
            image = QImage(str(OUT / f"{name}-{language}.png"))
            small = image.scaledToWidth(840, Qt.TransformationMode.SmoothTransformation)
            small.save(str(HELP_IMAGES / f"{name}-{language}.png"))


def grab_widget(widget: QWidget, name: str, language: str) -> None:
    """A dialog or a window of its own."""
    app = QApplication.instance()
    assert app is not None
    app.processEvents()
    path = OUT / f"{name}-{language}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))


def teller_screens(controller: AppController, language: str) -> None:
    """Capture, its receipt, the duplicate warning and the registrations list, as a teller sees them."""
    from branch_client.ui.capture.fields import TextField
    from branch_client.ui.capture.page import CapturePage
    from branch_client.ui.receipt_dialog import ReceiptDialog
    from branch_client.ui.registrations.page import RegistrationsPage
    from tests.ui.capture.helpers import fill

    workspace = controller.workspace
    assert workspace is not None
    session = workspace.session
    capture = workspace.open("capture")
    assert isinstance(capture, CapturePage)
    # A draft left from earlier, so the start view has something to resume.
    draft_answers = next(iter(generate_registrations(1, seed=301)))
    capture.new_registration()
    fill(capture, {k: draft_answers[k] for k in ("family_name_km", "given_name_km", "family_name_latin", "sex")})
    capture.save_now()
    capture.flush()
    capture.close_wizard()
    capture.show_start()
    grab(controller, "05-teller-capture-start", language)

    answers = next(iter(generate_registrations(1, seed=302)))
    capture.new_registration()
    fill(capture, answers)
    assert capture.wizard is not None
    # Every page of the wizard: 08-capture-1-owner, 08-capture-2-business, …
    for index, form_page in enumerate(capture.wizard.pages):
        capture.wizard_view.show_page(index)
        grab(controller, f"08-capture-{index + 1}-{form_page.name.removesuffix('_page')}", language)
    capture.wizard_view.show_page(capture.wizard.review_page)
    grab(controller, "10-capture-review", language)
    capture.submit()
    wait_until(lambda: bool(capture.last_reference))
    grab(controller, "11-capture-submitted", language)
    record_id = session.registrations_page(ListFilter(query=capture.last_reference), limit=1)[0].record_id
    for number, layout in (("12", "a4"), ("13", "thermal")):
        dialog = ReceiptDialog(session, record_id, controller.window, layout=layout)
        dialog.resize(760, 900)
        dialog.show()
        grab_widget(dialog, f"{number}-receipt-{layout}", language)
        dialog.close()
        dialog.deleteLater()

    # The same phone as the registration just made: the duplicate warning.
    again = {**next(iter(generate_registrations(1, seed=303))), "phone": answers["phone"]}
    capture.new_registration()
    capture.wizard_view.show_page(0)
    phone = capture.wizard_view.fields["phone"]
    assert isinstance(phone, TextField)
    capture.wizard_view.focus_field("phone")
    phone.edit.setText(str(answers["phone"]))  # the phone just registered, typed again
    wait_until(lambda: phone.attachment is not None and phone.attachment.isVisible())
    assert phone.attachment is not None
    capture.wizard_view.page_widgets[0].ensureWidgetVisible(phone.attachment, 0, 12)  # as its timer does
    grab(controller, "23-duplicate-as-you-type", language)
    capture.duplicate_watch.compare_current()  # Ctrl+D: both records side by side
    wait_until(lambda: capture.compare_dialog is not None and capture.compare_dialog.isVisible())
    assert capture.compare_dialog is not None
    grab_widget(capture.compare_dialog, "24-duplicate-compare", language)
    capture.compare_dialog.reject()
    fill(capture, again)
    capture.submit()
    wait_until(lambda: capture.duplicate_dialog is not None)
    assert capture.duplicate_dialog is not None
    grab_widget(capture.duplicate_dialog, "14-duplicate-warning", language)
    capture.duplicate_dialog.reject()
    capture.close_wizard()

    registrations = workspace.open("registrations")
    assert isinstance(registrations, RegistrationsPage)
    grab(controller, "15-registrations", language)
    registrations.search_edit.setText(str(answers["family_name_latin"])[:3])
    registrations.apply_filter()
    grab(controller, "16-registrations-search", language)
    registrations.search_edit.setText("")
    registrations.apply_filter()
    registrations.show_record(record_id)
    grab(controller, "17-registration-record", language)
    registrations.show_list()
    controller.window.show_help()  # F1 on the registrations list: the guide at its section
    assert controller.window.help_dialog is not None
    grab_widget(controller.window.help_dialog, "25-guide", language)
    controller.window.help_dialog.close()
    workspace.open("home")  # her desk: the draft left, today's registrations, one sent back
    grab(controller, "26-teller-home", language)


def manager_screens(controller: AppController, language: str) -> None:
    """Accounts, sync status with its history and a warning, rejections, review, indicators, audit."""
    import dataclasses
    from datetime import UTC, datetime, timedelta

    from sync.settings import SyncSettings

    workspace = controller.workspace
    assert workspace is not None
    session = workspace.session
    workspace.open("accounts")
    grab(controller, "06-manager-accounts", language)
    sync = controller.sync
    assert sync is not None
    wait_until(lambda s=sync: s.snapshot is not None and not s.running and s.last_result is not None)
    workspace.open("sync")
    grab(controller, "07-manager-sync", language)

    SyncSettings(session.db.conn).put("last_success_at", (datetime.now(UTC) - timedelta(days=3, hours=2)).isoformat())
    sync.refresh()
    page = workspace.open("sync")
    wait_until(lambda p=page: bool(p.warning_texts()))
    if page.batches is not None and page.batches.rowCount():
        page.select_batch(page.batches.rowCount() - 1)  # the first batch: it holds the rejected record
    grab(controller, "18-manager-sync-history", language)

    session.set_policy(dataclasses.replace(session.policy, review_before_sync=True))
    form = load_form()
    held = []
    for answers in generate_registrations(4, seed=311):
        held.append(uuid7_str())
        session.submit_registration(
            NewRegistration(
                record_id=held[-1],
                form_id=form.form_id,
                form_version=form.version,
                answers=answers,
                captured_at="2026-11-24T10:00:00+07:00",
            )
        )
    session.return_to_teller([held[0]], "The phone number is the neighbour's; ask the owner for her own.")
    rejections = workspace.open("rejections")
    rejections.sent_back.table.selectRow(0)
    grab(controller, "19-manager-rejections", language)
    rejections.tabs.setCurrentWidget(rejections.pending)
    rejections.pending.table.selectRow(0)
    grab(controller, "20-manager-review", language)

    workspace.open("indicators")
    grab(controller, "21-manager-indicators", language)
    audit_page = workspace.open("audit")
    audit_page.verify()
    wait_until(lambda a=audit_page: bool(a.verdict.text()))
    grab(controller, "22-manager-audit", language)
    workspace.open("home")  # the branch at a glance: sent back, held, returned, the warning
    grab(controller, "27-manager-home", language)


if __name__ == "__main__":
    main()
