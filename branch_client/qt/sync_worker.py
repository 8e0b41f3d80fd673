"""Where sync meets Qt: passes run on a worker thread, results come back as signals.

`SyncWorker` lives on a `QThread` and owns a `SyncRunner` (its own store connection and
HTTP session, both made and closed on that thread). `SyncController`, on the GUI thread,
starts passes on a timer and on *Sync now*, relays progress, and keeps the latest
`SyncSnapshot` for the status bar and the sync page. The GUI thread never waits on the
network or on a pass.

Importing this module costs only Qt: the sync service (store, HTTP) is imported when a
worker is made, which happens after sign-in, so the first window does not wait for it.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from branch_client.store import KnownError

if TYPE_CHECKING:
    from branch_client.services.sync import SyncSnapshot
    from sync.engine import Progress
    from sync.transport import RetryPolicy

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_MS = 5 * 60_000
#: While a pass runs, a fresh snapshot (counts, warnings) at most this often, so the sync
#: page and the status bar follow the pass batch by batch.
LIVE_SNAPSHOT_S = 1.0


class SyncWorker(QObject):
    """Runs sync passes; lives on the sync thread.

    Signals:
        progress(int, int): records answered so far, records to send in this pass.
        pass_finished(object): the pass's `PassResult` (None when the store is not enrolled).
        snapshot_ready(object): a fresh `SyncSnapshot` read from the store.
        failed(str): a known error's code (store unreadable, disk full…).
    """

    progress = Signal(int, int)
    pass_finished = Signal(object)
    snapshot_ready = Signal(object)
    failed = Signal(str)

    def __init__(self, db_path: Path, key: bytes, *, retry: RetryPolicy | None = None, batch_size: int = 500) -> None:
        from branch_client.services.sync import SyncRunner

        super().__init__()
        self.cancel = threading.Event()
        self._db_path, self._retry, self._batch_size = db_path, retry, batch_size
        self._runner = SyncRunner(db_path, key, retry=retry, cancel=self.cancel, batch_size=batch_size)
        self._last_live = 0.0
        self.live_snapshot_s = LIVE_SNAPSHOT_S

    @Slot()
    def run_pass(self) -> None:
        """One pass, then a snapshot of the new state. (The controller clears `cancel`
        before asking: a pass queued after a cancel stops at once.)"""
        try:
            result = self._runner.run(on_progress=self._report)
        except KnownError as exc:
            log.warning("sync pass could not use the store: %s", exc.code)
            self.failed.emit(exc.code)
            return
        except Exception:  # a bug: logged with its traceback; the window must not wait for this pass forever
            log.exception("sync pass failed unexpectedly")
            self.failed.emit("unexpected")
            return
        self.pass_finished.emit(result)
        self.refresh()

    def _report(self, progress: Progress) -> None:
        self.progress.emit(progress.done, progress.total)
        now = time.monotonic()
        if now - self._last_live >= self.live_snapshot_s:  # the batch's answer is committed: read it
            self._last_live = now
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Read the store's sync state and emit it."""
        try:
            self.snapshot_ready.emit(self._runner.snapshot())
        except KnownError as exc:
            self.failed.emit(exc.code)

    @Slot(bytes)
    def use_key(self, key: bytes) -> None:
        """The store was re-keyed: close the connection opened with the old key (on this
        thread, after any pass in progress) and open the next one with `key`."""
        from branch_client.services.sync import SyncRunner

        self._runner.close()
        self._runner = SyncRunner(
            self._db_path, key, retry=self._retry, cancel=self.cancel, batch_size=self._batch_size
        )
        self.refresh()

    @Slot()
    def stop(self) -> None:
        """Close the connection and the HTTP session on this thread, then end the thread."""
        self._runner.close()
        thread = self.thread()
        if thread is not None:
            thread.quit()


