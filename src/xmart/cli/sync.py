"""`xmart sync keygen|export|import|status|resend` (INTERFACE.md; DOMAIN.md section 6)."""

from __future__ import annotations

import argparse
from pathlib import Path

from xmart.cli.main import Context, print_json
from xmart.errors import InputError
from xmart.models.db import UnitOfWork
from xmart.processes.sync.export import export_packages
from xmart.processes.sync.importing import import_packages
from xmart.processes.sync.keys import make_store_key
from xmart.processes.sync.status import SyncStatus, resend, sync_status


def _folder(value: str, option: str, create: bool) -> Path:
    """The folder given to `option`; InputError (exit 2) naming the option when it is not usable."""
    path = Path(value)
    if create and not path.exists() and path.parent.is_dir():
        path.mkdir()
    if not path.is_dir():
        raise InputError(f"{option} {value}: not a folder.")
    return path


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Run one `sync` subcommand and say what it did."""
    command = args.sync_command
    if command == "keygen":
        out = Path(args.out)
        if not out.parent.is_dir():
            raise InputError(f"--out {args.out}: the folder {out.parent} does not exist.")
        with UnitOfWork(ctx.engine) as uow:
            made = make_store_key(uow, args.store, out, replace=args.replace)
        verb = "Replaced" if made.replaced else "Made"
        print(
            f"{verb} the sync key of {made.store} in {made.path} (readable by its owner only); "
            f"set the store up with: xmart store setup {made.store} --key FILE"
        )
        return 0
    if command == "export":
        folder = _folder(args.folder, "--to", create=True)
        with UnitOfWork(ctx.engine) as uow:
            exported = export_packages(uow, folder, tuple(args.store))
        if args.json:
            print_json(exported.to_json())
        else:
            for package in exported.packages:
                carried = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in package.counts.items() if n)
                name = package.path.name
                print(f"Package {package.sequence} for {package.receiver}: {name} ({carried or 'nothing new'})")
        return 0
    if command == "import":
        folder = _folder(args.folder, "--from", create=False)
        with UnitOfWork(ctx.engine) as uow:
            result = import_packages(uow, folder)
        if args.json:
            print_json(result.to_json())
        else:
            for outcome in result.outcomes:
                if outcome.outcome == "refused":
                    print(f"Refused {outcome.file}: {outcome.reason} (kept in refused/)")
            document = result.to_json()
            print(
                f"{document['applied']} applied, {document['duplicate']} duplicate, "
                f"{document['waiting']} waiting, {document['refused']} refused."
            )
        return 0
    if command == "status":
        with UnitOfWork(ctx.engine) as uow:
            status = sync_status(uow)
        if args.json:
            print_json(status.to_json())
        else:
            _print_status(status)
        return 0
    with UnitOfWork(ctx.engine) as uow:
        asked = resend(uow, args.store, args.date)
    print(f"Asked {asked} to send again everything from {args.date.isoformat()} (carried by the next package).")
    return 0


def _print_status(status: SyncStatus) -> None:
    document = status.to_json()
    print("Main" if status.role == "main" else f"Store {status.role}")
    if not document["peers"]:
        print("  No store is synchronized.")
    for peer in document["peers"]:
        last_in = peer["last_in"] or {}
        last_out = peer["last_out"] or {}
        print(
            f"  {peer['peer']}: last in {last_in.get('sequence', '-')} ({last_in.get('created') or 'never'}), "
            f"last out {last_out.get('sequence', '-')} ({last_out.get('created') or 'never'}); "
            f"waiting out {peer['waiting_out']}, waiting in {peer['waiting_in']}, refused {peer['refused']}, "
            f"conflicts {peer['conflicts']}; last stock report {peer['last_stock_report'] or 'never'}"
        )
        for conflict in peer["conflict_list"]:
            print(f"    conflict ({conflict['kind']}): {conflict['detail']}")
    if status.refused_unknown:
        print(f"  {status.refused_unknown} unreadable or unknown package(s) refused.")
