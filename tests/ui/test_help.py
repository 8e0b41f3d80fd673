"""The guide on F1: shipped in both languages with every section and picture, opened from each
page at that page's section (and at its start from sign-in), in the UI language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from branch_client.ui.help import SECTIONS, HelpDialog, guide_path
from tests.conftest import MANAGER, TELLER
from tests.ui.conftest import MakeController
from tests.ui.test_flow import set_up_branch, sign_in
from tests.ui.test_shell_keyboard import key

__all__ = ["set_up_branch"]  # the fixture, shared with the flow tests

KHMER_LETTERS = re.compile("[\u1780-\u17d2]")  # letters and marks, not the riel sign ៛ of an amount


@pytest.mark.parametrize("lang", ["en", "km"])
def test_the_guide_has_every_section_and_its_pictures(lang: str) -> None:
    path = guide_path(lang)
    assert path.name == f"guide-{lang}.html"
    text = path.read_text(encoding="utf-8")
    for section in SECTIONS:
        assert f'name="{section}"' in text, section
    pictures = re.findall(r'<img[^>]+src="([^"]+)"', text)
    assert pictures, "the guide shows the screens"
    for picture in pictures:
        assert picture.endswith(f"-{lang}.png"), picture  # the screens in the guide's language
        assert (path.parent / picture).is_file(), picture
    body = re.sub(r"<[^>]+>", " ", text)
    assert bool(KHMER_LETTERS.search(body)) == (lang == "km")  # written in its own language


@pytest.mark.parametrize(("language", "who"), [("en", MANAGER), ("km", MANAGER), ("km", TELLER)])
def test_f1_opens_the_guide_at_the_section_of_the_page_in_view(
    language: str, who: tuple[str, str], set_up_branch: Path, make_controller: MakeController, qtbot: QtBot
) -> None:
    controller = make_controller(language=language)
    window = controller.window
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    key(qtbot, Qt.Key.Key_F1)  # on the sign-in screen: the guide's start
    dialog = window.help_dialog
    assert isinstance(dialog, HelpDialog)
    qtbot.wait_until(dialog.isVisible)
    assert dialog.section == "start"
    assert dialog.browser.source().toLocalFile() == str(guide_path(language))
    assert (dialog.windowTitle() == "Guide") == (language == "en")  # its own words in the UI language
    assert (dialog.close_button.text() == "Close") == (language == "en")
    dialog.close()

    sign_in(controller, qtbot, *who)
    workspace = controller.workspace
    assert workspace is not None
    window.resize(1366, 728)
    for page_key in workspace.nav_keys():
        workspace.open(page_key)
        window.activateWindow()
        qtbot.wait_until(lambda: QApplication.activeWindow() is window)
        key(qtbot, Qt.Key.Key_F1)
        qtbot.wait_until(dialog.isVisible)
        assert dialog.section == page_key
        assert dialog.browser.verticalScrollBar().maximum() > 0  # a guide longer than its window
        assert dialog.scrolled_to() > 0, page_key  # every page's section comes after `start`
        dialog.close()
