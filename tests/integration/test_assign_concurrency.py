"""Two Assign runs started at once on one database (two workstations): no unit is assigned twice.

Each run is a real OS process. The second waits for the first (the process lock) and then works
on what the first left; after LOCK_WAIT_SECONDS it would stop with "another run is in progress".
"""

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from tests.support.db import load, snapshot
from tests.support.scenarios import scenario
from xmart.errors import ProcessBusyError
from xmart.models import SaleOrderLine
from xmart.models import db as db_module
from xmart.models.db import UnitOfWork, make_engine
from xmart.processes.assign import AssignParams, assign_orders
from xmart.processes.selection import PROCESS_LOCK, CsoRange

SRC = Path(__file__).resolve().parents[2] / "src"

RUNNER = """
import sys, time
from pathlib import Path
import xmart.processes.assign as assign
slow = assign._write
def _write(*args, **kwargs):          # hold the lock a while, as a big run would
    time.sleep(1.0)
    return slow(*args, **kwargs)
assign._write = _write
from xmart.cli.main import main
go = Path(sys.argv[1])
while not go.exists():
    time.sleep(0.002)
sys.exit(main(["--db", sys.argv[2], "assign", "--by-number", "1", "99999", "--json"]))
"""


def _start(url: str, go: Path, tmp_path: Path, name: str) -> subprocess.Popen:
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
        XMART_DATA_DIR=str(tmp_path / name),
    )
    return subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(go), url], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_two_processes_at_once_never_assign_a_unit_twice(engine, db_url, tmp_path):
    orders = [{"lines": [("A", 3), ("B", 2)]} for _ in range(12)]
    load(engine, scenario({"S01": {"A": (10, 2), "B": (4, 0)}, "S02": {"A": (7, 0), "B": (3, 1)}}, orders))
    go = tmp_path / "go"
    runs = [_start(db_url, go, tmp_path, name) for name in ("ws1", "ws2")]
    time.sleep(2.0)  # both interpreters have started and wait at the line
    go.touch()
    outputs = []
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        outputs.append(json.loads(out))
    produced = [doc["sale_orders"] for doc in outputs]
    assert sorted(len(p) > 0 for p in produced) == [False, True]  # the second found nothing left
    numbers = [so["number"] for p in produced for so in p]
    assert len(numbers) == len(set(numbers))
    with UnitOfWork(engine) as uow:
        total = uow.session.scalar(select(func.sum(SaleOrderLine.qty)))
    assert total == 17 + 7  # A: 10 + 7 on hand, B: 4 + 3 on hand — each unit once
    with UnitOfWork(engine) as uow:
        per_line = uow.session.execute(
            select(SaleOrderLine.cso_line_id, func.sum(SaleOrderLine.qty)).group_by(SaleOrderLine.cso_line_id)
        ).all()
    assert all(qty <= 3 for _, qty in per_line)


@contextmanager
def another_run_holding_the_lock(engine: Engine) -> Iterator[None]:
    """While the block runs, another thread (another workstation) holds PROCESS_LOCK on `engine`."""
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with UnitOfWork(engine) as uow, uow.exclusive(PROCESS_LOCK):
            holding.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert holding.wait(10)
        yield
    finally:
        release.set()
        holder.join()


def test_a_run_that_cannot_get_the_lock_stops_clearly_and_writes_nothing(db_url, monkeypatch):
    monkeypatch.setattr(db_module, "LOCK_WAIT_SECONDS", 1)
    monkeypatch.setattr(db_module, "SQLITE_BUSY_TIMEOUT_MS", 1000)
    first, second = make_engine(db_url), make_engine(db_url)
    load(first, scenario({"S01": {"A": (3, 0)}}, [{"lines": [("A", 1)]}]))
    before = snapshot(first)
    with another_run_holding_the_lock(first):
        started = time.monotonic()
        with pytest.raises(ProcessBusyError, match="Another run is in progress"):
            with UnitOfWork(second) as uow:
                assign_orders(AssignParams(range=CsoRange.by_number(1, 9)), uow)
        assert 0.5 < time.monotonic() - started < 10
    assert snapshot(first) == before
    first.dispose()
    second.dispose()


@pytest.mark.parametrize("process", ["assign", "purchase-orders", "receive", "invoice"])
def test_every_process_takes_the_process_lock_itself(db_url, monkeypatch, process):
    """A caller that opens a plain unit of work still cannot overlap another run (README: concurrent runs)."""
    import datetime as dt

    from xmart.processes.invoicing import invoice
    from xmart.processes.purchase_orders import PurchaseOrderParams, generate_purchase_orders
    from xmart.processes.receiving import receive

    monkeypatch.setattr(db_module, "LOCK_WAIT_SECONDS", 1)
    monkeypatch.setattr(db_module, "SQLITE_BUSY_TIMEOUT_MS", 1000)
    first, second = make_engine(db_url), make_engine(db_url)
    runs = {
        "assign": lambda uow: assign_orders(AssignParams(range=CsoRange.by_number(1, 9)), uow),
        "purchase-orders": lambda uow: generate_purchase_orders(
            PurchaseOrderParams(
                range=CsoRange.by_number(1, 9), delivery=dt.date(2030, 1, 1), cancel=dt.date(2030, 2, 1)
            ),
            uow,
        ),
        "receive": lambda uow: receive(uow, 1),
        "invoice": lambda uow: invoice(uow, 1, "A", 1),
    }
    with another_run_holding_the_lock(first), pytest.raises(ProcessBusyError, match="Another run is in progress"):
        with UnitOfWork(second) as uow:
            runs[process](uow)
    first.dispose()
    second.dispose()
