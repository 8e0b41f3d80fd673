"""Preferences of this installation that are not secret: UI language, idle-lock delay and
where the window was left.

They live in `settings.json` in the data directory because the login screen needs them
before anything is unlocked. Unknown or damaged values fall back to defaults. The window's
geometry is kept per PC, not per account: it belongs to the screen on the desk, and it is
restored before anyone signs in.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from branch_client.store.errors import KnownError
from branch_client.store.files import write_atomic

log = logging.getLogger(__name__)

SETTINGS_FILENAME = "settings.json"
LANGUAGES = ("en", "km")


@dataclass(frozen=True)
class Preferences:
    """The installation's preferences."""

    language: str = "km"
    idle_lock_minutes: float = 10.0
    #: Qt's `saveGeometry()` of the main window, base-64 (JSON holds text); "" for none yet.
    window_geometry: str = ""

    def with_language(self, language: str) -> Preferences:
        """A copy with another UI language (`en` or `km`)."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        return replace(self, language=language)

    def with_window_geometry(self, geometry: bytes) -> Preferences:
        """A copy remembering the main window's geometry (`QMainWindow.saveGeometry()`)."""
        return replace(self, window_geometry=base64.b64encode(geometry).decode("ascii"))

    def window_geometry_bytes(self) -> bytes:
        """The geometry to give `restoreGeometry()` (b"" when none, or when unreadable)."""
        try:
            return base64.b64decode(self.window_geometry, validate=True)
        except (binascii.Error, ValueError):
            return b""


def load(data_dir: Path) -> Preferences:
    """The saved settings, or the defaults when there are none or they are unreadable."""
    path = data_dir / SETTINGS_FILENAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Preferences()
    except (OSError, ValueError):
        log.warning("settings file unreadable; using defaults")
        return Preferences()
    defaults = Preferences()
    language = data.get("language") if isinstance(data, dict) else None
    minutes = data.get("idle_lock_minutes") if isinstance(data, dict) else None
    geometry = data.get("window_geometry") if isinstance(data, dict) else None
    return Preferences(
        language=language if language in LANGUAGES else defaults.language,
        idle_lock_minutes=float(minutes)
        if isinstance(minutes, int | float) and 0 < minutes <= 24 * 60
        else defaults.idle_lock_minutes,
        window_geometry=geometry if isinstance(geometry, str) and len(geometry) < 4096 else "",
    )


def save(data_dir: Path, settings: Preferences) -> None:
    """Write the settings; a full disk is logged, never fatal (they are only preferences)."""
    try:
        write_atomic(data_dir / SETTINGS_FILENAME, json.dumps(asdict(settings), indent=2).encode("utf-8"))
    except KnownError as exc:
        log.warning("settings not saved: %s", exc.code)
