"""A lazy table model over the audit log: newest first, a page at a time, with filters.

Entries hold ids only (no PII); the model shows people what the ids mean: the account's
username for an actor or an account subject, the registration's reference for a
registration subject. Both are looked up once per page read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from branch_client.i18n import translate
from branch_client.store import RECOVERY_SLOT_ID, AuditEntry, Session
from branch_client.ui.audit import text as audit_text
from branch_client.ui.paged_model import PagedTableModel
from branch_client.ui.sync import text as sync_text

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole


@dataclass(frozen=True)
class AuditFilter:
    """What the viewer shows: one account, one action, a time range (since inclusive, until exclusive)."""

    actor: str | None = None
    action: str | None = None
    since: datetime | None = None
    until: datetime | None = None


class AuditLogModel(PagedTableModel[AuditEntry]):
    """Time (local), user, action in plain words, subject, details; one row per entry."""

    COLUMNS = 5
    PAGE = 200

    def __init__(self, session: Session, *, page: int = PAGE) -> None:
        super().__init__(page)
        self._session = session
        self.filter = AuditFilter()
        self._usernames: dict[str, str] = {}
        self._references: dict[str, str] = {}

    def set_filter(self, value: AuditFilter) -> None:
        """Show the entries matching `value`, from the newest."""
        self.filter = value
        self.refresh()

    def refresh(self) -> None:
        """Read the first page again (new entries, changed usernames)."""
        usernames = {account.id: account.username for account in self._session.accounts()}
        rows = self._entries(None)
        references = self._references_of(rows, usernames)
        with self._resetting(rows):
            self._usernames = usernames
            self._references = references

    def _read(self, after: AuditEntry | None) -> list[AuditEntry]:
        rows = self._entries(None if after is None else after.seq)
        self._references.update(self._references_of(rows, self._usernames))
        return rows

    def _entries(self, before_seq: int | None) -> list[AuditEntry]:
        f = self.filter
        return self._session.audit_page(
            before_seq=before_seq,
            actor=f.actor,
            action=f.action,
            since=f.since,
            until=f.until,
            limit=self._page_size,
        )

    def _references_of(self, rows: list[AuditEntry], usernames: dict[str, str]) -> dict[str, str]:
        """The references of the registrations `rows` name (as subject or superseded version)."""
        wanted = {e.subject for e in rows if e.subject and e.subject not in usernames}
        wanted |= {e.details.split('"supersedes":"', 1)[1][:36] for e in rows if '"supersedes":"' in e.details}
        return self._session.references(wanted)

    def entry_at(self, row: int) -> AuditEntry:
        """The entry shown on `row`."""
        return self.row_at(row)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        headers = [
            translate("Audit", "Time"),
            translate("Audit", "User"),
            translate("Audit", "Action"),
            translate("Audit", "Subject"),
            translate("Audit", "Details"),
        ]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return entry.seq
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return translate("Audit", "Entry %1").replace("%1", str(entry.seq))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (3, 4):
            role = _DISPLAY  # the whole text, where the column cuts it short
        if role != _DISPLAY:
            return None
        column = index.column()
        if column == 0:
            return sync_text.when(entry.at)
        if column == 1:
            return self.username(entry.actor)
        if column == 2:
            return audit_text.action(entry.action)
        if column == 3:
            return self.subject(entry)
        if column == 4:
            return audit_text.details(entry.details, self._resolve, skip=self.subject(entry))
        return None

    def username(self, account_id: str | None) -> str:
        """An actor as people know it: the account's username ("—" for none)."""
        if account_id is None:
            return "—"
        if account_id == RECOVERY_SLOT_ID:
            return translate("Audit", "recovery key")
        return self._usernames.get(account_id, account_id)

    def subject(self, entry: AuditEntry) -> str:
        """What an entry is about: an account's username, a registration's reference, or the raw id."""
        subject = entry.subject
        if not subject:
            return ""
        if subject == RECOVERY_SLOT_ID:
            return translate("Audit", "recovery key")
        found = self._resolve(subject)
        if found is not None:
            return found
        if entry.action == "branch_created":
            return translate("Audit", "this branch's store")
        if entry.action == "device_enrolled":  # the device id the centre gave: words, not an id
            return translate("Audit", "this computer")
        if entry.action == "draft_discarded":
            return translate("Audit", "a draft (never submitted)")
        return subject

    def _resolve(self, value: str) -> str | None:
        return self._usernames.get(value) or self._references.get(value)
