"""Idle lock: after a quiet spell with no keyboard or mouse input, lock the session.

The watcher filters the application's events only while armed (someone is signed in):
every event of every widget would otherwise pass through Python, which at start-up,
while the first window is built, polished and shown, costs time for nothing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.InputMethod,
}


class IdleWatcher(QObject):
    """Watches the application's input events and emits `idle` after `timeout_ms` of quiet.

    Signals:
        idle(): no user input for the configured time while armed.
    """

    idle = Signal()

    def __init__(self, source: QObject, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, timeout_ms))
        self._timer.timeout.connect(self.idle)
        self._source = source

    def set_timeout_ms(self, timeout_ms: int) -> None:
        """Change the quiet time (restarts the countdown if armed)."""
        self._timer.setInterval(max(1, timeout_ms))
        if self._timer.isActive():
            self._timer.start()

    def arm(self) -> None:
        """Start counting (after sign-in)."""
        self._source.installEventFilter(self)  # Qt installs a filter once, however often asked
        self._timer.start()

    def disarm(self) -> None:
        """Stop counting (on the sign-in screen)."""
        self._timer.stop()
        self._source.removeEventFilter(self)

    @property
    def armed(self) -> bool:
        """Whether the countdown is running."""
        return self._timer.isActive()

    @property
    def remaining_ms(self) -> int | None:
        """Milliseconds left before `idle` while armed; None while disarmed."""
        return self._timer.remainingTime() if self._timer.isActive() else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False
