"""Noto Sans Khmer, registered at start so Khmer renders on a PC without a Khmer font."""

from __future__ import annotations

import logging
from pathlib import Path

import fontpkg_noto_sans_khmer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from branch_client.paths import resources_dir

log = logging.getLogger(__name__)

KHMER_FAMILY = fontpkg_noto_sans_khmer.FAMILY


def font_files() -> list[Path]:
    """The Noto Sans Khmer files: from the font package, or the bundle's copy."""
    bundled = resources_dir() / "fonts"
    package_files = Path(fontpkg_noto_sans_khmer.ROOT) / "files"
    for folder in (package_files, bundled):
        files = sorted(folder.glob("NotoSansKhmer*.ttf")) if folder.is_dir() else []
        if files:
            return files
    return []


def register_khmer_font(app: QApplication) -> str | None:
    """Register the font and make it the application font's first family.

    Khmer and Latin both come from Noto Sans Khmer (it carries a Latin subset), with the
    system's default family as fallback, so mixed Khmer/English lines look even.
    Returns the registered family name, or None if the font could not be loaded.
    """
    family: str | None = None
    for path in font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
    if family is None:
        log.error("Noto Sans Khmer could not be registered; Khmer may not render")
        return None
    font = QFont(app.font())
    font.setFamilies([family, *[f for f in app.font().families() if f != family]])
    font.setPointSizeF(max(font.pointSizeF(), 11.0))  # Khmer's stacked glyphs need the room
    app.setFont(font)
    return family
