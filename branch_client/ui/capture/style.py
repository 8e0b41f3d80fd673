"""The capture page's look, on top of the application's style sheet (resources/style.qss)."""

from __future__ import annotations

PRIMARY = "#1f5fa8"

CAPTURE_STYLE = """
#wizardHeader { background: white; border-bottom: 1px solid #dde1e6; }
#wizardFooter { background: #f6f7f9; border-top: 1px solid #dde1e6; }
QLabel#wizardTitle { font-size: 15pt; font-weight: bold; color: #1b2733; }
QToolButton#stepButton {
    border: none; border-radius: 12px; padding: 3px 10px; margin-right: 2px;
    color: #5b6775; background: #eef1f4;
}
QToolButton#stepButton:checked { background: #1f5fa8; color: white; font-weight: bold; }
QToolButton#stepButton[problem="true"] { color: #b00020; background: #fde8eb; }
QToolButton#stepButton[problem="true"]:checked { color: white; background: #b00020; }
QToolButton#stepButton:disabled { color: #b8c0c8; background: #f6f7f9; }
QTextBrowser#reviewArea, QWidget#wizardPage, QWidget#pageOuter { background: white; }
QLabel#pageTitle { font-size: 14pt; font-weight: bold; color: #1f5fa8; padding-bottom: 4px; }
QLabel#fieldTitle { font-weight: bold; color: #1b2733; }
QLabel#fieldHint { color: #5b6775; }
QLabel#errorText { color: #b00020; }
QLabel#remarkText {
    background: #fff4e0; border: 1px solid #f0c36d; border-radius: 4px; padding: 6px 8px; color: #5c3d00;
}
QLineEdit { border: 1px solid #b9c2cc; border-radius: 4px; padding: 5px 6px; background: white; }
QLineEdit:focus { border: 2px solid #1f5fa8; padding: 4px 5px; }
QLineEdit[invalid="true"] { border: 1px solid #b00020; background: #fff7f8; }
QLineEdit[invalid="true"]:focus { border: 2px solid #b00020; }
QComboBox[invalid="true"] { border: 1px solid #b00020; }
QPushButton#primaryButton {
    background: #1f5fa8; color: white; border: 1px solid #1f5fa8; border-radius: 4px;
    padding: 7px 18px; font-weight: bold;
}
QPushButton#primaryButton:hover { background: #194f8d; }
QPushButton#primaryButton:focus { border: 2px solid #0d3566; }
QPushButton#primaryButton:disabled { background: #9db7d6; border-color: #9db7d6; }
QPushButton#linkButton { border: none; background: transparent; color: #1f5fa8; padding: 2px 4px; min-height: 0; }
QPushButton#linkButton:hover { text-decoration: underline; }
QLabel#sectionTitle { font-size: 12pt; font-weight: bold; color: #1b2733; }
QFrame#duplicateHint { background: #fff4e0; border: 1px solid #e0a030; border-radius: 4px; }
QLabel#duplicateHintText { color: #5c3d00; background: transparent; }
QPushButton#duplicateCompare { padding: 3px 12px; }
QLabel#problemBox {
    background: #fde8eb; border: 1px solid #f3b5bf; border-radius: 6px; padding: 8px 12px; color: #7a0014;
}
QLabel#noteText {
    background: #f3f6fa; border-left: 4px solid #1f5fa8; padding: 10px 12px; color: #1b2733;
}
QLabel#saveStatus { color: #5b6775; }
QLabel#saveStatus[problem="true"] { color: #b00020; }
QFrame#referenceCard { background: #f3f7fc; border: 2px solid #1f5fa8; border-radius: 10px; }
QLabel#referenceNumber { color: #0d3566; }
QLabel#referenceCaption { color: #5b6775; }
QLabel#referenceOwner { font-size: 12pt; color: #1b2733; }
QLabel#pageIntro { color: #3d4955; }
QLabel#emptyText { color: #5b6775; padding: 12px 0; }
QProgressBar#completeness {
    border: 1px solid #c9d1d9; border-radius: 4px; background: #eef1f4; text-align: center; min-height: 18px;
}
QProgressBar#completeness::chunk { background: #3d8b5a; border-radius: 3px; }
QTableView#draftsTable, QTableWidget#duplicateTable { border: 1px solid #dde1e6; background: white; }
"""
