"""Qt's own dialogs speak Khmer with the UI: the file dialog, message boxes, the print
dialog (Qt's on Linux, the app's own where Qt's would be the system's) and the right-click
menus of text fields. Qt ships no Khmer; its strings come from the app's translation
(`branch_client.ui.qt_strings`). Each dialog is built as the app builds it, opened
without blocking, read (labels, buttons, combo items, headers, titles) and closed."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from branch_client.i18n import Translator, translate
from branch_client.ui import dialogs
from branch_client.ui.qt_strings import QT_STRINGS
from branch_client.ui.rejections.dialogs import PolicyOffBox

# Latin that may stay in a Khmer dialog: the product's name, the names of file formats
# and the certificate kind (as the app's own Khmer writes them), and the byte units of
# the file dialog's Size column (Qt writes sizes in the system's locale, and QLocale has
# no Khmer for KiB either).
ALLOWED_LATIN = {"CAM", "IE", "PDF", "CSV", "CA", "DER", "PEM", "KiB", "MiB", "GiB", "kB", "MB", "GB", "bytes"}
MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")  # "បោះពុម្ព (&P)" and a bare "&"
FILE_PATTERN = re.compile(r"\*(\.[\w.]+)?")  # *.pdf, *


@pytest.fixture
def khmer(translator: Translator) -> Translator:
    """The UI in Khmer with the app's real translation."""
    translator.set_language("km")
    QApplication.processEvents()
    return translator


def english_words(texts: Iterable[str], *, names: Iterable[str] = ()) -> list[str]:
    """The Latin words left in `texts`, after file names and paths (`names`), file
    patterns, mnemonics and the allowed Latin are taken out."""
    found = []
    for text in texts:
        rest = MNEMONIC.sub("", text.split("\t")[0])  # a menu's "\tCtrl+C" names keys
        for name in sorted(names, key=len, reverse=True):
            rest = rest.replace(name, " ")
        rest = FILE_PATTERN.sub(" ", rest)
        found += [word for word in re.findall(r"[A-Za-z]{2,}", rest) if word not in ALLOWED_LATIN]
    return found


def shown_texts(dialog: QWidget) -> list[str]:
    """Every text the dialog shows: title, labels, buttons, group boxes, tabs, combo items,
    header sections and the cells of its item views."""
    texts = [dialog.windowTitle()]
    for child in dialog.findChildren(QWidget):
        if not child.isVisibleTo(dialog):
            continue
        if isinstance(child, QLabel | QAbstractButton):
            texts.append(child.text())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QTabWidget):
            texts += [child.tabText(i) for i in range(child.count())]
        elif isinstance(child, QComboBox):
            texts += [child.itemText(i) for i in range(child.count())]
        elif isinstance(child, QHeaderView) and child.model() is not None:
            model = child.model()
            count = model.columnCount() if child.orientation() == Qt.Orientation.Horizontal else 0
            texts += [str(model.headerData(i, Qt.Orientation.Horizontal)) for i in range(count)]
        elif isinstance(child, QAbstractItemView) and child.model() is not None:
            texts += list(cells(child))
    return [text for text in texts if text]


def cells(view: QAbstractItemView) -> Iterator[str]:
    model, root = view.model(), view.rootIndex()
    for row in range(model.rowCount(root)):
        for column in range(model.columnCount(root)):
            value = model.index(row, column, root).data()
            if isinstance(value, str):
                yield value


def path_names(*paths: Path) -> list[str]:
    """The paths and each of their folders' names, as a file dialog shows them."""
    return [name for path in paths for name in (str(path), *path.parts)]


