"""Sync in the window: enrolment at set-up and from the sync page, passes on the sync thread,
the status bar, and the GUI thread never blocked by the network."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from branch_client.app.controller import AppController
from branch_client.qt.sync_worker import SyncController, wait_for_retired_threads
from branch_client.ui.sync import text as sync_text
from branch_client.ui.sync.page import SyncPage
from central.runner import RunningCentre, start_centre
from sync import device as device_config
from sync.outbox import Outbox
from sync.settings import SyncSettings
from tests.conftest import MANAGER
from tests.sync.helpers import sample_answers, submit
from tests.sync.http_stub import LoopbackServer
from tests.ui.conftest import MakeController


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[RunningCentre]:
    with start_centre(tmp_path / "centre.db") as running:
        yield running


def _set_up(controller: AppController, *, url: str = "", code: str = "") -> None:
    page = controller.setup_page
    page.branch_code.setText("PNH-01")
    page.branch_name.setText("Phnom Penh — Psar Thmei")
    page.username.setText(MANAGER[0])
    page.password.setText(MANAGER[1])
    page.confirm.setText(MANAGER[1])
    page.centre_url.setText(url)
    page.enrolment_code.setText(code)
    page.create_button.click()


def _sign_in_as_manager(controller: AppController, qtbot: QtBot) -> SyncPage:
    controller.recovery_key_page.stored.setChecked(True)
    controller.recovery_key_page.continue_button.click()
    controller.login_page.password.setText(MANAGER[1])
    with qtbot.wait_signal(controller.signed_in, timeout=10_000):
        controller.login_page.sign_in_button.click()
    assert controller.workspace is not None
    page = controller.workspace.open("sync")
    assert isinstance(page, SyncPage)
    return page


def _enrolled_manager_idle(
    controller: AppController, qtbot: QtBot, centre: RunningCentre
) -> tuple[SyncPage, SyncController]:
    """Set up with enrolment, sign in as the manager, wait for the first pass to end."""
    _set_up(controller, url=centre.url, code=centre.store.issue_enrolment_code("PNH-01"))
    page = _sign_in_as_manager(controller, qtbot)
    sync = controller.sync
    assert sync is not None
    qtbot.wait_until(lambda: sync.snapshot is not None and not sync.running, timeout=10_000)
    return page, sync


def test_enrol_at_set_up_then_sync_from_the_page(
    make_controller: MakeController, qtbot: QtBot, centre: RunningCentre
) -> None:
    controller = make_controller()
    code = centre.store.issue_enrolment_code("PNH-01")
    _set_up(controller, url=centre.url, code=code)
    fingerprint = centre.store.current_key().fingerprint
    assert fingerprint in controller.recovery_key_page.centre_note.text()

    page = _sign_in_as_manager(controller, qtbot)
    sync = controller.sync
    assert sync is not None
    qtbot.wait_until(lambda: sync.snapshot is not None and not sync.running, timeout=10_000)
    assert page.value_text("fingerprint") == fingerprint
    assert not page.enrol_box.isVisibleTo(page)

    assert controller.session is not None
    submit(controller.session, sample_answers(9, seed=11))
    with qtbot.wait_signal(sync.pass_finished, timeout=20_000) as finished:
        page.sync_button.click()
    assert finished.args is not None
    assert finished.args[0].ok
    qtbot.wait_until(lambda: page.value_text("accepted") == "9", timeout=10_000)
    assert page.value_text("waiting") == "0"
    assert centre.store.record_count() == 9
    indicator = controller.window.sync_indicator.text()
    assert "Online" in indicator
    assert "0 waiting" in indicator


def test_enrol_from_the_sync_page_and_a_bad_code_is_told_plainly(
    make_controller: MakeController, qtbot: QtBot, centre: RunningCentre
) -> None:
    controller = make_controller()
    _set_up(controller)
    assert controller.recovery_key_page.centre_note.text() == ""
    page = _sign_in_as_manager(controller, qtbot)
    qtbot.wait_until(lambda: page.snapshot is not None, timeout=10_000)
    assert page.enrol_box.isVisibleTo(page)
    assert "Not connected" in controller.window.sync_indicator.text()

    page.centre_url.setText(centre.url)
    page.enrolment_code.setText("AAAA-BBBB-CCCC-DDDD")
    page.enrol_button.click()
    assert "did not accept this enrolment code" in page.message.text() or "enrolment code" in page.message.text()
    assert controller.session is not None
    assert Outbox(controller.session.db.conn).settings.get("device") is None  # nothing changed

    page.centre_url.setText("http://cam-ie.example.org")
    page.enrol_button.click()
    assert page.message.text() == sync_text.problem("insecure_url")

    page.centre_url.setText(centre.url)
    page.enrolment_code.setText(centre.store.issue_enrolment_code("PNH-01"))
    sync = controller.sync
    assert sync is not None
    with qtbot.wait_signal(sync.pass_finished, timeout=20_000):
        page.enrol_button.click()
    qtbot.wait_until(lambda: not page.enrol_box.isVisibleTo(page), timeout=10_000)
    assert centre.store.devices()[0].branch_code == "PNH-01"


def test_an_unreachable_centre_is_said_in_plain_words_and_the_window_stays_responsive(
    make_controller: MakeController, qtbot: QtBot, centre: RunningCentre
) -> None:
    controller = make_controller()
    page, sync = _enrolled_manager_idle(controller, qtbot, centre)
    centre.stop()
    assert controller.session is not None
    submit(controller.session, sample_answers(2, seed=12))

    with qtbot.wait_signal(sync.pass_finished, timeout=60_000) as finished:
        page.sync_button.click()
        assert sync.running  # the click returned at once: the pass runs on the sync thread
    assert finished.args is not None
    result = finished.args[0]
    assert result.error is not None
    assert result.error.code == "unreachable"
    qtbot.wait_until(lambda: page.value_text("last_error") != "—", timeout=10_000)
    assert page.value_text("last_error").startswith(sync_text.problem("unreachable"))
    assert page.value_text("in_flight") == "2"  # batched before sending; resent as is next time
    assert "Offline" in controller.window.sync_indicator.text()


class HangingCentre:
    """Takes a batch and does not answer until released (a centre stuck mid-request)."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.posts = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                outer.posts += 1
                outer.release.wait(30)
                self.send_response(503)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.http = LoopbackServer(Handler)
        self.url = self.http.url

    def close(self) -> None:
        self.release.set()
        self.http.close()


