"""Every command's numbers, dates and codes are checked by one argument-type layer (xmart.cli.arguments):
out of range, impossible or malformed values exit 2 with one stderr line and touch no database."""

from __future__ import annotations

import pytest

from xmart.cli.arguments import INTEGER_MAX
from xmart.cli.main import HANDLERS, main

HUGE = "10000000000000000000"
RANGE = ["--delivery", "2026-12-01", "--cancel", "2026-12-15"]

# command -> argument lists that must be refused (each names the bad value's argument)
BAD = {
    "show": [["cso", HUGE], ["cso", str(INTEGER_MAX + 1)], ["cso", "0"], ["cso", "-5"], ["cso", "1e3"], ["cso", "٣"]],
    "print": [["so", "5001", HUGE, "--pdf-dir", "out"], ["po", "1_000"], ["cso", "+7"]],
    "receive": [[HUGE], ["6900", "--sku", "B200", "--qty", HUGE], ["6900", "--sku", "B200", "--qty", "0"]],
    "invoice": [
        [HUGE, "--sku", "A", "--qty", "1"],
        ["5001", "--sku", "A", "--qty", HUGE],
        ["5001", "--sku", "", "--qty", "1"],
    ],
    "cancel": [["so", HUGE], ["po", "-1"]],
    "assign": [
        ["--by-number", "1", HUGE],
        ["--by-date", "2026-01-01", "2026-02-30"],
        ["--by-date", "2026-1-1", "2026-02-01"],
        ["--by-number", "1", "2", "--exclude-before", "2026-13-01"],
        ["--by-number", "1", "2", "--store", "X" * 41],
    ],
    "purchase-orders": [
        ["--by-number", "1", HUGE, *RANGE],
        ["--by-number", "1", "2", "--delivery", "2026-02-30", "--cancel", "2026-12-15"],
        ["--by-date", "2026-02-29", "2026-03-01", *RANGE],  # 2026 is no leap year
    ],
    "report": [
        ["sale-orders", "--from", "2026-02-30"],
        ["sale-orders", "--to", "20261201"],
        ["sale-orders", "--store", "\x00"],
    ],
    "demo": [["--seed", HUGE * 2]],
    "card": [["reveal", HUGE], ["reveal", "0"], ["reveal", "1e3"]],
    "audit": [["list", "--since", "2026-02-30"], ["list", "--since", "yesterday"]],
    "sync": [["resend", "--store", "S01", "--from", "2026-02-30"], ["export", "--to", "out", "--store", "X" * 41]],
    "store": [["setup", "", "--key", "k"]],
    "stock": [["set", "A100", "-1"], ["set", "A100", HUGE], ["set", "A100", "3", "--location", "\x00"]],
    "web-orders": [
        ["import", "orders.json", "--source", "amazon"],
        ["map", "W-1", "X" * 41],
        ["map", "", "A100"],
        ["map", "W" * 65, "A100"],
    ],
}
NO_NUMBERS_OR_DATES = {"gui", "db", "import", "users", "roles", "keys"}  # no number, date or code arguments


def test_every_command_has_its_bad_arguments_listed():
    assert set(BAD) | NO_NUMBERS_OR_DATES == set(HANDLERS)


@pytest.mark.parametrize(
    "argv", [[command, *args] for command, cases in BAD.items() for args in cases], ids=lambda argv: " ".join(argv)
)
def test_bad_arguments_exit_2_with_one_line_and_touch_nothing(argv, tmp_path, capsys):
    db = tmp_path / "never.db"
    with pytest.raises(SystemExit) as stopped:
        main(["--db", f"sqlite:///{db}", *argv])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith("xmart: error: argument ")
    assert "Traceback" not in err and "Overflow" not in err
    assert not db.exists()
