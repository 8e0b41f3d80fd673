"""Where the main window opens: maximised on a screen of 1366×768 or less, a comfortable
size on a larger one, and as it was left once the preferences remember its geometry."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from branch_client.app import preferences
from branch_client.app.preferences import Preferences
from branch_client.ui.shell import ShellWindow, opens_maximised

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("width", "height", "maximised"),
    [
        (1366, 728, True),  # 1366×768 with a task bar
        (1366, 768, True),
        (1280, 1024, True),
        (1024, 600, True),
        (1600, 860, False),
        (1920, 1040, False),
        (2560, 1400, False),
    ],
)
def test_small_screens_open_maximised(width: int, height: int, maximised: bool) -> None:
    assert opens_maximised(width, height) is maximised


def test_the_offscreen_screen_of_800_pixels_opens_maximised(qtbot: QtBot, qapp: QApplication) -> None:
    window = ShellWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.isMaximized()
    screen = window.screen()
    assert screen is not None
    qtbot.wait_until(lambda: window.frameGeometry().size() == screen.availableGeometry().size())


def test_the_geometry_is_remembered_through_the_preferences(qtbot: QtBot, tmp_path: Path) -> None:
    first = ShellWindow()
    qtbot.addWidget(first)
    first.show()
    first.showNormal()
    first.setGeometry(30, 40, 700, 500)
    qtbot.wait_until(lambda: not first.isMaximized() and first.geometry().size().width() == 700)
    with qtbot.wait_signal(first.geometry_to_keep) as closing:
        first.close()
    preferences.save(tmp_path, Preferences(language="en").with_window_geometry(closing.args[0]))

    loaded = preferences.load(tmp_path)
    assert loaded.language == "en"
    again = ShellWindow()
    qtbot.addWidget(again)
    again.place(loaded.window_geometry_bytes())
    again.show()
    qtbot.wait_exposed(again)
    assert not again.isMaximized()
    assert again.geometry() == first.geometry()

    # Left maximised, it opens maximised again.
    again.showMaximized()
    qtbot.wait_until(again.isMaximized)
    third = ShellWindow()
    qtbot.addWidget(third)
    third.place(again.saved_geometry())
    third.show()
    qtbot.wait_until(third.isMaximized)


def test_damaged_geometry_in_the_preferences_is_ignored(tmp_path: Path, qtbot: QtBot) -> None:
    (tmp_path / preferences.SETTINGS_FILENAME).write_text(
        json.dumps({"language": "en", "window_geometry": "not base64!"}), encoding="utf-8"
    )
    loaded = preferences.load(tmp_path)
    assert loaded.window_geometry_bytes() == b""
    window = ShellWindow()
    qtbot.addWidget(window)
    window.place(b"\x01\x02garbage")  # Qt refuses it: the window opens as on a first start
    window.show()
    qtbot.wait_until(window.isMaximized)


SHOW = """
from PySide6.QtWidgets import QApplication
app = QApplication([])
from branch_client.ui.shell import ShellWindow
window = ShellWindow()
window.show()
app.processEvents()
frame = window.frameGeometry()
print(window.isMaximized(), frame.width(), frame.height(), window.width(), window.height())
"""


@pytest.mark.parametrize(("screen", "maximised"), [((1366, 768), True), ((1920, 1080), False)])
def test_on_a_real_sized_screen(tmp_path: Path, screen: tuple[int, int], maximised: bool) -> None:
    """A separate process whose offscreen screen has the desk's size (Qt reads it at start)."""
    config = tmp_path / "screen.json"
    width, height = screen
    config.write_text(json.dumps({"screens": [{"name": "desk", "x": 0, "y": 0, "width": width, "height": height}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    out = subprocess.run(
        [sys.executable, "-c", SHOW], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    ).stdout.split()
    assert out[0] == str(maximised)
    if maximised:
        assert (int(out[1]), int(out[2])) == screen
    else:
        assert (int(out[3]), int(out[4])) == (1100, 720)
