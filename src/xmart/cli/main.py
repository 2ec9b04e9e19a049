"""Argument parsing, dispatch, exit statuses and logging of the `xmart` command.

Start-up stays lean (benchmarks/README.md, "Start-up"): this module imports only the standard
library and xmart's own light modules. The whole command line is declared here, but a command's
module (and through it SQLAlchemy's ORM, reportlab, alembic, keyring, Qt) is imported only when
that command runs, so `xmart --help` loads no SQLAlchemy and `xmart show` no printing, migration,
card or Qt code. tests/unit/test_cli_imports.py guards it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib
import json
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from types import ModuleType
from typing import TYPE_CHECKING, Any, NoReturn

from xmart import config
from xmart.cli.arguments import code, document_number, iso_date, quantity, seed, whole_number
from xmart.cli.sync_arguments import SYNC_HANDLERS, add_sync_commands
from xmart.cli.web_orders_arguments import WEB_ORDERS_HANDLERS, add_web_orders_commands
from xmart.errors import XmartError

if TYPE_CHECKING:
    from sqlalchemy import Engine

log = logging.getLogger("xmart")


# command name -> handler module in xmart.cli, imported only when the command runs
HANDLERS = {
    "gui": "gui",
    "db": "db",
    "import": "importing",
    "demo": "demo",
    "assign": "assign",
    "purchase-orders": "purchase_orders",
    "receive": "receive",
    "invoice": "invoice",
    "show": "show",
    "print": "printing",
    "cancel": "cancel",
    "report": "report",
    "users": "users",
    "roles": "users",
    "keys": "keys",
    "card": "card",
    "audit": "audit",
    **SYNC_HANDLERS,
    **WEB_ORDERS_HANDLERS,
}

READING_COMMANDS = frozenset({"show", "print", "report", "audit"})
"""Commands that only read: they never create a database (a mistyped --db path exits 2)."""


class _Version(argparse.Action):
    """`--version`: print `xmart X.Y.Z` from the installed package's metadata, then exit 0.

    The metadata is read only when the option is given (importlib.metadata is not free at start-up)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> NoReturn:
        from importlib.metadata import version

        sys.stdout.write(f"xmart {version('xmart')}\n")
        parser.exit(0)


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors and exit status 2."""

    def error(self, message: str) -> NoReturn:  # noqa: D102 - argparse override
        self.exit(2, f"xmart: error: {message}\n")


def _add_range(p: argparse.ArgumentParser) -> None:
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--by-date", nargs=2, type=iso_date, metavar=("FROM", "TO"), help="CSO dates, inclusive")
    group.add_argument(
        "--by-number", nargs=2, type=document_number, metavar=("FIRST", "LAST"), help="CSO numbers, inclusive"
    )


def _add_print(p: argparse.ArgumentParser, flag: bool = True) -> None:
    if flag:
        p.add_argument("--print", action="store_true", help="print what the run generated, as one job")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--printer", metavar="NAME", help="printer (default: the system's default printer)")
    target.add_argument("--pdf-dir", metavar="DIR", help="save PDF files to this folder instead of printing")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line."""
    parser = Parser(prog="xmart", description="xmart main-office client and processes.")
    parser.add_argument("--version", action=_Version, help="print the version (xmart X.Y.Z) and exit")
    parser.add_argument(
        "--db", metavar="URL", help="SQLAlchemy database URL (default: $XMART_DB or a local SQLite file)"
    )
    parser.add_argument(
        "--user", metavar="NAME", help="sign in as NAME (default: $XMART_USER); password from $XMART_PASSWORD"
    )
    sub = parser.add_subparsers(dest="command", parser_class=Parser)

    gui = sub.add_parser("gui", help="open the desktop client")
    gui.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the main window, close it as soon as it is shown, exit 0 (checks an installation)",
    )
    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True, parser_class=Parser)
    db_sub.add_parser("upgrade", help="create or migrate the schema")

    imp = sub.add_parser("import", help="load an import document (JSON) in one transaction")
    imp.add_argument("file", metavar="FILE.json")

    demo = sub.add_parser("demo", help="fill an empty database with demo data and run the whole flow")
    demo.add_argument("--gui", action="store_true", help="open the desktop client afterwards")
    demo.add_argument("--seed", type=seed, default=2026, help=argparse.SUPPRESS)

    assign = sub.add_parser("assign", help="assign corporate sale orders to stores (DOMAIN.md section 4)")
    _add_range(assign)
    assign.add_argument(
        "--store",
        action="append",
        type=code,
        metavar="CODE",
        default=[],
        help="location to assign from (repeatable; default all active)",
    )
    assign.add_argument(
        "--ignore-pending", action="store_true", help="do not subtract units pending on open sale orders"
    )
    assign.add_argument(
        "--exclude-before",
        type=iso_date,
        default=dt.date(1969, 12, 31),
        metavar="DATE",
        help="ignore pending units on sale orders dated before DATE (default 1969-12-31)",
    )
    _add_print(assign)
    assign.add_argument("--dry-run", action="store_true", help="compute and show the result, write nothing")
    assign.add_argument("--json", action="store_true", help="print the result as JSON")

    po = sub.add_parser("purchase-orders", help="generate purchase orders for unassigned units (section 5)")
    _add_range(po)
    po.add_argument("--delivery", type=iso_date, required=True, metavar="DATE")
    po.add_argument("--cancel", type=iso_date, required=True, metavar="DATE")
    _add_print(po)
    po.add_argument("--dry-run", action="store_true")
    po.add_argument("--json", action="store_true")

    receive = sub.add_parser("receive", help="receive a whole purchase order, or part of one line")
    receive.add_argument("po_number", type=document_number, metavar="PO_NUMBER")
    receive.add_argument("--sku", type=code)
    receive.add_argument("--qty", type=quantity)

    invoice = sub.add_parser("invoice", help="record a sale at the sale order's location")
    invoice.add_argument("so_number", type=document_number, metavar="SO_NUMBER")
    invoice.add_argument("--sku", type=code, required=True)
    invoice.add_argument("--qty", type=quantity, required=True)

    cancel = sub.add_parser(
        "cancel", help="cancel a sale order (its units become unassigned) or a purchase order (its coverage is freed)"
    )
    cancel.add_argument("kind", choices=["so", "po"])
    cancel.add_argument("number", type=document_number, metavar="NUMBER")

    show = sub.add_parser("show", help="show a document")
    show.add_argument("kind", choices=["cso"])
    show.add_argument("number", type=document_number)
    show.add_argument("--json", action="store_true")

    prt = sub.add_parser("print", help="print documents")
    prt.add_argument("kind", choices=["cso", "so", "po"])
    prt.add_argument("numbers", type=document_number, nargs="+", metavar="NUMBER")
    _add_print(prt, flag=False)

    report = sub.add_parser("report", help="reports")
    report_sub = report.add_subparsers(dest="report", required=True, parser_class=Parser)
    sale_orders = report_sub.add_parser("sale-orders", help="sold and not yet sold on sale orders, per SO line")
    sale_orders.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE", help="first SO date")
    sale_orders.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE", help="last SO date")
    sale_orders.add_argument(
        "--store", action="append", type=code, default=[], metavar="CODE", help="location (repeatable; default all)"
    )
    output = sale_orders.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the report as JSON")
    output.add_argument("--csv", metavar="FILE", help="write the report as a CSV file")
    output.add_argument("--pdf", metavar="FILE", help="write the report as a PDF file")
    _add_users(sub)
    _add_card_commands(sub)
    _add_audit(sub)
    add_sync_commands(sub, Parser)
    add_web_orders_commands(sub, Parser)
    return parser


