"""The capture page's start: begin a new registration, or resume or discard a draft."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branch_client.ui.capture.drafts_model import COMPLETE, OWNER, CompletenessRole, DraftsModel
from branch_client.ui.widgets import message_label, title_label


class CompletenessDelegate(QStyledItemDelegate):
    """Draws a draft's completeness as a slim progress bar with its percentage."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        value = index.data(CompletenessRole)
        if not isinstance(value, float):
            super().paint(painter, option, index)
            return
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(8, 8, -8, -8)
        bar.minimum, bar.maximum = 0, 100
        bar.progress = round(value * 100)
        bar.text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        style = QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)


class StartView(QWidget):
    """“New registration” and the teller's drafts.

    Signals:
        new_requested(): start a new registration.
        resume_requested(str): open this draft in the wizard.
        discard_requested(str): throw this draft away (the page asks for confirmation).
    """

    new_requested = Signal()
    resume_requested = Signal(str)
    discard_requested = Signal(str)

    def __init__(self, model: DraftsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        model.setParent(self)  # freed with the view by Qt, not later by the garbage collector
        self.title = title_label()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setObjectName("pageIntro")
        self.new_button = QPushButton()
        self.new_button.setObjectName("primaryButton")
        self.new_button.setAutoDefault(True)
        self.new_button.clicked.connect(self.new_requested)
        self.drafts_title = QLabel()
        self.drafts_title.setObjectName("sectionTitle")
        self.empty = QLabel()
        self.empty.setObjectName("emptyText")
        self.empty.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("draftsTable")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(38)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(OWNER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COMPLETE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COMPLETE, 150)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItemDelegateForColumn(COMPLETE, CompletenessDelegate(self.table))
        self.table.doubleClicked.connect(lambda _index: self._resume())
        self.table.installEventFilter(self)
        self.resume_button = QPushButton()
        self.resume_button.setAutoDefault(True)
        self.resume_button.clicked.connect(self._resume)
        self.discard_button = QPushButton()
        self.discard_button.setAutoDefault(True)
        self.discard_button.clicked.connect(self._discard)
        self.message = message_label()
        model.modelReset.connect(self._update)
        self.table.selectionModel().selectionChanged.connect(self._update)

        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.drafts_title)
        buttons.addStretch(1)
        buttons.addWidget(self.resume_button)
        buttons.addWidget(self.discard_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addSpacing(4)
        layout.addLayout(top)
        layout.addSpacing(18)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.title.setText(self.tr("New registration"))
        self.intro.setText(
            self.tr(
                "Register a business with its owner present. Every change is saved as a draft as you type; an unfinished registration waits here."
            )
        )
        self.new_button.setText(self.tr("Start a new registration") + "  (Ctrl+N)")
        self.drafts_title.setText(self.tr("Your drafts"))
        self.empty.setText(self.tr("No drafts: every registration you started has been submitted or discarded."))
        self.resume_button.setText(self.tr("Resume"))
        self.discard_button.setText(self.tr("Discard…"))
        self.model.retranslate()

    def selected_id(self) -> str | None:
        """The id of the selected draft, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.draft_at(rows[0].row()).id if rows else None

    def select(self, draft_id: str) -> None:
        """Select draft `draft_id` in the list."""
        row = self.model.row_of(draft_id)
        if row >= 0:
            self.table.selectRow(row)

    def _update(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if has_rows and self.selected_id() is None:
            self.table.selectRow(0)
        chosen = self.selected_id() is not None
        self.resume_button.setEnabled(chosen)
        self.discard_button.setEnabled(chosen)

    def _resume(self) -> None:
        draft_id = self.selected_id()
        if draft_id is not None:
            self.resume_requested.emit(draft_id)

    def _discard(self) -> None:
        draft_id = self.selected_id()
        if draft_id is not None:
            self.discard_requested.emit(draft_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._resume()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self._discard()
                return True
        return super().eventFilter(watched, event)
