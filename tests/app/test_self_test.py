"""`branch-client --self-test`: every step checked from the source tree, and a failure named plainly."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from pytestqt.qtbot import QtBot

import forms
from branch_client.app import self_test
from branch_client.fonts import register_khmer_font


def decode_qr_in_pdf(path: Path) -> list[str]:
    """Render the PDF's first page and read every QR code on it (PDFium + ZXing)."""
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        bitmap = pdf[0].render(scale=2, grayscale=True)
        pixels = memoryview(bitmap.buffer).cast("B", shape=[bitmap.height, bitmap.stride])
        return [barcode.text for barcode in zxingcpp.read_barcodes(pixels)]
    finally:
        pdf.close()


def _run(args: list[str], *, no_display: bool = True) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if no_display:  # as on a server or in CI: the self-test must choose offscreen by itself
        for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
            env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "branch_client", "--self-test", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_self_test_passes_every_step_in_order_and_leaves_nothing_behind(tmp_path: Path) -> None:
    result = _run(["--data-dir", str(tmp_path)])
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""  # CI fails the bundle on any stderr: the source tree must be clean too
    lines = result.stdout.splitlines()
    names = [step.name for step in self_test.steps()]
    assert [line.split(":", 1)[0] for line in lines[:-1]] == [f"ok   {name}" for name in names]
    assert lines[-1].startswith(f"self-test passed: {len(names)} steps")
    assert "platform offscreen" in result.stdout
    assert "Noto Sans Khmer" in result.stdout
    assert "accepted over loopback" in result.stdout
    assert list(tmp_path.iterdir()) == []  # the temporary store was removed


def test_an_unwritable_data_folder_fails_the_first_step_by_name(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = _run(["--data-dir", str(blocker / "sub")])
    assert result.returncode == 1
    assert result.stdout.startswith("FAIL data folder: cannot write in ")
    assert len(result.stdout.splitlines()) == 1  # no later step ran
    assert result.stderr.strip() == "branch-client: self-test failed at step 'data folder'"


def test_verbose_gives_the_details_on_stderr(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = _run(["--verbose", "--data-dir", str(blocker / "sub")])
    assert result.returncode == 1
    assert "Traceback" in result.stderr
    assert "Traceback" not in result.stdout


def test_a_step_that_breaks_stops_the_run_names_the_step_and_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ran: list[str] = []

    def broken(ctx: self_test.Context) -> str:
        raise RuntimeError("the plugin is missing")

    def later(ctx: self_test.Context) -> str:
        ran.append("later")
        return "ran"

    monkeypatch.setattr(
        self_test,
        "steps",
        lambda: [
            self_test.Step("data folder", self_test.step_data_folder),
            self_test.Step("broken", broken),
            self_test.Step("later", later),
        ],
    )
    out = io.StringIO()
    assert self_test.run(parent=tmp_path, out=out) == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("ok   data folder: ")
    assert lines[1] == "FAIL broken: unexpected RuntimeError: the plugin is missing"
    assert ran == []
    assert "Traceback" not in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_missing_translations_fail_their_step(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QApplication

    import branch_client.paths

    monkeypatch.setattr(branch_client.paths, "translations_dir", lambda: tmp_path / "empty")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    ctx = self_test.Context(parent=tmp_path, app=app)
    with pytest.raises(self_test.StepFailed, match=r"branch_client_km\.qm"):
        self_test.step_translations(ctx)


def test_the_form_is_drawn_page_by_page_in_khmer(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    register_khmer_font(app)
    form = forms.load_form()
    images = self_test.render_form_offscreen(form, "km")
    assert len(images) == len(form.pages)
    assert all(not image.isNull() and image.width() > 100 and image.height() > 50 for image in images)


def test_the_self_test_receipt_embeds_the_khmer_font_and_a_signed_qr_code(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    register_khmer_font(app)
    path = tmp_path / "receipt.pdf"
    from branch_client.receipt import write_sample_receipt
    from sync import receipt as signed_receipt

    write_sample_receipt(path)
    assert b"NotoSansKhmer" in path.read_bytes()
    [text] = decode_qr_in_pdf(path)
    assert signed_receipt.parse(text).claim.reference  # the receipt's own signed QR text