def _add_users(sub: Any) -> None:
    """`users ...` and `roles ...` (DOMAIN.md section 9; handled by cli/users.py)."""
    users = sub.add_parser("users", help="user accounts (DOMAIN.md section 9)")
    users_sub = users.add_subparsers(dest="users_command", required=True, parser_class=Parser)
    add = users_sub.add_parser("add", help="add a user; the password from $XMART_NEW_PASSWORD or a prompt")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, metavar="ROLE")
    add.add_argument("--full-name", default="", metavar="TEXT")
    users_sub.add_parser("list", help="list the users").add_argument("--json", action="store_true")
    set_role = users_sub.add_parser("set-role", help="give a user another role")
    set_role.add_argument("name", metavar="NAME")
    set_role.add_argument("role", metavar="ROLE")
    for name, text in (
        ("disable", "disable a user"),
        ("enable", "enable a disabled user"),
        ("unlock", "unlock a user locked by failed sign-ins"),
        ("password", "set a user's password ($XMART_NEW_PASSWORD or a prompt)"),
    ):
        users_sub.add_parser(name, help=text).add_argument("name", metavar="NAME")
    for name, text in (("grant", "grant a user a permission"), ("revoke", "withdraw a permission granted to a user")):
        change = users_sub.add_parser(name, help=text)
        change.add_argument("name", metavar="NAME")
        change.add_argument("permission", metavar="PERMISSION")
    roles = sub.add_parser("roles", help="roles and their permissions (DOMAIN.md section 9)")
    roles_sub = roles.add_subparsers(dest="roles_command", required=True, parser_class=Parser)
    roles_sub.add_parser("list", help="list the roles").add_argument("--json", action="store_true")
    role_add = roles_sub.add_parser("add", help="add or replace a role of the office")
    role_add.add_argument("name", metavar="NAME")
    role_add.add_argument("permissions", nargs="+", metavar="PERMISSION")
    role_add.add_argument("--description", default="", metavar="TEXT")
    roles_sub.add_parser("delete", help="delete a role of the office").add_argument("name", metavar="NAME")