def test_locking_while_a_request_hangs_does_not_wait_for_it(
    make_controller: MakeController, qtbot: QtBot, centre: RunningCentre
) -> None:
    controller = make_controller()
    page, _ = _enrolled_manager_idle(controller, qtbot, centre)
    hanging = HangingCentre()
    try:
        assert controller.session is not None
        outbox = Outbox(controller.session.db.conn)
        device = device_config.load(outbox.settings)
        assert device is not None
        device_config.save(outbox.settings, dataclasses.replace(device, centre_url=hanging.url))
        submit(controller.session, sample_answers(1, seed=19))
        page.sync_button.click()
        qtbot.wait_until(lambda: hanging.posts == 1, timeout=10_000)

        controller.lock()  # returns while the request still hangs

        assert controller.window.stack.currentWidget() is controller.login_page
        assert controller.sync is None
        assert not wait_for_retired_threads(0)  # the pass is still finishing, off the GUI thread
        hanging.release.set()
        assert wait_for_retired_threads(20_000)
    finally:
        hanging.close()


def test_the_sync_page_enrols_with_a_pinned_ca_certificate(
    make_controller: MakeController,
    qtbot: QtBot,
    centre: RunningCentre,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from branch_client.ui import dialogs

    controller = make_controller()
    _set_up(controller)
    page = _sign_in_as_manager(controller, qtbot)
    qtbot.wait_until(lambda: page.snapshot is not None, timeout=10_000)
    missing = tmp_path / "gone.pem"
    monkeypatch.setattr(dialogs, "choose_ca_bundle", lambda parent: missing)
    page.ca_button.click()
    assert page.ca_bundle.text() == str(missing)
    page.centre_url.setText(centre.url)
    page.enrolment_code.setText(centre.store.issue_enrolment_code("PNH-01"))
    page.enrol_button.click()
    assert page.message.text() == sync_text.problem("ca_bundle_unreadable")
    assert centre.store.devices() == []  # nothing was sent

    bundle = tmp_path / "centre-ca.pem"
    bundle.write_text("not used for http on loopback, but kept for the day the centre moves to https\n")
    monkeypatch.setattr(dialogs, "choose_ca_bundle", lambda parent: bundle)
    page.ca_button.click()
    sync = controller.sync
    assert sync is not None
    with qtbot.wait_signal(sync.pass_finished, timeout=20_000):
        page.enrol_button.click()
    assert controller.session is not None
    device = device_config.load(SyncSettings(controller.session.db.conn))
    assert device is not None
    assert device.ca_bundle == str(bundle)


def test_the_status_bar_and_the_sync_page_warn_alike_and_a_good_pass_clears_it(
    make_controller: MakeController, qtbot: QtBot, centre: RunningCentre
) -> None:
    from datetime import UTC, datetime, timedelta

    controller = make_controller()
    page, sync = _enrolled_manager_idle(controller, qtbot, centre)
    indicator = controller.window.sync_indicator
    assert page.warning_texts() == []
    assert "⚠" not in indicator.text()
    assert controller.session is not None
    five_days_ago = (datetime.now(UTC) - timedelta(days=5, hours=1)).isoformat()
    Outbox(controller.session.db.conn).settings.put("last_success_at", five_days_ago)

    sync.refresh()
    qtbot.wait_until(lambda: "no sync for 5 days" in indicator.text(), timeout=10_000)
    assert page.warnings.isVisibleTo(page)
    assert page.warning_texts() == indicator.warnings()
    assert page.warning_texts()[0].startswith("No successful sync for 5 days")
    assert page.value_text("next_attempt") != "—"

    with qtbot.wait_signal(sync.pass_finished, timeout=20_000):
        page.sync_button.click()
    qtbot.wait_until(lambda: "⚠" not in indicator.text(), timeout=10_000)
    assert page.warning_texts() == []
    assert not page.warnings.isVisibleTo(page)
