"""`xmart report sale-orders [--from DATE --to DATE] [--store CODE]... [--json | --csv FILE | --pdf FILE]`.

Sold and not yet sold on sale orders, per SO line (DOMAIN.md section 6), from the same service as
Reports › Sale Orders in the client (processes/sale_order_report.py). Without an output option the
report is printed as a plain table. A bad date or an unknown store exits 2 with one line on stderr and
writes nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from xmart.cli.main import Context, print_json
from xmart.models.db import UnitOfWork
from xmart.processes.sale_order_report import (
    HEADERS,
    MONEY_COLUMNS,
    SaleOrderReportParams,
    describe_filters,
    report_json,
    sale_order_report,
    table_values,
)


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Compute the report and print it, or write it as JSON on stdout, a CSV file or a PDF file."""
    params = SaleOrderReportParams(args.date_from, args.date_to, tuple(dict.fromkeys(args.store)))
    with UnitOfWork(ctx.engine) as uow:
        report = sale_order_report(uow.session, params)
        if args.pdf:
            from xmart.processes.document_printing import report_company
            from xmart.processes.documents.sale_orders_report import render_sale_orders_report

            data = render_sale_orders_report(report, report_company(uow, "sale-orders"))
    if args.json:
        print_json(report_json(report))
    elif args.csv:
        from xmart.processes.exports import write_csv

        print(write_csv(Path(args.csv), HEADERS, table_values(report), MONEY_COLUMNS))
    elif args.pdf:
        from xmart.processes.exports import write_bytes_atomically

        print(write_bytes_atomically(Path(args.pdf), data))
    else:
        print(describe_filters(params))
        print(
            f"{'SO':>7} {'date':<10} {'store':<6} {'CSO':>6} {'sku':<12} {'qty':>5} {'sold':>5} {'left':>5} "
            f"{'amount sold':>12} {'not sold':>12}"
        )
        for r in report.rows:
            print(
                f"{r.so_number:>7} {r.date.isoformat():<10} {r.store:<6} {r.corporate_order or '':>6} {r.sku:<12} "
                f"{r.qty:>5} {r.sold:>5} {r.not_yet_sold:>5} {r.amount_sold:>12} {r.amount_not_sold:>12}"
            )
        print(
            f"{'total':<47} {report.qty:>5} {report.sold:>5} {report.not_yet_sold:>5} "
            f"{report.amount_sold:>12} {report.amount_not_sold:>12}"
        )
    return 0
