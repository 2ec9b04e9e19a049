"""The preview / result of an Assign or Purchase Orders run: what was (or would be) generated, and what was left.

A preview (dry run) says plainly that nothing was written; a result lists the generated documents,
each openable (double-click or Open) and printable together; every generated line saves as CSV or Excel.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QWidget

from xmart.ui.export import CSV, XLSX, ExportTable
from xmart.ui.generated.ui_result_summary import Ui_ResultSummaryDialog

NUMBER_ROLE = Qt.ItemDataRole.UserRole
MAX_LISTED = 500
"""The summary lists at most this many documents (all of them are in the browsers, and Print All prints all)."""


@dataclass(frozen=True)
class SummaryDocument:
    """One generated document and its lines, as rows of text."""

    number: int
    cells: tuple[str, ...]
    lines: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class SummaryContent:
    """Everything the summary dialog shows."""

    kind: str
    title: str
    headline: str
    document_columns: tuple[str, ...]
    documents: tuple[SummaryDocument, ...]
    numbers: tuple[int, ...]
    other_title: str
    other_columns: tuple[str, ...]
    other_rows: tuple[tuple[str, ...], ...]
    other_count: int
    preview: bool
    export_headers: tuple[str, ...] = ()
    export_rows: tuple[tuple[Any, ...], ...] = ()
    """Every generated line (not only the listed ones) as typed values, for Save as CSV / Export to Excel."""


SO_COLUMNS = ("Sale order", "Store", "Corporate SO", "CSO line", "SKU", "Units", "Price", "Deposit")
"""A sale order's row fills Sale order, Store, Corporate SO, Units, Deposit; its lines CSO line, SKU, Units, Price."""
PO_COLUMNS = ("Purchase order", "Vendor", "Delivery", "Cancel", "SKU", "For CSOs", "Units")
"""A purchase order's row fills the first four and Units; its lines SKU, For CSOs (coverage) and Units."""


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def assign_summary(result, preview: bool) -> SummaryContent:
    """The content for an AssignResult."""
    sos = result.sale_orders
    csos = len({so.corporate_order for so in sos})
    units = sum(ln.qty for so in sos for ln in so.lines)
    left = sum(u.qty for u in result.unassigned)
    verb = "Running would generate" if preview else "Generated"
    headline = (
        f"{verb} {_plural(len(sos), 'sale order')} for {_plural(csos, 'corporate sale order')} "
        f"({_plural(units, 'unit')})."
    )
    headline += f" {_plural(left, 'unit')} stay unassigned." if left else " Every selected unit is assigned."
    if preview:
        headline = "<b>Preview — nothing has been written.</b><br>" + headline
    documents = tuple(
        SummaryDocument(
            number=so.number,
            cells=(
                "(new)" if preview else str(so.number),
                so.store,
                str(so.corporate_order),
                "",
                "",
                str(sum(ln.qty for ln in so.lines)),
                "",
                f"{so.deposit:,.2f}",
            ),
            lines=tuple(("", "", "", str(ln.cso_line), ln.sku, str(ln.qty), f"{ln.price:,.2f}", "") for ln in so.lines),
        )
        for so in sos[:MAX_LISTED]
    )
    other = tuple(
        (str(u.corporate_order), str(getattr(u, "line", "")), u.sku, str(u.qty)) for u in result.unassigned[:MAX_LISTED]
    )
    return SummaryContent(
        kind="so",
        title="Assign preview" if preview else "Assign result",
        headline=headline,
        document_columns=SO_COLUMNS,
        documents=documents,
        numbers=tuple(so.number for so in sos),
        other_title="Not assigned (no stock at the selected locations)",
        other_columns=("Corporate SO", "Line", "SKU", "Units"),
        other_rows=other,
        other_count=len(result.unassigned),
        preview=preview,
        export_headers=("Sale order", "Date", "Store", "Corporate SO", "CSO line", "SKU", "Qty", "Price", "Disc. %"),
        export_rows=tuple(
            (None if preview else so.number, so.date, so.store, so.corporate_order, ln.cso_line, ln.sku, ln.qty)
            + (ln.price, ln.discount)
            for so in sos
            for ln in so.lines
        ),
    )