def _add_card_commands(sub: Any) -> None:
    """`keys status|rotate|migrate` and `card reveal` (DOMAIN.md section 9)."""
    keys = sub.add_parser("keys", help="card-data keys (DOMAIN.md section 9)")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True, parser_class=Parser)
    key_status = keys_sub.add_parser("status", help="the key's fingerprint, the cards it reads and any it cannot")
    key_status.add_argument("--json", action="store_true", help="print the status as JSON")
    keys_sub.add_parser("rotate", help="re-encrypt every card under a new key, in one transaction")
    keys_sub.add_parser("migrate", help="re-encrypt the cards of this workstation's older key (when present)")
    card = sub.add_parser("card", help="card data (DOMAIN.md section 3)")
    card_sub = card.add_subparsers(dest="card_command", required=True, parser_class=Parser)
    reveal = card_sub.add_parser(
        "reveal",
        help="print one full card number (needs 'card.reveal'); audited",
        description="Print the full card number of one card payment (needs 'card.reveal' and your password); "
        "audited. `xmart show cso NUMBER` (or --json, key `payments`) lists a CSO's payment ids with the "
        "card's last 4 digits.",
    )
    reveal.add_argument(
        "payment_id", type=document_number, metavar="PAYMENT_ID", help="a payment id, as `show cso` lists them"
    )


def _add_audit(sub: Any) -> None:
    audit = sub.add_parser("audit", help="the audit log: verify its chain, list its entries")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True, parser_class=Parser)
    audit_sub.add_parser("verify", help="check that no entry was changed or removed (exit 1 naming the first)")
    listing = audit_sub.add_parser("list", help="the newest entries first")
    listing.add_argument("--since", type=iso_date, metavar="DATE", help="entries from this date (UTC) on")
    listing.add_argument(
        "--limit", type=whole_number(1, 10_000), default=200, metavar="N", help="the newest N entries (default 200)"
    )
    listing.add_argument("--action", metavar="TEXT", help="only entries whose action contains TEXT (sign_in, denied)")
    listing.add_argument("--json", action="store_true", help="print the entries as JSON")


@dataclass
class Context:
    """What a command handler gets: the database URL and, on demand, an engine with the schema up to date."""

    db_url: str
    create: bool = True
    """False for reading commands: a database that does not exist is an InputError, never created."""
    user: str | None = None
    """Who signs in (`--user` / XMART_USER) when the engine is first made; None: nobody."""
    password: str | None = None
    """The signed-in user's password, for commands that need it again (card reveal, card keys)."""

    @cached_property
    def engine(self) -> Engine:
        """The engine, with the schema migrated to the newest revision (created when `create`), `user` signed in."""
        from xmart.models.db import make_engine
        from xmart.models.migrate import require_database, upgrade

        if not self.create:
            require_database(self.db_url)
        engine = make_engine(self.db_url)
        try:
            upgrade(engine, create=self.create)
            if self.user:
                from xmart.cli.sign_in import sign_in

                sign_in(self, engine)
        except BaseException:
            engine.dispose()
            raise
        return engine

    def close(self) -> None:
        """Release the engine's connections, if one was made."""
        if "engine" in self.__dict__:
            self.engine.dispose()


def print_json(document: Any) -> None:
    """Print exactly one JSON document on stdout (indented on a terminal, compact and fast otherwise)."""
    indent = 2 if sys.stdout.isatty() else None
    sys.stdout.write(json.dumps(document, indent=indent, ensure_ascii=False) + "\n")


def setup_logging() -> None:
    """Log to `<data folder>/xmart.log` (rotated); never card data."""
    import logging.handlers  # here, not at start-up: `--help` and argument errors never log

    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            config.data_dir() / "xmart.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.getLogger("alembic").setLevel(logging.WARNING)


def import_command(command: str, freeze: bool = False) -> ModuleType:
    """The handler module of `command` (it has `run(args, ctx) -> int`), imported with the cyclic GC paused.

    Importing SQLAlchemy and the models makes some 60,000 objects that live as long as the process;
    the garbage collector would scan them in a hundred-odd collections that find nothing. With
    `freeze` (the `xmart` program, whose process ends with the command) they are also moved out of
    the collector's sight for good (`gc.freeze`), so later collections, and the last one when the
    interpreter exits, skip them: about 0.1 s of CPU of a cold `xmart show` (benchmarks/README.md).
    In-process callers (tests) leave `freeze` off: the frozen objects would never be collected.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return importlib.import_module(f"xmart.cli.{HANDLERS[command]}")
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


def main(argv: Sequence[str] | None = None, *, freeze_startup: bool = False) -> int:
    """Entry point of the `xmart` command; returns the exit status.

    `freeze_startup`: set by the `xmart` program (xmart.cli.main), see `import_command`.
    """
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    setup_logging()
    ctx = Context(config.database_url(args.db), create=command not in READING_COMMANDS)
    ctx.user = args.user or os.environ.get("XMART_USER") or None
    module = import_command(command, freeze=freeze_startup)  # only this command's imports
    try:
        return module.run(args, ctx) or 0
    except XmartError as exc:
        log.info("%s refused: %s", command, exc)
        print(f"xmart: {exc}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        print("xmart: interrupted; nothing was written by the unfinished transaction", file=sys.stderr)
        return 1
    except Exception as exc:
        from xmart.processes import failures  # never raw SQL, parameters or customer data (DOMAIN.md section 9)

        log.error(failures.log_text(command, exc))
        print(f"xmart: {failures.describe(command, exc)}", file=sys.stderr)
        return 1
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main(freeze_startup=True))
