"""One icon set for every action (ui/icons.py), no Qt standard pixmaps mixed in, and the application icon."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QMenu, QToolBar

from xmart.ui import icons

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "src" / "xmart" / "ui"


@pytest.fixture
def window(ctx, qtbot):
    from xmart.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def _menu_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        if isinstance(action.menu(), QMenu):
            found += _menu_actions(action.menu())
        else:
            found.append(action)
    return found


def test_every_menu_and_toolbar_action_has_an_icon_of_the_set(window):
    actions = [a for top in window.menuBar().actions() for a in _menu_actions(top.menu())]
    assert len(actions) > 25
    without = [a.objectName() or a.text() for a in actions if a.icon().isNull() or not icons.has_icon(a.objectName())]
    assert without == [], f"actions without an icon in xmart.ui.icons.ACTION_ICONS: {without}"
    toolbar = window.findChild(QToolBar, "mainToolbar")
    assert [a.text() for a in toolbar.actions() if not a.isSeparator() and a.icon().isNull()] == []


@pytest.mark.parametrize("kind", ["cso", "so", "po"])
def test_every_browser_action_has_an_icon_of_the_set(window, kind):
    browser = window.open_browser(kind)
    actions = [a for a in browser.ui.tableView.actions() if not a.isSeparator()]
    assert len(actions) >= 2  # Open and the row actions
    assert [a.objectName() for a in actions if a.icon().isNull() or not icons.has_icon(a.objectName())] == []


def test_every_icon_name_exists_in_the_one_family(qtbot):
    drawn = {name: icons.icon(name) for name in icons.ACTION_ICONS}  # qtawesome raises on an unknown name
    assert not [name for name, icon in drawn.items() if icon.isNull() or icon.pixmap(16, 16).isNull()]
    assert icons.FAMILY == "mdi6"
    assert all(re.fullmatch(r"[a-z0-9-]+", glyph) for glyph in icons.ACTION_ICONS.values())


def test_no_other_icon_source_is_mixed_in():
    """Qt's standard pixmaps, theme icons or image files next to the set would mix styles."""
    offenders = []
    for path in UI.rglob("*.py"):
        if "generated" in path.parts or path.name == "icons.py":
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in (r"standardIcon\(", r"QIcon\.fromTheme\(", r"QIcon\(\s*[\"']", r"qtawesome", r"\bqta\."):
            if re.search(pattern, text):
                offenders.append(f"{path.relative_to(ROOT)}: {pattern}")
    for form in (ROOT / "forms").glob("*.ui"):
        if "<iconset" in form.read_text(encoding="utf-8"):
            offenders.append(f"{form.relative_to(ROOT)}: <iconset>")
    assert offenders == []


def test_the_application_icon_is_shipped_in_every_freedesktop_size(qtbot):
    folder = resources.files("xmart.resources").joinpath("icons")
    assert folder.joinpath("xmart.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in icons.APP_ICON_SIZES:
        image = QImage.fromData(folder.joinpath(f"hicolor/{size}x{size}/apps/xmart.png").read_bytes(), "PNG")
        assert (image.width(), image.height()) == (size, size)
    app_icon = icons.app_icon()
    assert sorted(s.width() for s in app_icon.availableSizes()) == sorted(icons.APP_ICON_SIZES)


def test_the_pngs_are_rendered_from_the_svg(qtbot):
    """scripts/render_icons.py makes the PNGs; one edited without the other fails here."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("render_icons", ROOT / "scripts" / "render_icons.py")
    render_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(render_icons)
    for size in (16, 48, 256):
        fresh = render_icons.render(size).convertToFormat(QImage.Format.Format_ARGB32)
        stored = QImage(str(render_icons.png_path(size))).convertToFormat(QImage.Format.Format_ARGB32)
        differing = sum(
            1
            for y in range(size)
            for x in range(size)
            if max(abs(a - b) for a, b in zip(_rgba(fresh.pixel(x, y)), _rgba(stored.pixel(x, y)), strict=True)) > 8
        )
        assert differing <= size * size // 100, f"{size}x{size}: run scripts/render_icons.py"


def test_the_main_window_shows_the_application_icon(window):
    from xmart.ui.app import application

    application()
    assert not window.windowIcon().isNull()
    assert sorted(s.width() for s in window.windowIcon().availableSizes()) == sorted(icons.APP_ICON_SIZES)


def _rgba(pixel: int) -> tuple[int, int, int, int]:
    return (pixel >> 16) & 255, (pixel >> 8) & 255, pixel & 255, (pixel >> 24) & 255


def test_dialog_buttons_carry_no_icons_of_the_platform_style(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from xmart.ui.app import application

    app = application()
    assert icons.NO_BUTTON_ICONS in app.styleSheet()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    box.show()
    assert [b.icon().isNull() for b in box.buttons()] == [True, True]
