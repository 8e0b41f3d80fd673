"""Nothing personal reaches the log file, whatever path an error takes (issue 15).

Each test writes the app's real log file (`logging_setup.configure`) and makes real code fail
deep inside with an exception that quotes the answers: a submit, a sync pass (on the sync
thread, and on a plain thread through the thread excepthook), the receipt, and an uncaught
exception in a real process. The failure is injected by monkeypatching one deep function to
raise; everything from there to the file is the app's own. The file must name the
exception's type, the files, lines and functions it passed through, and none of the answers,
in any case or spacing.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
import threading
import traceback
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from branch_client.app import logging_setup
from branch_client.app.logging_setup import WITHHELD, PrivateFormatter, configure, install_excepthooks, log_uncaught
from branch_client.receipt import data as receipt_data
from branch_client.store import NewRegistration, Session, registrations
from branch_client.store.errors import DiskFull
from central.runner import RunningCentre, start_centre
from forms import load_form
from sync import engine
from sync.ids import uuid7_str
from sync.transport import Refused
from tests.sync.helpers import FAST_RETRY, enrolled_branch, run_pass, sample_answers, submit

LATIN_FAMILY, LATIN_GIVEN = "Kim", "Sreyneang"
KHMER_FAMILY, KHMER_GIVEN = "គឹម", "ស្រីនាង"
ID_NUMBER = "012345678"
PHONE = "+85512777888"
BUSINESS = "Sokha Noodle Shop"
BIRTH = "1987-03-14"
ANSWERS: dict[str, Any] = {
    **sample_answers(1, seed=15)[0],
    "family_name_latin": LATIN_FAMILY,
    "given_name_latin": LATIN_GIVEN,
    "family_name_km": KHMER_FAMILY,
    "given_name_km": KHMER_GIVEN,
    "id_type": "national_id",
    "id_number": ID_NUMBER,
    "phone": PHONE,
    "business_name": BUSINESS,
    "date_of_birth": BIRTH,
    "revenue_monthly": 4_321_000,
}
# What must not be in the log, however it is spelt: compared without case and spaces.
SECRETS = [
    f"{LATIN_GIVEN} {LATIN_FAMILY}",
    f"{LATIN_FAMILY} {LATIN_GIVEN}",
    LATIN_GIVEN,
    f"{KHMER_FAMILY} {KHMER_GIVEN}",
    KHMER_GIVEN,
    KHMER_FAMILY,
    ID_NUMBER,
    PHONE,
    "12777888",
    BUSINESS,
    "Noodle",
    BIRTH,
    "4321000",
]


def folded(text: str) -> str:
    return "".join(text.split()).casefold()


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app's log file in `tmp_path`, with the app's excepthooks installed; all as before afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    root = logging.getLogger()
    level = root.level
    path = configure(tmp_path / "logs")
    install_excepthooks()
    yield path
    for handler in [h for h in root.handlers if getattr(h, "_cam_ie", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def written(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def assert_private(text: str, *raised: BaseException) -> None:
    """No secret in `text`; each exception's type, and every frame it passed through, are."""
    flat = folded(text)
    for secret in SECRETS:
        assert folded(secret) not in flat, f"{secret!r} reached the log:\n{text}"
    for exc in raised:
        name = type(exc).__qualname__
        assert f"{name}: " in text
        frames = traceback.extract_tb(exc.__traceback__)
        assert frames
        for frame in frames:
            assert f'File "{frame.filename}", line {frame.lineno}, in {frame.name}' in text, text


def registration(answers: Mapping[str, Any]) -> NewRegistration:
    form = load_form()
    return NewRegistration(
        record_id=uuid7_str(),
        form_id=form.form_id,
        form_version=form.version,
        answers=dict(answers),
        captured_at="2026-11-24T09:00:00+07:00",
    )


# --- submit, through sys.excepthook -----------------------------------------------------


