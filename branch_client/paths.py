"""Where things live: the default data directory and the bundled resources."""

from __future__ import annotations

import sys
from pathlib import Path

from branch_client import APP_NAME


def default_data_dir() -> Path:
    """The per-user data directory for the branch store, logs and settings.

    On Windows it is under the user's profile (`%LOCALAPPDATA%`), which only that user (and
    the PC's administrators) can read; elsewhere the app makes it 0700 when it first uses it
    (`store/files.make_private_directory`).

    `platformdirs` is imported here, not at the top: a start given `--data-dir` (the demo,
    the start-up benchmark, a scheduled headless command) never asks, so never pays for it."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def resources_dir() -> Path:
    """The `resources/` folder: beside the package in a checkout, inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def translations_dir() -> Path:
    """Compiled Qt translations (`.qm`)."""
    return resources_dir() / "translations"
