"""`xmart print (cso|so|po) NUMBER... [--printer NAME | --pdf-dir DIR]`."""

from __future__ import annotations

from pathlib import Path

from xmart.processes.document_printing import print_documents
from xmart.processes.printing import PrintTarget


def run(args, ctx) -> int:
    """Print stored documents as one job, or save them to a folder (one PDF each)."""
    target = PrintTarget(pdf_dir=Path(args.pdf_dir) if args.pdf_dir else None, printer=args.printer)
    result = print_documents(ctx.engine, args.kind, args.numbers, target)
    if result.paths:
        for path in result.paths:
            print(path)
    else:
        print(f"sent {len(args.numbers)} document(s), {result.pages} page(s), to "
              f"{args.printer or 'the default printer'} as job {result.job_id}")
    return 0
