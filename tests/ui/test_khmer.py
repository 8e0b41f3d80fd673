"""Khmer renders: the bundled Noto Sans Khmer is registered and shapes real glyphs."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from branch_client.fonts import KHMER_FAMILY, register_khmer_font
from tests.ui.conftest import MakeController

SAMPLE = "ការចុះឈ្មោះអាជីវកម្ម ស្ត្រី ១២៣"  # "business registration", "woman", Khmer digits


def test_font_is_registered_and_first_in_the_app_font(qapp: QApplication) -> None:
    assert register_khmer_font(qapp) == KHMER_FAMILY
    assert qapp.font().families()[0] == KHMER_FAMILY


def test_khmer_text_shapes_with_noto_and_no_missing_glyphs(qapp: QApplication) -> None:
    register_khmer_font(qapp)
    layout = QTextLayout(SAMPLE, QFont(qapp.font()))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    assert runs
    for run in runs:
        assert run.rawFont().familyName() == KHMER_FAMILY
        assert 0 not in run.glyphIndexes()  # glyph 0 is the "missing" box
    shaped = sum(len(run.glyphIndexes()) for run in runs)
    assert shaped >= len(SAMPLE.replace(" ", "")) // 2  # clusters shape into fewer glyphs, never none


def test_a_khmer_label_paints_ink(qtbot: QtBot, qapp: QApplication) -> None:
    register_khmer_font(qapp)
    label = QLabel(SAMPLE)
    qtbot.addWidget(label)
    label.resize(label.sizeHint())
    image = label.grab().toImage()
    dark = sum(
        1 for y in range(image.height()) for x in range(image.width()) if QColor(image.pixel(x, y)).lightness() < 128
    )
    assert dark > 50


def test_the_about_box_names_the_gazetteers_source_in_the_ui_language(make_controller: MakeController) -> None:
    from forms.geo import GEO_ATTRIBUTION_EN, GEO_ATTRIBUTION_KM

    controller = make_controller(language="en")
    assert GEO_ATTRIBUTION_EN in controller.window.about_text()
    controller.set_language("km")
    assert GEO_ATTRIBUTION_KM in controller.window.about_text()
