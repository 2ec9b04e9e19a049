"""Card keys across workstations and on the command line (issue 13 Done-when), SQLite and PostgreSQL.

Each "workstation" is a separate `xmart` process with its own data folder and no keyring at all:
they share nothing but the database. Both take card payments under the database's one key; a
third user reads every card; deleting every workstation's data folder loses nothing. `keys
rotate` killed by SIGKILL part-way leaves every card readable with the old key. `keys migrate`
re-encrypts cards of the older scheme, and refuses a wrong, exposed, damaged or missing key.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.support.cards import card_number, card_orders, card_payments, key_text, make_legacy, master_document
from tests.support.db import load, snapshot
from tests.support.documents import write
from tests.support.users import PASSWORD, add_user, reveal_card, signed_in
from tests.support.workstations import workstation, xmart
from xmart.cli.main import main
from xmart.models import CardKey, Payment
from xmart.models.db import UnitOfWork
from xmart.processes.security import card_keys


def _no_key_files(*folders: Path) -> None:
    for folder in folders:
        assert not list(folder.rglob("*.key")), list(folder.rglob("*.key"))


def test_two_workstations_share_one_key_and_losing_them_loses_nothing(engine, db_url, tmp_path):
    load(engine, master_document())
    add_user(engine, "ada", "administrator")
    rita = add_user(engine, "rita", "clerk", permissions=("card.reveal",))
    add_user(engine, "mona", "manager")
    signed = {"XMART_USER": "mona", "XMART_PASSWORD": PASSWORD}  # the sign-in of the command line
    one, two = workstation(tmp_path, "one", **signed), workstation(tmp_path, "two", **signed)
    for env, first in ((one, 1001), (two, 2001), (one, 1101), (two, 2101)):
        done = xmart(env, "--db", db_url, "import", str(write(tmp_path / f"{first}.json", card_orders(first, 5))))
        assert done.returncode == 0, done.stderr
    with UnitOfWork(engine) as uow:
        assert uow.session.scalar(select(func.count()).select_from(CardKey)) == 1
        by_cso = dict(
            uow.session.execute(
                select(Payment.id, Payment.card_last4).where(Payment.kind == "card").order_by(Payment.id)
            ).all()
        )
    assert len(by_cso) == 20
    expected = [card_number(first + i) for first in (1001, 2001, 1101, 2101) for i in range(5)]
    for pid, number in zip(sorted(by_cso), expected, strict=True):
        assert reveal_card(engine, pid, rita) == number
    _no_key_files(tmp_path / "one", tmp_path / "two")
    shutil.rmtree(tmp_path / "one")
    shutil.rmtree(tmp_path / "two")
    three = workstation(tmp_path, "three", **signed)
    done = xmart(three, "--db", db_url, "import", str(write(tmp_path / "3001.json", card_orders(3001, 2))))
    assert done.returncode == 0, done.stderr
    for pid, number in zip(
        sorted(card_payments(engine)), [*expected, card_number(3001), card_number(3002)], strict=True
    ):
        assert reveal_card(engine, pid, rita) == number


def test_an_altered_key_is_refused_by_a_workstation_before_anything_is_encrypted(engine, db_url, tmp_path):
    load(engine, master_document())
    load(engine, card_orders(1001, 1))
    with UnitOfWork(engine) as uow:
        key = uow.session.scalar(select(CardKey))
        key.public_key = bytes(reversed(key.public_key))
        uow.commit()
    before = snapshot(engine)
    done = xmart(
        workstation(tmp_path, "one"), "--db", db_url, "import", str(write(tmp_path / "d.json", card_orders(2001, 1)))
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "xmart: The card-data key stored in the database has been altered: no card was encrypted. "
        "Ask an administrator to check `xmart keys status`."
    ]
    assert snapshot(engine) == before


def test_card_reveal_prints_the_number_alone_and_is_audited(engine, db_url, capsys):
    load(engine, master_document())
    load(engine, card_orders(1001, 2))
    second = sorted(card_payments(engine))[1]
    assert main(["--db", db_url, "card", "reveal", str(second)]) == 0
    assert capsys.readouterr().out == card_number(1002) + "\n"
    assert main(["--db", db_url, "card", "reveal", "99999"]) == 2
    assert capsys.readouterr().err == "xmart: There is no payment 99999.\n"


def test_show_cso_json_lists_the_payment_ids_with_the_card_masked(engine, db_url, capsys):
    load(engine, master_document())
    load(engine, card_orders(1001, 2))
    payments = card_payments(engine)
    capsys.readouterr()
    assert main(["--db", db_url, "show", "cso", "1002", "--json"]) == 0
    out = capsys.readouterr().out
    listed = json.loads(out)["payments"]
    assert [p["type"] for p in listed] == ["card"]
    assert listed[0]["id"] in payments and listed[0]["card"] == f"**** {payments[listed[0]['id']]}"
    assert card_number(1002) not in out and card_number(1002)[:12] not in out
    assert main(["--db", db_url, "show", "cso", "1002"]) == 0
    out = capsys.readouterr().out
    assert f"payment {listed[0]['id']}: card" in out and card_number(1002) not in out
    with pytest.raises(SystemExit):
        main(["card", "reveal", "--help"])
    assert "show cso" in capsys.readouterr().out


def test_card_reveal_without_sign_in_exits_3(engine, db_url, tmp_path):
    load(engine, master_document())
    ada = add_user(engine, "ada", "administrator")
    with signed_in(engine, ada):  # the import itself needs a sign-in once the database has a user
        load(engine, card_orders(1001, 1))
        pid = next(iter(card_payments(engine)))
    done = xmart(workstation(tmp_path, "one"), "--db", db_url, "card", "reveal", str(pid))
    assert done.returncode == 3 and card_number(1001) not in done.stdout + done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


KILLER = """
import os, signal, sys
from xmart.models.db import UnitOfWork, make_engine
from xmart.processes.security import card_keys

