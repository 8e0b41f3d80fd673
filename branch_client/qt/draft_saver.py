"""Drafts saved off the GUI thread: every change is in the store within a second.

`DraftSaver` lives on the GUI thread and owns a `QThread` on which a `_DraftWriter` holds
its own SQLCipher connection to the store (opened with the session's key, as the sync
worker does: WAL lets both connections work). The capture page hands it the latest state
of a draft on every change (`schedule`); the saver keeps only the newest state per draft
and hands it to the writer at most `delay_ms` after the first change it has not written
yet (a throttle, not a debounce: steady typing never postpones a save beyond that). A
crash or a power cut therefore loses at most that, plus one write.

`flush()` hands over whatever is pending and waits until it is written (page hidden,
window closed, idle lock, sign-out: call it before the session closes). `close()` flushes,
then closes the connection on the writer's thread and ends the thread. The saver keeps its
own copy of the key until then, so a flush after the session closed still writes.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import threading
import weakref
from pathlib import Path

import sqlite_utils
from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from branch_client.store import KnownError, drafts
from branch_client.store.database import connect, translate_errors
from branch_client.store.drafts import Draft

log = logging.getLogger(__name__)

DEFAULT_DELAY_MS = 300  # the first unsaved change is written within this (plus one write)
FLUSH_TIMEOUT_S = 10.0


class _Handover:
    """What the GUI thread has handed to the writer, and how far the writer got (thread-safe)."""

    def __init__(self) -> None:
        self.lock = threading.Condition()
        self.pending: dict[str, Draft] = {}  # newest state of each draft handed over, not yet written
        self.handed = 0  # generation of the last hand-over
        self.written = 0  # generation the writer has written up to
        self.closed = False


class _DraftWriter(QObject):
    """Writes drafts over its own connection; lives on the saver's thread."""

    saved = Signal(str, str)  # draft id, time saved (ISO)
    failed = Signal(str)  # a known error's code

    def __init__(self, db_path: Path, key: bytes, handover: _Handover) -> None:
        super().__init__()
        self._db_path = db_path
        self._key: bytes | None = key
        self._handover = handover
        self._db: sqlite_utils.Database | None = None

    @Slot()
    def write_pending(self) -> None:
        """Write the newest state of every draft handed over (called for each hand-over)."""
        handover = self._handover
        with handover.lock:
            batch, generation = dict(handover.pending), handover.handed
            handover.pending.clear()
        failed: dict[str, Draft] = {}
        for draft in batch.values():
            try:
                stamp = self._write(draft)
            except KnownError as exc:
                log.warning("draft could not be saved: %s", exc.code)
                failed[draft.id] = draft
                self.failed.emit(exc.code)
            except Exception:  # a bug: logged; the GUI must not wait for this write forever
                log.exception("draft could not be saved")
                failed[draft.id] = draft
                self.failed.emit("unexpected")
            else:
                self.saved.emit(draft.id, stamp)
        with handover.lock:
            for draft_id, draft in failed.items():  # kept for the next attempt, unless newer came
                handover.pending.setdefault(draft_id, draft)
            handover.written = max(handover.written, generation)
            handover.lock.notify_all()

    def _write(self, draft: Draft) -> str:
        if self._db is None:
            if self._key is None:
                raise RuntimeError("the draft writer is closed")
            self._db = connect(self._db_path, self._key)
        with translate_errors():
            return drafts.save(self._db.conn, draft)

    @Slot()
    def stop(self) -> None:
        """Write what is left, close the connection on this thread, forget the key, end the thread."""
        self.write_pending()
        if self._db is not None:
            self._db.close()
            self._db = None
        self._key = None
        thread = self.thread()
        if thread is not None:
            thread.quit()


