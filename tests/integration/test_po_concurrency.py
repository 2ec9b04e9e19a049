"""Two workstations start the Purchase Orders process at the same moment (two real OS processes, one database).

Whatever the timing, no unit is ordered twice: one run makes the POs, the other waits for it and
then finds nothing left to order (DOMAIN.md sections 4 and 5), on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from sqlalchemy import select
from test_purchase_orders import base_doc, load, po

from xmart.models import CsoLine, PoCoverage, PurchaseOrder, PurchaseOrderLine
from xmart.models.db import UnitOfWork
from xmart.processes.fulfilment import assigned_by_line

SRC = Path(__file__).resolve().parents[2] / "src"
SKUS = ("A100", "B200", "D400", "C300")

STARTER = """
import sys, time
import xmart.processes.purchase_orders as process
from xmart.cli import main

real = process.generate_purchase_orders

def slow(params, uow, progress=None, cancelled=None):
    return real(params, uow, progress=lambda *_: time.sleep(0.01), cancelled=cancelled)

process.generate_purchase_orders = slow
start = float(sys.argv[1])
time.sleep(max(0.0, start - time.time()))
sys.exit(main(sys.argv[2:]))
"""
"""`xmart ARGS` in a process that imports xmart first, then waits for the agreed moment so that both
runs really start together; each run works 10 ms per CSO after reading the orders, so the two
would overlap by far if the process lock did not keep them apart."""


def many_orders(engine, n: int = 150) -> None:
    """n CSOs of 3 lines over 4 items (one without vendor), some already assigned, and one PO on order."""
    csos, sos = [], []
    for i in range(n):
        lines = [{"sku": SKUS[(i + k) % 4], "qty": 1 + (i * 7 + k) % 9} for k in range(3)]
        csos.append(
            {
                "number": 1000 + i,
                "date": "2026-11-02",
                "status": "partially assigned" if i % 5 == 0 else "open",
                "billing_customer": "C001",
                "lines": lines,
            }
        )
        if i % 5 == 0:
            sos.append(
                {
                    "number": 5000 + i,
                    "location": "S01",
                    "date": "2026-11-10",
                    "corporate_order": 1000 + i,
                    "lines": [{"sku": lines[0]["sku"], "qty": 1, "cso_line": 1}],
                }
            )
    load(
        engine,
        base_doc()
        | {
            "corporate_sale_orders": csos,
            "sale_orders": sos,
            "purchase_orders": [po(6900, "V1", ("A100", 40, 5), ("B200", 30, 0), status="partially received")],
        },
    )


def test_two_runs_started_together_never_order_a_unit_twice(db_url, engine):
    many_orders(engine)
    env = os.environ | {"PYTHONPATH": str(SRC)}
    start = time.time() + 3.0
    argv = [
        "--db",
        db_url,
        "purchase-orders",
        "--by-number",
        "1000",
        "1999",
        "--delivery",
        "2026-12-01",
        "--cancel",
        "2026-12-15",
        "--json",
    ]
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", STARTER, str(start), *argv],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=180) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in outputs]
    results = sorted((json.loads(out) for out, _ in outputs), key=lambda r: len(r["purchase_orders"]))

    second, first = results
    assert [p["vendor"] for p in first["purchase_orders"]] == ["V1", "V2"]
    assert first["covered_by_existing"]
    assert second["purchase_orders"] == [] and second["covered_by_existing"] == []
    assert second["skipped_no_vendor"] == first["skipped_no_vendor"] == ["C300"]

    with UnitOfWork(engine) as uow:
        session = uow.session
        assert len(session.scalars(select(PurchaseOrder)).all()) == 3
        lines = session.execute(select(CsoLine.id, CsoLine.qty)).all()
        assigned = assigned_by_line(session, [line_id for line_id, _ in lines])
        covered_per_line: dict[int, int] = defaultdict(int)
        for cso_line_id, qty in session.execute(select(PoCoverage.cso_line_id, PoCoverage.qty)):
            covered_per_line[cso_line_id] += qty
        for line_id, qty in lines:
            need = qty - sum(a for a, _ in assigned.get(line_id, {}).values())
            assert covered_per_line[line_id] <= need
        for line_id, qty, received in session.execute(
            select(PurchaseOrderLine.id, PurchaseOrderLine.qty, PurchaseOrderLine.received)
        ):
            on_line = sum(session.scalars(select(PoCoverage.qty).where(PoCoverage.po_line_id == line_id)))
            assert on_line <= qty - received