def purchase_order_summary(result, preview: bool) -> SummaryContent:
    """The content for a PurchaseOrderResult."""
    pos = result.purchase_orders
    units = sum(ln.qty for po in pos for ln in po.lines)
    verb = "Running would generate" if preview else "Generated"
    headline = f"{verb} {_plural(len(pos), 'purchase order')} ({_plural(units, 'unit')})."
    if result.covered_by_existing:
        headline += f" {_plural(sum(c.qty for c in result.covered_by_existing), 'unit')} already on order."
    if result.skipped_no_vendor:
        headline += f" Skipped (no vendor): {', '.join(result.skipped_no_vendor)}."
    if preview:
        headline = "<b>Preview — nothing has been written.</b><br>" + headline
    documents = tuple(
        SummaryDocument(
            number=po.number,
            cells=(
                "(new)" if preview else str(po.number),
                po.vendor,
                po.delivery.isoformat(),
                po.cancel.isoformat(),
                "",
                "",
                str(sum(ln.qty for ln in po.lines)),
            ),
            lines=tuple(
                ("", "", "", "", ln.sku, ", ".join(f"CSO {c.corporate_order}: {c.qty}" for c in ln.covers), str(ln.qty))
                for ln in po.lines
            ),
        )
        for po in pos[:MAX_LISTED]
    )
    other = tuple((str(c.corporate_order), c.sku, f"on PO {c.po}", str(c.qty)) for c in result.covered_by_existing)
    other += tuple(("", sku, "skipped: the item has no vendor", "") for sku in result.skipped_no_vendor)
    return SummaryContent(
        kind="po",
        title="Purchase orders preview" if preview else "Purchase orders result",
        headline=headline,
        document_columns=PO_COLUMNS,
        documents=documents,
        numbers=tuple(po.number for po in pos),
        other_title="Already on order, or skipped",
        other_columns=("Corporate SO", "SKU", "Note", "Units"),
        other_rows=other[:MAX_LISTED],
        other_count=len(other),
        preview=preview,
        export_headers=("Purchase order", "Vendor", "Ship to", "Delivery", "Cancel", "SKU", "Qty", "Cost", "Covers"),
        export_rows=tuple(
            (None if preview else po.number, po.vendor, po.location, po.delivery, po.cancel, ln.sku, ln.qty, ln.cost)
            + (", ".join(f"CSO {c.corporate_order}: {c.qty}" for c in ln.covers),)
            for po in pos
            for ln in po.lines
        ),
    )


