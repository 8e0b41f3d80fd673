"""Refresh the translation sources and compile them: `uv run python scripts/update_translations.py`.

1. `pyside6-lupdate` collects every `tr()` / `QCoreApplication.translate` string from
   branch_client/ into resources/translations/branch_client_km.ts (existing translations
   are kept; strings no longer used are dropped).
2. Translators fill in the Khmer (Qt Linguist: `pyside6-linguist`).
3. `pyside6-lrelease` compiles the .ts into the .qm the app loads.

`--check` compiles into a temporary folder and fails if the committed .qm differs or a
string lacks its Khmer translation (the test suite runs this check).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ["km"]


def tool(name: str) -> str:
    """Path of a PySide6 tool in the same environment as this Python."""
    candidate = Path(sys.executable).parent / name
    found = shutil.which(name) if not candidate.exists() else str(candidate)
    if found is None:
        raise SystemExit(f"{name} not found: run through `uv run`")
    return found


def sources() -> list[str]:
    """Every Python file of the app, relative to the repository root."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "branch_client").rglob("*.py"))


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"branch_client_{language}.ts"


def update() -> None:
    """Run lupdate over the sources into each .ts file."""
    for language in LANGUAGES:
        subprocess.run(
            [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(ts_path(language))],
            cwd=ROOT,
            check=True,
        )


def release(out_dir: Path) -> list[Path]:
    """Compile each .ts into `out_dir`; returns the .qm files."""
    made = []
    for language in LANGUAGES:
        qm = out_dir / f"branch_client_{language}.qm"
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_path(language)), "-qm", str(qm)], check=True)
        made.append(qm)
    return made


def untranslated(language: str) -> list[str]:
    """Source strings of `language`'s .ts without a finished translation."""
    tree = ET.parse(ts_path(language))
    missing = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if (
            translation is None
            or translation.get("type") in ("unfinished", "obsolete", "vanished")
            or not (translation.text or "").strip()
        ):
            missing.append(source)
    return missing


def check() -> list[str]:
    """Problems with the committed translations (empty when all is well)."""
    problems = [f"{lang}: untranslated: {s!r}" for lang in LANGUAGES for s in untranslated(lang)]
    with tempfile.TemporaryDirectory() as tmp:
        for qm in release(Path(tmp)):
            committed = TRANSLATIONS / qm.name
            if not committed.exists() or committed.read_bytes() != qm.read_bytes():
                problems.append(f"{qm.name} is out of date: run scripts/update_translations.py")
    return problems


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--check", action="store_true", help="verify instead of writing")
    if args.parse_args().check:
        problems = check()
        print("\n".join(problems) or "translations up to date")
        return 1 if problems else 0
    update()
    release(TRANSLATIONS)
    missing = {lang: untranslated(lang) for lang in LANGUAGES}
    for lang, strings in missing.items():
        for s in strings:
            print(f"{lang}: needs a translation: {s!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
