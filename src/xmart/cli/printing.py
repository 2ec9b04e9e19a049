"""`xmart print (cso|so|po) NUMBER... [--printer NAME | --pdf-dir DIR]`.

Printers are reached through CUPS' `lp`; where it is missing (Windows) through Qt, whose module
`xmart.ui.qt_printing` is imported only then, so the command line loads no Qt otherwise.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from xmart.cli.main import Context
from xmart.processes import document_printing
from xmart.processes.printing import PrinterBackend, PrintTarget


def printer_backend(target: PrintTarget) -> PrinterBackend | None:
    """The Qt printer backend when `target` is a printer and CUPS' `lp` is missing, else None (use `lp`)."""
    if target.pdf_dir is not None or shutil.which("lp") is not None:
        return None
    from xmart.ui.qt_printing import qt_backend_if_needed  # Qt only on computers without CUPS

    return qt_backend_if_needed()


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Print stored documents as one job, or save them to a folder (one PDF each)."""
    target = PrintTarget(pdf_dir=Path(args.pdf_dir) if args.pdf_dir else None, printer=args.printer)
    result = document_printing.print_documents(
        ctx.engine, args.kind, args.numbers, target, backend=printer_backend(target)
    )
    if result.paths:
        for path in result.paths:
            print(path)
    else:
        job = f" as job {result.job_id}" if result.job_id else ""
        print(
            f"sent {len(args.numbers)} document(s), {result.pages} page(s), to "
            f"{args.printer or 'the default printer'}{job}"
        )
    return 0