class ResultSummaryDialog(QDialog):
    """Lists generated documents (openable, printable) and what was left over."""

    def __init__(
        self,
        content: SummaryContent,
        parent: QWidget | None = None,
        open_document: Callable[[str, int], object] | None = None,
        print_all: Callable[[str, list[int]], object] | None = None,
        export: Callable[[QWidget, ExportTable, str], object] | None = None,
    ):
        super().__init__(parent)
        self.content = content
        self._open_document = open_document
        self.ui = Ui_ResultSummaryDialog()
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(content.title)
        self.ui.headlineLabel.setText(content.headline)
        what = "Sale orders" if content.kind == "so" else "Purchase orders"
        self.ui.documentsLabel.setText(
            f"{what} that would be generated" if content.preview else f"Generated {what.lower()}"
        )
        self._fill_documents()
        self._fill_other()
        box = self.ui.buttonBox
        self.open_button = box.addButton("&Open", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setObjectName("openButton")
        self.print_button = box.addButton("&Print All", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("printAllButton")
        self.csv_button = box.addButton("Save as CS&V…", QDialogButtonBox.ButtonRole.ActionRole)
        self.csv_button.setObjectName("csvButton")
        self.xlsx_button = box.addButton("E&xport to Excel…", QDialogButtonBox.ButtonRole.ActionRole)
        self.xlsx_button.setObjectName("xlsxButton")
        exportable = export is not None and bool(content.export_rows)
        for button, fmt in ((self.csv_button, CSV), (self.xlsx_button, XLSX)):
            button.setVisible(exportable)
            if export is not None:
                button.clicked.connect(partial(self._export, export, fmt))
        live = not content.preview and bool(content.numbers)
        self.open_button.setVisible(not content.preview)
        self.print_button.setVisible(live and print_all is not None)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_selected)
        if print_all is not None:
            self.print_button.clicked.connect(lambda: print_all(content.kind, self.numbers()))
        self.ui.documentTree.itemSelectionChanged.connect(
            lambda: self.open_button.setEnabled(live and self.selected_number() is not None)
        )
        self.ui.documentTree.itemDoubleClicked.connect(lambda *_: self.open_selected())
        self.ui.documentTree.installEventFilter(self)  # Enter on a row opens it (not the default Close)
        box.rejected.connect(self.close)
        box.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        self.resize(720, 480)

    def export_table(self) -> ExportTable:
        """Every generated line of the run as a table to write."""
        rows = self.content.export_rows
        return ExportTable(self.content.title, self.content.export_headers, lambda: rows, len(rows))

    def _export(self, export: Callable[[QWidget, ExportTable, str], object], fmt: str, _checked: bool = False) -> None:
        export(self, self.export_table(), fmt)

    def numbers(self) -> list[int]:
        """Numbers of the generated documents."""
        return list(self.content.numbers)

    def selected_number(self) -> int | None:
        """Number of the selected document (or of the document of the selected line)."""
        items = self.ui.documentTree.selectedItems()
        if not items:
            return None
        item = items[0]
        while item.parent() is not None:
            item = item.parent()
        return item.data(0, NUMBER_ROLE)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Enter/Return in the document list opens the selected document; the window stays (Esc or
        Close closes it)."""
        if (
            watched is self.ui.documentTree
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.open_selected()
            return True
        return super().eventFilter(watched, event)

    def open_selected(self) -> None:
        """Open the selected generated document."""
        number = self.selected_number()
        if number is not None and not self.content.preview and self._open_document is not None:
            self._open_document(self.content.kind, number)

    def _fill_documents(self) -> None:
        tree = self.ui.documentTree
        tree.setHeaderLabels(list(self.content.document_columns))
        tree.setUpdatesEnabled(False)
        items = []
        for doc in self.content.documents:
            top = QTreeWidgetItem(list(doc.cells))
            top.setData(0, NUMBER_ROLE, doc.number)
            _align_numbers(top)
            for line in doc.lines:
                _align_numbers(QTreeWidgetItem(top, list(line)))
            items.append(top)
        tree.addTopLevelItems(items)
        hidden = len(self.content.numbers) - len(self.content.documents)
        if hidden > 0:
            _note_row(tree, f"… and {hidden:,} more (see the Documents menu)")
        if not self.content.documents:
            _note_row(tree, "Nothing to generate for this selection.")
        tree.header().setStretchLastSection(False)
        tree.expandAll()  # column widths count only expanded rows: make room for the lines too
        for i in range(len(self.content.document_columns)):
            tree.resizeColumnToContents(i)
        tree.collapseAll()
        tree.setUpdatesEnabled(True)

    def _fill_other(self) -> None:
        visible = bool(self.content.other_rows)
        self.ui.otherLabel.setText(self.content.other_title)
        self.ui.otherLabel.setVisible(visible)
        self.ui.otherTree.setVisible(visible)
        self.ui.otherTree.setHeaderLabels(list(self.content.other_columns))
        rows = [QTreeWidgetItem(list(row)) for row in self.content.other_rows]
        for item in rows:
            _align_numbers(item)
        self.ui.otherTree.addTopLevelItems(rows)
        if self.content.other_count > len(self.content.other_rows):
            _note_row(self.ui.otherTree, f"… and {self.content.other_count - len(self.content.other_rows):,} more")
        self.ui.otherTree.header().setStretchLastSection(False)
        for i in range(len(self.content.other_columns)):
            self.ui.otherTree.resizeColumnToContents(i)


def _note_row(tree: QTreeWidget, text: str) -> None:
    """A row of text over the whole width (not cut to the first column), not selectable."""
    item = QTreeWidgetItem(tree, [text])
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    item.setFirstColumnSpanned(True)


def _align_numbers(item: QTreeWidgetItem) -> None:
    """Figures right-aligned, cell by cell."""
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for col in range(item.columnCount()):
        if _is_number(item.text(col)):
            item.setTextAlignment(col, right)


def _is_number(text: str) -> bool:
    return text.replace(",", "").replace(".", "").isdigit()
