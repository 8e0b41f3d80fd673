"""CAM-IE Branch Client: the offline registration desk for partner bank branches."""

import os
import re
import sys

DIST_NAME = "cam-ie-branch-client"
FALLBACK_VERSION = "0.1.0"  # running from a bare source tree (or a bundle without metadata)


def _installed_version() -> str:
    """The installed distribution's version, as `importlib.metadata.version()` gives it.

    The start needs it (the window's identity, the log's first line, `--version`), and
    importing `importlib.metadata` (email, zipfile, csv…) would cost a tenth of a second
    of every start. So the distribution's `.dist-info/METADATA` is read here directly, from
    the first `sys.path` folder that has one for this distribution, as importlib.metadata
    would find it (an install, an editable checkout, the PyInstaller bundle, which copies
    it). Anything less plain (an egg-info, two candidates, no Version line) is left to
    importlib.metadata itself; tests/app/test_cli.py checks that both agree.
    """
    wanted = _normalise(DIST_NAME)
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:  # a missing folder, or a zip of modules (python311.zip, the bundle's base_library.zip)
            continue
        found = [
            name
            for name in names
            if name.lower().endswith((".dist-info", ".egg-info"))
            and _normalise(name.lower().rpartition(".")[0].partition("-")[0]) == wanted
        ]
        if not found:
            continue
        if len(found) == 1 and found[0].lower().endswith(".dist-info"):
            version = _metadata_version(os.path.join(entry or ".", found[0], "METADATA"))
            if version:
                return version
        break
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as metadata_version

    try:
        return metadata_version(DIST_NAME)
    except PackageNotFoundError:
        return FALLBACK_VERSION


def _normalise(name: str) -> str:
    """A distribution name compared as importlib.metadata compares it."""
    return re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")


def _metadata_version(path: str) -> str | None:
    """The `Version:` header of a METADATA file, or None."""
    try:
        with open(path, encoding="utf-8") as metadata:
            for line in metadata:
                if not line.strip():  # the headers end at the first empty line
                    return None
                if line.startswith("Version:"):
                    return line.partition(":")[2].strip() or None
    except (OSError, UnicodeDecodeError):
        return None
    return None


__version__ = _installed_version()

APP_NAME = "CAM-IE Branch Client"
APP_SLUG = "cam-ie-branch-client"