def open_khmer_file_dialog(qtbot: QtBot, dialog: QFileDialog, folder: Path, rows: int = 2) -> QFileDialog:
    """Show `dialog` (built by the app) on `folder`, once its listing (`rows` entries: for a
    PDF filter, the folder and the PDF) has arrived."""
    qtbot.addWidget(dialog)
    dialog.setDirectory(str(folder))
    dialog.open()
    view = dialog.findChild(QAbstractItemView, "treeView")
    assert view is not None
    qtbot.wait_until(lambda: view.model().rowCount(view.rootIndex()) >= rows)
    return dialog


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "receipts").mkdir()
    (tmp_path / "old-receipt.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (tmp_path / "centre-ca.pem").write_text("-----BEGIN CERTIFICATE-----\n", encoding="ascii")
    return tmp_path


# The assertions on English words below pass once the lead has merged
# /tmp/km_strings/qt_dialogs.tsv into branch_client_km.ts and rebuilt the .qm.


def test_every_qt_string_listed_has_its_khmer(khmer: Translator) -> None:
    untranslated = [pair for pair in QT_STRINGS if QCoreApplication.translate(*pair) == pair[1]]
    assert untranslated == []


def test_the_save_dialog_is_qts_own_and_khmer(khmer: Translator, qtbot: QtBot, folder: Path) -> None:
    dialog = dialogs.file_dialog(None, translate("Dialogs", "Save as PDF"), "PDF (*.pdf)", save_as="x.pdf")
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)  # the system's would speak English
    open_khmer_file_dialog(qtbot, dialog, folder)
    assert dialog.width() <= 1366  # roomier for Khmer, within the branch PC's screen
    assert dialog.height() <= 728
    texts = shown_texts(dialog)
    assert "old-receipt.pdf" in texts  # the listing was read
    assert "receipts" in texts
    names = [*path_names(folder, Path.home()), "old-receipt.pdf", "receipts", "x.pdf"]
    assert english_words(texts, names=names) == []
    dialog.reject()


def test_the_indicators_export_and_the_ca_certificate_dialogs_are_khmer(
    khmer: Translator, qtbot: QtBot, folder: Path
) -> None:
    # As indicators.page.export_csv and dialogs.choose_ca_bundle build them.
    export = dialogs.file_dialog(None, translate("Indicators", "Export figures"), "CSV (*.csv)", save_as="b.csv")
    ca_title = translate("Dialogs", "Centre's CA certificate")
    ca = dialogs.file_dialog(None, ca_title, translate("Dialogs", "Certificates (*.pem *.crt)"))
    for dialog, rows in ((export, 1), (ca, 2)):  # the folder; the folder and the certificate
        assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        open_khmer_file_dialog(qtbot, dialog, folder, rows)
        names = [*path_names(folder, Path.home()), "old-receipt.pdf", "receipts", "centre-ca.pem", "b.csv"]
        assert english_words(shown_texts(dialog), names=names) == []
        dialog.reject()


def test_in_english_the_file_dialog_stays_the_systems(translator: Translator) -> None:
    translator.set_language("en")
    assert not dialogs.file_dialog(None, "t", "PDF (*.pdf)", save_as="x.pdf").testOption(
        QFileDialog.Option.DontUseNativeDialog
    )