def test_a_submit_that_fails_deep_inside_logs_where_not_what(
    log_file: Path, teller: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    def search_terms(answers: Mapping[str, Any], reference: str) -> set[str]:
        try:
            raise KeyError(answers["business_name"])
        except KeyError as exc:
            problem = ValueError(f"bad answers {answers!r}")
            problem.add_note(f"owner {answers['given_name_latin']} {answers['family_name_latin']}")
            raise problem from exc

    monkeypatch.setattr(registrations, "search_terms", search_terms)  # deep inside the submit transaction
    with pytest.raises(ValueError, match=LATIN_GIVEN) as raised:
        teller.submit_registration(registration(ANSWERS))
    sys.excepthook(raised.type, raised.value, raised.tb)  # as Python calls it for an uncaught exception

    text = written(log_file)
    assert_private(text, raised.value, raised.value.__cause__)  # type: ignore[arg-type]
    assert "CRITICAL branch_client: unexpected error" in text
    assert f"ValueError: {WITHHELD}" in text
    assert f"KeyError: {WITHHELD}" in text
    assert "The above exception was the direct cause of the following exception:" in text
    assert "(1 note withheld)" in text
    assert "session.py" in text
    assert "registrations.py" in text
    assert sys.excepthook is log_uncaught


# --- a sync pass: on the app's sync thread (log.exception), and on a thread of its own ---


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[RunningCentre]:
    with start_centre(tmp_path / "centre.db") as running:
        yield running


def failing_seal(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Make sealing a batch fail with the records in its message (and in its context's); the
    exceptions raised are collected."""
    raised: list[BaseException] = []

    def seal(records: list[Any], **_: Any) -> bytes:
        try:
            raise LookupError(f"no key for {records[0].answers['business_name']}")
        except LookupError:
            problem = RuntimeError(f"cannot seal {[r.answers for r in records]!r}")
            raised.append(problem)
            raise problem  # noqa: B904 - the LookupError stays as its __context__, on purpose

    monkeypatch.setattr(engine, "seal", seal)
    return raised


def test_a_sync_pass_that_fails_on_the_sync_thread_logs_where_not_what(
    log_file: Path, tmp_path: Path, centre: RunningCentre, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from branch_client.qt.sync_worker import SyncController

    with enrolled_branch(tmp_path / "branch", centre) as (directory, session):
        submit(session, [ANSWERS])
        raised = failing_seal(monkeypatch)
        sync = SyncController(directory.db_path, session.key, retry=FAST_RETRY)
        try:
            sync.sync_now()
            qtbot.wait_until(lambda: not sync.running, timeout=30_000)
        finally:
            sync.shutdown(wait_ms=10_000)
    text = written(log_file)
    assert len(raised) == 1
    assert "sync pass failed unexpectedly" in text
    assert_private(text, raised[0], raised[0].__context__)  # type: ignore[arg-type]
    assert f"RuntimeError: {WITHHELD}" in text
    assert f"LookupError: {WITHHELD}" in text
    assert "During handling of the above exception, another exception occurred:" in text
    assert "engine.py" in text
    assert "sync_worker.py" in text


def test_a_sync_pass_that_fails_on_a_thread_goes_through_the_thread_excepthook(
    log_file: Path, tmp_path: Path, centre: RunningCentre, monkeypatch: pytest.MonkeyPatch
) -> None:
    with enrolled_branch(tmp_path / "branch", centre) as (directory, session):
        submit(session, [ANSWERS])
        raised = failing_seal(monkeypatch)
        thread = threading.Thread(target=run_pass, args=(directory, session), name="sync-test")
        thread.start()
        thread.join(timeout=60)
    assert not thread.is_alive()
    text = written(log_file)
    assert len(raised) == 1
    assert "CRITICAL branch_client: unexpected error" in text
    assert_private(text, raised[0])
    assert "services/sync.py" in text.replace("\\", "/")
    assert "engine.py" in text


# --- the receipt, through the dialog's log.exception -----------------------------------


def test_a_receipt_that_cannot_be_built_logs_where_not_what(
    log_file: Path, manager_session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from branch_client.ui.receipt_dialog import ReceiptDialog

    record_id = submit(manager_session, [ANSWERS])[0]
    raised: list[BaseException] = []

    def owner_language(answers: Mapping[str, Any]) -> str:
        problem = ValueError(f"no language in {answers}")
        raised.append(problem)
        raise problem

    monkeypatch.setattr(receipt_data, "owner_language", owner_language)  # while the receipt's data is built
    dialog = ReceiptDialog(manager_session, record_id)
    qtbot.addWidget(dialog)
    assert dialog.data is None  # it said so, and logged the bug
    text = written(log_file)
    assert "the receipt could not be prepared" in text
    assert_private(text, *raised)
    assert "receipt_dialog.py" in text
    assert "data.py" in text


# --- what our own exceptions may say, and what a log call's arguments may --------------


def test_our_codes_stay_and_messages_and_arguments_of_other_kinds_go(log_file: Path) -> None:
    log = logging.getLogger("branch_client.test")
    try:
        raise DiskFull(f"disk full while saving {BUSINESS}")
    except DiskFull:
        log.exception("saving failed")
    try:
        raise Refused(409, "batch_in_progress", {"message": BUSINESS})
    except Refused:
        log.exception("sync refused")
    try:
        raise OSError(13, "Permission denied", f"/home/{LATIN_GIVEN}/branch.db")
    except OSError:
        log.exception("cannot open")
    try:
        raise ExceptionGroup("two", [ValueError(BUSINESS), KeyError(LATIN_GIVEN)])
    except ExceptionGroup as group:
        log.error("a group", exc_info=group)
        log.warning("as an argument: %s", group.exceptions[0])
    log.info("answers %s, %r", ANSWERS, list(ANSWERS.values()))
    log.info(ANSWERS)  # a value given as the message itself
    log.info("%(who)s of %(where)s", {"who": "a teller", "where": Path("/home") / LATIN_GIVEN})

    text = written(log_file)
    assert_private(text)
    assert f"branch_client.store.errors.DiskFull: {DiskFull.code}" in text
    assert "sync.transport.Refused: batch_in_progress" in text
    assert f"PermissionError: [Errno 13 EACCES] {WITHHELD}" in text
    assert f"ExceptionGroup: {WITHHELD}" in text
    assert "+---------------- 1 of 2 ----------------" in text
    assert "| KeyError: " + WITHHELD in text
    assert f"as an argument: ValueError: {WITHHELD}" in text
    assert "answers <dict withheld>, <list withheld>" in text
    assert " <dict withheld>\n" in text
    assert f"a teller of <{type(Path()).__name__} withheld>" in text


def test_a_call_whose_withheld_argument_breaks_its_format_keeps_its_line() -> None:
    record = logging.LogRecord("branch_client.test", logging.INFO, __file__, 1, "record %d of %s", (ANSWERS, 3), None)
    line = PrivateFormatter().format(record)
    assert line.endswith("record %d of %s <arguments withheld>")
    assert_private(line)


def test_a_traceback_another_handler_formatted_first_keeps_only_where(log_file: Path) -> None:
    root = logging.getLogger()
    with log_file.with_name("console.txt").open("w", encoding="utf-8") as stream:
        console = logging.StreamHandler(stream)
        console.setFormatter(logging.Formatter("%(message)s"))
        root.handlers.insert(0, console)  # it formats (and caches) the full traceback before the log file
        try:
            try:
                raise ValueError(f"bad answers\n    {BUSINESS}\n{LATIN_GIVEN}")
            except ValueError as exc:
                logging.getLogger("branch_client.test").exception("unexpected error")
                raised = exc
        finally:
            root.removeHandler(console)
            console.close()
    assert LATIN_GIVEN in log_file.with_name("console.txt").read_text(encoding="utf-8")  # it did cache it
    assert_private(written(log_file), raised)


def test_a_record_that_carries_only_a_formatted_traceback_keeps_only_where() -> None:
    try:
        raise ValueError(f"bad answers\n    {BUSINESS}\n{LATIN_GIVEN}: {ID_NUMBER}\nKeyError: {KHMER_GIVEN}")
    except ValueError as exc:
        raised = exc
        formatted = "".join(traceback.format_exception(exc)).rstrip("\n")
    record = logging.LogRecord("branch_client.test", logging.ERROR, __file__, 1, "unexpected error", None, None)
    record.exc_text = formatted  # e.g. a record made in another process, or by a handler that dropped exc_info
    line = PrivateFormatter().format(record)
    assert_private(line, raised)
    assert f"ValueError: {WITHHELD}" in line
    assert f"KeyError: {WITHHELD}" in line  # a line of the message that looks like one: withheld all the same


# --- an uncaught exception in a real process -------------------------------------------


def test_an_uncaught_exception_in_a_real_process_logs_where_not_what(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from branch_client.app.logging_setup import configure, install_excepthooks

        configure(Path({str(tmp_path / "logs")!r}))
        install_excepthooks()

        def deep(answers):
            return answers["missing"]

        try:
            deep({ANSWERS!r})
        except KeyError as exc:
            raise ValueError({ANSWERS!r}) from exc
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False, encoding="utf-8"
    )
    assert done.returncode == 1
    text = (tmp_path / "logs" / logging_setup.LOG_FILENAME).read_text(encoding="utf-8")
    assert_private(text)
    assert 'File "<string>", line 9, in deep' in text
    assert 'File "<string>", line 12, in <module>' in text
    assert f"KeyError: {WITHHELD}" in text
    assert f"ValueError: {WITHHELD}" in text
