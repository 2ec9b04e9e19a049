"""The menu slots of Processes › Corporate Sale Orders: ask a dialog, run the process in the task runner,
show the result.

Each slot imports its process lazily, so the window opens even where a process is not installed.
Preview runs the same process with dry_run=True (it writes nothing) and shows what it would do.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from xmart.processes.unit_of_work import UnitOfWork
from xmart.processes.views.lookups import list_locations
from xmart.ui.context import AppContext
from xmart.ui.errors import show_error
from xmart.ui.export import AskPath, ExportTable, ask_save_path, export
from xmart.ui.options import (
    load_last_assign_options,
    load_last_purchase_order_options,
    save_assign_options,
    save_purchase_order_options,
)
from xmart.ui.printing import print_documents
from xmart.ui.result_summary import ResultSummaryDialog, SummaryContent, assign_summary, purchase_order_summary
from xmart.ui.tasks import Task
from xmart.ui.widgets.store_selector import LocationChoice


def active_locations(ctx: AppContext) -> list[LocationChoice]:
    """The active locations, by code (what the store selector offers)."""
    with UnitOfWork(ctx.engine) as uow:
        return list_locations(uow, active_only=True)


class ProcessActions(QObject):
    """Runs the Corporate Sale Order processes for the main window; `run_finished` once a summary is up."""

    run_finished = Signal()

    def __init__(
        self,
        ctx: AppContext,
        window: QWidget,
        open_document: Callable[[str, int], object],
        after_run: Callable[[], None],
    ):
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.open_document = open_document
        self.after_run = after_run
        self.last_task: Task | None = None
        self.last_summary: ResultSummaryDialog | None = None
        self.last_print_task: Task | None = None
        self.last_export: Task | None = None
        self.ask_path: AskPath = ask_save_path

    # --- Assign ----------------------------------------------------------------------------
    def assign(self, by: str) -> None:
        """Processes › Corporate Sale Orders › Assign by Date / by Number."""
        from xmart.ui.dialogs.assign_dialog import AssignDialog

        today = self.ctx.today()
        params = AssignDialog.ask(
            self.window,
            by=by,
            locations=active_locations(self.ctx),
            today=today,
            last=load_last_assign_options(self.ctx.settings, by, today),
            preview=self.run_assign,
        )
        if params is not None:
            save_assign_options(self.ctx.settings, params)
            self.run_assign(params, self.window)

    def run_assign(self, params: Any, parent: QWidget) -> Task:
        """Run (or, with params.dry_run, preview) an assign in the task runner."""
        from xmart.processes.assign import assign_orders

        return self._run_process(
            assign_orders,
            params,
            parent,
            assign_summary,
            "so",
            ("Previewing the assignment", "Assigning corporate sale orders"),
        )

    def _run_process(
        self, service: Callable, params: Any, parent: QWidget, summarize: Callable, kind: str, titles: tuple[str, str]
    ) -> Task:
        """Run a process service under the process lock in the task runner, then summarize (and print)."""
        params = dataclasses.replace(params, today=params.today or self.ctx.today())

        def work(progress, cancelled):
            with UnitOfWork(self.ctx.engine) as uow:
                return service(params, uow, progress, cancelled)

        title = titles[0] if params.dry_run else titles[1]
        return self._start(
            title, work, parent, lambda result: summarize(result, params.dry_run), params.print_documents, kind
        )

    # --- Purchase Orders --------------------------------------------------------------------
    def purchase_orders(self, by: str) -> None:
        """Processes › Corporate Sale Orders › Purchase Orders by Date / by Number."""
        from xmart.ui.dialogs.purchase_order_dialog import PurchaseOrderDialog

        today = self.ctx.today()
        params = PurchaseOrderDialog.ask(
            self.window,
            by=by,
            today=today,
            last=load_last_purchase_order_options(self.ctx.settings, by, today),
            preview=self.run_purchase_orders,
        )
        if params is not None:
            save_purchase_order_options(self.ctx.settings, params, today)
            self.run_purchase_orders(params, self.window)

    def run_purchase_orders(self, params: Any, parent: QWidget) -> Task:
        """Run (or preview) the Purchase Orders process in the task runner."""
        from xmart.processes.purchase_orders import generate_purchase_orders

        return self._run_process(
            generate_purchase_orders,
            params,
            parent,
            purchase_order_summary,
            "po",
            ("Previewing the purchase orders", "Generating purchase orders"),
        )

    # --- shared ----------------------------------------------------------------------------
    def _start(
        self,
        title: str,
        work,
        parent: QWidget,
        summarize: Callable[[Any], SummaryContent],
        print_after: bool,
        kind: str,
    ) -> Task:
        def work_and_summarize(progress, cancelled) -> SummaryContent:
            # the summary of a big run takes a while to format: do it in the worker, not the GUI thread
            return summarize(work(progress, cancelled))

        def done(content: SummaryContent) -> None:
            # refresh, then the summary window, each in its own turn of the event loop:
            # no single step keeps the GUI busy for long
            if not content.preview:
                QTimer.singleShot(0, self.window, self.after_run)
            QTimer.singleShot(0, self.window, lambda: self._finish_run(content, parent, print_after, kind))

        self.last_task = self.ctx.tasks.start(
            title, work_and_summarize, parent=parent, on_success=done, on_error=lambda exc: show_error(parent, exc)
        )
        return self.last_task

    def _finish_run(self, content: SummaryContent, parent: QWidget, print_after: bool, kind: str) -> None:
        self.show_summary(content, parent)
        if print_after and content.numbers:
            self._print(self.window, kind, list(content.numbers))
        self.run_finished.emit()

    def _export(self, dialog: QWidget, table: ExportTable, fmt: str) -> None:
        self.last_export = export(self.ctx, dialog, table, fmt, ask=self.ask_path)

    def show_summary(self, content: SummaryContent, parent: QWidget) -> ResultSummaryDialog:
        """Show a preview or result window (window-modal to `parent`, not blocking)."""
        dialog = ResultSummaryDialog(
            content,
            parent,
            open_document=self.open_document,
            print_all=lambda kind, numbers: self._print(dialog, kind, numbers),
            export=self._export,
        )
        if content.preview:
            dialog.setWindowModality(dialog.windowModality().WindowModal)
        self.last_summary = dialog
        dialog.show()
        return dialog

    def _print(self, parent: QWidget, kind: str, numbers: list[int]) -> Task | None:
        """Print generated documents as one job (Print All, or a run with Print on)."""
        self.last_print_task = print_documents(self.ctx, parent, kind, numbers) or self.last_print_task
        return self.last_print_task