class SyncController(QObject):
    """Schedules passes and holds the latest state; lives on the GUI thread.

    Signals:
        state_changed(object): the latest `SyncSnapshot`.
        online_changed(bool): the centre answered (True) or could not be reached (False).
        progress(int, int): passed on from the worker while a pass runs.
        running_changed(bool): a pass started (True) or ended (False).
        pass_finished(object): the last `PassResult` (or None when not enrolled).
    """

    state_changed = Signal(object)
    online_changed = Signal(bool)
    progress = Signal(int, int)
    running_changed = Signal(bool)
    pass_finished = Signal(object)

    _start_pass = Signal()
    _refresh = Signal()
    _stop = Signal()
    _use_key = Signal(bytes)

    def __init__(
        self,
        db_path: Path,
        key: bytes,
        *,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        retry: RetryPolicy | None = None,
        batch_size: int = 500,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.snapshot: SyncSnapshot | None = None
        self.online: bool | None = None
        self.last_result: object = None
        self.running = False
        self._thread = QThread()
        self._thread.setObjectName("sync")
        self._worker = SyncWorker(db_path, key, retry=retry, batch_size=batch_size)
        self._worker.moveToThread(self._thread)
        self._start_pass.connect(self._worker.run_pass)
        self._refresh.connect(self._worker.refresh)
        self._stop.connect(self._worker.stop)
        self._use_key.connect(self._worker.use_key)
        self._worker.progress.connect(self.progress)
        self._worker.pass_finished.connect(self._on_pass_finished)
        self._worker.snapshot_ready.connect(self._on_snapshot)
        self._worker.failed.connect(self._on_failed)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.sync_now)
        self._thread.start()

    def start(self) -> None:
        """Read the current state, then sync now and every interval."""
        self._refresh.emit()
        self.sync_now()
        self._timer.start()

    def sync_now(self) -> None:
        """Start a pass unless one is running."""
        if self.running or not self._thread.isRunning():
            return
        self.running = True
        self.running_changed.emit(True)
        self._worker.cancel.clear()
        self._start_pass.emit()

    def cancel(self) -> None:
        """Ask the running pass to stop at the next safe point (between requests)."""
        self._worker.cancel.set()

    def refresh(self) -> None:
        """Re-read the store's sync state (e.g. after a registration was submitted)."""
        self._refresh.emit()

    def use_key(self, key: bytes) -> None:
        """The store was re-keyed: the sync thread reopens the store with `key`."""
        self._use_key.emit(key)

    def shutdown(self, *, wait_ms: int = 0) -> None:
        """Stop the timer and cancel a running pass; the sync thread ends by itself.

        A pass can be in the middle of a request (at most the transport's read timeout),
        so the window does not wait for it: the thread is kept alive, and the store it
        uses stays consistent, until it has finished. With `wait_ms` (at quit) it waits
        that long at most.
        """
        self._timer.stop()
        if not self._thread.isRunning():
            return
        self._worker.cancel.set()
        self._stop.emit()
        _retire(self._thread, self._worker)
        if wait_ms:
            wait_for_retired_threads(wait_ms)

    def _on_pass_finished(self, result: object) -> None:
        from sync.transport import is_link_problem

        self.last_result = result
        error = getattr(result, "error", None)
        if result is not None:
            self._on_online(error is None or not is_link_problem(getattr(error, "code", "")))
        self.running = False
        self.running_changed.emit(False)
        self.pass_finished.emit(result)

    def next_attempt_at(self) -> str | None:
        """When the timer starts the next pass (UTC ISO time), or None when it is not running."""
        if not self._timer.isActive():
            return None
        remaining = max(0, self._timer.remainingTime())
        return (datetime.now(UTC) + timedelta(milliseconds=remaining)).isoformat(timespec="seconds")

    def _on_snapshot(self, snapshot: SyncSnapshot) -> None:
        snapshot = dataclasses.replace(snapshot, next_attempt_at=self.next_attempt_at())
        self.snapshot = snapshot
        self.state_changed.emit(snapshot)

    def _on_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)

    def _on_failed(self, code: str) -> None:
        if self.running:
            self.running = False
            self.running_changed.emit(False)
        log.warning("sync worker error: %s", code)


# Sync threads still finishing after their session ended, kept referenced until they
# have: a QThread must not be destroyed while it runs. Finished ones are dropped here, on
# the GUI thread, never from the ending thread itself.
_retired: list[tuple[QThread, SyncWorker]] = []


def _retire(thread: QThread, worker: SyncWorker) -> None:
    _retired[:] = [pair for pair in _retired if not pair[0].isFinished()]
    _retired.append((thread, worker))


def wait_for_retired_threads(timeout_ms: int) -> bool:
    """Wait (at quit) for sync threads still finishing; False if one is still running."""
    done = all(thread.wait(timeout_ms) for thread, _ in list(_retired))
    _retired[:] = [pair for pair in _retired if not pair[0].isFinished()]
    return done
