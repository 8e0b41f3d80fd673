"""One way to show a moment (issue 13): the drafts list, the rejections list and the audit
log show the same stored time day first with a 24-hour clock (no AM/PM), in the English UI
and in the Khmer UI, whatever Qt's locale would have written (`12/2/26 2:05 PM`).

The time is 07:05 UTC, 14:05 in Phnom Penh (UTC+7, the zone the test fixes), so a 12-hour
format would show "2:05"; the day is the 12th of February, so a month-first format would
start "2/12"."""

from __future__ import annotations

import os
import re
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from branch_client.fonts import register_khmer_font
from branch_client.i18n import Translator
from branch_client.store import Session, audit, drafts
from branch_client.store.errors import AccountLocked
from branch_client.ui import error_text
from branch_client.ui.audit.page import AuditPage
from branch_client.ui.capture.drafts_model import CHANGED
from branch_client.ui.capture.page import CapturePage
from branch_client.ui.rejections.models import RECORD_ID_ROLE
from branch_client.ui.rejections.page import RejectionsPage
from forms import load_form
from tests.store.test_review import submit_one

STARTED = datetime(2026, 2, 12, 6, 50, 30, tzinfo=UTC)  # 13:50:30 in Phnom Penh
MOMENT = datetime(2026, 2, 12, 7, 5, tzinfo=UTC)  # 14:05 in Phnom Penh
#: The moment as each UI language writes it: the day first, the month named, 24-hour.
LONG = {"en": "12 February 2026, 14:05", "km": "12 កុម្ភៈ 2026, 14:05"}
DAY = {"en": "12 February 2026", "km": "12 កុម្ភៈ 2026"}
#: In a narrow list (the audit log), as on the ID card: the same in both languages.
NUMERIC = "12-02-2026, 14:05"
#: What a 12-hour clock would add, in either language (Qt writes AM/PM, or ព្រឹក/ល្ងាច in Khmer).
TWELVE_HOUR = re.compile(r"AM|PM|am|pm|ព្រឹក|ល្ងាច|រសៀល|យប់")


@pytest.fixture(autouse=True)
def phnom_penh_time() -> Iterator[None]:
    """This computer's clock set to Cambodian time (UTC+7, no summer time), for this test only."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "ICT-7"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture(params=["en", "km"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The UI language of the test (back to English afterwards)."""
    register_khmer_font(qapp)
    translator = Translator(qapp)
    translator.set_language(request.param)
    yield str(request.param)
    translator.set_language("en")
    translator.deleteLater()


def day_first_24_hour(text: str) -> None:
    """`text` holds no 12-hour marker and its time is written 24-hour (14, never 2)."""
    assert not TWELVE_HOUR.search(text), text
    assert "14:05" in text, text
    assert "2/12" not in text, text  # never month first (nor 02/12)


def test_the_drafts_list_shows_the_last_change_day_first_24_hour(qtbot: QtBot, teller: Session, language: str) -> None:
    form = load_form()
    draft = drafts.Draft(
        id=str(uuid.uuid4()),
        account_id=teller.account.id,
        form_id=form.form_id,
        form_version=form.version,
        answers={"family_name_latin": "Sok"},
        created_at=STARTED.isoformat(),
    )
    drafts.save(teller.db, draft, now=MOMENT)  # a change of long ago: shown as its date, not an age
    page = CapturePage(teller, save_delay_ms=60_000)
    qtbot.addWidget(page)
    try:
        model = page.drafts_model
        assert model.rowCount() == 1
        changed = model.index(0, CHANGED)
        assert changed.data() == LONG[language]
        day_first_24_hour(changed.data())
        tooltip = str(changed.data(Qt.ItemDataRole.ToolTipRole))  # the full times, with seconds
        assert f"{DAY[language]}, 13:50:30" in tooltip
        assert f"{DAY[language]}, 14:05:00" in tooltip
        assert not TWELVE_HOUR.search(tooltip)
    finally:
        page.close_drafts()  # before the session closes, as the workspace does


def test_the_rejections_list_shows_submitted_day_first_24_hour(
    qtbot: QtBot, manager: Session, teller: Session, language: str
) -> None:
    record_id = submit_one(teller, 1, hold=True, submitted_at=MOMENT.isoformat())
    page = RejectionsPage(manager)
    qtbot.addWidget(page)
    pending = page.pending.proxy
    (row,) = [r for r in range(pending.rowCount()) if pending.index(r, 0).data(RECORD_ID_ROLE) == record_id]
    submitted = pending.index(row, 2).data()
    assert submitted == LONG[language]
    day_first_24_hour(submitted)
    assert page.day_choice.itemText(0) == f"{DAY[language]} (1)"  # "approve a whole day": the same day


def test_the_audit_log_shows_its_time_day_first_24_hour(qtbot: QtBot, manager: Session, language: str) -> None:
    audit.append(manager.db, actor=manager.account.id, action="policy_changed", at=MOMENT)
    page = AuditPage(manager)
    qtbot.addWidget(page)
    page.activated()
    model = page.model
    assert model.entry_at(0).action == "policy_changed"  # the newest entry is the one above
    shown = model.data(model.index(0, 0))
    assert shown == NUMERIC
    day_first_24_hour(shown)
    assert page.date_from.displayFormat() == page.date_to.displayFormat() == "dd-MM-yyyy"


def test_a_locked_account_is_told_the_24_hour_time(language: str) -> None:
    message = error_text.message_for(AccountLocked(MOMENT))
    day_first_24_hour(message)
