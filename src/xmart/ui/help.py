"""Help › Keyboard Shortcuts (F1) and Help › User Guide.

The shortcut list is built from the client itself, so it cannot drift from it: the main window's
menu actions (their shortcuts and the menus' mnemonics, Alt + underlined letter), the keys of the
windows made with QShortcut (`key_table`), and the mnemonics
of every dialog's buttons, labels and check boxes as its Designer form (`forms/*.ui`, the package
`xmart.forms`) declares them. The guide is `resources/guide.md` (`xmart.resources`), shown in a QTextBrowser.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from importlib import resources

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from xmart.ui.key_table import key_entries

_MNEMONIC = re.compile(r"&([^&\s])")
NATIVE = QKeySequence.SequenceFormat.NativeText


def _size_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize `widget` to width x height, or to 90 % of the available screen when that is smaller."""
    screen = widget.screen() or QApplication.primaryScreen()
    size = QSize(width, height)
    if screen is not None:
        available = screen.availableGeometry().size()
        size = size.boundedTo(QSize(available.width() * 9 // 10, available.height() * 9 // 10))
    widget.resize(size)


@dataclass(frozen=True)
class ShortcutRow:
    """One key of the client: where it works, what it does, the keys."""

    where: str
    command: str
    keys: str


def plain(text: str) -> str:
    """A widget text without its mnemonic marker and trailing ellipsis ("&Save…" -> "Save")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".").strip()


def mnemonic(text: str) -> str | None:
    """The mnemonic letter of a text ("Sales &Order Interface" -> "O"), or None."""
    match = _MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).upper() if match else None


def menu_rows(bar: QMenuBar) -> list[ShortcutRow]:
    """Every menu command of a menu bar: its shortcut and its mnemonic path (e.g. "Alt+T, C")."""
    rows: list[ShortcutRow] = []

    def walk(menu: QMenu, path: list[str], keys: list[str]) -> None:
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            letter = mnemonic(action.text())
            here = [*keys, letter] if letter else []
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                walk(submenu, [*path, plain(action.text())], here)
                continue
            shortcut = action.shortcut().toString(NATIVE)
            if shortcut and action.shortcutContext() == Qt.ShortcutContext.ApplicationShortcut:
                shortcut += " (in every window)"
            menu_keys = ", ".join(here) if here and len(here) == len(path) + 1 else ""
            text = " or ".join(k for k in (shortcut, menu_keys) if k)
            rows.append(ShortcutRow(" › ".join(path), plain(action.text()), text))

    for top in bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            letter = mnemonic(top.text())
            walk(menu, [plain(top.text())], [f"Alt+{letter}"] if letter else [])
    return rows


def form_rows() -> list[ShortcutRow]:
    """The mnemonics (Alt + letter) of every dialog form's buttons, labels and check boxes."""
    rows: list[ShortcutRow] = []
    forms = resources.files("xmart.forms")
    for form in sorted((f for f in forms.iterdir() if f.name.endswith(".ui")), key=lambda f: f.name):
        root = ElementTree.fromstring(form.read_bytes())
        top = root.find("widget")
        title = top.findtext("property[@name='windowTitle']/string") if top is not None else None
        where = plain(title) if title else form.name.removesuffix(".ui").replace("_", " ").capitalize()
        for widget in root.iter("widget"):
            text = widget.findtext("property[@name='text']/string") or widget.findtext("property[@name='title']/string")
            letter = mnemonic(text or "")
            if letter and text:
                rows.append(ShortcutRow(where, plain(text), f"Alt+{letter}"))
        for action in root.iter("action"):
            shortcut = action.findtext("property[@name='shortcut']/string")
            if shortcut:
                rows.append(ShortcutRow(where, plain(action.findtext("property[@name='text']/string") or ""), shortcut))
    return rows


def table_rows() -> list[ShortcutRow]:
    """The keys made with QShortcut in the windows (Ctrl+1..4, Ctrl+Enter, F4…), from `key_table`."""
    return [ShortcutRow(where, command, keys) for where, command, keys in key_entries()]


class ShortcutsDialog(QDialog):
    """Help › Keyboard Shortcuts: a filterable table of every key (menus first, then the dialogs)."""

    def __init__(self, parent: QWidget | None, rows: list[ShortcutRow]):
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard Shortcuts")
        self.rows = rows
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("filterEdit")
        self.filter_edit.setPlaceholderText("Type to find a command or a key")
        self.filter_edit.setClearButtonEnabled(True)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setObjectName("shortcutTable")
        self.table.setHorizontalHeaderLabels(["Where", "Command", "Keys"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for r, row in enumerate(rows):
            for c, value in enumerate((row.where, row.command, row.keys)):
                self.table.setItem(r, c, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.filter_edit.textChanged.connect(self._filter)
        _size_within_screen(self, 760, 620)

    def visible_rows(self) -> list[ShortcutRow]:
        """The rows the filter leaves shown."""
        return [row for i, row in enumerate(self.rows) if not self.table.isRowHidden(i)]

    def _filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for i, row in enumerate(self.rows):
            haystack = f"{row.where} {row.command} {row.keys}".casefold()
            self.table.setRowHidden(i, bool(needle) and needle not in haystack)


def guide_markdown() -> str:
    """The user guide (Markdown): resources/guide.md, shipped as xmart.resources."""
    return resources.files("xmart.resources").joinpath("guide.md").read_text(encoding="utf-8")


class GuideDialog(QDialog):
    """Help › User Guide: the guide in a QTextBrowser (not modal: it can stay open beside the work)."""

    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle("xmart User Guide")
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(guide_markdown())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        _size_within_screen(self, 760, 680)


def show_shortcuts(parent: QWidget, bar: QMenuBar) -> None:
    """Help › Keyboard Shortcuts: the keys of the menus of `bar` and of every dialog."""
    dialog = ShortcutsDialog(parent, menu_rows(bar) + table_rows() + form_rows())
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def show_guide(parent: QWidget) -> GuideDialog:
    """Help › User Guide: open (or raise) the guide window."""
    existing = parent.findChild(GuideDialog)
    if existing is not None:
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    dialog = GuideDialog(parent)
    dialog.show()
    return dialog
