"""`xmart cancel (so|po) NUMBER` (INTERFACE.md; DOMAIN.md section 6), on SQLite and PostgreSQL: the freed units
and coverage are checked through the fulfilment figures and the next process runs."""

from __future__ import annotations

import pytest
from test_cli_purchasing import xmart  # noqa: F401 - the fixture
from test_purchase_orders import TODAY, cso, po, run_po, setup, so

from xmart.models.db import UnitOfWork
from xmart.processes.fulfilment import cso_fulfilment


def figures(engine, number: int) -> tuple[str, list[tuple[str, int, int, int]]]:
    """A CSO's status and its lines as (sku, assigned, covered, unassigned)."""
    with UnitOfWork(engine) as uow:
        f = cso_fulfilment(uow.session, number)
    return f.status, [(ln.sku, ln.assigned, ln.covered, ln.unassigned) for ln in f.lines]


def test_cancel_so_frees_its_units(engine, xmart):  # noqa: F811
    setup(
        engine,
        cso(1001, ("A100", 5), status="partially assigned"),
        sos=(so(5001, 1001, ("A100", 3, 1)),),
    )
    assert figures(engine, 1001) == ("partially assigned", [("A100", 3, 0, 2)])
    status, out, err = xmart("cancel", "so", "5001")
    assert (status, err) == (0, "")
    assert out == "Sale order 5001 cancelled: 3 units unassigned again on corporate sale order 1001.\n"
    assert figures(engine, 1001) == ("open", [("A100", 0, 0, 5)])
    # the next Purchase Orders run sees all five units as needed again
    result = run_po(engine, today=TODAY)
    assert [(ln["sku"], ln["qty"]) for o in result.to_json()["purchase_orders"] for ln in o["lines"]] == [("A100", 5)]


def test_cancel_po_frees_its_coverage(engine, xmart):  # noqa: F811
    setup(engine, cso(1001, ("A100", 6), ("B200", 2)))
    run_po(engine)
    assert figures(engine, 1001) == ("open", [("A100", 0, 6, 6), ("B200", 0, 2, 2)])
    status, out, err = xmart("cancel", "po", "7001")
    assert (status, err) == (0, "")
    assert out == (
        "Purchase order 7001 cancelled (8 units no longer on order); "
        "8 units of corporate sale order 1001 need covering again.\n"
    )
    assert figures(engine, 1001) == ("open", [("A100", 0, 0, 6), ("B200", 0, 0, 2)])
    again = run_po(engine)  # the units are ordered again, on a new PO
    assert [
        (o["vendor"], [(ln["sku"], ln["qty"]) for ln in o["lines"]]) for o in again.to_json()["purchase_orders"]
    ] == [("V1", [("A100", 6), ("B200", 2)])]


def test_refusals_exit_2_with_one_line_and_write_nothing(engine, xmart):  # noqa: F811
    setup(
        engine,
        cso(1001, ("A100", 5), status="partially assigned"),
        pos=(
            po(6900, "V1", ("A100", 4, 1), status="partially received"),
            po(6901, "V1", ("B200", 2, 0), status="cancelled"),
        ),
        sos=(so(5001, 1001, ("A100", 3, 1), status="partially sold", sold=1), so(5002, 1001, ("A100", 1, 1))),
    )
    assert xmart("cancel", "so", "5002")[0] == 0
    cases = {
        ("so", "9999"): "xmart: Sale order 9999 does not exist.\n",
        ("po", "9999"): "xmart: Purchase order 9999 does not exist.\n",
        ("so", "5002"): "xmart: Sale order 5002 is already cancelled.\n",
        ("po", "6901"): "xmart: Purchase order 6901 is already cancelled.\n",
        ("so", "5001"): "xmart: Sale order 5001 has 1 unit sold already, so it cannot be cancelled.\n",
        ("po", "6900"): "xmart: Purchase order 6900 has 1 unit received already, so it cannot be cancelled.\n",
    }
    before = figures(engine, 1001)
    for (kind, number), message in cases.items():
        assert xmart("cancel", kind, number) == (2, "", message)
    assert figures(engine, 1001) == before
    with pytest.raises(SystemExit) as exit_:  # argparse: one line on stderr, status 2
        xmart("cancel", "cso", "1001")
    assert exit_.value.code == 2