def test_the_khmer_save_dialog_works_by_keyboard_and_adds_the_extension(
    khmer: Translator, qtbot: QtBot, folder: Path
) -> None:
    """Typed name, Enter: saved as receipt.pdf in the folder shown (no mouse, no exec())."""
    dialog = open_khmer_file_dialog(
        qtbot, dialogs.file_dialog(None, "t", "PDF (*.pdf)", save_as="suggested.pdf"), folder
    )
    dialog.activateWindow()
    qtbot.wait_until(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    name_field = QApplication.focusWidget()
    assert isinstance(name_field, QLineEdit)
    assert name_field.text() == "suggested.pdf"
    name_field.selectAll()
    QTest.keyClicks(name_field, "receipt")
    with qtbot.wait_signal(dialog.accepted):
        QTest.keyClick(name_field, Qt.Key.Key_Return)
    assert [Path(p) for p in dialog.selectedFiles()] == [folder / "receipt.pdf"]


def test_the_khmer_file_dialog_cancels_with_escape(khmer: Translator, qtbot: QtBot, folder: Path) -> None:
    dialog = open_khmer_file_dialog(qtbot, dialogs.file_dialog(None, "t", "PDF (*.pdf)"), folder)
    dialog.activateWindow()
    qtbot.wait_until(lambda: QApplication.focusWidget() is not None)
    focused = QApplication.focusWidget()
    assert focused is not None
    with qtbot.wait_signal(dialog.rejected):
        QTest.keyClick(focused, Qt.Key.Key_Escape)


def message_boxes() -> list[QMessageBox]:
    """Every message box of the app, built as the app builds it."""
    return [
        dialogs.confirmation_box(None, translate("Dialogs", "Save as PDF"), "?"),
        dialogs.notice_box(None, QMessageBox.Icon.Warning, "!"),
        dialogs.notice_box(None, QMessageBox.Icon.Information, "!"),
        PolicyOffBox(None, 3),
    ]


def test_message_boxes_are_qts_own_with_khmer_buttons(khmer: Translator, qtbot: QtBot) -> None:
    for box in message_boxes():
        qtbot.addWidget(box)
        assert box.testOption(QMessageBox.Option.DontUseNativeDialog)
        box.open()
        buttons = [button.text() for button in box.buttons()]
        assert len(buttons) >= 1
        assert english_words(buttons) == [], buttons
        assert english_words(shown_texts(box)) == []
        box.close()


def test_the_about_boxs_ok_is_khmer(khmer: Translator, qtbot: QtBot) -> None:
    # shell.show_about calls QMessageBox.about: Qt's own box with one OK button.
    box = QMessageBox(QMessageBox.Icon.NoIcon, "", "", QMessageBox.StandardButton.Ok)
    qtbot.addWidget(box)
    ok = box.button(QMessageBox.StandardButton.Ok)
    assert ok is not None
    assert english_words([ok.text()]) == []


def answer_the_modal_box_with(key: Qt.Key) -> QTimer:
    """Once the modal message box is up, press `key` in it (the box is shown by `exec()`)."""
    timer = QTimer()
    timer.setInterval(10)

    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            timer.stop()
            QTest.keyClick(box, key)

    timer.timeout.connect(press)
    timer.start()
    return timer


@pytest.mark.parametrize(("key", "answer"), [(Qt.Key.Key_Y, True), (Qt.Key.Key_N, False), (Qt.Key.Key_Escape, False)])
def test_ask_confirmation_by_keyboard(khmer: Translator, qtbot: QtBot, key: Qt.Key, answer: bool) -> None:
    """Y and N are the buttons' mnemonics in Khmer too ("… (&Y)"); Escape is No."""
    timer = answer_the_modal_box_with(key)
    assert dialogs.ask_confirmation(None, "t", "?") is answer
    assert not timer.isActive()


def test_line_edit_and_text_menus_are_khmer(khmer: Translator, qtbot: QtBot) -> None:
    line = QLineEdit("ក")
    text = QPlainTextEdit("ក")
    browser = QTextBrowser()
    browser.setHtml('<a href="https://example.org">ក</a>')
    for widget in (line, text, browser):
        qtbot.addWidget(widget)
        menu = widget.createStandardContextMenu()
        labels = [action.text() for action in menu.findChildren(QAction) if action.text()]
        assert labels, widget
        assert english_words(labels) == [], labels
        menu.deleteLater()


def test_qts_print_dialog_is_khmer(khmer: Translator, qtbot: QtBot) -> None:
    if sys.platform in dialogs.SYSTEM_PRINT_DIALOG_PLATFORMS:
        pytest.skip("QPrintDialog is the system's here")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = dialogs.printer_dialog(None, printer)
    assert isinstance(dialog, QPrintDialog)
    qtbot.addWidget(dialog)
    QDialog.open(dialog)
    qtbot.wait_until(dialog.isVisible)
    printers = QPrinterInfo.availablePrinterNames()
    names = [*printers, printer.outputFileName(), str(Path.home())]
    assert english_words(shown_texts(dialog), names=[n for n in names if n]) == []
    dialog.reject()


def test_where_qts_print_dialog_is_the_systems_khmer_gets_the_apps_own(
    khmer: Translator, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "SYSTEM_PRINT_DIALOG_PLATFORMS", (sys.platform,))  # as on Windows
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    chooser = dialogs.printer_dialog(None, printer)
    assert isinstance(chooser, dialogs.PrinterChooser)
    qtbot.addWidget(chooser)
    chooser.open()
    printers = QPrinterInfo.availablePrinterNames()
    assert [chooser.printers.itemText(i) for i in range(chooser.printers.count())] == printers
    print_button = chooser.buttons.button(chooser.buttons.StandardButton.Ok)
    assert print_button.isEnabled() == bool(printers)
    assert english_words(shown_texts(chooser), names=printers) == []
    chooser.copies.setValue(3)
    chooser.accept()
    assert printer.copyCount() == 3
    assert printer.printerName() == chooser.printers.currentText()


def test_in_english_the_print_dialog_stays_qts(translator: Translator, monkeypatch: pytest.MonkeyPatch) -> None:
    translator.set_language("en")
    monkeypatch.setattr(dialogs, "SYSTEM_PRINT_DIALOG_PLATFORMS", (sys.platform,))
    assert isinstance(dialogs.printer_dialog(None, QPrinter()), QPrintDialog)


def test_english_words_finds_english() -> None:
    # The checker itself: a Khmer label passes, an English one is caught.
    assert english_words(["បោះពុម្ព (&P)", "ឯកសារ PDF (*.pdf)", "2.93 KiB", "ចម្លង (&C)\tCtrl+C"]) == []
    assert english_words(["&Save", "Look in:"]) == ["Save", "Look", "in"]
    assert english_words(["/tmp/x/receipts"], names=["/tmp/x/receipts"]) == []
