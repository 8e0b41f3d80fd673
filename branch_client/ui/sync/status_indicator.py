"""The status bar's sync indicator: online or offline, how many wait, the last success, and
warnings when the branch is at risk (the same `SyncSnapshot.warnings` the sync page shows).

The indicator sits in the first window but stays hidden until someone signs in, so the
sync texts (and through them the sync service and HTTP) are imported when there is a
snapshot to show, not with the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

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

    def set_running(self, running: bool) -> None:
        """Show that a pass is running."""
        self.running = running
        self.retranslate()

    def text(self) -> str:
        """What the indicator says now."""
        return self.label.text()

    def warnings(self) -> list[str]:
        """The full sentences of the warnings shown (the label's tooltip)."""
        if self.snapshot is None:
            return []
        from branch_client.ui.sync import text as sync_text

        return [sync_text.warning(w) for w in self.snapshot.warnings]

    def retranslate(self) -> None:
        snap = self.snapshot
        if snap is None:  # not signed in, or the first snapshot is still on its way
            self.label.setToolTip("")
            self.label.setStyleSheet("")
            self.label.setText(self._link())
            return
        from branch_client.ui.sync import text as sync_text

        warnings = list(snap.warnings)
        self.label.setToolTip("\n".join(self.warnings()))
        self.label.setStyleSheet("QLabel#syncIndicator { color: #8a4b00; font-weight: bold; }" if warnings else "")
        alert = []  # the first warning in a few words, and how many more (all of them in the tooltip)
        if warnings:
            more = translate("Sync", " (+%1)").replace("%1", str(len(warnings) - 1)) if len(warnings) > 1 else ""
            alert.append("⚠ " + sync_text.short_warning(warnings[0]) + more)
        if not snap.enrolled:
            self.label.setText(" · ".join([translate("Sync", "Not connected to the centre"), *alert]))
            return
        parts = [self._link()]
        parts.append(translate("Sync", "%1 waiting").replace("%1", str(snap.waiting)))
        parts.append(translate("Sync", "last sync: %1").replace("%1", sync_text.when(snap.last_success_at)))
        self.label.setText(" · ".join(parts + alert))

    def _link(self) -> str:
        """Running, online, offline or not checked yet."""
        if self.running:
            return translate("Sync", "Syncing…")
        if self.online is None:
            return translate("Sync", "Centre: not checked yet")
        if self.online:
            return translate("Sync", "Online")
        return translate("Sync", "Offline")
