"""Store keys and store mode (DOMAIN.md section 6): `sync keygen` at the Main, `store setup` at a store.

A store key is 32 random bytes (`secrets`), used as the HMAC-SHA-256 key of every package between
the Main and that store. `sync keygen` makes it at the Main, records it (the location is then
synchronized) and writes it to a key file readable by its owner only (mode 0600, created new, never
over another file). `store setup CODE --key FILE` makes a database store CODE's own (store mode):
it records its code and the key, and from then on refuses the Main's processes.

Key file (UTF-8 JSON): {"format": "xmart-sync-key", "version": 1, "store": "S01", "key": "<64 hex digits>"}.
"""

from __future__ import annotations

import json
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import exists, select

from xmart.errors import InputError, NotFoundError
from xmart.models import CorporateSaleOrder, Location, LocationKind, StoreIdentity, SyncPeer
from xmart.models.db import UnitOfWork
from xmart.models.sync import MAIN_PEER
from xmart.processes.security import audit
from xmart.processes.security.permissions import require
from xmart.processes.selection import PROCESS_LOCK
from xmart.processes.store_management import refuse_in_store_mode, store_code
from xmart.processes.sync.folders import write_atomically
from xmart.processes.sync.package_format import KEY_BYTES

KEY_FILE_FORMAT = "xmart-sync-key"
SYNC_LOCK = PROCESS_LOCK
"""Sync writes hold the processes' lock: applying a store's invoices never lands inside an Assign run."""


@dataclass(frozen=True)
class KeygenResult:
    """The store whose key was made, where the file is, and whether an older key was replaced."""

    store: str
    path: Path
    replaced: bool


@dataclass(frozen=True)
class SetupResult:
    """The store this database now belongs to; `already` when it was set up so before."""

    store: str
    already: bool


def key_file_text(store: str, key: bytes) -> bytes:
    """The contents of a key file for `store`."""
    document = {"format": KEY_FILE_FORMAT, "version": 1, "store": store, "key": key.hex()}
    return (json.dumps(document, sort_keys=True) + "\n").encode()


def read_key_file(path: Path) -> tuple[str, bytes]:
    """(store code, key) of key file `path`; InputError naming the file when it is missing, damaged,
    or readable by other users than its owner (POSIX mode bits)."""
    try:
        info = path.stat()
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"Key file {path}: cannot be read ({error.strerror or error}).") from None
    if os.name != "nt" and info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise InputError(
            f"Key file {path}: other users can read it (mode {stat.S_IMODE(info.st_mode):04o}); "
            "make it readable by its owner only (chmod 600) and try again."
        )
    try:
        document = json.loads(data.decode("utf-8"))
        if document.get("format") != KEY_FILE_FORMAT or document.get("version") != 1:
            raise ValueError
        store, key = document["store"], bytes.fromhex(document["key"])
        if not isinstance(store, str) or not store or len(key) != KEY_BYTES:
            raise ValueError
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        raise InputError(f"Key file {path}: not an xmart store key file (damaged or another file).") from None
    return store, key


def make_store_key(uow: UnitOfWork, store: str, out: Path, replace: bool = False) -> KeygenResult:
    """At the Main: make store `store`'s key, record it (the location becomes synchronized) and write `out`.

    DOMAIN.md section 6. The key file is created new with mode 0600. Raises NotFoundError for an
    unknown location, InputError when `out` exists, when the store already has a key and `replace`
    is off, or in store mode; AccessError without the `sync` permission. One transaction, committed;
    the file is removed again when the transaction fails.
    """
    if out.exists():
        raise InputError(f"{out} already exists; give a new file name (a key file is never overwritten).")
    with uow.exclusive(SYNC_LOCK):
        require(uow, "sync")
        session = uow.session
        refuse_in_store_mode(session, "making store keys")
        location = session.scalar(select(Location).where(Location.code == store))
        if location is None:
            raise NotFoundError(f"Location {store} does not exist.")
        if store.startswith("@"):
            raise InputError(f"Location code {store} cannot be synchronized (a code starting with @ is reserved).")
        peer = session.scalar(select(SyncPeer).where(SyncPeer.location_id == location.id))
        if peer is not None and not replace:
            raise InputError(
                f"{store} already has a sync key; use --replace to make a new one (the old one stops working)."
            )
        key = secrets.token_bytes(KEY_BYTES)
        replaced = peer is not None
        if peer is None:
            session.add(SyncPeer(code=store, location_id=location.id, key=key))
        else:
            peer.key = key
        audit.record(uow, "sync.keygen", entity="location", entity_id=store, detail="replaced" if replaced else "")
        session.flush()
        write_atomically(out.parent if str(out.parent) else Path("."), out.name, key_file_text(store, key), 0o600)
        try:
            os.chmod(out, 0o600)
            uow.commit()
        except BaseException:
            out.unlink(missing_ok=True)
            raise
    return KeygenResult(store, out, replaced)


def setup_store(uow: UnitOfWork, store: str, key_path: Path) -> SetupResult:
    """Make this database store `store`'s own (store mode) with the key in `key_path`; commit.

    DOMAIN.md section 6. Creates the store's location when missing. Raises InputError when the key
    file is not `store`'s (or is damaged or readable by others), when this database is another
    store's or holds the Main's data (corporate sale orders, synchronized stores); AccessError
    without the `sync` permission. Setting up the same store with the same key again changes nothing.
    """
    file_store, key = read_key_file(key_path)
    if file_store != store:
        raise InputError(f"Key file {key_path} is store {file_store}'s key, not {store}'s.")
    with uow.exclusive(SYNC_LOCK):
        require(uow, "sync")
        session = uow.session
        own = store_code(session)
        if own is not None:
            main = session.scalar(select(SyncPeer).where(SyncPeer.code == MAIN_PEER))
            if own == store and main is not None and main.key == key:
                return SetupResult(store, already=True)
            raise InputError(f"This database is already store {own}'s; it cannot become {store}'s.")
        if session.scalar(select(exists().where(CorporateSaleOrder.id.is_not(None)))) or session.scalar(
            select(exists().where(SyncPeer.id.is_not(None)))
        ):
            raise InputError(
                "This database holds the Main's data (corporate sale orders or synchronized stores); "
                "a store needs its own database."
            )
        location = session.scalar(select(Location).where(Location.code == store))
        if location is None:
            location = Location(code=store, name=store, kind=LocationKind.STORE.value, active=True)
            session.add(location)
            session.flush()
        session.add(StoreIdentity(id=1, code=store, location_id=location.id))
        session.add(SyncPeer(code=MAIN_PEER, location_id=None, key=key))
        audit.record(uow, "store.setup", entity="location", entity_id=store)
        uow.commit()
    return SetupResult(store, already=False)
