"""The teller's drafts as a table: owner, kind, last change (as an age) and completeness."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from branch_client.i18n import translate, ui_language
from branch_client.store import Draft
from forms.display import show_datetime

_Index = QModelIndex | QPersistentModelIndex

OWNER, KIND, CHANGED, COMPLETE = range(4)
#: The draft's completeness, 0..1, for the progress bar drawn in its column.
CompletenessRole = Qt.ItemDataRole.UserRole + 1


def _parse(stamp: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def age_text(stamp: str, now: datetime) -> str:
    """How long ago `stamp` was, as people say it: just now, 5 min ago, 3 h ago, or the date."""
    moment = _parse(stamp)
    if moment is None:
        return ""
    seconds = (now - moment).total_seconds()
    locale = QLocale()
    if seconds < 60:
        return translate("Drafts", "just now")
    if seconds < 3600:
        return translate("Drafts", "%1 min ago").replace("%1", locale.toString(int(seconds // 60)))
    if seconds < 24 * 3600:
        return translate("Drafts", "%1 h ago").replace("%1", locale.toString(int(seconds // 3600)))
    return show_datetime(moment, ui_language())


def exact_time(stamp: str) -> str:
    """`stamp` in local time, in full with the seconds (tooltips), day first and 24-hour."""
    moment = _parse(stamp)
    if moment is None:
        return ""
    return show_datetime(moment, ui_language(), seconds=True)


class DraftsModel(QAbstractTableModel):
    """One row per draft, newest change first (the order the store gives)."""

    def __init__(self, now: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        self._drafts: list[Draft] = []
        self._references: dict[str, str] = {}
        self._now = now or (lambda: datetime.now(UTC))
        self._moment = self._now()

    def set_drafts(self, drafts: list[Draft], references: dict[str, str] | None = None) -> None:
        """Replace the rows; `references` gives the reference of each corrected registration."""
        self.beginResetModel()
        self._drafts = list(drafts)
        self._references = dict(references or {})
        self._moment = self._now()
        self.endResetModel()

    def draft_at(self, row: int) -> Draft:
        """The draft on `row`."""
        return self._drafts[row]

    def row_of(self, draft_id: str) -> int:
        """The row of draft `draft_id`, -1 when it is not listed."""
        return next((i for i, d in enumerate(self._drafts) if d.id == draft_id), -1)

    def retranslate(self) -> None:
        """Texts change with the language: tell the views."""
        if self._drafts:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._drafts) - 1, COMPLETE))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COMPLETE)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._drafts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else COMPLETE + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = [
            translate("Drafts", "Owner"),
            translate("Drafts", "Kind"),
            translate("Drafts", "Last change"),
            translate("Drafts", "Complete"),
        ]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._drafts):
            return None
        draft = self._drafts[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return draft.id
        if role == CompletenessRole:
            return float(draft.completeness)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == OWNER:
                return draft.owner_name or translate("Drafts", "(no name yet)")
            if column == KIND:
                if draft.supersedes:
                    reference = self._references.get(draft.supersedes, "")
                    return translate("Drafts", "Correction of %1").replace("%1", reference).strip()
                return translate("Drafts", "New registration")
            if column == CHANGED:
                return age_text(draft.updated_at or draft.created_at, self._moment)
            if column == COMPLETE:
                return QLocale().toString(round(draft.completeness * 100)) + " %"
        if role == Qt.ItemDataRole.ToolTipRole and column == CHANGED:
            return (
                translate("Drafts", "Started %1; last change %2")
                .replace("%1", exact_time(draft.created_at))
                .replace("%2", exact_time(draft.updated_at))
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COMPLETE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
