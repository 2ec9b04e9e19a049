"""`xmart users ...`, `xmart roles ...` and `--user` sign-in on the command line (INTERFACE.md, "Users").

Exit statuses: 0 done, 2 bad input (a short or missing new password, an unknown role), 3 a missing
or failed sign-in or a permission the user lacks; every refusal is one plain line on stderr.
"""

from __future__ import annotations

import getpass
import json
import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from tests.support.security import cheap_argon2
from xmart.cli import sign_in as cli_sign_in
from xmart.cli.main import main

PW = "correct horse battery"
BOB_PW = "bobs long password"
SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture(autouse=True)
def _cheap(monkeypatch):
    cheap_argon2(monkeypatch)
    for name in ("XMART_USER", "XMART_PASSWORD", "XMART_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


def xmart(db_url, capsys, *argv, env=None):
    """Run `xmart --db URL ARGV...` in this process; (status, stdout, stderr)."""
    capsys.readouterr()
    with pytest.MonkeyPatch.context() as patch:
        for name, value in (env or {}).items():
            patch.setenv(name, value)
        status = main(["--db", db_url, *argv])
    out, err = capsys.readouterr()
    return status, out, err


def one_line(err: str, *words: str) -> None:
    assert err.count("\n") == 1 and err.startswith("xmart: "), err
    assert "Traceback" not in err and "SELECT" not in err and PW not in err and BOB_PW not in err
    for word in words:
        assert word in err, err


@pytest.fixture
def with_admin(db_url, capsys):
    """A database whose first administrator is alice (password PW)."""
    status, out, err = xmart(
        db_url, capsys, "users", "add", "alice", "--role", "administrator", env={"XMART_NEW_PASSWORD": PW}
    )
    assert (status, err) == (0, "") and "alice" in out
    return db_url


def as_alice(**more):
    return {"XMART_PASSWORD": PW} | more


def test_the_first_administrator_is_added_without_sign_in_then_sign_in_is_needed(db_url, capsys):
    status, _out, err = xmart(db_url, capsys, "users", "add", "bob", "--role", "clerk", env={"XMART_NEW_PASSWORD": PW})
    assert status == 2
    one_line(err, "first user must be an administrator")
    status, out, err = xmart(db_url, capsys, "users", "list")
    assert status == 0 and "No users" in out
    status, _out, err = xmart(
        db_url, capsys, "users", "add", "alice", "--role", "administrator", env={"XMART_NEW_PASSWORD": PW}
    )
    assert status == 0
    status, _out, err = xmart(db_url, capsys, "users", "list")
    assert status == 3
    one_line(err, "Sign in first")
    status, _out, err = xmart(
        db_url, capsys, "users", "add", "bob", "--role", "clerk", env={"XMART_NEW_PASSWORD": BOB_PW}
    )
    assert status == 3
    status, out, err = xmart(db_url, capsys, "--user", "alice", "users", "list", "--json", env=as_alice())
    assert status == 0 and err == ""
    [alice] = json.loads(out)["users"]
    assert alice["name"] == "alice" and alice["role"] == "administrator" and "card.reveal" in alice["permissions"]
    assert alice["disabled"] is False and alice["locked_until"] is None


def test_sign_in_with_xmart_user_and_a_wrong_password_exits_3(with_admin, capsys):
    db_url = with_admin
    status, out, err = xmart(db_url, capsys, "users", "list", env={"XMART_USER": "alice", "XMART_PASSWORD": PW})
    assert status == 0 and out.startswith("alice: administrator; enabled")
    status, _out, err = xmart(
        db_url, capsys, "--user", "alice", "users", "list", env={"XMART_PASSWORD": "not the password"}
    )
    assert status == 3
    one_line(err, "Wrong user name or password.")
    status, _out, err = xmart(db_url, capsys, "--user", "nobody", "users", "list", env={"XMART_PASSWORD": PW})
    assert status == 3
    one_line(err, "Wrong user name or password.")


def test_the_password_from_the_keyring(with_admin, capsys):
    keyring.set_password("xmart", "user:alice", PW)
    status, out, _err = xmart(with_admin, capsys, "--user", "alice", "users", "list")
    assert status == 0 and "alice" in out


def test_without_password_or_terminal_sign_in_exits_3(with_admin, capsys):
    status, _out, err = xmart(with_admin, capsys, "--user", "alice", "users", "list")
    assert status == 3
    one_line(err, "No password for alice", "XMART_PASSWORD")


def test_a_real_process_without_a_terminal_exits_3_with_one_line(with_admin):
    env = {k: v for k, v in os.environ.items() if not k.startswith("XMART_") or k == "XMART_DATA_DIR"}
    env |= {"PYTHONPATH": str(SRC), "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from xmart.cli.main import main; sys.exit(main())",
            "--db",
            with_admin,
            "--user",
            "alice",
            "users",
            "list",
        ],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 3 and done.stdout == ""
    one_line(done.stderr, "No password for alice")


def test_the_prompts_at_a_terminal(with_admin, capsys, monkeypatch):
    answers = iter([PW, BOB_PW, BOB_PW, PW, "one long password", "another long one"])
    monkeypatch.setattr(cli_sign_in, "_on_terminal", lambda: True)
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    status, out, _err = xmart(with_admin, capsys, "--user", "alice", "users", "add", "bob", "--role", "clerk")
    assert status == 0 and "User bob added with the role clerk." in out
    status, _out, err = xmart(with_admin, capsys, "--user", "alice", "users", "password", "bob")
    assert status == 2
    one_line(err, "The two passwords differ")
    status, out, _err = xmart(with_admin, capsys, "--user", "bob", "users", "list", env={"XMART_PASSWORD": BOB_PW})
    assert status == 3  # bob's password is unchanged, and a clerk may not list users


def test_new_password_rules_and_source(with_admin, capsys):
    status, _out, err = xmart(
        with_admin, capsys, "--user", "alice", "users", "add", "bob", "--role", "clerk", env=as_alice()
    )
    assert status == 2
    one_line(err, "No new password", "XMART_NEW_PASSWORD")
    status, _out, err = xmart(
        with_admin, capsys, "--user", "alice", "users", "add", "bob", "--role", "clerk",
        env=as_alice(XMART_NEW_PASSWORD="x" * 11),
    )  # fmt: skip
    assert status == 2
    one_line(err, "at least 12 characters")
    status, _out, err = xmart(
        with_admin, capsys, "--user", "alice", "users", "add", "bob", "--role", "boss",
        env=as_alice(XMART_NEW_PASSWORD=BOB_PW),
    )  # fmt: skip
    assert status == 2
    one_line(err, "no role 'boss'")


def test_user_commands_end_to_end(with_admin, capsys):
    db = with_admin

    def run(*argv, **env):
        return xmart(db, capsys, "--user", "alice", *argv, env=as_alice(**env))

    assert run("users", "add", "bob", "--role", "clerk", "--full-name", "Bob Baker", XMART_NEW_PASSWORD=BOB_PW)[0] == 0
    status, _out, err = xmart(
        db,
        capsys,
        "--user",
        "bob",
        "users",
        "add",
        "carl",
        "--role",
        "clerk",
        env={"XMART_PASSWORD": BOB_PW, "XMART_NEW_PASSWORD": PW},
    )
    assert status == 3
    one_line(err, "You (bob) may not manage users and roles")
    assert run("users", "set-role", "bob", "manager")[1] == "bob now has the role manager.\n"
    status, out, _err = run("users", "grant", "bob", "card.reveal")
    assert status == 0 and "card.reveal" in out
    status, _out, err = run("users", "grant", "bob", "fly")
    assert status == 2
    one_line(err, "no permission 'fly'")
    assert run("users", "revoke", "bob", "card.reveal")[0] == 0
    assert run("users", "disable", "bob")[0] == 0
    status, _out, err = xmart(db, capsys, "--user", "bob", "users", "list", env={"XMART_PASSWORD": BOB_PW})
    assert status == 3
    one_line(err, "This account is disabled.")
    assert run("users", "enable", "bob")[0] == 0
    for _ in range(6):
        xmart(db, capsys, "--user", "bob", "users", "list", env={"XMART_PASSWORD": "wrong password!"})
    status, out, _err = run("users", "list", "--json")
    [bob] = [u for u in json.loads(out)["users"] if u["name"] == "bob"]
    assert bob["locked_until"] is not None and bob["full_name"] == "Bob Baker"
    status, out, _err = run("users", "list")
    assert "bob (Bob Baker): manager; enabled, locked until" in out
    assert run("users", "unlock", "bob")[0] == 0
    assert run("users", "password", "bob", XMART_NEW_PASSWORD=PW)[0] == 0
    status, _out, err = xmart(db, capsys, "--user", "bob", "roles", "list", env={"XMART_PASSWORD": PW})
    assert status == 3  # signed in with the new password; a manager may not list roles
    one_line(err, "may not manage users and roles")
    status, _out, err = run("users", "set-role", "alice", "clerk")
    assert status == 2
    one_line(err, "no enabled user who can manage users")
    status, out, _err = run("users", "password", "alice", XMART_NEW_PASSWORD=BOB_PW)  # her own: with the current one
    assert status == 0
    assert xmart(db, capsys, "--user", "alice", "users", "list", env={"XMART_PASSWORD": BOB_PW})[0] == 0


def test_roles_commands(with_admin, capsys):
    db = with_admin

    def run(*argv):
        return xmart(db, capsys, "--user", "alice", *argv, env=as_alice())

    status, out, _err = run("roles", "add", "buyer", "process.purchase_orders", "po.receive", "--description", "Buys")
    assert status == 0 and out == "Role buyer: po.receive, process.purchase_orders.\n"
    status, out, _err = run("roles", "list", "--json")
    roles = {r["name"]: r for r in json.loads(out)["roles"]}
    assert roles["buyer"] == {
        "name": "buyer",
        "description": "Buys",
        "builtin": False,
        "permissions": ["po.receive", "process.purchase_orders"],
    }
    assert roles["clerk"]["builtin"] and roles["clerk"]["permissions"] == [
        "documents.print",
        "order.enter",
        "order.hold",
    ]
    status, out, _err = run("roles", "list")
    assert "buyer (office): po.receive, process.purchase_orders" in out
    status, _out, err = run("roles", "add", "clerk", "import")
    assert status == 2
    one_line(err, "built-in role 'clerk' cannot be changed")
    assert (
        xmart(
            db,
            capsys,
            "--user",
            "alice",
            "users",
            "add",
            "dora",
            "--role",
            "buyer",
            env=as_alice(XMART_NEW_PASSWORD=BOB_PW),
        )[0]
        == 0
    )
    status, _out, err = run("roles", "delete", "buyer")
    assert status == 2
    one_line(err, "still given to dora")
    assert run("users", "set-role", "dora", "clerk")[0] == 0
    assert run("roles", "delete", "buyer") == (0, "Role buyer deleted.\n", "")
    status, _out, err = run("roles", "delete", "buyer")
    assert status == 2
    one_line(err, "no role 'buyer'")


def test_card_key_copies_are_shared_at_once_or_shown_pending(with_admin, capsys, engine):
    from xmart.models.db import UnitOfWork
    from xmart.processes.security import grants

    with UnitOfWork(engine) as uow:  # the database's card key (alice, the first administrator, holds it)
        grants.current_key(uow)
        uow.commit()
    db = with_admin

    def run(user, password, *argv, **env):
        return xmart(db, capsys, "--user", user, *argv, env={"XMART_PASSWORD": password} | env)

    status, out, _err = run("alice", PW, "users", "add", "bob", "--role", "administrator", XMART_NEW_PASSWORD=BOB_PW)
    assert status == 0 and "The card-data key is shared with 1 more user." in out
    assert run("alice", PW, "roles", "add", "useradmin", "users.admin")[0] == 0
    assert run("alice", PW, "users", "add", "carl", "--role", "useradmin", XMART_NEW_PASSWORD=BOB_PW)[0] == 0
    status, out, _err = run("carl", BOB_PW, "users", "add", "dora", "--role", "administrator", XMART_NEW_PASSWORD=PW)
    assert status == 0 and "shared" not in out  # carl cannot open the card key
    status, out, _err = run("carl", BOB_PW, "users", "list")
    assert "dora: administrator; enabled; card key: pending" in out and "bob: administrator; enabled\n" in out
    status, out, _err = run("carl", BOB_PW, "users", "list", "--json")
    assert {u["name"]: u["card_key_pending"] for u in json.loads(out)["users"]} == {
        "alice": False,
        "bob": False,
        "carl": False,
        "dora": True,
    }
    assert run("bob", BOB_PW, "users", "list")[0] == 0  # a holder signs in: dora gets her copy
    status, out, _err = run("carl", BOB_PW, "users", "list")
    assert "pending" not in out


def test_sign_in_ignores_case_and_a_taken_name_is_named_before_a_password_is_asked(with_admin, capsys, monkeypatch):
    db_url = with_admin
    status, out, err = xmart(db_url, capsys, "--user", "ALICE", "users", "list", env=as_alice())
    assert (status, err) == (0, "") and out.startswith("alice")
    asked = []
    monkeypatch.setattr(cli_sign_in, "new_password", lambda: asked.append(1) or PW)
    monkeypatch.setattr("xmart.cli.users.new_password", cli_sign_in.new_password)
    argv = ("--user", "alice", "users", "add", "Alice", "--role", "clerk")
    status, out, err = xmart(db_url, capsys, *argv, env=as_alice())
    assert status == 2 and asked == []
    one_line(err, "There is already a user 'alice'")
    argv = ("--user", "alice", "users", "revoke", "ALICE", "card.reveal")
    status, out, err = xmart(db_url, capsys, *argv, env=as_alice())
    assert status == 2
    one_line(err, "card.reveal comes with the role administrator; change the role of alice instead")
