"""Render the application icon (resources/icons/xmart.svg) into PNGs of the freedesktop sizes.

Writes resources/icons/hicolor/NxN/apps/xmart.png for N in 16, 24, 32, 48, 64, 128, 256 (the folders
of the freedesktop icon theme specification, copied as they are into a Linux bundle's share/icons).
The PNGs are committed; run this after editing the SVG (`.venv/bin/python scripts/render_icons.py`);
tests/ui/test_icons.py fails when a PNG no longer matches the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "xmart.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int, root: Path = ROOT) -> Path:
    """Where the PNG of one size lives."""
    return root / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "xmart.png"


def render(size: int):
    """The SVG drawn at size x size (a QImage, ARGB32, transparent around the shape)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - keeps Qt's fonts alive
    for size in SIZES:
        path = png_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(path), "PNG"):
            print(f"render_icons: could not write {path}", file=sys.stderr)
            return 1
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