card_keys.BATCH = 5

def kill(done):
    if done >= 15:
        os.kill(os.getpid(), signal.SIGKILL)

card_keys._after_batch = kill
with UnitOfWork(make_engine(sys.argv[1])) as uow:
    card_keys.rotate(uow, None)
print("not killed")
"""


def test_keys_rotate_is_all_or_nothing_under_sigkill(engine, db_url, tmp_path, capsys):
    load(engine, master_document())
    load(engine, card_orders(1001, 30))
    with UnitOfWork(engine) as uow:
        before = card_keys.status(uow)
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, db_url],
        env=workstation(tmp_path, "one"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
    with UnitOfWork(engine) as uow:
        after = card_keys.status(uow)
        assert uow.session.scalar(select(func.count()).select_from(CardKey)) == 1
    assert (after.fingerprint, after.cards, after.retired_key_cards) == (before.fingerprint, 30, 0)
    numbers = [card_number(1001 + i) for i in range(30)]
    pids = sorted(card_payments(engine))
    for pid, number in zip(pids, numbers, strict=True):
        assert reveal_card(engine, pid) == number
    assert main(["--db", db_url, "keys", "rotate"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Card key rotated: 30 card(s) re-encrypted") and before.fingerprint in out
    with UnitOfWork(engine) as uow:
        rotated = card_keys.status(uow)
    assert rotated.fingerprint != before.fingerprint and (rotated.cards, rotated.retired_key_cards) == (30, 0)
    for pid, number in zip(pids, numbers, strict=True):
        assert reveal_card(engine, pid) == number


def test_keys_status_json_and_text(engine, db_url, capsys):
    assert main(["--db", db_url, "keys", "status", "--json"]) == 0
    import json

    empty = json.loads(capsys.readouterr().out)
    assert empty["fingerprint"] is None and empty["cards"] == 0
    load(engine, master_document())
    load(engine, card_orders(1001, 2))
    assert main(["--db", db_url, "keys", "status", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["cards"] == 2 and document["legacy_cards"] == 0 and document["bootstrap"] is True
    assert len(document["fingerprint"]) == 64
    assert main(["--db", db_url, "keys", "status"]) == 0
    text = capsys.readouterr().out
    assert f"Card key: {document['fingerprint']}" in text and "Cards it reads: 2" in text


@pytest.fixture
def legacy_db(engine):
    """Three cards of the older scheme under one workstation key, and that key."""
    load(engine, master_document())
    load(engine, card_orders(1001, 3))
    key = os.urandom(32)
    make_legacy(engine, key, {pid: card_number(1001 + i) for i, pid in enumerate(sorted(card_payments(engine)))})
    return key


def _migrate(env, db_url):
    return xmart(env, "--db", db_url, "keys", "migrate")


def test_keys_migrate_on_the_command_line(engine, db_url, tmp_path, legacy_db):
    env = workstation(tmp_path, "old")
    key_file = tmp_path / "old" / "card-data.key"
    before = snapshot(engine)

    missing = _migrate(env, db_url)
    assert missing.returncode == 1 and "No card-data key of the older scheme" in missing.stderr
    assert not key_file.exists()

    key_file.write_text(key_text(legacy_db))
    key_file.chmod(0o666)
    exposed = _migrate(env, db_url)
    assert exposed.returncode == 1 and f"chmod 600 {key_file}" in exposed.stderr

    key_file.chmod(0o600)
    key_file.write_text("AAAA=")
    damaged = _migrate(env, db_url)
    assert damaged.returncode == 1 and f"file {key_file} is damaged" in damaged.stderr
    assert "padding" not in damaged.stderr.lower()

    key_file.write_text(key_text(os.urandom(32)))
    wrong = _migrate(env, db_url)
    assert wrong.returncode == 1 and "this key does not match any" in wrong.stderr

    for refused in (missing, exposed, damaged, wrong):
        assert len(refused.stderr.strip().splitlines()) == 1 and "Traceback" not in refused.stderr
    assert snapshot(engine) == before

    key_file.write_text(key_text(legacy_db))
    done = _migrate(env, db_url)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("3 card(s) re-encrypted under the database's key")
    for i, pid in enumerate(sorted(card_payments(engine))):
        assert reveal_card(engine, pid) == card_number(1001 + i)
    again = _migrate(env, db_url)
    assert again.returncode == 0 and again.stdout.startswith("No card is under an older workstation key")


def test_keys_status_names_legacy_cards_and_exits_1(engine, db_url, legacy_db, capsys):
    assert main(["--db", db_url, "keys", "status"]) == 1
    assert "Cards under an older workstation key (it cannot read them): 3" in capsys.readouterr().out
