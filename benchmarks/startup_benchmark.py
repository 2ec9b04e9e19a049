"""Benchmark: cold start of a reading command, `xmart show cso N --json`, and of `xmart --help`.

Each run is a fresh interpreter (the operating system's file cache stays warm). The commands are
measured round-robin, so a burst of load on the machine hits all of them alike, next to two
floors measured in the same run: `python -c pass` (interpreter start) and `python -c "import
sqlite3"` (the database driver). `import sqlalchemy.orm` is shown too, for context: it is the
part of the start-up xmart cannot avoid once it reads the database.

Prints one JSON object: {"runs", "median_seconds": {...}, "min_seconds": {...},
"median_cpu_seconds": {...}, "show_target_seconds", "show_median_within_target",
"show_median_cpu_within_target", "load_average"}: wall-clock seconds, and the CPU seconds of each
child, which a busy machine changes much less. The database is small: the INTERFACE.md example
imported with `xmart import` into a temporary SQLite file.
Run from the repository root: PYTHONPATH=src python benchmarks/startup_benchmark.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.support.documents

from tests.support.documents import B200_ITEM, INTERFACE_EXAMPLE  # noqa: E402

SHOW_TARGET_SECONDS = 0.3
CSO_NUMBER = INTERFACE_EXAMPLE["corporate_sale_orders"][0]["number"]


def xmart_command() -> list[str]:
    """The installed `xmart` script next to this interpreter, else `python -m xmart`."""
    script = shutil.which("xmart", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "xmart"]


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of the child) for one run of `command`, which must succeed.

    CPU seconds (user + system) hardly change with the load of the machine; wall-clock seconds do.
    """
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    """Build the small database, time every command `--runs` times and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="cold runs of each command (default 15)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="xmart-startup-") as tmp:
        folder = Path(tmp)
        env = dict(os.environ, XMART_DATA_DIR=str(folder / "data"))
        url = f"sqlite:///{folder / 'small.db'}"
        xmart = [*xmart_command(), "--db", url]
        for name, document in (("b200.json", B200_ITEM), ("example.json", INTERFACE_EXAMPLE)):
            (folder / name).write_text(json.dumps(document))
            subprocess.run([*xmart, "import", str(folder / name)], env=env, check=True, stdout=subprocess.DEVNULL)
        commands = {
            "show_cso_json": [*xmart, "show", "cso", str(CSO_NUMBER), "--json"],
            "help": [*xmart_command(), "--help"],
            "floor_python_pass": [sys.executable, "-c", "pass"],
            "floor_import_sqlite3": [sys.executable, "-c", "import sqlite3"],
            "context_import_sqlalchemy_orm": [sys.executable, "-c", "import sqlalchemy.orm"],
        }
        for command in commands.values():
            run(command, env)  # warm-up, not counted: byte-code caches written, file cache filled
        wall: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                seconds, cpu_seconds = run(command, env)
                wall[name].append(seconds)
                cpu[name].append(cpu_seconds)
    median = {name: round(statistics.median(t), 4) for name, t in wall.items()}
    print(
        json.dumps(
            {
                "runs": args.runs,
                "median_seconds": median,
                "min_seconds": {name: round(min(t), 4) for name, t in wall.items()},
                "median_cpu_seconds": {name: round(statistics.median(t), 4) for name, t in cpu.items()},
                "show_target_seconds": SHOW_TARGET_SECONDS,
                "show_median_within_target": median["show_cso_json"] < SHOW_TARGET_SECONDS,
                "show_median_cpu_within_target": statistics.median(cpu["show_cso_json"]) < SHOW_TARGET_SECONDS,
                "load_average": [round(x, 2) for x in os.getloadavg()],
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
