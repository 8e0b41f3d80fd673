"""One list of the *Rejections and review* page: explanation, sortable table, details, buttons."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from branch_client.ui.rejections.models import RECORD_ID_ROLE, RecordsModel, sorted_view


class RecordList(QWidget):
    """One tab: an explanation, a sortable table, the selected record's details, buttons."""

    def __init__(self, model: RecordsModel, *, multi: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        # The model (and its proxy, its child) belong to this widget: freed with it by Qt,
        # never later by Python's garbage collector while the view still points at them.
        model.setParent(self)
        self.proxy = sorted_view(model)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # submitted, oldest first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection
            if multi
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Reference, owner, date and teller as wide as they need; the long texts (the state,
        # a reason) share what is left and wrap onto more lines, so at 1366×768 a Khmer
        # reason is read whole, with no sideways scrolling (the lists hold tens of rows).
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in model.wrapping_columns():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.details = QTextBrowser()
        self.details.setObjectName("recordDetails")
        self.details.setOpenLinks(False)
        lines = self.details.fontMetrics().lineSpacing()
        self.details.setFixedHeight(lines * 5 + 12)  # a heading, the reason and a few answers; it scrolls
        self.buttons = QHBoxLayout()
        self.empty = QLabel()
        self.empty.setObjectName("emptyList")
        self.empty.setWordWrap(True)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.intro)
        self.layout_.addWidget(self.table, 1)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.empty, 1)
        self.layout_.addWidget(self.details)
        self.layout_.addLayout(self.buttons)

    def set_rows(self, rows: list[Any]) -> None:
        """New contents; the records selected before stay selected if still listed."""
        before = set(self.selected_ids())
        self.model.set_rows(rows)
        self.select_ids(before)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self.details.setVisible(bool(rows))

    def selected_ids(self) -> list[str]:
        """Record ids of the selected rows, in the order shown."""
        selection = self.table.selectionModel()
        if selection is None:
            return []
        rows = sorted(index.row() for index in selection.selectedRows())
        return [str(self.proxy.index(r, 0).data(RECORD_ID_ROLE)) for r in rows]

    def selected_rows(self) -> list[Any]:
        """The selected records (store rows)."""
        wanted = set(self.selected_ids())
        return [row for row in self.model.rows() if row.record_id in wanted]

    def select_ids(self, record_ids: set[str] | list[str]) -> None:
        """Select the rows of `record_ids` (those still listed)."""
        wanted = set(record_ids)
        chosen = QItemSelection()
        last = self.proxy.columnCount() - 1
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, 0).data(RECORD_ID_ROLE) in wanted:
                chosen.select(self.proxy.index(r, 0), self.proxy.index(r, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(chosen, flags)

    def select_all(self) -> None:
        self.table.selectAll()
