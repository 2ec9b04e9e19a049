"""Package files in folders (DOMAIN.md section 6, "Transport"): atomic writes, what a reader takes.

A package is written under a temporary name in the destination folder (`.NAME.tmp`), flushed
and fsync'ed, then renamed to its name (`NAME`), and the folder fsync'ed: a reader (or a file
transport) never sees it half-written. Readers take only names ending in `.xsync` that do not
start with a dot. After a package is read, it moves to `applied/` (applied or a duplicate) or
`refused/` (kept aside with its reason in the database) under the folder it was read from.
"""

from __future__ import annotations

import os
from pathlib import Path

SUFFIX = ".xsync"
APPLIED = "applied"
REFUSED = "refused"


def package_name(sender: str, receiver: str, sequence: int) -> str:
    """The file name of a package: `SENDER_to_RECEIVER_0000000N.xsync` (`@main` for the Main)."""
    return f"{_safe(sender)}_to_{_safe(receiver)}_{sequence:08d}{SUFFIX}"


def _safe(code: str) -> str:
    return "".join(c if c.isalnum() or c in "-@." else "-" for c in code)


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder to fsync it; its rename is durable enough
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(folder: Path, name: str, data: bytes, mode: int = 0o644) -> Path:
    """Write `data` to `folder/name` atomically (temporary name, fsync, rename, fsync of the folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    temporary = folder / f".{name}.tmp"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_folder(folder)
    return target


def packages_in(folder: Path) -> list[Path]:
    """The package files ready in `folder` (not its subfolders, never temporary names), by name."""
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.iterdir()
        if path.name.endswith(SUFFIX) and not path.name.startswith(".") and path.is_file()
    )


def move_aside(path: Path, subfolder: str) -> Path:
    """Move a read package to `subfolder` beside it (`applied` or `refused`); never overwrites another file."""
    target_folder = path.parent / subfolder
    target_folder.mkdir(exist_ok=True)
    target = target_folder / path.name
    counter = 1
    while target.exists():
        target = target_folder / f"{path.name}.{counter}"
        counter += 1
    os.replace(path, target)
    _fsync_folder(target_folder)
    return target
