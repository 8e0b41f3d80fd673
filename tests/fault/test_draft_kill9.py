"""kill -9 while a teller types: the draft holds everything typed at least a second before.

A child process opens the real capture page (offscreen) on the teller's session and types
into the wizard's questions with real key events, one character every few tens of
milliseconds, printing each state with the time (CLOCK_MONOTONIC, shared by the two
processes). The parent kills it with SIGKILL at a random moment, reopens the store and
checks that the draft holds at least the text the child had typed one second before
the kill. Repeated over several trials, each with its own draft.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from branch_client.store import BranchDirectory, RecoveryKey
from branch_client.store.drafts import get as get_draft
from tests.conftest import FAST_KDF, TELLER

TRIALS = 4
LOSS_ALLOWED_S = 1.0

CHILD = textwrap.dedent(
    """
    import json, os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from branch_client.store import BranchDirectory
    from branch_client.ui.capture.page import CapturePage

    data_dir, username, seed = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    password = sys.stdin.readline().rstrip("\\n")  # never on the command line
    app = QApplication([])
    directory = BranchDirectory.claim(data_dir)
    session = directory.unlock(username, password)
    page = CapturePage(session)
    page.resize(900, 700)
    page.show()
    page.new_registration()
    fields = ["family_name_latin", "given_name_latin", "business_name"]
    text = "Sophea Chantha Market Stall Number Twelve " * 20
    state = {"field": 0, "i": 0}
    print(json.dumps({"draft": page.draft_id}), flush=True)

    def type_one():
        name = fields[state["field"] % len(fields)]
        edit = page.wizard_view.fields[name].edit
        char = text[state["i"] % len(text)]
        QTest.keyClick(edit, char)
        state["i"] += 1
        print(json.dumps({"t": time.monotonic(), "field": name, "text": edit.text()}), flush=True)
        if state["i"] % 37 == 0:  # on to the next question (the business name is on the next page)
            state["field"] += 1
            if fields[state["field"] % len(fields)] == "business_name":
                page.wizard_view.go_next()

    timer = QTimer()
    timer.timeout.connect(type_one)
    timer.start(15 + seed % 20)
    app.exec()
    """
)


@pytest.mark.slow
def test_kill9_while_typing_loses_at_most_the_last_second(branch: tuple[BranchDirectory, RecoveryKey]) -> None:
    directory, _ = branch
    session = directory.unlock(*TELLER)
    key = session.key
    session.close()
    directory.release()  # the child claims it, as the app would
    rng = random.Random(20261124)

    for trial in range(TRIALS):
        typing_for = rng.uniform(1.2, 3.0)
        states: list[dict[str, object]] = []
        with subprocess.Popen(
            [sys.executable, "-c", CHILD, str(directory.data_dir), TELLER[0], str(trial)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        ) as child:
            assert child.stdin is not None
            assert child.stdout is not None
            child.stdin.write(TELLER[1] + "\n")
            child.stdin.flush()
            first = child.stdout.readline()
            assert first, f"the child did not start in trial {trial}"
            draft_id = json.loads(first)["draft"]
            started = None
            while True:
                line = child.stdout.readline()
                assert line, f"the child died early in trial {trial}"
                state = json.loads(line)
                states.append(state)
                started = started or float(state["t"])  # type: ignore[arg-type]
                if time.monotonic() - started >= typing_for:
                    break
            time.sleep(rng.uniform(0, 0.05))  # land between or during keystrokes
            killed_at = time.monotonic()
            child.send_signal(signal.SIGKILL)
            child.wait()
            child.stdin.close()
            assert child.returncode == -signal.SIGKILL

        claimed = BranchDirectory.claim(directory.data_dir, kdf=FAST_KDF)
        db = claimed.open_with_key(key)  # quick_check: the store is sound
        try:
            draft = get_draft(db, draft_id)
        finally:
            db.close()
            claimed.release()
        due = [s for s in states if float(s["t"]) <= killed_at - LOSS_ALLOWED_S]  # type: ignore[arg-type]
        assert due, f"trial {trial}: typing started less than a second before the kill"
        assert draft is not None, f"trial {trial}: no draft after {len(due)} keystrokes"
        # The newest state of each field typed a second before the kill is in the draft (or a later one).
        latest: dict[str, str] = {}
        for state in due:
            latest[str(state["field"])] = str(state["text"])
        for field, text in latest.items():
            saved = str(draft.answers.get(field, ""))
            assert saved.startswith(text), f"trial {trial}: {field} saved {saved!r}, typed {text!r} a second before"
