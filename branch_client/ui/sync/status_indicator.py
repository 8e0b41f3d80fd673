"""The status bar's sync indicator: online or offline, how many wait, the last success, and
warnings when the branch is at risk (the same `SyncSnapshot.warnings` the sync page shows).

The indicator sits in the first window but stays hidden until someone signs in, so the
sync texts (and through them the sync service and HTTP) are imported when there is a
snapshot to show, not with the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from branch_client.i18n import translate
from branch_client.ui.widgets import Page

if TYPE_CHECKING:
    from branch_client.services.sync import SyncSnapshot


class SyncIndicator(Page):
    """One line in the status bar, updated from the `SyncController`'s signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setObjectName("syncIndicator")
        self.snapshot: SyncSnapshot | None = None
        self.online: bool | None = None
        self.running = False
        self.news: dict[str, int] | None = None  # what the last pass brought, said until the next
        self._full = ""  # the whole line; the label shows as much as fits, the tooltip all of it
        self.label.setMinimumWidth(1)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        self.retranslate()

    def set_snapshot(self, snapshot: SyncSnapshot) -> None:
        """Show the store's latest sync state."""
        self.snapshot = snapshot
        self.retranslate()

    def set_online(self, online: bool) -> None:
        """Show whether the centre answered lately."""
        self.online = online
        self.retranslate()

    def set_news(self, received: dict[str, int] | None) -> None:
        """Say what the last pass brought from the centre (`PassResult.received`) until the
        next pass; None or nothing received says nothing."""
        self.news = received or None
        self.retranslate()

    def set_running(self, running: bool) -> None:
        """Show that a pass is running."""
        self.running = running
        self.retranslate()

    def text(self) -> str:
        """What the indicator says now (all of it, also what the status bar's width cuts)."""
        return self._full

    def _show(self, line: str, tooltip: list[str]) -> None:
        """Show `line`, cut with "…" where the status bar ends; the tooltip holds it whole."""
        self._full = line
        shown = self.label.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, max(1, self.label.width()))
        self.label.setText(shown)
        self.label.setToolTip("\n".join(([line] if shown != line else []) + tooltip))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.retranslate()

    def warnings(self) -> list[str]:
        """The full sentences of the warnings shown (the label's tooltip)."""
        if self.snapshot is None:
            return []
        from branch_client.ui.sync import text as sync_text

        return [sync_text.warning(w) for w in self.snapshot.warnings]

    def retranslate(self) -> None:
        snap = self.snapshot
        if snap is None:  # not signed in, or the first snapshot is still on its way
            self.label.setStyleSheet("")
            self._show(self._link(), [])
            return
        from branch_client.ui.sync import text as sync_text

        warnings = list(snap.warnings)
        tooltip = self.warnings()
        self.label.setStyleSheet("QLabel#syncIndicator { color: #8a4b00; font-weight: bold; }" if warnings else "")
        alert = []  # the first warning in a few words, and how many more (all of them in the tooltip)
        if warnings:
            more = translate("Sync", " (+%1)").replace("%1", str(len(warnings) - 1)) if len(warnings) > 1 else ""
            alert.append("⚠ " + sync_text.short_warning(warnings[0]) + more)
        if not snap.enrolled:
            self._show(" · ".join([translate("Sync", "Not connected to the centre"), *alert]), tooltip)
            return
        parts = [self._link()]
        parts.append(translate("Sync", "%1 waiting").replace("%1", str(snap.waiting)))
        parts.append(translate("Sync", "last sync: %1").replace("%1", sync_text.when(snap.last_success_at)))
        if self.news is not None:  # in a few words; the sentence in the tooltip
            parts.append("✉ " + sync_text.received_words(self.news))
            tooltip.insert(0, sync_text.news(self.news))
        self._show(" · ".join(parts + alert), tooltip)

    def _link(self) -> str:
        """Running, online, offline or not checked yet."""
        if self.running:
            return translate("Sync", "Syncing…")
        if self.online is None:
            return translate("Sync", "Centre: not checked yet")
        if self.online:
            return translate("Sync", "Online")
        return translate("Sync", "Offline")
