"""A teller's whole registration by keyboard alone, from sign-in to the saved receipt.

The real main window at 1366×768, in the Khmer UI and in the English UI: every page, the four
services, the address cascade, a possible duplicate caught under the ID number and answered at
Submit, the receipt saved as a PDF. Only key events reach the window (`bench.keyboard_script`);
the test fails at the first question focus did not reach, or if a mouse press happened.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bench.keyboard_script import KeyboardTeller, typed_text
from branch_client.store import BranchDirectory, NewRegistration
from branch_client.ui import dialogs
from forms import load_form
from forms.samples import SERVICES, generate_registrations
from sync.ids import uuid7_str
from tests.conftest import FAST_KDF, MANAGER, TELLER
from tests.ui.conftest import MakeController

WINDOW = (1366, 768)
#: What the offscreen platform says when a searchable list opens its popup (harmless there).
OFFSCREEN_POPUP_MESSAGES = tuple(
    re.escape(m) for m in ("This plugin does not support raise()", "This plugin does not support grabbing the keyboard")
)


def registration_to_type() -> tuple[dict[str, Any], dict[str, Any]]:
    """(a registration already in the store, the one the teller types): a different owner
    whose ID number is the same, asking for all four services, reading both languages."""
    existing, typed = generate_registrations(2, seed=11)
    typed = dict(typed)
    typed["id_number"] = existing["id_number"]
    typed["services"] = list(SERVICES)
    typed["owner_language"] = "both"  # not the default: the arrows have to move
    typed["id_suffix"] = "02"
    typed["address_detail"] = "ផ្ទះលេខ 47 ផ្លូវ 552"
    return dict(existing), typed


@pytest.fixture
def branch_with_a_registration(data_dir: Path) -> tuple[Path, dict[str, Any]]:
    """A branch (manager and teller) whose store holds one registration; released for the app."""
    existing, typed = registration_to_type()
    directory = BranchDirectory.claim(data_dir, kdf=FAST_KDF)
    session, _ = directory.create_branch(
        branch_code="PNH-01", branch_name="Psar Thmei", manager_username=MANAGER[0], manager_password=MANAGER[1]
    )
    session.create_account(*TELLER)
    form = load_form()
    session.submit_registration(
        NewRegistration(
            record_id=uuid7_str(),
            form_id=form.form_id,
            form_version=form.version,
            answers=form.normalise(existing),
            captured_at="2026-11-20T09:00:00+07:00",
        )
    )
    session.close()
    directory.release()
    return data_dir, typed


def inputs_that_apply(answers: dict[str, Any]) -> list[str]:
    """Every question that applies to `answers` and takes an answer, in the form's order."""
    from forms.wizard import Wizard

    form = load_form()
    wizard = Wizard.new(form)
    for name, value in answers.items():
        if name in form.fields and not name.startswith("_"):
            wizard.set_answer(name, value)
    relevant = wizard.relevance()
    return [
        row.name
        for page in form.pages
        for row in page.rows
        if row.takes_answer and not row.read_only and row.type != "note" and relevant.get(row.name, False)
    ]


@pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_MESSAGES)
@pytest.mark.parametrize("language", ["km", "en"])
def test_a_whole_registration_by_keyboard_only(
    language: str,
    branch_with_a_registration: tuple[Path, dict[str, Any]],
    make_controller: MakeController,
    qtbot: QtBot,
    qapp: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data_dir, answers = branch_with_a_registration
    pdf = tmp_path / "receipt.pdf"
    # The one stand-in: the system's file dialog, which answers where the PDF goes.
    monkeypatch.setattr(dialogs, "choose_pdf_path", lambda parent, name: pdf)
    controller = make_controller(language=language, directory=data_dir)
    window = controller.window
    window.showNormal()  # the offscreen screen is smaller than the branch PC's: size it by hand
    window.resize(*WINDOW)
    with qtbot.wait_active(window):
        window.activateWindow()
    qtbot.wait_until(lambda: (window.width(), window.height()) == WINDOW)

    teller = KeyboardTeller(qapp)
    tally = teller.register(controller, TELLER, answers, pdf.exists, duplicate_id=True)

    assert tally.mouse_actions == 0
    assert tally.reached == inputs_that_apply(answers)  # every input that applies, in order
    assert tally.inputs == len(tally.reached)
    assert tally.pages == [page.name for page in load_form().pages]
    assert len(tally.page_switch_ms) == len(tally.pages)
    assert tally.duplicate_hint_ms is not None
    assert tally.submit_to_receipt_ms is not None
    assert tally.nav_keys > 0
    assert (
        tally.typed_chars
        >= sum(
            len(typed_text(load_form().fields[n].type, n, answers[n]))
            for n in tally.reached
            if load_form().fields[n].type in ("text", "integer", "date") and n in answers and n != "workers_female"
        )
        - 2
    )  # "0" workers already shown by default are passed, not typed

    session = controller.session
    assert session is not None
    record = session.record_detail(tally.record_id)
    assert record is not None
    assert record.reference == tally.reference
    stored = dict(record.answers)
    expected = load_form().normalise(answers)
    for name in inputs_that_apply(answers):
        assert stored.get(name) == expected.get(name), name
    assert stored["services"] == list(SERVICES)
    assert (stored["province"], stored["district"], stored["commune"], stored["village"]) == (
        answers["province"],
        answers["district"],
        answers["commune"],
        answers["village"],
    )
    assert record.receipt_printed_at is not None  # the receipt was produced
    assert pdf.read_bytes().startswith(b"%PDF")
    workspace = controller.workspace
    assert workspace is not None
    submitted = workspace.page("capture").submitted_view  # type: ignore[attr-defined]
    assert str(pdf) in submitted.receipt_note.text()  # the receipt closed itself and the desk says where it went
    assert QApplication.focusWidget() is submitted.new_button  # the next owner: Enter