class DraftSaver(QObject):
    """Saves drafts on a thread of its own; use it from the GUI thread.

    Signals:
        saved(str, str): a draft's id and when it was written (ISO, UTC).
        failed(str): a draft could not be written (a known error's code: disk full…); the
            newest state is kept and written with the next change or flush.
    """

    saved = Signal(str, str)
    failed = Signal(str)

    _wake = Signal()
    _stop = Signal()

    def __init__(
        self, db_path: Path, key: bytes, *, delay_ms: int = DEFAULT_DELAY_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._handover = _Handover()
        self._waiting: dict[str, Draft] = {}  # changed on the GUI thread, not handed over yet
        self._thread = QThread()
        self._thread.setObjectName("drafts")
        self._writer = _DraftWriter(db_path, key, self._handover)
        self._writer.moveToThread(self._thread)
        self._wake.connect(self._writer.write_pending)
        self._stop.connect(self._writer.stop)
        self._writer.saved.connect(self.saved)
        self._writer.failed.connect(self.failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._hand_over)
        _open_savers.add(self)

    def _start(self) -> None:
        """The thread starts with the first change: a page that saves nothing costs no thread."""
        if not self._thread.isRunning() and not self._handover.closed:
            self._thread.start()

    @property
    def closed(self) -> bool:
        """True once `close()` was called."""
        return self._handover.closed

    @property
    def delay_ms(self) -> int:
        """The longest a change waits on the GUI thread before it is handed to the writer."""
        return self._timer.interval()

    def hand_over_in_ms(self) -> int | None:
        """Milliseconds until the waiting changes are handed to the writer; None if none are waiting."""
        return self._timer.remainingTime() if self._timer.isActive() else None

    def schedule(self, draft: Draft) -> None:
        """Save this state of `draft` soon (within `delay_ms`); a newer state replaces it."""
        if self._handover.closed:
            log.warning("a draft change came after the saver closed; it is not saved")
            return
        self._waiting[draft.id] = draft
        self._start()
        if not self._timer.isActive():
            self._timer.start()

    def forget(self, draft_id: str) -> None:
        """Drop any unsaved state of `draft_id` (it was submitted or discarded)."""
        self._waiting.pop(draft_id, None)
        with self._handover.lock:
            self._handover.pending.pop(draft_id, None)

    def has_pending(self) -> bool:
        """True while a change has not been written yet."""
        with self._handover.lock:
            return (
                bool(self._waiting) or bool(self._handover.pending) or (self._handover.written < self._handover.handed)
            )

    def _stop_timer(self) -> None:
        with contextlib.suppress(RuntimeError):  # the timer went first (the interpreter is ending)
            self._timer.stop()

    def _hand_over(self) -> int:
        self._stop_timer()
        handover = self._handover
        with handover.lock:
            if self._waiting:
                handover.pending.update(self._waiting)
                self._waiting.clear()
                handover.handed += 1
            generation = handover.handed
        if handover.written < generation and not handover.closed:
            self._wake.emit()
        return generation

    def flush(self, timeout_s: float = FLUSH_TIMEOUT_S) -> bool:
        """Write every pending change now and wait until it is written; False on timeout or failure."""
        if self._handover.closed:
            return not self.has_pending()
        if not self._thread.isRunning():
            return not self._waiting  # nothing was ever scheduled
        generation = self._hand_over()
        handover = self._handover
        with handover.lock:
            done = handover.lock.wait_for(lambda: handover.written >= generation, timeout_s)
            return done and not handover.pending

    def close(self, timeout_s: float = FLUSH_TIMEOUT_S) -> bool:
        """Flush, then close the writer's connection and end its thread (idempotent)."""
        if self._handover.closed:
            return True
        ok = self.flush(timeout_s)
        self._stop_timer()
        with self._handover.lock:
            self._handover.closed = True
        _open_savers.discard(self)
        if self._thread.isRunning():
            self._stop.emit()
            if not self._thread.wait(int(timeout_s * 1000)):
                log.warning("the draft saver's thread did not end in time")
                _retired.append((self._thread, self._writer))
                return False
        return ok


# Savers not closed yet. At exit each is closed (its last change written, its thread ended)
# in case nothing closed it before: a QThread must not outlive the interpreter.
_open_savers: weakref.WeakSet[DraftSaver] = weakref.WeakSet()


@atexit.register
def _close_open_savers() -> None:
    for saver in list(_open_savers):
        with contextlib.suppress(RuntimeError):  # its Qt objects are already gone
            saver.close(timeout_s=5.0)


# Saver threads that did not end in time, kept referenced: a QThread must not be destroyed
# while it runs (a write stuck on a busy store, for instance).
_retired: list[tuple[QThread, _DraftWriter]] = []
