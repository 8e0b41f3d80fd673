"""Preferences of this installation that are not secret: UI language and idle-lock delay.

They live in `settings.json` in the data directory because the login screen needs them
before anything is unlocked. Unknown or damaged values fall back to defaults.
"""

from __future__ import annotations

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

    def with_language(self, language: str) -> Preferences:
        """A copy with another UI language (`en` or `km`)."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        return replace(self, language=language)


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
    return Preferences(
        language=language if language in LANGUAGES else defaults.language,
        idle_lock_minutes=float(minutes)
        if isinstance(minutes, int | float) and 0 < minutes <= 24 * 60
        else defaults.idle_lock_minutes,
    )


def save(data_dir: Path, settings: Preferences) -> None:
    """Write the settings; a full disk is logged, never fatal (they are only preferences)."""
    try:
        write_atomic(data_dir / SETTINGS_FILENAME, json.dumps(asdict(settings), indent=2).encode("utf-8"))
    except KnownError as exc:
        log.warning("settings not saved: %s", exc.code)
