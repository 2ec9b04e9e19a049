"""Printing what a process generated, after its commit: a printer failure never rolls anything back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xmart.cli.main import Context, log
from xmart.cli.printing import printer_backend
from xmart.errors import XmartError
from xmart.processes import document_printing
from xmart.processes.printing import PrintTarget

NAMES = {"so": "sale order(s)", "po": "purchase order(s)", "cso": "corporate sale order(s)"}


def print_generated(ctx: Context, kind: str, numbers: list[int], args: argparse.Namespace, quiet: bool = False) -> int:
    """Print documents of `kind` (so, po, cso) as one job; on failure say so on stderr and return 1."""
    target = PrintTarget(pdf_dir=Path(args.pdf_dir) if args.pdf_dir else None, printer=args.printer)
    try:
        result = document_printing.print_documents(ctx.engine, kind, numbers, target, backend=printer_backend(target))
    except Exception as exc:  # after the commit: whatever failed, say what was saved and how to print it
        if isinstance(exc, XmartError):
            reason = str(exc)
        else:
            from xmart.processes.failures import log_text
            from xmart.processes.failures import reason as plain

            log.error(log_text("printing", exc))
            reason = f"{plain(exc)}."
        print(
            f"xmart: printing failed: {reason} The {len(numbers)} {NAMES[kind]} were saved "
            f"({', '.join(map(str, numbers))}); print them again with "
            f"'xmart print {kind} {' '.join(map(str, numbers))}'.",
            file=sys.stderr,
        )
        return 1
    if not quiet:
        where = (
            ", ".join(str(p) for p in result.paths)
            if result.paths
            else f"job {result.job_id}"
            if result.job_id
            else "the printer"
        )
        print(f"printed {len(numbers)} document(s): {where}")
    return 0
