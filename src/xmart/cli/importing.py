"""`xmart import FILE.json`."""

from __future__ import annotations

import argparse
from pathlib import Path

from xmart.cli.main import Context
from xmart.models.db import UnitOfWork
from xmart.processes.importer import import_document, read_document


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Load the document in one transaction and say what was loaded."""
    doc = read_document(Path(args.file))
    with UnitOfWork(ctx.engine) as uow:
        result = import_document(uow, doc)
    print("imported " + (", ".join(f"{n} {section}" for section, n in result.counts.items()) or "nothing"))
    return 0
