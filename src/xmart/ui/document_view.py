"""The read-only view of one document (CSO, SO or PO): header, lines with fulfilment figures, Print, Save as PDF.

A corporate sale order's view also offers Edit Draft, Put on Hold, Release and Cancel Order (through
`CsoActions`, when the window gives them); a purchase order's Receive and Cancel PO, a sale order's
Invoice and Cancel SO (through `DocumentOperations`). The view reads itself again after each change.
Actions the signed-in user may not do are hidden (`security.gates`); a CSO with card payments offers
Show Card Number to holders of `card.reveal` (`security.card_reveal`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton, QWidget

from xmart.processes.unit_of_work import UnitOfWork
from xmart.processes.views.document_details import DocumentDetails, document_details
from xmart.ui import operations as ops
from xmart.ui.context import AppContext
from xmart.ui.cso_actions import ACTIONS, EDIT, TEXTS, TIPS, CsoActions, allowed
from xmart.ui.errors import show_error
from xmart.ui.generated.ui_document_view import Ui_DocumentView
from xmart.ui.operations import DocumentOperations
from xmart.ui.printing import print_documents, save_pdf
from xmart.ui.screen import resize_within_screen
from xmart.ui.security import gates
from xmart.ui.security.card_reveal import CardRevealBox
from xmart.ui.table_models.lines_table_model import LinesTableModel
from xmart.ui.tasks import Task


class DocumentView(QDialog):
    """Shows one document; non-modal, so several can stay open beside the browsers."""

    def __init__(
        self,
        ctx: AppContext,
        details: DocumentDetails,
        parent: QWidget | None = None,
        cso_actions: CsoActions | None = None,
        operations: DocumentOperations | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.details = details
        self.cso_actions = cso_actions
        self.ui = Ui_DocumentView()
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ui.linesView.verticalHeader().hide()
        self.ui.linesView.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.model: LinesTableModel | None = None
        self.status_buttons: dict[str, QPushButton] = {}
        if details.kind == "cso" and cso_actions is not None:
            for action in ACTIONS:
                button = self.ui.buttonBox.addButton(TEXTS[action], QDialogButtonBox.ButtonRole.ActionRole)
                button.setObjectName(f"{action}Button")
                button.setToolTip(TIPS[action])
                button.clicked.connect(lambda _checked=False, action=action: self._status_action(action))
                self.status_buttons[action] = button
            cso_actions.changed.connect(self._changed)
        self.operations = operations
        self.operation_buttons: dict[str, QPushButton] = {}
        if operations is not None:
            for action in ops.ACTIONS.get(details.kind, ()):
                button = self.ui.buttonBox.addButton(
                    ops.TEXTS[details.kind, action], QDialogButtonBox.ButtonRole.ActionRole
                )
                button.setObjectName(f"{action}Button")
                button.setToolTip(ops.TIPS[details.kind, action])
                button.clicked.connect(lambda _checked=False, action=action: self._operation(action))
                self.operation_buttons[action] = button
            operations.changed.connect(self._operation_changed)
        self.print_button = self.ui.buttonBox.addButton("&Print", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("printButton")
        self.pdf_button = self.ui.buttonBox.addButton("Save as P&DF…", QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button.setObjectName("pdfButton")
        self.last_task: Task | None = None
        self.print_button.clicked.connect(self.print_document)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.ui.buttonBox.rejected.connect(self.close)
        self.card_reveal: CardRevealBox | None = None
        if details.kind == "cso":
            self.card_reveal = CardRevealBox(ctx, details.number, self)
            self.ui.layout.insertWidget(self.ui.layout.indexOf(self.ui.linesView), self.card_reveal)
        ctx.session.changed.connect(self._access_changed)
        self.show_details(details)
        resize_within_screen(self, 1040 if details.kind == "cso" else 900, 560)

    def print_document(self) -> Task | None:
        """Print: on the printer chosen in Settings, in the task runner."""
        self.last_task = print_documents(self.ctx, self, self.details.kind, [self.details.number]) or self.last_task
        return self.last_task

    def save_pdf(self) -> Task | None:
        """Save as PDF: to a file the user names, in the task runner."""
        self.last_task = save_pdf(self.ctx, self, self.details.kind, self.details.number) or self.last_task
        return self.last_task

    @property
    def status(self) -> str:
        """The document's status as shown."""
        return dict(self.details.fields).get("Status", "")

    def show_details(self, details: DocumentDetails) -> None:
        """Show (or show again) the header, lines, totals and the actions the status allows."""
        self.details = details
        self.setWindowTitle(details.title)
        self.ui.titleLabel.setText(f"<h2>{details.title}</h2>")
        for form in (self.ui.leftForm, self.ui.rightForm):
            while form.rowCount():
                form.removeRow(0)
        half = (len(details.fields) + 1) // 2
        for i, (label, value) in enumerate(details.fields):
            form = self.ui.leftForm if i < half else self.ui.rightForm
            field = QLabel(value or "—")
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            form.addRow(f"{label}:", field)
        old = self.model
        self.model = LinesTableModel(details, self)
        self.ui.linesView.setModel(self.model)
        if old is not None:
            old.deleteLater()
        header = self.ui.linesView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if "Description" in details.columns:
            header.setSectionResizeMode(details.columns.index("Description"), QHeaderView.ResizeMode.Stretch)
        else:
            header.setStretchLastSection(True)
        self.ui.totalsLabel.setText("    ".join(f"{label}: <b>{value}</b>" for label, value in details.totals))
        may = self.ctx.session.may
        for action, button in self.status_buttons.items():
            button.setVisible((allowed(action, self.status) or action != EDIT) and may(gates.CSO[action]))
            button.setEnabled(allowed(action, self.status))
        for action, button in getattr(self, "operation_buttons", {}).items():
            button.setVisible(may(gates.OPERATIONS[details.kind, action]))
            button.setEnabled(ops.allowed(details.kind, action, self.status))
        for button in (self.print_button, self.pdf_button):
            button.setVisible(may(gates.PRINT))

    def _access_changed(self) -> None:
        self.show_details(self.details)

    def reload(self) -> None:
        """Read the document again (after a status change)."""
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                details = document_details(uow, self.details.kind, self.details.number)
        except Exception as exc:  # noqa: BLE001 - shown by the one error helper
            show_error(self, exc)
            return
        self.show_details(details)

    def _status_action(self, action: str) -> None:
        assert self.cso_actions is not None
        self.cso_actions.run(action, self.details.number, self)
        if action == EDIT:
            self.close()

    def _operation(self, action: str) -> None:
        assert self.operations is not None
        self.last_task = self.operations.run(self.details.kind, action, self.details.number, self) or self.last_task

    def _operation_changed(self, kind: str, number: int) -> None:
        if kind == self.details.kind and number == self.details.number:
            self.reload()

    def _changed(self, number: int) -> None:
        if number == self.details.number:
            self.reload()

    @classmethod
    def open_document(
        cls,
        ctx: AppContext,
        parent: QWidget,
        kind: str,
        number: int,
        cso_actions: CsoActions | None = None,
        operations: DocumentOperations | None = None,
    ) -> DocumentView | None:
        """Load and show document `kind` `number`; a missing document is reported, not raised.

        One document, one window: when it is open already, that window comes forward instead."""
        existing = ctx.windows.bring_forward((kind, number))
        if isinstance(existing, DocumentView):
            return existing
        try:
            with UnitOfWork(ctx.engine) as uow:
                details = document_details(uow, kind, number)
        except Exception as exc:  # noqa: BLE001 - shown to the user by the one error helper
            show_error(parent, exc)
            return None
        view = cls(ctx, details, parent, cso_actions, operations)
        ctx.windows.add((kind, number), view)
        view.show()
        return view
