"""`xmart gui`: open the desktop client on the configured database."""

from __future__ import annotations

import argparse
import os
import sys

from xmart.cli.main import Context


def _display_available() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Open the main window (first-run prompt on an empty database); returns when it closes."""
    if not _display_available():
        print(
            "xmart: gui: no display available (DISPLAY is not set). Run it on a desktop, "
            "or under a virtual display: xvfb-run -a xmart gui",
            file=sys.stderr,
        )
        return 1
    from xmart.ui.app import run_gui

    return run_gui(ctx.engine)
