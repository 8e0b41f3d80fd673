"""The Qt binding keeps Python's reference counts straight (PySide6 6.12.0 did not).

On Python 3.11, None, True and False are ordinary objects with a reference count. A
binding that returns them without taking a reference makes the count fall with every
call, and the interpreter aborts ("deallocating None") after a few thousand calls: a
teller's session would die mid-registration. Python 3.12+ makes them immortal, so there
the counts never move at all and the test is skipped (CI runs 3.11, where it measures).
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QCheckBox, QLabel
from pytestqt.qtbot import QtBot

CALLS = 2000


@pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="None, True and False are immortal on Python 3.12+: their reference counts cannot show a leak",
)
def test_void_and_bool_calls_do_not_leak_references_to_singletons(qtbot: QtBot) -> None:
    label, checkbox = QLabel(), QCheckBox()
    qtbot.addWidget(label)
    qtbot.addWidget(checkbox)
    none_before, false_before, true_before = sys.getrefcount(None), sys.getrefcount(False), sys.getrefcount(True)
    for i in range(CALLS):
        label.setText("x")  # returns None
        checkbox.setChecked(i % 2 == 0)  # takes a bool, emits toggled
        checkbox.isChecked()  # returns a bool
    # A little drift from unrelated references is fine; one per call is the bug.
    assert sys.getrefcount(None) - none_before > -CALLS // 10
    assert sys.getrefcount(False) - false_before > -CALLS // 10
    assert sys.getrefcount(True) - true_before > -CALLS // 10
