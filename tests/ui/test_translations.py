"""Every UI string has its Khmer translation, and the committed .qm matches the .ts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_translations_are_complete_and_compiled() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_source_string_is_in_the_ts_file() -> None:
    # lupdate into a scratch copy: if the sources have a string the .ts lacks, it grows.
    import shutil
    import tempfile

    ts = ROOT / "resources" / "translations" / "branch_client_km.ts"
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / ts.name
        shutil.copy(ts, scratch)
        sources = sorted(str(p) for p in (ROOT / "branch_client").rglob("*.py"))
        lupdate = Path(sys.executable).parent / "pyside6-lupdate"
        subprocess.run(
            [str(lupdate), "-no-obsolete", "-locations", "none", *sources, "-ts", str(scratch)],
            capture_output=True,
            check=True,
        )
        assert scratch.read_text(encoding="utf-8") == ts.read_text(encoding="utf-8"), (
            "UI strings changed: run `uv run python scripts/update_translations.py` and translate"
        )
