"""The read-only view of one document (CSO, SO or PO): header, lines with fulfilment figures, Print, Save as PDF."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QWidget
from sqlalchemy.orm import Session

from xmart.ui.app import AppContext
from xmart.ui.errors import show_error
from xmart.ui.generated.ui_document_view import Ui_DocumentView
from xmart.ui.models.document_details import DocumentDetails, load_details
from xmart.ui.models.lines_table_model import LinesTableModel
from xmart.ui.printing import print_documents, save_pdf


class DocumentView(QDialog):
    """Shows one document; non-modal, so several can stay open beside the browsers."""

    def __init__(self, ctx: AppContext, details: DocumentDetails, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.details = details
        self.ui = Ui_DocumentView()
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(details.title)
        self.ui.titleLabel.setText(f"<h2>{details.title}</h2>")
        half = (len(details.fields) + 1) // 2
        for i, (label, value) in enumerate(details.fields):
            form = self.ui.leftForm if i < half else self.ui.rightForm
            field = QLabel(value or "—")
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            form.addRow(f"{label}:", field)
        self.model = LinesTableModel(details, self)
        self.ui.linesView.setModel(self.model)
        self.ui.linesView.verticalHeader().hide()
        self.ui.linesView.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.ui.linesView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if "Description" in details.columns:
            header.setSectionResizeMode(details.columns.index("Description"), QHeaderView.ResizeMode.Stretch)
        else:
            header.setStretchLastSection(True)
        self.ui.totalsLabel.setText("    ".join(f"{label}: <b>{value}</b>" for label, value in details.totals))
        self.print_button = self.ui.buttonBox.addButton("&Print", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("printButton")
        self.pdf_button = self.ui.buttonBox.addButton("Save as P&DF…", QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button.setObjectName("pdfButton")
        self.print_button.clicked.connect(lambda: print_documents(ctx, self, details.kind, [details.number]))
        self.pdf_button.clicked.connect(lambda: save_pdf(ctx, self, details.kind, details.number))
        self.ui.buttonBox.rejected.connect(self.close)
        self.resize(1040 if details.kind == "cso" else 900, 560)

    @classmethod
    def open_document(cls, ctx: AppContext, parent: QWidget, kind: str, number: int) -> DocumentView | None:
        """Load and show document `kind` `number`; a missing document is reported, not raised."""
        try:
            with Session(ctx.engine) as session:
                details = load_details(session, kind, number)
        except Exception as exc:  # noqa: BLE001 - shown to the user by the one error helper
            show_error(parent, exc)
            return None
        view = cls(ctx, details, parent)
        view.show()
        return view
