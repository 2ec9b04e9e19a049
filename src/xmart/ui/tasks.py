"""The one task runner: runs a process in a QThreadPool worker, never in the GUI thread.

`TaskRunner.start(title, work, parent=...)` calls `work(progress, cancelled)` in a worker thread.
`progress(done, total, text)` reports progress (throttled, delivered to the GUI thread by signal);
`cancelled()` is true once the user pressed Cancel in the window-modal progress dialog. The result,
or the exception, comes back to the GUI thread by the task's `succeeded` / `failed` signals.
A process that sees `cancelled()` raises `xmart.errors.Cancelled` and rolls back: nothing is written.

Responsiveness: while any task runs, Python's cyclic garbage collector is paused. A full collection
holds the GIL for as long as it takes to walk every object in the process (measured: 150-400 ms
pauses of the GUI thread during a 10,000-CSO assign); reference counting still frees almost
everything at once, and the collector resumes as soon as the last task ends.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]
Work = Callable[[Progress, CancelCheck], Any]

PROGRESS_INTERVAL_S = 0.05
"""Progress is sent to the GUI thread at most this often (plus the final report)."""

PROGRESS_DIALOG_DELAY_MS = 300
"""The progress dialog appears only for tasks that take longer than this."""
TASK_SWITCH_INTERVAL_S = 0.00005
"""While a worker runs, Python hands the GIL over this often (default 5 ms): each call the GUI
makes into Python (a table model's data(), a slot) waits at most this long for the busy worker."""


class Task(QObject):
    """One running process: its signals, its cancel flag and its progress dialog."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, title: str, parent: QObject | None = None):
        super().__init__(parent)
        self.title = title
        self._cancel = threading.Event()
        self._last_emit = 0.0
        self.dialog: QProgressDialog | None = None
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.last_progress: tuple[int, int, str] = (0, 0, "")

    def cancel(self) -> None:
        """Ask the process to stop; it rolls back and reports `Cancelled`."""
        self._cancel.set()
        if self.dialog is not None:
            self.dialog.setLabelText(f"{self.title}\nCancelling…")

    def is_cancelled(self) -> bool:
        """True once cancel() was called (safe from any thread)."""
        return self._cancel.is_set()

    def report(self, done: int, total: int, text: str = "") -> None:
        """The `progress` callback given to the process (called in the worker thread)."""
        now = time.monotonic()
        if now - self._last_emit >= PROGRESS_INTERVAL_S or (total and done >= total):
            self._last_emit = now
            self.progressed.emit(int(done), int(total), str(text))


class _Worker(QRunnable):
    """Runs the work in a pool thread and reports back through the task's signals."""

    def __init__(self, task: Task, work: Work):
        super().__init__()
        self.setAutoDelete(True)
        self.task = task
        self.work = work

    def run(self) -> None:  # noqa: D102 - QRunnable override
        try:
            result = self.work(self.task.report, self.task.is_cancelled)
        except BaseException as exc:  # noqa: BLE001 - every error goes back to the GUI thread
            if not isinstance(exc, Exception):
                log.error("task %s stopped by %r", self.task.title, exc)
            self.task.failed.emit(exc)
        else:
            self.task.succeeded.emit(result)


class TaskRunner(QObject):
    """Starts tasks in a QThreadPool and shows a window-modal, cancellable progress dialog."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self.pool = pool or QThreadPool(self)
        self.pool.setMaxThreadCount(max(2, self.pool.maxThreadCount()))
        self.running: set[Task] = set()
        self._gc_was_enabled = gc.isenabled()
        self._switch_interval = sys.getswitchinterval()

    def start(
        self,
        title: str,
        work: Work,
        *,
        parent: QWidget | None,
        on_success: Callable[[Any], object] | None = None,
        on_error: Callable[[BaseException], object] | None = None,
        cancellable: bool = True,
    ) -> Task:
        """Run `work(progress, cancelled)` in a worker; call back in the GUI thread when it ends."""
        task = Task(title, self)
        if not self.running:
            self._gc_was_enabled = gc.isenabled()
            gc.disable()
            self._switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(TASK_SWITCH_INTERVAL_S)
        self.running.add(task)
        if parent is not None:
            self._show_progress_later(task, parent, cancellable)
        task.progressed.connect(lambda done, total, text: self._on_progress(task, done, total, text))

        def finish_ok(result: Any) -> None:
            task.result = result
            self._finish(task)
            if on_success is not None:
                on_success(result)
            task.finished.emit()

        def finish_error(exc: BaseException) -> None:
            task.error = exc
            self._finish(task)
            if on_error is not None:
                on_error(exc)
            else:
                log.error("task %s failed: %r", title, exc)
            task.finished.emit()

        task.succeeded.connect(finish_ok, Qt.ConnectionType.QueuedConnection)
        task.failed.connect(finish_error, Qt.ConnectionType.QueuedConnection)
        self.pool.start(_Worker(task, work))
        return task

    def wait_for_all(self, msecs: int = 30_000) -> bool:
        """Wait for the pool's threads (used when the application quits)."""
        return self.pool.waitForDone(msecs)

    def _show_progress_later(self, task: Task, parent: QWidget, cancellable: bool) -> None:
        """The progress dialog appears only if the task still runs after PROGRESS_DIALOG_DELAY_MS."""

        def show() -> None:
            if task.done:
                return
            dialog = QProgressDialog(task.title, "Cancel", 0, 0, parent)
            dialog.setWindowTitle(task.title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setMinimumWidth(380)
            if cancellable:
                dialog.canceled.disconnect()  # keep the dialog up until the worker has stopped
                dialog.canceled.connect(task.cancel)
            else:
                dialog.setCancelButton(None)
            task.dialog = dialog
            self._on_progress(task, *task.last_progress)
            dialog.show()

        QTimer.singleShot(PROGRESS_DIALOG_DELAY_MS, parent, show)

    @staticmethod
    def _on_progress(task: Task, done: int, total: int, text: str) -> None:
        task.last_progress = (done, total, text)
        dialog = task.dialog
        if dialog is None or task.done:
            return
        label = f"{task.title}\n{text}" if text else task.title
        if task.is_cancelled():
            label = f"{task.title}\nCancelling…"
        dialog.setLabelText(label)
        dialog.setMaximum(max(total, 0))
        # Last: a window-modal QProgressDialog processes events inside setValue, where the task may
        # finish and drop its dialog.
        dialog.setValue(min(done, total) if total else 0)

    def _finish(self, task: Task) -> None:
        task.done = True
        self.running.discard(task)
        if not self.running:
            sys.setswitchinterval(self._switch_interval)
            if self._gc_was_enabled:
                gc.enable()
        if task.dialog is not None:
            task.dialog.hide()
            task.dialog.deleteLater()
            task.dialog = None
